package io.wirewatch.alert.rules;

import io.wirewatch.schema.DiplomaticActionType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything the alert service remembers about one diplomatic event (one {@link DiplomaticEventKey}): its alert id,
 * the actions seen in order, the event-time span used by the novelty window, and its support: how many articles,
 * from which outlets, and a bounded part of their evidence ({@link EvidenceLimits}), so the state and the alert stay
 * small however long the story runs.
 *
 * @param actions         each action type seen for the event, in the order first reported, with its CAMEO code
 * @param firstEventDate  earliest event date reported; part of the alert id
 * @param lastEventDate   latest event date reported; the novelty window runs from it
 * @param background      true while the event is known only from background mentions
 * @param revision        0 for the NEW alert, incremented with every UPDATE
 * @param evidence        the first {@value EvidenceLimits#FIRST_EVIDENCE} and the latest
 *                        {@value EvidenceLimits#LATEST_EVIDENCE} articles' evidence, oldest first
 * @param sources         how many distinct articles support the event, all of them
 * @param outlets         distinct outlets of all supporting articles in the order first seen, at most
 *                        {@value EvidenceLimits#MAX_OUTLETS}
 * @param recentArticleIds the ids of the latest {@value EvidenceLimits#RECENT_ARTICLE_IDS} supporting articles, oldest
 *                        first, to recognise a re-delivered article
 * @param codes           the knowledge base's codes of the actor, its members and the target, as the extractor gave
 *                        them (null in state stored before v3, which read as no codes)
 */
public record DiplomaticEventState(
        String alertId,
        String actor,
        List<String> actorMembers,
        String target,
        ActionFamily family,
        List<SeenAction> actions,
        LocalDate firstEventDate,
        LocalDate lastEventDate,
        boolean background,
        int revision,
        Instant firstSeen,
        Instant lastUpdated,
        List<EvidenceEntry> evidence,
        int sources,
        List<String> outlets,
        List<String> recentArticleIds,
        Codes codes) {

    /** ISO 3166-1 alpha-2 or bloc codes of an event's parties; any may be missing. */
    public record Codes(String actor, List<String> members, String target) {
        public static final Codes NONE = new Codes(null, List.of(), null);

        public Codes {
            members = members == null ? List.of() : List.copyOf(members);
        }

        /** These codes, with any missing one taken from {@code other}. */
        Codes orElse(Codes other) {
            return new Codes(
                    actor != null ? actor : other.actor,
                    members.isEmpty() ? other.members : members,
                    target != null ? target : other.target);
        }
    }

    /** One action type of the event and its CAMEO code. */
    public record SeenAction(DiplomaticActionType action, String cameoCode) {}

    public DiplomaticEventState {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(family, "family");
        actorMembers = List.copyOf(actorMembers);
        actions = List.copyOf(actions);
        // State written before the support was bounded has only the evidence of every article (the JSON serde reads
        // the missing fields as 0 / null): the counts, outlets and recent ids are derived from it before it is capped.
        List<String> evidenceIds =
                evidence.stream().map(EvidenceEntry::articleId).toList();
        sources = Math.max(sources, evidence.size());
        outlets = outlets == null ? EvidenceLimits.outletsOf(evidence) : EvidenceLimits.outlets(outlets, List.of());
        recentArticleIds = EvidenceLimits.recent(recentArticleIds == null ? evidenceIds : recentArticleIds);
        evidence = EvidenceLimits.capped(evidence);
        codes = codes == null ? Codes.NONE : codes;
    }

    public boolean hasEvidenceFrom(String articleId) {
        return recentArticleIds.contains(articleId)
                || evidence.stream().anyMatch(entry -> entry.articleId().equals(articleId));
    }

    /**
     * This state with one more supporting article: its evidence joins the kept evidence (dropping the oldest of the
     * latest when full), and it is counted in {@code sources}, {@code outlets} and {@code recentArticleIds}.
     */
    DiplomaticEventState withSupport(EvidenceEntry entry) {
        List<EvidenceEntry> kept = new ArrayList<>(evidence);
        kept.add(entry);
        List<String> ids = new ArrayList<>(recentArticleIds);
        ids.add(entry.articleId());
        List<String> outletsNow =
                entry.outlet() == null ? outlets : EvidenceLimits.outlets(outlets, List.of(entry.outlet()));
        return new DiplomaticEventState(
                alertId,
                actor,
                actorMembers,
                target,
                family,
                actions,
                firstEventDate,
                lastEventDate,
                background,
                revision,
                firstSeen,
                lastUpdated,
                kept,
                sources + 1,
                outletsNow,
                ids,
                codes);
    }

    public List<DiplomaticActionType> actionTypes() {
        return actions.stream().map(SeenAction::action).toList();
    }
}
