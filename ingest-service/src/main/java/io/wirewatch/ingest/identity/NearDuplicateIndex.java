package io.wirewatch.ingest.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds near-duplicates (the same story with small edits) among the most recent articles: one-permutation MinHash
 * signatures of five-word shingles, bucketed by locality-sensitive hashing so a lookup compares only with likely matches, then the
 * estimated Jaccard similarity of the candidates checked against a threshold (0.8 by default).
 *
 * <p>Memory is bounded: only the last {@code capacity} articles are kept (about 600 bytes each), the oldest dropped
 * first. Hand-written because MinHash/LSH is some sixty lines and the Java libraries that offer it bring far more
 * (or are unmaintained); the technique is the textbook one (Broder 1997; Leskovec, Rajaraman, Ullman ch. 3).
 */
public final class NearDuplicateIndex {

    static final int SHINGLE_WORDS = 5;
    static final int BANDS = 32;
    static final int ROWS_PER_BAND = 4;
    static final int SIGNATURE_LENGTH = BANDS * ROWS_PER_BAND;

    /** A fixed seed, so that signatures are the same in every run. */
    private static final long HASH_SEED = 0x5eed_2012_0207L;

    private record Entry(String id, int[] signature) {}

    private final double threshold;
    private final int capacity;
    private final LinkedHashMap<String, Entry> recent = new LinkedHashMap<>();
    private final Map<Long, List<Entry>> buckets = new HashMap<>();

