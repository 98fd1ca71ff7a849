package io.wirewatch.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.ingest.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {

    @Test
    void shouldShowBarCountRateAndEta() {
        String line = ProgressReporter.format(250, 1000, Duration.ofSeconds(5));

        assertThat(line).isEqualTo("[=======>                      ] 250/1000  50.0 articles/s  ETA 0:15");
    }

    @Test
    void shouldShowCountAndRateOnlyWhenTheTotalIsUnknown() {
        assertThat(ProgressReporter.format(42, -1, Duration.ofSeconds(2))).isEqualTo("42 articles  21.0 articles/s");
    }

    @Test
    void shouldSayHowLongAFinishedRunTook() {
        assertThat(ProgressReporter.format(3, 3, Duration.ofSeconds(3725)))
                .isEqualTo("[==============================] 3/3  0.0 articles/s  done in 1:02:05");
    }

    @Test
    void shouldShowProgressAtMostOncePerIntervalAndAlwaysAtTheEnd() {
        // Given a reporter that shows every 5 s, and 10 articles one second apart
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        List<String> shown = new ArrayList<>();
        ProgressReporter reporter = new ProgressReporter(
                (line, last) -> shown.add((last ? "final " : "") + line), clock, Duration.ofSeconds(5));

        reporter.start(10);
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(1));
            reporter.advance();
        }
        reporter.finish();

        assertThat(shown)
                .containsExactly(
                        "[===============>              ] 5/10  1.0 articles/s  ETA 0:05",
                        "[==============================] 10/10  1.0 articles/s  done in 0:10",
                        "final [==============================] 10/10  1.0 articles/s  done in 0:10");
    }

    @Test
    void shouldRedrawInPlaceOnATerminal() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressReporter.Display terminal =
                ProgressReporter.terminal(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        terminal.show("1 articles", false);
        terminal.show("2 articles", true);

        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo("\r1 articles    \r2 articles    " + System.lineSeparator());
    }
}
