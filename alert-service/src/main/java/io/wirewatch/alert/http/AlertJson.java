package io.wirewatch.alert.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirewatch.schema.Alert;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Converts {@link Alert}s to and from JSON: the one JSON shape of an alert, used by the HTTP API, the Server-Sent
 * Events stream, the web page and the launcher's alerts file.
 *
 * <p>The JSON is derived from the Avro schema itself, so the field names are exactly the Avro field names
 * ({@code id, status, type, action, cameoCode, actor, actorMembers, target, place, count, countLow, countHigh,
 * baseline, eventDate, headline, severity, background, sources, outlets, evidence[], firstSeen, lastUpdated,
 * revision, countries}; evidence entries {@code articleId, url, outlet, sentence, attributedTo, count, seenAt}) and a field added
 * to the schema appears without touching this class. Encoding:
 * <ul>
 *   <li>every schema field is always written; a null field is written as JSON {@code null} (never omitted), so a
 *       client sees the same shape for every alert;</li>
 *   <li>{@code date} logical types ({@code eventDate}) as ISO dates, {@code "2012-02-06"};</li>
 *   <li>{@code timestamp-millis} ({@code firstSeen, lastUpdated, seenAt}) as ISO-8601 instants in UTC,
 *       {@code "2012-02-07T10:15:30Z"};</li>
 *   <li>enums by symbol name ({@code "NEW"}, {@code "CASUALTY_SPIKE"}).</li>
 * </ul>
 * Reading accepts the same shape: a missing field takes its schema default (null for optional fields), a missing
 * field without default or a value of the wrong kind is an {@link IllegalArgumentException} naming the field, and
 * unknown fields are ignored (so a newer writer can add fields).
 *
 * <p>Jackson's tree model is used rather than bean binding because the generated Avro classes expose
 * {@code getSchema()} and similar accessors that are not alert data, and have no defaults in their no-arg constructor.
 */
