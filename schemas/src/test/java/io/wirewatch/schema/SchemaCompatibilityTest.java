package io.wirewatch.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;

/**
 * Guards the contract: every {@code .avsc} documents every field, and every schema stays BACKWARD compatible (a
 * consumer with the current schema reads data written with any earlier one) with each released version kept under
 * {@code src/test/resources/previous/v<N>/}. When a schema changes, copy the released files into a new
 * {@code previous/v<N+1>} directory.
 */
class SchemaCompatibilityTest {

    private static final Path CURRENT = Path.of("src/main/avro");
    private static final Path PREVIOUS = Path.of("src/test/resources/previous");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldDocumentEveryRecordAndEveryFieldOfEveryContractFile() throws IOException {
        List<String> undocumented = new ArrayList<>();
        List<Path> files = avscFiles(CURRENT);
        for (Path file : files) {
            collectUndocumented(JSON.readTree(file.toFile()), file.getFileName().toString(), undocumented);
        }

        assertThat(files).hasSizeGreaterThanOrEqualTo(10);
        assertThat(undocumented).as("fields or records without a doc").isEmpty();
    }

    @Test
    void shouldReadDataWrittenWithEveryPreviousVersionOfEverySchema() {
        // Given the current contract and every kept earlier version of it
        Map<String, Schema> current = parseAll(CURRENT);
        List<Path> versions = previousVersions();
        assertThat(versions).as("kept previous versions under " + PREVIOUS).isNotEmpty();

        // Then each current schema, as reader, reads what each earlier version wrote
        List<String> problems = new ArrayList<>();
        for (Path version : versions) {
            Map<String, Schema> previous = parseAll(version);
            previous.forEach((name, old) -> {
                Schema now = current.get(name);
                if (now == null) {
                    problems.add(name + " of " + version.getFileName() + " no longer exists");
                } else {
                    problems.addAll(
                            backwardProblems(now, old, version.getFileName().toString()));
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldReportAChangeThatBreaksBackwardCompatibility() {
        // Given an Article that gains a required field with no default
        Schema previous = parseAll(CURRENT).get("io.wirewatch.schema.Article");
        String broken = previous.toString()
                .replace("\"fields\":[", "\"fields\":[{\"name\":\"wordCount\",\"type\":\"int\",\"doc\":\"Words.\"},");
        Schema changed = new Schema.Parser().parse(broken);

        // Then the check this test class relies on reports it
        assertThat(backwardProblems(changed, previous, "v-test"))
                .singleElement()
                .asString()
                .contains("wordCount");
    }

    private static List<String> backwardProblems(Schema reader, Schema writer, String version) {
        SchemaCompatibility.SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return List.of();
        }
        return List.of(reader.getFullName() + " cannot read data written with its " + version + " version: "
                + result.getResult().getIncompatibilities().stream()
                        .map(i -> i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")")
                        .toList());
    }

    private static void collectUndocumented(JsonNode node, String where, List<String> undocumented) {
        if (node.isArray()) {
            node.forEach(element -> collectUndocumented(element, where, undocumented));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        String type = node.path("type").asText("");
        if (type.equals("record") || type.equals("enum")) {
            String name = node.path("name").asText();
            if (node.path("doc").asText("").isBlank()) {
                undocumented.add(where + ": " + type + " " + name);
            }
            for (JsonNode field : node.path("fields")) {
                if (field.path("doc").asText("").isBlank()) {
                    undocumented.add(
                            where + ": field " + name + "." + field.path("name").asText());
                }
                collectUndocumented(field.path("type"), where, undocumented);
            }
        } else {
            collectUndocumented(node.path("type"), where, undocumented);
            collectUndocumented(node.path("items"), where, undocumented);
            collectUndocumented(node.path("values"), where, undocumented);
        }
    }

    /**
     * Parses every file of a directory into its named types. Files name types defined in other files, so a file whose
     * dependencies are not parsed yet waits for a later round.
     */
    static Map<String, Schema> parseAll(Path dir) {
        List<Path> pending = new ArrayList<>(avscFiles(dir));
        Map<String, Schema> known = new LinkedHashMap<>();
        while (!pending.isEmpty()) {
            List<Path> parsedThisRound = new ArrayList<>();
            for (Path file : pending) {
                Schema.Parser parser = new Schema.Parser().addTypes(known.values());
                try {
                    parser.parse(file.toFile());
                    known.putAll(parser.getTypes());
                    parsedThisRound.add(file);
                } catch (AvroRuntimeException e) {
                    // An undefined name: a dependency not parsed yet. Any other fault shows when nothing progresses.
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            if (parsedThisRound.isEmpty()) {
                throw new AssertionError("Cannot parse " + pending + ": invalid schema or a type defined nowhere");
            }
            pending.removeAll(parsedThisRound);
        }
        return known;
    }

    private static List<Path> previousVersions() {
        try (Stream<Path> dirs = Files.list(PREVIOUS)) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> avscFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".avsc"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
