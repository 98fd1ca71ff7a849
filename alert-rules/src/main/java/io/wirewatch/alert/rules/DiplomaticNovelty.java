package io.wirewatch.alert.rules;

import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AlertStatus;
import io.wirewatch.schema.AlertType;
import io.wirewatch.schema.DiplomaticAction;
import io.wirewatch.schema.DiplomaticActionType;
import io.wirewatch.schema.EnrichedArticle;
import io.wirewatch.schema.Modality;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether an article's diplomatic actions for one event ({@link DiplomaticEventKey}) raise a NEW alert or
 * update the one already raised, given what is stored for that event.
 *
 * <ul>
 *   <li>An ASSERTED action of an event not seen within the novelty window (event time) raises NEW; its id carries the
 *       first event date, so a recurrence after the window is a new alert with a new id.</li>
 *   <li>Any further article reporting the same event (asserted or as background) is an UPDATE of the same id with
 *       one more source and its evidence (the alert carries the first and the latest evidence only, see
 *       {@link EvidenceLimits}; {@code sources} counts every article); an action type not seen before (an embassy closed after envoys were
 *       recalled) joins the alert and its headline.</li>
 *   <li>THREATENED, PLANNED, NEGATED and REVERSED mentions never raise or update anything.</li>
 *   <li>A BACKGROUND mention of an event never seen raises nothing: context is not news. Nor does an action whose
 *       target the extractor could not resolve (but for a veto, whose object is a resolution).</li>
 *   <li>A report whose event date lies more than the window before the stored event is an older, separate event
 *       told as history and is ignored rather than replacing the current event's state.</li>
 *   <li>An article already counted for the event changes nothing (re-delivery is harmless); the event remembers the
 *       ids of its latest {@value EvidenceLimits#RECENT_ARTICLE_IDS} articles for that.</li>
 * </ul>
 * A group actor (GCC) is one alert naming the group, with its members from extraction or the known member list.
 */
public final class DiplomaticNovelty {

    private final RuleSettings settings;

    public DiplomaticNovelty(RuleSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The events an article reports in a way that can raise or update an alert, one key each. */
    public static Set<DiplomaticEventKey> eventKeys(EnrichedArticle article) {
        Set<DiplomaticEventKey> keys = new LinkedHashSet<>();
        article.getDiplomaticActions().forEach(action -> eventKeyOf(action).ifPresent(keys::add));
        return keys;
    }

    /** The event an action reports, or empty when the action can neither raise nor update an alert. */
    public static Optional<DiplomaticEventKey> eventKeyOf(DiplomaticAction action) {
        if (!counts(action) || ActorNames.canonical(action.getActor()) == null) {
            return Optional.empty();
        }
        return Optional.of(DiplomaticEventKey.of(action));
    }

    /**
     * @param current what is stored for {@code key}, or null when nothing is
     * @param now     processing time, for firstSeen / lastUpdated / seenAt
     */
    public RuleOutcome<DiplomaticEventState> apply(
            DiplomaticEventKey key, DiplomaticEventState current, EnrichedArticle article, Instant now) {
        List<Mention> mentions = mentionsOf(key, article);
        if (mentions.isEmpty() || (current != null && current.hasEvidenceFrom(article.getArticleId()))) {
            return RuleOutcome.unchanged(current);
        }
        int window = settings.noveltyWindowDays();
        LocalDate anchor = mentions.get(0).eventDate();
        if (current != null && !anchor.isAfter(current.lastEventDate().plusDays(window))) {
            LocalDate from = current.firstEventDate().minusDays(window);
            LocalDate to = current.lastEventDate().plusDays(window);
            List<Mention> relevant = mentions.stream()
                    .filter(m -> !m.eventDate().isBefore(from) && !m.eventDate().isAfter(to))
                    .toList();
            if (relevant.isEmpty()) {
                return RuleOutcome.unchanged(current);
            }
            DiplomaticEventState updated = update(current, relevant, article, now);
            return new RuleOutcome<>(updated, List.of(toAlert(updated, AlertStatus.UPDATE)), true);
        }
        List<Mention> relevant = mentions.stream()
                .filter(m -> Math.abs(m.eventDate().toEpochDay() - anchor.toEpochDay()) <= window)
                .toList();
        if (relevant.stream().noneMatch(Mention::asserted)
                || key.target() == null && !key.family().allowsNoTarget()) {
            // Only news raises: an event known only as background is context, and an action aimed at nobody we can
            // name is one an operator cannot act on (it still corroborates an alert raised from a fuller report).
            return RuleOutcome.unchanged(current);
        }
        DiplomaticEventState created = create(key, relevant, article, now);
        return new RuleOutcome<>(created, List.of(toAlert(created, AlertStatus.NEW)), true);
    }

    private DiplomaticEventState create(
            DiplomaticEventKey key, List<Mention> mentions, EnrichedArticle article, Instant now) {
        boolean background = mentions.stream().noneMatch(Mention::asserted);
        LocalDate first = mentions.stream()
                .map(Mention::eventDate)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        LocalDate last = mentions.stream()
                .map(Mention::eventDate)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        return new DiplomaticEventState(
                        key.alertId(first),
                        key.actor(),
                        members(List.of(), key.actor(), mentions),
                        key.target(),
                        key.family(),
                        addActions(List.of(), mentions),
                        first,
                        last,
                        background,
                        0,
                        now,
                        now,
                        List.of(),
                        0,
                        List.of(),
                        List.of(),
                        codes(DiplomaticEventState.Codes.NONE, mentions))
                .withSupport(evidence(mentions.get(0), article, now));
    }

    private DiplomaticEventState update(
            DiplomaticEventState current, List<Mention> mentions, EnrichedArticle article, Instant now) {
        LocalDate first = current.firstEventDate();
        LocalDate last = current.lastEventDate();
        for (Mention mention : mentions) {
            first = mention.eventDate().isBefore(first) ? mention.eventDate() : first;
            last = mention.eventDate().isAfter(last) ? mention.eventDate() : last;
        }
        boolean background = current.background() && mentions.stream().noneMatch(Mention::asserted);
        return new DiplomaticEventState(
                        current.alertId(),
                        current.actor(),
                        members(current.actorMembers(), current.actor(), mentions),
                        current.target(),
                        current.family(),
                        addActions(current.actions(), mentions),
                        first,
                        last,
                        background,
                        current.revision() + 1,
                        current.firstSeen(),
                        now,
                        current.evidence(),
                        current.sources(),
                        current.outlets(),
                        current.recentArticleIds(),
                        codes(current.codes(), mentions))
                .withSupport(evidence(mentions.get(0), article, now));
    }

    /** Builds the alert that reports {@code state}. */
    public static Alert toAlert(DiplomaticEventState state, AlertStatus status) {
        List<DiplomaticActionType> types = state.actionTypes();
        DiplomaticActionType primary = Severities.mostSerious(types);
        String cameo = state.actions().stream()
                .filter(a -> a.action() == primary)
                .findFirst()
                .orElseThrow()
                .cameoCode();
        boolean group = !state.actorMembers().isEmpty();
        return Alert.newBuilder()
                .setId(state.alertId())
                .setStatus(status)
                .setType(AlertType.DIPLOMATIC_ACTION)
                .setAction(primary.name())
                .setCameoCode(cameo)
                .setActor(state.actor())
                .setActorMembers(state.actorMembers())
                .setTarget(state.target())
                .setActorCode(state.codes().actor())
                .setActorMemberCodes(state.codes().members())
                .setTargetCode(state.codes().target())
                .setCountries(countries(state))
                .setEventDate(state.firstEventDate())
                .setHeadline(Headlines.diplomatic(state.actor(), group, state.target(), types, state.background()))
                .setSeverity(Severities.diplomatic(types, group, state.background()))
                .setBackground(state.background())
                .setSources(state.sources())
                .setOutlets(state.outlets())
                .setEvidence(
                        state.evidence().stream().map(EvidenceEntry::toAvro).toList())
                .setFirstSeen(state.firstSeen())
                .setLastUpdated(state.lastUpdated())
                .setRevision(state.revision())
                .build();
    }

    /**
     * ISO codes of the states an event concerns: the actor (or a group's members) and the target, from the codes the
     * extractor gave (a bloc's code is no state's); for state stored before v3, derived from the English names.
     */
    private static List<String> countries(DiplomaticEventState state) {
        DiplomaticEventState.Codes codes = state.codes();
        if (codes.actor() == null && codes.target() == null) {
            return CountryCodes.ofAll(concerned(state));
        }
        Set<String> countries = new LinkedHashSet<>();
        if (CountryCodes.isState(codes.actor())) {
            countries.add(codes.actor());
        }
        countries.addAll(codes.members());
        if (CountryCodes.isState(codes.target())) {
            countries.add(codes.target());
        }
        return List.copyOf(countries);
    }

    /** The states an event concerns: the actor (or a group's members) and the target. */
    private static List<String> concerned(DiplomaticEventState state) {
        List<String> names = new ArrayList<>();
        names.add(state.actor());
        names.addAll(state.actorMembers());
        if (state.target() != null) {
            names.add(state.target());
        }
        return names;
    }

    private static boolean counts(DiplomaticAction action) {
        return action.getModality() == Modality.ASSERTED || action.getModality() == Modality.BACKGROUND;
    }

    /** The article's mentions of the event that count, best evidence first. */
    private static List<Mention> mentionsOf(DiplomaticEventKey key, EnrichedArticle article) {
        LocalDate published =
                article.getPublishedAt() == null ? null : LocalDate.ofInstant(article.getPublishedAt(), ZoneOffset.UTC);
        List<Mention> mentions = new ArrayList<>();
        for (DiplomaticAction action : article.getDiplomaticActions()) {
            if (!eventKeyOf(action).map(key::equals).orElse(false)) {
                continue;
            }
            LocalDate date = action.getEventDate() != null ? action.getEventDate() : published;
            if (date == null) {
                date = LocalDate.ofInstant(article.getEnrichedAt(), ZoneOffset.UTC);
            }
            mentions.add(new Mention(action, date, action.getModality() == Modality.ASSERTED));
        }
        // The first mention is the article's evidence: an asserted one, of the most serious action, the earliest.
        mentions.sort(Comparator.comparing((Mention m) -> !m.asserted())
                .thenComparing((Mention m) -> Severities.of(m.action().getAction()), Comparator.reverseOrder())
                .thenComparing(Mention::eventDate));
        return mentions;
    }

    private static List<DiplomaticEventState.SeenAction> addActions(
            List<DiplomaticEventState.SeenAction> seen, List<Mention> mentions) {
        List<DiplomaticEventState.SeenAction> actions = new ArrayList<>(seen);
        for (Mention mention : mentions) {
            DiplomaticActionType type = mention.action().getAction();
            if (actions.stream().noneMatch(a -> a.action() == type)) {
                actions.add(new DiplomaticEventState.SeenAction(
                        type, mention.action().getCameoCode()));
            }
        }
        return actions;
    }

    /** The codes the extractor gave the event's parties, kept from the first mention that has them. */
    private static DiplomaticEventState.Codes codes(DiplomaticEventState.Codes known, List<Mention> mentions) {
        DiplomaticEventState.Codes codes = known;
        for (Mention mention : mentions) {
            DiplomaticAction action = mention.action();
            codes = codes.orElse(new DiplomaticEventState.Codes(
                    action.getActorCode(), action.getActorMemberCodes(), action.getTargetCode()));
        }
        return codes;
    }

    private static List<String> members(List<String> known, String actor, List<Mention> mentions) {
        Set<String> members = new LinkedHashSet<>(known);
        for (Mention mention : mentions) {
            mention.action().getActorMembers().forEach(member -> members.add(ActorNames.canonical(member)));
        }
        if (members.isEmpty()) {
            members.addAll(ActorNames.knownMembers(actor));
        }
        return List.copyOf(members);
    }

    private static EvidenceEntry evidence(Mention mention, EnrichedArticle article, Instant now) {
        return new EvidenceEntry(
                article.getArticleId(),
                article.getUrl(),
                article.getOutlet(),
                mention.action().getEvidence().getSentence(),
                null,
                null,
                now);
    }

    private record Mention(DiplomaticAction action, LocalDate eventDate, boolean asserted) {}
}
