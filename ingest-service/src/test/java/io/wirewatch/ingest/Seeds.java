package io.wirewatch.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test fixtures: the sample corpus in the repository's {@code seeds/} directory. */
public final class Seeds {

    /** Tests run with the module directory as working directory. */
    public static final Path DIRECTORY = Path.of("..", "seeds").toAbsolutePath().normalize();

    private Seeds() {}

    public static String read(String fileName) {
        try {
            return Files.readString(DIRECTORY.resolve(fileName), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
