package io.wirewatch.enrich.extract;

/**
 * One place an entity is mentioned: tokens {@code [from, to)} of sentence {@code sentenceIndex} (a part of a hyphenated
 * word such as {@code Russian-made} covers its whole token), and the exact characters in the article text.
 */
record Mention(int sentenceIndex, int from, int to, int charStart, int charEnd, ArticleEntity entity, Kind kind) {

    /** How the words refer to the entity. */
    enum Kind {
        /** A name or alias: Syria, GCC, Sergei Lavrov. */
        NAME,
        /** An adjective or people name standing for a country: Syrian, Russians. */
        DEMONYM,
        /** A capital standing for its government: Washington, Moscow. */
        METONYM,
        /** A person's surname alone, with or without an honorific: Mr Lavrov, Assad. */
        SURNAME
    }
}
