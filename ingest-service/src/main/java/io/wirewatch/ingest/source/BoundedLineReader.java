package io.wirewatch.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads newline-separated lines as bytes, keeping at most {@code maxLineBytes} of any line in memory: a JSONL file of
 * any size, or with one enormous line, streams through in constant memory. ({@code BufferedReader.readLine} would
 * hold a whole line however long, and decodes before we can check the bytes strictly.)
 */
public final class BoundedLineReader implements AutoCloseable {

    /** One line without its line terminator; {@code size} counts every byte, {@code bytes} holds at most the limit. */
    public record Line(long number, byte[] bytes, long size) {
        public boolean truncated() {
            return size > bytes.length;
        }
    }

    private static final int CHUNK = 64 * 1024;

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[CHUNK];
    private int chunkLength;
    private int chunkPosition;
    private long lineNumber;
    private boolean endOfInput;

    public BoundedLineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line, or null at the end of the input. */
    public Line next() throws IOException {
        if (endOfInput && chunkPosition >= chunkLength) {
            return null;
        }
        byte[] kept = new byte[Math.min(maxLineBytes, 256)];
        int keptLength = 0;
        long size = 0;
        boolean sawAnything = false;
        while (true) {
            if (chunkPosition >= chunkLength && !fill()) {
                if (!sawAnything) {
                    return null;
                }
                break;
            }
            sawAnything = true;
            int start = chunkPosition;
            int end = start;
            while (end < chunkLength && chunk[end] != '\n') {
                end++;
            }
            int count = end - start;
            int room = maxLineBytes - keptLength;
            int toKeep = Math.min(room, count);
            if (toKeep > 0) {
                if (keptLength + toKeep > kept.length) {
                    kept = Arrays.copyOf(kept, Math.min(maxLineBytes, Math.max(kept.length * 2, keptLength + toKeep)));
                }
                System.arraycopy(chunk, start, kept, keptLength, toKeep);
                keptLength += toKeep;
            }
            size += count;
            if (end < chunkLength) {
                chunkPosition = end + 1;
                break;
            }
            chunkPosition = chunkLength;
        }
        lineNumber++;
        // Windows line ends: the '\r' before '\n' is not part of the line.
        if (size > 0 && size == keptLength && kept[keptLength - 1] == '\r') {
            keptLength--;
            size--;
        }
        return new Line(lineNumber, Arrays.copyOf(kept, keptLength), size);
    }

    private boolean fill() throws IOException {
        if (endOfInput) {
            return false;
        }
        int read = in.readNBytes(chunk, 0, CHUNK);
        if (read <= 0) {
            endOfInput = true;
            chunkLength = 0;
            chunkPosition = 0;
            return false;
        }
        chunkLength = read;
        chunkPosition = 0;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
