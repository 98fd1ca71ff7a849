package io.wirewatch.enrich.extract;

import io.wirewatch.schema.DiplomaticAction;
import io.wirewatch.schema.DiplomaticActionType;
import io.wirewatch.schema.EntityType;
import io.wirewatch.schema.Evidence;
import io.wirewatch.schema.Modality;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds diplomatic actions. The frames that signal them (a verb with its object, "declared ... persona non grata",
 * "gave the envoy 48 hours to leave", "Russia's veto") are rows of the language's {@code triggers.tsv}, and every
 * word the rules below look for is a class of its {@code lexicon.tsv}; this class holds only the grammar that is the
 * same whatever the phrasing: who acts (the subject of the head, coordinated states giving one action each, "they" or
 * "the kingdom" resolved to the actor named before, a passive's agent, a noun's possessor), against whom (a state named
 * in the frame, the demonym or possessor of its object, "from/in/on/against X" after it, else the state the article is
 * about), when (the nearest time expression) and how it is told (the modality).
 *
 * <p>Modality, read from cue classes in the head's clause: NEGATED after a negation near the head or a retraction
 * ("stepped back from a threat to expel"); THREATENED after a threat or when a condition follows ("if"); PLANNED after
 * a plan, a call for the action, a possibility, or in a question, unless a decision stands nearer the head ("decided
 * to expel"); REVERSED when the frame says so (lifting sanctions, returning an ambassador); BACKGROUND when the action
 * is dated two or more days before publication, in an earlier year, introduced as earlier ("days after", "earlier this
 * year"), or marked as history ("previously"); otherwise ASSERTED. An announced future ("will expel") is a decision,
 * so it stays ASSERTED. Mentions of the same action by the same actor share one date (event coreference).
 */
final class DiplomaticActionExtractor {

    private static final int TARGET_WINDOW = 16;
    private static final int MODALITY_WINDOW = 10;

    /** One action before modality and date are settled across the article. */
    private static final class Found {
        DiplomaticActionType action;
        ArticleEntity actor;
        ArticleEntity target;
        Modality modality;
        LocalDate date;
        /** The last day {@code date} may stand for: the month's last day when only the month is known. */
        LocalDate latest;
        /** Dated to one day, so other mentions of the same event may take the date. */
        boolean dayPrecision;
        /** Dated to a month only ("last month", "in November"): a month before publication's is history. */
        boolean monthOnly;
        /** Introduced as earlier than the news ("days after ..."): other undated mentions of it are too. */
        boolean earlier;
        /** Told as history in its own clause ("had previously imposed"): this mention only. */
        boolean history;

        String trigger;
        Sentence sentence;
        int charStart;
        int charEnd;
    }

    private final ActionVocabulary vocabulary;

    DiplomaticActionExtractor(ActionVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    List<DiplomaticAction> extract(ArticleAnalysis article) {
        List<Found> found = new ArrayList<>();
        Lexicon lexicon = article.language.lexicon();
        ArticleSlots slots = new ArticleSlots(article);
        for (Sentence sentence : article.sentences) {
            List<TriggerTable.Found> triggers =
                    article.language.triggers().find(sentence, slots, slots.mentionStarts(sentence));
            if (triggers.isEmpty()) {
                found.addAll(actionsDoneAlike(article, sentence, found));
                continue;
            }
            List<TimeExpressions.TimeExpression> times =
                    article.language.time().find(sentence, article.text, article.published);
            for (TriggerTable.Found trigger : triggers) {
                List<ArticleEntity> actors = actors(article, sentence, trigger, found);
                if (actors.isEmpty() && trigger.trigger().action() == DiplomaticActionType.RECALL_AMBASSADOR) {
                    actors = ownStateOfTheMission(article, sentence, trigger.match());
                }
                DiplomaticActionType action = trigger.trigger().action();
                actors = actors.stream()
                        .filter(actor -> vocabulary.canBeTakenBy(action, actor))
                        .toList();
                if (actors.isEmpty()) {
                    continue;
                }
                List<ArticleEntity> targets = targets(article, sentence, trigger, actors, found);
                boolean reciprocal = targets == FROM_CONTEXT_ONLY
                        && actors.size() == 2
                        && vocabulary.isReciprocal(trigger.trigger().action());
                Modality modality = trigger.trigger().forcedModality() != null
                        ? trigger.trigger().forcedModality()
                        : modality(article.language, sentence, trigger.match());
                TimeExpressions.TimeExpression time = nearestTime(article, sentence, times, trigger.match());
                if (time == null && namesThatDay(lexicon, sentence)) {
                    time = lastDatedTime(article, sentence.index() - 1); // "El 23 de enero de 1930 ... Ese día ..."
                }
                boolean history = modality == Modality.ASSERTED
                        && (isHistory(article, lexicon, sentence, trigger.match())
                                || isReactedTo(lexicon, sentence, trigger));
                for (ArticleEntity actor : actors) {
                    List<ArticleEntity> aimedAt = reciprocal
                            ? actors
                            : targets == FROM_CONTEXT_ONLY
                                    ? contextTarget(
                                            article, actors, trigger.trigger().action(), found)
                                    : targets.isEmpty()
                                            ? java.util.Collections.<ArticleEntity>singletonList(null)
                                            : targets;
                    for (ArticleEntity target : aimedAt) {
                        if (actor == target) {
                            continue;
                        }
                        Found f = new Found();
                        f.action = trigger.trigger().action();
                        f.actor = actor;
                        f.target = target;
                        f.modality = modality;
                        f.date = time == null ? null : time.date();
                        f.latest = time == null || time.date() == null
                                ? null
                                : time.kind() == TimeExpressions.Kind.MONTH
                                        ? time.date().withDayOfMonth(time.date().lengthOfMonth())
                                        : time.kind() == TimeExpressions.Kind.YEAR
                                                ? time.date()
                                                        .withDayOfYear(
                                                                time.date().lengthOfYear())
                                                : time.date();
                        f.dayPrecision = time != null && time.kind() == TimeExpressions.Kind.DAY;
                        f.monthOnly = time != null && time.kind() == TimeExpressions.Kind.MONTH;
                        f.earlier = time != null && time.kind() == TimeExpressions.Kind.EARLIER;
                        f.history = history
                                || time == null && toldOverALongPeriod(times, trigger.match())
                                || time != null
                                        && time.kind() == TimeExpressions.Kind.YEAR
                                        && isEarlierYear(time, article.published);
                        f.sentence = sentence;
                        f.charStart = sentence.token(trigger.match().from()).start();
                        f.charEnd = sentence.token(trigger.match().to() - 1).end();
                        f.trigger = triggerText(article.text, sentence, trigger.match());
                        found.add(f);
                    }
                }
            }
            found.addAll(actionsDoneAlike(article, sentence, found));
        }
        found.removeAll(closuresByTheHost(found));
        settleDatesAndBackground(found, article.published);
        return toAvro(found);
    }

    /** A reporting verb tells the sentence ("said it would impose", "would impose ..., the minister said"). */
    private static boolean reported(Language language, Sentence s) {
        for (int j = 0; j < s.size(); j++) {
            if (language.isReportingVerb(s.lower(j))) {
                return true;
            }
        }
        return false;
    }

    /** How far before "followed suit" a negation or an opener of a prior clause may stand. */
    private static final int ALIKE_CUE_REACH = 8;

    /**
     * "Laos followed suit the next day", "Madrid tomó la misma medida", "anunciaron idénticas resoluciones los
     * gobiernos de Chile y Perú": another state (the subject, before the words or right after
     * them) took the action told last; its target is that action's, or its actor when the follower was its target
     * (reciprocity). Not when negated ("No other state followed suit"); told as before the news when a clause of
     * the past opens it ("after Laos did the same").
     */
    private List<Found> actionsDoneAlike(ArticleAnalysis article, Sentence s, List<Found> earlier) {
        Lexicon lexicon = article.language.lexicon();
        List<Found> alike = new ArrayList<>();
        Lexicon.WordClass sameAction = lexicon.wordClassNamed("SAME_ACTION"); // once: asked of every token
        for (int k = 0; k < s.size(); k++) {
            int length = lexicon.matchAt(sameAction, s, k);
            if (length == 0) {
                continue;
            }
            Found last = lastAssertedBefore(earlier, s, s.token(k).start());
            boolean negated = false;
            boolean prior = false;
            for (int j = k - 1; j >= Math.max(0, k - ALIKE_CUE_REACH); j--) {
                negated |= lexicon.is("NEGATION", s, j);
                prior |= lexicon.matchAt("PRIOR_CLAUSE_OPENERS", s, j) > 0;
            }
            if (last != null && !negated) {
                List<ArticleEntity> actors = subjectActors(article, s, k, false, earlier);
                if (actors.isEmpty()) {
                    actors = firstActorChain(
                            article, s, k + length, Math.min(s.size(), k + length + INVERTED_SPEAKER_REACH), false);
                }
                for (ArticleEntity actor : actors) {
                    ArticleEntity target = actor == last.target ? last.actor : last.target;
                    if (actor == last.actor || target == null || !vocabulary.canBeTakenBy(last.action, actor)) {
                        continue;
                    }
                    Found f = new Found();
                    f.action = last.action;
                    f.actor = actor;
                    f.target = target;
                    f.modality = Modality.ASSERTED;
                    f.earlier = prior;
                    f.sentence = s;
                    f.charStart = s.token(k).start();
                    f.charEnd = s.token(k + length - 1).end();
                    f.trigger = s.span(article.text, k, k + length - 1);
                    alike.add(f);
                }
            }
            k += length - 1;
        }
        return alike;
    }

    /** The latest asserted action told before {@code charStart} in this sentence or the three before it, or null. */
    private static Found lastAssertedBefore(List<Found> earlier, Sentence s, int charStart) {
        for (int f = earlier.size() - 1; f >= 0; f--) {
            Found found = earlier.get(f);
            if (s.index() - found.sentence.index() > 3) {
                return null;
            }
            if (found.modality == Modality.ASSERTED && (found.sentence != s || found.charEnd <= charStart)) {
                return found;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- slots of the frames

    /** Fills the frames' {A} and {T} slots with the article's mentions. */
    private static final class ArticleSlots implements TriggerPattern.Slots {
        private final ArticleAnalysis article;

        ArticleSlots(ArticleAnalysis article) {
            this.article = article;
        }

        boolean[] mentionStarts(Sentence s) {
            boolean[] starts = new boolean[s.size() + 1];
            for (Mention mention : article.mentions(s.index())) {
                starts[mention.from()] = true;
            }
            return starts;
        }

        @Override
        public int slotEnd(Sentence s, int i, char role, boolean allowDemonym) {
            Mention mention = startingAt(s, i);
            if (!fills(mention, allowDemonym)) {
                return -1;
            }
            int end = mention.to();
            if (role == 'T') {
                // "from Bahrain, Egypt and Kuwait": the whole list is the target.
                while (true) {
                    int k = end;
                    while (k < s.size() && article.language.lexicon().is("LIST_JOINERS", s, k)) {
                        k++;
                    }
                    Mention next = k > end ? startingAt(s, k) : null;
                    if (next == null || !fills(next, false)) {
                        break;
                    }
                    end = next.to();
                }
            }
            return end;
        }

        private Mention startingAt(Sentence s, int i) {
            for (Mention mention : article.mentions(s.index())) {
                if (mention.from() == i) {
                    return mention;
                }
            }
            return null;
        }

        private boolean fills(Mention mention, boolean allowDemonym) {
            if (mention == null || mention.kind() == Mention.Kind.DEMONYM && !allowDemonym) {
                return false;
            }
            return stateOf(article, mention) != null || mention.entity().canActDiplomatically();
        }

        @Override
        public boolean breaksClause(Sentence s, int k) {
            return DiplomaticActionExtractor.breaksClause(article.language.lexicon(), s, k);
        }

        @Override
        public boolean isAside(Sentence s, int k) {
            return DiplomaticActionExtractor.isAside(article, s, k);
        }
    }

    /** The most words of one MANNER_ASIDES entry. */
    private static final int LONGEST_MANNER_ASIDE = 4;

    /**
     * Token {@code k} is part of an aside a gap does not count: a MANNER_ASIDES entry ("avec effet immédiat", "with
     * immediate effect"), or a date word, or a number, comma or DATE_ASIDE_WORDS word in one unbroken run with a date
     * word within four tokens: ", jeudi 2 décembre,", "on Thursday, 2 December", "el pasado 5 de marzo".
     */
    static boolean isAside(ArticleAnalysis article, Sentence s, int k) {
        Lexicon lexicon = article.language.lexicon();
        for (int j = k; j >= 0 && k - j < LONGEST_MANNER_ASIDE; j--) {
            if (j + lexicon.matchAt("MANNER_ASIDES", s, j) > k) {
                return true;
            }
        }
        if (!mayStandInDate(article, s, k)) {
            return false;
        }
        for (int j = k; j >= 0 && k - j <= 4 && mayStandInDate(article, s, j); j--) {
            if (isDateWord(article, s, j)) {
                return true;
            }
        }
        for (int j = k + 1; j < s.size() && j - k <= 4 && mayStandInDate(article, s, j); j++) {
            if (isDateWord(article, s, j)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDateWord(ArticleAnalysis article, Sentence s, int k) {
        String lower = s.lower(k);
        return article.language.time().isCalendarWord(lower)
                || article.language.time().isDayWord(lower);
    }

    private static boolean mayStandInDate(ArticleAnalysis article, Sentence s, int k) {
        Token token = s.token(k);
        return token.isNumber()
                || token.text().equals(",")
                || isDateWord(article, s, k)
                || article.language.lexicon().is("DATE_ASIDE_WORDS", s, k);
    }

    static boolean breaksClause(Lexicon lexicon, Sentence s, int k) {
        Token t = s.token(k);
        if ((t.text().equals("(") || t.text().equals(")")) && isShortParenthesis(s, k)) {
            return false; // "The African Union (AU) has suspended ...": an aside, not a new clause
        }
        return t.isClauseBreak()
                || t.text().equals(".")
                || t.text().equals("?")
                || t.text().equals("!")
                || t.text().equals(",") && lexicon.is("CLAUSE_CONJUNCTIONS", s, k + 1) && !closesANameAside(s, k);
    }

    /** The longest name set off by commas after a noun ("al embajador cubano, Jorge Bolaños, que abandone"). */
    private static final int LONGEST_NAME_ASIDE = 5;

    /**
     * The comma at {@code k} closes a name set off by commas after a noun: "pidió al embajador cubano, Jorge Bolaños,
     * que abandone el país" goes on after the name, it opens no new clause.
     */
    private static boolean closesANameAside(Sentence s, int k) {
        for (int j = k - 1; j >= 0 && k - j <= LONGEST_NAME_ASIDE + 1; j--) {
            if (s.token(j).text().equals(",")) {
                return j < k - 1 && j > 0 && !s.token(j - 1).isCapitalised();
            }
            if (!s.token(j).isCapitalised()) {
                return false;
            }
        }
        return false;
    }

    /** A parenthesis of a few words: "(AU)", "(on diplomatic protocol)". */
    private static boolean isShortParenthesis(Sentence s, int k) {
        int open = k;
        while (open >= 0 && !s.lower(open).equals("(") && k - open <= 6) {
            open--;
        }
        int close = k;
        while (close < s.size() && !s.lower(close).equals(")") && close - k <= 6) {
            close++;
        }
        return open >= 0
                && close < s.size()
                && s.lower(open).equals("(")
                && s.lower(close).equals(")")
                && close - open <= 6;
    }

    // ---------------------------------------------------------------- actors

    private List<ArticleEntity> actors(
            ArticleAnalysis article, Sentence s, TriggerTable.Found trigger, List<Found> earlier) {
        TriggerPattern.Match match = trigger.match();
        boolean countriesOnly = trigger.trigger().action() == DiplomaticActionType.VETO_RESOLUTION;
        List<ArticleEntity> fromSlot = actorsInTheSlot(article, s, match);
        List<ArticleEntity> named = namedActors(article, s, trigger, earlier, countriesOnly, fromSlot);
        if (named.isEmpty() && listsMeasures(article.language.lexicon(), s)) {
            // "ECOWAS imposed sanctions on Mali. These included ... recalling their ambassadors from Bamako": the
            // measures listed are those of the story's last actor
            ArticleEntity last = lastActor(earlier, s.index());
            return last == null ? List.of() : List.of(last);
        }
        return named;
    }

    /** The most tokens before the verb of "The new sanctions include" at a sentence's start. */
    private static final int MEASURES_OPENING = 6;

    /**
     * "These included ...", "« Ces nouvelles sanctions comprennent d'abord le retrait des ambassadeurs":
     * the sentence opens by listing measures, whose actor the sentence does not name again.
     */
    private static boolean listsMeasures(Lexicon lexicon, Sentence s) {
        int start = s.size() > 0 && s.token(0).isAnyQuotationMark() ? 1 : 0;
        if (lexicon.matchAt("MEASURES_LISTED", s, start) > 0) {
            return true;
        }
        for (int k = start + 1; k < Math.min(s.size(), start + MEASURES_OPENING); k++) {
            if (lexicon.matchAt("INCLUDING_VERBS", s, k) > 0) {
                for (int j = Math.max(start, k - 3); j < k; j++) {
                    if (lexicon.is("MEASURE_NOUNS", s, j)) {
                        return true;
                    }
                }
                return false;
            }
        }
        return false;
    }

    private List<ArticleEntity> namedActors(
            ArticleAnalysis article,
            Sentence s,
            TriggerTable.Found trigger,
            List<Found> earlier,
            boolean countriesOnly,
            List<ArticleEntity> fromSlot) {
        TriggerPattern.Match match = trigger.match();
        return switch (trigger.trigger().actorRole()) {
            case SUBJECT ->
                !fromSlot.isEmpty() ? fromSlot : subjectOfHead(article, s, match.head(), countriesOnly, earlier);
            case PASSIVE -> {
                // "the Israeli ambassador in Madrid was recalled": by Israel, whose envoy it is, not by its host
                DiplomaticActionType action = trigger.trigger().action();
                List<ArticleEntity> own = action == DiplomaticActionType.RECALL_AMBASSADOR
                        ? ownStateOfTheMission(article, s, match)
                        : List.of();
                if (action == DiplomaticActionType.CLOSE_EMBASSY && !agentNamedBy(article, s, match)) {
                    // "L'ambassade française au Niger a été fermée": the embassy's own state closes it, unless the
                    // sentence says by whom ("was closed by the authorities")
                    own = ownStateOfTheMission(article, s, match);
                }
                if (!own.isEmpty()) {
                    yield own;
                }
                List<ArticleEntity> agent = passiveAgent(article, s, match, earlier);
                if (action == DiplomaticActionType.EXPEL_DIPLOMATS) {
                    // "un embajador chileno era expulsado", told by a Chilean: a state never expels its own envoys
                    List<ArticleEntity> envoysOwn = statesNamedInside(article, s, match);
                    agent = agent.stream().filter(a -> !envoysOwn.contains(a)).toList();
                }
                yield agent;
            }
            case POSSESSOR -> possessor(article, s, match, countriesOnly, earlier);
            case BLOC -> {
                List<ArticleEntity> subject = subjectOfHead(article, s, match.head(), false, earlier);
                if (!subject.isEmpty() && subject.stream().allMatch(ArticleEntity::isGroupOrBody)) {
                    yield subject;
                }
                yield fromSlot.stream()
                        .filter(ArticleEntity::isGroupOrBody)
                        .map(body -> vocabulary.decidedBy(body, article))
                        .distinct()
                        .toList();
            }
        };
    }

    /**
     * The actor a frame names in its slot ("the recall by Russia of"), and the states listed after it ("expelled from
     * Latvia, Lithuania and Estonia"): each of them acts.
     */
    private static List<ArticleEntity> actorsInTheSlot(
            ArticleAnalysis article, Sentence s, TriggerPattern.Match match) {
        if (match.actorFrom() < 0) {
            return List.of();
        }
        List<ArticleEntity> named = entitiesIn(article, s, match.actorFrom(), match.actorTo(), true);
        List<ArticleEntity> listed = chainStartingAt(article, s, match.actorFrom(), true);
        return listed.size() > 1 && listed.containsAll(named) ? listed : named;
    }

    /** The states whose demonyms qualify a frame's envoys ("un embajador mexicano"), not their host city's. */
    private static List<ArticleEntity> statesNamedInside(
            ArticleAnalysis article, Sentence s, TriggerPattern.Match match) {
        List<ArticleEntity> states = new ArrayList<>();
        for (int k = match.from(); k < match.to(); k++) {
            Mention mention = article.mentionAt(s.index(), k);
            ArticleEntity state =
                    mention != null && mention.kind() == Mention.Kind.DEMONYM ? stateOf(article, mention) : null;
            if (state != null && !states.contains(state)) {
                states.add(state);
            }
        }
        return states;
    }

    /**
     * The state whose envoy or embassy the frame names ("al embajador tico en Managua", "L'ambassade française au
     * Niger", "la embajadora de España"): a state recalls only its own envoy and closes only its own embassy, so when
     * the subject names no state, the mission's demonym or "of X" does.
     */
    private static List<ArticleEntity> ownStateOfTheMission(
            ArticleAnalysis article, Sentence s, TriggerPattern.Match match) {
        Lexicon lexicon = article.language.lexicon();
        for (int k = match.from(); k < Math.min(s.size(), match.to() + 6); k++) {
            if (lexicon.is("EXPEL", s, k) || lexicon.is("ORDER", s, k)) {
                return List.of(); // "retira su orden de expulsar a los diplomáticos de Estados Unidos": not its envoys
            }
            if (!lexicon.is("AMBASSADOR", s, k) && !lexicon.is("EMBASSY", s, k)) {
                continue; // "ha llamado a consultas a la embajada española en Buenos Aires": its head of mission
            }
            Mention demonym =
                    demonymsFollow(lexicon) ? article.mentionAt(s.index(), k + 1) : article.mentionAt(s.index(), k - 1);
            if (demonym != null
                    && demonym.kind() == Mention.Kind.DEMONYM
                    && demonym.entity().type == EntityType.COUNTRY) {
                return List.of(demonym.entity());
            }
            Mention of = lexicon.is("OF", s, k + 1) ? article.mentionAt(s.index(), k + 2) : null;
            if (of != null && of.from() == k + 2 && of.entity().type == EntityType.COUNTRY) {
                return List.of(of.entity()); // "la embajadora de España en Buenos Aires"
            }
            Mention owner = lexicon.is("POSSESSIVE", s, k - 1) ? article.mentionAt(s.index(), k - 2) : null;
            ArticleEntity owning = owner != null && owner.to() == k - 1 ? stateOf(article, owner) : null;
            if (owning != null) {
                return List.of(owning); // "the recall of Niamey's ambassador"
            }
        }
        return List.of();
    }

    /** A passive frame followed by "by" in its clause. */
    private static boolean agentNamedBy(ArticleAnalysis article, Sentence s, TriggerPattern.Match match) {
        Lexicon lexicon = article.language.lexicon();
        for (int k = match.headEnd(); k < Math.min(s.size(), match.to() + 4); k++) {
            if (lexicon.is("BY", s, k)) {
                return true;
            }
            if (breaksClause(lexicon, s, k)) {
                return false;
            }
        }
        return false;
    }

    /** The subject of the head (see {@link #subjectActors}). */
    private List<ArticleEntity> subjectOfHead(
            ArticleAnalysis article, Sentence s, int head, boolean countriesOnly, List<Found> earlier) {
        return subjectActors(article, s, head, countriesOnly, earlier);
    }

    /** "by Russia" after the head, else whoever the sentence says announced it, else the story's last actor. */
    private List<ArticleEntity> passiveAgent(
            ArticleAnalysis article, Sentence s, TriggerPattern.Match match, List<Found> earlier) {
        Lexicon lexicon = article.language.lexicon();
        for (int k = match.headEnd(); k < Math.min(s.size(), match.to() + 4); k++) {
            if (lexicon.is("BY", s, k)) {
                int j = lexicon.is("DETERMINERS", s, k + 1) ? k + 2 : k + 1;
                List<ArticleEntity> agent = chainStartingAt(article, s, j, false);
                if (!agent.isEmpty()) {
                    return agent;
                }
            }
            if (breaksClause(lexicon, s, k)) {
                break;
            }
        }
        // "Qatar's ambassador to Egypt has been given 48 hours to leave": the host sends its guest away; also when the
        // diplomat is the clause's subject before the frame ("son homologue en Allemagne ... serait expulsé")
        for (int k = match.from(); k < match.to(); k++) {
            ArticleEntity host = hostOfTheDiplomat(article, s, k);
            if (host != null) {
                return List.of(host);
            }
        }
        for (int k = match.from() - 1; k >= Math.max(0, match.from() - 12) && !breaksClause(lexicon, s, k); k--) {
            ArticleEntity host = hostOfTheDiplomat(article, s, k);
            if (host != null) {
                return List.of(host);
            }
        }
        ArticleEntity headlineState = stateSetOffByAColon(article, s, match);
        if (headlineState != null) {
            return List.of(headlineState);
        }
        ArticleEntity left = stateLeft(article, s, match);
        if (left != null) {
            return List.of(left); // "its staff told to leave Norway": Norway sends them away
        }
        for (int k = match.from() - 1; k >= 0; k--) {
            if (article.language.isReportingVerb(s.lower(k))) {
                List<ArticleEntity> speaker = subjectActors(article, s, k, false, earlier);
                if (!speaker.isEmpty()) {
                    return speaker;
                }
            }
        }
        List<ArticleEntity> speakerAfter = speakerAfter(article, s, match.to());
        if (!speakerAfter.isEmpty()) {
            return speakerAfter;
        }
        ArticleEntity last = lastActor(earlier, s.index());
        return last == null ? List.of() : List.of(last);
    }

    /** The state named right after a frame that ends on a verb of leaving ("to leave Norway"), else null. */
    private static ArticleEntity stateLeft(ArticleAnalysis article, Sentence s, TriggerPattern.Match match) {
        Lexicon lexicon = article.language.lexicon();
        if (!lexicon.is("LEAVE", s, match.to() - 1)) {
            return null;
        }
        int k = lexicon.is("ARTICLE", s, match.to()) ? match.to() + 1 : match.to();
        Mention mention = article.mentionAt(s.index(), k);
        return mention == null || mention.kind() == Mention.Kind.DEMONYM ? null : stateOf(article, mention);
    }

    /** How far after a reporting verb its inverted subject may end ("a annoncé jeudi 4 mai la présidence"). */
    private static final int INVERTED_SPEAKER_REACH = 8;
    /** How far before a reporting verb its subject may start ("the Kenyan foreign ministry said"). */
    private static final int SPEAKER_REACH = 6;

    /**
     * "The head of mission was declared persona non grata, the Kenyan foreign ministry said", "..., a annoncé
     * la présidence péruvienne", "..., anunció la cancillería peruana": a passive decision with no agent,
     * told by a state's voice after it, is that state's. The first reporting verb after the frame; its subject after it
     * (inverted) or right before it.
     */
    private List<ArticleEntity> speakerAfter(ArticleAnalysis article, Sentence s, int from) {
        for (int k = from; k < s.size(); k++) {
            if (!article.language.isReportingVerb(s.lower(k))) {
                continue;
            }
            List<ArticleEntity> inverted =
                    firstActorChain(article, s, k + 1, Math.min(s.size(), k + 1 + INVERTED_SPEAKER_REACH), false);
            if (!inverted.isEmpty()) {
                return inverted;
            }
            return firstActorChain(article, s, Math.max(from, k - SPEAKER_REACH), k, false);
        }
        return List.of();
    }

    /**
     * "Qatar's ambassador to Egypt", "l'ambassadeur du Chili au Pérou", "el embajador de Chile en
     * Perú": the state a diplomat word at {@code k} is posted to, its own state ("of X") skipped; else null.
     */
    private static ArticleEntity hostOfTheDiplomat(ArticleAnalysis article, Sentence s, int k) {
        Lexicon lexicon = article.language.lexicon();
        if (!lexicon.is("DIPLOMAT", s, k)) {
            return null;
        }
        int next = k + 1;
        if (lexicon.is("OF", s, next) && article.mentionAt(s.index(), next + 1) != null) {
            next = article.mentionAt(s.index(), next + 1).to();
        }
        return lexicon.is("IN_OR_TO", s, next) ? stateOf(article, article.mentionAt(s.index(), next + 1)) : null;
    }

    /**
     * "Norway: five Russian diplomats declared persona non grata", "Norvège : trois ex-diplomates syriens déclarés persona
     * non grata": a headline's leading state, set off by a colon, is the one that acts in its passive clause.
     */
    private static ArticleEntity stateSetOffByAColon(ArticleAnalysis article, Sentence s, TriggerPattern.Match match) {
        Mention lead = article.mentionAt(s.index(), 0);
        if (lead == null
                || lead.kind() == Mention.Kind.DEMONYM
                || lead.to() >= match.from()
                || !":".equals(s.lower(lead.to()))) {
            return null;
        }
        return stateOf(article, lead);
    }

    /**
     * "descartó romper relaciones con Perú, luego que ese gobierno declaró persona non grata al embajador":
     * "that government" points at the state named last before it, whatever its role there.
     */
    private static ArticleEntity demonstrativeAntecedent(
            ArticleAnalysis article, Sentence s, int clauseStart, int verb) {
        Lexicon lexicon = article.language.lexicon();
        for (int k = clauseStart; k + 1 < verb; k++) {
            if (!lexicon.is("DEMONSTRATIVES", s, k) || !lexicon.is("SINGULAR_ANAPHORS", s, k + 1)) {
                continue;
            }
            for (int j = k - 1; j >= 0; j--) {
                Mention mention = article.mentionAt(s.index(), j);
                ArticleEntity state =
                        mention != null && mention.kind() != Mention.Kind.DEMONYM ? stateOf(article, mention) : null;
                if (state != null && mention.entity().type == EntityType.COUNTRY) {
                    return state;
                }
            }
            return null;
        }
        return null;
    }

    /**
     * "LIMA (Agencia) - El Gobierno ha llamado a consultas al embajador en Bolivia": a government the
     * clause names by no state, in a story filed from a state's capital, is that state's.
     */
    private static ArticleEntity bareGovernmentsState(ArticleAnalysis article, Sentence s, int clauseStart, int verb) {
        Lexicon lexicon = article.language.lexicon();
        boolean governmentNamed = false;
        for (int k = clauseStart; k < verb && !governmentNamed; k++) {
            governmentNamed = lexicon.is("GOVERNMENT_NOUNS", s, k) && s.token(k).isCapitalised();
        }
        if (!governmentNamed) {
            return null; // the common case, decided before any dateline is looked for
        }
        int start = clauseStart;
        for (int k = clauseStart; k < verb; k++) {
            if (endsADateline(article, s, k)) {
                start = k + 1; // "MADRID (EFE) - El Gobierno ..."
            }
        }
        int subject = lexicon.is("ARTICLE", s, start) ? start + 1 : start;
        if (subject >= verb
                || !lexicon.is("GOVERNMENT_NOUNS", s, subject)
                || !s.token(subject).isCapitalised()) {
            return null;
        }
        for (int k = subject; k < verb; k++) {
            if (article.mentionAt(s.index(), k) != null || lexicon.is("OF", s, k)) {
                return null; // "el Gobierno español", "the Government of Chile": it names its state
            }
        }
        return article.datelineState();
    }

    /**
     * "c'est au tour de la Francophonie de suspendre la Guinée", "le toca a Chile retirar a su embajador", "now it is
     * the turn of Canada to expel": the one whose turn it is does it.
     */
    private static ArticleEntity whoseTurn(ArticleAnalysis article, Sentence s, int verb, boolean countriesOnly) {
        Lexicon lexicon = article.language.lexicon();
        boolean linked = lexicon.is("OF", s, verb - 1) || lexicon.is("TO", s, verb - 1);
        Mention who = article.mentionAt(s.index(), linked ? verb - 2 : verb - 1);
        if (who == null || who.kind() == Mention.Kind.DEMONYM) {
            return null;
        }
        int start = lexicon.is("ARTICLE", s, who.from() - 1) ? who.from() - 1 : who.from();
        return lexicon.endsAt("TURN_OF", s, start) ? asActor(article, who, countriesOnly, false) : null;
    }

    /** "au tour de la Francophonie de": a name (and its article) between "the turn of" and the infinitive's "to". */
    private static boolean turnOfBefore(Lexicon lexicon, Sentence s, int to) {
        for (int j = to - 1; j >= 0 && to - j <= 6; j--) {
            if (lexicon.endsAt("TURN_OF", s, j + 1)) {
                return true;
            }
            if (!s.token(j).isCapitalised() && !lexicon.is("ARTICLE", s, j)) {
                return false;
            }
        }
        return false;
    }

    /** How many words before an action noun the verb that governs it may stand ("ordered the expulsion"). */
    private static final int GOVERNING_VERB_REACH = 10;

    /** "Russia's veto", "the Russian and Chinese vetoes", "a veto by Russia", "cast a veto", "ordered a declaration". */
    private List<ArticleEntity> possessor(
            ArticleAnalysis article,
            Sentence s,
            TriggerPattern.Match match,
            boolean countriesOnly,
            List<Found> earlier) {
        Lexicon lexicon = article.language.lexicon();
        List<ArticleEntity> before = actorsRightBefore(article, s, match.head(), countriesOnly);
        if (!before.isEmpty()) {
            return before;
        }
        if (demonymsFollow(lexicon)) {
            List<ArticleEntity> after = demonymsRightAfter(article, s, match.headEnd(), countriesOnly);
            if (!after.isEmpty()) {
                return after; // "le veto russe", "le double veto russe et chinois"
            }
        }
        if (lexicon.is("POSSESSOR_AFTER", s, match.headEnd())) {
            // "le veto de la Russie": the noun's complement names who does it
            int j = match.headEnd() + 1;
            while (j < s.size() && lexicon.is("ARTICLE", s, j)) {
                j++;
            }
            List<ArticleEntity> agent = chainStartingAt(article, s, j, countriesOnly);
            if (!agent.isEmpty()) {
                return agent;
            }
        }
        if (lexicon.is("BY", s, match.headEnd())) {
            List<ArticleEntity> agent = chainStartingAt(article, s, match.headEnd() + 1, countriesOnly);
            if (!agent.isEmpty()) {
                return agent;
            }
        }
        // up to ten words back: "a ordonné, ce jeudi 31 août, l'expulsion"; past an "and", ten words before it:
        // "announced the closure of its embassy in Iran and the expulsion of all Iranian diplomats"
        int reach = GOVERNING_VERB_REACH;
        boolean pastAnd = false;
        for (int k = match.head() - 1, counted = 1; k >= 0 && counted <= reach; k--) {
            if (lexicon.is("GOVERNING", s, k)) {
                return subjectOfHead(article, s, k, countriesOnly, earlier);
            }
            if (breaksClause(lexicon, s, k)) {
                break;
            }
            if (!pastAnd && lexicon.is("AND", s, k)) {
                pastAnd = true;
                reach = counted + GOVERNING_VERB_REACH;
            }
            if (!isAside(article, s, k)) {
                counted++;
            }
        }
        return List.of();
    }

    /** The language writes demonyms after their noun ("l'ambassade américaine"): its DEMONYM_POSITION is after. */
    static boolean demonymsFollow(Lexicon lexicon) {
        return lexicon.is("DEMONYM_POSITION", "after");
    }

    /** "veto russe et chinois": the demonyms right after a noun, joined by the language's list words. */
    private static List<ArticleEntity> demonymsRightAfter(
            ArticleAnalysis article, Sentence s, int k, boolean countriesOnly) {
        Lexicon lexicon = article.language.lexicon();
        List<ArticleEntity> actors = new ArrayList<>();
        while (k < s.size()) {
            Mention mention = article.mentionAt(s.index(), k);
            if (mention == null || mention.from() != k || mention.kind() != Mention.Kind.DEMONYM) {
                break;
            }
            ArticleEntity actor = asActor(article, mention, countriesOnly, true);
            if (actor == null) {
                break;
            }
            // "veto russo-chinois" is one token holding two demonyms
            for (Mention within : article.mentionsAt(s.index(), k)) {
                ArticleEntity also =
                        within.kind() == Mention.Kind.DEMONYM ? asActor(article, within, countriesOnly, true) : null;
                if (also != null && !actors.contains(also)) {
                    actors.add(also);
                }
            }
            k = mention.to();
            if (lexicon.is("AND", s, k) || s.lower(k).equals(",")) {
                k++;
            }
        }
        return actors;
    }

    /** "Russia's veto", "Russian-Chinese veto", "the Russian and Chinese vetoes", "Russia vetoes". */
    private static List<ArticleEntity> actorsRightBefore(
            ArticleAnalysis article, Sentence s, int noun, boolean countriesOnly) {
        Lexicon lexicon = article.language.lexicon();
        List<ArticleEntity> actors = new ArrayList<>();
        int k = noun - 1;
        while (k >= 0) {
            String w = s.lower(k);
            if (lexicon.is("POSSESSIVE", w) || lexicon.is("AND", w) || w.equals(",")) {
                k--;
                continue;
            }
            List<Mention> mentions = article.mentionsAt(s.index(), k);
            if (mentions.isEmpty()) {
                break;
            }
            boolean any = false;
            for (int m = mentions.size() - 1; m >= 0; m--) {
                ArticleEntity actor = asActor(article, mentions.get(m), countriesOnly, true);
                if (actor != null && !actors.contains(actor)) {
                    actors.add(0, actor);
                }
                any |= actor != null;
            }
            if (!any) {
                break; // "Iran About Decision": a name that is no actor ends the run of modifiers
            }
            k = mentions.get(0).from() - 1;
        }
        return actors;
    }

    /**
     * The subject of the clause holding {@code verb}: the nearest acting entity before it that is not the object of
     * a preposition, with the entities coordinated with it; else, when the subject is "they", "it" or "the
     * country", the actor the story is about: the last actor of an action found just before, else the subject of the
     * sentences before.
     */
    private List<ArticleEntity> subjectActors(
            ArticleAnalysis article, Sentence s, int verb, boolean countriesOnly, List<Found> earlier) {
        Lexicon lexicon = article.language.lexicon();
        int clauseStart = clauseStart(lexicon, s, verb);
        ArticleEntity whoseTurn = whoseTurn(article, s, verb, countriesOnly);
        if (whoseTurn != null) {
            return List.of(whoseTurn);
        }
        ArticleEntity home = bareGovernmentsState(article, s, clauseStart, verb);
        if (home != null) {
            return List.of(home);
        }
        ArticleEntity pointedAt = demonstrativeAntecedent(article, s, clauseStart, verb);
        if (pointedAt != null) {
            return List.of(pointedAt);
        }
        if (verb > 1 && s.lower(verb - 1).equals(",") && isHeadline(s) && !isParticiple(lexicon, s.lower(verb))) {
            // "Djibouti accuses Eritrea of border raids, cuts ties": a headline's second verb is its
            // subject's, not the object's of the first
            List<ArticleEntity> subject = firstActorChain(article, s, 0, verb - 1, countriesOnly);
            if (!subject.isEmpty()) {
                return subject;
            }
        }
        if (lexicon.is("TO", s, verb - 1) && article.mentionAt(s.index(), verb - 2) != null) {
            // "the decision of Rwanda to cut off relations": the state after "of" decides
            Mention decider = article.mentionAt(s.index(), verb - 2);
            int of = decider.from() - 1;
            if (lexicon.is("ARTICLE", s, of)) {
                of--;
            }
            ArticleEntity state = asActor(article, decider, countriesOnly, false);
            if (state != null && lexicon.is("OF", s, of) && lexicon.is("DECISION_NOUNS", s, of - 1)) {
                return List.of(state);
            }
        }
        if (lexicon.is("TO", s, verb - 1) && lexicon.is("DECISION_NOUNS", s, verb - 2)) {
            // "Egypt's decision to sever", "about its decision to recall": the noun's possessor, else the subject
            List<ArticleEntity> possessor = actorsRightBefore(article, s, verb - 2, countriesOnly);
            if (!possessor.isEmpty()) {
                return possessor;
            }
            List<ArticleEntity> subject = firstActorChain(article, s, clauseStart, verb - 2, countriesOnly);
            if (!subject.isEmpty()) {
                return subject;
            }
        }
        if (lexicon.is("TO", s, verb - 1) && isParticiple(lexicon, s.lower(verb - 2))) {
            // "by adopting an oil embargo and agreeing to freeze the assets": the subject of "agreeing" freezes
            return subjectActors(article, s, verb - 2, countriesOnly, earlier);
        }
        boolean coordinated = lexicon.is("AND", s, verb - 1) || lexicon.is("THEN", s, verb - 1);
        if (coordinated) {
            // "closed Israel's embassy ... and expelled its diplomats", "after Saudi Arabia froze trade and expelled":
            // the subject of the first verb does both; an object of it ("Israel's embassy") does not
            List<ArticleEntity> subject = nearestSubjectChain(article, s, clauseStart, verb, countriesOnly);
            if (subject.isEmpty() && clauseStart > 0 && lexicon.is("AND", s, verb - 1) && verb - 1 == clauseStart) {
                // "El Gobierno mexicano ordenó ... regresar a México, y pidió al embajador cubano ...": the verb
                // after ", and" shares the subject of the sentence's first clause
                subject = firstActorChain(article, s, 0, clauseStart, countriesOnly);
            }
            if (!subject.isEmpty()) {
                return subject;
            }
        }
        if (isParticiple(lexicon, s.lower(verb))) {
            int means = verb - 1;
            while (means >= 0 && isAside(article, s, means)) {
                means--;
            }
            if (lexicon.is("MEANS_PREPOSITIONS", s, means)) {
                // "The EU followed the US line by formally adopting an oil embargo", "en adoptant": the clause's
                // subject does what it does by this means, not the name before "by"
                List<ArticleEntity> subject = firstActorChain(article, s, clauseStart, means, countriesOnly);
                if (!subject.isEmpty()) {
                    return subject;
                }
            }
            // "in retaliation for Ottawa ordering a Chinese official to leave": the name right before a gerund is
            // its subject, even after a preposition
            Mention before = article.mentionAt(s.index(), verb - 1);
            ArticleEntity gerundSubject = before == null || before.kind() == Mention.Kind.DEMONYM
                    ? null
                    : asActor(article, before, countriesOnly, false);
            if (gerundSubject != null) {
                return List.of(gerundSubject);
            }
        }
        if (firstPersonSubject(lexicon, s, verb)) {
            // "... Boric said: 'we have decided to call back our ambassador'", "« nous avons rappelé notre
            // ambassadeur », a déclaré un porte-parole": the speaker's state, the person the sentence names, else the
            // state the story named acting before; never a state named earlier in the quotation
            ArticleEntity speaker = speakerInSentence(article, s);
            if (speaker == null) {
                speaker = lastActor(earlier, s.index());
            }
            return speaker == null ? List.of() : List.of(speaker);
        }
        int pronoun = pronounSubject(lexicon, s, verb);
        if (coordinated && pronoun < 0) {
            pronoun = lastPronoun(
                    lexicon, s, clauseStart, verb); // "they are expelling ... and recalling": the first verb's
        }
        if (pronoun >= 0) {
            // "... and said he was recalling", "announced it would reopen": the pronoun's antecedent, a person's state
            // for he or she, else the actor named before it in the sentence
            boolean person = lexicon.is("PRONOUN_PERSON", s, pronoun);
            ArticleEntity state = person ? lastPersonsState(article, s, pronoun) : null;
            if (state != null) {
                return List.of(state);
            }
            List<ArticleEntity> antecedent = nearestActorChain(article, s, 0, pronoun, countriesOnly);
            if (!antecedent.isEmpty()) {
                return antecedent;
            }
        }
        List<ArticleEntity> inClause = pronoun >= 0 || coordinated
                ? List.of()
                : nearestActorChain(article, s, clauseStart, verb, countriesOnly);
        if (!inClause.isEmpty()) {
            return inClause;
        }
        int apposition = pronoun < 0 && !coordinated ? personInAppositionBefore(article, s, clauseStart, verb) : -1;
        if (apposition > 0) {
            // "La presidenta interina de Honduras, Ana Pérez, expulsó": the person set off by commas names the
            // subject before it, whose state acts
            List<ArticleEntity> subject = nearestSubjectChain(article, s, 0, apposition, countriesOnly);
            if (!subject.isEmpty()) {
                return subject;
            }
        }
        if (pronoun < 0 && !coordinated && relativeAsideBefore(lexicon, s, clauseStart, verb)) {
            // "Le Rwanda, dont le président ... à la radio France-Culture, a en outre rappelé": the subject stands
            // before the relative clause set off by commas, the verb after it
            List<ArticleEntity> subject = nearestSubjectChain(article, s, 0, clauseStart - 1, countriesOnly);
            if (!subject.isEmpty()) {
                return subject;
            }
        }
        boolean plural = false;
        boolean anaphor = false;
        for (int k = clauseStart; k < verb; k++) {
            String w = s.lower(k);
            boolean isPronoun = lexicon.is("PRONOUN_OTHER", w)
                    || lexicon.is("PRONOUN_PERSON", w)
                    || lexicon.is("RELATIVE", w)
                    || lexicon.is("PLURAL_ANAPHORS", w) && k == clauseStart;
            boolean definite = isPronoun || lexicon.is("DEFINITE", s, k - 1);
            if (lexicon.is("PLURAL_ANAPHORS", w) && definite) {
                anaphor = plural = true;
            } else if (lexicon.is("SINGULAR_ANAPHORS", w) && definite) {
                anaphor = true;
            }
        }
        if (!anaphor) {
            return List.of();
        }
        if (personalPronoun(lexicon, s, clauseStart, verb)) {
            ArticleEntity state = lastPersonsState(article, s, verb);
            if (state != null) {
                return List.of(state); // "he had ordered ...": the state of the person last named
            }
        }
        List<ArticleEntity> before = nearestActorChain(article, s, 0, clauseStart, countriesOnly);
        if (!before.isEmpty() && (!plural || before.get(0).isStateGroup() || before.size() > 1)) {
            return before;
        }
        if (plural) {
            for (int back = 1; back <= 3 && s.index() - back >= 0; back++) {
                ArticleEntity group = lastGroup(article, article.sentences.get(s.index() - back));
                if (group != null) {
                    return List.of(group);
                }
            }
            // "Saudi Arabia, Egypt, the UAE and Bahrain severed ... The four countries said ...": the list itself
            return s.index() > 0
                    ? longestActorList(article, article.sentences.get(s.index() - 1), countriesOnly)
                    : List.of();
        }
        ArticleEntity topic = lastActor(earlier, s.index());
        if (topic != null && (!countriesOnly || topic.type == EntityType.COUNTRY)) {
            return List.of(topic);
        }
        for (int back = 1; back <= 3 && s.index() - back >= 0; back++) {
            Sentence previous = article.sentences.get(s.index() - back);
            List<ArticleEntity> subject = firstActorChain(article, previous, 0, previous.size(), countriesOnly);
            if (!subject.isEmpty()) {
                return subject;
            }
        }
        return before;
    }

    /**
     * The clause of {@code verb} opens with a relative word after a comma ("Le Rwanda, dont le président ...") and
     * that relative clause closes with a comma before the verb.
     */
    /**
     * ", Jeanine Doe, expulsó", ", Foreign Minister Jane Doe, said": the verb right after a person's name set off by
     * commas (whose state no list gives); returns the index of the comma that opens the apposition, else -1.
     */
    private static int personInAppositionBefore(ArticleAnalysis article, Sentence s, int clauseStart, int verb) {
        int k = clauseStart;
        while (k < verb && article.language.lexicon().is("AUXILIARY", s, k)) {
            k++;
        }
        if (k != verb || clauseStart < 3 || !s.lower(clauseStart - 1).equals(",")) {
            return -1;
        }
        Mention person = article.mentionAt(s.index(), clauseStart - 2);
        if (person == null
                || person.entity().type != EntityType.PERSON
                || person.to() != clauseStart - 1
                || person.from() < 1
                || !s.lower(person.from() - 1).equals(",")) {
            return -1;
        }
        return person.from() - 1;
    }

    private static boolean relativeAsideBefore(Lexicon lexicon, Sentence s, int clauseStart, int verb) {
        if (clauseStart < 2 || !s.lower(clauseStart - 1).equals(",") || !lexicon.is("RELATIVE", s, clauseStart)) {
            return false;
        }
        for (int k = verb - 1; k > clauseStart; k--) {
            if (s.lower(k).equals(",")) {
                return true;
            }
        }
        return false;
    }

    /** The state of the first person the sentence names who serves one, or null. */
    private static ArticleEntity speakerInSentence(ArticleAnalysis article, Sentence s) {
        for (Mention mention : article.mentions(s.index())) {
            if (mention.entity().type == EntityType.PERSON && mention.entity().countryCode != null) {
                return article.country(mention.entity().countryCode);
            }
        }
        return null;
    }

    /**
     * "we have decided to call back", "nous avons rappelé": a first-person pronoun (the language's FIRST_PERSON)
     * right before the verb and its auxiliaries.
     */
    private static boolean firstPersonSubject(Lexicon lexicon, Sentence s, int verb) {
        int k = verb - 1;
        while (k >= 0
                && !lexicon.is("FIRST_PERSON", s, k) // "He decidido cerrar": Spanish says the person in the verb
                && (lexicon.is("AUXILIARY", s, k)
                        || lexicon.is("ALSO", s, k)
                        || lexicon.is("DECIDED", s, k)
                        || lexicon.is("TO", s, k))) {
            k--;
        }
        return k >= 0 && lexicon.is("FIRST_PERSON", s, k);
    }

    /** "... and said he was recalling": the index of a pronoun right before the verb and its auxiliaries, or -1. */
    private static int pronounSubject(Lexicon lexicon, Sentence s, int verb) {
        int k = verb - 1;
        while (k >= 0 && (lexicon.is("AUXILIARY", s, k) || lexicon.is("ALSO", s, k))) {
            k--;
        }
        String w = s.lower(k);
        return lexicon.is("PRONOUN_PERSON", w) || lexicon.is("PRONOUN_OTHER", w) ? k : -1;
    }

    private static int lastPronoun(Lexicon lexicon, Sentence s, int from, int to) {
        for (int k = to - 1; k >= from; k--) {
            String w = s.lower(k);
            if (lexicon.is("PRONOUN_PERSON", w) || lexicon.is("PRONOUN_OTHER", w)) {
                return k;
            }
        }
        return -1;
    }

    private static boolean personalPronoun(Lexicon lexicon, Sentence s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (lexicon.is("PRONOUN_PERSON", s, k)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The state of the person "he" or "she" refers to: the first person of the sentence before the pronoun (the
     * subject of "X said he ..."), else the person named last in the three sentences before.
     */
    private static ArticleEntity lastPersonsState(ArticleAnalysis article, Sentence s, int before) {
        for (Mention mention : article.mentions(s.index())) {
            if (mention.to() <= before && mention.entity().type == EntityType.PERSON) {
                return mention.entity().countryCode == null ? null : article.country(mention.entity().countryCode);
            }
        }
        for (int back = 1; back <= 3 && s.index() - back >= 0; back++) {
            List<Mention> mentions = article.mentions(s.index() - back);
            for (int m = mentions.size() - 1; m >= 0; m--) {
                Mention mention = mentions.get(m);
                if (mention.entity().type == EntityType.PERSON) {
                    return mention.entity().countryCode == null ? null : article.country(mention.entity().countryCode);
                }
            }
        }
        return null;
    }

    private static int clauseStart(Lexicon lexicon, Sentence s, int verb) {
        int start = 0;
        for (int k = verb - 1; k >= 0; k--) {
            if (breaksClause(lexicon, s, k)) {
                start = k + 1;
                break;
            }
        }
        if (lexicon.matchAt("SUBORDINATE_OPENERS", s, start) > 0) {
            // "While the US and UK stand by Israel, governments across Latin America have moved to cut their links":
            // the subordinate clause before the comma holds no subject of the main verb
            for (int k = start + 1; k < verb; k++) {
                if (s.lower(k).equals(",")) {
                    return k + 1;
                }
            }
        }
        return start;
    }

    /** The actor of the latest action found in this sentence or the three before it, or null. */
    private static ArticleEntity lastActor(List<Found> earlier, int sentence) {
        for (int f = earlier.size() - 1; f >= 0; f--) {
            Found found = earlier.get(f);
            if (sentence - found.sentence.index() > 3) {
                break;
            }
            return found.actor;
        }
        return null;
    }

    /** The longest coordinated list of two or more acting states in a sentence, or nothing. */
    private static List<ArticleEntity> longestActorList(ArticleAnalysis article, Sentence s, boolean countriesOnly) {
        List<Mention> best = List.of();
        for (Mention mention : article.mentions(s.index())) {
            if (asActor(article, mention, countriesOnly, false) == null || mention.kind() == Mention.Kind.DEMONYM) {
                continue;
            }
            List<Mention> chain = coordinatedBefore(article, s, mention, countriesOnly);
            if (chain.size() > best.size()) {
                best = chain;
            }
        }
        return best.size() < 2 ? List.of() : actorsOf(article, best, countriesOnly);
    }

    private static ArticleEntity lastGroup(ArticleAnalysis article, Sentence s) {
        List<Mention> mentions = article.mentions(s.index());
        for (int m = mentions.size() - 1; m >= 0; m--) {
            if (mentions.get(m).entity().isStateGroup()) {
                return mentions.get(m).entity();
            }
        }
        return null;
    }

    /** The acting chain nearest before {@code to}, skipping objects of prepositions. */
    private static List<ArticleEntity> nearestActorChain(
            ArticleAnalysis article, Sentence s, int from, int to, boolean countriesOnly) {
        List<Mention> mentions = article.mentions(s.index());
        for (int m = mentions.size() - 1; m >= 0; m--) {
            List<ArticleEntity> actors = chainEndingWith(article, s, mentions.get(m), from, to, countriesOnly);
            if (actors != null) {
                return actors;
            }
        }
        return List.of();
    }

    /** The acting chain nearest before {@code to} that stands where a subject stands: opening the clause. */
    private static List<ArticleEntity> nearestSubjectChain(
            ArticleAnalysis article, Sentence s, int from, int to, boolean countriesOnly) {
        Lexicon lexicon = article.language.lexicon();
        List<Mention> mentions = article.mentions(s.index());
        for (int m = mentions.size() - 1; m >= 0; m--) {
            List<ArticleEntity> actors = chainEndingWith(article, s, mentions.get(m), from, to, countriesOnly);
            if (actors == null) {
                continue;
            }
            int k = coordinatedBefore(article, s, mentions.get(m), countriesOnly)
                            .get(0)
                            .from()
                    - 1;
            if (lexicon.is("ARTICLE", s, k)) {
                k--;
            }
            if (k < from
                    || s.lower(k).equals(",")
                    || lexicon.is("SUBJECT_OPENERS", s, k)
                    || s.token(k).isQuote()
                    || endsADateline(article, s, k)) {
                return actors;
            }
        }
        return List.of();
    }

    /**
     * "ABUJA, Nigeria (Wire) - West African leaders will close ...", "Abuja, Nigeria West African leaders ...": token
     * {@code k} closes the dateline, so the name after it opens the sentence.
     */
    private static boolean endsADateline(ArticleAnalysis article, Sentence s, int k) {
        if (k < 1 || k > 12) {
            return false;
        }
        Mention at = article.mentionAt(s.index(), k);
        if (at != null && at.to() == k + 1 && article.isDateline(s, at)) {
            return true;
        }
        String w = s.lower(k);
        if (!w.equals("-") && !w.equals("\u2014") && !w.equals("\u2013") && !w.equals(":")) {
            return false;
        }
        for (int j = 0; j < k; j++) {
            String word = s.token(j).text();
            boolean datelineWord = word.equals(",")
                    || word.equals("(")
                    || word.equals(")")
                    || word.equals("/")
                    || Character.isUpperCase(word.charAt(0));
            if (!datelineWord) {
                return false; // "the talks failed - Nigeria will ...": no dateline
            }
        }
        return true;
    }

    /** The first acting chain of the span: the subject of a sentence's main clause. */
    private static List<ArticleEntity> firstActorChain(
            ArticleAnalysis article, Sentence s, int from, int to, boolean countriesOnly) {
        for (Mention mention : article.mentions(s.index())) {
            List<ArticleEntity> actors = chainEndingWith(article, s, mention, from, to, countriesOnly);
            if (actors != null) {
                return actors;
            }
        }
        return List.of();
    }

    private static List<ArticleEntity> chainEndingWith(
            ArticleAnalysis article, Sentence s, Mention mention, int from, int to, boolean countriesOnly) {
        if (mention.to() > to
                || mention.from() < from
                || article.isDateline(s, mention)
                || insideAside(article.language.lexicon(), s, mention.from(), to)) {
            return null;
        }
        // "the Syrian government", "West African leaders": a demonym beside a governing noun is its state or bloc
        boolean governing = mention.kind() == Mention.Kind.DEMONYM
                && governmentNounBeside(article, s, mention)
                && !objectOfAnAction(article.language.lexicon(), s, mention.from());
        ArticleEntity actor = asActor(article, mention, countriesOnly, governing);
        if (actor == null || mention.kind() == Mention.Kind.DEMONYM && !governing) {
            return null;
        }
        List<Mention> chain = coordinatedBefore(article, s, mention, countriesOnly);
        if (isPrepositionalObject(article.language.lexicon(), s, chain.get(0).from())) {
            return null;
        }
        return actorsOf(article, chain, countriesOnly);
    }

    /**
     * "India expelled six Canadian diplomats after deciding to withdraw": a demonym's phrase right after an action's
     * verb (numbers and determiners between) is that action's object, never the subject of a verb after it.
     */
    private static boolean objectOfAnAction(Lexicon lexicon, Sentence s, int start) {
        int k = start - 1;
        while (k >= 0 && (lexicon.is("DETERMINERS", s, k) || s.token(k).isNumber())) {
            k--;
        }
        return k >= 0
                && (lexicon.is("EXPEL", s, k)
                        || lexicon.is("RECALL", s, k)
                        || lexicon.is("ORDER", s, k)
                        || lexicon.is("GIVE", s, k));
    }

    /**
     * ", claiming the U.S. was trying to depose him, ordered": a mention inside an aside set off by commas that opens
     * with a participle or a relative pronoun, between the mention and the verb, is not the verb's subject.
     */
    private static boolean insideAside(Lexicon lexicon, Sentence s, int at, int verb) {
        int open = -1;
        for (int k = at - 1; k >= 0 && at - k <= 12; k--) {
            if (s.lower(k).equals(",")) {
                open = k;
                break;
            }
        }
        if (open < 0) {
            return false;
        }
        String first = s.lower(open + 1);
        boolean aside = isParticiple(lexicon, first) || lexicon.is("ASIDE_OPENERS", first);
        if (!aside) {
            return false;
        }
        for (int k = at; k < verb; k++) {
            if (s.lower(k).equals(",")) {
                return true; // the aside closes before the verb
            }
        }
        return false;
    }

    /** The chain of actors that starts exactly at token {@code start}: "by Russia and China". */
    private static List<ArticleEntity> chainStartingAt(
            ArticleAnalysis article, Sentence s, int start, boolean countriesOnly) {
        List<Mention> chain = new ArrayList<>();
        int k = start;
        while (k < s.size()) {
            Mention mention = article.mentionAt(s.index(), k);
            if (mention == null || mention.from() != k || asActor(article, mention, countriesOnly, true) == null) {
                break;
            }
            chain.add(mention);
            k = mention.to();
            Lexicon lexicon = article.language.lexicon();
            while (k < s.size()
                    && (lexicon.is("LIST_JOINERS", s, k) || lexicon.is("OF", s, k) && lexicon.is("AND", s, k - 1))) {
                k++; // "le veto de la Russie et de la Chine": the preposition repeated after "and"
            }
        }
        return actorsOf(article, chain, countriesOnly);
    }

    private static List<ArticleEntity> actorsOf(ArticleAnalysis article, List<Mention> chain, boolean countriesOnly) {
        List<ArticleEntity> actors = new ArrayList<>();
        for (Mention member : chain) {
            ArticleEntity a = asActor(article, member, countriesOnly, true);
            if (a != null && !actors.contains(a)) {
                actors.add(a);
            }
        }
        return actors;
    }

    /** "France, Italy, Britain, Belgium, the Netherlands and Spain": the whole list ending at {@code last}. */
    private static List<Mention> coordinatedBefore(
            ArticleAnalysis article, Sentence s, Mention last, boolean countriesOnly) {
        List<Mention> chain = new ArrayList<>();
        chain.add(last);
        int k = last.from() - 1;
        while (k >= 0) {
            int j = k;
            boolean joined = false;
            Lexicon lexicon = article.language.lexicon();
            while (j >= 0) {
                if (lexicon.is("LIST_JOINERS", s, j)) {
                    joined |= !lexicon.is("ARTICLE", s, j);
                    j--;
                } else if (j > 0 && lexicon.is("OF", s, j) && lexicon.is("AND", s, j - 1)) {
                    j--; // "du Niger et du Burkina Faso": the preposition repeated after "and"
                } else if (lexicon.endsAt("ALLY_JOINERS", s, j + 1)) {
                    // "le Mali et ses alliés du Niger", "Russia and its ally Belarus": the allies act with it
                    joined = true;
                    j -= entryLengthEndingAt(lexicon, "ALLY_JOINERS", s, j);
                } else {
                    break;
                }
            }
            if (!joined || j < 0) {
                break;
            }
            Mention previous = article.mentionAt(s.index(), j);
            if (previous == null
                    || asActor(article, previous, countriesOnly, false) == null
                    || previous.kind() == Mention.Kind.DEMONYM) {
                break;
            }
            chain.add(0, previous);
            k = previous.from() - 1;
        }
        return chain;
    }

    /** How many tokens the longest entry of the class that ends at token {@code last} has (at most five). */
    private static int entryLengthEndingAt(Lexicon lexicon, String className, Sentence s, int last) {
        int longest = 0;
        StringBuilder phrase = new StringBuilder();
        for (int n = 1; n <= 5 && last - n + 1 >= 0; n++) {
            phrase.insert(0, n == 1 ? s.lower(last) : s.lower(last - n + 1) + " ");
            if (lexicon.isEntry(className, phrase.toString())) {
                longest = n;
            }
        }
        return longest;
    }

    /** "in the 193-member General Assembly", "of several Syrian officials": the object of a preposition. */
    private static boolean isPrepositionalObject(Lexicon lexicon, Sentence s, int start) {
        int k = start - 1;
        while (k >= 0
                && (lexicon.is("DETERMINERS", s, k)
                        || s.token(k).isNumber()
                        || s.lower(k).endsWith("-member")
                        || s.lower(k).endsWith("-based"))) {
            k--;
        }
        String w = s.lower(k);
        if (lexicon.is("OF", w) && lexicon.endsAt("GROUP_HEADS", s, k)) {
            return false; // "members of the GCC", "les ministres des Affaires étrangères de l'UE"
        }
        if (lexicon.is("COMPLEMENTIZER", w) && !lexicon.is("COMPARATIVES", s, k - 1)) {
            return false; // "a annoncé que la Russie expulse": "que" opens a clause whose subject acts (not "plus que")
        }
        if (lexicon.is("CASUALTY_LOCATIVES", w) && rulersBefore(lexicon, s, k - 1)) {
            return false; // "the junta in Mali", "les militaires au pouvoir au Niger": who rules there acts
        }
        return lexicon.is("OBJECT_PREPOSITIONS", w);
    }

    /** Whether token {@code k} ends "the junta", "les militaires au pouvoir", "los militares en el poder". */
    private static boolean rulersBefore(Lexicon lexicon, Sentence s, int k) {
        if (lexicon.is("IN_POWER", s, k) && !lexicon.is("RULERS_IN", s, k - 1)) {
            k--;
            while (k >= 0 && (lexicon.is("ARTICLE", s, k) || lexicon.is("CASUALTY_LOCATIVES", s, k))) {
                k--;
            }
        }
        return k >= 0 && lexicon.is("RULERS_IN", s, k);
    }

    /** "the Syrian government", and where demonyms follow their noun "le gouvernement syrien", "las autoridades malienses". */
    private static boolean governmentNounBeside(ArticleAnalysis article, Sentence s, Mention demonym) {
        Lexicon lexicon = article.language.lexicon();
        if (demonymsFollow(lexicon)) {
            int k = demonym.from();
            return lexicon.is("GOVERNMENT_NOUNS", s, k - 1) || lexicon.is("GOVERNMENT_NOUNS", s, k - 2);
        }
        int k = demonym.to();
        return lexicon.is("GOVERNMENT_NOUNS", s, k) || lexicon.is("GOVERNMENT_NOUNS", s, k + 1);
    }

    /**
     * The state or group a mention stands for when it acts, or null (media, places, people with no known state):
     * a country, a group of states or an international body, a capital used as its government, a person who serves
     * a known state.
     */
    private static ArticleEntity asActor(
            ArticleAnalysis article, Mention mention, boolean countriesOnly, boolean allowDemonym) {
        ArticleEntity entity = mention.entity();
        if (mention.kind() == Mention.Kind.DEMONYM && !allowDemonym && entity.type != EntityType.COUNTRY) {
            return null;
        }
        if (entity.type == EntityType.COUNTRY) {
            return entity;
        }
        if (entity.type == EntityType.PERSON && entity.countryCode != null) {
            return article.country(entity.countryCode);
        }
        if (entity.known != null
                && entity.known.orgKind() == KnownEntity.OrgKind.GOVERNMENT
                && entity.countryCode != null) {
            return article.country(entity.countryCode); // "the State Department" acts for the United States
        }
        if (countriesOnly) {
            return null;
        }
        return entity.canActDiplomatically() && entity.type == EntityType.ORGANISATION ? entity : null;
    }

    /** The acting entities among the mentions of tokens {@code [from, to)}. */
    private static List<ArticleEntity> entitiesIn(
            ArticleAnalysis article, Sentence s, int from, int to, boolean allowDemonym) {
        List<ArticleEntity> entities = new ArrayList<>();
        for (Mention mention : article.mentions(s.index())) {
            if (mention.from() >= from && mention.to() <= to) {
                ArticleEntity entity = asActor(article, mention, false, allowDemonym);
                if (entity == null) {
                    entity = stateOf(article, mention);
                }
                if (entity != null && !entities.contains(entity)) {
                    entities.add(entity);
                }
            }
        }
        return entities;
    }

    // ---------------------------------------------------------------- targets

    private List<ArticleEntity> targets(
            ArticleAnalysis article,
            Sentence s,
            TriggerTable.Found trigger,
            List<ArticleEntity> actors,
            List<Found> earlier) {
        TriggerPattern.Match match = trigger.match();
        Lexicon lexicon = article.language.lexicon();
        if (match.targetFrom() >= 0) {
            List<ArticleEntity> named = entitiesIn(article, s, match.targetFrom(), match.targetTo(), true);
            named.removeAll(actors);
            if (!named.isEmpty()) {
                return named;
            }
        }
        if (vocabulary.targetFromFrameOnly(trigger.trigger().action())) {
            return List.of(); // "vetoed a resolution calling for a ceasefire in Gaza": Gaza is no target of the veto
        }
        // The object's own state: "expelling Syrian envoys", "Syria's ambassador", "Iran's diplomatic mission".
        int from = match.from();
        if (lexicon.is("POSSESSIVE", s, from - 1)) {
            from = Math.max(0, from - 2);
        } else if (article.mentionAt(s.index(), from - 1) != null) {
            from = article.mentionAt(s.index(), from - 1).from();
        }
        // "expulse 23 diplomates russes": where demonyms follow their noun, the one right after the frame qualifies it
        Mention after = demonymsFollow(lexicon) ? article.mentionAt(s.index(), match.to()) : null;
        int to = after != null && after.kind() == Mention.Kind.DEMONYM && after.from() == match.to()
                ? after.to()
                : match.to();
        for (int k = from; k < to; k++) {
            if (match.actorFrom() >= 0 && k >= match.actorFrom() && k < match.actorTo()) {
                continue;
            }
            ArticleEntity state = stateOf(article, article.mentionAt(s.index(), k));
            if (state != null && !actors.contains(state)) {
                // "the top diplomats from Australia and New Zealand", "the Australian and New Zealand envoys": the
                // whole list inside the frame
                List<ArticleEntity> groups = new ArrayList<>(List.of(state));
                Mention member = article.mentionAt(s.index(), k);
                while (member != null && member.to() < to) {
                    int next = member.to();
                    while (next < to && lexicon.is("LIST_JOINERS", s, next)) {
                        next++;
                    }
                    member = next > member.to() ? article.mentionAt(s.index(), next) : null;
                    ArticleEntity listed = member == null || member.to() > to ? null : stateOf(article, member);
                    if (listed == null) {
                        break;
                    }
                    if (!groups.contains(listed) && !actors.contains(listed)) {
                        groups.add(listed);
                    }
                }
                for (ArticleEntity more : envoyGroupsListedFrom(article, s, to)) {
                    if (!groups.contains(more) && !actors.contains(more)) {
                        groups.add(more);
                    }
                }
                return groups;
            }
        }
        if (demonymsFollow(lexicon)) {
            // "soumettre à des sanctions 21 responsables ukrainiens et russes": the object's demonyms follow its noun
            for (int k = match.to(); k < Math.min(s.size(), match.to() + 4); k++) {
                Mention mention = article.mentionAt(s.index(), k);
                if (breaksClause(lexicon, s, k)
                        || lexicon.is("TARGET_PREPOSITIONS", s, k)
                        || mention != null && mention.kind() != Mention.Kind.DEMONYM) {
                    break;
                }
                if (mention != null) {
                    List<ArticleEntity> listed = statesListedFrom(article, s, k);
                    listed.removeAll(actors);
                    if (!listed.isEmpty()) {
                        return listed;
                    }
                    break;
                }
            }
        }
        // "from Canada", "in Yemen", "against Qatar", "the ambassadors of ten Western nations".
        int limit = Math.min(s.size(), match.to() + TARGET_WINDOW); // to the clause's end, at most
        for (int k = match.to(); k < limit; k++) {
            if (breaksClause(lexicon, s, k)
                    || opensParticipleAside(lexicon, s, k)
                    || lexicon.matchAt("CAUSE_PREPOSITIONS", s, k) > 0) {
                break; // "imposed travel bans on five officials, over the referendum held in Crimea": a cause
            }
            boolean of = lexicon.is("OF", s, k) && k == match.to();
            if (lexicon.is("TARGET_PREPOSITIONS", s, k) || of) {
                // "with Qatar", "with the Gulf Arab country Qatar": the first state within a few words
                for (int j = k + 1; j < Math.min(s.size(), k + 5) && !breaksClause(lexicon, s, j); j++) {
                    List<ArticleEntity> listed = statesListedFrom(article, s, j);
                    listed.removeAll(actors);
                    if (!listed.isEmpty()) {
                        return listed;
                    }
                    List<ArticleEntity> referredTo =
                            statesReferredTo(article, s, k + 1, j, match.from(), actors, earlier);
                    if (!referredTo.isEmpty()) {
                        return referredTo;
                    }
                    Mention group = article.mentionAt(s.index(), j);
                    if (group != null
                            && group.from() == j
                            && group.entity().isStateGroup()
                            && !actors.contains(group.entity())
                            && vocabulary.mayAimAtMembersOfAGroup(
                                    trigger.trigger().action())) {
                        return List.of(group.entity()); // "recalled its ambassadors to the West African states"
                    }
                    if (lexicon.is("TARGET_PREPOSITIONS", s, j) || article.mentionAt(s.index(), j) != null) {
                        break; // another phrase, or a mention that is no state ("with its embassy", "with Hamas")
                    }
                }
            }
        }
        if (trigger.trigger().action() == DiplomaticActionType.EXPEL_DIPLOMATS) {
            ArticleEntity body = envoysBody(article, s, match.from(), limit);
            if (body != null && !actors.contains(body)) {
                return List.of(body);
            }
        }
        return FROM_CONTEXT_ONLY;
    }

    /** The most words between an envoy's noun and the "of" that names whom the envoy serves ("special"). */
    private static final int ENVOY_TITLE_REACH = 2;

    /**
     * The bloc or body whose envoy an expulsion sends away: "le représentant spécial de la CEDEAO", "the ECOWAS
     * envoy", "al representante especial de la Cedeao". Null when the envoys named in tokens {@code [from, to)} serve
     * no bloc or body.
     */
    private static ArticleEntity envoysBody(ArticleAnalysis article, Sentence s, int from, int to) {
        Lexicon lexicon = article.language.lexicon();
        for (int k = from; k < to && !breaksClause(lexicon, s, k); k++) {
            int envoy = lexicon.matchAt("DIPLOMAT", s, k);
            if (envoy == 0) {
                continue;
            }
            Mention before = article.mentionAt(s.index(), k - 1);
            if (before != null && before.entity().isGroupOrBody()) {
                return before.entity(); // "the ECOWAS envoy"
            }
            for (int j = k + envoy; j < Math.min(s.size(), k + envoy + ENVOY_TITLE_REACH + 1); j++) {
                if (lexicon.is("OF", s, j)) {
                    int named = lexicon.is("ARTICLE", s, j + 1) ? j + 2 : j + 1;
                    Mention after = article.mentionAt(s.index(), named);
                    return after != null
                                    && after.from() == named
                                    && after.entity().isGroupOrBody()
                            ? after.entity()
                            : null;
                }
                if (article.mentionAt(s.index(), j) != null) {
                    break;
                }
            }
        }
        return null;
    }

    /**
     * ", accusant Doha de déstabilisation à partir de la Libye", ", accusing Doha of ...": a participle after a comma
     * opens an aside about the action, whose objects are not its target ("including" joins a list instead).
     */
    private static boolean opensParticipleAside(Lexicon lexicon, Sentence s, int k) {
        return s.lower(k).equals(",")
                && k + 1 < s.size()
                && isParticiple(lexicon, s.lower(k + 1))
                && !lexicon.is("LIST_JOINERS", s, k + 1);
    }

    /** How many sentences back a plural anaphor ("the three countries") looks for the list it refers to. */
    private static final int ANAPHOR_REACH = 3;

    /**
     * The states a plural anaphor ending at token {@code noun} refers to: "recalling its ambassadors from the three
     * countries", "dans ces mêmes pays", "a sus embajadores en esos países". The phrase from {@code from} is
     * determiners and numbers ending in a noun of states (PLURAL_STATE_NOUNS), with a plural determiner or a number
     * before it. It refers to the last group of two or more states, none of them an actor (and as many as the phrase
     * counts, when it counts them), named in the sentence before the trigger or in the few sentences before: a list
     * ("Mali, Niger and Burkina Faso") or the states that acted together in an action found there ("le Mali et ses
     * alliés du Niger et du Burkina Faso ont rappelé"). Empty when the tokens are no such phrase or no group fits.
     */
    private static List<ArticleEntity> statesReferredTo(
            ArticleAnalysis article,
            Sentence s,
            int from,
            int noun,
            int trigger,
            List<ArticleEntity> actors,
            List<Found> earlier) {
        Lexicon lexicon = article.language.lexicon();
        if (noun <= from || !lexicon.is("PLURAL_STATE_NOUNS", s, noun)) {
            return List.of();
        }
        boolean plural = false;
        int counted = -1;
        for (int k = from; k < noun; k++) {
            String w = s.lower(k);
            long number = article.language.numbers().exactValue(w);
            if (number > 1) {
                counted = (int) number;
            } else if (lexicon.is("PLURAL_DEFINITE", w)) {
                plural = true;
            } else if (!lexicon.is("DETERMINERS", w) && !lexicon.is("ARTICLE", w)) {
                return List.of();
            }
        }
        if (!plural && counted < 0) {
            return List.of();
        }
        int size = counted;
        java.util.function.Predicate<List<ArticleEntity>> fits = group -> group.size() >= 2
                && (size < 0 || group.size() == size)
                && group.stream().noneMatch(actors::contains);
        for (int back = 0; back <= ANAPHOR_REACH && s.index() - back >= 0; back++) {
            Sentence before = article.sentences.get(s.index() - back);
            List<ArticleEntity> best = null;
            int bestAt = -1;
            List<ArticleEntity> open = List.of();
            for (Mention mention : article.mentions(before.index())) {
                if (back == 0 && mention.to() > trigger) {
                    break;
                }
                List<ArticleEntity> listed = statesListedFrom(article, before, mention.from());
                if (!open.isEmpty() && open.containsAll(listed)) {
                    continue; // the tail of a list already read whole: "Sudan and Libya" is not "the two countries"
                }
                open = listed;
                if (fits.test(listed)) {
                    best = listed;
                    bestAt = before.token(mention.from()).start();
                }
            }
            for (int f = 0; f < earlier.size(); f++) {
                Found action = earlier.get(f);
                if (action.sentence != before) {
                    continue;
                }
                List<ArticleEntity> together = new ArrayList<>();
                for (Found other : earlier) {
                    if (other.sentence == before
                            && other.charStart == action.charStart
                            && !together.contains(other.actor)) {
                        together.add(other.actor);
                    }
                }
                if (fits.test(together) && action.charStart > bestAt) {
                    best = together;
                    bestAt = action.charStart;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return List.of();
    }

    /** The most words one group of envoys in a list takes: "as well as a Latvian diplomat", "quatre diplomates polonais". */
    private static final int ENVOY_GROUP_REACH = 5;

    /**
     * The states of the further groups of envoys listed after the object, from token {@code from}: "expelled the
     * Finnish ambassador, four Polish diplomats, three Lithuanians and a Latvian diplomat". Each group is a few words
     * of numbers, determiners and envoy nouns around one demonym, and the list stops at the first group that is not.
     */
    private static List<ArticleEntity> envoyGroupsListedFrom(ArticleAnalysis article, Sentence s, int from) {
        Lexicon lexicon = article.language.lexicon();
        List<ArticleEntity> states = new ArrayList<>();
        int k = from;
        while (k < s.size()) {
            int joined = k;
            for (int joiner; (joiner = lexicon.matchAt("ENVOY_LIST_JOINERS", s, joined)) > 0; ) {
                joined += joiner;
            }
            if (joined == k) {
                break;
            }
            ArticleEntity state = null;
            boolean envoys = false;
            int end = joined;
            while (end < s.size() && end < joined + ENVOY_GROUP_REACH) {
                Mention mention = article.mentionAt(s.index(), end);
                int envoy = lexicon.matchAt("DIPLOMAT", s, end);
                if (mention != null && mention.kind() == Mention.Kind.DEMONYM && state == null) {
                    state = stateOf(article, mention);
                    end = mention.to();
                } else if (mention == null && envoy > 0) {
                    envoys = true;
                    end += envoy;
                } else if (mention == null
                        && (s.token(end).isNumber()
                                || lexicon.is("DETERMINERS", s, end)
                                || lexicon.is("ARTICLE", s, end)
                                || article.language.numbers().exactValue(s.lower(end)) > 0)) {
                    end++;
                } else {
                    break;
                }
            }
            boolean closed = end >= s.size()
                    || breaksClause(lexicon, s, end)
                    || s.lower(end).equals(",")
                    || lexicon.matchAt("ENVOY_LIST_JOINERS", s, end) > 0;
            if (state == null || !closed && !envoys) {
                break; // "expelled the Finnish ambassador, Russian media said": no group of envoys
            }
            states.add(state);
            k = end;
        }
        return states;
    }

    /** What {@link #targets} answers when the sentence names no target: the article's subject decides. */
    private static final List<ArticleEntity> FROM_CONTEXT_ONLY =
            java.util.Collections.unmodifiableList(new ArrayList<>());

    /**
     * The target of the story's last action of the same kind by others ("France expelled the Syrian envoy ... Canada
     * and Australia joined the expulsions": Syria), else of the same kind by the same actor (the story telling it
     * again), else the state the article is most about apart from the actors, else no target.
     */
    private List<ArticleEntity> contextTarget(
            ArticleAnalysis article, List<ArticleEntity> actors, DiplomaticActionType action, List<Found> earlier) {
        for (int i = earlier.size() - 1; i >= 0; i--) {
            Found previous = earlier.get(i);
            if (previous.action == action
                    && previous.target != null
                    && !actors.contains(previous.target)
                    && !actors.contains(previous.actor)) {
                return java.util.Collections.singletonList(previous.target);
            }
        }
        // "Pékin a annoncé le rappel de son ambassadeur en Lituanie ... le rappel de son ambassadeur dans le pays
        // balte": the story tells its actor's action again, and the one target it named for it is still the target
        // (when it named several, "the" one is not known)
        java.util.Set<ArticleEntity> told = new java.util.LinkedHashSet<>();
        for (Found previous : earlier) {
            if (previous.action == action
                    && previous.target != null
                    && actors.contains(previous.actor)
                    && !actors.contains(previous.target)) {
                told.add(previous.target);
            }
        }
        if (told.size() == 1) {
            return java.util.Collections.singletonList(told.iterator().next());
        }
        // The state the story is about, but not one it tells doing the same kind of thing: in "the US evacuated its
        // embassy ... the fighting forced the UN and Turkey to pull out their diplomatic staff" the staff leave Libya,
        // not the United States the story names most. A state the story tells acting against these actors, or acted
        // against itself, is a party to the quarrel and stays a candidate ("Venezuela expelled ... Germany recalls").
        java.util.Set<ArticleEntity> parties = new java.util.HashSet<>();
        for (Found previous : earlier) {
            parties.add(previous.target);
            if (actors.contains(previous.target)) {
                parties.add(previous.actor);
            }
        }
        java.util.Set<ArticleEntity> notTargets = new java.util.HashSet<>(actors);
        for (Found previous : earlier) {
            if (vocabulary.family(previous.action).equals(vocabulary.family(action))
                    && !parties.contains(previous.actor)) {
                notTargets.add(previous.actor);
            }
        }
        ArticleEntity main = article.mainCountryExcept(notTargets);
        if (actors.size() == 2
                && actors.stream().allMatch(a -> a.type == EntityType.COUNTRY)
                && (main == null
                        || article.mentionCount(main)
                                < Math.min(article.mentionCount(actors.get(0)), article.mentionCount(actors.get(1))))) {
            // "Venezuela and Mexico recalled their ambassadors" in a story about the two of them: each recalls its
            // envoy from the other; a third state named less than either is background ("a U.S. trade proposal")
            return actors;
        }
        return java.util.Collections.singletonList(main);
    }

    /**
     * The states named by the list starting at token {@code j}: "Bahrain, Egypt and the UAE". Only states: a bloc
     * after a preposition is where the action happens ("vetoed in the UN Security Council"), not its target.
     */
    private static List<ArticleEntity> statesListedFrom(ArticleAnalysis article, Sentence s, int j) {
        List<ArticleEntity> states = new ArrayList<>();
        boolean joinedByWord = false;
        int k = j;
        while (k < s.size()) {
            Mention mention = article.mentionAt(s.index(), k);
            ArticleEntity state = stateOf(article, mention);
            if (state == null) {
                break;
            }
            if (!states.contains(state)) {
                states.add(state);
            }
            k = mention.to();
            int next = k;
            while (next < s.size() && article.language.lexicon().is("LIST_JOINERS", s, next)) {
                joinedByWord |= !s.lower(next).equals(",");
                next++;
            }
            if (next == k) {
                break;
            }
            Mention counted = next + 1 < s.size()
                            && (s.token(next).isNumber()
                                    || article.language.numbers().exactValue(s.lower(next)) > 0)
                    ? article.mentionAt(s.index(), next + 1)
                    : null;
            if (mention.kind() == Mention.Kind.DEMONYM
                    && counted != null
                    && counted.kind() == Mention.Kind.DEMONYM
                    && counted.from() == next + 1) {
                next++; // "cinco salvadoreños y dos guatemaltecos": people counted by their states
            }
            k = next;
        }
        // "con Taipéi, Pekín celebró": names joined by commas alone, the last one followed by a word that is no
        // preposition (a verb of the next clause), are no list; the comma ended the phrase ("to US, Israel over" is
        // one)
        Lexicon lexicon = article.language.lexicon();
        boolean nextClause = k < s.size()
                && s.token(k).isWord()
                && !lexicon.is("OBJECT_PREPOSITIONS", s, k)
                && !lexicon.is("TARGET_PREPOSITIONS", s, k);
        return joinedByWord || states.size() < 2 || !nextClause ? states : new ArrayList<>(states.subList(0, 1));
    }

    /** The state a mention stands for: itself, the state a place lies in, or the state a person serves. */
    static ArticleEntity stateOf(ArticleAnalysis article, Mention mention) {
        if (mention == null) {
            return null;
        }
        ArticleEntity entity = mention.entity();
        if (entity.type == EntityType.COUNTRY) {
            return entity;
        }
        if ((entity.type == EntityType.PLACE || entity.type == EntityType.PERSON) && entity.countryCode != null) {
            return article.country(entity.countryCode);
        }
        return null;
    }

    // ---------------------------------------------------------------- modality, time

    /** The modality the head's clause gives the action (see the class comment). */
    /** Whether token {@code k} lies inside a fixed name that holds a cue word ("right of veto", "projet de résolution"). */
    private static boolean insideName(Lexicon lexicon, Sentence s, int k) {
        for (int start = Math.max(0, k - 3); start <= k; start++) {
            if (start + lexicon.matchAt("NAMES_HOLDING_CUES", s, start) > k) {
                return true;
            }
        }
        return false;
    }

    private static Modality modality(Language language, Sentence s, TriggerPattern.Match match) {
        Lexicon lexicon = language.lexicon();
        int head = match.head();
        if (isParticiple(lexicon, s.lower(head)) && lexicon.is("GERUND_DEBATE", s, head - 1)) {
            return Modality.PLANNED; // "divided over suspending Syria's membership": discussed, not done
        }
        if (lexicon.is("CONDITION", s, firstWord(s))) {
            return Modality.THREATENED; // "If the junta fails to hand power within 15 days, the AU will suspend ..."
        }
        for (int k = head - 1; k >= Math.max(0, head - MODALITY_WINDOW); k--) {
            if (k < head - 1 && (breaksClause(lexicon, s, k) || s.lower(k).equals(","))) {
                break;
            }
            if (lexicon.endsAt("RETRACT", s, k + 1)) {
                return Modality.NEGATED; // "stepped back from a threat to expel": retracted, whatever it was before
            }
        }
        for (int k = head - 1; k > 0; k--) {
            if (breaksClause(lexicon, s, k) || opensParticipleAside(lexicon, s, k)) {
                break; // "denied reports ..., saying it was working on a response to the U.S. decision to kick out"
            }
            if (lexicon.endsAt("DENIED_REPORTS", s, k + 1)) {
                return Modality.NEGATED; // "has denied reports that four staff ... had been expelled by Canada"
            }
        }
        boolean decidedNearer = false;
        for (int k = head - 1; k >= Math.max(0, head - MODALITY_WINDOW); k--) {
            if (k < head - 1 && (breaksClause(lexicon, s, k) || s.lower(k).equals(","))) {
                if (s.lower(k).equals(",") && lexicon.endsAt("OTHERWISE", s, k)) {
                    return Modality.THREATENED; // "act within a month; otherwise, the diplomats will be declared"
                }
                break; // cues belong to the head's own clause: ", claiming the U.S. was trying to ..., ordered"
            }
            if (lexicon.endsAt("OTHERWISE", s, k + 1)) {
                return Modality.THREATENED; // "or else they will be expelled"
            }
            int end = k + 1;
            if (lexicon.endsAt("RETRACT", s, end)) {
                return Modality.NEGATED;
            }
            boolean notOnly = lexicon.is("NOT", s, k) && lexicon.is("NOT_NEGATING", s, end);
            // "N'Djamena" is a name, not "n'": an elided negation never stands before a capitalised word
            boolean elidedIntoName =
                    s.lower(k).endsWith("'") && end < s.size() && s.token(end).isCapitalised();
            // "l'Union africaine sans surprise a suspendu", "expelled without delay": an idiom, no negation
            boolean idiom = lexicon.matchAt("NOT_A_NEGATION", s, k) > 0;
            if (head - k <= 4 && lexicon.endsAt("NEGATION", s, end) && !notOnly && !elidedIntoName && !idiom) {
                return Modality.NEGATED; // but "has not only closed its embassy"
            }
            if (lexicon.endsAt("DECIDED", s, end)) {
                decidedNearer = true;
            }
            if (insideName(lexicon, s, k)) {
                continue; // "son droit de veto", "un projet de résolution": a cue word inside a name is no cue
            }
            if (lexicon.endsAt("THREAT", s, end)) {
                return Modality.THREATENED;
            }
            if (!decidedNearer
                    && (lexicon.endsAt("CALL", s, end)
                            || lexicon.endsAt("POSSIBLE", s, end)
                            || lexicon.endsAt("PLAN", s, end)
                            || lexicon.endsAt("CONDITION", s, end)
                            || lexicon.endsAt("UNREPORTED_WOULD", s, end) && !reported(language, s))) {
                return Modality.PLANNED;
            }
        }
        for (int k = match.to(); k < s.size(); k++) {
            if (breaksClause(lexicon, s, k) && !s.lower(k).equals(",")) {
                break;
            }
            if (lexicon.endsAt("THREAT", s, k + 1) || lexicon.is("AND", s, k) && lexicon.is("AUXILIARY", s, k + 1)) {
                break; // "has suspended Mali and threatened sanctions if ...": the condition is the next verb's
            }
            if (lexicon.is("CONDITION", s, k)) {
                return Modality.THREATENED; // "will expel the ambassador if the series airs again"
            }
        }
        if ((s.lower(s.size() - 1).equals("?") || s.lower(s.size() - 2).equals("?")) && !questionOpensAfter(s, head)) {
            return Modality.PLANNED; // a question is no report: "how big a deal is it to expel a diplomat?"
        }
        if (lexicon.is("TO", s, head - 1)
                && !lexicon.endsAt("INFINITIVE_DECIDED", s, head - 1)
                && !decidedBeforeATime(language, s, head - 1)
                && !causedBefore(lexicon, s, head - 1)
                && !lexicon.is("DECISION_NOUNS", s, head - 2)
                && !decisionNounBefore(lexicon, s, head - 1)
                && !isFrameWord(match, head - 1)
                && !insideName(lexicon, s, head - 1)
                && !turnOfBefore(lexicon, s, head - 1)) {
            // "waiting to impose", "reasons to impose", "was needed to suspend": an infinitive no decision governs
            // is an aim or an argument, not a report
            return Modality.PLANNED;
        }
        return Modality.ASSERTED;
    }

    /**
     * "sont convenus lundi de soumettre", "decidió ayer llamar", "decided on Thursday to impose", "a décidé ce jeudi
     * d'infliger": a decision, a day with the words that introduce it, then the infinitive's "to".
     */
    private static boolean decidedBeforeATime(Language language, Sentence s, int to) {
        Lexicon lexicon = language.lexicon();
        int k = to - 1;
        while (k > 0 && to - k <= 8 && entryLengthEndingAt(lexicon, "DECISION_ADVERBS", s, k) > 1) {
            k -= entryLengthEndingAt(lexicon, "DECISION_ADVERBS", s, k); // "agreed for the first time on Monday to"
        }
        while (k > 0
                && to - k <= 8
                && (language.time().isDayWord(s.lower(k))
                        || s.lower(k).equals(",")
                        || lexicon.is("TIME_ON", s, k)
                        || lexicon.is("TIME_THIS", s, k)
                        || lexicon.is("TIME_LAST", s, k)
                        || lexicon.is("TIME_LAST_AFTER", s, k)
                        || lexicon.is("DECISION_ADVERBS", s, k))) {
            k--; // "ont décidé, mercredi, de suspendre", "décide enfin de rompre"
            while (k > 0 && entryLengthEndingAt(lexicon, "DECISION_ADVERBS", s, k) > 1) {
                k -= entryLengthEndingAt(lexicon, "DECISION_ADVERBS", s, k);
            }
        }
        return k < to - 1 && lexicon.endsAt("INFINITIVE_DECIDED", s, k + 1);
    }

    /** How far before an infinitive a causing verb may stand with its named object between. */
    private static final int CAUSED_REACH = 12;

    /**
     * "sparking a reprisal, leading Britain's Foreign Secretary William Hague to order", "poussant Paris à rappeler":
     * a past or -ing causing verb (CAUSED_TO) whose object, a name, does the action; the action happened. The object
     * must open with a capital (after an article), so "prompting calls to expel" stays an aim.
     */
    private static boolean causedBefore(Lexicon lexicon, Sentence s, int to) {
        for (int k = to - 2; k >= 0 && to - k <= CAUSED_REACH; k--) {
            Token t = s.token(k);
            if (t.isClauseBreak() || t.text().equals(".") || lexicon.is("TO", s, k)) {
                return false;
            }
            if (lexicon.is("CAUSED_TO", s, k)) {
                int object = lexicon.is("ARTICLE", s, k + 1) || lexicon.is("TO", s, k + 1) ? k + 2 : k + 1;
                return object < to && s.token(object).isCapitalised();
            }
        }
        return false;
    }

    /** How far before an infinitive a decision noun with its holder may stand ("la décision du Mali de rappeler"). */
    private static final int DECISION_REACH = 12;

    /**
     * "la decisión de la presidenta de facto, Jeanine Áñez, de declarar", "the decision by Mali's junta to expel": a
     * decision noun, who took it, then the infinitive it governs.
     */
    private static boolean decisionNounBefore(Lexicon lexicon, Sentence s, int to) {
        for (int k = to - 2; k >= Math.max(0, to - DECISION_REACH); k--) {
            if (s.token(k).isClauseBreak()) {
                return false;
            }
            if (lexicon.is("DECISION_NOUNS", s, k) && (lexicon.is("OF", s, k + 1) || lexicon.is("BY", s, k + 1))) {
                return true;
            }
        }
        return false;
    }

    /** "anunció la suspensión ..., pero... ¿esto qué significa?": an opening question mark after the head ends the report. */
    private static boolean questionOpensAfter(Sentence s, int head) {
        for (int k = head + 1; k < s.size(); k++) {
            if (s.lower(k).equals("\u00bf")) {
                return true;
            }
        }
        return false;
    }

    /** "claiming", "suspending" (English); the language's PARTICIPLE_ENDINGS say which endings. */
    /** A heading: a short sentence that ends in no full stop, question or exclamation mark. */
    private static boolean isHeadline(Sentence s) {
        String last = s.lower(s.size() - 1);
        return s.size() <= 20 && !last.equals(".") && !last.equals("?") && !last.equals("!");
    }

    static boolean isParticiple(Lexicon lexicon, String lower) {
        for (String ending : lexicon.words("PARTICIPLE_ENDINGS")) {
            if (lower.length() > ending.length() + 2 && lower.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    private static int firstWord(Sentence s) {
        int k = 0;
        while (k < s.size() && !s.token(k).isWord()) {
            k++;
        }
        return k;
    }

    private static boolean isFrameWord(TriggerPattern.Match match, int k) {
        return k >= match.from() && k < match.to();
    }

    /**
     * "The EU had previously imposed ...", "Biden's administration, which has imposed sanctions over ...": the clause
     * tells the action as history, or as what describes someone else.
     */
    /** How many words before an action's head its past perfect's auxiliary may stand ("avaient toutes les deux"). */
    private static final int PAST_PERFECT_REACH = 4;

    private static boolean isHistory(ArticleAnalysis article, Lexicon lexicon, Sentence s, TriggerPattern.Match match) {
        int head = match.head();
        if (isRelativeClause(article, lexicon, s, head)) {
            return true;
        }
        int j = head - 1;
        while (j >= 0 && (lexicon.is("BE", s, j) || lexicon.is("HAVE", s, j) || lexicon.is("AUXILIARY", s, j))) {
            j--;
        }
        if (j < head - 1 && lexicon.is("RELATIVE", s, j) && s.lower(j - 1).equals("(")) {
            return true; // "the ambassador (who was recalled for consultations) will stay": an aside is context
        }
        boolean passive = false;
        for (int k = j + 1; k < head; k++) {
            passive |= lexicon.is("BE", s, k);
        }
        int relative = j;
        if (lexicon.is("AND", s, j)) {
            // "ses alliés qui ont rompu leurs relations avec Doha et ont imposé des sanctions": the second verb is in
            // the same relative clause
            for (int k = j - 1; k >= Math.max(0, j - TARGET_WINDOW) && !breaksClause(lexicon, s, k); k--) {
                if (lexicon.is("RELATIVE", s, k)) {
                    relative = k;
                    break;
                }
            }
        }
        Mention antecedent = article.mentionAt(s.index(), relative - 1);
        if (lexicon.is("RELATIVE", s, relative)
                && !passive
                && (antecedent != null && antecedent.to() == relative
                        || entryLengthEndingAt(lexicon, "ALLY_JOINERS", s, relative - 1) > 0
                        || lexicon.endsAt("GROUP_HEADS", s, relative))
                && article.language
                        .time()
                        .find(s, article.text, article.published)
                        .isEmpty()) {
            // "l'Arabie saoudite et ses alliés qui ont rompu leurs relations avec Doha", "the countries that cut ties
            // with Qatar": a restrictive relative clause with no time of its own says which ones, it is no news
            return true;
        }
        boolean pastPerfect = false;
        for (int k = head - 1; k >= Math.max(0, head - PAST_PERFECT_REACH) && !breaksClause(lexicon, s, k); k--) {
            // "had closed", "had previously closed", "avaient toutes les deux expulsé", "avait été suspendue"
            pastPerfect |= lexicon.is("PAST_PERFECT", s, k);
        }
        if (pastPerfect) {
            // "Britain had closed its embassy after a mob stormed it": the past of the story, unless somebody
            // reports it now ("Saudi Arabia said on Sunday it had severed ties", "CMAG had suspended Pakistan, the
            // Secretary-General said", "Tegucigalpa dijo que había roto sus lazos")
            boolean reported = false;
            for (int k = 0; k < s.size() && !reported; k++) {
                reported = article.language.isReportingVerb(s.lower(k));
            }
            // "El gobierno de Nicaragua había ordenado la expulsión de la embajadora": a story that opens with it
            // tells it as its news
            boolean opensTheStory = s.index() < LEAD_SENTENCES;
            if (!reported && !opensTheStory) {
                return true;
            }
        }
        if (lexicon.is("HAVE", s, head - 1)
                && lexicon.is("RELATIVE", s, head - 2)
                && s.lower(head - 3).equals(",")) {
            return true;
        }
        for (int k = match.head() - 1; k >= Math.max(0, match.head() - MODALITY_WINDOW); k--) {
            if (breaksClause(lexicon, s, k)) {
                break;
            }
            if (lexicon.endsAt("PREVIOUSLY", s, k + 1)) {
                return true;
            }
        }
        // "Moscú ha expulsado reiteradamente a diplomáticos": the adverb right after the verb
        return match.headEnd() < s.size() && lexicon.matchAt("PREVIOUSLY", s, match.headEnd()) > 0;
    }

    /**
     * "countries that denounced the Russian-Chinese veto", "Moscow condemned the expulsion": an action named as the
     * object of a reaction is the context of that reaction, not the news.
     */
    private static boolean isReactedTo(Lexicon lexicon, Sentence s, TriggerTable.Found trigger) {
        boolean namedAsNoun = trigger.trigger().actorRole() == TriggerTable.ActorRole.POSSESSOR
                || lexicon.is("ARTICLE", s, trigger.match().head() - 1); // "disappointed with the recalling of"
        if (!namedAsNoun) {
            return false;
        }
        for (int k = trigger.match().head() - 1;
                k >= Math.max(0, trigger.match().head() - 6);
                k--) {
            if (lexicon.is("REACTION", s, k)) {
                return true;
            }
            if (breaksClause(lexicon, s, k) || lexicon.is("GOVERNING", s, k)) {
                return false;
            }
        }
        return false;
    }

    /**
     * "an Arab plan Moscow and Beijing vetoed", "the resolution that Russia vetoed": a verb whose subject follows a
     * relative pronoun or a resolution noun describes that noun; the action is context, not the story.
     */
    private static boolean isRelativeClause(ArticleAnalysis article, Lexicon lexicon, Sentence s, int head) {
        int k = head - 1;
        boolean subject = false;
        while (k >= 0) {
            Mention mention = article.mentionAt(s.index(), k);
            if (mention != null && mention.kind() != Mention.Kind.DEMONYM) {
                subject = true;
                k = mention.from() - 1;
            } else if (subject && lexicon.is("LIST_JOINERS", s, k) && !lexicon.is("ARTICLE", s, k)) {
                k--;
            } else {
                break;
            }
        }
        if (lexicon.is("ARTICLE", s, k)) {
            k--;
        }
        return subject
                && (lexicon.is("RELATIVE", s, k)
                                && !s.lower(k - 1).equals(",")
                                && !opensReportedClause(article, lexicon, s, k)
                        || lexicon.is("RESOLUTION", s, k));
    }

    /**
     * "said that", "a annoncé lundi que", "the second time that": a "that" or "que" after a reporting verb (a day
     * word between) or a noun of occasion opens what is reported, not a relative clause about the past.
     */
    private static boolean opensReportedClause(ArticleAnalysis article, Lexicon lexicon, Sentence s, int that) {
        int k = that - 1;
        for (TimeExpressions.TimeExpression time : article.language.time().find(s, article.text, article.published)) {
            if (time.to() == that) {
                k = time.from() - 1; // "said on Monday that", "la deuxième fois cette semaine que"
            }
        }
        while (k > 0
                && that - k <= 3
                && (article.language.time().isDayWord(s.lower(k)) || lexicon.is("TIME_ON", s, k))) {
            k--;
        }
        return article.language.isReportingVerb(s.lower(k)) || lexicon.is("OCCASIONS", s, k);
    }

    /**
     * A year before the publication's; in an undated article, any action dated by its year alone ("expelled the
     * ambassador in 2012"): fresh news tells the day, a year alone tells the past.
     */
    private static boolean isEarlierYear(TimeExpressions.TimeExpression time, LocalDate published) {
        if (published == null) {
            return time.date() != null;
        }
        return time.date() != null && time.date().getYear() < published.getYear();
    }

    /** "that day", "ce jour-là", "ese día": the sentence is dated by the one before it. */
    private static boolean namesThatDay(Lexicon lexicon, Sentence s) {
        for (int i = 0; i < s.size(); i++) {
            if (lexicon.matchAt("THAT_DAY", s, i) > 0) {
                return true;
            }
        }
        return false;
    }

    /** The last time with a date in sentence {@code index}, or null. */
    private static TimeExpressions.TimeExpression lastDatedTime(ArticleAnalysis article, int index) {
        if (index < 0) {
            return null;
        }
        TimeExpressions.TimeExpression last = null;
        for (TimeExpressions.TimeExpression time :
                article.language.time().find(article.sentences.get(index), article.text, article.published)) {
            if (time.date() != null && time.kind() != TimeExpressions.Kind.LONG_PERIOD) {
                last = time;
            }
        }
        return last;
    }

    /**
     * "During the past three months, four diplomats have been expelled", "since 2011 Russia has vetoed": an action told
     * over a long period, with no day of its own, sums up history.
     */
    private static boolean toldOverALongPeriod(List<TimeExpressions.TimeExpression> times, TriggerPattern.Match match) {
        for (TimeExpressions.TimeExpression time : times) {
            // opening the sentence, or right after the frame: not "Qatar, which has backed the rebels since March,
            // closed its embassy", whose period belongs to an aside
            boolean opens = time.from() <= 2 && time.to() <= match.from();
            boolean follows = time.from() >= match.to() && time.from() - match.to() <= 6;
            if (time.kind() == TimeExpressions.Kind.LONG_PERIOD && (opens || follows)) {
                return true;
            }
        }
        return false;
    }

    /** Whether an UNTIL word ends within the six tokens before {@code from} ("until its next presidential election in"). */
    private static boolean endsUntil(Lexicon lexicon, Sentence s, int from) {
        for (int k = from; k >= Math.max(1, from - 6); k--) {
            if (lexicon.endsAt("UNTIL", s, k)) {
                return true;
            }
        }
        return false;
    }

    /** How far before a time its cause may end ("en réponse au coup d'État de la semaine dernière"). */
    private static final int CAUSE_REACH = 6;

    /** A cause ("in response to", "tras", "suite à") ends shortly before a time after the frame. */
    private static boolean datesTheCause(Lexicon lexicon, Sentence s, int from, int frameEnd) {
        for (int k = from; k >= Math.max(frameEnd + 1, from - CAUSE_REACH); k--) {
            if (lexicon.endsAt("CAUSE_PREPOSITIONS", s, k)) {
                return true;
            }
        }
        return false;
    }

    private static TimeExpressions.TimeExpression nearestTime(
            ArticleAnalysis article,
            Sentence s,
            List<TimeExpressions.TimeExpression> times,
            TriggerPattern.Match match) {
        TimeExpressions.TimeExpression best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (TimeExpressions.TimeExpression time : times) {
            int distance = time.to() <= match.from() ? match.from() - time.to() : Math.max(0, time.from() - match.to());
            if (time.text().endsWith("after") && time.to() > match.from()) {
                continue; // "a decade after Cairo expelled ...": dates what follows, not what came before
            }
            if (endsUntil(article.language.lexicon(), s, time.from())) {
                continue; // "suspended Gabon until elections are held in April 2025": when it ends
            }
            if (time.from() >= match.to() && datesTheCause(article.language.lexicon(), s, time.from(), match.to())) {
                continue; // "suspended Chad in response to last Monday's takeover": when the cause was
            }
            if (time.from() <= 1 && time.kind() != TimeExpressions.Kind.LONG_PERIOD) {
                // "On Monday, the U.S. pulled ... and the U.K. and France followed", "A year ago, the country closed
                // ... and expelled ...": a time opening the sentence dates all of it
                distance = Math.min(distance, 12);
            }
            if (distance <= 12 && distance < bestDistance && time.kind() != TimeExpressions.Kind.LONG_PERIOD) {
                best = time;
                bestDistance = distance;
            }
        }
        return best;
    }

    /**
     * How many of the first sentences that report any action make the article's lead, which says what the story is
     * about (the headline, then the first paragraph; a page's boilerplate reports none).
     */
    private static final int LEAD_SENTENCES = 2;
    /** An action dated longer ago than this before publication is history however the article tells it. */
    private static final int NEWS_DAYS = 7;

    /**
     * One date per (action, actor) event: a mention without a date takes the day another mention of it gives. Then
     * an asserted action becomes BACKGROUND when it is told as earlier ("days after", "previously", a past year), when
     * it is more than {@value #NEWS_DAYS} days old, or when it is a few days old and the article does not lead with it
     * (a weekly's "Mauritania cuts ties with Israel" is its news; Saturday's veto in Tuesday's story on the Gulf is
     * its context), or when the article leads with its retraction or denial.
     */
    private static void settleDatesAndBackground(List<Found> found, LocalDate published) {
        Map<String, Found> datedByEvent = new LinkedHashMap<>();
        Set<String> ledWith = new HashSet<>();
        Set<Integer> leadSentences = new HashSet<>();
        for (Found f : found) {
            if (leadSentences.size() < LEAD_SENTENCES || leadSentences.contains(f.sentence.index())) {
                leadSentences.add(f.sentence.index()); // the story leads with what it reports first
            }
        }
        Set<String> retractedInLead = new HashSet<>();
        for (Found f : found) {
            if (f.modality == Modality.NEGATED && leadSentences.contains(f.sentence.index())) {
                retractedInLead.add(eventWithTarget(f));
            }
        }
        for (Found f : found) {
            String key = f.action + "|" + f.actor.id;
            if (f.date != null && f.dayPrecision) {
                datedByEvent.putIfAbsent(key, f);
            }
            boolean recent = f.latest == null || published == null || !f.latest.isBefore(published.minusDays(1));
            if (leadSentences.contains(f.sentence.index())
                    && f.modality == Modality.ASSERTED
                    && !f.earlier
                    && !f.history
                    && (recent || !f.latest.isBefore(published.minusDays(NEWS_DAYS)))) {
                ledWith.add(key);
            }
        }
        for (Found f : found) {
            String key = f.action + "|" + f.actor.id;
            Found dated = datedByEvent.get(key);
            if (f.date == null && dated != null) {
                f.date = dated.date;
                f.latest = dated.latest;
            }
            if (f.modality == Modality.ASSERTED && retractedInLead.contains(eventWithTarget(f))) {
                // a story that leads with "withdraws its order to expel the diplomats" tells the order it withdraws
                // as its history, however plainly ("the deadline of the order to expel ...")
                f.modality = Modality.BACKGROUND;
            }
            if (f.modality != Modality.ASSERTED || published == null && !f.earlier && !f.history) {
                continue;
            }
            boolean old = f.latest != null
                    && published != null
                    && (f.latest.isBefore(published.minusDays(NEWS_DAYS))
                            || f.monthOnly && f.latest.isBefore(published.withDayOfMonth(1)));
            boolean daysOld = f.latest != null && published != null && f.latest.isBefore(published.minusDays(1));
            if (old || f.earlier || f.history || daysOld && !ledWith.contains(key)) {
                f.modality = Modality.BACKGROUND;
            }
        }
    }

    /**
     * "The Belarusian mission in Oslo was shut as well and its personnel told to leave Norway": an
     * embassy closed in the sentence that sends its staff away was shut by the state that expels them, not by its
     * owner. Returns the owner's closures so told.
     */
    private static List<Found> closuresByTheHost(List<Found> found) {
        List<Found> hosts = new ArrayList<>();
        for (Found closure : found) {
            if (closure.action != DiplomaticActionType.CLOSE_EMBASSY) {
                continue;
            }
            for (Found expulsion : found) {
                if (expulsion.action == DiplomaticActionType.EXPEL_DIPLOMATS
                        && expulsion.sentence == closure.sentence
                        && expulsion.target == closure.actor
                        && expulsion.actor != closure.actor) {
                    hosts.add(closure);
                    break;
                }
            }
        }
        return hosts;
    }

    private static String eventWithTarget(Found f) {
        return f.action + "|" + f.actor.id + "|" + (f.target == null ? "-" : f.target.id);
    }

    private static String triggerText(String text, Sentence s, TriggerPattern.Match match) {
        if (match.to() - match.from() <= 4) {
            return s.span(text, match.from(), match.to() - 1);
        }
        return s.token(match.from()).text() + " ... " + s.token(match.to() - 1).text();
    }

    private List<DiplomaticAction> toAvro(List<Found> found) {
        Map<String, DiplomaticAction> unique = new LinkedHashMap<>();
        for (Found f : found) {
            String key = f.sentence.index() + "|" + f.action + "|" + f.actor.id + "|" + f.modality + "|"
                    + (f.target == null ? "-" : f.target.id);
            unique.putIfAbsent(
                    key,
                    DiplomaticAction.newBuilder()
                            .setAction(f.action)
                            .setCameoCode(vocabulary.cameo(f.action))
                            .setActor(f.actor.canonicalName)
                            .setActorCode(f.actor.code())
                            .setActorMembers(f.actor.members())
                            .setActorMemberCodes(f.actor.memberCodes())
                            .setTarget(f.target == null ? null : f.target.canonicalName)
                            .setTargetCode(f.target == null ? null : f.target.code())
                            .setEventDate(f.date)
                            .setModality(f.modality)
                            .setTrigger(f.trigger)
                            .setEvidence(new Evidence(f.sentence.text(), f.sentence.index(), f.charStart, f.charEnd))
                            .build());
        }
        return new ArrayList<>(unique.values());
    }
}
