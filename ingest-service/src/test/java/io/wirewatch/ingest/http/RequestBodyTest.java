package io.wirewatch.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.ingest.source.InputRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestBodyTest {

    private final RequestBody body = new RequestBody(1024);

    private List<RequestBody.Item> parse(String text, String contentType) throws InputRejectedException {
        return body.parse(text.getBytes(StandardCharsets.UTF_8), contentType, "http");
    }

    @Test
    void shouldReadOneObjectEvenPrettyPrinted() throws InputRejectedException {
        List<RequestBody.Item> items = parse("{\n  \"title\": \"T\",\n  \"text\": \"Body.\"\n}\n", "application/json");

        assertThat(items).singleElement().isInstanceOfSatisfying(RequestBody.Accepted.class, accepted -> {
            assertThat(accepted.line()).isZero();
            assertThat(accepted.article().title()).isEqualTo("T");
            assertThat(accepted.article().sourceRef()).isEqualTo("http");
        });
    }

    @Test
    void shouldReadAnArrayNumberingItsItems() throws InputRejectedException {
        List<RequestBody.Item> items = parse("[{\"text\":\"a\"},{\"text\":7}]", null);

        assertThat(items).extracting(RequestBody.Item::line).containsExactly(1, 2);
        assertThat(items.get(0)).isInstanceOf(RequestBody.Accepted.class);
        assertThat(items.get(1))
                .isInstanceOfSatisfying(
                        RequestBody.Invalid.class,
                        invalid -> assertThat(invalid.reason()).isEqualTo("field 'text' must be a string, was number"));
    }

    @Test
    void shouldReadJsonLinesByContentTypeOrByTheirShape() throws InputRejectedException {
        String jsonl = "{\"text\":\"a\"}\n\n{\"text\":\"b\"\n{\"text\":\"c\"}\n";

        List<RequestBody.Item> declared = parse(jsonl, "application/x-ndjson; charset=utf-8");
        List<RequestBody.Item> sniffed = parse(jsonl, "application/json");

        assertThat(declared).extracting(RequestBody.Item::line).containsExactly(1, 3, 4);
        assertThat(sniffed).extracting(RequestBody.Item::line).containsExactly(1, 3, 4);
        assertThat(sniffed.get(1)).isInstanceOf(RequestBody.Invalid.class);
        assertThat(declared.get(1)).isInstanceOfSatisfying(RequestBody.Invalid.class, invalid -> {
            assertThat(invalid.reason())
                    .isEqualTo("malformed JSON at line 1, column 12: Unexpected end-of-input: "
                            + "expected close marker for Object");
            assertThat(new String(invalid.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"text\":\"b\"");
        });
    }

    @Test
    void shouldRejectAJsonlLineOverTheArticleLimit() throws InputRejectedException {
        List<RequestBody.Item> items =
                parse("{\"text\":\"" + "x".repeat(2000) + "\"}\n{\"text\":\"ok\"}", "application/jsonl");

        assertThat(items.get(0)).isInstanceOfSatisfying(RequestBody.Invalid.class, invalid -> {
            assertThat(invalid.reason()).startsWith("too large: 2011 bytes");
            assertThat(invalid.payload()).hasSize(1024);
            assertThat(invalid.payloadSize()).isEqualTo(2011);
        });
        assertThat(items.get(1)).isInstanceOf(RequestBody.Accepted.class);
    }

    @Test
    void shouldRejectWholeBodiesThatAreNotUtf8JsonText() {
        assertThatThrownBy(() -> parse("", "application/json")).hasMessage("empty input");
        assertThatThrownBy(() -> parse("{\"text\": \"a\"", "application/json"))
                .hasMessageStartingWith("malformed JSON");
        assertThatThrownBy(() -> parse("{\"text\":\"a\"}", "application/json; charset=ISO-8859-1"))
                .hasMessage("unsupported charset 'iso-8859-1': send UTF-8");
        assertThatThrownBy(() -> body.parse(new byte[] {'{', (byte) 0xFF, '}'}, "application/json", "http"))
                .hasMessageStartingWith("not valid UTF-8");
    }

    @Test
    void shouldKnowWhichContentTypesItReads() {
        assertThat(RequestBody.isSupported(null)).isTrue();
        assertThat(RequestBody.isSupported("application/json; charset=UTF-8")).isTrue();
        assertThat(RequestBody.isSupported("Application/X-NDJSON")).isTrue();
        assertThat(RequestBody.isSupported("text/html")).isFalse();
        assertThat(RequestBody.isSupported("multipart/form-data; boundary=x")).isFalse();
    }
}
