package io.wirewatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The launcher's command line as an operator meets it when something is wrong: every refusal is one line on stderr
 * naming what to change, with exit status 2 for the command line itself and 1 for what stopped it while starting.
 * These all fail before anything starts (no broker), so they run in-process with the real error handlers.
 */
class WirewatchCommandLineTest {

    @TempDir
    Path work;

    @Test
    void shouldSayWhichOptionIsUnknownAndSuggestTheNearestOne() {
        Run run = run("up", "--prot", "8081");

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .startsWith("wirewatch up: unknown options: '--prot', '8081'")
                .contains("did you mean --port")
                .endsWith("see 'wirewatch up --help'");
    }

    @Test
    void shouldNameTheOptionAndValueOfTheWrongType() {
        Run run = run("up", "--port", "eighty");

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.errLines())
                .containsExactly(
                        "wirewatch up: invalid value for option '--port': 'eighty' is not an int; see 'wirewatch up --help'");
    }

    @Test
    void shouldRefuseADataDirOnANearlyFullDiskInOneLineBeforeAnythingStarts() {
        // A disk cannot be filled here; asking for more free space than any disk has takes the same path
        Run run = run(
                "up",
                "--data-dir",
                work.resolve("data").toString(),
                "--min-free-space",
                Long.toString(Long.MAX_VALUE),
                "--replay",
                "../seeds");

        assertThat(run.exit).isEqualTo(1);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .startsWith("wirewatch up: only ")
                .contains("free on the filesystem of --data-dir " + work.resolve("data"))
                .endsWith("free some space or choose another --data-dir");
        assertThat(work.resolve("data")).doesNotExist();
    }

    @Test
    void shouldNameAMissingArgument() {
        Run run = run("tail");

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.errLines())
                .containsExactly("wirewatch tail: missing required parameter: 'TOPIC'; see 'wirewatch tail --help'");
    }

    @Test
    void shouldRefuseABadSpeedInOneLine() {
        Run run = run("up", "--speed", "fast", "--replay", "../seeds");

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.errLines())
                .containsExactly("wirewatch up: --speed must be a positive number or 'max', was 'fast'");
    }

    @Test
    void shouldNameAReplayPathThatIsNotThere() {
        Path missing = work.resolve("corpus");

        Run up = run("up", "--replay", missing.toString());
        Run replay = run("replay", missing.toString(), "--bootstrap-server", "localhost:1");

        assertThat(up.exit).isEqualTo(2);
        assertThat(up.errLines())
                .containsExactly("wirewatch up: nothing to replay at " + missing + ": no such file or directory");
        // Checked before the cluster, so the path is what the operator reads about
        assertThat(replay.exit).isEqualTo(2);
        assertThat(replay.errLines())
                .containsExactly("wirewatch replay: nothing to replay at " + missing + ": no such file or directory");
    }

    @Test
    void shouldRefuseTheSamePortForTwoListeners() {
        Run run = run("up", "--replay", "../seeds", "--port", "9092");

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.errLines())
                .containsExactly(
                        "wirewatch up: --kafka-port and --port both ask for port 9092; give one of them another port (0 picks a free one)");
    }

    @Test
    void shouldStopBeforeStartingAnythingWhenAPortIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();

            Run run = run(
                    "up",
                    "--replay",
                    "../seeds",
                    "--kafka-port",
                    "0",
                    "--registry-port",
                    "0",
                    "--port",
                    "0",
                    "--ingest-port",
                    String.valueOf(port),
                    "--data-dir",
                    work.resolve("data").toString());

            assertThat(run.exit).isEqualTo(1);
            assertThat(run.errLines())
                    .containsExactly("wirewatch up: port " + port + " (ingest's POST /articles) is already"
                            + " in use; choose another with --ingest-port PORT, or --ingest-port 0 for a free one");
            assertThat(work.resolve("data"))
                    .as("nothing started, so no broker data")
                    .doesNotExist();
        }
    }

    @Test
    void shouldLetTheLastOfARepeatedOptionWin() {
        // `wirewatch up $DEFAULTS --port 0` is how scripts override one setting
        Run run = run("up", "--replay", "../seeds", "--port", "9092", "--port", "0", "--speed", "slow");

        assertThat(run.errLines())
                .containsExactly("wirewatch up: --speed must be a positive number or 'max', was 'slow'");
    }

    @Test
    void shouldNameAnAlertsFileThatCannotBeWritten() {
        Path file = work.resolve("no-such-dir").resolve("alerts.jsonl");

        Run run = run(
                "up",
                "--replay",
                "../seeds",
                "--kafka-port",
                "0",
                "--registry-port",
                "0",
                "--port",
                "0",
                "--ingest-port",
                "-1",
                "--alerts-out",
                file.toString());

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.errLines())
                .containsExactly("wirewatch up: cannot write --alerts-out " + file + ": no such directory");
    }

    @Test
    void shouldRefuseASecondUpOnADataDirectoryInUse() throws IOException {
        Path data = work.resolve("data");
        try (DataDirLock held = DataDirLock.acquire(data)) {
            Run run = run(
                    "up",
                    "--replay",
                    "../seeds",
                    "--kafka-port",
                    "0",
                    "--registry-port",
                    "0",
                    "--port",
                    "0",
                    "--ingest-port",
                    "-1",
                    "--data-dir",
                    data.toString());

            assertThat(run.exit).isEqualTo(1);
            assertThat(run.errLines())
                    .singleElement()
                    .asString()
                    .startsWith("wirewatch up: --data-dir " + data + " is in use by another running wirewatch up (pid ")
                    .endsWith("; stop that one, or give this one another --data-dir");
        }
        // Released with the first run, the directory is free for the next
        try (DataDirLock again = DataDirLock.acquire(data)) {
            assertThat(data.resolve(DataDirLock.FILE_NAME))
                    .content()
                    .isEqualTo(ProcessHandle.current().pid() + "\n");
        }
    }

    private static Run run(String... args) {
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        CommandLine commandLine = Wirewatch.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(out, true));
        int exit = commandLine.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private record Run(int exit, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }
}
