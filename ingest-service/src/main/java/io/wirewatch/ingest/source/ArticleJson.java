package io.wirewatch.ingest.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads articles from JSON: one object, an array of objects, or one object per JSONL line. Fields {@code id},
 * {@code url}, {@code source} (the outlet; {@code outlet} is accepted too), {@code title}, {@code published_at}
 * (ISO-8601; {@code publishedAt} accepted too) are optional, {@code text} is required; other fields are ignored.
 *
 * <p>The parser has hard limits (nesting depth, string and number length) so that hostile JSON fails fast with a
 * clear reason instead of exhausting the stack or the heap.
 */
public final class ArticleJson {

    /** Articles are flat objects; anything nested deeper than this is not an article. */
    static final int MAX_NESTING_DEPTH = 32;

    static final int MAX_NUMBER_LENGTH = 64;

    private final ObjectMapper mapper;

    public ArticleJson(int maxArticleBytes) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(Math.max(1, maxArticleBytes))
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .build())
                .build();
        this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** The result of reading one element of a JSON document: an article, or why the element is not one. */
    public sealed interface Element permits Parsed, Invalid {}

    public record Parsed(RawArticle article) implements Element {}

    /** @param index position of the element in an array (0-based), or -1 for a lone object */
    public record Invalid(int index, String reason, String json) implements Element {}

    /**
     * Reads a whole JSON document: an object is one article, an array gives one element per entry (a bad entry does
     * not spoil the others).
     *
     * @throws InputRejectedException when the document is not JSON, or neither an object nor an array
     */
    public List<Element> readDocument(String json, String sourceRef) throws InputRejectedException {
        JsonNode root = parse(json);
        List<Element> elements = new ArrayList<>();
        if (root.isArray()) {
            if (root.isEmpty()) {
                throw new InputRejectedException("empty JSON array: no articles");
            }
            for (int i = 0; i < root.size(); i++) {
                JsonNode node = root.get(i);
                String elementRef = sourceRef + "#" + i;
                addElement(elements, node, elementRef, i);
            }
        } else {
            addElement(elements, root, sourceRef, -1);
        }
        return elements;
    }

    /** Reads exactly one article object (a JSONL line). */
    public RawArticle readObject(String json, String sourceRef) throws InputRejectedException {
        return toArticle(parse(json), sourceRef);
    }

    /** Whether {@code json} is one complete JSON value (used to tell one pretty-printed object from JSONL). */
    public boolean isSingleValue(String json) {
        try {
            mapper.readTree(json);
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private void addElement(List<Element> elements, JsonNode node, String sourceRef, int index) {
        try {
            elements.add(new Parsed(toArticle(node, sourceRef)));
        } catch (InputRejectedException e) {
            elements.add(new Invalid(index, e.getMessage(), node.toString()));
        }
    }

    private JsonNode parse(String json) throws InputRejectedException {
        try {
            JsonNode node = mapper.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new InputRejectedException("empty input: no JSON value");
            }
            return node;
        } catch (StreamConstraintsException e) {
            throw new InputRejectedException("JSON exceeds a parser limit: " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw new InputRejectedException(
                    "malformed JSON" + where + ": " + conciseMessage(e.getOriginalMessage()), e);
        }
    }

    RawArticle toArticle(JsonNode node, String sourceRef) throws InputRejectedException {
        if (!node.isObject()) {
            throw new InputRejectedException("expected a JSON object, got " + describe(node.getNodeType()));
        }
        String text = string(node, "text");
        if (text == null || text.isBlank()) {
            throw new InputRejectedException("missing text: field 'text' is absent or blank");
        }
        String published = firstString(node, "published_at", "publishedAt");
        Instant publishedAt = published == null ? null : Timestamps.parseIso8601(published, "published_at");
        return new RawArticle(
                string(node, "id"),
                string(node, "url"),
                firstString(node, "source", "outlet"),
                string(node, "title"),
                publishedAt,
                text,
                sourceRef);
    }

    private static String firstString(JsonNode node, String field, String alias) throws InputRejectedException {
        String value = string(node, field);
        return value != null ? value : string(node, alias);
    }

    private static String string(JsonNode node, String field) throws InputRejectedException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InputRejectedException(
                    "field '" + field + "' must be a string, was " + describe(value.getNodeType()));
        }
        return value.textValue();
    }

    private static String describe(JsonNodeType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    private static String conciseMessage(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        // Jackson appends where an unclosed object began, with a "[Source: REDACTED ...]" that tells a sender nothing.
        int startMarker = line.indexOf(" (start marker at");
        return startMarker < 0 ? line : line.substring(0, startMarker);
    }
}
