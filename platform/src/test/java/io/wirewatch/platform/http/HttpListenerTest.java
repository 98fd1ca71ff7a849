package io.wirewatch.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpListenerTest {

    @TempDir
    Path dir;

    @Test
    void shouldListenOnLoopbackOnlyWhenNoTokenIsConfigured() {
        HttpListener listener = HttpListener.fromEnvironment(Map.of(), "INGEST_HTTP");

        assertThat(listener.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(listener.guarded()).isFalse();
        assertThat(listener.describe(8090)).contains("no credential configured, so this machine only");
    }

    @Test
    void shouldRefuseAPublicInterfaceWithoutTokensUnlessExplicitlyAllowed() {
        assertThatThrownBy(() -> HttpListener.fromEnvironment(Map.of("INGEST_HTTP_BIND", "0.0.0.0"), "INGEST_HTTP"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("INGEST_HTTP_BIND=0.0.0.0")
                .hasMessageContaining("INGEST_HTTP_TOKENS_FILE")
                .hasMessageContaining("INGEST_HTTP_ALLOW_UNAUTHENTICATED=true");

        HttpListener optedIn = HttpListener.fromEnvironment(
                Map.of("INGEST_HTTP_BIND", "0.0.0.0", "INGEST_HTTP_ALLOW_UNAUTHENTICATED", "true"), "INGEST_HTTP");
        assertThat(optedIn.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(optedIn.describe(8090)).contains("NO credential required");
        assertThat(HttpListener.fromEnvironment(Map.of("INGEST_HTTP_BIND", "localhost"), "INGEST_HTTP")
                        .loopbackOnly())
                .isTrue();
    }

    @Test
    void shouldListenEverywhereWithTokensByDefault() throws Exception {
        Path tokens = dir.resolve("tokens");
        Files.writeString(tokens, "desk 0123456789abcdef0123456789abcdef\n");

        HttpListener listener =
                HttpListener.fromEnvironment(Map.of("ALERT_HTTP_TOKENS_FILE", tokens.toString()), "ALERT_HTTP");

        assertThat(listener.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(listener.guarded()).isTrue();
        assertThat(listener.describe(8080)).contains("bearer tokens required (1 known)");
    }

    @Test
    void shouldNameTheVariableOfAnUnusableKeystoreOrFlag() throws Exception {
        Path notAKeystore = dir.resolve("server.p12");
        Files.writeString(notAKeystore, "not PKCS#12");

        assertThatThrownBy(() -> HttpListener.fromEnvironment(
                        Map.of(
                                "ALERT_HTTP_TLS_KEYSTORE",
                                notAKeystore.toString(),
                                "ALERT_HTTP_TLS_KEYSTORE_PASSWORD",
                                "changeit-secret"),
                        "ALERT_HTTP"))
                .hasMessageContaining("ALERT_HTTP_TLS_KEYSTORE")
                .hasMessageNotContaining("changeit-secret");
        assertThatThrownBy(() ->
                        HttpListener.fromEnvironment(Map.of("INGEST_HTTP_ALLOW_UNAUTHENTICATED", "yes"), "INGEST_HTTP"))
                .hasMessageContaining("INGEST_HTTP_ALLOW_UNAUTHENTICATED");
    }
}
