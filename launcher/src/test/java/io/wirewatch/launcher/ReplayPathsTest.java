package io.wirewatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayPathsTest {

    @TempDir
    Path work;

    @Test
    void shouldAcceptAReadableFileAndADirectory() throws IOException {
        Path file = Files.writeString(work.resolve("a.txt"), "text");

        assertThatCode(() -> ReplayPaths.requireReadable(List.of(file, work))).doesNotThrowAnyException();
    }

    @Test
    void shouldNameAMissingPath() {
        Path missing = work.resolve("no-such-corpus");

        assertThatThrownBy(() -> ReplayPaths.requireReadable(List.of(work, missing)))
                .isInstanceOf(CliError.class)
                .hasMessage("nothing to replay at " + missing + ": no such file or directory");
    }

    @Test
    void shouldNameASymlinkThatPointsNowhere() throws IOException {
        Path dangling = Files.createSymbolicLink(work.resolve("latest.jsonl"), work.resolve("gone.jsonl"));

        assertThatThrownBy(() -> ReplayPaths.requireReadable(dangling))
                .hasMessage("nothing to replay at " + dangling + ": no such file or directory");
    }

    @Test
    void shouldRefuseADeviceThatIsNeitherAFileNorADirectory() {
        // Replaying a device or a pipe would read forever (or nothing) instead of failing.
        Path device = Path.of("/dev/null");

        assertThatThrownBy(() -> ReplayPaths.requireReadable(device))
                .isInstanceOf(CliError.class)
                .hasMessage("cannot replay /dev/null: not a regular file or a directory")
                .satisfies(error -> assertThat(((CliError) error).exitCode()).isEqualTo(2));
    }
}
