package io.wirewatch.launcher;

import picocli.CommandLine;

/**
 * A failure the operator can act on, said in one line: the command prints {@code wirewatch <command>: <message>} and
 * exits with {@link #exitCode()} ({@code 2} for a bad command line, {@code 1} for what stopped it while running).
 */
final class CliError extends RuntimeException {

    private final int exitCode;

    private CliError(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** A flag, value or path that cannot work as given: exit status 2, as for a flag picocli refuses. */
    static CliError usage(String message) {
        return new CliError(message, CommandLine.ExitCode.USAGE, null);
    }

    /** Something outside the command line stopped the command (a port in use, a cluster that does not answer). */
    static CliError failed(String message, Throwable cause) {
        return new CliError(message, CommandLine.ExitCode.SOFTWARE, cause);
    }

    int exitCode() {
        return exitCode;
    }
}
