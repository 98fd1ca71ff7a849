package io.wirewatch.alert.http;

import io.wirewatch.schema.Alert;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One Server-Sent Events client of {@code /alerts/stream}. The feed hands alerts to {@link #accept}, which only
 * enqueues into a bounded queue and never blocks; the connection's own thread ({@link #serve}) writes them out. A
 * client that falls {@code capacity} events behind is cut off (its EventSource reconnects and gets a fresh replay)
 * rather than slowing the feed or other clients.
 *
 * <p>Frames: {@code id: <alert id>/<revision>}, {@code event: alert}, {@code data: <alert JSON on one line>}, blank
 * line; a comment line {@code : heartbeat} when idle for the heartbeat interval, so proxies keep the connection open
 * and a dead client is noticed at the next write.
 */
final class SseConnection implements Consumer<Alert> {

    static final String EVENT_NAME = "alert";
    static final int RECONNECT_MILLIS = 3000;

    private final BlockingQueue<String> queue;
    private final Object writerLock = new Object();
    /** The thread in {@link #serve}, interrupted to cut the client off; guarded by writerLock. */
    private Thread writer;

    private volatile boolean dropped;

    SseConnection(int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** Enqueues one live alert version; a full queue means the client is too slow, and it is dropped. */
    @Override
    public void accept(Alert alert) {
        if (!dropped && !queue.offer(frame(alert))) {
            drop();
        }
    }

    /**
     * Ends the connection promptly: {@link #serve} stops waiting, and a write blocked on a client that does not read
     * is abandoned, since interrupting a thread blocked on a socket channel closes that channel.
     */
    void drop() {
        dropped = true;
        synchronized (writerLock) {
            if (writer != null) {
                writer.interrupt();
            }
        }
    }

    /**
     * Serves the stream on the calling thread: the preamble (reconnect delay, and a comment so the first bytes leave at
     * once), the replay snapshot, then queued alerts and heartbeats until the client disconnects (IOException) or
     * {@link #drop} is called (client too slow, or server stopping).
     */
    void serve(OutputStream out, Collection<Alert> replay, Duration heartbeat) throws IOException {
        byte[] heartbeatFrame = ": heartbeat\n\n".getBytes(StandardCharsets.UTF_8);
        synchronized (writerLock) {
            writer = Thread.currentThread();
        }
        try {
            out.write(("retry: " + RECONNECT_MILLIS + "\n: connected\n\n").getBytes(StandardCharsets.UTF_8));
            for (Alert alert : replay) {
                out.write(frame(alert).getBytes(StandardCharsets.UTF_8));
            }
            out.flush();
            while (!dropped) {
                String frame = queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
                out.write(frame == null ? heartbeatFrame : frame.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (InterruptedException e) {
            // drop() was called while waiting for the next alert: the stream simply ends.
        } finally {
            synchronized (writerLock) {
                writer = null;
            }
            // A drop() racing with the end of the loop may leave the flag set; the pool thread must not keep it.
            Thread.interrupted();
        }
    }

    /** Whether the connection was dropped (too slow, or the server is stopping). */
    boolean dropped() {
        return dropped;
    }

    /**
     * One SSE event for an alert. Jackson escapes line breaks inside JSON strings, so the data is one line; the id
     * comes from the alert id, which is stripped of line breaks because a raw one would end the field.
     */
    static String frame(Alert alert) {
        String eventId = (alert.getId() + "/" + alert.getRevision()).replaceAll("[\\r\\n\\u0000]", "");
        return "id: " + eventId + "\nevent: " + EVENT_NAME + "\ndata: " + AlertJson.toJson(alert) + "\n\n";
    }
}
