package io.wirewatch.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.Headers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BearerTokensTest {

    private static final String FEED = "0123456789abcdef0123456789abcdef";
    private static final String DESK = "fedcba9876543210fedcba9876543210";

    @TempDir
    Path dir;

    @Test
    void shouldAcceptEachTokenOfTheFileByItsNameAndTellMissingFromWrong() throws Exception {
        // Given a file with a named token, an unnamed one, a comment and a blank line
        Path file = dir.resolve("tokens");
        Files.writeString(file, "# feeds\nreuters " + FEED + "\n\n" + DESK + "\n");

        // When it is loaded
        BearerTokens tokens = BearerTokens.load(file, "INGEST_HTTP_TOKENS_FILE");

        // Then each token is known by its name, and a missing credential is told from a wrong one
        assertThat(tokens.size()).isEqualTo(2);
        assertThat(tokens.check(bearer(FEED)))
                .isEqualTo(new BearerTokens.Check(BearerTokens.Status.ACCEPTED, "reuters"));
        assertThat(tokens.check(bearer(DESK)).name()).isEqualTo("line-4");
        assertThat(tokens.check(new Headers()).status()).isEqualTo(BearerTokens.Status.MISSING);
        assertThat(tokens.check(bearer(FEED + "0")).status()).isEqualTo(BearerTokens.Status.INVALID);
        assertThat(tokens.check(bearer(FEED.substring(1))).status()).isEqualTo(BearerTokens.Status.INVALID);
        assertThat(tokens.toString()).doesNotContain(FEED).doesNotContain(DESK);
    }

    @Test
    void shouldTakeTheTokenFromTheSignInCookieAndRefuseOtherSchemes() {
        BearerTokens tokens = BearerTokens.of(Map.of("desk", DESK));

        Headers cookie = new Headers();
        cookie.add("Cookie", "theme=dark; " + BearerTokens.COOKIE + "=" + DESK);
        Headers basic = new Headers();
        basic.add("Authorization", "Basic " + DESK);
        Headers empty = new Headers();
        empty.add("Authorization", "Bearer ");

        assertThat(tokens.check(cookie).accepted()).isTrue();
        assertThat(tokens.check(basic).status()).isEqualTo(BearerTokens.Status.INVALID);
        assertThat(tokens.check(empty).status()).isEqualTo(BearerTokens.Status.INVALID);
    }

    @Test
    void shouldNameTheVariableAndLineOfABadTokenWithoutEchoingIt() throws Exception {
        Path shortToken = dir.resolve("short");
        Files.writeString(shortToken, "feed s3cret-short\n");
        Path repeated = dir.resolve("repeated");
        Files.writeString(repeated, "a " + FEED + "\nb " + FEED + "\n");
        Path empty = dir.resolve("empty");
        Files.writeString(empty, "# nothing yet\n");

        assertThatThrownBy(() -> BearerTokens.load(shortToken, "INGEST_HTTP_TOKENS_FILE"))
                .hasMessageContaining("INGEST_HTTP_TOKENS_FILE")
                .hasMessageContaining("line 1")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> BearerTokens.load(repeated, "X"))
                .hasMessageContaining("given twice")
                .hasMessageNotContaining(FEED);
        assertThatThrownBy(() -> BearerTokens.load(empty, "X")).hasMessageContaining("holds no token");
        assertThatThrownBy(() -> BearerTokens.load(dir.resolve("absent"), "ALERT_HTTP_TOKENS_FILE"))
                .hasMessageContaining("ALERT_HTTP_TOKENS_FILE")
                .hasMessageContaining("cannot read");
    }

    private static Headers bearer(String token) {
        Headers headers = new Headers();
        headers.add("Authorization", "Bearer " + token);
        return headers;
    }
}