public final class AlertJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final SpecificData MODEL = new Alert().getSpecificData();

    private AlertJson() {}

    /** The mapper used for every JSON document the alert service writes (thread-safe, shared). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** One alert as a JSON object tree. */
    public static ObjectNode toTree(Alert alert) {
        return recordToTree(alert);
    }

    /** One alert as compact single-line JSON (no line breaks, so it fits one SSE {@code data:} line or one JSONL line). */
    public static String toJson(Alert alert) {
        return write(toTree(alert));
    }

    /** Several alerts as one compact JSON array. */
    public static String toJsonArray(Collection<Alert> alerts) {
        ArrayNode array = NODES.arrayNode();
        alerts.forEach(alert -> array.add(toTree(alert)));
        return write(array);
    }

    /** Parses one alert from JSON text. */
    public static Alert fromJson(String json) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + e.getOriginalMessage(), e);
        }
        return fromTree(tree);
    }

    /** Parses one alert from a JSON tree. */
    public static Alert fromTree(JsonNode tree) {
        return (Alert) treeToRecord(tree, Alert.getClassSchema(), "");
    }

    /** Parses a JSON array of alerts. */
    public static List<Alert> fromJsonArray(String json) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isArray()) {
            throw new IllegalArgumentException("Expected a JSON array of alerts");
        }
        List<Alert> alerts = new ArrayList<>(tree.size());
        tree.forEach(element -> alerts.add(fromTree(element)));
        return alerts;
    }

    static String write(JsonNode tree) {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            // A tree of plain nodes always serialises; anything else is a programming error.
            throw new IllegalStateException("Cannot write JSON", e);
        }
    }

    private static ObjectNode recordToTree(SpecificRecord record) {
        ObjectNode node = NODES.objectNode();
        for (Schema.Field field : record.getSchema().getFields()) {
            node.set(field.name(), valueToTree(record.get(field.pos()), field.schema()));
        }
        return node;
    }

    private static JsonNode valueToTree(Object value, Schema schema) {
        if (value == null) {
            return NODES.nullNode();
        }
        switch (schema.getType()) {
            case UNION:
                return valueToTree(value, nonNullBranch(schema));
            case RECORD:
                return recordToTree((SpecificRecord) value);
            case ARRAY: {
                ArrayNode array = NODES.arrayNode();
                for (Object element : (Collection<?>) value) {
                    array.add(valueToTree(element, schema.getElementType()));
                }
                return array;
            }
            case ENUM:
                return NODES.textNode(((Enum<?>) value).name());
            case STRING:
                return NODES.textNode(value.toString());
            case BOOLEAN:
                return NODES.booleanNode((Boolean) value);
            case DOUBLE:
                return NODES.numberNode((Double) value);
            case FLOAT:
                return NODES.numberNode((Float) value);
            case INT:
                return value instanceof LocalDate date
                        ? NODES.textNode(date.toString())
                        : NODES.numberNode((Integer) value);
            case LONG:
                return value instanceof Instant instant
                        ? NODES.textNode(instant.toString())
                        : NODES.numberNode((Long) value);
            default:
                throw new IllegalStateException("Avro type " + schema.getType() + " has no JSON mapping yet");
        }
    }

    private static SpecificRecord treeToRecord(JsonNode node, Schema schema, String path) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("Expected a JSON object" + (path.isEmpty() ? "" : " at '" + path + "'"));
        }
        SpecificRecord record = (SpecificRecord) MODEL.newRecord(null, schema);
        for (Schema.Field field : schema.getFields()) {
            String fieldPath = path.isEmpty() ? field.name() : path + "." + field.name();
            JsonNode value = node.get(field.name());
            if (value == null || value.isMissingNode()) {
                record.put(field.pos(), defaultValue(field, fieldPath));
            } else {
                record.put(field.pos(), treeToValue(value, field.schema(), fieldPath));
            }
        }
        return record;
    }

    private static Object defaultValue(Schema.Field field, String path) {
        if (!field.hasDefaultValue()) {
            throw new IllegalArgumentException("Missing required field '" + path + "'");
        }
        Object defaultValue = MODEL.getDefaultValue(field);
        // Avro hands array defaults back as its own GenericData.Array; a plain list is what the generated classes hold.
        return defaultValue instanceof Collection<?> collection ? new ArrayList<>(collection) : defaultValue;
    }

    private static Object treeToValue(JsonNode node, Schema schema, String path) {
        if (node.isNull()) {
            if (schema.isNullable()) {
                return null;
            }
            throw new IllegalArgumentException("Field '" + path + "' must not be null");
        }
        LogicalType logicalType = schema.getLogicalType();
        switch (schema.getType()) {
            case UNION:
                return treeToValue(node, nonNullBranch(schema), path);
            case RECORD:
                return treeToRecord(node, schema, path);
            case ARRAY: {
                requireThat(node.isArray(), path, "an array");
                List<Object> list = new ArrayList<>(node.size());
                for (int i = 0; i < node.size(); i++) {
                    list.add(treeToValue(node.get(i), schema.getElementType(), path + "[" + i + "]"));
                }
                return list;
            }
            case ENUM: {
                requireThat(
                        node.isTextual() && schema.getEnumSymbols().contains(node.textValue()),
                        path,
                        "one of " + schema.getEnumSymbols());
                return MODEL.createEnum(node.textValue(), schema);
            }
            case STRING:
                requireThat(node.isTextual(), path, "a string");
                return node.textValue();
            case BOOLEAN:
                requireThat(node.isBoolean(), path, "true or false");
                return node.booleanValue();
            case DOUBLE:
                requireThat(node.isNumber(), path, "a number");
                return node.doubleValue();
            case FLOAT:
                requireThat(node.isNumber(), path, "a number");
                return node.floatValue();
            case INT:
                if (logicalType instanceof LogicalTypes.Date) {
                    requireThat(node.isTextual(), path, "an ISO date like 2012-02-06");
                    return parse(() -> LocalDate.parse(node.textValue()), path, "an ISO date like 2012-02-06");
                }
                requireThat(node.isIntegralNumber() && node.canConvertToInt(), path, "a 32-bit integer");
                return node.intValue();
            case LONG:
                if (logicalType instanceof LogicalTypes.TimestampMillis) {
                    requireThat(node.isTextual(), path, "an ISO-8601 instant like 2012-02-07T10:15:30Z");
                    return parse(
                            () -> Instant.parse(node.textValue()),
                            path,
                            "an ISO-8601 instant like 2012-02-07T10:15:30Z");
                }
                requireThat(node.isIntegralNumber() && node.canConvertToLong(), path, "a 64-bit integer");
                return node.longValue();
            default:
                throw new IllegalStateException("Avro type " + schema.getType() + " has no JSON mapping yet");
        }
    }

    private static Schema nonNullBranch(Schema union) {
        return union.getTypes().stream()
                .filter(branch -> branch.getType() != Schema.Type.NULL)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Union without a non-null branch: " + union));
    }

    private static <T> T parse(java.util.function.Supplier<T> parser, String path, String expected) {
        try {
            return parser.get();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Field '" + path + "' must be " + expected, e);
        }
    }

    private static void requireThat(boolean condition, String path, String expected) {
        if (!condition) {
            throw new IllegalArgumentException("Field '" + path + "' must be " + expected);
        }
    }

    /** A JSON object {@code {"error": message, ...details}}: the body of every error response. */
    static String error(String message, Map<String, String> details) {
        ObjectNode node = NODES.objectNode();
        node.put("error", message);
        details.forEach(node::put);
        return write(node);
    }
}
