package io.wirewatch.enrich.extract;

import io.wirewatch.schema.CasualtyFigure;
import io.wirewatch.schema.CasualtyKind;
import io.wirewatch.schema.CasualtyPeriod;
import io.wirewatch.schema.CountBound;
import io.wirewatch.schema.EntityType;
import io.wirewatch.schema.Evidence;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds casualty figures: a count ("at least 95", "nearly 70", "dozens", "more than a dozen") tied to a kind of
 * harm either after it ("95 people were killed", "40 wounded", "have died") or before it ("killing nearly 70",
 * "claimed over 300 lives", "the death toll ... passed 5,400"), with who was hit, where, over which period, who
 * gives the figure, and whether it adds to ("a further 19") or repeats an earlier figure of the article.
 *
 * <p>Headline fragments such as "5,400 people killed" carry no verb of their own; they are kept as figures (the
 * number and the harm are stated) and, when the body gives the same number and harm, the later one is marked as
 * repeating it, so a reader of the alerts sees one figure, not two.
 */
final class CasualtyExtractor {

    private static final Map<String, CasualtyKind> KINDS = Map.ofEntries(
            Map.entry("killed", CasualtyKind.KILLED), Map.entry("dead", CasualtyKind.KILLED),
            Map.entry("died", CasualtyKind.KILLED), Map.entry("die", CasualtyKind.KILLED),
            Map.entry("deaths", CasualtyKind.KILLED), Map.entry("slain", CasualtyKind.KILLED),
            Map.entry("massacred", CasualtyKind.KILLED), Map.entry("executed", CasualtyKind.KILLED),
            Map.entry("perished", CasualtyKind.KILLED), Map.entry("fatalities", CasualtyKind.KILLED),
            Map.entry("murdered", CasualtyKind.KILLED), Map.entry("bodies", CasualtyKind.KILLED),
            Map.entry("wounded", CasualtyKind.WOUNDED), Map.entry("injured", CasualtyKind.WOUNDED),
            Map.entry("hurt", CasualtyKind.WOUNDED), Map.entry("injuries", CasualtyKind.WOUNDED),
            Map.entry("arrested", CasualtyKind.ARRESTED), Map.entry("detained", CasualtyKind.ARRESTED),
            Map.entry("jailed", CasualtyKind.ARRESTED), Map.entry("imprisoned", CasualtyKind.ARRESTED),
            Map.entry("captured", CasualtyKind.ARRESTED), Map.entry("missing", CasualtyKind.MISSING),
            Map.entry("disappeared", CasualtyKind.MISSING), Map.entry("abducted", CasualtyKind.MISSING),
            Map.entry("kidnapped", CasualtyKind.MISSING), Map.entry("displaced", CasualtyKind.DISPLACED),
            Map.entry("fled", CasualtyKind.DISPLACED), Map.entry("refugees", CasualtyKind.DISPLACED),
            Map.entry("homeless", CasualtyKind.DISPLACED));
    /** Active verbs whose object is the count: "killing nearly 70 people", "killed over 100". */
    private static final Map<String, CasualtyKind> ACTIVE_VERBS = Map.ofEntries(
            Map.entry("killing", CasualtyKind.KILLED), Map.entry("killed", CasualtyKind.KILLED),
            Map.entry("kill", CasualtyKind.KILLED), Map.entry("kills", CasualtyKind.KILLED),
            Map.entry("wounding", CasualtyKind.WOUNDED), Map.entry("wounded", CasualtyKind.WOUNDED),
            Map.entry("injuring", CasualtyKind.WOUNDED), Map.entry("injured", CasualtyKind.WOUNDED),
            Map.entry("arresting", CasualtyKind.ARRESTED), Map.entry("arrested", CasualtyKind.ARRESTED),
            Map.entry("detaining", CasualtyKind.ARRESTED), Map.entry("detained", CasualtyKind.ARRESTED),
            Map.entry("displacing", CasualtyKind.DISPLACED), Map.entry("displaced", CasualtyKind.DISPLACED));
    private static final Set<String> LIFE_VERBS = Set.of("claimed", "claim", "claims", "claiming", "cost", "costing",
            "took", "taken", "taking", "take");
    private static final Set<String> TOLL_PASSED = Set.of("passed", "exceeded", "topped", "surpassed", "crossed");
    private static final Set<String> STOP_WORDS = Set.of("said", "says", "say", "told", "but", "while", "who", "which",
            "when", "after", "before", "because", "as", "that", "if", "than", "according");
    private static final Set<String> NOT_VICTIMS = Set.of("were", "was", "have", "has", "had", "are", "is", "been",
            "be", "being", "reported", "reportedly", "believed", "feared", "confirmed", "also", "said", "thought",
            "more", "further", "\"", "of", "the", "at", "least", "killed", "wounded");
    private static final Set<String> UNIT_WORDS = Set.of("years", "year", "months", "month", "days", "day", "weeks",
            "week", "hours", "hour", "minutes", "km", "kilometres", "kilometers", "miles", "percent", "%", "metres",
            "meters", "times", "tonnes", "tons", "dollars", "euros", "pounds", "million", "billion");
    private static final Set<String> LOCATIVE = Set.of("in", "at", "near", "into", "across", "outside", "throughout",
            "inside", "around");

