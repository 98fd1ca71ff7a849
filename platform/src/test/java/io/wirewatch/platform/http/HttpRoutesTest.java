package io.wirewatch.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class HttpRoutesTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        // Given a server with one GET route, one POST route that fails, and its own error format
        HttpRoutes routes = new HttpRoutes(
                        exchange -> HttpExchanges.send(exchange, 404, "text/plain", "no such page"),
                        (exchange, allowed) -> HttpExchanges.send(exchange, 405, "text/plain", "use " + allowed))
                .get("/hello", exchange -> HttpExchanges.send(exchange, 200, "text/plain", "hello"))
                .post("/fail", exchange -> {
                    throw new IllegalStateException("boom");
                });
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(
                "/",
                HttpExchanges.guarded(
                        LoggerFactory.getLogger(HttpRoutesTest.class),
                        routes,
                        e -> new HttpExchanges.Failure(500, "text/plain", "sorry: " + e.getMessage())));
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void shouldServeARouteByExactPathAndMethod() throws Exception {
        HttpResponse<String> get = send("GET", "/hello");
        HttpResponse<String> head = send("HEAD", "/hello");

        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo("hello");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void shouldAnswerUnknownPathsAndWrongMethodsInTheServersOwnWords() throws Exception {
        HttpResponse<String> unknown = send("GET", "/hello/there");
        HttpResponse<String> wrongMethod = send("DELETE", "/hello");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("no such page");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(wrongMethod.body()).isEqualTo("use [GET, HEAD]");
    }

    @Test
    void shouldTurnAFailingHandlerInto500AndKeepServing() throws Exception {
        HttpResponse<String> failed = send("POST", "/fail");
        HttpResponse<String> next = send("GET", "/hello");

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).isEqualTo("sorry: boom");
        assertThat(next.statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
