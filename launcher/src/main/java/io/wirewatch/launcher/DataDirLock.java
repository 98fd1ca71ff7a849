package io.wirewatch.launcher;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a {@code --data-dir} for as long as one {@code wirewatch up} runs on it. Without it a second
 * {@code up} on the same directory starts a second broker on the same log and the services on the same state stores
 * (seen: the embedded broker does not refuse it). The lock file names the process that holds it.
 */
final class DataDirLock implements AutoCloseable {

    static final String FILE_NAME = ".wirewatch-up.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, or throws a one-line {@link CliError} naming the process that has it. */
    static DataDirLock acquire(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        FileChannel channel;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw CliError.usage("cannot use --data-dir " + dataDir + ": " + Wirewatch.summary(e));
        }
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by another up in this same JVM (tests run several)
            }
            if (lock == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
                channel.close();
                throw CliError.failed(
                        "--data-dir " + dataDir + " is in use by another running wirewatch up"
                                + (holder.isEmpty() ? "" : " (pid " + holder + ")")
                                + "; stop that one, or give this one another --data-dir",
                        null);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
            return new DataDirLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw CliError.usage("cannot lock --data-dir " + dataDir + ": " + Wirewatch.summary(e));
        }
    }

    /** Releases the lock; the file stays (deleting it would race with the next run taking it). */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing held yet; the error being reported is the one that matters.
        }
    }
}
