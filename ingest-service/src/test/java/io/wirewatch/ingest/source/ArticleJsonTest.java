package io.wirewatch.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleJsonTest {

    private final ArticleJson json = new ArticleJson(1024);

    @Test
    void shouldReadEveryFieldOfAnArticleObject() throws InputRejectedException {
        String object = """
                {"id":"a-1","url":"https://example.org/x","source":"CBC","title":"Gulf states pull ambassadors",
                 "published_at":"2012-02-07T14:40:00Z","text":"The six member nations ...","extra":{"ignored":true}}""";

        RawArticle article = json.readObject(object, "feed");

        assertThat(article)
                .isEqualTo(new RawArticle(
                        "a-1",
                        "https://example.org/x",
                        "CBC",
                        "Gulf states pull ambassadors",
                        Instant.parse("2012-02-07T14:40:00Z"),
                        "The six member nations ...",
                        "feed"));
    }

    @Test
    void shouldAcceptOutletAndPublishedAtSpellingsAndZonedOrDateOnlyTimes() throws InputRejectedException {
        RawArticle zoned = json.readObject(
                "{\"outlet\":\"BBC\",\"publishedAt\":\"2012-02-07T11:15:00+01:00\"," + "\"text\":\"t\"}", "f");
        RawArticle dateOnly = json.readObject("{\"published_at\":\"2012-02-07\",\"text\":\"t\"}", "f");

        assertThat(zoned.outlet()).isEqualTo("BBC");
        assertThat(zoned.publishedAt()).isEqualTo(Instant.parse("2012-02-07T10:15:00Z"));
        assertThat(dateOnly.publishedAt()).isEqualTo(Instant.parse("2012-02-07T00:00:00Z"));
    }

    @Test
    void shouldRejectAnObjectWithoutTextOrWithWrongTypes() {
        assertThatThrownBy(() -> json.readObject("{\"title\":\"x\"}", "f")).hasMessageStartingWith("missing text");
        assertThatThrownBy(() -> json.readObject("{\"text\":\"  \"}", "f")).hasMessageStartingWith("missing text");
        assertThatThrownBy(() -> json.readObject("{\"text\":42}", "f"))
                .hasMessage("field 'text' must be a string, was number");
        assertThatThrownBy(() -> json.readObject("{\"text\":\"t\",\"url\":[1]}", "f"))
                .hasMessage("field 'url' must be a string, was array");
        assertThatThrownBy(() -> json.readObject("[1]", "f")).hasMessage("expected a JSON object, got array");
    }

    @Test
    void shouldRejectAPublicationTimeThatIsNotIso8601() {
        assertThatThrownBy(() -> json.readObject("{\"published_at\":\"7 Feb 2012\",\"text\":\"t\"}", "f"))
                .hasMessage("field 'published_at' is not an ISO-8601 date-time: '7 Feb 2012'");
    }

    @Test
    void shouldSayWhereJsonIsMalformed() {
        assertThatThrownBy(() -> json.readObject("{\"text\": \"a\",,}", "f"))
                .hasMessageStartingWith("malformed JSON at line 1, column 14: Unexpected character (','");
        assertThatThrownBy(() -> json.readObject("{\"text\":\"a\"} trailing", "f"))
                .hasMessageStartingWith("malformed JSON");
    }

    @Test
    void shouldFailFastOnDeeplyNestedOrOverlongJson() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        String longString = "{\"text\":\"" + "x".repeat(5_000) + "\"}";

        assertThatThrownBy(() -> json.readObject(deep, "f"))
                .hasMessageContaining("JSON exceeds a parser limit")
                .hasMessageContaining("nesting depth");
        assertThatThrownBy(() -> json.readObject(longString, "f"))
                .hasMessageContaining("JSON exceeds a parser limit")
                .hasMessageContaining("String value length");
    }

    @Test
    void shouldReadAnArrayKeepingGoodElementsBesideBadOnes() throws InputRejectedException {
        List<ArticleJson.Element> elements =
                json.readDocument("[{\"text\":\"one\"},{\"title\":\"no text\"},{\"text\":\"three\"}]", "batch.json");

        assertThat(elements).hasSize(3);
        assertThat(elements.get(0))
                .isInstanceOfSatisfying(
                        ArticleJson.Parsed.class,
                        parsed -> assertThat(parsed.article().sourceRef()).isEqualTo("batch.json#0"));
        assertThat(elements.get(1)).isInstanceOfSatisfying(ArticleJson.Invalid.class, invalid -> {
            assertThat(invalid.index()).isEqualTo(1);
            assertThat(invalid.reason()).startsWith("missing text");
            assertThat(invalid.json()).isEqualTo("{\"title\":\"no text\"}");
        });
        assertThat(elements.get(2)).isInstanceOf(ArticleJson.Parsed.class);
    }

    @Test
    void shouldRejectAnEmptyArray() {
        assertThatThrownBy(() -> json.readDocument("[]", "f")).hasMessageContaining("empty JSON array");
    }
}
