package io.wirewatch.ingest.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Metadata for the plain-text files of one directory, read from the {@code manifest.json} beside them:
 * {@code {"articles":[{"file","id","outlet","url","title","published_at"}]}} (every field but {@code file} optional;
 * {@code source} is accepted for {@code outlet}).
 */
public final class Manifest {

    public static final String FILE_NAME = "manifest.json";

    /** A manifest is metadata, never an article; a large one is a mistake. */
    static final long MAX_MANIFEST_BYTES = 16L * 1024 * 1024;

    private static final Manifest EMPTY = new Manifest(Map.of());

    private final Map<String, ArticleMetadata> byFileName;

    private Manifest(Map<String, ArticleMetadata> byFileName) {
        this.byFileName = Map.copyOf(byFileName);
    }

    public static Manifest empty() {
        return EMPTY;
    }

    /** The manifest of {@code directory}, or an empty one when it has none. */
    public static Manifest forDirectory(Path directory) throws InputRejectedException {
        Path file = directory.resolve(FILE_NAME);
        return Files.isRegularFile(file) ? read(file) : EMPTY;
    }

    public static Manifest read(Path manifestFile) throws InputRejectedException {
        try {
            if (Files.size(manifestFile) > MAX_MANIFEST_BYTES) {
                throw new InputRejectedException("manifest larger than " + MAX_MANIFEST_BYTES + " bytes");
            }
            return parse(Files.readAllBytes(manifestFile));
        } catch (IOException e) {
            throw new InputRejectedException("cannot read manifest: " + e.getMessage(), e);
        }
    }

    static Manifest parse(byte[] bytes) throws InputRejectedException {
        String json = TextDecoder.decode(bytes);
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new InputRejectedException("malformed manifest JSON: " + e.getMessage(), e);
        }
        JsonNode articles = root == null ? null : root.get("articles");
        if (articles == null || !articles.isArray()) {
            throw new InputRejectedException("manifest has no 'articles' array");
        }
        Map<String, ArticleMetadata> byFileName = new HashMap<>();
        for (int i = 0; i < articles.size(); i++) {
            JsonNode entry = articles.get(i);
            String file = text(entry, "file", i);
            if (file == null || file.isBlank()) {
                throw new InputRejectedException("manifest entry " + i + " has no 'file'");
            }
            String published = text(entry, "published_at", i);
            Instant publishedAt =
                    published == null ? null : Timestamps.parseIso8601(published, "articles[" + i + "].published_at");
            String outlet = text(entry, "outlet", i);
            byFileName.put(
                    fileName(file, i),
                    new ArticleMetadata(
                            text(entry, "id", i),
                            text(entry, "url", i),
                            outlet != null ? outlet : text(entry, "source", i),
                            text(entry, "title", i),
                            publishedAt));
        }
        return new Manifest(byFileName);
    }

    /** The last segment of an entry's {@code file}; a value that names no file (NUL, "/") rejects the manifest. */
    private static String fileName(String file, int index) throws InputRejectedException {
        Path name;
        try {
            name = Path.of(file).getFileName();
        } catch (InvalidPathException e) {
            throw new InputRejectedException(
                    "manifest entry " + index + ": 'file' is not a valid path: " + e.getReason(), e);
        }
        if (name == null) {
            throw new InputRejectedException("manifest entry " + index + ": 'file' names no file");
        }
        return name.toString();
    }

    /** What the manifest says about {@code file} (matched by file name), if anything. */
    public Optional<ArticleMetadata> metadataFor(Path file) {
        Path name = file.getFileName();
        return name == null ? Optional.empty() : Optional.ofNullable(byFileName.get(name.toString()));
    }

    public int size() {
        return byFileName.size();
    }

    private static String text(JsonNode entry, String field, int index) throws InputRejectedException {
        JsonNode value = entry.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InputRejectedException("manifest entry " + index + ": field '" + field + "' must be a string");
        }
        return value.textValue();
    }
}
