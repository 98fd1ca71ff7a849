package io.wirewatch.alert.http;

/** A query parameter with a value the API cannot use; answered with 400 and a JSON error naming the parameter. */
public final class InvalidParameterException extends IllegalArgumentException {

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The name of the offending query parameter. */
    public String parameter() {
        return parameter;
    }
}
