package io.wirewatch.ingest.http;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client address: each client may make {@code perSecond} requests a second on average and
 * {@code burst} in a row. Hand-written because it is twenty lines and the libraries that do it (Bucket4j, Guava's
 * RateLimiter) would be this service's only reason to depend on them.
 */
public final class RateLimiter {

    /** Forget idle clients beyond this many, so that a scan from many addresses cannot grow the map for ever. */
    static final int MAX_TRACKED_CLIENTS = 10_000;

    private final double perSecond;
    private final double burst;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long updatedMillis;

        Bucket(double tokens, long updatedMillis) {
            this.tokens = tokens;
            this.updatedMillis = updatedMillis;
        }
    }

    public RateLimiter(double perSecond, double burst, Clock clock) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("perSecond must be positive and burst at least 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = clock;
    }

    /** Takes one request's token for {@code client}; false when the client is over its rate. */
    public boolean tryAcquire(String client) {
        long now = clock.millis();
        if (buckets.size() > MAX_TRACKED_CLIENTS) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(client, key -> new Bucket(burst, now));
        synchronized (bucket) {
            double refill = (now - bucket.updatedMillis) / 1000.0 * perSecond;
            bucket.tokens = Math.min(burst, bucket.tokens + Math.max(0, refill));
            bucket.updatedMillis = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
