package io.wirewatch.enrich.extract;

import io.wirewatch.knowledge.KnowledgeTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One language's word classes ({@code lexicon.tsv} of the knowledge base): a class name and its entries, an entry being
 * one word or a sequence of words ("kick out"). Inflected forms are listed rather than derived by a stemmer, except
 * that a regular verb may be written once as a starred infinitive ("romper*", see {@link Conjugations}): a reader can
 * check the list, and lookup is a hash probe or two per token (the first and last words of every entry are
 * indexed, so a phrase is only compared where it can start or end). Immutable and thread-safe once loaded.
 */
final class Lexicon {

    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** One class: its entries as lower-case tokens, longest first, and the indexes that prefilter matching. */
    private record WordClass(List<List<String>> entries, Set<String> single, Set<String> first, Set<String> last,
                             Set<String> phrases) {
    }

    private final String source;
    private final Map<String, WordClass> classes = new HashMap<>();
    /**
     * The same classes by the identity of their interned names: the rules name classes with string literals, which
     * Java interns, so the hottest lookup of extraction costs no hashing of the name.
     */
    private final Map<String, WordClass> byLiteral = new java.util.IdentityHashMap<>();

    /** The class of word beginnings written with an apostrophe that are words of their own (French "l'", "d'"). */
    static final String ELISIONS = "ELISIONS";

    private final Set<String> elisions = new HashSet<>();

    private Lexicon(String source) {
        this.source = source;
    }

    /** The language's elisions, lower case with a straight apostrophe ("l'", "qu'"); empty for English. */
    Set<String> elisions() {
        return Set.copyOf(elisions);
    }

    /** An entry's tokens as this language's segmenter cuts them: {@link #tokens} with its elisions apart. */
    List<String> entryTokens(String entry) {
        List<String> tokens = tokens(entry);
        if (elisions.isEmpty()) {
            return tokens;
        }
        List<String> split = new ArrayList<>(tokens.size() + 2);
        for (String token : tokens) {
            int apostrophe = token.indexOf('\'');
            String head = apostrophe > 0 ? token.substring(0, apostrophe + 1) : null;
            if (head != null && apostrophe + 1 < token.length() && elisions.contains(head)) {
                split.add(head);
                split.add(token.substring(apostrophe + 1));
            } else {
                split.add(token);
            }
        }
        return List.copyOf(split);
    }

    static Lexicon read(String resource) {
        Lexicon lexicon = new Lexicon(resource);
        List<KnowledgeTable.Row> rows = KnowledgeTable.read(resource).rows();
        Conjugations conjugations = Conjugations.besides(resource);
        // The language's elisions first: entries are cut into tokens as the segmenter cuts the text ("chargé d'affaires").
        for (KnowledgeTable.Row row : rows) {
            if (row.get("class").equals(ELISIONS)) {
                row.list("words").forEach(e -> lexicon.elisions.add(e.toLowerCase(Locale.ROOT).replace('\u2019', '\'')));
            }
        }
        for (KnowledgeTable.Row row : rows) {
            String name = row.get("class");
            if (name.isEmpty() || !name.equals(name.toUpperCase(Locale.ROOT))) {
                throw row.error("a class name is written in capitals, got '" + name + "'");
            }
            if (lexicon.classes.containsKey(name)) {
                throw row.error("class " + name + " is defined twice");
            }
            List<List<String>> entries = new ArrayList<>();
            Set<String> single = new HashSet<>();
            Set<String> first = new HashSet<>();
            Set<String> last = new HashSet<>();
            Set<String> phrases = new HashSet<>();
            Set<String> written = new java.util.LinkedHashSet<>();
            for (String entry : row.list("words")) {
                try {
                    written.addAll(entry.contains("*") ? conjugations.expand(entry) : List.of(entry));
                } catch (IllegalArgumentException e) {
                    throw row.error(e.getMessage());
                }
            }
            for (String entry : written) {
                List<String> tokens = lexicon.entryTokens(entry);
                entries.add(tokens);
                first.add(tokens.get(0));
                last.add(tokens.get(tokens.size() - 1));
                phrases.add(String.join(" ", tokens));
                if (tokens.size() == 1) {
                    single.add(tokens.get(0));
                }
            }
            entries.sort((a, b) -> Integer.compare(b.size(), a.size()));
            WordClass words = new WordClass(List.copyOf(entries), Set.copyOf(single), Set.copyOf(first),
                    Set.copyOf(last), Set.copyOf(phrases));
            lexicon.classes.put(name, words);
            lexicon.byLiteral.put(name.intern(), words);
        }
        return lexicon;
    }

    /** An entry's tokens as the segmenter cuts them: words, and "'s" apart from the word before. */
    static List<String> tokens(String entry) {
        List<String> tokens = new ArrayList<>();
        for (String word : SPACES.split(entry.toLowerCase(Locale.ROOT).replace('\u2019', '\'').trim())) {
            if (word.length() > 2 && word.endsWith("'s")) {
                tokens.add(word.substring(0, word.length() - 2));
                tokens.add(word.substring(word.length() - 2));
            } else if (!word.isEmpty()) {
                tokens.add(word);
            }
        }
        return List.copyOf(tokens);
    }

    private WordClass wordClass(String className) {
        WordClass words = byLiteral.get(className);
        if (words == null) {
            words = classes.get(className);
        }
        if (words == null) {
            throw new IllegalArgumentException(source + ": no word class " + className);
        }
        return words;
    }

    /** True when {@code lowerWord} is a one-word entry of the class. */
    boolean is(String className, String lowerWord) {
        return wordClass(className).single().contains(lowerWord);
    }

    /** The one-word entries of a class. */
    Set<String> words(String className) {
        return wordClass(className).single();
    }

    /** Every word that can start an entry of the class. */
    Set<String> firstWords(String className) {
        return wordClass(className).first();
    }

    /** Number of tokens of the longest entry of the class starting at token {@code i}, or 0 when none does. */
    int matchAt(String className, Sentence s, int i) {
        WordClass words = wordClass(className);
        if (!words.first().contains(s.lower(i))) {
            return 0;
        }
        return longestAt(words, s, i);
    }

    private static int longestAt(WordClass words, Sentence s, int i) {
        for (List<String> entry : words.entries()) {
            if (i + entry.size() > s.size()) {
                continue;
            }
            boolean matches = true;
            for (int k = 0; k < entry.size() && matches; k++) {
                matches = s.lower(i + k).equals(entry.get(k));
            }
            if (matches) {
                return entry.size();
            }
        }
        return 0;
    }

    /** True when an entry of the class ends at token {@code end - 1} (looking back from a position). */
    boolean endsAt(String className, Sentence s, int end) {
        WordClass words = wordClass(className);
        if (end <= 0 || !words.last().contains(s.lower(end - 1))) {
            return false;
        }
        for (List<String> entry : words.entries()) {
            int start = end - entry.size();
            if (start < 0 || !entry.get(entry.size() - 1).equals(s.lower(end - 1))) {
                continue;
            }
            boolean matches = true;
            for (int k = 0; k < entry.size() - 1 && matches; k++) {
                matches = s.lower(start + k).equals(entry.get(k));
            }
            if (matches) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code phrase} (lower-case words separated by single spaces) is an entry of the class. */
    boolean isEntry(String className, String phrase) {
        return wordClass(className).phrases().contains(phrase);
    }

    boolean hasClass(String className) {
        return classes.containsKey(className);
    }
}
