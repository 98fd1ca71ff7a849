package io.wirewatch.launcher;

import io.wirewatch.ingest.IngestMain;
import io.wirewatch.platform.config.ClusterConfig;
import io.wirewatch.platform.config.Env;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code wirewatch} command: the embedded pipeline ({@code up}) and the operator's tools. Every error it reports
 * is one line on stderr, {@code wirewatch <command>: <what and what to do>}, with exit status 2 for a command line that
 * cannot work (flag, value, path) and 1 for what stopped it at run time; the log file keeps the detail.
 */
@Command(
        name = "wirewatch",
        mixinStandardHelpOptions = true,
        version = "wirewatch 0.1.0",
        description = "Event-driven news intelligence: ingest, enrich, alert.",
        subcommands = {UpCommand.class, ReplayCommand.class, TailCommand.class})
public final class Wirewatch implements Runnable {

    /** The launcher's logging: broker and client logs to a file, the terminal kept for alerts and service news. */
    static final String LOGGING_CONFIG = "wirewatch-logback.xml";

    /** A logger that writes to the log file only: the stack traces behind the one-line errors. */
    static final String DETAIL_LOGGER = "io.wirewatch.launcher.detail";

    public static void main(String[] args) {
        // Before the first logger exists; an operator's own -Dlogback.configurationFile wins.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGGING_CONFIG);
        }
        // A thread that dies of an exception nobody caught: one line here, its stack trace in the log file.
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            detail().error("Uncaught exception in thread {}", thread.getName(), error);
            System.err.println("wirewatch: thread " + thread.getName() + " failed: " + summary(error) + " (details in "
                    + LogFile.path() + ")");
        });
        System.exit(commandLine().execute(args));
    }

    /** The command tree with Wirewatch's error handling: each error is one line naming what to change. */
    public static CommandLine commandLine() {
        return new CommandLine(new Wirewatch())
                // ingest-service's own command line, so `wirewatch ingest` is exactly what its image runs.
                .addSubcommand("ingest", new IngestMain(System.getenv()))
                .addSubcommand("enrich", new ServiceCommands.Enrich())
                .addSubcommand("alert", new ServiceCommands.Alert())
                // The last of a repeated option wins, as in most Unix tools: `wirewatch up $DEFAULTS --port 0` works.
                .setOverwrittenOptionsAllowed(true)
                .setExecutionStrategy(Wirewatch::execute)
                .setParameterExceptionHandler(Wirewatch::badCommandLine)
                .setExecutionExceptionHandler(Wirewatch::failed);
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    /** Picocli's own strategy, after checking the cluster of {@code ingest}, whose command line is ingest-service's. */
    private static int execute(ParseResult parseResult) {
        ParseResult leaf = parseResult;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        if (leaf.commandSpec().userObject() instanceof IngestMain
                && !leaf.isUsageHelpRequested()
                && !leaf.isVersionHelpRequested()) {
            try {
                ClusterProbe.require(
                        ClusterConfig.fromEnvironment(Env.load()),
                        ClusterProbe.DEFAULT_TIMEOUT,
                        ClusterProbe.Hints.ENVIRONMENT);
            } catch (RuntimeException e) {
                throw new ExecutionException(leaf.commandSpec().commandLine(), e.getMessage(), e);
            }
        }
        return new CommandLine.RunLast().execute(parseResult);
    }

    /** An unknown flag, a value of the wrong type, a missing argument: one line, and where the options are listed. */
    private static int badCommandLine(ParameterException error, String[] args) {
        CommandLine commandLine = error.getCommandLine();
        String name = commandLine.getCommandSpec().qualifiedName();
        String message = oneLine(error.getMessage());
        if (error instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = nearestOptions(commandLine.getCommandSpec(), unmatched.getUnmatched());
            if (!suggestions.isEmpty()) {
                message += " (did you mean " + String.join(" or ", suggestions) + "?)";
            }
        }
        commandLine.getErr().println(name + ": " + lowerFirst(message) + "; see '" + name + " --help'");
        return commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** The command's options closest to an unknown one (a typo such as {@code --prot}): at most two edits away. */
    static List<String> nearestOptions(CommandSpec spec, List<String> unmatched) {
        List<String> names = spec.options().stream()
                .flatMap(option -> Arrays.stream(option.names()))
                .filter(name -> name.startsWith("--"))
                .toList();
        List<String> nearest = new ArrayList<>();
        for (String argument : unmatched) {
            if (!argument.startsWith("-")) {
                continue;
            }
            String typed = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
            names.stream()
                    .filter(name -> editDistance(typed, name) <= 2 && !nearest.contains(name))
                    .sorted(Comparator.comparingInt(name -> editDistance(typed, name)))
                    .limit(3)
                    .forEach(nearest::add);
        }
        return nearest;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** What a command threw: one line; a failure it did not foresee also goes, with its stack trace, to the log file. */
    private static int failed(Exception error, CommandLine commandLine, ParseResult parseResult) {
        String name = commandLine.getCommandSpec().qualifiedName();
        if (error instanceof CliError known) {
            if (known.getCause() != null) {
                detail().warn("{}: {}", name, known.getMessage(), known.getCause());
            }
            commandLine.getErr().println(name + ": " + oneLine(known.getMessage()));
            return known.exitCode();
        }
        if (error instanceof IllegalArgumentException) {
            // A bad value the command or a service config refused; its message names the setting.
            detail().warn("{}: {}", name, error.getMessage(), error);
            commandLine.getErr().println(name + ": " + oneLine(error.getMessage()));
            return CommandLine.ExitCode.USAGE;
        }
        detail().error("{} failed", name, error);
        commandLine.getErr().println(name + ": failed: " + summary(error) + " (details in " + LogFile.path() + ")");
        return CommandLine.ExitCode.SOFTWARE;
    }

    /**
     * The file-only logger, looked up when needed: a logger created while this class loads would start Logback
     * before {@link #main} has pointed it at {@link #LOGGING_CONFIG}.
     */
    private static Logger detail() {
        return LoggerFactory.getLogger(DETAIL_LOGGER);
    }

    /** The message of a failure, or of the first cause that has one. */
    static String summary(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                return oneLine(cause.getMessage());
            }
        }
        return error.getClass().getSimpleName();
    }

    private static String oneLine(String text) {
        return String.valueOf(text).strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
