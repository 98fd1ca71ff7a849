package io.wirewatch.ingest.replay;

import java.util.Locale;

/**
 * How fast to feed a corpus in: {@code speed} scales the real gaps between publication times ({@code 60} = a minute
 * of news per second), {@code rate} caps articles per second; both null means as fast as possible, in file order.
 *
 * @param speed real-time multiplier, or null for no waiting between publication times
 * @param rate  articles per second at most, or null for no cap
 */
public record ReplayOptions(Double speed, Double rate) {

    /** No pacing: as fast as the broker takes them, streamed in file order. */
    public static final ReplayOptions MAX = new ReplayOptions(null, null);

    public ReplayOptions {
        if (speed != null && !(speed > 0 && Double.isFinite(speed))) {
            throw new IllegalArgumentException("speed must be a positive number or 'max', was " + speed);
        }
        if (rate != null && !(rate > 0 && Double.isFinite(rate))) {
            throw new IllegalArgumentException("rate must be a positive number of articles per second, was " + rate);
        }
    }

    /** Reads a {@code --speed} value: a positive number, optionally ending in {@code x}, or {@code max}. */
    public static Double parseSpeed(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        if (text.equals("max")) {
            return null;
        }
        if (text.endsWith("x")) {
            text = text.substring(0, text.length() - 1);
        }
        try {
            double speed = Double.parseDouble(text);
            if (speed > 0 && Double.isFinite(speed)) {
                return speed;
            }
        } catch (NumberFormatException e) {
            // Fall through to the message below.
        }
        throw new IllegalArgumentException("--speed must be a positive number or 'max', was '" + value + "'");
    }

    /** Whether articles are replayed in publication order with waits, rather than streamed as read. */
    public boolean paced() {
        return speed != null || rate != null;
    }
}
