package io.wirewatch.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {

    private static List<BoundedLineReader.Line> lines(byte[] input, int max) throws IOException {
        List<BoundedLineReader.Line> lines = new ArrayList<>();
        try (BoundedLineReader reader = new BoundedLineReader(new ByteArrayInputStream(input), max)) {
            for (BoundedLineReader.Line line = reader.next(); line != null; line = reader.next()) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static String text(BoundedLineReader.Line line) {
        return new String(line.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldSplitLinesWithUnixOrWindowsEndingsAndNoFinalNewline() throws IOException {
        List<BoundedLineReader.Line> lines = lines("one\r\ntwo\n\nfour".getBytes(StandardCharsets.UTF_8), 100);

        assertThat(lines).extracting(BoundedLineReaderTest::text).containsExactly("one", "two", "", "four");
        assertThat(lines).extracting(BoundedLineReader.Line::number).containsExactly(1L, 2L, 3L, 4L);
        assertThat(lines).noneMatch(BoundedLineReader.Line::truncated);
    }

    @Test
    void shouldKeepOnlyTheLimitOfAnOverlongLineAndGoOnWithTheNext() throws IOException {
        // Given a 200,000-byte line, longer than the 64 KiB read chunk, between two short ones
        String input = "short\n" + "y".repeat(200_000) + "\nafter\n";

        List<BoundedLineReader.Line> lines = lines(input.getBytes(StandardCharsets.UTF_8), 1000);

        assertThat(lines).hasSize(3);
        assertThat(lines.get(1).truncated()).isTrue();
        assertThat(lines.get(1).size()).isEqualTo(200_000);
        assertThat(lines.get(1).bytes()).hasSize(1000);
        assertThat(text(lines.get(2))).isEqualTo("after");
    }

    @Test
    void shouldReadNothingFromEmptyInput() throws IOException {
        assertThat(lines(new byte[0], 10)).isEmpty();
        assertThat(lines("\n".getBytes(StandardCharsets.UTF_8), 10))
                .singleElement()
                .satisfies(line -> assertThat(line.size()).isZero());
    }
}