    /** A count as written, over tokens {@code [from, to)}. */
    private record Count(int from, int to, int number, int value, CountBound bound, boolean additional) {
    }

    /** The figure being built, kept to resolve "they said" and "there" in later sentences. */
    private record Figure(int sentence, CasualtyFigure avro, ArticleEntity placeEntity, boolean placeStated) {
    }

    /** Where a figure happened, and whether its own sentence says so (else it was carried over from context). */
    private record Place(ArticleEntity entity, boolean stated) {
    }

    List<CasualtyFigure> extract(ArticleAnalysis article) {
        List<Figure> figures = new ArrayList<>();
        ArticleEntity mainCountry = article.mainCountry();
        for (Sentence s : article.sentences) {
            List<TimeExpressions.TimeExpression> times = TimeExpressions.find(s, article.text, article.published);
            Set<Integer> usedNumbers = new HashSet<>();
            for (int i = 0; i < s.size(); i++) {
                Count count = countAt(s, i);
                if (count == null || !usedNumbers.add(count.number())) {
                    continue;
                }
                Harm harm = harmOf(s, count);
                if (harm == null) {
                    continue;
                }
                figures.add(build(article, s, count, harm, times, figures, mainCountry));
                i = count.number();
            }
        }
        return figures.stream().map(Figure::avro).toList();
    }

    /** The kind of harm and the span that states it. */
    private record Harm(CasualtyKind kind, int from, int to, boolean deathToll) {
    }

    // ---------------------------------------------------------------- counts

    private static Count countAt(Sentence s, int i) {
        String w = s.lower(i);
        long exact = NumberWords.exactValue(w);
        int vague = NumberWords.vagueValue(w);
        int value;
        CountBound bound;
        int to = i + 1;
        if (w.equals("dozen") && s.lower(i - 1).equals("a")) {
            value = 12;
            bound = CountBound.EXACT;
        } else if (vague > 0) {
            value = vague;
            bound = CountBound.VAGUE;
            if (s.lower(i + 1).equals("of") && (s.lower(i + 2).equals("thousands") || s.lower(i + 2).equals("millions"))) {
                value *= s.lower(i + 2).equals("thousands") ? 1000 : 1_000_000;
                to = i + 3;
            }
        } else if (exact > 0) {
            if (isYearOrCode(s, i, exact)) {
                return null;
            }
            long multiplied = exact * NumberWords.multiplier(s.lower(i + 1));
            if (multiplied != exact) {
                to = i + 2;
            }
            if (multiplied > Integer.MAX_VALUE) {
                return null;
            }
            value = (int) multiplied;
            bound = CountBound.EXACT;
        } else {
            return null;
        }
        if (UNIT_WORDS.contains(s.lower(to)) || s.lower(to).startsWith("-")) {
            return null;
        }
        int from = i;
        if (s.lower(from - 1).equals("a") && w.equals("dozen")) {
            from--;
        }
        int before = from - 1;
        if (s.token(Math.max(0, before)).isQuote() && before >= 0) {
            before--;
        }
        CountBound stated = boundBefore(s, before);
        boolean additional = false;
        if (stated != null) {
            bound = stated;
            from = before - boundLength(s, before) + 1;
        }
        String prior = s.lower(from - 1);
        if (prior.equals("further") || prior.equals("another") || prior.equals("additional")) {
            additional = true;
            from = s.lower(from - 2).equals("a") ? from - 2 : from - 1;
        }
        if (s.lower(to).equals("more")) {
            additional = true; // "Hundreds more are believed to have been killed"
        }
        return new Count(from, to, i, value, bound, additional);
    }

