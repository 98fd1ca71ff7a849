package io.wirewatch.platform.http;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket per client key (a token's name or the remote address): each key may make {@code burst} requests at
 * once and {@code perSecond} on average; the one rate limit of ingest's and alert's HTTP endpoints. Hand-written
 * because it is a few lines and libraries for it (Bucket4j) would add a dependency to the build for no gain here.
 * Idle keys whose bucket has refilled are forgotten once the map grows past {@code maxKeys}, so a scan from many
 * addresses cannot grow memory without bound.
 */
public final class RateLimiter {

    private final double perSecond;
    private final double burst;
    private final int maxKeys;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Forget idle keys beyond this many by default. */
    public static final int DEFAULT_MAX_KEYS = 10_000;

    /**
     * @param burst     how many requests a key may make at once (at least 1)
     * @param maxKeys   how many keys to hold before the idle ones (whose bucket is full again) are forgotten
     * @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime})
     */
    public RateLimiter(double perSecond, double burst, int maxKeys, LongSupplier nanoClock) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("Rate limit needs perSecond > 0 and burst >= 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.maxKeys = maxKeys;
        this.nanoClock = nanoClock;
    }

    /** A limiter on {@code clock}'s milliseconds, holding at most {@link #DEFAULT_MAX_KEYS} idle keys. */
    public static RateLimiter onClock(double perSecond, double burst, Clock clock) {
        return new RateLimiter(perSecond, burst, DEFAULT_MAX_KEYS, () -> TimeUnit.MILLISECONDS.toNanos(clock.millis()));
    }

    /** Takes one token for the key; false when its bucket is empty (the request should get 429). */
    public boolean tryAcquire(String key) {
        long now = nanoClock.getAsLong();
        if (buckets.size() > maxKeys) {
            buckets.values().removeIf(bucket -> bucket.isFullAt(now));
        }
        return buckets.computeIfAbsent(key, ignored -> new Bucket(now)).tryTake(now);
    }

    /** Whole seconds until the key has a token again (at least 1): the Retry-After value. */
    public long secondsUntilToken(String key) {
        Bucket bucket = buckets.get(key);
        return bucket == null ? 1 : Math.max(1, (long) Math.ceil(bucket.secondsUntilToken(nanoClock.getAsLong())));
    }

    private final class Bucket {
        private double tokens = burst;
        private long lastRefill;

        Bucket(long now) {
            this.lastRefill = now;
        }

        synchronized boolean tryTake(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }

        synchronized double secondsUntilToken(long now) {
            refill(now);
            return tokens >= 1 ? 0 : (1 - tokens) / perSecond;
        }

        synchronized boolean isFullAt(long now) {
            refill(now);
            return tokens >= burst;
        }

        private void refill(long now) {
            double elapsedSeconds = Math.max(0, now - lastRefill) / 1e9;
            tokens = Math.min(burst, tokens + elapsedSeconds * perSecond);
            lastRefill = now;
        }
    }
}
