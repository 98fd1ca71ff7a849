package io.wirewatch.launcher;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback converter for the terminal: the first line of an event's message, with a note of how many more the log file
 * has. A service that logs its whole topology at start then takes one terminal line, not a hundred.
 */
public final class FirstLineConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        String message = event.getFormattedMessage();
        if (message == null) {
            return "";
        }
        String trimmed = message.stripTrailing();
        int newline = trimmed.indexOf('\n');
        if (newline < 0) {
            return trimmed;
        }
        long more = trimmed.substring(newline + 1)
                .lines()
                .filter(line -> !line.isBlank())
                .count();
        String first = trimmed.substring(0, newline).stripTrailing();
        return more == 0 ? first : first + " [" + more + " more lines in the log file]";
    }
}
