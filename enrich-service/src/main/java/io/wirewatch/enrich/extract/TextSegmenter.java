package io.wirewatch.enrich.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits normalised article text into sentences of tokens, keeping every token's character offsets.
 *
 * <p>Hand-written rather than OpenNLP's detector and tokenizer: news text needs only a few rules (abbreviations such as
 * {@code Mr.} and {@code U.S.}, possessive {@code 's}, numbers with commas, line breaks between headline parts), it
 * runs in one linear pass with no model to load, and the trial of OpenNLP's packaged English sentence model gave
 * no better sentences on the seeds (see the extraction note in the report). Work is bounded: input beyond
 * {@link #MAX_CHARS} is ignored and no sentence holds more than {@link #MAX_SENTENCE_TOKENS} tokens.
 */
final class TextSegmenter {

    /** Longer input is cut: no news article comes near it, and it bounds the work on hostile input. */
    static final int MAX_CHARS = 1_000_000;

    static final int MAX_SENTENCE_TOKENS = 160;

    /** Words that take a full stop without ending a sentence (the language's ABBREVIATIONS). */
    private final Set<String> abbreviations;
    /** Word beginnings that are words of their own (the language's ELISIONS: "l'", "d'"), lower case, straight apostrophe. */
    private final Set<String> elisions;

    private final boolean thousandsSpace;
    /**
     * The language's known words (lower case, interned): a token whose lower-case form is one of them carries that very
     * string, so the lexicon's probes of it compare references and hash nothing.
     */
    private final WordTable vocabulary;
    /**
     * The word classes of the vocabulary's words by their slots, and of every other word, when the segmenter is a
     * language's (its tokens carry them: {@link Lexicon#is(String, Sentence, int)}); null otherwise.
     */
    private final Lexicon.WordClasses[] classesBySlot;

    private final Lexicon.WordClasses noClasses;

    /** A segmenter with no abbreviations, for short names (a gazetteer's entries). */
    TextSegmenter() {
        this(Set.of());
    }

    TextSegmenter(Set<String> abbreviations) {
        this(abbreviations, Set.of());
    }

    TextSegmenter(Set<String> abbreviations, Set<String> elisions) {
        this(abbreviations, elisions, false);
    }

    /** @param thousandsSpace the language groups a number's thousands with a space ("5 400"): THOUSANDS_SPACE */
    TextSegmenter(Set<String> abbreviations, Set<String> elisions, boolean thousandsSpace) {
        this(abbreviations, elisions, thousandsSpace, Set.of());
    }

    /** @param vocabulary the language's known words, lower case: the strings its tokens should carry */
    TextSegmenter(Set<String> abbreviations, Set<String> elisions, boolean thousandsSpace, Set<String> vocabulary) {
        this(abbreviations, elisions, thousandsSpace, vocabulary, null);
    }

    /** @param lexicon the language's word classes, which its tokens carry; null for none */
    TextSegmenter(
            Set<String> abbreviations,
            Set<String> elisions,
            boolean thousandsSpace,
            Set<String> vocabulary,
            Lexicon lexicon) {
        this.abbreviations = Set.copyOf(abbreviations);
        this.elisions = Set.copyOf(elisions);
        this.thousandsSpace = thousandsSpace;
        this.vocabulary = new WordTable(vocabulary);
        if (lexicon == null) {
            this.classesBySlot = null;
            this.noClasses = null;
        } else {
            this.classesBySlot = new Lexicon.WordClasses[this.vocabulary.capacity()];
            for (String word : vocabulary) {
                classesBySlot[this.vocabulary.indexOf(word)] = lexicon.classesOf(word);
            }
            this.noClasses = lexicon.classesOf("");
        }
    }

    List<Sentence> split(String text) {
        String input = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        List<Sentence> sentences = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int i = 0;
        int n = input.length();
        boolean newlineBefore = false;
        java.util.BitSet wraps = WrappedLines.softBreaks(input);
        while (i < n) {
            char c = input.charAt(i);
            if (c == ' ') {
                i++; // the commonest character of all, before the general test
                continue;
            }
            if (Character.isWhitespace(c)) {
                if ((c == '\n' || c == '\r') && !wraps.get(i)) {
                    newlineBefore = true;
                }
                i++;
                continue;
            }
            if (newlineBefore && !current.isEmpty()) {
                flush(input, current, sentences);
            }
            newlineBefore = false;
            // an image file's ending glued to the next word ("leader.jpgGhana") is cut by tokenEnd, not read plain
            long plain = imageFileEnding(input, i) > 0 ? 0 : plainWord(input, i);
            if (plain != 0) {
                // a word of ASCII letters and digits that tokenEnd would end at the same place, read in one pass; no
                // elision, possessive or full stop in it, so it is one token and ends no sentence
                int plainEnd = (int) (plain & PLAIN_END);
                current.add(asciiToken(input, i, plainEnd, (int) (plain >>> 32), (plain & PLAIN_UPPER) != 0));
                i = plainEnd;
                if (current.size() >= MAX_SENTENCE_TOKENS) {
                    i = absorbClosingQuote(input, current, i);
                    flush(input, current, sentences);
                }
                continue;
            }
            int end = tokenEnd(input, i);
            int elided = elisionLength(input, i, end);
            if (elided > 0) {
                // "l'ambassadeur", "d'Israël": the elided article or preposition is a word of its own
                String word = input.substring(i, end);
                current.add(token(word.substring(0, elided), i));
                current.add(token(word.substring(elided), i + elided));
            } else if (end - i > 2 && Character.isLetter(c) && endsWithPossessive(input, end)) {
                String word = input.substring(i, end);
                current.add(token(word.substring(0, word.length() - 2), i));
                current.add(token(word.substring(word.length() - 2), end - 2));
            } else {
                current.add(token(input, i, end));
            }
            i = end;
            if (endsSentence(input, current, i) || current.size() >= MAX_SENTENCE_TOKENS) {
                i = absorbClosingQuote(input, current, i);
                flush(input, current, sentences);
            }
        }
        if (!current.isEmpty()) {
            flush(input, current, sentences);
        }
        return sentences;
    }

    /** ASCII letters and digits: the characters of a plain word. */
    private static final boolean[] ASCII_LETTER_OR_DIGIT = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            ASCII_LETTER_OR_DIGIT[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII_LETTER_OR_DIGIT[c] = true;
            ASCII_LETTER_OR_DIGIT[c - 'a' + 'A'] = true;
        }
    }

    /** Where {@link #plainWord} packs the word's end (below 2^31, as the text is cut at MAX_CHARS) and its capital. */
    private static final long PLAIN_END = 0x7FFF_FFFFL;

    private static final long PLAIN_UPPER = 1L << 31;

    /**
     * The token starting at {@code start} when it is a plain word: ASCII letters and digits, followed by the end of
     * the text or by a character after which {@link #tokenEnd} stops at once and looks no further (not a hyphen,
     * apostrophe or full stop, no comma after a digit, no space where thousands are grouped by one, nothing outside
     * ASCII). The word is hashed on the way, so it is read once where tokenEnd and the vocabulary's probe read it
     * twice; the answer packs the hash of its lower-case form (high 32 bits), whether it has a capital
     * ({@link #PLAIN_UPPER}) and its end ({@link #PLAIN_END}) in one long, as the segmenter is shared by threads and
     * an object per token would cost more than the pass saves. 0 when the token is no plain word: the caller cuts it
     * the general way.
     */
    private static long plainWord(String s, int start, boolean thousandsSpace) {
        int n = s.length();
        int hash = 0;
        boolean upper = false;
        int i = start;
        char d = 0;
        while (i < n) {
            d = s.charAt(i);
            if (d >= 128 || !ASCII_LETTER_OR_DIGIT[d]) {
                break;
            }
            if (d <= 'Z' && d >= 'A') {
                upper = true;
                d += 'a' - 'A';
            }
            hash = 31 * hash + d;
            i++;
        }
        if (i == start) {
            return 0;
        }
        if (i < n) {
            boolean afterDigit = s.charAt(i - 1) >= '0' && s.charAt(i - 1) <= '9';
            if (d >= 128 || d == '-' || d == '\'' || d == '.' || d == ',' && afterDigit || d == ' ' && thousandsSpace) {
                return 0;
            }
        }
        return (long) hash << 32 | (upper ? PLAIN_UPPER : 0) | i;
    }

    private long plainWord(String s, int start) {
        return plainWord(s, start, thousandsSpace);
    }

    /**
     * The token of {@code text} at {@code start}, its lower-case form (and its text, when that is already lower case)
     * the vocabulary's string when it is a known word.
     */
    private Token token(String text, int start) {
        String lower = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        int slot = vocabulary.indexOf(lower);
        if (slot < 0) {
            return new Token(text, lower, start, start + text.length(), noClasses);
        }
        String known = vocabulary.wordAt(slot);
        return new Token(text == lower ? known : text, known, start, start + text.length(), classesAt(slot));
    }

    private Lexicon.WordClasses classesAt(int slot) {
        return classesBySlot == null ? null : classesBySlot[slot];
    }

    private Lexicon.WordClasses classesOf(String lower) {
        int slot = classesBySlot == null ? -1 : vocabulary.indexOf(lower);
        return slot < 0 ? noClasses : classesBySlot[slot];
    }

    /**
     * The token of the word {@code s[from, to)}: as {@link #token(String, int)}, but a word of ASCII letters (nearly
     * every word of an English article) is looked up in the vocabulary where it stands, its lower-case form hashed on
     * the way, so a known word written in lower case costs no string at all and another no lower-case copy.
     */
    private Token token(String s, int from, int to) {
        int hash = 0;
        boolean upper = false;
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c >= 0x80) {
                return token(s.substring(from, to), from); // Unicode case rules and typographic apostrophes
            }
            if (c >= 'A' && c <= 'Z') {
                upper = true;
                c += 'a' - 'A';
            }
            hash = 31 * hash + c;
        }
        return asciiToken(s, from, to, hash, upper);
    }

    /**
     * The token of the word {@code s[from, to)} of ASCII characters, {@code hash} being its lower-case form's hash and
     * {@code upper} whether it has a capital.
     */
    private Token asciiToken(String s, int from, int to, int hash, boolean upper) {
        int slot = vocabulary.indexOfLowerAscii(s, from, to, hash);
        if (slot >= 0) {
            String known = vocabulary.wordAt(slot);
            return new Token(upper ? s.substring(from, to) : known, known, from, to, classesAt(slot));
        }
        String text = s.substring(from, to);
        return new Token(text, upper ? text.toLowerCase(Locale.ROOT) : text, from, to, noClasses);
    }

    /** Length of an elision opening the word {@code s[from, to)} ("l'" of "l'ambassadeur"), apostrophe included, or 0. */
    private int elisionLength(String s, int from, int to) {
        if (elisions.isEmpty()) {
            return 0;
        }
        int apostrophe = -1;
        for (int k = 1; k < to - from - 1 && k <= 8; k++) {
            char a = s.charAt(from + k);
            if (a == '\'' || a == '\u2019') {
                apostrophe = k;
                break;
            }
        }
        if (apostrophe < 0 || !Character.isLetter(s.charAt(from + apostrophe + 1))) {
            return 0;
        }
        String head = s.substring(from, from + apostrophe).toLowerCase(Locale.ROOT) + "'";
        return elisions.contains(head) ? apostrophe + 1 : 0;
    }

    /** The word ending at {@code end} ends in "'s" or "’s". */
    private static boolean endsWithPossessive(String s, int end) {
        return s.charAt(end - 1) == 's' && (s.charAt(end - 2) == '\'' || s.charAt(end - 2) == '\u2019');
    }

    /**
     * At a space inside digits: the digits before it are a group of one to three (the number's first group, or a group
     * of three after an earlier space) and exactly three digits follow, so "5 400" and "12 500 000" join while "2011 400"
     * (a year and a count) does not.
     */
    private static boolean isDigitGroupAfter(String s, int start, int space) {
        int n = s.length();
        if (space + 4 > n
                || !Character.isDigit(s.charAt(space + 1))
                || !Character.isDigit(s.charAt(space + 2))
                || !Character.isDigit(s.charAt(space + 3))
                || space + 4 < n && Character.isLetterOrDigit(s.charAt(space + 4))) {
            return false;
        }
        int digits = 0;
        for (int k = space - 1; k >= start && Character.isDigit(s.charAt(k)); k--) {
            digits++;
        }
        boolean firstGroup = space - digits == start;
        return firstGroup ? digits >= 1 && digits <= 3 : digits == 3;
    }

    /** One past the last character of the token starting at {@code start}. */
    /**
     * The endings of an image's file name, which a scraped page leaves where a photo stood, often glued to the text
     * that follows ("leader.jpgGhana has expelled two envoys"): the name ends there, and so does the caption.
     */
    private static final List<String> IMAGE_FILE_ENDINGS = List.of("jpg", "jpeg", "png", "gif", "webp");

    /** The length of an image file's ending opening {@code s} at {@code start} right after a full stop, or 0. */
    private static int imageFileEnding(String s, int start) {
        if (start == 0 || s.charAt(start - 1) != '.') {
            return 0;
        }
        for (String ending : IMAGE_FILE_ENDINGS) {
            if (s.regionMatches(true, start, ending, 0, ending.length())
                    && (start + ending.length() == s.length()
                            || !Character.isLowerCase(s.charAt(start + ending.length())))) {
                return ending.length();
            }
        }
        return 0;
    }

    private int tokenEnd(String s, int start) {
        int n = s.length();
        char c = s.charAt(start);
        if (!Character.isLetterOrDigit(c)) {
            return start + 1;
        }
        int imageEnding = imageFileEnding(s, start);
        if (imageEnding > 0) {
            return start + imageEnding;
        }
        int i = start + 1;
        while (i < n) {
            char d = s.charAt(i);
            if (Character.isLetterOrDigit(d)) {
                i++;
            } else if ((d == '-' || d == '\'' || d == '\u2019')
                    && i + 1 < n
                    && Character.isLetterOrDigit(s.charAt(i + 1))) {
                i += 2;
            } else if ((d == ',' || d == '.')
                    && Character.isDigit(s.charAt(i - 1))
                    && i + 1 < n
                    && Character.isDigit(s.charAt(i + 1))) {
                i += 2; // 7,000 and 3.5 stay one number
            } else if (thousandsSpace
                    && (d == ' ' || d == '\u00A0' || d == '\u202F')
                    && isDigitGroupAfter(s, start, i)) {
                i += 4; // "5 400": where the language groups thousands with a space, one number
            } else {
                break;
            }
        }
        if (i < n && s.charAt(i) == '.') {
            String base = s.substring(start, i);
            if (base.length() == 1 && Character.isLetter(c)) {
                // Initialisms (U.S., U.K., a.m.) and a name's initial (George W. Bush) keep their full stops.
                int j = i;
                while (j + 2 < n
                        && s.charAt(j) == '.'
                        && Character.isLetter(s.charAt(j + 1))
                        && s.charAt(j + 2) == '.') {
                    j += 2;
                }
                if (j > i || Character.isUpperCase(c)) {
                    return j + 1;
                }
            }
            if (abbreviations.contains(base.toLowerCase(Locale.ROOT))) {
                return i + 1;
            }
        }
        return i;
    }

    private static boolean endsSentence(String s, List<Token> tokens, int next) {
        String last = tokens.get(tokens.size() - 1).text();
        if (imageFileEnding(s, next - last.length()) == last.length()) {
            return true; // "leader.jpg": a photo's file name ends its caption
        }
        if (last.length() != 1 || last.charAt(0) != '.' && last.charAt(0) != '?' && last.charAt(0) != '!') {
            return false; // by its one character: asked of every token
        }
        int j = skipSpaces(s, next);
        if (j >= s.length()) {
            return true;
        }
        char c = s.charAt(j);
        if (c == '"' || c == '\u201D' || c == '\'' || c == '\u2019') {
            int k = skipSpaces(s, j + 1);
            return k >= s.length() || Character.isUpperCase(s.charAt(k)) || s.charAt(k) == '\n';
        }
        // an opening quote or mark of the next sentence: "“", French "«", Spanish "¿" and "¡"
        return Character.isUpperCase(c)
                || Character.isDigit(c)
                || c == '('
                || c == '\u201C'
                || c == '\u00AB'
                || c == '\u00BF'
                || c == '\u00A1'
                || c == '\n'
                || c == '\r';
    }

    private int absorbClosingQuote(String s, List<Token> tokens, int next) {
        if (next < s.length()) {
            char c = s.charAt(next);
            if (c == '"' || c == '\u201D' || c == '\u2019') {
                // As any token: the vocabulary's string when the mark is a word of it (a straight apostrophe for ’)
                Token quote = Token.of(String.valueOf(c), next);
                int slot = vocabulary.indexOf(quote.lower());
                String lower = slot < 0 ? quote.lower() : vocabulary.wordAt(slot);
                tokens.add(new Token(quote.text(), lower, next, next + 1, classesOf(quote.lower())));
                return next + 1;
            }
        }
        return next;
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static void flush(String text, List<Token> tokens, List<Sentence> out) {
        int start = tokens.get(0).start();
        int end = tokens.get(tokens.size() - 1).end();
        out.add(new Sentence(out.size(), start, end, text.substring(start, end), tokens.toArray(new Token[0])));
        tokens.clear();
    }
}
