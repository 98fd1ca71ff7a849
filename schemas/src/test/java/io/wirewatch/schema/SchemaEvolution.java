package io.wirewatch.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.DecoderFactory;

/**
 * Fixtures of the schema-evolution tests: the released v1 contract, an "old consumer" that reads wire-format bytes
 * with a v1 reader schema, schema variants that break compatibility, and a plain-value view of records so that a
 * generated object and a GenericRecord of another version can be compared field by field.
 */
final class SchemaEvolution {

    static final Map<String, Schema> V1 = SchemaCompatibilityTest.parseAll(Path.of("src/test/resources/previous/v1"));

    private SchemaEvolution() {}

    static Schema v1(String simpleName) {
        Schema schema = V1.get("io.wirewatch.schema." + simpleName);
        if (schema == null) {
            throw new IllegalArgumentException("No v1 schema " + simpleName + " among " + V1.keySet());
        }
        return schema;
    }

    /**
     * Reads Confluent wire-format bytes as a consumer built against an older contract does: the writer's schema comes
     * from the registry by the id in the header, and Avro's schema resolution maps it onto the consumer's own schema.
     */
    static GenericRecord readWithOlderSchema(byte[] wireBytes, Schema writerSchema, Schema readerSchema) {
        try {
            GenericDatumReader<GenericRecord> reader = new GenericDatumReader<>(writerSchema, readerSchema);
            return reader.read(null, DecoderFactory.get().binaryDecoder(wireBytes, 5, wireBytes.length - 5, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema id in a wire-format header. */
    static int schemaId(byte[] wireBytes) {
        return ByteBuffer.wrap(wireBytes, 1, 4).getInt();
    }

    /** {@code schema} with one more field appended. */
    static Schema withExtraField(Schema schema, Schema.Field extra) {
        List<Schema.Field> fields = new ArrayList<>();
        schema.getFields().forEach(field -> fields.add(new Schema.Field(field, field.schema())));
        fields.add(extra);
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }

    /** {@code schema} with the named field's type replaced (its default dropped, since it may not fit the new type). */
    static Schema withFieldType(Schema schema, String fieldName, Schema newType) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : schema.getFields()) {
            fields.add(
                    field.name().equals(fieldName)
                            ? new Schema.Field(field.name(), newType, field.doc())
                            : new Schema.Field(field, field.schema()));
        }
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }

    /**
     * The record as plain values, by field name: strings for any CharSequence or enum symbol, epoch millis and epoch
     * days for timestamps and dates, nested records as maps. A generated class (Instant, String, Java enums) and a
     * GenericRecord (long, Utf8, enum symbols) holding the same data give equal maps.
     */
    static Map<String, Object> plain(IndexedRecord record) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Schema.Field field : record.getSchema().getFields()) {
            values.put(field.name(), plainValue(record.get(field.pos())));
        }
        return values;
    }

    /** {@link #plain} without the named fields. */
    static Map<String, Object> plainWithout(IndexedRecord record, String... fieldNames) {
        Map<String, Object> values = plain(record);
        for (String name : fieldNames) {
            values.remove(name);
        }
        return values;
    }

    private static Object plainValue(Object value) {
        if (value instanceof IndexedRecord nested) {
            return plain(nested);
        }
        if (value instanceof CharSequence
                || value instanceof Enum<?>
                || value instanceof org.apache.avro.generic.GenericEnumSymbol<?>) {
            return value.toString();
        }
        if (value instanceof Instant instant) {
            return instant.toEpochMilli();
        }
        if (value instanceof LocalDate date) {
            return Math.toIntExact(date.toEpochDay());
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(SchemaEvolution::plainValue).toList();
        }
        return value;
    }
}
