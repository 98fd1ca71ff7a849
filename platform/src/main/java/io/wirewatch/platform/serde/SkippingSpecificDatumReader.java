package io.wirewatch.platform.serde;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.apache.avro.Conversion;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.ResolvingDecoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;

/**
 * A specific reader that skips some array fields of the records it reads, leaving them empty, for a consumer that
 * does not use them: the bytes are stepped over without decoding strings or building objects. The contract is not
 * changed and every other consumer reads the whole record. Avro's fast reader sets fields by position and cannot be
 * told to skip one, so this reader uses the classic, per-field path.
 */
final class SkippingSpecificDatumReader<T> extends SpecificDatumReader<T> {

    private final Set<Schema.Field> skipped = Collections.newSetFromMap(new IdentityHashMap<>());

    /**
     * @param skippedFields fields to leave empty, each as {@code record full name + "." + field name}
     *                      (e.g. {@code io.wirewatch.schema.Entity.mentions}); each must be an array
     */
    SkippingSpecificDatumReader(Schema writer, Schema reader, Class<?> generated, Set<String> skippedFields) {
        super(writer, reader, withoutFastReader(generated));
        collect(reader, skippedFields, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static SpecificData withoutFastReader(Class<?> generated) {
        SpecificData data = new SpecificData(generated.getClassLoader()) {
            @Override
            public Object newArray(Object old, int size, Schema schema) {
                // Plain lists, as the fast reader builds: GenericData.Array compares its elements with the global
                // model, which knows no logical types, so two equal arrays of records holding a date were not equal.
                return new ArrayList<>(size);
            }
        };
        // The generated classes' own model carries the logical-type conversions (timestamps as Instant).
        for (Conversion<?> conversion : SpecificData.getForClass(generated).getConversions()) {
            data.addLogicalTypeConversion(conversion);
        }
        data.setFastReaderEnabled(false);
        return data;
    }

    /** Finds the reader schema's fields named in {@code names}, at whatever depth they occur. */
    private void collect(Schema schema, Set<String> names, Set<Schema> visited) {
        switch (schema.getType()) {
            case RECORD -> {
                if (!visited.add(schema)) {
                    return;
                }
                for (Schema.Field field : schema.getFields()) {
                    if (names.contains(schema.getFullName() + "." + field.name())) {
                        if (field.schema().getType() != Schema.Type.ARRAY) {
                            throw new IllegalArgumentException("Only array fields can be skipped: "
                                    + schema.getFullName() + "." + field.name() + " is " + field.schema().getType());
                        }
                        skipped.add(field);
                    } else {
                        collect(field.schema(), names, visited);
                    }
                }
            }
            case ARRAY -> collect(schema.getElementType(), names, visited);
            case MAP -> collect(schema.getValueType(), names, visited);
            case UNION -> schema.getTypes().forEach(type -> collect(type, names, visited));
            default -> {
            }
        }
    }

    @Override
    protected void readField(Object record, Schema.Field field, Object oldDatum, ResolvingDecoder in, Object state)
            throws IOException {
        if (skipped.contains(field)) {
            GenericDatumReader.skip(field.schema(), in);
            getData().setField(record, field.name(), field.pos(), new ArrayList<>(0));
        } else {
            super.readField(record, field, oldDatum, in, state);
        }
    }
}
