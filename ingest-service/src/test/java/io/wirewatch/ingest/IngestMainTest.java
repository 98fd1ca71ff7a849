package io.wirewatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class IngestMainTest {

    @Test
    void shouldRefuseABadSpeedBeforeConnectingToAnything() {
        int exitCode = IngestMain.run(new String[] {"--speed", "fast", "seeds"}, Map.of());

        assertThat(exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
    }

    @Test
    void shouldRefuseABadEnvironmentValueNamingIt() {
        int exitCode = IngestMain.run(new String[] {"seeds"}, Map.of("INGEST_MAX_ARTICLE_BYTES", "lots"));

        assertThat(exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
    }

    @Test
    void shouldPrintUsage() {
        assertThat(IngestMain.run(new String[] {"--help"}, Map.of())).isEqualTo(CommandLine.ExitCode.OK);
    }
}
