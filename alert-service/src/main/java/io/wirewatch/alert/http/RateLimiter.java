package io.wirewatch.alert.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client key (the remote IP): each key may make {@code burst} requests at once and
 * {@code perSecond} on average. Hand-written because it is a few lines and libraries for it (Bucket4j) would add a
 * dependency to the build for no gain here. Idle keys whose bucket has refilled are forgotten once the map grows past
 * {@code maxKeys}, so a scan from many addresses cannot grow memory without bound.
 */
final class RateLimiter {

    private final double perSecond;
    private final double burst;
    private final int maxKeys;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(double perSecond, int burst, int maxKeys, LongSupplier nanoClock) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("Rate limit needs perSecond > 0 and burst >= 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.maxKeys = maxKeys;
        this.nanoClock = nanoClock;
    }

    /** Takes one token for the key; false when its bucket is empty (the request should get 429). */
    boolean tryAcquire(String key) {
        long now = nanoClock.getAsLong();
        if (buckets.size() > maxKeys) {
            buckets.values().removeIf(bucket -> bucket.isFullAt(now));
        }
        return buckets.computeIfAbsent(key, ignored -> new Bucket(now)).tryTake(now);
    }

    /** Whole seconds until the key has a token again (at least 1): the Retry-After value. */
    long secondsUntilToken(String key) {
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
