package io.wirewatch.ingest.source;

/** Input is not an article; the message is the reason given to the sender and written to the dead letter. */
public final class InputRejectedException extends Exception {

    public InputRejectedException(String reason) {
        super(reason);
    }

    public InputRejectedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
