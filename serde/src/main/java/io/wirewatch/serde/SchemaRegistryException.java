package io.wirewatch.serde;

import org.apache.kafka.common.errors.SerializationException;

/** The registry refused a request or could not be reached; carries Confluent's error code when there is one. */
public class SchemaRegistryException extends SerializationException {

    private final int status;
    private final int errorCode;

    public SchemaRegistryException(String message, int status, int errorCode) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.status = -1;
        this.errorCode = -1;
    }

    /** HTTP status, or -1 when the registry was not reached. */
    public int status() {
        return status;
    }

    /** Confluent error code (40401 subject not found, 40403 schema not found, 409 incompatible ...), or -1. */
    public int errorCode() {
        return errorCode;
    }
}
