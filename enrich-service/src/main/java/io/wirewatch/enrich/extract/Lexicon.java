package io.wirewatch.enrich.extract;

import io.wirewatch.knowledge.KnowledgeTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One language's word classes ({@code lexicon.tsv} of the knowledge base): a class name and its entries, an entry being
 * one word or a sequence of words ("kick out"). Inflected forms are listed rather than derived by a stemmer: a reader
 * can check the list, and lookup is one hash probe per token. Immutable and thread-safe once loaded.
 */
final class Lexicon {

    private final String source;
    /** Entries of each class, each entry as its lower-case tokens; longest first so matching is greedy. */
    private final Map<String, List<List<String>>> entries = new HashMap<>();
    /** Every first word of each class, for the one-probe membership test. */
    private final Map<String, Set<String>> firstWords = new HashMap<>();
    /** Single-word entries of each class. */
    private final Map<String, Set<String>> singleWords = new HashMap<>();

    private Lexicon(String source) {
        this.source = source;
    }

    static Lexicon read(String resource) {
        Lexicon lexicon = new Lexicon(resource);
        for (KnowledgeTable.Row row : KnowledgeTable.read(resource).rows()) {
            String name = row.get("class");
            if (name.isEmpty() || !name.equals(name.toUpperCase(Locale.ROOT))) {
                throw row.error("a class name is written in capitals, got '" + name + "'");
            }
            if (lexicon.entries.containsKey(name)) {
                throw row.error("class " + name + " is defined twice");
            }
            List<List<String>> words = new ArrayList<>();
            Set<String> first = new HashSet<>();
            Set<String> single = new HashSet<>();
            for (String entry : row.list("words")) {
                List<String> tokens = tokens(entry);
                words.add(tokens);
                first.add(tokens.get(0));
                if (tokens.size() == 1) {
                    single.add(tokens.get(0));
                }
            }
            words.sort((a, b) -> Integer.compare(b.size(), a.size()));
            lexicon.entries.put(name, List.copyOf(words));
            lexicon.firstWords.put(name, Set.copyOf(first));
            lexicon.singleWords.put(name, Set.copyOf(single));
        }
        return lexicon;
    }

    /** An entry's tokens as the segmenter cuts them: words, and "'s" or "n't" apart from the word before. */
    static List<String> tokens(String entry) {
        List<String> tokens = new ArrayList<>();
        for (String word : entry.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (word.length() > 2 && (word.endsWith("'s") || word.endsWith("\u2019s"))) {
                tokens.add(word.substring(0, word.length() - 2));
                tokens.add(word.substring(word.length() - 2));
            } else {
                tokens.add(word);
            }
        }
        return List.copyOf(tokens);
    }

    /** True when {@code lowerWord} is a one-word entry of the class. */
    boolean is(String className, String lowerWord) {
        return words(className).contains(lowerWord);
    }

    /** The one-word entries of a class. */
    Set<String> words(String className) {
        Set<String> words = singleWords.get(className);
        if (words == null) {
            throw new IllegalArgumentException(source + ": no word class " + className);
        }
        return words;
    }

    /** Every word that can start an entry of the class. */
    Set<String> firstWords(String className) {
        words(className);
        return firstWords.get(className);
    }

    /** Number of tokens of the longest entry of the class starting at token {@code i}, or 0 when none does. */
    int matchAt(String className, Sentence s, int i) {
        if (!firstWords(className).contains(s.lower(i))) {
            return 0;
        }
        for (List<String> entry : entries.get(className)) {
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
        for (List<String> entry : entries.get(className)) {
            int start = end - entry.size();
            if (start >= 0 && matchAt(className, s, start) == entry.size()) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code phrase} (lower-case words separated by single spaces) is an entry of the class. */
    boolean isEntry(String className, String phrase) {
        List<String> tokens = tokens(phrase);
        words(className);
        for (List<String> entry : entries.get(className)) {
            if (entry.equals(tokens)) {
                return true;
            }
        }
        return false;
    }

    boolean hasClass(String className) {
        return entries.containsKey(className);
    }
}
