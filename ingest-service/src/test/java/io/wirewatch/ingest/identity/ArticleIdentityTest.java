package io.wirewatch.ingest.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleIdentityTest {

    private static final String HASH = ArticleIdentity.contentHash("Ten people were killed.");

    @Test
    void shouldPreferAnExplicitIdThenTheUrlThenTheText() {
        assertThat(ArticleIdentity.idFor(" given-7 ", "https://example.org/a", HASH))
                .isEqualTo("given-7");
        assertThat(ArticleIdentity.idFor(null, "https://example.org/a", HASH)).matches("url-[0-9a-f]{16}");
        assertThat(ArticleIdentity.idFor(null, null, HASH)).isEqualTo("txt-" + HASH.substring(0, 16));
    }

    @Test
    void shouldGiveTheSameUrlTheSameIdAndDifferentUrlsDifferentIds() {
        String a = ArticleIdentity.idFor(null, UrlCanonicaliser.canonicalise("https://Example.org/a#top"), HASH);
        String b = ArticleIdentity.idFor(
                null, UrlCanonicaliser.canonicalise("https://example.org/a?utm_source=rss"), HASH);
        String c = ArticleIdentity.idFor(null, "https://example.org/b", HASH);

        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void shouldHashContentAsSha256Hex() {
        // SHA-256 of "abc", a published test vector (FIPS 180-2).
        assertThat(ArticleIdentity.contentHash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
