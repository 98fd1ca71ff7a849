package io.wirewatch.alert.http;

import static io.wirewatch.alert.http.AlertFixtures.MORNING;
import static io.wirewatch.alert.http.AlertFixtures.casualtyAt;
import static io.wirewatch.alert.http.AlertFixtures.corroborated;
import static io.wirewatch.alert.http.AlertFixtures.gulfAmbassadorsRecalled;
import static io.wirewatch.alert.http.AlertFixtures.homsCasualtySpike;
import static io.wirewatch.alert.http.AlertFixtures.usEmbassyClosed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.schema.Alert;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertFilterTest {

    private final InMemoryAlertQueries queries = new InMemoryAlertQueries();

    AlertFilterTest() {
        queries.putAll(List.of(gulfAmbassadorsRecalled(), homsCasualtySpike(), usEmbassyClosed()));
    }

    @Test
    void shouldReturnEverythingNewestFirstWithoutFilters() {
        // When no filter is given
        List<Alert> found = queries.find(filter(Map.of()));

        // Then all alerts come back, latest lastUpdated first
        assertThat(ids(found))
                .containsExactly(
                        "cas-homs-2012-02-06", "dip-gcc-recall-syr-2012-02-07", "dip-usa-close-embassy-syr-2012-02-06");
    }

    @Test
    void shouldKeepOnlyTheRequestedTypeAndStatusIgnoringCase() {
        // Given the Homs alert has been corroborated (now an UPDATE)
        queries.put(
                corroborated(homsCasualtySpike(), "Reuters", "Reuters counted 55 dead.", MORNING.plusSeconds(3600)));

        // When filtering by type or by status
        List<Alert> diplomatic = queries.find(filter(Map.of("type", "diplomatic_action")));
        List<Alert> casualties = queries.find(filter(Map.of("type", "CASUALTY_SPIKE")));
        List<Alert> updates = queries.find(filter(Map.of("status", "update")));
        List<Alert> newOnes = queries.find(filter(Map.of("status", "NEW")));

        // Then only matching alerts are returned
        assertThat(ids(diplomatic))
                .containsExactly("dip-gcc-recall-syr-2012-02-07", "dip-usa-close-embassy-syr-2012-02-06");
        assertThat(ids(casualties)).containsExactly("cas-homs-2012-02-06");
        assertThat(ids(updates)).containsExactly("cas-homs-2012-02-06");
        assertThat(ids(newOnes))
                .containsExactly("dip-gcc-recall-syr-2012-02-07", "dip-usa-close-embassy-syr-2012-02-06");
    }

    @Test
    void shouldCompareADaySinceWithTheEventDate() {
        // When asking for events from 7 February on
        List<Alert> found = queries.find(filter(Map.of("since", "2012-02-07")));

        // Then only the alert about an event of that day is returned (Homs and the embassy are events of the 6th)
        assertThat(ids(found)).containsExactly("dip-gcc-recall-syr-2012-02-07");
    }

    @Test
    void shouldJudgeAnAlertWithoutEventDateByTheDayItWasLastUpdated() {
        // Given an alert with no event date, last updated on 8 February
        queries.put(Alert.newBuilder(casualtyAt("cas-idlib", "Idlib", MORNING.plusSeconds(86_400)))
                .setEventDate(null)
                .build());

        // When asking for events from 8 February on
        List<Alert> found = queries.find(filter(Map.of("since", "2012-02-08")));

        // Then it is the one returned
        assertThat(ids(found)).containsExactly("cas-idlib");
    }

    @Test
    void shouldCompareAnInstantSinceWithLastUpdated() {
        // When asking what changed since 09:30 on 7 February (inclusive)
        List<Alert> found = queries.find(filter(Map.of("since", "2012-02-07T09:30:00Z")));

        // Then the alerts updated at or after that instant are returned, not the older one
        assertThat(ids(found)).containsExactly("cas-homs-2012-02-06", "dip-gcc-recall-syr-2012-02-07");
    }

    @Test
    void shouldMatchPlaceIgnoringCaseAndSpaces() {
        // When filtering by place written differently
        List<Alert> found = queries.find(filter(Map.of("place", "  hOmS ")));
        List<Alert> none = queries.find(filter(Map.of("place", "Hama")));

        // Then the Homs alert matches and no other place does
        assertThat(ids(found)).containsExactly("cas-homs-2012-02-06");
        assertThat(none).isEmpty();
    }

    @Test
    void shouldMatchActorByNameOrByGroupMember() {
        // When filtering by the group's name, by one of its members, and by a state acting alone
        List<Alert> byGroup = queries.find(filter(Map.of("actor", "gulf cooperation council")));
        List<Alert> byMember = queries.find(filter(Map.of("actor", "QATAR")));
        List<Alert> byState = queries.find(filter(Map.of("actor", "United States")));

        // Then the group's alert matches both ways and the state's own alert only by its name
        assertThat(ids(byGroup)).containsExactly("dip-gcc-recall-syr-2012-02-07");
        assertThat(ids(byMember)).containsExactly("dip-gcc-recall-syr-2012-02-07");
        assertThat(ids(byState)).containsExactly("dip-usa-close-embassy-syr-2012-02-06");
    }

    @Test
    void shouldCombineFiltersAndApplyTheLimitAfterSorting() {
        // Given many casualty alerts an hour apart
        for (int hour = 1; hour <= 5; hour++) {
            queries.put(casualtyAt("cas-" + hour, "Hama", MORNING.plusSeconds(3600L * hour)));
        }

        // When asking for the two latest in Hama
        List<Alert> found = queries.find(filter(Map.of("place", "Hama", "type", "CASUALTY_SPIKE", "limit", "2")));

        // Then the two most recent are returned, newest first
        assertThat(ids(found)).containsExactly("cas-5", "cas-4");
    }

    @Test
    void shouldKeepAlertsAtOrAboveTheMinimumSeverity() {
        // Given alerts of severity HIGH (Gulf), CRITICAL (Homs) and MEDIUM (US)
        // When asking for HIGH and above, for CRITICAL only, and for LOW and above
        List<Alert> high = queries.find(filter(Map.of("severity", "high")));
        List<Alert> critical = queries.find(filter(Map.of("severity", "CRITICAL")));
        List<Alert> low = queries.find(filter(Map.of("severity", "LOW")));

        // Then the minimum is inclusive and ordered LOW < MEDIUM < HIGH < CRITICAL
        assertThat(ids(high)).containsExactly("cas-homs-2012-02-06", "dip-gcc-recall-syr-2012-02-07");
        assertThat(ids(critical)).containsExactly("cas-homs-2012-02-06");
        assertThat(low).hasSize(3);
    }

    @Test
    void shouldMatchACountryAsActorMemberTargetOrPlace() {
        // When filtering by a member of the acting bloc, the bloc, the target, and the acting state
        List<Alert> member = queries.find(filter(Map.of("country", "sa")));
        List<Alert> bloc = queries.find(filter(Map.of("country", "GCC")));
        List<Alert> target = queries.find(filter(Map.of("country", "SY")));
        List<Alert> actor = queries.find(filter(Map.of("country", "US")));
        List<Alert> elsewhere = queries.find(filter(Map.of("country", "FR")));

        // Then Saudi Arabia finds what the GCC did, Syria finds every alert about it (target and place of Homs)
        assertThat(ids(member)).containsExactly("dip-gcc-recall-syr-2012-02-07");
        assertThat(ids(bloc)).containsExactly("dip-gcc-recall-syr-2012-02-07");
        assertThat(ids(target))
                .containsExactly(
                        "cas-homs-2012-02-06", "dip-gcc-recall-syr-2012-02-07", "dip-usa-close-embassy-syr-2012-02-06");
        assertThat(ids(actor)).containsExactly("dip-usa-close-embassy-syr-2012-02-06");
        assertThat(elsewhere).isEmpty();
    }

    @Test
    void shouldFindEveryWordOfTheSearchInHeadlinePartiesPlaceOrEvidenceIgnoringCaseAndAccents() {
        // Given an alert whose place and headline are written with accents, without evidence yet
        queries.put(Alert.newBuilder(casualtyAt("cas-hama", "Ḥamāh", MORNING.plusSeconds(7200)))
                .setHeadline("Ḥamāh: 30 killed")
                .setPlaceRegion(null)
                .setEvidence(List.of())
                .setOutlets(List.of())
                .build());

        // When searching words that occur only in evidence, in members, across fields, or not at all
        List<Alert> inEvidence = queries.find(filter(Map.of("q", "DAMASCUS")));
        List<Alert> inMembers = queries.find(filter(Map.of("q", "qatar")));
        List<Alert> acrossFields = queries.find(filter(Map.of("q", "homs  opposition")));
        List<Alert> accentless = queries.find(filter(Map.of("q", "hamah")));
        List<Alert> inAttribution = queries.find(filter(Map.of("q", "activists")));
        List<Alert> oneWordMissing = queries.find(filter(Map.of("q", "homs embassy")));

        // Then an alert matches only when it holds every word somewhere
        assertThat(ids(inEvidence))
                .containsExactly("dip-gcc-recall-syr-2012-02-07", "dip-usa-close-embassy-syr-2012-02-06");
        assertThat(ids(inMembers)).containsExactly("dip-gcc-recall-syr-2012-02-07");
        assertThat(ids(acrossFields)).containsExactly("cas-homs-2012-02-06");
        assertThat(ids(accentless)).containsExactly("cas-hama");
        assertThat(ids(inAttribution)).containsExactly("cas-homs-2012-02-06");
        assertThat(oneWordMissing).isEmpty();
    }

    @Test
    void shouldBoundTheEventDayByFromAndToInclusive() {
        // When asking for one day, for a range starting on it, and for a range ending the day before
        List<Alert> sixth = queries.find(filter(Map.of("from", "2012-02-06", "to", "2012-02-06")));
        List<Alert> fromSeventh = queries.find(filter(Map.of("from", "2012-02-07")));
        List<Alert> untilFifth = queries.find(filter(Map.of("to", "2012-02-05")));

        // Then both ends are inclusive and compared with the event day
        assertThat(ids(sixth)).containsExactly("cas-homs-2012-02-06", "dip-usa-close-embassy-syr-2012-02-06");
        assertThat(ids(fromSeventh)).containsExactly("dip-gcc-recall-syr-2012-02-07");
        assertThat(untilFifth).isEmpty();
    }

    @Test
    void shouldNameTheParameterWhoseValueIsBad() {
        assertBadParameter(Map.of("type", List.of("EARTHQUAKE")), "type", "DIPLOMATIC_ACTION");
        assertBadParameter(Map.of("status", List.of("OLD")), "status", "UPDATE");
        assertBadParameter(Map.of("since", List.of("last tuesday")), "since", "ISO date");
        assertBadParameter(Map.of("since", List.of("2012-02-07T25:00:00Z")), "since", "instant");
        assertBadParameter(Map.of("limit", List.of("0")), "limit", "between 1 and 1000");
        assertBadParameter(Map.of("limit", List.of("many")), "limit", "whole number");
        assertBadParameter(Map.of("place", List.of("  ")), "place", "empty");
        assertBadParameter(Map.of("actr", List.of("Syria")), "actr", "Unknown parameter");
        assertBadParameter(Map.of("actor", List.of("Syria", "Iran")), "actor", "more than once");
        assertBadParameter(Map.of("severity", List.of("URGENT")), "severity", "CRITICAL");
        assertBadParameter(Map.of("country", List.of("Syria!")), "country", "alpha-2");
        assertBadParameter(Map.of("country", List.of("S")), "country", "alpha-2");
        assertBadParameter(Map.of("q", List.of("   ")), "q", "empty");
        assertBadParameter(Map.of("q", List.of("x".repeat(201))), "q", "at most 200");
        assertBadParameter(Map.of("from", List.of("6 Feb")), "from", "ISO date");
        assertBadParameter(Map.of("to", List.of("2012-02-30")), "to", "ISO date");
        assertBadParameter(Map.of("from", List.of("2012-02-07"), "to", List.of("2012-02-06")), "from", "after");
    }

    @Test
    void shouldKeepTheNewestVersionOfEachAlertWhateverTheArrivalOrder() {
        // Given an UPDATE that arrives before an older copy of the NEW version
        Alert update =
                corroborated(homsCasualtySpike(), "Reuters", "Reuters counted 55 dead.", MORNING.plusSeconds(3600));
        queries.put(update);
        queries.put(homsCasualtySpike());

        // When the alert is looked up
        Alert held = queries.byId("cas-homs-2012-02-06").orElseThrow();

        // Then the UPDATE is what is held
        assertThat(held.getRevision()).isEqualTo(1);
        assertThat(held.getSources()).isEqualTo(3);
        assertThat(queries.byId("no-such-alert")).isEmpty();
    }

    private static void assertBadParameter(Map<String, List<String>> query, String parameter, String messagePart) {
        assertThatThrownBy(() -> AlertFilter.fromQuery(query))
                .isInstanceOfSatisfying(
                        InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo(parameter))
                .hasMessageContaining(messagePart);
    }

    private static AlertFilter filter(Map<String, String> single) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        single.forEach((name, value) -> query.put(name, List.of(value)));
        return AlertFilter.fromQuery(query);
    }

    private static List<String> ids(List<Alert> alerts) {
        return alerts.stream().map(Alert::getId).toList();
    }
}
