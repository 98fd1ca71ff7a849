package io.wirewatch.launcher;

/** Where the launcher's log file is: what {@code wirewatch-logback.xml} resolves {@code WIREWATCH_LOG_FILE} to. */
final class LogFile {

    static final String VARIABLE = "WIREWATCH_LOG_FILE";

    private LogFile() {}

    /** A system property over the environment variable over {@code $TMPDIR/wirewatch.log}, as Logback reads it. */
    static String path() {
        String configured = System.getProperty(VARIABLE, System.getenv(VARIABLE));
        return configured != null && !configured.isBlank()
                ? configured
                : System.getProperty("java.io.tmpdir") + "/wirewatch.log";
    }
}
