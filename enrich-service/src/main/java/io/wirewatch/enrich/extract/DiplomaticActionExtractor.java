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
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds diplomatic actions: a trigger (verb or noun with its object, "recalled ... ambassadors", "Russia's veto"),
 * the acting states (subject of the clause, coordinated lists give one action each, "they"/"the country" resolved
 * to the actor named before), the target (from/in/on/against X, the demonym on the object, else the country the
 * article is about), the date (nearest time expression) and the modality.
 *
 * <p>CAMEO mapping (CAMEO 1.1b3 event codebook): recalling ambassadors, closing embassies, reducing and breaking
 * relations are all 161 "Reduce or break diplomatic relations"; expelling diplomats is 166 "Expel or withdraw"
 * (its sub-codes 1661-1663 are peacekeepers, inspectors and aid agencies, so diplomats take the base code);
 * sanctions are 163 "Impose embargo, boycott, or sanctions" (lifting them, coded REVERSED, stays 163 here so
 * the pair can be matched); a veto is 129 "Veto"; suspending a state's membership is 160 "Reduce relations, not
 * specified below"; restoring relations and reopening an embassy are 050 "Engage in diplomatic cooperation"
 * (CAMEO has no dedicated code for them).
 *
 * <p>Modality: THREATENED after threaten/warn, PLANNED after consider/prepare/plan/will/would (unless "decided to"),
 * NEGATED after not/never/denied/refused, REVERSED for lifting sanctions or returning an ambassador, BACKGROUND
 * when the action is dated two or more days before publication or introduced as earlier ("days after"),
 * otherwise ASSERTED. Mentions of the same action by the same actor share one date (event coreference).
 */
final class DiplomaticActionExtractor {

    private static final Map<DiplomaticActionType, String> CAMEO = Map.of(
            DiplomaticActionType.EXPEL_DIPLOMATS, "166",
            DiplomaticActionType.RECALL_AMBASSADOR, "161",
            DiplomaticActionType.CLOSE_EMBASSY, "161",
            DiplomaticActionType.REDUCE_RELATIONS, "161",
            DiplomaticActionType.BREAK_RELATIONS, "161",
            DiplomaticActionType.RESTORE_RELATIONS, "050",
            DiplomaticActionType.REOPEN_EMBASSY, "050",
            DiplomaticActionType.VETO_RESOLUTION, "129",
            DiplomaticActionType.IMPOSE_SANCTIONS, "163",
            DiplomaticActionType.SUSPEND_MEMBERSHIP, "160");

    /** Prepositions whose object is a target or a place, never the acting state. */
    private static final Set<String> OBJECT_PREPOSITIONS = Set.of("from", "in", "to", "on", "against", "with", "at",
            "by", "into", "toward", "towards", "for", "about", "over", "between", "among", "of", "upon", "across",
            "near", "like", "than");
    /** "members of the GCC", "six member nations of the Gulf Co-operation Council": here "of" names the actor. */
    private static final Set<String> GROUP_HEADS = Set.of("members", "member", "nations", "states", "countries",
            "leaders", "ministers", "governments", "each", "all", "some", "most", "six", "other", "rest");
    private static final Set<String> TARGET_PREPOSITIONS = Set.of("from", "in", "on", "against", "with", "to", "toward",
            "towards", "at");
    private static final int WINDOW = 7;

    /** A trigger found in a sentence; {@code verb} is the token whose subject acts. */
    private record Trigger(DiplomaticActionType action, int verb, int from, int to, boolean nominal,
                           Modality forcedModality, int askTargetFrom, int askTargetTo) {
    }

    /** One action before modality and date are settled across the article. */
    private static final class Found {
        DiplomaticActionType action;
        ArticleEntity actor;
        ArticleEntity target;
        Modality modality;
        LocalDate date;
        boolean earlier;
        String trigger;
        Sentence sentence;
        int charStart;
        int charEnd;
    }

