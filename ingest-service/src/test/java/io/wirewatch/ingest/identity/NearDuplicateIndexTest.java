package io.wirewatch.ingest.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.ingest.Seeds;
import io.wirewatch.ingest.text.TextNormaliser;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NearDuplicateIndexTest {

    private static final String BBC = TextNormaliser.normalise(Seeds.read("000_3f73a5d78b56022d.txt"));
    private static final String CBC = TextNormaliser.normalise(Seeds.read("001_0214231277631587.txt"));
    private static final String GLOBE = TextNormaliser.normalise(Seeds.read("002_7716cf6ab2c65437.txt"));

    @Test
    void shouldMarkTheSameStoryWithSmallEditsAsANearDuplicate() {
        // Given the BBC report, and a copy with a changed figure, a dropped sentence and a new last line
        NearDuplicateIndex index = new NearDuplicateIndex(0.8, 100);
        index.add("bbc", BBC);
        String edited = BBC.replace("At least 95 people", "At least 96 people")
                        .replace(
                                "Someone was trying to drive a wedge between Russia and the Arab world, he said.\n", "")
                + "\nThis story has been updated.";

        // When
        Optional<NearDuplicateIndex.Match> match = index.findAndAdd("bbc-updated", edited);

        // Then
        assertThat(match).hasValueSatisfying(m -> {
            assertThat(m.id()).isEqualTo("bbc");
            assertThat(m.similarity()).isGreaterThanOrEqualTo(0.8);
        });
        assertThat(index.size()).isEqualTo(2);
    }

    @Test
    void shouldNotMarkDifferentReportsOfTheSameDayAsNearDuplicates() {
        NearDuplicateIndex index = new NearDuplicateIndex(0.8, 100);
        index.add("bbc", BBC);
        index.add("cbc", CBC);

        assertThat(index.find(GLOBE)).isEmpty();
        assertThat(NearDuplicateIndex.similarity(BBC, CBC)).isLessThan(0.2);
    }

    @Test
    void shouldEstimateJaccardSimilarityOfShingles() {
        // Given two texts sharing 60 of 100 five-word shingles, so Jaccard = 60 / 140 ≈ 0.43
        StringBuilder shared = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            shared.append("w").append(i).append(' ');
        }
        StringBuilder a = new StringBuilder(shared);
        StringBuilder b = new StringBuilder(shared);
        for (int i = 0; i < 40; i++) {
            a.append("a").append(i).append(' ');
            b.append("b").append(i).append(' ');
        }

        double similarity = NearDuplicateIndex.similarity(a.toString(), b.toString());

        assertThat(similarity).isBetween(0.30, 0.56);
        assertThat(NearDuplicateIndex.similarity(a.toString(), a.toString().toUpperCase()))
                .isEqualTo(1.0);
    }

    @Test
    void shouldForgetTheOldestArticlesBeyondItsCapacity() {
        NearDuplicateIndex index = new NearDuplicateIndex(0.8, 2);
        index.add("bbc", BBC);
        index.add("cbc", CBC);
        index.add("globe", GLOBE);

        assertThat(index.size()).isEqualTo(2);
        assertThat(index.find(BBC)).isEmpty();
        assertThat(index.find(CBC)).map(NearDuplicateIndex.Match::id).contains("cbc");
    }

    @Test
    void shouldIgnoreTextWithoutWords() {
        NearDuplicateIndex index = new NearDuplicateIndex(0.8, 10);
        index.add("dots", "... !!!");

        assertThat(index.findAndAdd("more-dots", "?? ...")).isEmpty();
        assertThat(index.size()).isZero();
    }

    @Test
    void shouldRefuseANonsenseThresholdOrCapacity() {
        assertThatThrownBy(() -> new NearDuplicateIndex(1.5, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NearDuplicateIndex(0.8, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
