package io.wirewatch.ingest.source;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns raw input bytes into text, or says why they are not text: empty, binary (NUL bytes or too many control
 * characters), or not valid UTF-8. Decoding is strict, so a Latin-1 or UTF-16 file is rejected instead of being read as
 * mojibake; a leading UTF-8 byte-order mark is dropped.
 */
public final class TextDecoder {

    /** More control characters than this share of all characters means binary, not text with a few stray bytes. */
    static final double MAX_CONTROL_CHARACTER_SHARE = 0.02;

    private TextDecoder() {}

    public static String decode(byte[] bytes) throws InputRejectedException {
        return decode(bytes, 0, bytes.length);
    }

    public static String decode(byte[] bytes, int offset, int length) throws InputRejectedException {
        int start = offset;
        int end = offset + length;
        if (length >= 3
                && (bytes[start] & 0xFF) == 0xEF
                && (bytes[start + 1] & 0xFF) == 0xBB
                && (bytes[start + 2] & 0xFF) == 0xBF) {
            start += 3;
        }
        if (start == end) {
            throw new InputRejectedException("empty input");
        }
        for (int i = start; i < end; i++) {
            if (bytes[i] == 0) {
                throw new InputRejectedException("binary content: NUL byte at offset " + (i - offset));
            }
        }
        String text = decodeStrictly(bytes, start, end - start, offset);
        if (text.isBlank()) {
            throw new InputRejectedException("empty input: only whitespace");
        }
        long controls = text.chars().filter(TextDecoder::isSuspiciousControl).count();
        if (controls > 0 && controls > text.length() * MAX_CONTROL_CHARACTER_SHARE) {
            throw new InputRejectedException(String.format(
                    "binary content: %d of %d characters are control characters", controls, text.length()));
        }
        return text;
    }

    private static String decodeStrictly(byte[] bytes, int offset, int length, int inputStart)
            throws InputRejectedException {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        CharBuffer out = CharBuffer.allocate(length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new InputRejectedException(
                    "not valid UTF-8: malformed byte sequence at offset " + (in.position() - inputStart));
        }
        if (!result.isUnderflow()) {
            // A UTF-8 decode never needs more chars than bytes, so overflow cannot happen; be explicit if it does.
            throw new InputRejectedException("not valid UTF-8", new CharacterCodingException());
        }
        out.flip();
        return out.toString();
    }

    private static boolean isSuspiciousControl(int c) {
        return (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') || c == 0x7F || (c >= 0x80 && c <= 0x9F);
    }
}
