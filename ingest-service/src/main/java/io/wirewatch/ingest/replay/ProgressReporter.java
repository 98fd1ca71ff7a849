package io.wirewatch.ingest.replay;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows how an ingest run is going: on a terminal, a bar on stderr redrawn in place (count, rate, ETA); otherwise
 * (a container, a CI log) a plain log line every few seconds. Redraws and log lines are throttled, so reporting costs
 * nothing measurable per article.
 */
public final class ProgressReporter {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressReporter.class);
    private static final int BAR_WIDTH = 30;

    /** Where progress lines go: redrawn in place on a terminal, or appended as log lines. */
    public interface Display {
        void show(String line, boolean finalLine);
    }

    private final Display display;
    private final Clock clock;
    private final Duration interval;
    private Instant startedAt;
    private Instant lastShownAt;
    private long total = -1;
    private long done;

    public ProgressReporter(Display display, Clock clock, Duration interval) {
        this.display = display;
        this.clock = clock;
        this.interval = interval;
    }

    /** A terminal bar when a console is attached ({@code System.console() != null}), log lines otherwise. */
    public static ProgressReporter forCurrentProcess() {
        if (System.console() != null) {
            return new ProgressReporter(terminal(System.err), Clock.systemUTC(), Duration.ofMillis(200));
        }
        return new ProgressReporter(logLines(), Clock.systemUTC(), Duration.ofSeconds(5));
    }

    static Display terminal(PrintStream out) {
        return (line, finalLine) -> {
            // '\r' returns to the start of the line; the padding wipes what a longer previous line left behind.
            out.print("\r" + line + "    ");
            if (finalLine) {
                out.println();
            }
            out.flush();
        };
    }

    static Display logLines() {
        return (line, finalLine) -> LOG.info("Ingest progress: {}", line);
    }

    /** Starts a run of {@code total} articles, or of an unknown number when negative. */
    public synchronized void start(long total) {
        this.total = total;
        this.done = 0;
        this.startedAt = clock.instant();
        this.lastShownAt = startedAt;
    }

    /** Counts one more article; shows progress when the interval has passed since the last time. */
    public synchronized void advance() {
        if (startedAt == null) {
            start(-1);
        }
        done++;
        Instant now = clock.instant();
        if (Duration.between(lastShownAt, now).compareTo(interval) >= 0) {
            lastShownAt = now;
            display.show(format(done, total, Duration.between(startedAt, now)), false);
        }
    }

    /** Shows the final count and rate. */
    public synchronized void finish() {
        if (startedAt == null) {
            return;
        }
        display.show(format(done, total, Duration.between(startedAt, clock.instant())), true);
        startedAt = null;
    }

    /** One progress line: {@code [=====>    ] 120/1000  40.0 articles/s  ETA 0:22}, without bar and ETA when the total is unknown. */
    static String format(long done, long total, Duration elapsed) {
        double seconds = elapsed.toNanos() / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        StringBuilder line = new StringBuilder();
        if (total > 0) {
            int filled = (int) Math.min(BAR_WIDTH, BAR_WIDTH * done / total);
            line.append('[').append("=".repeat(filled));
            if (filled < BAR_WIDTH) {
                line.append('>').append(" ".repeat(BAR_WIDTH - filled - 1));
            }
            line.append("] ").append(done).append('/').append(total);
        } else {
            line.append(done).append(" articles");
        }
        line.append(String.format(Locale.ROOT, "  %.1f articles/s", rate));
        if (total > 0) {
            if (done >= total) {
                line.append("  done in ").append(clock(Math.round(seconds)));
            } else if (rate > 0) {
                line.append("  ETA ").append(clock(Math.round((total - done) / rate)));
            } else {
                line.append("  ETA --:--");
            }
        }
        return line.toString();
    }

    private static String clock(long totalSeconds) {
        long hours = totalSeconds / 3600;
        long minutes = (totalSeconds % 3600) / 60;
        long seconds = totalSeconds % 60;
        return hours > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, seconds)
                : String.format(Locale.ROOT, "%d:%02d", minutes, seconds);
    }
}
