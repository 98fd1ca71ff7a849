package io.wirewatch.alert.http;

import static io.wirewatch.alert.http.AlertFixtures.usEmbassyClosed;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirewatch.platform.http.BearerTokens;
import io.wirewatch.platform.http.HttpListener;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The optional read token over a real socket: API clients present it as a bearer header; a browser signs in once and
 * its page (fetches and the EventSource, which cannot set headers) carries it in an HttpOnly cookie. And TLS from a
 * PKCS#12 keystore.
 */
class AlertHttpSecurityTest {

    private static final String DESK_TOKEN = "9c1f4e7a2b8d5c3e6f0a1b2c3d4e5f60";

    private final InMemoryAlertQueries queries = new InMemoryAlertQueries();
    private final AlertFeed feed = AlertFeed.inMemory();
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private AlertHttpServer server;

    @TempDir
    Path dir;

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
        feed.close();
    }

    private void start(HttpListener listener) {
        queries.putAll(List.of(usEmbassyClosed()));
        server = AlertHttpServer.start(
                HttpOptions.defaults().withListener(listener).withPort(0),
                queries,
                place -> new PlaceFigures(place, 0, List.of()),
                feed,
                () -> Health.up(),
                new SimpleMeterRegistry());
    }

    private HttpResponse<String> get(String path, String header, String value) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(server.uri().resolve(path)).GET();
        if (header != null) {
            request.header(header, value);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldServeTheApiOnlyToAKnownTokenAndKeepProbesAndThePageCodeOpen() throws Exception {
        start(HttpListener.loopback().withTokens(BearerTokens.of(Map.of("desk", DESK_TOKEN))));

        assertThat(get("/alerts", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/alerts", null, null).headers().firstValue("WWW-Authenticate"))
                .isPresent();
        assertThat(get("/alerts", "Authorization", "Bearer " + DESK_TOKEN.replace('9', '8'))
                        .statusCode())
                .isEqualTo(403);
        assertThat(get("/alerts/stream", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/casualties?place=Homs", null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> allowed = get("/alerts", "Authorization", "Bearer " + DESK_TOKEN);
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(AlertJson.fromJsonArray(allowed.body())).containsExactly(usEmbassyClosed());
        // Probes, and the page's code and styles (the same for everyone, no alert in them) stay open
        assertThat(get("/health", null, null).statusCode()).isEqualTo(200);
        assertThat(get("/app.js", null, null).statusCode()).isEqualTo(200);
        assertThat(get("/app.css", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldLetABrowserSignInOnceAndCarryTheTokenInAnHttpOnlyCookieToTheApiAndTheStream() throws Exception {
        start(HttpListener.loopback().withTokens(BearerTokens.of(Map.of("desk", DESK_TOKEN))));

        // Given a visitor without a token opening a shared view, they get the sign-in form, which keeps the view
        HttpResponse<String> page = get("/?country=SY&severity=HIGH", null, null);
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body())
                .contains("action=\"/login\"")
                .contains("value=\"/?country=SY&amp;severity=HIGH\"")
                .doesNotContain(DESK_TOKEN);

        // When a wrong token is submitted, the form comes back with 403 and no cookie
        HttpResponse<String> wrong = signIn(DESK_TOKEN.replace('9', '8'), "/?country=SY");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();

        // When the right one is, the browser is sent back to the view with an HttpOnly, SameSite=Strict cookie
        HttpResponse<String> signedIn = signIn(DESK_TOKEN, "/?country=SY&severity=HIGH");
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/?country=SY&severity=HIGH");
        String setCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie)
                .startsWith(BearerTokens.COOKIE + "=")
                .contains("HttpOnly")
                .contains("SameSite=Strict")
                .contains("Path=/");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        // Then the page, the API and the event stream answer the cookie, as the browser sends it on same-origin
        // fetches and EventSource connections
        assertThat(get("/", "Cookie", cookie).statusCode()).isEqualTo(200);
        assertThat(get("/alerts", "Cookie", cookie).statusCode()).isEqualTo(200);
        HttpResponse<InputStream> stream = client.send(
                HttpRequest.newBuilder(server.uri().resolve("/alerts/stream"))
                        .header("Cookie", cookie)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream events = stream.body()) {
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            assertThat(new String(events.readNBytes(6), StandardCharsets.UTF_8)).isNotBlank();
        }
    }

    @Test
    void shouldNeverRedirectASignInOffThisOrigin() {
        assertThat(AlertHttpServer.safeNext("//evil.example/")).isEqualTo("/");
        assertThat(AlertHttpServer.safeNext("https://evil.example/")).isEqualTo("/");
        assertThat(AlertHttpServer.safeNext("/\\evil.example")).isEqualTo("/");
        assertThat(AlertHttpServer.safeNext("/?q=a\r\nSet-Cookie: x")).isEqualTo("/");
        assertThat(AlertHttpServer.safeNext("/?type=CASUALTY_SPIKE")).isEqualTo("/?type=CASUALTY_SPIKE");
    }

    @Test
    void shouldServeHttpsFromAPkcs12Keystore() throws Exception {
        // Given a self-signed key for 127.0.0.1 in a PKCS#12 file, made by the JDK's keytool
        Path keystore = dir.resolve("server.p12");
        String password = "test-keystore-password";
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "wirewatch",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-validity",
                        "2",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "SAN=ip:127.0.0.1,dns:localhost",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keystore.toString(),
                        "-storepass",
                        password,
                        "-keypass",
                        password)
                .redirectErrorStream(true)
                .start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue())
                .as(new String(keytool.getInputStream().readAllBytes()))
                .isZero();
        start(HttpListener.loopback().withTls(new HttpListener.Tls(keystore, password.toCharArray())));

        // When a client that trusts that certificate asks for the alerts over HTTPS
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            trusted.load(in, password.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        HttpClient tlsClient = HttpClient.newBuilder().sslContext(context).build();
        HttpResponse<String> response = tlsClient.send(
                HttpRequest.newBuilder(server.uri().resolve("/alerts")).build(), HttpResponse.BodyHandlers.ofString());

        // Then it is served, and the server's address says https
        assertThat(server.uri().getScheme()).isEqualTo("https");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(AlertJson.fromJsonArray(response.body())).containsExactly(usEmbassyClosed());
    }

    private HttpResponse<String> signIn(String token, String next) throws Exception {
        String form = "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&next="
                + URLEncoder.encode(next, StandardCharsets.UTF_8);
        return client.send(
                HttpRequest.newBuilder(server.uri().resolve("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
