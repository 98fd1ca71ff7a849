package io.wirewatch.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's wire format: one magic byte (0), the schema's global id as a 4-byte big-endian int, then the Avro
 * binary encoding of the value.
 */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0;
    public static final int HEADER_SIZE = 5;

    private WireFormat() {}

    /** Reads the header of {@code data} and returns the schema id; the buffer is left at the first Avro byte. */
    public static int readSchemaId(String topic, ByteBuffer data) {
        if (data.remaining() < HEADER_SIZE) {
            throw new SerializationException(
                    "Record on topic '" + topic + "' is not in the Confluent Avro wire format: " + data.remaining()
                            + " bytes, the header alone takes " + HEADER_SIZE);
        }
        byte magic = data.get();
        if (magic != MAGIC_BYTE) {
            throw new SerializationException(
                    "Record on topic '" + topic + "' is not in the Confluent Avro wire format: " + "first byte is "
                            + (magic & 0xff) + ", expected magic byte 0");
        }
        return data.getInt();
    }
}
