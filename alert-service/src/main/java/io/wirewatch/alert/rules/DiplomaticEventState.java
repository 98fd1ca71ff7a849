package io.wirewatch.alert.rules;

import io.wirewatch.schema.DiplomaticActionType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything the alert service remembers about one diplomatic event (one {@link DiplomaticEventKey}): its alert id,
 * the actions seen in order, the event-time span used by the novelty window, and the evidence of every article.
 *
 * @param actions         each action type seen for the event, in the order first reported, with its CAMEO code
 * @param firstEventDate  earliest event date reported; part of the alert id
 * @param lastEventDate   latest event date reported; the novelty window runs from it
 * @param background      true while the event is known only from background mentions
 * @param revision        0 for the NEW alert, incremented with every UPDATE
 */
public record DiplomaticEventState(String alertId, String actor, List<String> actorMembers, String target,
                                   ActionFamily family, List<SeenAction> actions, LocalDate firstEventDate,
                                   LocalDate lastEventDate, boolean background, int revision, Instant firstSeen,
                                   Instant lastUpdated, List<EvidenceEntry> evidence) {

    /** One action type of the event and its CAMEO code. */
    public record SeenAction(DiplomaticActionType action, String cameoCode) {
    }

    public DiplomaticEventState {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(family, "family");
        actorMembers = List.copyOf(actorMembers);
        actions = List.copyOf(actions);
        evidence = List.copyOf(evidence);
    }

    public boolean hasEvidenceFrom(String articleId) {
        return evidence.stream().anyMatch(entry -> entry.articleId().equals(articleId));
    }

    public List<DiplomaticActionType> actionTypes() {
        return actions.stream().map(SeenAction::action).toList();
    }
}