    private static boolean isYearOrCode(Sentence s, int i, long value) {
        String text = s.token(i).text();
        boolean yearLike = value >= 1900 && value <= 2100 && !text.contains(",");
        boolean tooLong = text.replace(",", "").length() > 9;
        return yearLike && !s.lower(i + 1).equals("people") || tooLong || s.lower(i - 1).equals("$")
                || s.lower(i - 1).equals("+");
    }

    /** The bound written before the number ending at token {@code k}, or null. */
    private static CountBound boundBefore(Sentence s, int k) {
        String w = s.lower(k);
        String w1 = s.lower(k - 1);
        if (w.equals("least") && w1.equals("at")) {
            return CountBound.AT_LEAST;
        }
        if (w.equals("than") && w1.equals("more")) {
            return CountBound.MORE_THAN;
        }
        if (w.equals("than") && (w1.equals("fewer") || w1.equals("less"))) {
            return CountBound.UP_TO;
        }
        if (w.equals("of") && (w1.equals("upwards") || w1.equals("excess"))) {
            return CountBound.MORE_THAN;
        }
        if (w.equals("to") && w1.equals("up")) {
            return CountBound.UP_TO;
        }
        if (w.equals("to") && w1.equals("close")) {
            return CountBound.NEARLY;
        }
        if (w.equals("many") && w1.equals("as")) {
            return CountBound.UP_TO;
        }
        return switch (w) {
            case "over", "above", "exceeding" -> CountBound.MORE_THAN;
            case "nearly", "almost" -> CountBound.NEARLY;
            case "about", "around", "some", "roughly", "approximately", "estimated", "approx" -> CountBound.ABOUT;
            default -> null;
        };
    }

    private static int boundLength(Sentence s, int k) {
        String w = s.lower(k);
        String w1 = s.lower(k - 1);
        boolean twoWords = w.equals("least") || w.equals("than") || (w.equals("to") && (w1.equals("up") || w1.equals("close")))
                || (w.equals("of") && (w1.equals("upwards") || w1.equals("excess"))) || (w.equals("many") && w1.equals("as"));
        if (w.equals("many") && s.lower(k - 2).equals("as")) {
            return 3;
        }
        return twoWords ? 2 : 1;
    }

    // ---------------------------------------------------------------- harm