    List<DiplomaticAction> extract(ArticleAnalysis article) {
        List<Found> found = new ArrayList<>();
        ArticleEntity mainCountry = article.mainCountry();
        for (Sentence sentence : article.sentences) {
            List<TimeExpressions.TimeExpression> times = TimeExpressions.find(sentence, article.text, article.published);
            for (Trigger trigger : triggers(sentence)) {
                List<ArticleEntity> actors = actors(article, sentence, trigger);
                if (actors.isEmpty()) {
                    continue;
                }
                ArticleEntity target = target(article, sentence, trigger, actors, mainCountry);
                Modality modality = trigger.forcedModality() != null ? trigger.forcedModality() : modality(sentence, trigger);
                TimeExpressions.TimeExpression time = nearestTime(times, trigger);
                for (ArticleEntity actor : actors) {
                    if (actor == target) {
                        continue;
                    }
                    Found f = new Found();
                    f.action = trigger.action();
                    f.actor = actor;
                    f.target = target;
                    f.modality = modality;
                    f.date = time == null ? null : time.date();
                    f.earlier = time != null && time.kind() == TimeExpressions.Kind.EARLIER;
                    f.sentence = sentence;
                    f.charStart = sentence.token(trigger.from()).start();
                    f.charEnd = sentence.token(trigger.to() - 1).end();
                    f.trigger = triggerText(article.text, sentence, trigger);
                    found.add(f);
                }
            }
        }
        settleDatesAndBackground(found, article.published);
        return toAvro(found);
    }

    // ---------------------------------------------------------------- triggers

    /**
     * Every word that can start a trigger below. Most words of an article start none; one probe here spares them the
     * dozen set lookups of the chain (the chain was the extractor's hottest loop in the end-to-end profile).
     */
    private static final Set<String> TRIGGER_WORDS = Stream.of(Lexicon.ASK, Lexicon.EXPEL, Lexicon.RECALL,
                    Lexicon.CALL, Lexicon.RETURN, Lexicon.CLOSE, Lexicon.REOPEN, Lexicon.BREAK, Lexicon.REDUCE,
                    Lexicon.RESTORE, Lexicon.VETO, Lexicon.SANCTIONS, Lexicon.SUSPEND, Set.of("persona"))
            .flatMap(Set::stream)
            .collect(Collectors.toUnmodifiableSet());

