package io.wirewatch.enrich.extract;

import java.util.Collection;

/**
 * A set of words for the rules' per-token probes: open addressing over a power-of-two array with the words' hashes
 * beside them, filled at most to a quarter, so that a word that is not there (most tokens, for most classes) costs one
 * array read after the hash String caches, and one that is costs a reference comparison when the token carries the
 * table's own string (the segmenter hands out the language's strings, see {@link TextSegmenter}). {@code Set.copyOf}
 * sets compared strings at every occupied slot and divided to find the first. Immutable once built.
 */
final class WordTable {

    private final String[] words;
    private final int[] hashes;
    private final int mask;
    private final int size;

    WordTable(Collection<String> entries) {
        int capacity = 4;
        while (capacity < entries.size() * 4) {
            capacity <<= 1;
        }
        words = new String[capacity];
        hashes = new int[capacity];
        mask = capacity - 1;
        int n = 0;
        for (String word : entries) {
            int h = word.hashCode();
            int i = h & mask;
            while (words[i] != null && !(hashes[i] == h && words[i].equals(word))) {
                i = (i + 1) & mask;
            }
            if (words[i] == null) {
                words[i] = word;
                hashes[i] = h;
                n++;
            }
        }
        size = n;
    }

    /** The slot of {@code word}, or -1 when the table does not hold it. */
    int indexOf(String word) {
        if (size == 0 || word == null) {
            return -1;
        }
        int h = word.hashCode();
        for (int i = h & mask; ; i = (i + 1) & mask) {
            String w = words[i];
            if (w == word) {
                return i;
            }
            if (w == null) {
                return -1;
            }
            if (hashes[i] == h && w.equals(word)) {
                return i;
            }
        }
    }

    boolean contains(String word) {
        return indexOf(word) >= 0;
    }

    /**
     * The slot of the lower-case form of {@code s[from, to)}, which holds only ASCII characters, or -1; {@code hash} is
     * that form's {@link String#hashCode}. Lets the segmenter find a word without cutting it out.
     */
    int indexOfLowerAscii(String s, int from, int to, int hash) {
        if (size == 0) {
            return -1;
        }
        int length = to - from;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            String w = words[i];
            if (w == null) {
                return -1;
            }
            if (hashes[i] == hash && w.length() == length && equalsLowerAscii(w, s, from)) {
                return i;
            }
        }
    }

    /** The word at a slot {@link #indexOf} returned. */
    String wordAt(int slot) {
        return words[slot];
    }

    private static boolean equalsLowerAscii(String word, String s, int from) {
        for (int k = 0; k < word.length(); k++) {
            char c = s.charAt(from + k);
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (word.charAt(k) != c) {
                return false;
            }
        }
        return true;
    }

    /** Number of slots: an index from {@link #indexOf} is below it. */
    int capacity() {
        return words.length;
    }
}
