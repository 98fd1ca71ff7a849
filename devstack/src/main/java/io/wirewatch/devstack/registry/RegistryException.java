package io.wirewatch.devstack.registry;

/** A request the registry refuses, carrying the HTTP status and Confluent error code the REST layer answers with. */
public final class RegistryException extends RuntimeException {

    private final int status;
    private final int errorCode;

    public RegistryException(int status, int errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    public int status() {
        return status;
    }

    public int errorCode() {
        return errorCode;
    }

    static RegistryException subjectNotFound(String subject) {
        return new RegistryException(404, 40401, "Subject '" + subject + "' not found.");
    }

    static RegistryException versionNotFound(String subject, int version) {
        return new RegistryException(404, 40402, "Version " + version + " not found for subject '" + subject + "'.");
    }

    static RegistryException schemaNotFound(String what) {
        return new RegistryException(404, 40403, what);
    }

    static RegistryException invalidSchema(String detail) {
        return new RegistryException(422, 42201, "Invalid schema: " + detail);
    }

    static RegistryException invalidVersion(String version) {
        return new RegistryException(
                422,
                42202,
                "The specified version '" + version
                        + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    static RegistryException invalidCompatibility(String level) {
        return new RegistryException(
                422,
                42203,
                "Invalid compatibility level '" + level
                        + "'. Valid values are none, backward, forward, full, backward_transitive, forward_transitive and full_transitive");
    }

    static RegistryException storeFailure(String detail, Throwable cause) {
        RegistryException e = new RegistryException(500, 50001, "Error in the backend data store: " + detail);
        e.initCause(cause);
        return e;
    }
}