    private List<Trigger> triggers(Sentence s) {
        List<Trigger> triggers = new ArrayList<>();
        Set<Integer> used = new HashSet<>();
        for (int i = 0; i < s.size(); i++) {
            String w = s.lower(i);
            if (!TRIGGER_WORDS.contains(w)) {
                continue;
            }
            Trigger t = null;
            if (Lexicon.ASK.contains(w)) {
                t = askToLeave(s, i);
            }
            if (t == null && Lexicon.EXPEL.contains(w)) {
                t = verbWithObject(s, i, Lexicon.DIPLOMATS, DiplomaticActionType.EXPEL_DIPLOMATS);
            }
            if (t == null && (Lexicon.RECALL.contains(w) || Lexicon.CALL.contains(w) && s.lower(i + 1).equals("back"))) {
                t = recall(s, i);
            }
            if (t == null && Lexicon.RETURN.contains(w)) {
                Trigger back = verbWithObject(s, i, Lexicon.AMBASSADORS, DiplomaticActionType.RECALL_AMBASSADOR);
                t = back == null ? null : new Trigger(back.action(), back.verb(), back.from(), back.to(), false,
                        Modality.REVERSED, -1, -1);
            }
            if (t == null && Lexicon.CLOSE.contains(w)) {
                t = verbWithObject(s, i, Lexicon.EMBASSIES, DiplomaticActionType.CLOSE_EMBASSY);
            }
            if (t == null && Lexicon.REOPEN.contains(w)) {
                t = verbWithObject(s, i, Lexicon.EMBASSIES, DiplomaticActionType.REOPEN_EMBASSY);
            }
            if (t == null && Lexicon.BREAK.contains(w)) {
                t = verbWithObject(s, i, Lexicon.RELATIONS, DiplomaticActionType.BREAK_RELATIONS, 4);
                if (t != null && (s.lower(i).startsWith("cut") || s.lower(i).startsWith("reduc")) && isPartial(s, i, t.to())) {
                    t = new Trigger(DiplomaticActionType.REDUCE_RELATIONS, t.verb(), t.from(), t.to(), false, null, -1, -1);
                }
            }
            if (t == null && Lexicon.REDUCE.contains(w)) {
                t = verbWithObject(s, i, Lexicon.PRESENCE, DiplomaticActionType.REDUCE_RELATIONS);
            }
            if (t == null && Lexicon.RESTORE.contains(w)) {
                t = verbWithObject(s, i, Lexicon.RELATIONS, DiplomaticActionType.RESTORE_RELATIONS, 4);
            }
            if (t == null && Lexicon.VETO.contains(w)) {
                t = new Trigger(DiplomaticActionType.VETO_RESOLUTION, i, i, i + 1, isNominal(s, i), null, -1, -1);
            }
            if (t == null && Lexicon.SANCTIONS.contains(w)) {
                t = sanctions(s, i);
            }
            if (t == null && Lexicon.SUSPEND.contains(w)) {
                t = verbWithObject(s, i, Set.of("membership"), DiplomaticActionType.SUSPEND_MEMBERSHIP);
            }
            if (t == null && w.equals("persona") && s.lower(i + 1).equals("non") && s.lower(i + 2).equals("grata")) {
                t = new Trigger(DiplomaticActionType.EXPEL_DIPLOMATS, Math.max(0, i - 1), i, i + 3, false, null, -1, -1);
            }
            if (t != null && used.add(t.from() * 31 + t.action().ordinal())) {
                triggers.add(t);
            }
        }
        return triggers;
    }

    private static Trigger verbWithObject(Sentence s, int verb, Set<String> objects, DiplomaticActionType action) {
        return verbWithObject(s, verb, objects, action, WINDOW);
    }

    /** The verb (or its noun) with one of the object nouns after it in the same clause, or before it (passive). */
    private static Trigger verbWithObject(Sentence s, int verb, Set<String> objects, DiplomaticActionType action, int window) {
        for (int k = verb + 1; k < Math.min(s.size(), verb + 1 + window); k++) {
            if (objects.contains(s.lower(k))) {
                return new Trigger(action, verb, verb, k + 1, false, null, -1, -1);
            }
            if (breaksClause(s, k)) {
                break;
            }
        }
        // Passive: "the ambassadors were expelled", "its embassy was closed".
        for (int k = verb - 1; k >= Math.max(0, verb - 4); k--) {
            if (objects.contains(s.lower(k)) && isPassiveBetween(s, k, verb)) {
                return new Trigger(action, verb, k, verb + 1, true, null, -1, -1);
            }
            if (breaksClause(s, k)) {
                break;
            }
        }
        return null;
    }

    private static boolean isPassiveBetween(Sentence s, int from, int verb) {
        for (int k = from + 1; k < verb; k++) {
            String w = s.lower(k);
            if (w.equals("was") || w.equals("were") || w.equals("been") || w.equals("be") || w.equals("is")
                    || w.equals("are") || w.equals("being")) {
                return true;
            }
        }
        return false;
    }