    /**
     * @param threshold estimated Jaccard similarity at or above which two texts are near-duplicates (0 to 1)
     * @param capacity  how many recent articles to compare against
     */
    public NearDuplicateIndex(double threshold, int capacity) {
        if (threshold <= 0 || threshold > 1) {
            throw new IllegalArgumentException("threshold must be in (0, 1], was " + threshold);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.threshold = threshold;
        this.capacity = capacity;
    }

    /** A match: the earlier article's id and the estimated similarity. */
    public record Match(String id, double similarity) {}

    /** The most similar recent article at or above the threshold, if any. */
    public synchronized Optional<Match> find(String text) {
        int[] signature = signature(text);
        return hasWords(signature) ? bestMatch(signature) : Optional.empty();
    }

    /** Finds the best match for {@code text}, then adds it under {@code id}. */
    public synchronized Optional<Match> findAndAdd(String id, String text) {
        int[] signature = signature(text);
        if (!hasWords(signature)) {
            // Text without a single word (all punctuation) resembles every other such text; compare nothing.
            return Optional.empty();
        }
        Optional<Match> match = bestMatch(signature);
        add(id, signature);
        return match;
    }

    public synchronized void add(String id, String text) {
        int[] signature = signature(text);
        if (hasWords(signature)) {
            add(id, signature);
        }
    }

    public synchronized int size() {
        return recent.size();
    }

    /** Estimated Jaccard similarity of two texts' shingle sets. */
    public static double similarity(String a, String b) {
        return agreement(signature(a), signature(b));
    }

    private Optional<Match> bestMatch(int[] signature) {
        Match best = null;
        for (int band = 0; band < BANDS; band++) {
            if (isEmptyBand(signature, band)) {
                continue;
            }
            List<Entry> bucket = buckets.get(bandKey(signature, band));
            if (bucket == null) {
                continue;
            }
            for (Entry candidate : bucket) {
                double similarity = agreement(signature, candidate.signature());
                if (similarity >= threshold && (best == null || similarity > best.similarity())) {
                    best = new Match(candidate.id(), similarity);
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private void add(String id, int[] signature) {
        Entry previous = recent.remove(id);
        if (previous != null) {
            unbucket(previous);
        }
        Entry entry = new Entry(id, signature);
        recent.put(id, entry);
        for (int band = 0; band < BANDS; band++) {
            if (!isEmptyBand(signature, band)) {
                buckets.computeIfAbsent(bandKey(signature, band), key -> new ArrayList<>(1))
                        .add(entry);
            }
        }
        if (recent.size() > capacity) {
            Iterator<Entry> oldest = recent.values().iterator();
            Entry evicted = oldest.next();
            oldest.remove();
            unbucket(evicted);
        }
    }

    private void unbucket(Entry entry) {
        for (int band = 0; band < BANDS; band++) {
            if (isEmptyBand(entry.signature(), band)) {
                continue;
            }
            long key = bandKey(entry.signature(), band);
            List<Entry> bucket = buckets.get(key);
            if (bucket != null) {
                bucket.remove(entry);
                if (bucket.isEmpty()) {
                    buckets.remove(key);
                }
            }
        }
    }

    static int[] signature(String text) {
        int[] minimums = new int[SIGNATURE_LENGTH];
        Arrays.fill(minimums, Integer.MAX_VALUE);
        long[] window = new long[SHINGLE_WORDS];
        int words = 0;
        int length = text.length();
        int i = 0;
        while (i < length) {
            while (i < length && !Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            if (i >= length) {
                break;
            }
            long wordHash = 0xcbf29ce484222325L;
            while (i < length && Character.isLetterOrDigit(text.charAt(i))) {
                wordHash = (wordHash ^ Character.toLowerCase(text.charAt(i))) * 0x100000001b3L;
                i++;
            }
            window[words % SHINGLE_WORDS] = wordHash;
            words++;
            if (words >= SHINGLE_WORDS) {
                addShingle(minimums, shingleHash(window, words));
            }
        }
        if (words > 0 && words < SHINGLE_WORDS) {
            // A text shorter than one shingle is one shingle of all its words.
            addShingle(minimums, shingleHash(window, words));
        }
        return minimums;
    }

    private static boolean hasWords(int[] signature) {
        for (int value : signature) {
            if (value != Integer.MAX_VALUE) {
                return true;
            }
        }
        return false;
    }

    private static long shingleHash(long[] window, int wordsSoFar) {
        int count = Math.min(wordsSoFar, SHINGLE_WORDS);
        long hash = 17;
        for (int k = 0; k < count; k++) {
            // The window is circular: start from the oldest word so the hash follows word order.
            hash = hash * 31 + window[(wordsSoFar - count + k) % SHINGLE_WORDS];
        }
        return hash;
    }

    /**
     * One-permutation MinHash: a single hash per shingle picks one of the signature's bins (its low bits) and competes
     * for that bin's minimum (its high bits). As accurate as one hash function per bin for texts of many shingles, and
     * {@value #SIGNATURE_LENGTH} times cheaper (Li, Owen, Zhang 2012).
     */
    private static void addShingle(int[] minimums, long shingle) {
        long hash = mix(shingle ^ HASH_SEED);
        int bin = (int) (hash & (SIGNATURE_LENGTH - 1));
        int value = (int) (hash >>> 33);
        if (value < minimums[bin]) {
            minimums[bin] = value;
        }
    }

    /** SplitMix64's finaliser: a cheap, well-distributed 64-bit mix. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /**
     * Whether none of a band's bins holds a shingle. A short text (fewer shingles than bins) leaves most bands empty,
     * and every empty band has the same key: bucketing them put all short articles in one bucket, so that each
     * lookup compared against every recent article (100,000 one-line articles took minutes). An empty band says
     * nothing about similarity, so it is neither bucketed nor looked up.
     */
    private static boolean isEmptyBand(int[] signature, int band) {
        for (int r = 0; r < ROWS_PER_BAND; r++) {
            if (signature[band * ROWS_PER_BAND + r] != Integer.MAX_VALUE) {
                return false;
            }
        }
        return true;
    }

    private static long bandKey(int[] signature, int band) {
        long key = band;
        for (int r = 0; r < ROWS_PER_BAND; r++) {
            key = key * 0x9E3779B97F4A7C15L + signature[band * ROWS_PER_BAND + r];
        }
        return key;
    }

    /** Share of equal bins among the bins either text filled (bins empty in both say nothing). */
    private static double agreement(int[] a, int[] b) {
        int same = 0;
        int filled = 0;
        for (int h = 0; h < SIGNATURE_LENGTH; h++) {
            boolean emptyA = a[h] == Integer.MAX_VALUE;
            boolean emptyB = b[h] == Integer.MAX_VALUE;
            if (emptyA && emptyB) {
                continue;
            }
            filled++;
            if (a[h] == b[h]) {
                same++;
            }
        }
        return filled == 0 ? 0 : (double) same / filled;
    }
}
