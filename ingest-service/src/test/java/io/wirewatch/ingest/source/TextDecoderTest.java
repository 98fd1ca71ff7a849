package io.wirewatch.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecoderTest {

    @Test
    void shouldDecodeUtf8AndDropAByteOrderMark() throws InputRejectedException {
        byte[] bytes = "\uFEFFAl-Assad's forces \u2014 Homs".getBytes(StandardCharsets.UTF_8);

        assertThat(TextDecoder.decode(bytes)).isEqualTo("Al-Assad's forces \u2014 Homs");
    }

    @Test
    void shouldRejectEmptyAndWhitespaceOnlyInput() {
        assertThatThrownBy(() -> TextDecoder.decode(new byte[0])).hasMessage("empty input");
        assertThatThrownBy(() -> TextDecoder.decode(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}))
                .hasMessage("empty input");
        assertThatThrownBy(() -> TextDecoder.decode(" \n\t ".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("only whitespace");
    }

    @Test
    void shouldRejectBinaryWithNulBytes() {
        byte[] bytes = {'P', 'K', 3, 4, 0, 0, 'x'};

        assertThatThrownBy(() -> TextDecoder.decode(bytes)).hasMessage("binary content: NUL byte at offset 4");
    }

    @Test
    void shouldRejectTextFullOfControlCharactersButAcceptAStrayOne() throws InputRejectedException {
        String mostlyControls = "ab\u0001\u0002\u0003\u0004cd";
        String oneStray = "x".repeat(200) + "\u0007";

        assertThatThrownBy(() -> TextDecoder.decode(mostlyControls.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("binary content: 4 of 8 characters are control characters");
        assertThat(TextDecoder.decode(oneStray.getBytes(StandardCharsets.UTF_8)))
                .hasSize(201);
    }

    @Test
    void shouldRejectLatin1AndTruncatedSequencesAsNotUtf8() {
        byte[] latin1 = "Caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        byte[] truncated = {'a', (byte) 0xE2, (byte) 0x80};
        byte[] overlong = {(byte) 0xC0, (byte) 0xAF};

        assertThatThrownBy(() -> TextDecoder.decode(latin1))
                .hasMessage("not valid UTF-8: malformed byte sequence at offset 3");
        assertThatThrownBy(() -> TextDecoder.decode(truncated)).hasMessageStartingWith("not valid UTF-8");
        assertThatThrownBy(() -> TextDecoder.decode(overlong)).hasMessageStartingWith("not valid UTF-8");
    }
}
