package io.wirewatch.enrich.extract;

import io.wirewatch.schema.EntityType;
import java.util.List;

/**
 * Names who is speaking or giving a figure: a known entity (its canonical name; "the Syrian government" and
 * "President Assad's government" name the state), or an unnamed group ("activists", "state media", "rights groups"),
 * the groups being the language's SPEAKER_GROUPS.
 */
final class Speakers {

    private Speakers() {}

    /** The group a phrase names, preferring the earliest in the text; SPEAKER_GROUP_LAST only when nothing else is named. */
    static String group(Lexicon lexicon, String phrase) {
        List<String> words = Lexicon.tokens(phrase);
        String best = null;
        int bestAt = Integer.MAX_VALUE;
        String last = null;
        for (int k = 0; k < words.size(); k++) {
            // Only a word that opens an entry can open the phrase: the others are spared joining up to four words.
            boolean opensGroup = lexicon.opensEntry("SPEAKER_GROUPS", words.get(k));
            boolean opensLast = lexicon.opensEntry("SPEAKER_GROUP_LAST", words.get(k));
            if (!opensGroup && !opensLast) {
                continue;
            }
            for (int length = Math.min(4, words.size() - k); length >= 1; length--) {
                String candidate = String.join(" ", words.subList(k, k + length));
                if (opensGroup && lexicon.isEntry("SPEAKER_GROUPS", candidate) && k < bestAt) {
                    best = candidate;
                    bestAt = k;
                    break;
                }
                if (last == null && opensLast && lexicon.isEntry("SPEAKER_GROUP_LAST", candidate)) {
                    last = candidate;
                }
            }
        }
        return best != null ? best : last;
    }

    /** The state behind a mention used as a speaker: "the Syrian government", "President Assad's government". */
    static ArticleEntity governmentOf(ArticleAnalysis article, Sentence s, Mention mention, int limit) {
        ArticleEntity entity = mention.entity();
        Lexicon lexicon = article.language.lexicon();
        for (int k = mention.to(); k < Math.min(limit, mention.to() + 3); k++) {
            if (lexicon.is("GOVERNMENT_AFTER", s, k)) {
                if (entity.type == EntityType.COUNTRY) {
                    return entity;
                }
                if (entity.type == EntityType.PERSON && entity.countryCode != null) {
                    return article.country(entity.countryCode);
                }
            }
        }
        return null;
    }
}
