package io.wirewatch.launcher;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks the paths given to replay before anything starts: a path that is missing, unreadable or neither a file nor
 * a directory (a device, a pipe) is one line naming it, not a dead letter or a replay that never ends.
 */
final class ReplayPaths {

    private ReplayPaths() {}

    /** Throws a usage {@link CliError} for the first path that cannot be replayed. */
    static void requireReadable(List<Path> paths) {
        for (Path path : paths) {
            requireReadable(path);
        }
    }

    static void requireReadable(Path path) {
        if (!Files.exists(path)) {
            throw CliError.usage("nothing to replay at " + path + ": no such file or directory");
        }
        if (Files.isDirectory(path)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
                entries.iterator().hasNext();
            } catch (IOException | RuntimeException e) {
                throw CliError.usage("cannot read the directory " + path + ": " + reason(e));
            }
        } else if (!Files.isRegularFile(path)) {
            throw CliError.usage("cannot replay " + path + ": not a regular file or a directory");
        } else if (!Files.isReadable(path)) {
            throw CliError.usage("cannot read " + path + ": permission denied");
        }
    }

    private static String reason(Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String type = cause.getClass().getSimpleName();
        return type.equals("AccessDeniedException") ? "permission denied" : type + ": " + cause.getMessage();
    }
}
