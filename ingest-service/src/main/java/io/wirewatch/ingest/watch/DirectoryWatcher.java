package io.wirewatch.ingest.watch;

import io.wirewatch.ingest.source.FileSource;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a directory for article files ({@code .txt}, {@code .json}, {@code .jsonl}) and hands each new or changed
 * file to a consumer once, when it has stopped growing (same size and modification time over one settle interval),
 * so a file still being copied in is not read half-written. Files already there at start are handed over too.
 *
 * <p>The {@link WatchService} makes pick-up prompt; a periodic rescan is the fallback for file systems that deliver
 * no events (network mounts, some container volumes) and for events lost to overflow. Re-delivering a file is
 * harmless downstream (duplicates are dropped), but the watcher itself delivers each (path, size, mtime) once.
 */
public final class DirectoryWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryWatcher.class);

    private record FileState(long size, FileTime modified) {}

    private final Path directory;
    private final Consumer<Path> onFile;
    private final Duration settleInterval;
    private final Duration rescanInterval;
    private final WatchService watchService;
    private final Thread thread;
    private final Map<Path, FileState> pending = new HashMap<>();
    private final Map<Path, FileState> delivered = new HashMap<>();
    private volatile boolean running = true;

    private DirectoryWatcher(
            Path directory,
            Consumer<Path> onFile,
            Duration settleInterval,
            Duration rescanInterval,
            WatchService watchService) {
        this.directory = directory;
        this.onFile = onFile;
        this.settleInterval = settleInterval;
        this.rescanInterval = rescanInterval;
        this.watchService = watchService;
        this.thread = new Thread(this::run, "ingest-watch-" + directory.getFileName());
        this.thread.setDaemon(true);
    }

    /**
     * Starts watching {@code directory} (which must exist).
     *
     * @param settleInterval how long a file must keep its size to count as complete
     * @param rescanInterval how often to list the directory even without events
     */
    public static DirectoryWatcher start(
            Path directory, Consumer<Path> onFile, Duration settleInterval, Duration rescanInterval)
            throws IOException {
        Objects.requireNonNull(onFile, "onFile");
        if (!Files.isDirectory(directory)) {
            throw new IOException("Cannot watch " + directory + ": not a directory");
        }
        WatchService watchService = FileSystems.getDefault().newWatchService();
        try {
            directory.register(
                    watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("No file events for {} ({}); relying on rescans every {}", directory, e, rescanInterval);
        }
        DirectoryWatcher watcher =
                new DirectoryWatcher(directory, onFile, settleInterval, rescanInterval, watchService);
        watcher.thread.start();
        LOG.info("Watching {} for article files (rescan every {})", directory, rescanInterval);
        return watcher;
    }

    private void run() {
        while (running) {
            try {
                scan();
                Duration wait = pending.isEmpty() ? rescanInterval : settleInterval;
                WatchKey key = watchService.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
                if (key != null) {
                    // The events only say "look again": the scan decides what is new.
                    key.pollEvents();
                    key.reset();
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("Watching {} failed; will retry at the next rescan", directory, e);
            }
        }
    }

    /** Lists the directory; hands over files whose size and time have not changed since the last look. */
    void scan() {
        List<Path> files;
        try {
            files = FileSource.articleFiles(directory);
        } catch (RuntimeException e) {
            LOG.warn("Cannot list {}: {}", directory, e.getMessage());
            return;
        }
        Set<Path> present = new HashSet<>(files);
        pending.keySet().retainAll(present);
        delivered.keySet().retainAll(present);
        for (Path file : files) {
            FileState now = stateOf(file);
            if (now == null || now.equals(delivered.get(file))) {
                continue;
            }
            FileState before = pending.put(file, now);
            if (now.equals(before)) {
                pending.remove(file);
                delivered.put(file, now);
                deliver(file);
            }
        }
    }

    private void deliver(Path file) {
        try {
            LOG.info("Ingesting {} from the watched directory", file);
            onFile.accept(file);
        } catch (RuntimeException e) {
            LOG.error("Ingesting {} failed", file, e);
        }
    }

    private static FileState stateOf(Path file) {
        try {
            return new FileState(Files.size(file), Files.getLastModifiedTime(file));
        } catch (IOException e) {
            return null;
        }
    }

    /** Stops watching; a file being handed over is finished first. */
    @Override
    public void close() {
        running = false;
        try {
            watchService.close();
        } catch (IOException e) {
            LOG.warn("Closing the watch service of {} failed: {}", directory, e.toString());
        }
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
