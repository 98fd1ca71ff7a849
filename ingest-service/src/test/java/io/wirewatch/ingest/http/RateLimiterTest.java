package io.wirewatch.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.ingest.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final RateLimiter limiter = new RateLimiter(2, 4, clock);

    @Test
    void shouldAllowABurstThenRefuseUntilTokensRefill() {
        for (int i = 0; i < 4; i++) {
            assertThat(limiter.tryAcquire("10.0.0.1")).as("request %d of the burst", i + 1).isTrue();
        }
        assertThat(limiter.tryAcquire("10.0.0.1")).isFalse();

        clock.advance(Duration.ofMillis(500));

        assertThat(limiter.tryAcquire("10.0.0.1")).isTrue();
        assertThat(limiter.tryAcquire("10.0.0.1")).isFalse();
    }

    @Test
    void shouldLimitEachClientSeparately() {
        for (int i = 0; i < 4; i++) {
            limiter.tryAcquire("10.0.0.1");
        }

        assertThat(limiter.tryAcquire("10.0.0.1")).isFalse();
        assertThat(limiter.tryAcquire("10.0.0.2")).isTrue();
    }
}
