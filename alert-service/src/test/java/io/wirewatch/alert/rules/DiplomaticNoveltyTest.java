package io.wirewatch.alert.rules;

import static io.wirewatch.alert.EnrichedSeeds.action;
import static io.wirewatch.alert.EnrichedSeeds.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AlertStatus;
import io.wirewatch.schema.DiplomaticAction;
import io.wirewatch.schema.DiplomaticActionType;
import io.wirewatch.schema.EnrichedArticle;
import io.wirewatch.schema.Modality;
import io.wirewatch.schema.Severity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DiplomaticNoveltyTest {

    private static final LocalDate DAY = LocalDate.of(2012, 2, 6);
    private static final Instant NOW = Instant.parse("2012-02-07T12:00:00Z");

    private final DiplomaticNovelty novelty = new DiplomaticNovelty(RuleSettings.DEFAULTS);

    @Test
    void shouldRaiseNewForAnAssertedActionNeverSeenBefore() {
        // Given an article asserting that the US closed its embassy in Syria on a day
        EnrichedArticle article = articleWith("a1", "BBC", DAY, closure("United States", DAY, Modality.ASSERTED));
        DiplomaticEventKey key = onlyKey(article);

        // When nothing is stored for the event
        RuleOutcome<DiplomaticEventState> outcome = novelty.apply(key, null, article, NOW);

        // Then one NEW alert with a readable id, the article as evidence, and state to store
        assertThat(outcome.changed()).isTrue();
        Alert alert = onlyAlert(outcome);
        assertThat(alert.getStatus()).isEqualTo(AlertStatus.NEW);
        assertThat(alert.getId()).isEqualTo("dip-united-states-downgrade-syria-2012-02-06");
        assertThat(alert.getHeadline()).isEqualTo("US closes its embassy in Syria");
        assertThat(alert.getSeverity()).isEqualTo(Severity.HIGH);
        assertThat(alert.getSources()).isEqualTo(1);
        assertThat(alert.getFirstSeen()).isEqualTo(NOW);
        assertThat(alert.getEvidence()).singleElement().satisfies(e -> {
            assertThat(e.getArticleId()).isEqualTo("a1");
            assertThat(e.getOutlet()).isEqualTo("BBC");
            assertThat(e.getSeenAt()).isEqualTo(NOW);
        });
        assertThat(outcome.state().alertId()).isEqualTo(alert.getId());
    }

    @Test
    void shouldUpdateTheSameAlertWhenAnotherOutletReportsTheEventUnderAnAlias() {
        // Given the closure raised from one article
        EnrichedArticle bbc = articleWith("a1", "BBC", DAY, closure("United States", DAY, Modality.ASSERTED));
        DiplomaticEventState stored =
                novelty.apply(onlyKey(bbc), null, bbc, NOW).state();

        // When another outlet reports it with the actor written "U.S." and no date
        EnrichedArticle cbc = articleWith("a2", "CBC", DAY.plusDays(1), closure("U.S.", null, Modality.ASSERTED));
        assertThat(onlyKey(cbc)).isEqualTo(onlyKey(bbc));
        RuleOutcome<DiplomaticEventState> outcome = novelty.apply(onlyKey(cbc), stored, cbc, NOW.plusSeconds(60));

        // Then the same id is updated with two sources and both outlets
        Alert alert = onlyAlert(outcome);
        assertThat(alert.getStatus()).isEqualTo(AlertStatus.UPDATE);
        assertThat(alert.getId()).isEqualTo("dip-united-states-downgrade-syria-2012-02-06");
        assertThat(alert.getRevision()).isEqualTo(1);
        assertThat(alert.getSources()).isEqualTo(2);
        assertThat(alert.getOutlets()).containsExactly("BBC", "CBC");
        assertThat(alert.getFirstSeen()).isEqualTo(NOW);
        assertThat(alert.getLastUpdated()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void shouldUpdateWithinTheNoveltyWindowAndRaiseANewAlertAfterIt() {
        // Given the closure raised on a day
        EnrichedArticle first = articleWith("a1", "BBC", DAY, closure("United States", DAY, Modality.ASSERTED));
        DiplomaticEventState stored =
                novelty.apply(onlyKey(first), null, first, NOW).state();

        // When the same action is reported for 30 days later, and (separately) for 31 days later
        EnrichedArticle within = articleWith(
                "a2", "CBC", DAY.plusDays(30), closure("United States", DAY.plusDays(30), Modality.ASSERTED));
        EnrichedArticle after = articleWith(
                "a3", "CBC", DAY.plusDays(31), closure("United States", DAY.plusDays(31), Modality.ASSERTED));

        // Then 30 days on is the same event; 31 days on is a new one with its own id
        assertThat(onlyAlert(novelty.apply(onlyKey(within), stored, within, NOW))
                        .getStatus())
                .isEqualTo(AlertStatus.UPDATE);
        Alert recurrence = onlyAlert(novelty.apply(onlyKey(after), stored, after, NOW));
        assertThat(recurrence.getStatus()).isEqualTo(AlertStatus.NEW);
        assertThat(recurrence.getId()).isEqualTo("dip-united-states-downgrade-syria-2012-03-08");
        assertThat(recurrence.getSources()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(
            value = Modality.class,
            names = {"THREATENED", "PLANNED", "NEGATED", "REVERSED"})
    void shouldNeverRaiseOrUpdateForActionsThatWereNotDone(Modality modality) {
        // Given an article reporting an expulsion only as threatened, planned, denied or reversed
        EnrichedArticle article = articleWith(
                "a1",
                "BBC",
                DAY,
                action(
                        DiplomaticActionType.EXPEL_DIPLOMATS,
                        "France",
                        List.of(),
                        "Syria",
                        DAY,
                        modality,
                        "expel",
                        "France may expel Syria's envoy.",
                        0));

        // Then the article reports no event to alert on, and the rule changes nothing even when asked
        assertThat(DiplomaticNovelty.eventKeys(article)).isEmpty();
        DiplomaticEventKey key = new DiplomaticEventKey("France", ActionFamily.DOWNGRADE, "Syria");
        RuleOutcome<DiplomaticEventState> outcome = novelty.apply(key, null, article, NOW);
        assertThat(outcome.alerts()).isEmpty();
        assertThat(outcome.changed()).isFalse();
    }

    @Test
    void shouldRaiseNothingForAnUnseenEventKnownOnlyAsBackgroundAndRaiseWhenItIsAsserted() {
        // Given a veto mentioned only as background
        EnrichedArticle background = articleWith("a1", "BBC", DAY, veto(Modality.BACKGROUND));
        RuleOutcome<DiplomaticEventState> first = novelty.apply(onlyKey(background), null, background, NOW);

        // Then nothing is raised or stored: context is not news
        assertThat(first.alerts()).isEmpty();
        assertThat(first.changed()).isFalse();

        // When a later article asserts it
        EnrichedArticle asserted = articleWith("a2", "CBC", DAY, veto(Modality.ASSERTED));
        Alert raised = onlyAlert(novelty.apply(onlyKey(asserted), first.state(), asserted, NOW));

        // Then that article raises it, at its real severity
        assertThat(raised.getStatus()).isEqualTo(AlertStatus.NEW);
        assertThat(raised.getBackground()).isFalse();
        assertThat(raised.getSeverity()).isEqualTo(Severity.MEDIUM);
        assertThat(raised.getHeadline()).isEqualTo("Russia vetoes UN resolution on Syria");
    }

    @Test
    void shouldLetABackgroundMentionCorroborateAnEventAlreadyRaised() {
        // Given a veto raised from an article reporting it as news
        EnrichedArticle asserted = articleWith("a1", "BBC", DAY, veto(Modality.ASSERTED));
        DiplomaticEventState stored =
                novelty.apply(onlyKey(asserted), null, asserted, NOW).state();

        // When a later article mentions it as background
        EnrichedArticle background = articleWith("a2", "CBC", DAY, veto(Modality.BACKGROUND));
        Alert updated = onlyAlert(novelty.apply(onlyKey(background), stored, background, NOW));

        // Then it is one more source of the same alert
        assertThat(updated.getStatus()).isEqualTo(AlertStatus.UPDATE);
        assertThat(updated.getSources()).isEqualTo(2);
    }

    @Test
    void shouldRaiseNothingForAnActionWithoutATargetButAVeto() {
        // Given an expulsion whose target the extractor could not name
        EnrichedArticle article = articleWith(
                "a1",
                "BBC",
                DAY,
                action(
                        DiplomaticActionType.EXPEL_DIPLOMATS,
                        "Turkey",
                        List.of(),
                        null,
                        DAY,
                        Modality.ASSERTED,
                        "expels",
                        "Turkey expels envoys.",
                        0));

        // Then no alert: an operator cannot act on an expulsion of nobody in particular
        RuleOutcome<DiplomaticEventState> outcome = novelty.apply(onlyKey(article), null, article, NOW);
        assertThat(outcome.alerts()).isEmpty();

        // While a veto, whose object is a draft resolution, raises without a target state
        EnrichedArticle veto = articleWith(
                "a2",
                "BBC",
                DAY,
                action(
                        DiplomaticActionType.VETO_RESOLUTION,
                        "Russia",
                        List.of(),
                        null,
                        DAY,
                        Modality.ASSERTED,
                        "vetoed",
                        "Russia vetoed the draft.",
                        0));
        assertThat(onlyAlert(novelty.apply(onlyKey(veto), null, veto, NOW)).getAction())
                .isEqualTo("VETO_RESOLUTION");
    }

    @Test
    void shouldIgnoreAnOlderSeparateEventToldAsHistory() {
        // Given France's recall of February stored
        EnrichedArticle recall = articleWith(
                "a1",
                "BBC",
                DAY,
                action(
                        DiplomaticActionType.RECALL_AMBASSADOR,
                        "France",
                        List.of(),
                        "Syria",
                        DAY,
                        Modality.ASSERTED,
                        "recalled",
                        "France recalled its ambassador.",
                        0));
        DiplomaticEventState stored =
                novelty.apply(onlyKey(recall), null, recall, NOW).state();

        // When another article only recalls that France closed posts in November
        EnrichedArticle history = articleWith(
                "a2",
                "CBC",
                DAY,
                action(
                        DiplomaticActionType.CLOSE_EMBASSY,
                        "France",
                        List.of(),
                        "Syria",
                        LocalDate.of(2011, 11, 1),
                        Modality.BACKGROUND,
                        "closed",
                        "In November, the country briefly closed consular and cultural posts in Syria.",
                        9));
        RuleOutcome<DiplomaticEventState> outcome = novelty.apply(onlyKey(history), stored, history, NOW);

        // Then nothing changes
        assertThat(outcome.alerts()).isEmpty();
        assertThat(outcome.state()).isSameAs(stored);
    }

    @Test
    void shouldChangeNothingForAnArticleAlreadyCounted() {
        // Given an event raised from an article
        EnrichedArticle article = articleWith("a1", "BBC", DAY, closure("United States", DAY, Modality.ASSERTED));
        DiplomaticEventState stored =
                novelty.apply(onlyKey(article), null, article, NOW).state();

        // When the same article is seen again
        RuleOutcome<DiplomaticEventState> again = novelty.apply(onlyKey(article), stored, article, NOW);

        // Then no alert and no state change
        assertThat(again.alerts()).isEmpty();
        assertThat(again.changed()).isFalse();
    }

    @Test
    void shouldCombineAGroupsRecallAndExpulsionIntoOneAlertNamingItsMembers() {
        // Given one article in which the GCC (written "GCC", members not given) recalls and expels
        String sentence = "The GCC said its members were recalling their ambassadors and expelling Syrian envoys.";
        EnrichedArticle article = articleWith(
                "a1",
                "BBC",
                DAY,
                action(
                        DiplomaticActionType.RECALL_AMBASSADOR,
                        "GCC",
                        List.of(),
                        "Syria",
                        null,
                        Modality.ASSERTED,
                        "recalling",
                        sentence,
                        0),
                action(
                        DiplomaticActionType.EXPEL_DIPLOMATS,
                        "GCC",
                        List.of(),
                        "Syria",
                        null,
                        Modality.ASSERTED,
                        "expelling",
                        sentence,
                        0));

        // When it is processed
        Alert alert = onlyAlert(novelty.apply(onlyKey(article), null, article, NOW));

        // Then one alert names the group, its known members and both actions, dated by publication
        assertThat(alert.getHeadline()).isEqualTo("GCC withdraws ambassadors from Syria and expels Syrian envoys");
        assertThat(alert.getActor()).isEqualTo("Gulf Cooperation Council");
        assertThat(alert.getActorMembers()).hasSize(6).contains("Saudi Arabia", "Qatar");
        assertThat(alert.getAction()).isEqualTo("EXPEL_DIPLOMATS");
        assertThat(alert.getSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(alert.getEventDate()).isEqualTo(DAY);
        assertThat(alert.getEvidence())
                .singleElement()
                .satisfies(e -> assertThat(e.getSentence()).isEqualTo(sentence));
    }

    @Test
    void shouldCarryTheFirstAndLatestEvidenceButCountEverySourceOfALongRunningStory() {
        // Given an event reported by 100 articles, each from its own outlet
        DiplomaticEventState stored = null;
        Alert last = null;
        for (int i = 1; i <= 100; i++) {
            EnrichedArticle article =
                    articleWith("a" + i, "Outlet " + i, DAY, closure("United States", DAY, Modality.ASSERTED));
            RuleOutcome<DiplomaticEventState> outcome =
                    novelty.apply(onlyKey(article), stored, article, NOW.plusSeconds(i));
            stored = outcome.state();
            last = onlyAlert(outcome);
        }

        // Then the last UPDATE counts all 100 sources but carries only articles 1-3 and 84-100, oldest first
        assertThat(last.getRevision()).isEqualTo(99);
        assertThat(last.getSources()).isEqualTo(100);
        List<String> expected = new java.util.ArrayList<>(List.of("a1", "a2", "a3"));
        for (int i = 84; i <= 100; i++) {
            expected.add("a" + i);
        }
        assertThat(last.getEvidence()).extracting(e -> e.getArticleId()).containsExactlyElementsOf(expected);
        assertThat(last.getOutlets()).hasSize(EvidenceLimits.MAX_OUTLETS).startsWith("Outlet 1", "Outlet 2");
        assertThat(stored.evidence()).hasSize(20);
        assertThat(stored.sources()).isEqualTo(100);
        assertThat(stored.recentArticleIds()).hasSize(100);

        // When article 50, no longer in the evidence but among the recent ids, is delivered again
        EnrichedArticle again = articleWith("a50", "Outlet 50", DAY, closure("United States", DAY, Modality.ASSERTED));
        RuleOutcome<DiplomaticEventState> outcome = novelty.apply(onlyKey(again), stored, again, NOW.plusSeconds(500));

        // Then it is recognised: no alert and the state unchanged
        assertThat(outcome.alerts()).isEmpty();
        assertThat(outcome.changed()).isFalse();
        assertThat(outcome.state()).isEqualTo(stored);
    }

    @Test
    void shouldRememberOnlyTheLatestArticleIdsOfAnEvent() {
        // Given an event reported by 600 articles
        DiplomaticEventState stored = null;
        for (int i = 1; i <= 600; i++) {
            EnrichedArticle article =
                    articleWith("a" + i, "BBC", DAY, closure("United States", DAY, Modality.ASSERTED));
            stored = novelty.apply(onlyKey(article), stored, article, NOW).state();
        }

        // Then it keeps the ids of the latest 500 and the evidence of 20, and counts all 600
        assertThat(stored.recentArticleIds())
                .hasSize(EvidenceLimits.RECENT_ARTICLE_IDS)
                .startsWith("a101")
                .endsWith("a600");
        assertThat(stored.evidence()).hasSize(EvidenceLimits.MAX_EVIDENCE);
        assertThat(stored.sources()).isEqualTo(600);
        assertThat(stored.outlets()).containsExactly("BBC");
        assertThat(stored.hasEvidenceFrom("a2")).isTrue();
        assertThat(stored.hasEvidenceFrom("a101")).isTrue();
    }

    private static DiplomaticAction closure(String actor, LocalDate date, Modality modality) {
        return action(
                DiplomaticActionType.CLOSE_EMBASSY,
                actor,
                List.of(),
                "Syria",
                date,
                modality,
                "closed its embassy",
                "The " + actor + " closed its embassy in Syria.",
                0);
    }

    private static DiplomaticAction veto(Modality modality) {
        return action(
                DiplomaticActionType.VETO_RESOLUTION,
                "Russia",
                List.of(),
                "Syria",
                DAY.minusDays(2),
                modality,
                "vetoed",
                "Russia and China vetoed a UN resolution on Syria.",
                0);
    }

    private static EnrichedArticle articleWith(
            String id, String outlet, LocalDate published, DiplomaticAction... actions) {
        return article(
                id,
                outlet,
                "https://example.org/" + id,
                "Title " + id,
                published.atTime(12, 0).toInstant(ZoneOffset.UTC),
                List.of(actions),
                List.of());
    }

    private static DiplomaticEventKey onlyKey(EnrichedArticle article) {
        assertThat(DiplomaticNovelty.eventKeys(article)).hasSize(1);
        return DiplomaticNovelty.eventKeys(article).iterator().next();
    }

    private static Alert onlyAlert(RuleOutcome<?> outcome) {
        assertThat(outcome.alerts()).hasSize(1);
        return outcome.alerts().get(0);
    }
}
