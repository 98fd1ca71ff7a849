package io.wirewatch.launcher;

import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * Logback converter for the terminal: an event's exception as {@code " (Type: message)"} on the same line, never a
 * stack trace; the log file's pattern keeps the whole trace. Being a throwable converter, it also stops Logback from
 * appending the trace by itself.
 */
public final class OneLineThrowableConverter extends ThrowableHandlingConverter {

    @Override
    public String convert(ILoggingEvent event) {
        IThrowableProxy error = event.getThrowableProxy();
        if (error == null) {
            return "";
        }
        String type = error.getClassName().substring(error.getClassName().lastIndexOf('.') + 1);
        String message = error.getMessage() == null
                ? ""
                : ": " + error.getMessage().lines().findFirst().orElse("");
        return " (" + type + message + ")";
    }
}
