package io.wirewatch.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.ingest.Seeds;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {

    @Test
    void shouldReadTheSeedManifest() throws InputRejectedException {
        Manifest manifest = Manifest.forDirectory(Seeds.DIRECTORY);

        assertThat(manifest.size()).isEqualTo(3);
        assertThat(manifest.metadataFor(Path.of("anywhere", "000_3f73a5d78b56022d.txt")))
                .contains(new ArticleMetadata(
                        null,
                        "https://www.bbc.co.uk/news/world-middle-east-16916055",
                        "BBC",
                        "Syria crisis: Gulf Arab states expel Syrian ambassadors",
                        Instant.parse("2012-02-07T10:15:00Z")));
        assertThat(manifest.metadataFor(Path.of("999_unknown.txt"))).isEmpty();
    }

    @Test
    void shouldBeEmptyForADirectoryWithoutManifest(@TempDir Path dir) throws InputRejectedException {
        assertThat(Manifest.forDirectory(dir).size()).isZero();
    }

    @Test
    void shouldAcceptSourceForOutletAndAnExplicitId() throws InputRejectedException {
        Manifest manifest =
                Manifest.parse(bytes("{\"articles\":[{\"file\":\"x.txt\",\"id\":\"x-1\",\"source\":\"AP\"}]}"));

        assertThat(manifest.metadataFor(Path.of("x.txt"))).contains(new ArticleMetadata("x-1", null, "AP", null, null));
    }

    @Test
    void shouldRejectMalformedManifests() {
        assertThatThrownBy(() -> Manifest.parse(bytes("{\"articles\":")))
                .hasMessageStartingWith("malformed manifest JSON");
        assertThatThrownBy(() -> Manifest.parse(bytes("{\"files\":[]}")))
                .hasMessage("manifest has no 'articles' array");
        assertThatThrownBy(() -> Manifest.parse(bytes("{\"articles\":[{\"outlet\":\"BBC\"}]}")))
                .hasMessage("manifest entry 0 has no 'file'");
        assertThatThrownBy(() -> Manifest.parse(bytes("{\"articles\":[{\"file\":\"a\",\"title\":7}]}")))
                .hasMessage("manifest entry 0: field 'title' must be a string");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
