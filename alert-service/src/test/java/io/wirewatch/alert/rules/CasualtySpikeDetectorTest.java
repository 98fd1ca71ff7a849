package io.wirewatch.alert.rules;

import static io.wirewatch.alert.EnrichedSeeds.article;
import static io.wirewatch.alert.EnrichedSeeds.figure;
import static io.wirewatch.alert.EnrichedSeeds.killed;
import static io.wirewatch.alert.EnrichedSeeds.withFlags;
import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AlertStatus;
import io.wirewatch.schema.CasualtyFigure;
import io.wirewatch.schema.CasualtyKind;
import io.wirewatch.schema.CasualtyPeriod;
import io.wirewatch.schema.CountBound;
import io.wirewatch.schema.EnrichedArticle;
import io.wirewatch.schema.Severity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CasualtySpikeDetectorTest {

    private static final LocalDate DAY = LocalDate.of(2012, 2, 6);
    private static final Instant NOW = Instant.parse("2012-02-07T12:00:00Z");

    private final CasualtySpikeDetector detector = new CasualtySpikeDetector(RuleSettings.DEFAULTS);

    /** Stored state for one place, updated the way the processor updates its stores. */
    private PlaceHistory history;

    private final Map<LocalDate, CasualtyDayState> days = new HashMap<>();
    private int articles;

    @Test
    void shouldRaiseASpikeWhenAPlaceWithoutHistoryReachesTheMinimum() {
        // Given a place with no history
        // When one article reports 19 killed there on one day and another 20 on the next
        List<Alert> nineteen = report("Hama", DAY, 19, "activists");
        List<Alert> twenty = report("Hama", DAY.plusDays(10), 20, "activists");

        // Then only the day reaching the minimum of 20 is a spike, without a baseline
        assertThat(nineteen).isEmpty();
        assertThat(twenty).singleElement().satisfies(alert -> {
            assertThat(alert.getStatus()).isEqualTo(AlertStatus.NEW);
            assertThat(alert.getId()).isEqualTo("cas-hama-2012-02-16");
            assertThat(alert.getBaseline()).isNull();
            assertThat(alert.getSeverity()).isEqualTo(Severity.MEDIUM);
        });
    }

    @Test
    void shouldRaiseASpikeOnlyAtFactorTimesTheTrailingBaseline() {
        // Given Homs with 10 and 12 killed on the two days before (baseline 11)
        report("Homs", DAY.minusDays(2), 10, "activists");
        report("Homs", DAY.minusDays(1), 12, "activists");

        // When a day of 32 is reported (under 3 x 11), then the next day 99 (over 3 x the new average of 18)
        List<Alert> belowFactor = report("Homs", DAY, 32, "activists");
        List<Alert> atFactor = report("Homs", DAY.plusDays(1), 99, "activists");

        // Then only the second is a spike, with the baseline and the factor in the headline
        assertThat(belowFactor).isEmpty();
        assertThat(atFactor).singleElement().satisfies(alert -> {
            assertThat(alert.getStatus()).isEqualTo(AlertStatus.NEW);
            assertThat(alert.getBaseline()).isEqualTo((10 + 12 + 32) / 3.0);
            assertThat(alert.getHeadline())
                    .isEqualTo("Homs: 99 killed on 2012-02-07 (activists), 5.5× the trailing average");
            assertThat(alert.getSeverity()).isEqualTo(Severity.HIGH);
        });
    }

    @Test
    void shouldIgnoreHistoryOlderThanTheBaselineDays() {
        // Given a day of 100 eight days earlier, outside the 7-day baseline
        report("Idlib", DAY.minusDays(8), 100, "activists");

        // When a day of 25 is reported
        List<Alert> alerts = report("Idlib", DAY, 25, "activists");

        // Then the place counts as having no recent history: 25 reaches the minimum and is a spike
        assertThat(alerts).extracting(Alert::getId).containsExactly("cas-idlib-2012-02-06");
    }

    @Test
    void shouldUpdateASpikeWithTheRangeAndKeepTheFigureMostSourcesGive() {
        // Given a spike of 95 (activists)
        report("Homs", DAY, 95, "activists");

        // When other articles give 70 and then 95 again (state media)
        Alert conflicting = single(report("Homs", DAY, 70, "activists"));
        Alert corroborated = single(report("Homs", DAY, 95, "state media"));

        // Then both are UPDATEs of the same id carrying the range, never new spikes
        assertThat(conflicting.getStatus()).isEqualTo(AlertStatus.UPDATE);
        assertThat(conflicting.getId()).isEqualTo("cas-homs-2012-02-06");
        assertThat(conflicting.getHeadline()).isEqualTo("Homs: 70–95 killed on 2012-02-06 (activists)");
        assertThat(corroborated.getCount()).isEqualTo(95);
        assertThat(corroborated.getCountLow()).isEqualTo(70);
        assertThat(corroborated.getCountHigh()).isEqualTo(95);
        assertThat(corroborated.getSources()).isEqualTo(3);
        assertThat(corroborated.getRevision()).isEqualTo(2);
        assertThat(corroborated.getHeadline()).isEqualTo("Homs: 70–95 killed on 2012-02-06 (activists, state media)");
        assertThat(corroborated.getEvidence())
                .extracting(e -> e.getAttributedTo() + ":" + e.getCount())
                .containsExactly("activists:95", "activists:70", "state media:95");
    }

    @Test
    void shouldNeitherCountARestatementNorAddAFurtherFigureToAnother() {
        // Given one article: 19 on Tuesday, the same 19 restated, and "a further 19" the same day
        CasualtyFigure first =
                killed(19, "some 19", CountBound.ABOUT, "Homs", DAY, "activists", "Some 19 were killed.", 1);
        CasualtyFigure restated = withFlags(
                killed(19, "19", CountBound.EXACT, "Homs", DAY, "activists", "The 19 dead included children.", 2),
                true,
                false);
        CasualtyFigure further = withFlags(
                killed(
                        19,
                        "A further 19",
                        CountBound.EXACT,
                        "Homs",
                        DAY,
                        "activists",
                        "A further 19 people were killed in Tuesday's barrage.",
                        3),
                false,
                true);

        // When it is processed
        List<Alert> alerts = process("Homs", first, restated, further);

        // Then the day's toll is 19, not 38 or 57: below the minimum, no spike
        assertThat(alerts).isEmpty();
        assertThat(history.days()).containsExactly(new PlaceHistory.DayCount(DAY, 19));
    }

    @Test
    void shouldIgnoreWoundedAndMultiDayFigures() {
        // Given an article with 100 wounded on a day and 300 killed over five days
        CasualtyFigure wounded = CasualtyFigure.newBuilder(
                        killed(100, "100", CountBound.EXACT, "Homs", DAY, null, "100 were wounded.", 0))
                .setKind(CasualtyKind.WOUNDED)
                .build();
        CasualtyFigure fiveDays = figure(
                300,
                "over 300",
                CountBound.MORE_THAN,
                "Homs",
                CasualtyPeriod.MULTI_DAY,
                DAY,
                "activists",
                "Over 300 lives in the last five days.",
                1);

        // Then the article gives no place a toll at all
        assertThat(CasualtySpikeDetector.places(articleOf(wounded, fiveDays))).isEmpty();
    }

    @Test
    void shouldRaiseASpikeWhenASourcesRunningTotalJumps() {
        // Given the UN's total of 5,400 as of 31 January
        List<Alert> first = process("Syria", total(5400, "the UN", LocalDate.of(2012, 1, 31)));

        // When the UN gives 6,000 as of 3 February: 200 a day
        Alert jump = single(process("Syria", total(6000, "United Nations", LocalDate.of(2012, 2, 3))));

        // Then the jump is a spike of its own, naming both totals
        assertThat(first).isEmpty();
        assertThat(jump.getId()).isEqualTo("cas-syria-2012-02-03-total");
        assertThat(jump.getStatus()).isEqualTo(AlertStatus.NEW);
        assertThat(jump.getCount()).isEqualTo(600);
        assertThat(jump.getCountLow()).isEqualTo(5400);
        assertThat(jump.getCountHigh()).isEqualTo(6000);
        assertThat(jump.getHeadline())
                .isEqualTo(
                        "Syria: reported death toll rose from 5,400 (2012-01-31) to 6,000 (2012-02-03) (United Nations), about 200 a day");
    }

    @Test
    void shouldNotCompareTheTotalsOfDifferentSources() {
        // Given the UN's 5,400 as of 31 January
        process("Syria", total(5400, "United Nations", LocalDate.of(2012, 1, 31)));

        // When rights groups give 7,000 as of 7 February, and the UN later a lower 5,000
        List<Alert> rightsGroups = process("Syria", total(7000, "rights groups", LocalDate.of(2012, 2, 7)));
        List<Alert> lowerUn = process("Syria", total(5000, "United Nations", LocalDate.of(2012, 2, 7)));

        // Then neither is a jump
        assertThat(rightsGroups).isEmpty();
        assertThat(lowerUn).isEmpty();
    }

    @Test
    void shouldCarryTheFirstAndLatestEvidenceOfASpikeButCountEveryReport() {
        // Given a spike of 95 in Homs
        report("Homs", DAY, 95, "activists");

        // When 59 more articles report the same day, the last with 90
        Alert last = null;
        for (int i = 2; i <= 60; i++) {
            last = single(report("Homs", DAY, i == 60 ? 90 : 95, "activists"));
        }

        // Then the last UPDATE counts all 60 reports and the full range, but carries reports 1-3 and 44-60 only
        assertThat(last.getRevision()).isEqualTo(59);
        assertThat(last.getSources()).isEqualTo(60);
        assertThat(last.getCount()).isEqualTo(95);
        assertThat(last.getCountLow()).isEqualTo(90);
        assertThat(last.getEvidence()).hasSize(EvidenceLimits.MAX_EVIDENCE);
        assertThat(last.getEvidence())
                .extracting(e -> e.getArticleId())
                .startsWith("a1", "a2", "a3", "a44")
                .endsWith("a60");
        assertThat(last.getOutlets()).hasSize(EvidenceLimits.MAX_OUTLETS).startsWith("Outlet 1");
        assertThat(days.get(DAY).reports()).hasSize(60);
    }

    private CasualtyFigure total(int count, String source, LocalDate asOf) {
        return figure(
                count,
                Integer.toString(count),
                CountBound.MORE_THAN,
                "Syria",
                CasualtyPeriod.CUMULATIVE,
                asOf,
                source,
                count + " people have been killed in Syria since March, " + source + " says.",
                0);
    }

    @Test
    void shouldNeverRaiseASpikeFromAVagueCount() {
        // Given "scores were killed" in Homs, with no history
        List<Alert> alerts = process(
                "Homs",
                killed(40, "scores", CountBound.VAGUE, "Homs", DAY, "activists", "Scores were killed in Homs.", 0));

        // Then nothing is raised: a vague word is no figure an operator can act on
        assertThat(alerts).isEmpty();
    }

    @Test
    void shouldNeverRaiseASpikeForADayLongBeforeTheArticle() {
        // Given an article published on 7 February telling of 300 killed on 10 January
        List<Alert> alerts = report("Hama", DAY.minusDays(27), 300, "activists");

        // Then it is history, not news
        assertThat(alerts).isEmpty();
    }

    @Test
    void shouldFoldAnUndatedIncidentTollIntoTheSpikeOfTheDayBefore() {
        // Given a spike of 60 killed in Houla on 6 February
        Alert raised = single(report("Houla", DAY, 60, "activists"));

        // When an article of 7 February reports 92 killed "in the massacre" without a date
        CasualtyFigure undated = figure(
                92,
                "92",
                CountBound.EXACT,
                "Houla",
                CasualtyPeriod.DAY,
                null,
                "monitors",
                "Monitors counted 92 bodies after the massacre in Houla.",
                1);
        Alert update = single(process("Houla", undated));

        // Then it is a later report of the same event: an UPDATE of the same alert
        assertThat(update.getStatus()).isEqualTo(AlertStatus.UPDATE);
        assertThat(update.getId()).isEqualTo(raised.getId());
        assertThat(update.getCountHigh()).isEqualTo(92);
    }

    @Test
    void shouldCountATollOfAFewDaysAsItsLastDays() {
        // Given "at least 53 villagers were killed this week"
        CasualtyFigure week = CasualtyFigure.newBuilder(figure(
                        53,
                        "at least 53",
                        CountBound.AT_LEAST,
                        "Ituri",
                        CasualtyPeriod.MULTI_DAY,
                        DAY,
                        "officials",
                        "At least 53 villagers were killed this week.",
                        0))
                .setPeriodStart(DAY.minusDays(4))
                .build();

        // Then it raises a spike on the period's last day
        assertThat(single(process("Ituri", week)).getEventDate()).isEqualTo(DAY);
    }

    @Test
    void shouldNameThePlacesRegionAndCountryAndCarryItsCoordinates() {
        CasualtyFigure located = CasualtyFigure.newBuilder(
                        killed(70, "70", CountBound.EXACT, "Djibo", DAY, "officials", "70 were killed in Djibo.", 0))
                .setPlaceCountryCode("BF")
                .setPlaceRegion("Sahel")
                .setLatitude(14.1)
                .setLongitude(-1.63)
                .build();

        Alert alert = single(process("Djibo", located));

        assertThat(alert.getHeadline()).startsWith("Djibo (Sahel, Burkina Faso): 70 killed on 2012-02-06");
        assertThat(alert.getPlaceCountryCode()).isEqualTo("BF");
        assertThat(alert.getLatitude()).isEqualTo(14.1);
        assertThat(alert.getCountries()).containsExactly("BF");
    }

    private List<Alert> report(String place, LocalDate day, int count, String source) {
        return process(
                place,
                killed(
                        count,
                        Integer.toString(count),
                        CountBound.EXACT,
                        place,
                        day,
                        source,
                        count + " people were killed in " + place + ".",
                        0));
    }

    private List<Alert> process(String place, CasualtyFigure... figures) {
        EnrichedArticle article = articleOf(figures);
        Map<LocalDate, CasualtyDayState> stored = new HashMap<>();
        CasualtySpikeDetector.reportedDays(place, article).forEach(day -> {
            if (days.containsKey(day)) {
                stored.put(day, days.get(day));
            }
        });
        CasualtySpikeDetector.Outcome outcome = detector.apply(place, history, stored, article, NOW);
        days.putAll(outcome.days());
        history = outcome.history();
        return outcome.alerts();
    }

    private EnrichedArticle articleOf(CasualtyFigure... figures) {
        articles++;
        return article(
                "a" + articles,
                "Outlet " + articles,
                "https://example.org/" + articles,
                "Title",
                DAY.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                List.of(),
                List.of(figures));
    }

    private static Alert single(List<Alert> alerts) {
        assertThat(alerts).hasSize(1);
        return alerts.get(0);
    }
}
