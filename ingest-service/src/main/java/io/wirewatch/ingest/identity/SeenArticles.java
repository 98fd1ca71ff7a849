package io.wirewatch.ingest.identity;

import java.util.HashSet;
import java.util.Set;

/**
 * The exact-duplicate filter: remembers every article id and content hash published, so that the same article
 * (same id, or same normalised text under another id) is published once. Seeded at start from what
 * {@code articles.raw} already holds, so it holds across restarts. Memory grows with the number of distinct articles
 * (two short strings each, about 200 bytes), which is fine up to millions of articles.
 */
public final class SeenArticles {

    private final Set<String> ids = new HashSet<>();
    private final Set<String> contentHashes = new HashSet<>();

    /** Records the article; returns false (and records nothing) when its id or its content was seen before. */
    public synchronized boolean markIfNew(String id, String contentHash) {
        if (ids.contains(id) || contentHashes.contains(contentHash)) {
            return false;
        }
        ids.add(id);
        contentHashes.add(contentHash);
        return true;
    }

    /** Whether an article with this id or this content was seen. */
    public synchronized boolean contains(String id, String contentHash) {
        return ids.contains(id) || contentHashes.contains(contentHash);
    }

    /** Records an article already published (when rebuilding the filter from the topic). */
    public synchronized void remember(String id, String contentHash) {
        ids.add(id);
        contentHashes.add(contentHash);
    }

    /**
     * Forgets an article whose publication failed for good (the broker never acknowledged it), so that ingesting it
     * again publishes it instead of skipping it as a duplicate of something that never reached the topic.
     */
    public synchronized void forget(String id, String contentHash) {
        ids.remove(id);
        contentHashes.remove(contentHash);
    }

    public synchronized int size() {
        return ids.size();
    }
}