    private static Harm harmOf(Sentence s, Count count) {
        // Active verb before: "killing nearly 70 people", "claimed over 300 lives".
        String verb = s.lower(count.from() - 1);
        CasualtyKind active = ACTIVE_VERBS.get(verb);
        if (active != null) {
            return new Harm(active, count.from() - 1, count.to(), false);
        }
        if (LIFE_VERBS.contains(verb) && s.lower(count.to()).equals("lives")) {
            return new Harm(CasualtyKind.KILLED, count.from() - 1, count.to() + 1, false);
        }
        // The harm after the count: "95 people were killed", "40 wounded", "are reported to have died".
        int limit = Math.min(s.size(), count.to() + 12);
        for (int k = count.to(); k < limit; k++) {
            Token token = s.token(k);
            String w = token.lower();
            CasualtyKind kind = KINDS.get(w);
            if (kind != null) {
                return new Harm(kind, count.from(), k + 1, false);
            }
            if (w.equals("lost") && s.lower(k + 1).equals("their") && s.lower(k + 2).startsWith("li")) {
                return new Harm(CasualtyKind.KILLED, count.from(), k + 3, false);
            }
            if (!token.isWord() && !token.isNumber() && !token.isQuote()) {
                break;
            }
            if (STOP_WORDS.contains(w)) {
                break;
            }
            if (k > count.to() && (token.isNumber() || NumberWords.exactValue(w) > 0 || NumberWords.vagueValue(w) > 0)
                    && !s.lower(k - 1).equals("and")) {
                break;
            }
        }
        // "the death toll in Syria ... passed 5,400"
        // "the death toll ... passed 5,400", "bringing the toll to 57"
        for (int k = count.from() - 1; k >= Math.max(0, count.from() - 10); k--) {
            if (s.lower(k).equals("toll")) {
                boolean named = s.lower(k - 1).equals("death") || s.lower(k - 1).equals("casualty");
                if (named || s.lower(k - 1).equals("the") && s.lower(count.from() - 1).equals("to")) {
                    return new Harm(CasualtyKind.KILLED, named ? k - 1 : k, count.to(), true);
                }
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- attributes

    private Figure build(ArticleAnalysis article, Sentence s, Count count, Harm harm,
                         List<TimeExpressions.TimeExpression> times, List<Figure> earlier, ArticleEntity mainCountry) {
        CountBound bound = count.bound();
        if (harm.deathToll() && bound == CountBound.EXACT && TOLL_PASSED.contains(s.lower(count.from() - 1))) {
            bound = CountBound.MORE_THAN;
        }
        TimeExpressions.TimeExpression time = nearestTime(s, times, count);
        CasualtyPeriod period = CasualtyPeriod.UNSPECIFIED;
        LocalDate eventDate = null;
        LocalDate periodStart = null;
        if (time != null) {
            switch (time.kind()) {
                case DAY -> {
                    period = CasualtyPeriod.DAY;
                    eventDate = time.date();
                }
                case RECENT_PERIOD, MONTH -> {
                    period = CasualtyPeriod.MULTI_DAY;
                    eventDate = time.date();
                    periodStart = time.start();
                }
                case LONG_PERIOD -> {
                    period = CasualtyPeriod.CUMULATIVE;
                    eventDate = time.date();
                    periodStart = time.start();
                }
                default -> {
                }
            }
        }
        if (harm.deathToll()) {
            period = CasualtyPeriod.CUMULATIVE; // a toll counts everyone so far, even when dated "on Monday"
        }
        Place located = place(article, s, count, period, earlier, mainCountry);
        ArticleEntity place = located.entity();
        String source = source(article, s, count, earlier);
        boolean repeats = earlier.stream().anyMatch(e -> repeats(e, count.value(), harm.kind(), located));
        int start = s.token(Math.min(count.from(), harm.from())).start();
        int end = s.token(Math.max(count.to(), harm.to()) - 1).end();
        CasualtyFigure figure = CasualtyFigure.newBuilder()
                .setCount(count.value())
                .setCountText(s.span(article.text, count.from(), count.to() - 1))
                .setBound(bound)
                .setKind(harm.kind())
                .setVictims(victims(s, count, harm))
                .setPlace(place == null ? null : place.canonicalName)
                .setPeriod(period)
                .setPeriodText(time == null ? null : time.text())
                .setEventDate(eventDate)
                .setPeriodStart(periodStart)
                .setSource(source)
                .setRepeatsEarlier(repeats)
                .setAdditional(count.additional())
                .setEvidence(new Evidence(s.text(), s.index(), start, end))
                .build();
        return new Figure(s.index(), figure, place, located.stated());
    }

    /** The same number and harm again, unless both sentences name different places ("5,400 people killed" repeats). */
    private static boolean repeats(Figure earlier, int count, CasualtyKind kind, Place place) {
        CasualtyFigure e = earlier.avro();
        if (e.getCount() != count || e.getKind() != kind) {
            return false;
        }
        return !(earlier.placeStated() && place.stated()) || earlier.placeEntity() == place.entity();
    }

    private static TimeExpressions.TimeExpression nearestTime(Sentence s, List<TimeExpressions.TimeExpression> times,
                                                             Count count) {
        TimeExpressions.TimeExpression best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (TimeExpressions.TimeExpression time : times) {
            int distance = time.to() <= count.from() ? count.from() - time.to() : Math.max(0, time.from() - count.to());
            if (distance <= 16 && distance < bestDistance && !crossesBut(s, time, count)) {
                best = time;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static boolean crossesBut(Sentence s, TimeExpressions.TimeExpression time, Count count) {
        int from = Math.min(time.to(), count.to());
        int to = Math.max(time.from(), count.from());
        for (int k = from; k < to; k++) {
            if (s.lower(k).equals("but") || s.lower(k).equals(";")) {
                return true;
            }
        }
        return false;
    }

    private static String victims(Sentence s, Count count, Harm harm) {
        StringBuilder words = new StringBuilder();
        int limit = harm.from() >= count.from() && harm.to() > count.to() ? harm.to() - 1 : Math.min(s.size(), count.to() + 6);
        for (int k = count.to(); k < limit; k++) {
            Token token = s.token(k);
            String w = token.lower();
            if (!token.isWord() || LOCATIVE.contains(w) || w.equals("on") || w.equals("by")) {
                if (token.isQuote()) {
                    continue;
                }
                break;
            }
            if ((w.equals("and") || w.equals("or")) && (s.token(Math.min(k + 1, s.size() - 1)).isNumber()
                    || NumberWords.exactValue(s.lower(k + 1)) > 0)) {
                break; // "12 soldiers and 4 civilians": the next count has its own victims
            }
            if (NOT_VICTIMS.contains(w) || KINDS.containsKey(w)) {
                if (words.length() > 0 && !w.equals("of") && !w.equals("the")) {
                    break;
                }
                if (words.length() == 0) {
                    continue;
                }
            }
            if (words.length() > 0) {
                words.append(' ');
            }
            words.append(token.text());
        }
        String victims = words.toString().trim();
        return victims.isEmpty() || victims.equals("lives") ? null : victims;
    }

    private Place place(ArticleAnalysis article, Sentence s, Count count, CasualtyPeriod period,
                                List<Figure> earlier, ArticleEntity mainCountry) {
        int clauseFrom = count.from();
        while (clauseFrom > 0 && !s.lower(clauseFrom - 1).equals(",") && !s.token(clauseFrom - 1).isClauseBreak()) {
            clauseFrom--;
        }
        int clauseTo = count.to();
        while (clauseTo < s.size() && !s.lower(clauseTo).equals(",") && !s.token(clauseTo).isClauseBreak()) {
            if (s.lower(clauseTo).equals("elsewhere")) {
                return new Place(null, true);
            }
            clauseTo++;
        }
        ArticleEntity best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Mention mention : article.mentions(s.index())) {
            EntityType type = mention.entity().type;
            if (mention.from() < clauseFrom || mention.to() > clauseTo
                    || (type != EntityType.PLACE && type != EntityType.COUNTRY) || mention.kind() == Mention.Kind.DEMONYM) {
                continue;
            }
            String before = s.lower(mention.from() - 1);
            boolean locative = LOCATIVE.contains(before) || before.equals("of") && isPlaceNoun(s.lower(mention.from() - 2));
            if (!locative) {
                continue;
            }
            int distance = Math.abs(mention.from() - count.to());
            if (distance < bestDistance) {
                best = mention.entity();
                bestDistance = distance;
            }
        }
        if (best != null) {
            return new Place(best, true);
        }
        if (period == CasualtyPeriod.CUMULATIVE) {
            for (Mention mention : article.mentions(s.index())) {
                if (mention.entity().type == EntityType.COUNTRY) {
                    return new Place(mention.entity(), true);
                }
            }
            return new Place(mainCountry, false);
        }
        Mention nearestPlace = null;
        for (Mention mention : article.mentions(s.index())) {
            if (mention.entity().type == EntityType.PLACE && (nearestPlace == null
                    || Math.abs(mention.from() - count.from()) < Math.abs(nearestPlace.from() - count.from()))) {
                nearestPlace = mention;
            }
        }
        if (nearestPlace != null) {
            return new Place(nearestPlace.entity(), true);
        }
        // "there", "the city", or nothing: the place named just before, else the place of the figure just before.
        ArticleEntity previousSentencePlace = s.index() > 0 ? lastPlace(article, s.index() - 1) : null;
        if (previousSentencePlace != null) {
            return new Place(previousSentencePlace, false);
        }
        if (!earlier.isEmpty()) {
            Figure previous = earlier.get(earlier.size() - 1);
            if (s.index() - previous.sentence() <= 2 && previous.placeEntity() != null) {
                return new Place(previous.placeEntity(), false);
            }
        }
        for (int back = 2; back <= 4 && s.index() - back >= 0; back++) {
            List<Mention> mentions = article.mentions(s.index() - back);
            for (int m = mentions.size() - 1; m >= 0; m--) {
                if (mentions.get(m).entity().type == EntityType.PLACE) {
                    return new Place(mentions.get(m).entity(), false);
                }
            }
        }
        return new Place(null, false);
    }

    private static ArticleEntity lastPlace(ArticleAnalysis article, int sentenceIndex) {
        List<Mention> mentions = article.mentions(sentenceIndex);
        for (int m = mentions.size() - 1; m >= 0; m--) {
            if (mentions.get(m).entity().type == EntityType.PLACE) {
                return mentions.get(m).entity();
            }
        }
        return null;
    }

    private static boolean isPlaceNoun(String w) {
        return w.equals("city") || w.equals("town") || w.equals("village") || w.equals("province") || w.equals("district")
                || w.equals("region") || w.equals("neighbourhood") || w.equals("neighborhood") || w.equals("suburb");
    }

    /** Who gives the figure: the subject of the nearest reporting verb in the same clause chain, or "according to". */
    private String source(ArticleAnalysis article, Sentence s, Count count, List<Figure> earlier) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (int r = 0; r < s.size(); r++) {
            String w = s.lower(r);
            boolean according = w.equals("according") && s.lower(r + 1).equals("to");
            if (!according && !isAttributionVerb(w)) {
                continue;
            }
            if (crossesBut(s, new TimeExpressions.TimeExpression(r, r + 1, null, null, null, ""), count)) {
                continue;
            }
            String beforeVerb = s.lower(r - 1);
            if (!according && (beforeVerb.equals("were") || beforeVerb.equals("was") || beforeVerb.equals("are")
                    || beforeVerb.equals("is") || beforeVerb.equals("been"))) {
                continue; // "were reported killed": no one is named
            }
            String speaker = according ? speakerAfter(article, s, r + 2) : speakerBefore(article, s, r, earlier);
            if (speaker == null && w.endsWith("ing")) {
                speaker = firstSpeakerInSentence(article, s);
            }
            if (speaker == null) {
                continue;
            }
            int distance = Math.abs(r - count.from());
            if (distance < bestDistance) {
                best = speaker;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static boolean isAttributionVerb(String w) {
        return w.equals("said") || w.equals("says") || w.equals("say") || w.equals("told") || w.equals("reported")
                || w.equals("saying") || w.equals("claimed") || w.equals("estimated") || w.equals("estimates")
                || w.equals("reports") || w.equals("report");
    }

    private String speakerBefore(ArticleAnalysis article, Sentence s, int verb, List<Figure> earlier) {
        StringBuilder phrase = new StringBuilder();
        for (int k = verb - 1; k >= Math.max(0, verb - 6); k--) {
            Token token = s.token(k);
            if (!token.isWord() && !token.text().equals("'s")) {
                break;
            }
            String w = token.lower();
            if (w.equals("they") || w.equals("it")) {
                if (phrase.length() == 0) {
                    return previousSource(s, earlier);
                }
                break;
            }
            Mention mention = article.mentionAt(s.index(), k);
            if (mention != null) {
                ArticleEntity government = Speakers.governmentOf(article, s, mention, verb);
                if (government != null) {
                    return government.canonicalName;
                }
                String group = Speakers.group(phrase.toString());
                return group != null ? group : mention.entity().canonicalName;
            }
            if (w.equals("that") || w.equals("which") || w.equals("who") || article.language.isReportingVerb(w)
                    && k != verb) {
                break;
            }
            phrase.insert(0, w + " ");
        }
        return Speakers.group(phrase.toString());
    }

    private static String speakerAfter(ArticleAnalysis article, Sentence s, int from) {
        StringBuilder phrase = new StringBuilder();
        for (int k = from; k < Math.min(s.size(), from + 5); k++) {
            Token token = s.token(k);
            if (!token.isWord()) {
                break;
            }
            Mention mention = article.mentionAt(s.index(), k);
            if (mention != null && mention.entity().type != EntityType.PLACE) {
                return mention.entity().canonicalName;
            }
            phrase.append(token.lower()).append(' ');
        }
        return Speakers.group(phrase.toString());
    }

    private static String firstSpeakerInSentence(ArticleAnalysis article, Sentence s) {
        for (Mention mention : article.mentions(s.index())) {
            EntityType type = mention.entity().type;
            if (type == EntityType.ORGANISATION || type == EntityType.PERSON
                    || type == EntityType.COUNTRY && mention.kind() != Mention.Kind.DEMONYM) {
                return mention.entity().canonicalName;
            }
        }
        return null;
    }

    private static String previousSource(Sentence s, List<Figure> earlier) {
        for (int f = earlier.size() - 1; f >= 0; f--) {
            Figure figure = earlier.get(f);
            if (s.index() - figure.sentence() > 3) {
                break;
            }
            if (figure.avro().getSource() != null) {
                return figure.avro().getSource();
            }
        }
        return null;
    }
}
