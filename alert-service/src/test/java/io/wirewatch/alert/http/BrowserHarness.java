package io.wirewatch.alert.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Playwright scripts of {@code src/test/browser} (headless Chromium) for the browser tests: each script drives
 * the page, prints one line {@code RESULT {json}} of what it saw and exits non-zero, with the reason on stderr, when a
 * wait times out. Tests are skipped, not failed, where Chromium, node or the harness's node_modules are missing
 * ({@code apt-get install chromium}; {@code npm ci} in {@code src/test/browser}; {@code .ci/run} does both).
 */
public final class BrowserHarness {

    public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    private final Path directory;
    private final Path node;

    private BrowserHarness(Path directory, Path node) {
        this.directory = directory;
        this.node = node;
    }

    /** The harness of this module, or the test is skipped with the reason. */
    public static BrowserHarness assumeAvailable() {
        Path directory =
                Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "src", "test", "browser");
        assumeTrue(
                Files.isExecutable(CHROMIUM),
                "Skipping the browser test: no Chromium at " + CHROMIUM + " (apt-get install chromium)");
        assumeTrue(
                Files.isDirectory(directory.resolve("node_modules").resolve("playwright-core")),
                "Skipping the browser test: " + directory.resolve("node_modules")
                        + " has no playwright-core (npm ci in " + directory + ")");
        Optional<Path> node = onPath("node");
        assumeTrue(node.isPresent(), "Skipping the browser test: no node on PATH");
        return new BrowserHarness(directory, node.get());
    }

    /**
     * Runs a script to the end and returns its RESULT; fails the test with the script's stderr when it times out,
     * exits non-zero or prints no result.
     */
    public JsonNode run(
            Path work, String script, List<String> arguments, Map<String, String> environment, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path stdout = work.resolve(script + ".out");
        Path stderr = work.resolve(script + ".err");
        List<String> command = new ArrayList<>(List.of(node.toString(), script));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().put("CHROMIUM", CHROMIUM.toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String errors = Files.readString(stderr);
        assertThat(finished)
                .as("%s finished within %d s; stderr:%n%s", script, timeoutSeconds, errors)
                .isTrue();
        assertThat(process.exitValue())
                .as("%s exit code; stderr:%n%s", script, errors)
                .isZero();
        String output = Files.readString(stdout);
        String line = output.lines()
                .filter(candidate -> candidate.startsWith("RESULT "))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError(
                        script + " printed no RESULT line; stdout:\n" + output + "\nstderr:\n" + errors));
        return AlertJson.mapper().readTree(line.substring("RESULT ".length()));
    }

    /**
     * Where a browser test keeps its screenshots: {@code -Dwirewatch.screenshots=DIR} (the README's images are made with
     * {@code -Dwirewatch.screenshots=../docs/screenshots}), else {@code target/screenshots}.
     */
    public static Path screenshotDirectory() throws IOException {
        String configured = System.getProperty("wirewatch.screenshots");
        Path directory = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "target", "screenshots");
        return Files.createDirectories(directory.toAbsolutePath());
    }

    private static Optional<Path> onPath(String program) {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, program))) {
                return Optional.of(Path.of(entry, program));
            }
        }
        return Optional.empty();
    }
}
