package io.wirewatch.serde;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * A reader schema that leaves some array fields of a record unread: each named field is renamed to
 * {@value #UNREAD_PREFIX}{@code <name>} with an empty default, so Avro's schema resolution finds no writer field of
 * that name, steps over the writer's bytes without decoding them and gives the reader the empty default. Every field
 * keeps its position, so the generated classes are filled as usual, by Avro's fast reader.
 */
final class SchemaProjection {

    static final String UNREAD_PREFIX = "unread__";

    private SchemaProjection() {}

    /**
     * @param skippedFields each as {@code record full name + "." + field name}; each must be an array
     */
    static Schema withoutFields(Schema reader, Set<String> skippedFields) {
        return copy(reader, skippedFields, new HashMap<>());
    }

    private static Schema copy(Schema schema, Set<String> skipped, Map<String, Schema> copied) {
        return switch (schema.getType()) {
            case RECORD -> {
                Schema done = copied.get(schema.getFullName());
                if (done != null) {
                    yield done;
                }
                // Named before its fields are copied, so a record that refers to itself resolves to this copy.
                Schema record =
                        Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), schema.isError());
                copied.put(schema.getFullName(), record);
                List<Schema.Field> fields = new ArrayList<>();
                for (Schema.Field field : schema.getFields()) {
                    if (skipped.contains(schema.getFullName() + "." + field.name())) {
                        if (field.schema().getType() != Schema.Type.ARRAY) {
                            throw new IllegalArgumentException(
                                    "Only array fields can be left unread: " + schema.getFullName() + "." + field.name()
                                            + " is " + field.schema().getType());
                        }
                        fields.add(
                                new Schema.Field(UNREAD_PREFIX + field.name(), field.schema(), field.doc(), List.of()));
                    } else {
                        Schema.Field copy = new Schema.Field(field, copy(field.schema(), skipped, copied));
                        fields.add(copy);
                    }
                }
                record.setFields(fields);
                schema.getObjectProps().forEach(record::addProp);
                yield record;
            }
            case ARRAY -> withProps(schema, Schema.createArray(copy(schema.getElementType(), skipped, copied)));
            case MAP -> withProps(schema, Schema.createMap(copy(schema.getValueType(), skipped, copied)));
            case UNION -> {
                List<Schema> types = new ArrayList<>();
                schema.getTypes().forEach(type -> types.add(copy(type, skipped, copied)));
                yield withProps(schema, Schema.createUnion(types));
            }
            // Enums, fixed and primitives (with their logical types) are shared: nothing inside them changes.
            default -> schema;
        };
    }

    private static Schema withProps(Schema from, Schema to) {
        from.getObjectProps().forEach(to::addProp);
        if (from.getLogicalType() != null) {
            from.getLogicalType().addToSchema(to);
        }
        return to;
    }
}
