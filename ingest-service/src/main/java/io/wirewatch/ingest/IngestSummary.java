package io.wirewatch.ingest;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What one ingest run did.
 *
 * @param published      articles published (near-duplicates included: they are marked, not dropped)
 * @param duplicates     exact duplicates not published again
 * @param nearDuplicates published articles marked as near-duplicates of an earlier one
 * @param rejected       inputs sent to the dead-letter topic
 */
public record IngestSummary(long published, long duplicates, long nearDuplicates, long rejected) {

    /** Counts outcomes as they happen; safe across threads. */
    public static final class Tally {
        private final AtomicLong published = new AtomicLong();
        private final AtomicLong duplicates = new AtomicLong();
        private final AtomicLong nearDuplicates = new AtomicLong();
        private final AtomicLong rejected = new AtomicLong();

        public IngestPipeline.Outcome count(IngestPipeline.Outcome outcome) {
            switch (outcome.kind()) {
                case PUBLISHED -> {
                    published.incrementAndGet();
                    if (outcome.nearDuplicateOf() != null) {
                        nearDuplicates.incrementAndGet();
                    }
                }
                case DUPLICATE -> duplicates.incrementAndGet();
                case REJECTED -> rejected.incrementAndGet();
            }
            return outcome;
        }

        public long processed() {
            return published.get() + duplicates.get() + rejected.get();
        }

        public IngestSummary summary() {
            return new IngestSummary(published.get(), duplicates.get(), nearDuplicates.get(), rejected.get());
        }
    }
}
