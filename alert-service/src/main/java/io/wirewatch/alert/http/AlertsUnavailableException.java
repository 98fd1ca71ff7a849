package io.wirewatch.alert.http;

/**
 * The alerts cannot be read right now, typically because Kafka Streams is rebalancing or restoring the store;
 * answered with 503 and a {@code Retry-After} header, since asking again shortly will work.
 */
public final class AlertsUnavailableException extends RuntimeException {

    public AlertsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
