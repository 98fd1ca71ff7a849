package io.wirewatch.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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

    @Test
    void shouldRefillOnAWallClockAsIngestUsesIt() {
        // Given 2 requests per second with a burst of 4 on a clock that moves only when told
        AtomicLong millis = new AtomicLong(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(millis.get());
            }
        };
        RateLimiter limiter = RateLimiter.onClock(2, 4, clock);

        // When a client uses its burst, then half a second passes
        for (int i = 0; i < 4; i++) {
            assertThat(limiter.tryAcquire("10.0.0.1"))
                    .as("request %d of the burst", i + 1)
                    .isTrue();
        }
        assertThat(limiter.tryAcquire("10.0.0.1")).isFalse();
        millis.addAndGet(Duration.ofMillis(500).toMillis());

        // Then one token has come back, not two
        assertThat(limiter.tryAcquire("10.0.0.1")).isTrue();
        assertThat(limiter.tryAcquire("10.0.0.1")).isFalse();
    }

    @Test
    void shouldForgetOnlyIdleClientsWhenTooManyAreTracked() {
        // Given a limiter that tracks at most two clients, one of which has used its only token
        RateLimiter limiter = new RateLimiter(1, 1, 2, nanos::get);
        assertThat(limiter.tryAcquire("busy")).isTrue();

        // When many other clients come by at the same instant
        for (int i = 0; i < 5; i++) {
            limiter.tryAcquire("scanner-" + i);
        }

        // Then the busy client, whose bucket is not full again, is still limited
        assertThat(limiter.tryAcquire("busy")).isFalse();
    }
}
