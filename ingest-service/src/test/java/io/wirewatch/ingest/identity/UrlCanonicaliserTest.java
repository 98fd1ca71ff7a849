package io.wirewatch.ingest.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlCanonicaliserTest {

    @Test
    void shouldLowerCaseSchemeAndHostAndDropFragmentDefaultPortAndTracking() {
        String canonical = UrlCanonicaliser.canonicalise(
                " HTTPS://WWW.BBC.co.uk:443/news/World-16916055?utm_source=twitter&id=7&fbclid=abc&UTM_Medium=x#comments ");

        assertThat(canonical).isEqualTo("https://www.bbc.co.uk/news/World-16916055?id=7");
    }

    @Test
    void shouldKeepANonDefaultPortAndGiveAnEmptyPathASlash() {
        assertThat(UrlCanonicaliser.canonicalise("http://Example.org:8080")).isEqualTo("http://example.org:8080/");
        assertThat(UrlCanonicaliser.canonicalise("http://example.org?utm_campaign=a"))
                .isEqualTo("http://example.org/");
    }

    @Test
    void shouldReturnWhatIsNotAUrlTrimmedAndUnchanged() {
        assertThat(UrlCanonicaliser.canonicalise("  not a url  ")).isEqualTo("not a url");
        assertThat(UrlCanonicaliser.canonicalise("mailto:desk@example.org")).isEqualTo("mailto:desk@example.org");
    }
}
