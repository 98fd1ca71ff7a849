package io.wirewatch.launcher;

import io.wirewatch.ingest.IngestMain;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code wirewatch} command: the embedded pipeline ({@code up}) and the operator's tools. */
@Command(name = "wirewatch", mixinStandardHelpOptions = true, version = "wirewatch 0.1.0",
        description = "Event-driven news intelligence: ingest, enrich, alert.",
        subcommands = {UpCommand.class, ReplayCommand.class, TailCommand.class})
public final class Wirewatch implements Runnable {

    /** The launcher's logging: broker and client logs to a file, the terminal kept for alerts and service news. */
    static final String LOGGING_CONFIG = "wirewatch-logback.xml";

    public static void main(String[] args) {
        // Before the first logger exists; an operator's own -Dlogback.configurationFile wins.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGGING_CONFIG);
        }
        System.exit(commandLine().execute(args));
    }

    /** The command tree with Wirewatch's error handling: a bad value is one line naming it, not a stack trace. */
    public static CommandLine commandLine() {
        return new CommandLine(new Wirewatch())
                // ingest-service's own command line, so `wirewatch ingest` is exactly what its image runs.
                .addSubcommand("ingest", new IngestMain(System.getenv()))
                .addSubcommand("enrich", new ServiceCommands.Enrich())
                .addSubcommand("alert", new ServiceCommands.Alert())
                .setExecutionExceptionHandler((error, commandLine, parseResult) -> {
                    if (error instanceof IllegalArgumentException) {
                        commandLine.getErr().println(commandLine.getCommandName() + ": " + error.getMessage());
                        return CommandLine.ExitCode.USAGE;
                    }
                    throw error;
                });
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
