package io.wirewatch.ingest.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable article ids and content hashes. An id given by the source wins; otherwise {@code url-} plus 16 hex digits of
 * the SHA-256 of the canonical URL; otherwise {@code txt-} plus 16 hex digits of the SHA-256 of the normalised text.
 * The same article therefore gets the same id in every run and on every ingest path.
 */
public final class ArticleIdentity {

    private static final int ID_HEX_DIGITS = 16;

    private ArticleIdentity() {}

    /**
     * @param explicitId     the id the source gave, or null
     * @param canonicalUrl   the canonical URL, or null
     * @param contentHash    {@link #contentHash} of the normalised text
     */
    public static String idFor(String explicitId, String canonicalUrl, String contentHash) {
        if (explicitId != null && !explicitId.isBlank()) {
            return explicitId.strip();
        }
        if (canonicalUrl != null && !canonicalUrl.isBlank()) {
            return "url-" + sha256Hex(canonicalUrl).substring(0, ID_HEX_DIGITS);
        }
        return "txt-" + contentHash.substring(0, ID_HEX_DIGITS);
    }

    /** SHA-256 (hex) of the normalised text: equal for texts that differ only in what normalisation removes. */
    public static String contentHash(String normalisedText) {
        return sha256Hex(normalisedText);
    }

    static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
