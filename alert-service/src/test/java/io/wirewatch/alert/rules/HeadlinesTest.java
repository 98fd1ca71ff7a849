package io.wirewatch.alert.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.schema.CountBound;
import io.wirewatch.schema.DiplomaticActionType;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeadlinesTest {

    @Test
    void shouldWriteTheCasualtyHeadlineWithTheFactorOverTheBaseline() {
        // Given 95 killed in Homs, reported by activists, against a trailing average of 31.7
        String headline = Headlines.casualtySpike(
                "Homs", LocalDate.of(2012, 2, 6), "At least 95", 95, 95, List.of("activists"), 31.7, 95);

        // Then the headline reads like a wire line
        assertThat(headline).isEqualTo("Homs: at least 95 killed on 2012-02-06 (activists), 3× the trailing average");
    }

    @Test
    void shouldGiveTheReportsOwnSpellingOfAPlaceBesideTheAlertsName() {
        // Given a Spanish report naming Alexandria "Alejandría", and one that names it as the alert does
        assertThat(Headlines.located("Alexandria", "Alejandría", "Northern Coast", "Egypt"))
                .isEqualTo("Alexandria [Alejandría] (Northern Coast, Egypt)");
        assertThat(Headlines.located("Alexandria", null, "Northern Coast", "Egypt"))
                .isEqualTo("Alexandria (Northern Coast, Egypt)");
        assertThat(Headlines.located("Baghdad", "Bagdad", null, null)).isEqualTo("Baghdad [Bagdad]");
    }

    @Test
    void shouldLeaveAnImpliedReductionOutOfADiplomaticHeadline() {
        // Given an embassy closed and the diplomatic presence reduced
        String headline = Headlines.diplomatic(
                "United States",
                false,
                "Syria",
                List.of(DiplomaticActionType.REDUCE_RELATIONS, DiplomaticActionType.CLOSE_EMBASSY),
                false);

        // Then the closure says it all
        assertThat(headline).isEqualTo("US closes its embassy in Syria");
    }

    @Test
    void shouldSayThatStaffIsWithdrawnWhenThatIsAllThatHappened() {
        // Given diplomatic staff pulled out of Sudan and nothing else
        String headline =
                Headlines.diplomatic("France", false, "Sudan", List.of(DiplomaticActionType.REDUCE_RELATIONS), false);

        // Then the headline says what a reader would: a withdrawal of staff, not a vaguer "reduced presence"
        assertThat(headline).isEqualTo("France withdraws its diplomatic staff from Sudan");
    }

    @Test
    void shouldWriteAnExpulsionHeadlineWhenTheTargetIsUnknown() {
        // Given an expulsion whose target extraction could not resolve
        String headline =
                Headlines.diplomatic("France", false, null, List.of(DiplomaticActionType.EXPEL_DIPLOMATS), false);

        // Then the headline names no target rather than failing the article
        assertThat(headline).isEqualTo("France expels envoys");
    }

    @Test
    void shouldCanonicaliseCommonAliasesOfActors() {
        assertThat(List.of("US", "U.S.", "the United States", "USA").stream()
                        .map(ActorNames::canonical)
                        .distinct())
                .containsExactly("United States");
        assertThat(List.of("UK", "U.K.", "Britain").stream()
                        .map(ActorNames::canonical)
                        .distinct())
                .containsExactly("United Kingdom");
        assertThat(ActorNames.canonical("the Netherlands")).isEqualTo("Netherlands");
        assertThat(ActorNames.canonical("Gulf Co-operation Council")).isEqualTo("Gulf Cooperation Council");
        assertThat(ActorNames.canonical("Belgium")).isEqualTo("Belgium");
        assertThat(ActorNames.canonical("  ")).isNull();
    }

    @Test
    void shouldWriteAFigureInEnglishWhateverTheArticlesLanguage() {
        // Given the same bounded figures as French, Spanish and English news write them
        // Then the alert's words are English and its number grouped the English way; only a vague figure keeps its
        // words
        assertThat(Headlines.figure(CountBound.AT_LEAST, 134, "au moins 134")).isEqualTo("at least 134");
        assertThat(Headlines.figure(CountBound.ABOUT, 100, "cerca de 100")).isEqualTo("about 100");
        assertThat(Headlines.figure(CountBound.MORE_THAN, 5400, "plus de 5 400"))
                .isEqualTo("more than 5,400");
        assertThat(Headlines.figure(CountBound.NEARLY, 70, "casi 70")).isEqualTo("nearly 70");
        assertThat(Headlines.figure(CountBound.UP_TO, 200, "jusqu'à 200")).isEqualTo("up to 200");
        assertThat(Headlines.figure(CountBound.EXACT, 22, "22")).isEqualTo("22");
        assertThat(Headlines.figure(CountBound.VAGUE, 24, "des dizaines")).isEqualTo("des dizaines");
    }
}
