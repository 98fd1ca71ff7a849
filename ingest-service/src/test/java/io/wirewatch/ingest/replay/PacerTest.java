package io.wirewatch.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.ingest.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacerTest {

    private static final Instant T0 = Instant.parse("2012-02-07T10:15:00Z");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<Duration> sleeps = new ArrayList<>();

    /** A sleeper that records the wait and moves the clock on instead of sleeping. */
    private Pacer pacer(ReplayOptions options) {
        return new Pacer(options, clock, duration -> {
            sleeps.add(duration);
            clock.advance(duration);
        });
    }

    @Test
    void shouldScaleTheGapsBetweenPublicationTimesBySpeed() throws InterruptedException {
        // Given the seeds' times (10:15, 14:40, 19:05) replayed 60 times faster than real time
        Pacer pacer = pacer(new ReplayOptions(60.0, null));

        pacer.awaitTurn(T0);
        pacer.awaitTurn(T0.plus(Duration.ofMinutes(265)));
        pacer.awaitTurn(T0.plus(Duration.ofMinutes(530)));

        // Then 4 h 25 min of news take 4 min 25 s each
        assertThat(sleeps).containsExactly(Duration.ofSeconds(265), Duration.ofSeconds(265));
    }

    @Test
    void shouldMeasureDueTimesFromTheStartSoSlowPublishingDoesNotAddUp() throws InterruptedException {
        Pacer pacer = pacer(new ReplayOptions(1.0, null));
        pacer.awaitTurn(T0);
        clock.advance(Duration.ofSeconds(3)); // publishing the first article took 3 s

        pacer.awaitTurn(T0.plusSeconds(10));

        assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void shouldSpaceArticlesEvenlyAtAFixedRate() throws InterruptedException {
        Pacer pacer = pacer(new ReplayOptions(null, 4.0));

        for (int i = 0; i < 5; i++) {
            pacer.awaitTurn(null);
        }

        assertThat(sleeps)
                .containsExactly(
                        Duration.ofMillis(250), Duration.ofMillis(250), Duration.ofMillis(250), Duration.ofMillis(250));
    }

    @Test
    void shouldHonourTheStricterOfSpeedAndRate() throws InterruptedException {
        // Speed 1000 makes a 10-minute gap 0.6 s; a rate of 1 per second makes the second article wait 1 s
        Pacer pacer = pacer(new ReplayOptions(1000.0, 1.0));

        pacer.awaitTurn(T0);
        pacer.awaitTurn(T0.plus(Duration.ofMinutes(10)));
        pacer.awaitTurn(T0.plus(Duration.ofMinutes(60)));

        assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofMillis(2600));
    }

    @Test
    void shouldNotWaitForArticlesWithoutTimesOrOutOfOrder() throws InterruptedException {
        Pacer pacer = pacer(new ReplayOptions(10.0, null));

        pacer.awaitTurn(T0.plusSeconds(100));
        pacer.awaitTurn(null);
        pacer.awaitTurn(T0);

        assertThat(sleeps).isEmpty();
    }

    @Test
    void shouldParseSpeedsAndRejectNonsense() {
        assertThat(ReplayOptions.parseSpeed("max")).isNull();
        assertThat(ReplayOptions.parseSpeed("60")).isEqualTo(60.0);
        assertThat(ReplayOptions.parseSpeed("2.5x")).isEqualTo(2.5);
        assertThat(ReplayOptions.MAX.paced()).isFalse();
        assertThat(new ReplayOptions(null, 5.0).paced()).isTrue();
        assertThatThrownBy(() -> ReplayOptions.parseSpeed("fast")).hasMessageContaining("--speed");
        assertThatThrownBy(() -> ReplayOptions.parseSpeed("0")).hasMessageContaining("--speed");
        assertThatThrownBy(() -> new ReplayOptions(null, -1.0)).hasMessageContaining("rate");
    }
}
