package io.wirewatch.alert.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A test client of an SSE endpoint: reads the stream on a background thread with the JDK HttpClient and parses it
 * into events and comments as the SSE specification describes, so tests can wait on what arrived.
 */
final class SseClient implements AutoCloseable {

    /** One dispatched event: its fields as received. */
    record Event(String id, String event, String data) {}

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private final List<String> retries = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private volatile Stream<String> lines;

    SseClient(HttpClient client, URI uri) {
        this.response = client.sendAsync(
                HttpRequest.newBuilder(uri)
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(this::read).exceptionally(error -> {
            finished.completeExceptionally(error);
            return null;
        });
    }

    private void read(HttpResponse<Stream<String>> httpResponse) {
        String id = null;
        String event = null;
        List<String> data = new ArrayList<>();
        try (Stream<String> body = httpResponse.body()) {
            lines = body;
            for (String line : (Iterable<String>) body::iterator) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(id, event == null ? "message" : event, String.join("\n", data)));
                    }
                    event = null;
                    data.clear();
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1).strip());
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> event = value;
                        case "data" -> data.add(value);
                        case "retry" -> retries.add(value);
                        default -> {}
                    }
                }
            }
            finished.complete(null);
        } catch (RuntimeException e) {
            finished.completeExceptionally(e);
        }
    }

    HttpResponse<Stream<String>> response() {
        return response.join();
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    List<String> comments() {
        return List.copyOf(comments);
    }

    List<String> retries() {
        return List.copyOf(retries);
    }

    /** Completes when the server ends the stream. */
    CompletableFuture<Void> finished() {
        return finished;
    }

    @Override
    public void close() {
        response.cancel(true);
        Stream<String> body = lines;
        if (body != null) {
            body.close();
        }
    }
}
