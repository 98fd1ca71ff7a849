package io.wirewatch.ingest.http;

import io.wirewatch.ingest.source.ArticleJson;
import io.wirewatch.ingest.source.BoundedLineReader;
import io.wirewatch.ingest.source.InputRejectedException;
import io.wirewatch.ingest.source.RawArticle;
import io.wirewatch.ingest.source.TextDecoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits the body of {@code POST /articles} into articles and rejected items: one JSON object, a JSON array of
 * objects, or JSONL (one object a line; chosen by content type, or when the body is not one JSON value but its first
 * line is). A bad line or array element is one rejected item and does not spoil the others.
 */
public final class RequestBody {

    /** Content types of a JSONL body; {@code application/json} and no content type mean JSON (or sniffed JSONL). */
    static final Set<String> JSON_LINES_TYPES = Set.of(
            "application/x-ndjson",
            "application/ndjson",
            "application/jsonl",
            "application/x-jsonlines",
            "application/jsonlines",
            "application/json-lines",
            "application/json-seq");

    static final Set<String> JSON_TYPES = Set.of("application/json", "text/json");

    /** One item of a body. {@code line} is the 1-based JSONL line or array position; 0 for a lone object. */
    public sealed interface Item permits Accepted, Invalid {
        int line();
    }

    public record Accepted(int line, RawArticle article) implements Item {}

    public record Invalid(int line, String reason, byte[] payload, long payloadSize) implements Item {}

    private final ArticleJson json;
    private final int maxArticleBytes;

    public RequestBody(int maxArticleBytes) {
        this.maxArticleBytes = maxArticleBytes;
        this.json = new ArticleJson(maxArticleBytes);
    }

    /** Whether the content type (parameters such as charset ignored) is one this endpoint reads. */
    public static boolean isSupported(String contentType) {
        String type = mediaType(contentType);
        return type.isEmpty() || JSON_TYPES.contains(type) || JSON_LINES_TYPES.contains(type);
    }

    /**
     * Reads the items of a body.
     *
     * @param sourceRef recorded as each article's source
     * @throws InputRejectedException when the body as a whole is unusable (empty, binary, not UTF-8, malformed JSON)
     */
    public List<Item> parse(byte[] body, String contentType, String sourceRef) throws InputRejectedException {
        String charset = charsetOf(contentType);
        if (charset != null && !charset.equals("utf-8") && !charset.equals("utf8")) {
            throw new InputRejectedException("unsupported charset '" + charset + "': send UTF-8");
        }
        String text = TextDecoder.decode(body);
        if (JSON_LINES_TYPES.contains(mediaType(contentType)) || looksLikeJsonLines(text)) {
            return parseLines(body, sourceRef);
        }
        List<Item> items = new ArrayList<>();
        boolean array = text.stripLeading().startsWith("[");
        List<ArticleJson.Element> elements = json.readDocument(text, sourceRef);
        for (int i = 0; i < elements.size(); i++) {
            int position = array ? i + 1 : 0;
            if (elements.get(i) instanceof ArticleJson.Parsed parsed) {
                items.add(new Accepted(position, parsed.article()));
            } else if (elements.get(i) instanceof ArticleJson.Invalid invalid) {
                byte[] payload = invalid.json().getBytes(StandardCharsets.UTF_8);
                items.add(new Invalid(position, invalid.reason(), payload, payload.length));
            }
        }
        return items;
    }

    /** Not one JSON value, but its first non-blank line is: JSONL sent as {@code application/json}. */
    private boolean looksLikeJsonLines(String text) {
        if (json.isSingleValue(text)) {
            return false;
        }
        for (String line : text.split("\n", -1)) {
            if (!line.isBlank()) {
                return json.isSingleValue(line);
            }
        }
        return false;
    }

    private List<Item> parseLines(byte[] body, String sourceRef) {
        List<Item> items = new ArrayList<>();
        try (BoundedLineReader lines = new BoundedLineReader(new ByteArrayInputStream(body), maxArticleBytes)) {
            for (BoundedLineReader.Line line = lines.next(); line != null; line = lines.next()) {
                int number = (int) line.number();
                if (line.truncated()) {
                    items.add(new Invalid(
                            number,
                            "too large: " + line.size() + " bytes, the limit is " + maxArticleBytes + " bytes",
                            line.bytes(),
                            line.size()));
                    continue;
                }
                if (new String(line.bytes(), StandardCharsets.UTF_8).isBlank()) {
                    continue;
                }
                try {
                    String text = TextDecoder.decode(line.bytes());
                    items.add(new Accepted(number, json.readObject(text, sourceRef)));
                } catch (InputRejectedException e) {
                    items.add(new Invalid(number, e.getMessage(), line.bytes(), line.size()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory cannot fail", e);
        }
        return items;
    }

    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    private static String charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            String p = parameter.strip().toLowerCase(Locale.ROOT);
            if (p.startsWith("charset=")) {
                return p.substring("charset=".length()).replace("\"", "").strip();
            }
        }
        return null;
    }
}