    /** "withdraw their ambassadors" recalls; "pulled out all remaining staff" reduces; "asking Syria to recall" expels. */
    private static Trigger recall(Sentence s, int i) {
        int askVerb = askFrameBefore(s, i);
        Trigger ambassadors = verbWithObject(s, i, Lexicon.AMBASSADORS, DiplomaticActionType.RECALL_AMBASSADOR);
        if (ambassadors != null && askVerb >= 0) {
            // "asking Syria to recall its ambassadors from their countries": the askers expel Syria's envoys.
            return new Trigger(DiplomaticActionType.EXPEL_DIPLOMATS, askVerb, askVerb, ambassadors.to(), false, null,
                    askVerb + 1, i - 1);
        }
        if (ambassadors != null) {
            return ambassadors;
        }
        if (s.lower(i).startsWith("summon")) {
            return null; // summoning staff is not a reduction
        }
        Trigger staff = verbWithObject(s, i, Lexicon.STAFF, DiplomaticActionType.REDUCE_RELATIONS);
        return staff != null && !s.lower(i).startsWith("recall") ? staff : null;
    }

    /** Index of "ask/tell/order" in "asking Syria to recall", or -1. */
    private static int askFrameBefore(Sentence s, int verb) {
        if (!s.lower(verb - 1).equals("to")) {
            return -1;
        }
        for (int k = verb - 2; k >= Math.max(0, verb - 6); k--) {
            if (Lexicon.ASK.contains(s.lower(k))) {
                return k;
            }
        }
        return -1;
    }

    /** "ask ... the ambassadors of the Syrian regime to leave", "gave the envoy 72 hours to leave". */
    private static Trigger askToLeave(Sentence s, int ask) {
        int limit = Math.min(s.size(), ask + 16);
        int diplomat = -1;
        for (int k = ask + 1; k < limit; k++) {
            String w = s.lower(k);
            if (diplomat < 0 && Lexicon.DIPLOMATS.contains(w)) {
                diplomat = k;
            } else if (diplomat >= 0 && w.equals("to") && Lexicon.LEAVE.contains(s.lower(k + 1))) {
                return new Trigger(DiplomaticActionType.EXPEL_DIPLOMATS, ask, ask, k + 2, false, null, -1, -1);
            } else if (Lexicon.RECALL.contains(w) || w.equals(";") || w.equals(".")) {
                return null;
            }
        }
        return null;
    }

    /** "impose/tighten/prepare ... sanctions" with the verb before the noun; lifting them is a reversal. */
    private static Trigger sanctions(Sentence s, int noun) {
        for (int k = noun - 1; k >= Math.max(0, noun - 7); k--) {
            String w = s.lower(k);
            if (Lexicon.IMPOSE.contains(w)) {
                return new Trigger(DiplomaticActionType.IMPOSE_SANCTIONS, k, k, noun + 1, false, null, -1, -1);
            }
            if (Lexicon.LIFT.contains(w)) {
                return new Trigger(DiplomaticActionType.IMPOSE_SANCTIONS, k, k, noun + 1, false, Modality.REVERSED, -1, -1);
            }
            if (breaksClause(s, k)) {
                break;
            }
        }
        return null;
    }

    /** "Russia's veto", "the double veto", "vetoes": a noun whose actor, if any, stands right before it. */
    private static boolean isNominal(Sentence s, int i) {
        String w = s.lower(i);
        if (w.equals("vetoed") || w.equals("vetoing")) {
            return false;
        }
        // "Russia vetoes the draft", "China veto the resolution" (headline): a verb with its object after it.
        return !(s.lower(i + 1).equals("the") || s.lower(i + 1).equals("a") || s.lower(i + 1).equals("any"))
                || Set.of("the", "a", "its", "'s", "double").contains(s.lower(i - 1));
    }

