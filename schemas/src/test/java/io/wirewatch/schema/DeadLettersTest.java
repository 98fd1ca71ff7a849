package io.wirewatch.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.serde.FailedRecord;
import io.wirewatch.serde.FailureKind;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    private static final Instant FAILED_AT = Instant.parse("2012-02-07T12:00:00Z");

    @Test
    void shouldCopyOriginAndKeepWholePayloadUnderTheLimit() {
        // Given a failed Kafka record of 5 bytes
        FailedRecord failure = new FailedRecord(
                "enrich",
                FailureKind.UNDECODABLE,
                "articles.raw",
                2,
                41L,
                bytes("key-1"),
                bytes("hello"),
                "Cannot decode value: bad magic",
                "org.example.BadMagic",
                FAILED_AT);

        // When it becomes a dead letter with a 5-byte limit
        DeadLetter letter = DeadLetters.fromFailedRecord(failure, 5);

        // Then every field is carried and nothing is cut
        assertThat(letter.getService()).isEqualTo("enrich");
        assertThat(letter.getSource()).isEqualTo("articles.raw:2:41");
        assertThat(letter.getTopic()).isEqualTo("articles.raw");
        assertThat(letter.getPartition()).isEqualTo(2);
        assertThat(letter.getOffset()).isEqualTo(41L);
        assertThat(letter.getReason()).isEqualTo("Cannot decode value: bad magic");
        assertThat(letter.getErrorClass()).isEqualTo("org.example.BadMagic");
        assertThat(toArray(letter.getKey())).isEqualTo(bytes("key-1"));
        assertThat(toArray(letter.getPayload())).isEqualTo(bytes("hello"));
        assertThat(letter.getPayloadSize()).isEqualTo(5L);
        assertThat(letter.getTruncated()).isFalse();
        assertThat(letter.getFailedAt()).isEqualTo(FAILED_AT);
    }

    @Test
    void shouldCutPayloadOverTheLimitAndSaySo() {
        // Given input of 11 bytes from a file
        // When it becomes a dead letter with a 4-byte limit
        DeadLetter letter = DeadLetters.forInput(
                "ingest",
                "/seeds/x.txt",
                bytes("hello world"),
                "empty article",
                new IllegalArgumentException("empty"),
                FAILED_AT,
                4);

        // Then only the first 4 bytes are kept, and the original size is recorded
        assertThat(toArray(letter.getPayload())).isEqualTo(bytes("hell"));
        assertThat(letter.getPayloadSize()).isEqualTo(11L);
        assertThat(letter.getTruncated()).isTrue();
        assertThat(letter.getErrorClass()).isEqualTo(IllegalArgumentException.class.getName());
        assertThat(letter.getTopic()).isNull();
        assertThat(letter.getOffset()).isNull();
    }

    @Test
    void shouldRecordTombstoneAsEmptyPayloadWithoutOrigin() {
        // Given a tombstone whose origin Kafka Streams did not give
        FailedRecord failure = new FailedRecord(
                "alert",
                FailureKind.NULL_VALUE,
                null,
                -1,
                -1L,
                null,
                null,
                "Record has no value (tombstone)",
                null,
                FAILED_AT);

        // When it becomes a dead letter
        DeadLetter letter = DeadLetters.fromFailedRecord(failure, DeadLetters.DEFAULT_MAX_PAYLOAD_BYTES);

        // Then the payload is empty and unknown origin fields are null
        assertThat(letter.getPayload().remaining()).isZero();
        assertThat(letter.getPayloadSize()).isZero();
        assertThat(letter.getPartition()).isNull();
        assertThat(letter.getOffset()).isNull();
        assertThat(letter.getKey()).isNull();
    }

    @Test
    void shouldRejectNegativeLimit() {
        assertThatThrownBy(() -> DeadLetters.forInput("ingest", "http", bytes("x"), "r", null, FAILED_AT, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxPayloadBytes");
    }

    private static byte[] toArray(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
