package io.wirewatch.alert.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong nanos = new AtomicLong();

    @Test
    void shouldAllowABurstThenRefillAtTheConfiguredRate() {
        // Given 2 requests per second with a burst of 3
        RateLimiter limiter = new RateLimiter(2, 3, 100, nanos::get);

        // When a client asks four times at once
        // Then three pass and the fourth waits about half a second
        assertThat(limiter.tryAcquire("10.0.0.1")).isTrue();
        assertThat(limiter.tryAcquire("10.0.0.1")).isTrue();
        assertThat(limiter.tryAcquire("10.0.0.1")).isTrue();
        assertThat(limiter.tryAcquire("10.0.0.1")).isFalse();
        assertThat(limiter.secondsUntilToken("10.0.0.1")).isEqualTo(1);

        // and after half a second one more passes, but not two
        nanos.addAndGet(500_000_000L);
        assertThat(limiter.tryAcquire("10.0.0.1")).isTrue();
        assertThat(limiter.tryAcquire("10.0.0.1")).isFalse();
    }

    @Test
    void shouldKeepClientsApart() {
        // Given a client that used up its burst
        RateLimiter limiter = new RateLimiter(1, 1, 100, nanos::get);
        assertThat(limiter.tryAcquire("10.0.0.1")).isTrue();
        assertThat(limiter.tryAcquire("10.0.0.1")).isFalse();

        // When another client asks
        // Then it has its own bucket
        assertThat(limiter.tryAcquire("10.0.0.2")).isTrue();
    }

    @Test
    void shouldNeverHoldTokensBeyondTheBurst() {
        // Given a client idle for an hour
        RateLimiter limiter = new RateLimiter(10, 2, 100, nanos::get);
        assertThat(limiter.tryAcquire("10.0.0.1")).isTrue();
        nanos.addAndGet(3_600_000_000_000L);

        // When it asks many times at once
        int granted = 0;
        for (int i = 0; i < 10; i++) {
            granted += limiter.tryAcquire("10.0.0.1") ? 1 : 0;
        }

        // Then only the burst is granted
        assertThat(granted).isEqualTo(2);
    }
}
