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
 * enqueues into a bounded queue and never blocks; the connection's own thread ({@link #pump}) writes them out. A
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

    /** Put on the queue to end {@link #pump} promptly when the server shuts down. */
    private static final String END = new String("end of stream");

    private final BlockingQueue<String> queue;
    private volatile boolean overflowed;

    SseConnection(int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** Enqueues one live alert version; on overflow the client is marked to be dropped. */
    @Override
    public void accept(Alert alert) {
        if (!queue.offer(frame(alert))) {
            overflowed = true;
        }
    }

    /** Asks {@link #pump} to finish (the server is stopping). */
    void end() {
        overflowed = true;
        queue.clear();
        queue.offer(END);
    }

    /** The stream preamble: reconnect delay for EventSource, and a comment so headers and first bytes leave at once. */
    static void writePreamble(OutputStream out) throws IOException {
        out.write(("retry: " + RECONNECT_MILLIS + "\n: connected\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Writes a snapshot of alerts (the replay) straight to the client. */
    static void writeAll(OutputStream out, Collection<Alert> alerts) throws IOException {
        for (Alert alert : alerts) {
            out.write(frame(alert).getBytes(StandardCharsets.UTF_8));
        }
        out.flush();
    }

    /**
     * Writes queued alerts and heartbeats until the client disconnects (IOException), falls too far behind, or
     * {@link #end} is called.
     */
    void pump(OutputStream out, Duration heartbeat) throws IOException, InterruptedException {
        byte[] heartbeatFrame = ": heartbeat\n\n".getBytes(StandardCharsets.UTF_8);
        while (!overflowed) {
            String frame = queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
            if (frame == END) {
                return;
            }
            out.write(frame == null ? heartbeatFrame : frame.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    /** Whether the client was dropped for falling behind. */
    boolean overflowed() {
        return overflowed;
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
