package io.wirewatch.ingest.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Decides when each article of a replay is due and waits for it: with speed N, an article published t after the first
 * is due t/N after the replay started; with rate R, the k-th article is due k/R seconds after the start; with both,
 * the later of the two. Due times are measured from the start, not from the previous article, so waits do not drift.
 * Articles without a publication time are due at once (subject to the rate).
 */
public final class Pacer {

    /** Waits; injected so that tests run without sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;

        Sleeper REAL = duration -> Thread.sleep(duration.toMillis(), (int) (duration.toNanosPart() % 1_000_000));
    }

    private final ReplayOptions options;
    private final Clock clock;
    private final Sleeper sleeper;
    private Instant startedAt;
    private Instant firstPublishedAt;
    private long count;

    public Pacer(ReplayOptions options, Clock clock, Sleeper sleeper) {
        this.options = options;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Waits until the next article, published at {@code publishedAt} (may be null), is due. */
    public void awaitTurn(Instant publishedAt) throws InterruptedException {
        Duration wait = delayFor(publishedAt);
        if (!wait.isZero()) {
            sleeper.sleep(wait);
        }
    }

    /** How long to wait before the next article; records it as sent. */
    Duration delayFor(Instant publishedAt) {
        Instant now = clock.instant();
        if (startedAt == null) {
            startedAt = now;
        }
        Instant due = startedAt;
        if (options.speed() != null && publishedAt != null) {
            if (firstPublishedAt == null) {
                firstPublishedAt = publishedAt;
            }
            Duration storyTime = Duration.between(firstPublishedAt, publishedAt);
            if (!storyTime.isNegative()) {
                due = latest(due, startedAt.plusNanos(scaledNanos(storyTime, options.speed())));
            }
        }
        if (options.rate() != null) {
            due = latest(due, startedAt.plusNanos(scaledNanos(Duration.ofSeconds(count), options.rate())));
        }
        count++;
        Duration wait = Duration.between(now, due);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    /** {@code duration / divisor} in nanoseconds, computed in floating point so that centuries cannot overflow. */
    private static long scaledNanos(Duration duration, double divisor) {
        double nanos = (duration.getSeconds() * 1e9 + duration.getNano()) / divisor;
        return nanos >= Long.MAX_VALUE ? Long.MAX_VALUE / 2 : (long) nanos;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