    private static boolean isPartial(Sentence s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (s.lower(k).equals("back") || s.lower(k).equals("down")) {
                return true;
            }
        }
        return false;
    }

    private static boolean breaksClause(Sentence s, int k) {
        Token t = s.token(k);
        return t.isClauseBreak() || t.text().equals(".") || t.text().equals(",") && isClauseConjunction(s.lower(k + 1));
    }

    private static boolean isClauseConjunction(String w) {
        return w.equals("and") || w.equals("but") || w.equals("while") || w.equals("whereas") || w.equals("although")
                || w.equals("though") || w.equals("as") || w.equals("which") || w.equals("who");
    }

    // ---------------------------------------------------------------- actors

    private List<ArticleEntity> actors(ArticleAnalysis article, Sentence s, Trigger trigger) {
        boolean countriesOnly = trigger.action() == DiplomaticActionType.VETO_RESOLUTION;
        if (trigger.nominal() && trigger.action() == DiplomaticActionType.VETO_RESOLUTION) {
            List<ArticleEntity> modifiers = actorsRightBefore(article, s, trigger.verb(), countriesOnly);
            if (!modifiers.isEmpty()) {
                return modifiers;
            }
            String verbBefore = s.lower(trigger.verb() - 2);
            boolean castVerb = verbBefore.equals("imposed") || verbBefore.equals("cast") || verbBefore.equals("used")
                    || verbBefore.equals("exercised") || verbBefore.equals("wielded") || verbBefore.equals("imposing");
            if (!castVerb) {
                return List.of();
            }
            return subjectActors(article, s, trigger.verb() - 2, countriesOnly);
        }
        return subjectActors(article, s, trigger.verb(), countriesOnly);
    }

    /** "Russia's veto", "Russian-Chinese veto", "the Russian and Chinese vetoes". */
    private static List<ArticleEntity> actorsRightBefore(ArticleAnalysis article, Sentence s, int noun, boolean countriesOnly) {
        List<ArticleEntity> actors = new ArrayList<>();
        int k = noun - 1;
        while (k >= 0) {
            String w = s.lower(k);
            if (w.equals("'s") || w.equals("and") || w.equals(",")) {
                k--;
                continue;
            }
            List<Mention> mentions = article.mentionsAt(s.index(), k);
            if (mentions.isEmpty()) {
                break;
            }
            for (int m = mentions.size() - 1; m >= 0; m--) {
                ArticleEntity actor = asActor(mentions.get(m), countriesOnly, true);
                if (actor != null && !actors.contains(actor)) {
                    actors.add(0, actor);
                }
            }
            k = mentions.get(0).from() - 1;
        }
        return actors;
    }

    /**
     * The subject of the clause holding {@code verb}: the nearest acting entity before it that is not the object of
     * a preposition, with the entities coordinated with it; else, when the subject is "they", "it" or "the
     * country", the actor named before (earlier in the sentence, then in the three sentences before).
     */
    private List<ArticleEntity> subjectActors(ArticleAnalysis article, Sentence s, int verb, boolean countriesOnly) {
        int clauseStart = 0;
        for (int k = verb - 1; k >= 0; k--) {
            if (breaksClause(s, k)) {
                clauseStart = k + 1;
                break;
            }
        }
        List<ArticleEntity> inClause = nearestActorChain(article, s, clauseStart, verb, countriesOnly);
        if (!inClause.isEmpty()) {
            return inClause;
        }
        boolean plural = false;
        boolean anaphor = false;
        for (int k = clauseStart; k < verb; k++) {
            String w = s.lower(k);
            boolean pronoun = w.equals("they") || w.equals("it") || w.equals("which") || w.equals("who")
                    || w.equals("members") && k == clauseStart || w.equals("he") || w.equals("she");
            boolean definite = pronoun || Lexicon.DEFINITE.contains(s.lower(k - 1));
            if (Lexicon.PLURAL_ANAPHORS.contains(w) && definite) {
                anaphor = plural = true;
            } else if (Lexicon.SINGULAR_ANAPHORS.contains(w) && definite) {
                anaphor = true;
            }
        }
        if (!anaphor) {
            return List.of();
        }
        List<ArticleEntity> earlier = nearestActorChain(article, s, 0, clauseStart, countriesOnly);
        if (!earlier.isEmpty() && (!plural || earlier.get(0).isStateGroup() || earlier.size() > 1)) {
            return earlier;
        }
        if (plural) {
            for (int back = 1; back <= 3 && s.index() - back >= 0; back++) {
                ArticleEntity group = lastGroup(article, article.sentences.get(s.index() - back));
                if (group != null) {
                    return List.of(group);
                }
            }
            // "Saudi Arabia, Egypt, the UAE and Bahrain severed ... The four countries said ...": the list itself
            return s.index() > 0 ? longestActorList(article, article.sentences.get(s.index() - 1), countriesOnly) : List.of();
        }
        for (int back = 1; back <= 3 && s.index() - back >= 0; back++) {
            Sentence previous = article.sentences.get(s.index() - back);
            List<ArticleEntity> chain = nearestActorChain(article, previous, 0, previous.size(), countriesOnly);
            if (!chain.isEmpty()) {
                return chain;
            }
        }
        return earlier;
    }

    /** The longest coordinated list of two or more acting states in a sentence, or nothing. */
    private static List<ArticleEntity> longestActorList(ArticleAnalysis article, Sentence s, boolean countriesOnly) {
        List<Mention> best = List.of();
        for (Mention mention : article.mentions(s.index())) {
            if (asActor(mention, countriesOnly, false) == null || mention.kind() == Mention.Kind.DEMONYM) {
                continue;
            }
            List<Mention> chain = coordinatedBefore(article, s, mention, countriesOnly);
            if (chain.size() > best.size()) {
                best = chain;
            }
        }
        if (best.size() < 2) {
            return List.of();
        }
        List<ArticleEntity> actors = new ArrayList<>();
        for (Mention mention : best) {
            ArticleEntity actor = asActor(mention, countriesOnly, false);
            if (actor != null && !actors.contains(actor)) {
                actors.add(actor);
            }
        }
        return actors;
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

    private List<ArticleEntity> nearestActorChain(ArticleAnalysis article, Sentence s, int from, int to, boolean countriesOnly) {
        List<Mention> mentions = article.mentions(s.index());
        for (int m = mentions.size() - 1; m >= 0; m--) {
            Mention mention = mentions.get(m);
            if (mention.to() > to || mention.from() < from) {
                continue;
            }
            ArticleEntity actor = asActor(mention, countriesOnly, false);
            if (actor == null || (mention.kind() == Mention.Kind.DEMONYM && !governmentNounAfter(s, mention.to()))) {
                continue;
            }
            List<Mention> chain = coordinatedBefore(article, s, mention, countriesOnly);
            int chainStart = chain.get(0).from();
            if (isPrepositionalObject(s, chainStart)) {
                continue;
            }
            List<ArticleEntity> actors = new ArrayList<>();
            for (Mention member : chain) {
                ArticleEntity a = asActor(member, countriesOnly, false);
                if (a != null && !actors.contains(a)) {
                    actors.add(a);
                }
            }
            return actors;
        }
        return List.of();
    }

    /** "France, Italy, Britain, Belgium, the Netherlands and Spain": the whole list ending at {@code last}. */
    private static List<Mention> coordinatedBefore(ArticleAnalysis article, Sentence s, Mention last, boolean countriesOnly) {
        List<Mention> chain = new ArrayList<>();
        chain.add(last);
        int k = last.from() - 1;
        while (k >= 0) {
            int j = k;
            boolean joined = false;
            while (j >= 0 && (s.lower(j).equals(",") || s.lower(j).equals("and") || s.lower(j).equals("the")
                    || s.lower(j).equals("both") || s.lower(j).equals("including"))) {
                joined |= !s.lower(j).equals("the");
                j--;
            }
            if (!joined || j < 0) {
                break;
            }
            Mention previous = article.mentionAt(s.index(), j);
            if (previous == null || asActor(previous, countriesOnly, false) == null
                    || previous.kind() == Mention.Kind.DEMONYM) {
                break;
            }
            chain.add(0, previous);
            k = previous.from() - 1;
        }
        return chain;
    }

    private static boolean isPrepositionalObject(Sentence s, int start) {
        int k = start - 1;
        if (s.lower(k).equals("the")) {
            k--;
        }
        String w = s.lower(k);
        if (w.equals("of") && GROUP_HEADS.contains(s.lower(k - 1))) {
            return false;
        }
        return OBJECT_PREPOSITIONS.contains(w);
    }

    private static boolean governmentNounAfter(Sentence s, int k) {
        return Lexicon.GOVERNMENT_NOUNS.contains(s.lower(k)) || Lexicon.GOVERNMENT_NOUNS.contains(s.lower(k + 1));
    }

    /** The state or group a mention stands for when it acts, or null (media, places, people with no known state). */
    private static ArticleEntity asActor(Mention mention, boolean countriesOnly, boolean allowDemonym) {
        ArticleEntity entity = mention.entity();
        if (mention.kind() == Mention.Kind.DEMONYM && !allowDemonym && entity.type != EntityType.COUNTRY) {
            return null;
        }
        if (entity.type == EntityType.COUNTRY) {
            return entity;
        }
        if (countriesOnly) {
            return null;
        }
        return entity.canActDiplomatically() && entity.type == EntityType.ORGANISATION ? entity : null;
    }

    // ---------------------------------------------------------------- target, modality, time

    private ArticleEntity target(ArticleAnalysis article, Sentence s, Trigger trigger, List<ArticleEntity> actors,
                                 ArticleEntity mainCountry) {
        if (trigger.askTargetFrom() >= 0) {
            for (int k = trigger.askTargetFrom(); k <= trigger.askTargetTo(); k++) {
                ArticleEntity country = countryOf(article, article.mentionAt(s.index(), k));
                if (country != null) {
                    return country;
                }
            }
        }
        // The object's own country: "expelling Syrian envoys", "Syria's ambassador".
        for (int k = trigger.from(); k < trigger.to(); k++) {
            ArticleEntity country = countryOf(article, article.mentionAt(s.index(), k));
            if (country != null && !actors.contains(country)) {
                return country;
            }
        }
        int limit = Math.min(s.size(), trigger.to() + 8);
        for (int k = trigger.to(); k < limit; k++) {
            if (breaksClause(s, k)) {
                break;
            }
            if (TARGET_PREPOSITIONS.contains(s.lower(k))) {
                int j = s.lower(k + 1).equals("the") ? k + 2 : k + 1;
                ArticleEntity country = countryOf(article, article.mentionAt(s.index(), j));
                if (country != null && !actors.contains(country)) {
                    return country;
                }
            }
        }
        return mainCountry != null && !actors.contains(mainCountry) ? mainCountry : null;
    }

    /** The country a mention stands for: itself, the country a place lies in, or the state a person serves. */
    private static ArticleEntity countryOf(ArticleAnalysis article, Mention mention) {
        if (mention == null) {
            return null;
        }
        ArticleEntity entity = mention.entity();
        if (entity.type == EntityType.COUNTRY) {
            return entity;
        }
        if ((entity.type == EntityType.PLACE || entity.type == EntityType.PERSON) && entity.countryCode != null) {
            for (ArticleEntity candidate : article.entities.values()) {
                if (candidate.type == EntityType.COUNTRY && entity.countryCode.equals(candidate.countryCode)) {
                    return candidate;
                }
            }
            KnownEntity known = entity.known != null && entity.known.capitalOf() != null ? entity.known.capitalOf() : null;
            return known == null ? null : article.entity(known);
        }
        return null;
    }

    private static Modality modality(Sentence s, Trigger trigger) {
        int verb = trigger.verb();
        boolean decided = false;
        for (int k = verb - 1; k >= Math.max(0, verb - 8); k--) {
            String w = s.lower(k);
            if (k < verb - 1 && breaksClause(s, k)) {
                break;
            }
            if (Lexicon.DECIDED.contains(w)) {
                decided = true;
            }
            if (Lexicon.THREAT.contains(w)) {
                return Modality.THREATENED;
            }
            if (verb - k <= 4 && Lexicon.NEGATION.contains(w)) {
                return Modality.NEGATED;
            }
            boolean plansTo = Lexicon.PLAN_BEFORE_TO.contains(w) && s.lower(k + 1).equals("to");
            if (!decided && verb - k <= 7 && (Lexicon.PLANNING.contains(w) || plansTo)) {
                return Modality.PLANNED;
            }
        }
        String self = s.lower(verb);
        if (Lexicon.THREAT.contains(self)) {
            return Modality.THREATENED;
        }
        if (Lexicon.PLANNING.contains(self) && trigger.action() == DiplomaticActionType.IMPOSE_SANCTIONS) {
            return Modality.PLANNED; // "preparing a new round of sanctions"
        }
        return Modality.ASSERTED;
    }

    private static TimeExpressions.TimeExpression nearestTime(List<TimeExpressions.TimeExpression> times, Trigger trigger) {
        TimeExpressions.TimeExpression best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (TimeExpressions.TimeExpression time : times) {
            int distance = time.to() <= trigger.from() ? trigger.from() - time.to() : Math.max(0, time.from() - trigger.to());
            if (time.text().endsWith("after") && time.to() > trigger.from()) {
                continue; // "a decade after Cairo expelled ...": dates what follows, not what came before
            }
            if (time.from() == 0 && time.kind() == TimeExpressions.Kind.DAY) {
                distance = Math.min(distance, 12); // "On Monday, the U.S. pulled ... and the U.K. and France followed"
            }
            if (distance <= 12 && distance < bestDistance && time.kind() != TimeExpressions.Kind.LONG_PERIOD) {
                best = time;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** One date per (action, actor) event; old or "earlier" events become BACKGROUND. */
    private static void settleDatesAndBackground(List<Found> found, LocalDate published) {
        Map<String, LocalDate> dateByEvent = new LinkedHashMap<>();
        Set<String> earlierEvents = new HashSet<>();
        for (Found f : found) {
            String key = f.action + "|" + f.actor.id;
            if (f.date != null) {
                dateByEvent.putIfAbsent(key, f.date);
            }
            if (f.earlier) {
                earlierEvents.add(key);
            }
        }
        for (Found f : found) {
            String key = f.action + "|" + f.actor.id;
            if (f.date == null) {
                f.date = dateByEvent.get(key);
            }
            if (f.modality == Modality.ASSERTED) {
                boolean old = f.date != null && published != null && f.date.isBefore(published.minusDays(1));
                if (old || f.earlier || (f.date == null && earlierEvents.contains(key))) {
                    f.modality = Modality.BACKGROUND;
                }
            }
        }
    }

    private static String triggerText(String text, Sentence s, Trigger trigger) {
        if (trigger.to() - trigger.from() <= 4) {
            return s.span(text, trigger.from(), trigger.to() - 1);
        }
        return s.token(trigger.from()).text() + " ... " + s.token(trigger.to() - 1).text();
    }

    private static List<DiplomaticAction> toAvro(List<Found> found) {
        Map<String, DiplomaticAction> unique = new LinkedHashMap<>();
        for (Found f : found) {
            String key = f.sentence.index() + "|" + f.action + "|" + f.actor.id + "|" + f.modality;
            unique.putIfAbsent(key, DiplomaticAction.newBuilder()
                    .setAction(f.action)
                    .setCameoCode(CAMEO.get(f.action))
                    .setActor(f.actor.canonicalName)
                    .setActorMembers(f.actor.members())
                    .setTarget(f.target == null ? null : f.target.canonicalName)
                    .setEventDate(f.date)
                    .setModality(f.modality)
                    .setTrigger(f.trigger)
                    .setEvidence(new Evidence(f.sentence.text(), f.sentence.index(), f.charStart, f.charEnd))
                    .build());
        }
        return new ArrayList<>(unique.values());
    }
}
