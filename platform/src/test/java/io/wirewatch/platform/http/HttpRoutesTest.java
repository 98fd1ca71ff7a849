package io.wirewatch.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class HttpRoutesTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        // Given a server with exact and template routes, routes that fail, and its own error format
        HttpRoutes routes = new HttpRoutes(
                        exchange -> HttpExchanges.send(exchange, 404, "text/plain", "no such page"),
                        (exchange, allowed) -> HttpExchanges.send(exchange, 405, "text/plain", "use " + allowed))
                .get("/hello", exchange -> HttpExchanges.send(exchange, 200, "text/plain", "hello"))
                .post("/fail", exchange -> {
                    throw new IllegalStateException("boom");
                })
                .on("/items/{id}", (exchange, path) -> text(exchange, "item " + path.get("id")), "GET")
                .on("/items/{id}", (exchange, path) -> text(exchange, "deleted " + path.get("id")), "DELETE")
                .on("/items/new", exchange -> text(exchange, "the form for a new item"), "GET")
                .on(
                        "/items/{id}/parts/{part}",
                        (exchange, path) -> text(exchange, path.get("part") + " of " + path.get("id")),
                        "GET")
                .on(
                        "/teapots/{name}",
                        (exchange, path) -> {
                            throw new UnsupportedOperationException(path.get("name") + " is a teapot");
                        },
                        "GET")
                .onError(
                        UnsupportedOperationException.class,
                        (exchange, e) -> HttpExchanges.send(exchange, 418, "text/plain", e.getMessage()));
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

    @Test
    void shouldHandATemplatesCapturesToItsRouteStillPercentEncoded() throws Exception {
        HttpResponse<String> one = send("GET", "/items/7");
        HttpResponse<String> encoded = send("GET", "/items/a%2Fb");
        HttpResponse<String> two = send("GET", "/items/7/parts/wheel");

        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).isEqualTo("item 7");
        assertThat(encoded.body()).isEqualTo("item a%2Fb");
        assertThat(two.body()).isEqualTo("wheel of 7");
    }

    @Test
    void shouldPreferALiteralSegmentOverACaptureButFallBackToTheCaptureForOtherMethods() throws Exception {
        HttpResponse<String> literal = send("GET", "/items/new");
        HttpResponse<String> captured = send("DELETE", "/items/new");

        assertThat(literal.body()).isEqualTo("the form for a new item");
        assertThat(captured.body()).isEqualTo("deleted new");
    }

    @Test
    void shouldMatchOnlyPathsWithExactlyTheTemplatesSegmentsNoneOfThemEmpty() throws Exception {
        for (String path :
                List.of("/items", "/items/", "/items/7/", "//items/7", "/items/7/parts", "/items//parts/x")) {
            HttpResponse<String> response = send("GET", path);

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).isEqualTo("no such page");
        }
    }

    @Test
    void shouldAllowEveryMethodThatTheMatchingTemplatesTake() throws Exception {
        HttpResponse<String> wrongMethod = send("POST", "/items/7");

        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("DELETE, GET");
        assertThat(wrongMethod.body()).isEqualTo("use [DELETE, GET]");
    }

    @Test
    void shouldAnswerAnExceptionTheServerKnowsWithItsErrorHandlerAndOthersWith500() throws Exception {
        HttpResponse<String> known = send("GET", "/teapots/brown");
        HttpResponse<String> unknown = send("POST", "/fail");

        assertThat(known.statusCode()).isEqualTo(418);
        assertThat(known.body()).isEqualTo("brown is a teapot");
        assertThat(unknown.statusCode()).isEqualTo(500);
    }

    @Test
    void shouldRefuseTemplatesThatAreNotWholeSegmentCaptures() {
        HttpRoutes routes = new HttpRoutes(exchange -> {}, (exchange, allowed) -> {});
        HttpExchanges.Handler handler = exchange -> {};

        assertThatThrownBy(() -> routes.get("items/{id}", handler)).hasMessageContaining("starts with '/'");
        assertThatThrownBy(() -> routes.get("/items/x{id}", handler)).hasMessageContaining("whole segment");
        assertThatThrownBy(() -> routes.get("/a/{id}/b/{id}", handler)).hasMessageContaining("{id} twice");
    }

    private static void text(HttpExchange exchange, String body) throws IOException {
        HttpExchanges.send(exchange, 200, "text/plain", body);
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
