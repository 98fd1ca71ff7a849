package io.wirewatch.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads articles from files: {@code .txt} (plain text, metadata from the {@code manifest.json} beside it),
 * {@code .json} (one object or an array of objects) and {@code .jsonl} (one object a line, streamed). A directory is
 * read recursively, in file-name order. Each article goes to the {@link ArticleHandler}; each piece of bad input
 * (a file, a JSONL line, an array element) goes there as a {@link Rejection}, and reading goes on.
 */
public final class FileSource {

    private static final Logger LOG = LoggerFactory.getLogger(FileSource.class);

    private final ArticleJson json;
    private final int maxArticleBytes;

    public FileSource(int maxArticleBytes) {
        this.maxArticleBytes = maxArticleBytes;
        this.json = new ArticleJson(maxArticleBytes);
    }

    /** The kinds of file this source reads. */
    public enum FileType {
        TEXT,
        JSON,
        JSONL;

        public static Optional<FileType> of(Path file) {
            String name = file.getFileName() == null
                    ? ""
                    : file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.equals(Manifest.FILE_NAME)) {
                return Optional.empty();
            }
            if (name.endsWith(".txt")) {
                return Optional.of(TEXT);
            }
            if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
                return Optional.of(JSONL);
            }
            if (name.endsWith(".json")) {
                return Optional.of(JSON);
            }
            return Optional.empty();
        }
    }

    /** Reads a file or, recursively, a directory. */
    public void read(Path path, ArticleHandler handler) {
        if (Files.isDirectory(path)) {
            readDirectory(path, handler);
        } else if (Files.isRegularFile(path)) {
            readFile(path, manifestFor(path.toAbsolutePath().getParent(), handler), handler);
        } else {
            handler.rejected(Rejection.of(path.toString(), "no such file or directory", new byte[0]));
        }
    }

    /** The article files under {@code directory}, in the order {@link #read} visits them. */
    public static List<Path> articleFiles(Path directory) {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> !isHidden(file))
                    .filter(file -> FileType.of(file).isPresent())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    private void readDirectory(Path directory, ArticleHandler handler) {
        List<Path> files;
        try {
            files = articleFiles(directory);
        } catch (UncheckedIOException e) {
            handler.rejected(new Rejection(directory.toString(), e.getMessage(), new byte[0], 0, e.getCause()));
            return;
        }
        Map<Path, Manifest> manifests = new HashMap<>();
        for (Path file : files) {
            Manifest manifest =
                    manifests.computeIfAbsent(file.toAbsolutePath().getParent(), dir -> manifestFor(dir, handler));
            readFile(file, manifest, handler);
        }
    }

    /** The manifest of a directory; a bad manifest is dead-lettered and the files are read without it. */
    public Manifest manifestFor(Path directory, ArticleHandler handler) {
        if (directory == null) {
            return Manifest.empty();
        }
        try {
            return Manifest.forDirectory(directory);
        } catch (InputRejectedException e) {
            Path file = directory.resolve(Manifest.FILE_NAME);
            LOG.warn("Ignoring manifest {}: {}", file, e.getMessage());
            handler.rejected(new Rejection(
                    file.toString(), "bad manifest: " + e.getMessage(), headOf(file), sizeOf(file), e.getCause()));
            return Manifest.empty();
        }
    }

    /** Reads one file with the given manifest. */
    public void readFile(Path file, Manifest manifest, ArticleHandler handler) {
        String sourceRef = file.toString();
        Optional<FileType> type = FileType.of(file);
        if (type.isEmpty()) {
            handler.rejected(
                    Rejection.of(sourceRef, "unsupported file type: expected .txt, .json or .jsonl", headOf(file)));
            return;
        }
        try {
            if (type.get() == FileType.JSONL) {
                readJsonLines(file, manifest, handler);
                return;
            }
            long size = Files.size(file);
            if (size > maxArticleBytes) {
                handler.rejected(new Rejection(sourceRef, tooLarge(size), headOf(file), size, null));
                return;
            }
            byte[] bytes = Files.readAllBytes(file);
            String text = TextDecoder.decode(bytes);
            Optional<ArticleMetadata> metadata = manifest.metadataFor(file);
            if (type.get() == FileType.TEXT) {
                handler.article(PlainTextArticles.fromText(text, sourceRef).overriddenBy(metadata.orElse(null)));
            } else {
                for (ArticleJson.Element element : json.readDocument(text, sourceRef)) {
                    deliver(element, sourceRef, metadata.orElse(null), handler);
                }
            }
        } catch (InputRejectedException e) {
            handler.rejected(new Rejection(sourceRef, e.getMessage(), headOf(file), sizeOf(file), e.getCause()));
        } catch (IOException e) {
            handler.rejected(new Rejection(sourceRef, "cannot read file: " + e, new byte[0], 0, e));
        }
    }

    private void deliver(
            ArticleJson.Element element, String sourceRef, ArticleMetadata metadata, ArticleHandler handler) {
        if (element instanceof ArticleJson.Parsed parsed) {
            handler.article(parsed.article().withDefaults(metadata));
        } else if (element instanceof ArticleJson.Invalid invalid) {
            String ref = invalid.index() < 0 ? sourceRef : sourceRef + "#" + invalid.index();
            handler.rejected(Rejection.of(ref, invalid.reason(), invalid.json().getBytes(StandardCharsets.UTF_8)));
        }
    }

    private void readJsonLines(Path file, Manifest manifest, ArticleHandler handler) throws IOException {
        ArticleMetadata metadata = manifest.metadataFor(file).orElse(null);
        try (InputStream in = Files.newInputStream(file);
                BoundedLineReader lines = new BoundedLineReader(in, maxArticleBytes)) {
            for (BoundedLineReader.Line line = lines.next(); line != null; line = lines.next()) {
                String ref = file + ":" + line.number();
                if (line.truncated()) {
                    handler.rejected(new Rejection(ref, tooLarge(line.size()), line.bytes(), line.size(), null));
                    continue;
                }
                if (isBlank(line.bytes())) {
                    continue;
                }
                try {
                    String text = TextDecoder.decode(line.bytes());
                    handler.article(json.readObject(text, ref).withDefaults(metadata));
                } catch (InputRejectedException e) {
                    handler.rejected(new Rejection(ref, e.getMessage(), line.bytes(), line.size(), e.getCause()));
                }
            }
        }
    }

    private String tooLarge(long size) {
        return "too large: " + size + " bytes, the limit is " + maxArticleBytes + " bytes";
    }

    /** The first bytes of a file, at most the article limit: what a dead letter keeps. */
    private byte[] headOf(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(maxArticleBytes);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static boolean isHidden(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().startsWith(".");
    }
}
