package io.wirewatch.serde;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a service's start until its schema registry answers. Without it a service started before its registry (a
 * compose file's race, a registry restarting) fails on its first record, and Streams would count undecodable input as
 * bad records. It says once, on one line, what it is waiting for and why, then again every
 * {@code logEvery}, and once more when the registry answers.
 */
public final class RegistryWait {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryWait.class);
    private static final Duration RETRY = Duration.ofSeconds(2);
    private static final Duration LOG_EVERY = Duration.ofSeconds(30);

    private RegistryWait() {}

    /** Waits, retrying every 2 s, until the registry at {@code url} answers ({@code mock://} URLs at once). */
    public static void untilReachable(String url) throws InterruptedException {
        untilReachable(url, RETRY, LOG_EVERY);
    }

    /**
     * Waits until the registry at {@code url} gives any HTTP answer to {@code GET /subjects} (a 401 too: a registry is
     * there, and the serde's credentials are its business).
     */
    public static void untilReachable(String url, Duration retry, Duration logEvery) throws InterruptedException {
        if (url.startsWith("mock://")) {
            return;
        }
        URI subjects = URI.create(url.endsWith("/") ? url + "subjects" : url + "/subjects");
        HttpClient http = HttpClient.newBuilder().connectTimeout(retry).build();
        long started = System.nanoTime();
        long lastLogged = 0;
        while (true) {
            String failure;
            try {
                http.send(
                        HttpRequest.newBuilder(subjects)
                                .timeout(retry.multipliedBy(2))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (lastLogged != 0) {
                    LOG.info(
                            "Schema registry at {} answered after {} s; starting",
                            url,
                            (System.nanoTime() - started) / 1_000_000_000);
                }
                return;
            } catch (IOException e) {
                failure = e.getMessage() == null
                        ? e.getClass().getSimpleName()
                        : e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            long now = System.nanoTime();
            if (lastLogged == 0 || now - lastLogged >= logEvery.toNanos()) {
                LOG.warn(
                        "Waiting for the schema registry at {} ({}); retrying every {} ms, waited {} s so far",
                        url,
                        failure,
                        retry.toMillis(),
                        (now - started) / 1_000_000_000);
                lastLogged = now;
            }
            Thread.sleep(retry.toMillis()); // a retry period: there is nothing to wait on but the clock
        }
    }
}
