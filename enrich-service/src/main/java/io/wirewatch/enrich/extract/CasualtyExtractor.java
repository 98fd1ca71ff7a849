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

    /** The lexicon classes that name each kind of harm after a count, and before it (an active verb). */
    private static final Map<CasualtyKind, String> HARM_AFTER = Map.of(
            CasualtyKind.KILLED,
            "HARM_KILLED",
            CasualtyKind.WOUNDED,
            "HARM_WOUNDED",
            CasualtyKind.ARRESTED,
            "HARM_ARRESTED",
            CasualtyKind.MISSING,
            "HARM_MISSING",
            CasualtyKind.DISPLACED,
            "HARM_DISPLACED");

    private static final Map<CasualtyKind, String> HARM_BEFORE = Map.of(
            CasualtyKind.KILLED,
            "ACTIVE_KILLED",
            CasualtyKind.WOUNDED,
            "ACTIVE_WOUNDED",
            CasualtyKind.ARRESTED,
            "ACTIVE_ARRESTED",
            CasualtyKind.DISPLACED,
            "ACTIVE_DISPLACED");
    /** Lexicon classes of the bounds written before a count, most specific first. */
    private static final List<Map.Entry<String, CountBound>> BOUNDS = List.of(
            Map.entry("BOUND_AT_LEAST", CountBound.AT_LEAST),
            Map.entry("BOUND_UP_TO", CountBound.UP_TO),
            Map.entry("BOUND_MORE_THAN", CountBound.MORE_THAN),
            Map.entry("BOUND_NEARLY", CountBound.NEARLY),
            Map.entry("BOUND_ABOUT", CountBound.ABOUT));
    /** How far before a count a toll noun may stand: "the death toll from a riot at a prison has risen to 116". */
    private static final int TOLL_WINDOW = 16;

    /** A count as written, over tokens {@code [from, to)}. */
    private record Count(
            int from, int to, int number, int value, CountBound bound, boolean additional, int numberEnd) {}

    /** The figure being built, kept to resolve "they said" and "there" in later sentences. */
    private record Figure(
            int sentence, CasualtyFigure avro, ArticleEntity placeEntity, boolean placeStated, boolean perfect) {}

    /** Where a figure happened, and whether its own sentence says so (else it was carried over from context). */
    /**
     * Where a figure is: the entity, whether its own sentence says so, and the name the article gives a spot inside it
     * (a site named after it: "Mombasa Technical College" in Mombasa), or null.
     */
    private record Place(ArticleEntity entity, boolean stated, String within) {
        Place(ArticleEntity entity, boolean stated) {
            this(entity, stated, null);
        }
    }

    List<CasualtyFigure> extract(ArticleAnalysis article) {
        List<Figure> figures = new ArrayList<>();
        ArticleEntity mainCountry = article.mainCountry();
        for (Sentence s : article.sentences) {
            List<TimeExpressions.TimeExpression> times =
                    article.language.time().find(s, article.text, article.published);
            // an undated article's calendar day further on has no date, but its number is still no count
            List<TimeExpressions.TimeExpression> spans =
                    article.published == null ? article.language.time().spans(s, article.text) : times;
            Set<Integer> usedNumbers = new HashSet<>();
            Lexicon lexicon = article.language.lexicon();
            for (int i = 0; i < s.size(); i++) {
                if (insideTime(spans, i)) {
                    continue; // "since Oct 7", "on 12 March": a date, not a count
                }
                Count count = countAt(article.language, s, i);
                if (count == null || !usedNumbers.add(count.number())) {
                    continue;
                }
                if (lengthEndingAt(lexicon, "REVISED_FROM", s, count.from()) > 0) {
                    continue; // "rose to 118, up from 116": the superseded figure
                }
                if (countsEvents(lexicon, s, count)) {
                    continue; // "two car bombs went off": the number counts the bombs
                }
                if (insideAPartOfACount(lexicon, s, count.from())) {
                    continue; // "40 people, including 12 children, were killed": 12 is a part of the 40
                }
                Harm harm = harmOf(article.language, s, count);
                if (harm == null) {
                    continue;
                }
                figures.add(build(article, s, count, harm, times, figures, mainCountry));
                i = count.numberEnd() - 1; // past the words of "cincuenta y dos", which count no second time
            }
        }
        return figures.stream()
                .map(figure -> countryLevelRepeat(figure, figures) || toldBetterLater(figure, figures)
                        ? CasualtyFigure.newBuilder(figure.avro())
                                .setRepeatsEarlier(true)
                                .build()
                        : figure.avro())
                .toList();
    }

    /**
     * "At least 23 killed in Ukraine" (a headline) then "23 people were killed ... near Zaporizhzhia": the country's
     * figure is the same toll told less precisely (its count within a tenth of the placed one's), so it repeats the
     * placed one whichever comes first.
     */
    private static boolean countryLevelRepeat(Figure figure, List<Figure> figures) {
        ArticleEntity place = figure.placeEntity();
        if (place == null || place.type != EntityType.COUNTRY || figure.avro().getRepeatsEarlier()) {
            return false;
        }
        for (Figure other : figures) {
            ArticleEntity otherPlace = other.placeEntity();
            if (other != figure
                    && otherPlace != null
                    && otherPlace.type == EntityType.PLACE
                    && !other.avro().getRepeatsEarlier()
                    && place.countryCode != null
                    && place.countryCode.equals(otherPlace.countryCode)
                    && nearlyEqual(other.avro().getCount(), figure.avro().getCount())
                    && other.avro().getKind() == figure.avro().getKind()) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Death toll rises to 323 at Beslan" (a headline's toll, a running count) then "the death toll ... rose to 323
     * today": the later telling dates the same toll to a day, or places at a town a toll the earlier one had only at
     * the article's country, so it is the figure kept and the earlier one repeats it.
     */
    private static boolean toldBetter(Figure earlier, CasualtyPeriod period, boolean perfect, Place place) {
        CasualtyFigure e = earlier.avro();
        // but not "more than 15,800 have been killed in the 15-month assault, it said Wednesday": a count up to now
        boolean dated = period == CasualtyPeriod.DAY
                && !perfect
                && e.getPeriod() != CasualtyPeriod.DAY
                && e.getPeriod() != CasualtyPeriod.MULTI_DAY;
        boolean placed = !earlier.placeStated()
                && earlier.placeEntity() != null
                && earlier.placeEntity().type == EntityType.COUNTRY
                && place.entity() != null
                && place.entity().type == EntityType.PLACE;
        return dated || placed;
    }

    /** An earlier figure of the same count, harm and place that a later one tells better ({@link #toldBetter}). */
    private static boolean toldBetterLater(Figure figure, List<Figure> figures) {
        CasualtyFigure f = figure.avro();
        if (f.getRepeatsEarlier()) {
            return false;
        }
        for (Figure later : figures) {
            CasualtyFigure l = later.avro();
            if (later.sentence() > figure.sentence()
                    && !l.getRepeatsEarlier()
                    && l.getCount() == f.getCount()
                    && l.getKind() == f.getKind()
                    && repeats(figure, l.getCount(), l.getKind(), new Place(later.placeEntity(), later.placeStated()))
                    && toldBetter(
                            figure,
                            l.getPeriod(),
                            later.perfect(),
                            new Place(later.placeEntity(), later.placeStated()))) {
                return true;
            }
        }
        return false;
    }

    /** "at least 51 civilians" in a headline and "killing 52 people" in the body: one toll told twice. */
    private static boolean nearlyEqual(int a, int b) {
        return Math.abs(a - b) <= Math.max(1, Math.min(a, b) / 10);
    }

    private static boolean insideTime(List<TimeExpressions.TimeExpression> times, int token) {
        for (TimeExpressions.TimeExpression time : times) {
            if (token >= time.from() && token < time.to()) {
                return true;
            }
        }
        return false;
    }

    /** The kind of harm and the span that states it. */
    private record Harm(CasualtyKind kind, int from, int to, boolean deathToll) {}

    // ---------------------------------------------------------------- counts

    private static Count countAt(Language language, Sentence s, int i) {
        Lexicon lexicon = language.lexicon();
        String w = s.lower(i);
        NumberWords numbers = language.numbers();
        long exact = numbers.exactValue(w);
        int vague = numbers.vagueValue(w);
        if (exact <= 0 && vague <= 0) {
            return null; // no number (each way below needs one): asked of every token, most words end here
        }
        int value;
        CountBound bound;
        int to = i + 1;
        int numberEnd = i + 1;
        boolean afterArticle = lexicon.is("INDEFINITE_ARTICLE", s, i - 1);
        if (lexicon.is("INDEFINITE_ARTICLE", s, i)
                && (numbers.vagueValue(s.lower(i + 1)) > 0 || lexicon.is("COUNT_NOUN_AFTER_A", s, i + 1))) {
            return null; // "une quarantaine": the article ("une" is also "one") belongs to the count after it
        }
        if (lexicon.is("COUNT_NOUN_AFTER_A", s, i) && afterArticle && exact > 0) {
            value = (int) exact; // "a dozen"
            bound = CountBound.EXACT;
        } else if (vague > 0) {
            value = vague;
            // "une soixantaine", "una veintena": after the article, a round number told as about so many (a toll
            // an alert may raise on); "des dizaines", "decenas" stay a vague crowd
            bound = afterArticle && lexicon.is("APPROXIMATE_COUNT", s, i) ? CountBound.ABOUT : CountBound.VAGUE;
            int of = lexicon.matchAt("OF", s, i + 1);
            if (of > 0 && lexicon.is("VAGUE_OF", s, i + 1 + of)) {
                // "tens of thousands": the vague word counts thousands
                value *= (int) Math.max(1, Math.min(1_000_000, numbers.vagueValue(s.lower(i + 1 + of)) / 2));
                to = i + 2 + of;
            }
        } else if (exact > 0) {
            if (isYearOrCode(lexicon, s, i, exact)) {
                return null;
            }
            long[] compound = numbers.compound(s, i, lexicon);
            if (compound != null) {
                exact = compound[0]; // "cincuenta y dos", "vingt et un"
                to = (int) compound[1];
                numberEnd = to;
            }
            long multiplied = exact * numbers.multiplier(s.lower(to));
            if (multiplied != exact) {
                to++;
            }
            if (multiplied > Integer.MAX_VALUE) {
                return null;
            }
            value = (int) multiplied;
            bound = CountBound.EXACT;
        } else {
            return null;
        }
        if (lexicon.matchAt("UNITS", s, to) > 0 || s.lower(to).startsWith("-")) {
            return null; // "95 km"
        }
        if (lexicon.is("PLACE_TYPES", s, to)) {
            return null; // "the death toll in the attack on three villages": a count of places, not of the dead
        }
        int from = i;
        if (afterArticle && (vague > 0 || lexicon.is("COUNT_NOUN_AFTER_A", s, i))) {
            from--; // "a dozen", "une quarantaine"
        }
        int before = from - 1;
        if (s.token(Math.max(0, before)).isQuote() && before >= 0) {
            before--;
        }
        boolean additional = false;
        for (Map.Entry<String, CountBound> stated : BOUNDS) {
            int length = lengthEndingAt(lexicon, stated.getKey(), s, before + 1);
            if (length > 0) {
                bound = stated.getValue();
                from = before - length + 1;
                break;
            }
        }
        if (lexicon.is("ADDITIONAL", s, from - 1)) {
            additional = true;
            from = lexicon.is("INDEFINITE_ARTICLE", s, from - 2) ? from - 2 : from - 1;
        }
        if (lexicon.matchAt("ADDITIONAL_AFTER", s, to) > 0) {
            additional = true; // "Hundreds more are believed to have been killed"
        }
        if (bound == CountBound.EXACT
                && lexicon.is("BETWEEN", s, from - 1)
                && lexicon.is("AND", s, to)
                && numbers.exactValue(s.lower(to + 1)) > value) {
            // "between 100 and 200 people": one figure, at least its low end (the high end counts no second time)
            bound = CountBound.AT_LEAST;
            from--;
            to += 2;
            numberEnd = to;
        }
        return new Count(from, to, i, value, bound, additional, numberEnd);
    }

    private static boolean isYearOrCode(Lexicon lexicon, Sentence s, int i, long value) {
        String text = s.token(i).text();
        boolean yearLike = value >= 1900 && value <= 2100 && !text.contains(",") && !text.contains(".");
        boolean tooLong =
                s.token(i).isNumber() && text.replace(",", "").replace(".", "").length() > 9; // not "quatre-vingt-dix"
        return yearLike && !lexicon.is("PEOPLE", s, i + 1)
                || tooLong
                || s.lower(i - 1).equals("$")
                || s.lower(i - 1).equals("+");
    }

    /** Length of the longest entry of a class that ends just before token {@code end}, or 0. */
    private static int lengthEndingAt(Lexicon lexicon, String className, Sentence s, int end) {
        for (int length = 4; length >= 1; length--) {
            int start = end - length;
            if (start >= 0 && lexicon.matchAt(className, s, start) == length) {
                return length;
            }
        }
        return 0;
    }

    // ---------------------------------------------------------------- harm

    private static Harm harmOf(Language language, Sentence s, Count count) {
        Lexicon lexicon = language.lexicon();
        NumberWords numbers = language.numbers();
        // Active verb before: "killing nearly 70 people", "claimed over 300 lives", "ont exécuté sommairement 300".
        // "mataron a 60 personas", "ejecutaron sumariamente a 30 civiles": the mark of a person object, then an adverb
        boolean marked = lexicon.is("HARM_OBJECT_MARKERS", s, count.from() - 1);
        int verbEnd = marked ? count.from() - 1 : count.from();
        verbEnd = lexicon.is("HARM_ADVERBS", s, verbEnd - 1) ? verbEnd - 1 : verbEnd;
        String verb = s.lower(verbEnd - 1);
        for (Map.Entry<CasualtyKind, String> active : HARM_BEFORE.entrySet()) {
            // "killing nearly 70", "han muerto 52", "causó la muerte a alrededor de un centenar"
            if (lexicon.is(active.getValue(), verb) || lexicon.endsAt(active.getValue(), s, verbEnd)) {
                Harm told = marked ? otherHarmOfTheObject(lexicon, s, count) : null;
                return told != null ? told : new Harm(active.getKey(), verbEnd - 1, count.to(), false);
            }
        }
        if (lexicon.is("LIFE_VERBS", verb) && lexicon.is("LIVES", s, count.to())) {
            return new Harm(CasualtyKind.KILLED, count.from() - 1, count.to() + 1, false);
        }
        // "claimed the lives of 50 people", "the massacre of at least 108 people"
        int before = Math.max(
                lengthEndingAt(lexicon, "LIVES_OF", s, count.from()),
                lengthEndingAt(lexicon, "DEATHS_OF", s, count.from()));
        if (before > 0) {
            return new Harm(CasualtyKind.KILLED, count.from() - before, count.to(), false);
        }
        // The harm after the count: "95 people were killed", "40 wounded", "are reported to have died".
        int limit = Math.min(s.size(), count.to() + 12);
        int commas = 0;
        Harm victims = null;
        boolean subset = false;
        for (int k = count.to(); k < limit; k++) {
            Token token = s.token(k);
            String w = token.lower();
            if (subset) {
                // "At least 40 people, including 12 children, were killed": the part's numbers, up to its closing
                // comma, are no count of their own here, and the harm after it is the whole count's
                if (w.equals(",")) {
                    subset = false;
                    limit = Math.min(s.size(), k + 1 + HARM_AFTER_SUBSET);
                }
                continue;
            }
            if (w.equals(",") && lexicon.matchAt("SUBSET_OPENERS", s, k + 1) > 0) {
                subset = true;
                limit = Math.min(s.size(), k + 1 + SUBSET_REACH);
                continue;
            }
            Harm found = null;
            for (Map.Entry<CasualtyKind, String> kind : HARM_AFTER.entrySet()) {
                int length = lexicon.matchAt(kind.getValue(), s, k);
                if (length > 0) {
                    found = new Harm(kind.getKey(), count.from(), k + length, false);
                    break;
                }
            }
            if (found != null && victims == null && k == count.to() && found.kind() == CasualtyKind.DISPLACED) {
                // "60 displaced people were killed", "60 déplacés ont été tués": right after the count, the displaced
                // are who was hit, and a harm after them is what was done to them
                victims = found;
                continue;
            }
            if (found != null) {
                return victims == null || found.kind() == CasualtyKind.KILLED ? found : victims;
            }
            if (w.equals(",") && commas++ < 2) {
                continue; // "At least 50 people, including children, were killed"
            }
            if (!token.isWord() && !token.isNumber() && !token.isQuote()) {
                break;
            }
            if (lexicon.is("COUNT_STOP", w)) {
                break;
            }
            if (k > count.to()
                    && (token.isNumber() || numbers.exactValue(w) > 0 || numbers.vagueValue(w) > 0)
                    && !lexicon.is("AND", s, k - 1)) {
                break;
            }
        }
        if (victims != null) {
            return victims; // "60 displaced" and no harm done to them after
        }
        // "the death toll in Syria ... passed 5,400", "bringing the toll to 57"; but not "a riot at one of the prisons"
        boolean oneOf = count.value() == 1 && lexicon.is("OF", s, count.to());
        // "El número de muertos por la explosión en una toma clandestina": an indefinite article is no toll of one
        boolean article = count.value() == 1 && lexicon.is("INDEFINITE_ARTICLE", s, count.from());
        // "El número de víctimas del derrumbe de una mina cerca de Puebla, en el centro del país, pasó de 60 a 89": a
        // toll's verb of
        // change right before the count carries its subject's noun from the sentence's start
        boolean risen = false;
        for (int k = count.from() - 1; k >= Math.max(0, count.from() - 4); k--) {
            risen |= lexicon.is("TOLL_RISE", s, k);
        }
        int reach = risen ? count.from() : TOLL_WINDOW;
        for (int k = oneOf || article ? -1 : count.from() - 1; k >= Math.max(0, count.from() - reach); k--) {
            int length = lengthEndingAt(lexicon, "TOLL", s, k + 1);
            if (length > 0) {
                int tollFrom = k - length + 1;
                boolean named = length > 1
                        || !lexicon.is("ARTICLE", s, tollFrom - 1)
                        || lexicon.is("TO", s, count.from() - 1)
                        || lexicon.is("TOLL_PASSED", s, count.from() - 1);
                if (named) {
                    return new Harm(CasualtyKind.KILLED, tollFrom, count.to(), true);
                }
            }
        }
        return null;
    }

    /** The count is of events, not people: "two car bombs", "three attacks", "deux attentats". */
    private static boolean countsEvents(Lexicon lexicon, Sentence s, Count count) {
        int k = count.to();
        return lexicon.matchAt("INCIDENT_SERIES", s, k) > 0
                || lexicon.matchAt("INCIDENT", s, k) > 0 && lexicon.matchAt("INCIDENT_SERIES", s, k + 1) > 0;
    }

    /** The token stands in a part of a count set off by ", including ..." and not yet closed by a comma. */
    private static boolean insideAPartOfACount(Lexicon lexicon, Sentence s, int i) {
        for (int k = i - 1; k >= Math.max(0, i - SUBSET_REACH); k--) {
            if (s.token(k).isClauseBreak()) {
                return false;
            }
            if (s.lower(k).equals(",")) {
                return lexicon.matchAt("SUBSET_OPENERS", s, k + 1) > 0 && k > 0 && countBefore(s, k);
            }
        }
        return false;
    }

    /** A number right before the comma at {@code comma}, or a few words before it ("40 people,"). */
    private static boolean countBefore(Sentence s, int comma) {
        for (int k = comma - 1; k >= Math.max(0, comma - 4); k--) {
            if (s.token(k).isNumber()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The article's own name of the figure's place when the alert's differs: the site inside the town it names ("Mombasa
     * Technical College"), else its exonym of a large city ("Bagdad"); null when the article names the place as the alert does.
     */
    private static String asWritten(Place located) {
        ArticleEntity place = located.entity();
        if (place == null) {
            return null;
        }
        if (located.within() != null) {
            return located.within();
        }
        return place.gazetteerName == null || place.gazetteerName.equals(place.canonicalName)
                ? null
                : place.canonicalName;
    }

    /** How long the part of a count set off by ", including ..." may be. */
    private static final int SUBSET_REACH = 10;
    /** How far after that part the whole count's harm may stand ("..., were killed"). */
    private static final int HARM_AFTER_SUBSET = 6;

    /**
     * One day's toll told of a country or region, made more specific by a town named nearby; but "le séisme a fait 400 morts
     * dans la province de Chichaoua": a disaster's toll is the whole province its sentence names, when no list
     * says which towns lie in it (a listed region still yields to the town named nearby).
     */
    private static ArticleEntity narrowed(
            ArticleAnalysis article, Sentence s, ArticleEntity place, CasualtyPeriod period) {
        boolean unlistedArea = place.firstLevelRegion && place.latitude == null;
        if (period != CasualtyPeriod.DAY
                || unlistedArea && namesAnyOf(article.language.lexicon(), s, "DISASTER_NOUNS")) {
            return place;
        }
        return moreSpecificNearby(article, s, place);
    }

    /** How many words after a count its own harm may stand: "dejando a 20 personas heridas". */
    private static final int OBJECT_HARM_REACH = 4;

    /**
     * "dejando a 20 personas heridas": a count made the object of a verb ("dejando" also tells of the dead) and told as
     * hit in another way right after it is that other harm; else null.
     */
    private static Harm otherHarmOfTheObject(Lexicon lexicon, Sentence s, Count count) {
        for (int k = count.to(); k < Math.min(s.size(), count.to() + OBJECT_HARM_REACH); k++) {
            for (Map.Entry<CasualtyKind, String> kind : HARM_AFTER.entrySet()) {
                int length = lexicon.matchAt(kind.getValue(), s, k);
                if (length > 0 && kind.getKey() != CasualtyKind.KILLED) {
                    return new Harm(kind.getKey(), count.from(), k + length, false);
                }
            }
            if (!s.token(k).isWord()) {
                return null;
            }
        }
        return null;
    }

    /**
     * "after the violence had killed 37", "después de que la violencia hubiera causado 37 muertos": a toll in the past
     * perfect is the background of the story, unless somebody reports it now ("officials said the blast had killed").
     */
    private static boolean toldInThePastPerfect(Language language, Sentence s, Count count, Harm harm) {
        Lexicon lexicon = language.lexicon();
        boolean pastPerfect = false;
        for (int k = Math.max(0, Math.min(count.from(), harm.from()) - 3);
                k < Math.max(count.to(), harm.to()) + 2 && k < s.size();
                k++) {
            pastPerfect |= lexicon.is("PAST_PERFECT", s, k);
        }
        if (!pastPerfect) {
            return false;
        }
        for (int k = 0; k < s.size(); k++) {
            if (language.isReportingVerb(s.lower(k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * "dozens of deaths, estimated at between 100 and 200", "des dizaines de morts, estimées à 150": right after a vague
     * figure, an estimate set off by a comma puts a number on it (the low end of a range, at least).
     */
    private static Count estimateAfter(Language language, Sentence s, int after) {
        Lexicon lexicon = language.lexicon();
        int k = after;
        if (!s.lower(k).equals(",") || !lexicon.is("ESTIMATED", s, k + 1)) {
            return null;
        }
        k += 2;
        if (lexicon.is("TO", s, k) || lexicon.is("CASUALTY_LOCATIVES", s, k)) {
            k++; // "estimated at", "estimées à", "estimados en"
        }
        boolean range = lexicon.is("BETWEEN", s, k);
        int from = k;
        if (range) {
            k++;
        }
        long low = language.numbers().exactValue(s.lower(k));
        if (low <= 0 || low > Integer.MAX_VALUE) {
            return null;
        }
        int to = k + 1;
        if (range && lexicon.is("AND", s, to) && language.numbers().exactValue(s.lower(to + 1)) > low) {
            to += 2;
        }
        return new Count(from, to, k, (int) low, range ? CountBound.AT_LEAST : CountBound.ABOUT, false, to);
    }

    // ---------------------------------------------------------------- attributes

    private Figure build(
            ArticleAnalysis article,
            Sentence s,
            Count stated,
            Harm harm,
            List<TimeExpressions.TimeExpression> times,
            List<Figure> earlier,
            ArticleEntity mainCountry) {
        Lexicon lexicon = article.language.lexicon();
        Count estimate = stated.bound() == CountBound.VAGUE
                ? estimateAfter(article.language, s, Math.max(stated.to(), harm.to()))
                : null;
        // "des dizaines de morts, estimées entre 100 et 200": the estimate is the figure
        Count count = estimate != null ? estimate : stated;
        CountBound bound = count.bound();
        if (harm.deathToll() && bound == CountBound.EXACT && lexicon.is("TOLL_PASSED", s, count.from() - 1)) {
            bound = CountBound.MORE_THAN;
        }
        TimeExpressions.TimeExpression time = nearestTime(article, s, times, count);
        CasualtyPeriod period = CasualtyPeriod.UNSPECIFIED;
        LocalDate eventDate = null;
        LocalDate periodStart = null;
        if (time != null) {
            switch (time.kind()) {
                case DAY -> {
                    period = CasualtyPeriod.DAY;
                    eventDate = time.date();
                }
                case EARLIER, YEAR -> {
                    period = CasualtyPeriod.UNSPECIFIED; // "last year", "in 2019": a figure of another time
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
                default -> {}
            }
        }
        boolean incident = isIncident(lexicon, s, count, harm) || tollOfTheIncidentJustTold(article, s, earlier);
        TimeExpressions.TimeExpression toldNext =
                time == null && !harm.deathToll() && !incident ? dayOfTheIncidentToldNext(article, s) : null;
        if (toldNext != null) {
            // "Seventy-two people have been killed in Kukawa. The town was attacked on Monday night": the toll of
            // the attack the next sentence tells and dates
            incident = true;
            time = toldNext;
            period = CasualtyPeriod.DAY;
            eventDate = toldNext.date();
        }
        if (harm.deathToll() && !incident) {
            period = CasualtyPeriod.CUMULATIVE; // a toll counts everyone so far, even when dated "on Monday"
        } else if (time == null && incident) {
            // "at least 23 people were killed in a missile strike": one event, around the day of publication (the
            // date stays unset: the alert service dates it by the article and folds later reports into it)
            period = CasualtyPeriod.DAY;
        }
        if (harm.kind() == CasualtyKind.KILLED && namesAnyOf(lexicon, s, "DISEASES")) {
            // "1,230 people had died of cholera, officials said on Wednesday": an outbreak's count
            period = CasualtyPeriod.CUMULATIVE;
        }
        if (period == CasualtyPeriod.DAY && yearSoFar(lexicon, s, count)) {
            // "500 civilians have been killed in Syria this year, according to a report published on Sunday": the
            // day dates the report; the count is the year's
            period = CasualtyPeriod.CUMULATIVE;
        }
        if (period == CasualtyPeriod.DAY && dayRangeNear(article.language, s, count)) {
            // "Du 1er au 13 novembre 64 personnes ont perdu la vie": the count runs over the days of the range, even
            // when the article's missing date leaves the range itself undated
            period = CasualtyPeriod.MULTI_DAY;
        }
        if (remembered(lexicon, s, count, harm)) {
            period = CasualtyPeriod.UNSPECIFIED; // "the 20th anniversary of the killing of 8,000": history
        } else if (period == CasualtyPeriod.DAY && toldInThePastPerfect(article.language, s, count, harm)) {
            period = CasualtyPeriod.UNSPECIFIED; // "after violence had killed 37 on Monday": the story's past
        }
        Place located = place(article, s, count, period, earlier, mainCountry);
        ArticleEntity place = located.entity();
        String source = source(article, s, count, earlier);
        CasualtyPeriod toldAs = period;
        boolean perfect = isPerfect(lexicon, s, harm);
        boolean repeats = earlier.stream()
                .anyMatch(e ->
                        repeats(e, count.value(), harm.kind(), located) && !toldBetter(e, toldAs, perfect, located));
        int start = s.token(Math.min(count.from(), harm.from())).start();
        int end = s.token(Math.max(count.to(), harm.to()) - 1).end();
        CasualtyFigure figure = CasualtyFigure.newBuilder()
                .setCount(count.value())
                .setCountText(s.span(article.text, count.from(), count.to() - 1))
                .setBound(bound)
                .setKind(harm.kind())
                .setVictims(victims(article.language, s, count, harm))
                .setPlace(
                        place == null ? null : place.gazetteerName != null ? place.gazetteerName : place.canonicalName)
                .setPlaceAsWritten(asWritten(located))
                .setPlaceCountryCode(place == null ? null : place.countryCode)
                .setPlaceRegion(place == null ? null : place.region)
                .setPlaceGeonameId(place == null || place.geonameId == null ? null : place.geonameId.longValue())
                .setLatitude(place == null ? null : place.latitude)
                .setLongitude(place == null ? null : place.longitude)
                .setPeriod(period)
                .setPeriodText(time == null ? null : time.text())
                .setEventDate(eventDate)
                .setPeriodStart(periodStart)
                .setSource(source)
                .setRepeatsEarlier(repeats)
                .setAdditional(count.additional())
                .setEvidence(new Evidence(s.text(), s.index(), start, end))
                .build();
        return new Figure(s.index(), figure, place, located.stated(), perfect);
    }

    /** The same number and harm again, unless both sentences name different places ("5,400 people killed" repeats). */
    private static boolean repeats(Figure earlier, int count, CasualtyKind kind, Place place) {
        CasualtyFigure e = earlier.avro();
        if (e.getCount() != count || e.getKind() != kind || e.getPlace() == null && place.entity() != null) {
            return false; // a headline's figure with no place is not what the body's placed figure repeats
        }
        return !(earlier.placeStated() && place.stated()) || earlier.placeEntity() == place.entity();
    }

    /** How far before a toll its anniversary may be named ("to mark the 20th anniversary of the killing of"). */
    private static final int ANNIVERSARY_REACH = 8;

    /**
     * "to mark the 20th anniversary of the killing of 8,000 Muslim men and boys", "le 30e anniversaire du génocide
     * qui a fait 800 000 morts": a toll of a past event remembered, never a day of news.
     */
    private static boolean remembered(Lexicon lexicon, Sentence s, Count count, Harm harm) {
        int first = Math.min(count.from(), harm.from());
        for (int k = first - 1; k >= Math.max(0, first - ANNIVERSARY_REACH); k--) {
            if (s.token(k).isClauseBreak() || s.lower(k).equals(";")) {
                return false;
            }
            if (lexicon.is("ANNIVERSARY", s, k)) {
                return true;
            }
        }
        return false;
    }

    /** How near a count "this year" must be to make it the year's running count. */
    private static final int YEAR_SO_FAR_REACH = 8;

    /**
     * A figure of one event: a word of a single incident (attack, strike, riot ...) in its sentence, or of incidents in
     * the plural when the figure is told as done ("were killed in attacks on three villages") rather than as a running
     * count (a toll "from Israeli attacks", "have been killed in strikes"); and no word of a long count ("since", "so
     * far", "the war").
     */
    private static boolean isIncident(Lexicon lexicon, Sentence s, Count count, Harm harm) {
        if (yearSoFar(lexicon, s, count)) {
            // "the massacre of 32 ... brought to more than 300 the number of civilians killed this year": the 300
            // is the year's running count, while the 32 (further from "this year") stays the massacre's
            return false;
        }
        boolean single = false;
        boolean series = false;
        for (int k = 0; k < s.size(); k++) {
            if (lexicon.matchAt("CUMULATIVE_CUES", s, k) > 0) {
                return false;
            }
            single |= lexicon.matchAt("INCIDENT", s, k) > 0;
            if (lexicon.matchAt("INCIDENT_SERIES", s, k) > 0) {
                // "two car bombs", "twin blasts": a few events at once are one attack
                boolean few = lexicon.is("FEW_EVENTS", s, k - 1) || lexicon.is("FEW_EVENTS", s, k - 2);
                single |= few;
                series |= !few;
            }
        }
        return single || series && !harm.deathToll() && !isPerfect(lexicon, s, harm);
    }

    /**
     * "Une attaque a visé les villages de la commune de X. Le bilan officiel parle de 132 civils tués.": a toll whose
     * own sentence names no event, no series of them and no long count is the toll of the one event the sentence just
     * before tells without a toll of its own (after a toll, a further figure is a detail of it: a subset, another
     * estimate).
     */
    private static boolean tollOfTheIncidentJustTold(ArticleAnalysis article, Sentence s, List<Figure> earlier) {
        if (s.index() == 0
                || !earlier.isEmpty() && earlier.get(earlier.size() - 1).sentence() == s.index() - 1) {
            return false;
        }
        Lexicon lexicon = article.language.lexicon();
        if (namesAnyOf(lexicon, s, "INCIDENT", "INCIDENT_SERIES", "CUMULATIVE_CUES", "YEAR_SO_FAR")) {
            return false;
        }
        Sentence before = article.sentences.get(s.index() - 1);
        // "A siege of the camp ended on Friday when explosions tore through the market": events in the plural on one
        // day are
        // the one incident's
        return namesAnyOf(lexicon, before, "INCIDENT")
                && !namesAnyOf(lexicon, before, "CUMULATIVE_CUES", "YEAR_SO_FAR")
                && (!namesAnyOf(lexicon, before, "INCIDENT_SERIES") || datesOneDay(article, before));
    }

    /** The sentence's only time is one day ("on Friday"). */
    private static boolean datesOneDay(ArticleAnalysis article, Sentence s) {
        List<TimeExpressions.TimeExpression> times = article.language.time().find(s, article.text, article.published);
        return times.size() == 1 && times.get(0).kind() == TimeExpressions.Kind.DAY;
    }

    /**
     * The day of the one attack the next sentence tells ("The town was attacked on Monday night"), for a toll
     * its own sentence neither dates nor ties to any event; null when the next sentence tells no single dated incident.
     */
    private static TimeExpressions.TimeExpression dayOfTheIncidentToldNext(ArticleAnalysis article, Sentence s) {
        if (s.index() + 1 >= article.sentences.size()) {
            return null;
        }
        Lexicon lexicon = article.language.lexicon();
        if (namesAnyOf(lexicon, s, "INCIDENT_SERIES", "CUMULATIVE_CUES", "YEAR_SO_FAR")) {
            return null;
        }
        Sentence next = article.sentences.get(s.index() + 1);
        if (!namesAnyOf(lexicon, next, "INCIDENT")
                || namesAnyOf(lexicon, next, "INCIDENT_SERIES", "CUMULATIVE_CUES", "YEAR_SO_FAR")) {
            return null;
        }
        TimeExpressions.TimeExpression day = null;
        for (TimeExpressions.TimeExpression time :
                article.language.time().find(next, article.text, article.published)) {
            if (time.kind() != TimeExpressions.Kind.DAY || day != null) {
                return null; // another kind of time, or two days: no single dated incident
            }
            day = time;
        }
        return day;
    }

    private static boolean namesAnyOf(Lexicon lexicon, Sentence s, String... classes) {
        Lexicon.WordClass[] named = new Lexicon.WordClass[classes.length]; // by name once, not per token
        for (int c = 0; c < classes.length; c++) {
            named[c] = lexicon.wordClassNamed(classes[c]);
        }
        for (int k = 0; k < s.size(); k++) {
            for (Lexicon.WordClass c : named) {
                if (lexicon.matchAt(c, s, k) > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** How far from a count a range of days may be told. */
    private static final int DAY_RANGE_REACH = 12;

    /**
     * "from 1 to 13 November", "du 1er au 13 novembre", "entre el 27 y el 31 de marzo", "du lundi au mercredi" near a
     * count: a start (a number or a calendar word, maybe after an article) and an end followed by, or being, a
     * calendar word.
     */
    private static boolean dayRangeNear(Language language, Sentence s, Count count) {
        Lexicon lexicon = language.lexicon();
        for (int k = Math.max(0, count.from() - DAY_RANGE_REACH);
                k < Math.min(s.size(), count.to() + DAY_RANGE_REACH);
                k++) {
            if (!lexicon.is("DAY_RANGE_FROM", s, k) || lexicon.is("NIGHT_WORDS", s, k - 1)) {
                continue; // "dans la nuit du 21 au 22 août" is one night
            }
            int start = lexicon.is("ARTICLE", s, k + 1) ? k + 2 : k + 1;
            if (start >= s.size() || !isDayOfRange(language, s, start) || !lexicon.is("DAY_RANGE_TO", s, start + 1)) {
                continue;
            }
            int end = lexicon.is("ARTICLE", s, start + 2) ? start + 3 : start + 2;
            if (end < s.size()
                    && isDayOfRange(language, s, end)
                    && (language.time().isCalendarWord(s.lower(end))
                            || language.time().isCalendarWord(s.lower(end + 1))
                            || lexicon.is("OF", s, end + 1) && language.time().isCalendarWord(s.lower(end + 2)))) {
                return true;
            }
        }
        return false;
    }

    /** "13", "1er", "1st", "lundi": a day that may start or end a range. */
    private static boolean isDayOfRange(Language language, Sentence s, int i) {
        String w = s.lower(i);
        return w.matches("\\d{1,2}(er|st|nd|rd|th|º|°)?") || language.time().isCalendarWord(w);
    }

    /** "this year", "cette année", "en lo que va del año" near a count: the year's running count. */
    private static boolean yearSoFar(Lexicon lexicon, Sentence s, Count count) {
        for (int k = Math.max(0, count.from() - YEAR_SO_FAR_REACH);
                k < Math.min(s.size(), count.to() + YEAR_SO_FAR_REACH);
                k++) {
            if (lexicon.matchAt("YEAR_SO_FAR", s, k) > 0) {
                return true;
            }
        }
        return false;
    }

    /** "have been killed", "has died": the present perfect counts up to now. */
    private static boolean isPerfect(Lexicon lexicon, Sentence s, Harm harm) {
        for (int k = Math.max(0, harm.to() - 5); k < harm.to(); k++) {
            if (lexicon.is("HAVE", s, k)) {
                return true;
            }
        }
        return false;
    }

    private TimeExpressions.TimeExpression nearestTime(
            ArticleAnalysis article, Sentence s, List<TimeExpressions.TimeExpression> times, Count count) {
        TimeExpressions.TimeExpression best = null;
        TimeExpressions.TimeExpression period = null;
        int bestDistance = Integer.MAX_VALUE;
        for (TimeExpressions.TimeExpression time : times) {
            int distance = time.to() <= count.from() ? count.from() - time.to() : Math.max(0, time.from() - count.to());
            if (distance > 16 || crossesBut(article.language.lexicon(), s, time, count)) {
                continue;
            }
            if (distance < bestDistance) {
                best = time;
                bestDistance = distance;
            }
            if (time.kind() == TimeExpressions.Kind.LONG_PERIOD || time.kind() == TimeExpressions.Kind.RECENT_PERIOD) {
                period = time;
            }
        }
        // "said Wednesday that more than 15,800 have been killed since March 2011": the day dates the statement
        if (best != null && period != null && best != period && datesAStatement(article, s, best)) {
            return period;
        }
        return best;
    }

    private static boolean datesAStatement(ArticleAnalysis article, Sentence s, TimeExpressions.TimeExpression time) {
        int before = time.from() - 1;
        return article.language.isReportingVerb(s.lower(before))
                || article.language.lexicon().is("TIME_ON", s, before)
                        && article.language.isReportingVerb(s.lower(before - 1));
    }

    private static boolean crossesBut(Lexicon lexicon, Sentence s, TimeExpressions.TimeExpression time, Count count) {
        int from = Math.min(time.to(), count.to());
        int to = Math.max(time.from(), count.from());
        for (int k = from; k < to; k++) {
            if (lexicon.is("BUT", s, k) || s.lower(k).equals(";")) {
                return true;
            }
        }
        return false;
    }

    private static String victims(Language language, Sentence s, Count count, Harm harm) {
        Lexicon lexicon = language.lexicon();
        StringBuilder words = new StringBuilder();
        int limit = harm.from() >= count.from() && harm.to() > count.to()
                ? harm.to() - 1
                : Math.min(s.size(), count.to() + 6);
        for (int k = count.to(); k < limit; k++) {
            Token token = s.token(k);
            String w = token.lower();
            if (!token.isWord() || lexicon.is("CASUALTY_LOCATIVES", w) || lexicon.is("BY", w)) {
                if (token.isQuote()) {
                    continue;
                }
                break;
            }
            if ((lexicon.is("AND", w) || lexicon.is("OR", w))
                    && (s.token(Math.min(k + 1, s.size() - 1)).isNumber()
                            || language.numbers().exactValue(s.lower(k + 1)) > 0)) {
                break; // "12 soldiers and 4 civilians": the next count has its own victims
            }
            if (lexicon.is("NOT_VICTIMS", w) || isHarmWord(lexicon, w)) {
                if (words.length() > 0 && !lexicon.is("OF", w) && !lexicon.is("ARTICLE", w)) {
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
        return victims.isEmpty() || lexicon.is("LIVES", victims.toLowerCase(java.util.Locale.ROOT)) ? null : victims;
    }

    private static boolean isHarmWord(Lexicon lexicon, String w) {
        for (String kind : HARM_AFTER.values()) {
            if (lexicon.is(kind, w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where a figure happened: the most specific place named after a locative in its clause (a village before its
     * region, a region before its country, the nearer of equals), else a country in a running total's sentence, else
     * a place named near it, else the place of the sentence or figure before. A dateline ("KABUL:", "Pokrovsk,
     * Ukraine:") says where the reporter is, never where the figure happened.
     */
    private Place place(
            ArticleAnalysis article,
            Sentence s,
            Count count,
            CasualtyPeriod period,
            List<Figure> earlier,
            ArticleEntity mainCountry) {
        Lexicon lexicon = article.language.lexicon();
        int clauseFrom = count.from();
        while (clauseFrom > 0
                && !s.lower(clauseFrom - 1).equals(",")
                && !s.token(clauseFrom - 1).isClauseBreak()) {
            clauseFrom--;
        }
        int clauseTo = count.to();
        while (clauseTo < s.size()
                && !s.lower(clauseTo).equals(",")
                && !s.token(clauseTo).isClauseBreak()) {
            if (lexicon.is("ELSEWHERE", s, clauseTo)) {
                return new Place(null, true);
            }
            clauseTo++;
        }
        ArticleEntity best = null;
        String bestWithin = null;
        int bestRank = Integer.MIN_VALUE;
        for (Mention mention : article.mentions(s.index())) {
            EntityType type = mention.entity().type;
            if (mention.from() < clauseFrom
                    || mention.to() > clauseTo
                    || notWhereItHappened(article, s, mention)
                    || (type != EntityType.PLACE && type != EntityType.COUNTRY && mention.entity().seat == null)
                    || mention.kind() == Mention.Kind.DEMONYM
                    || isMacroRegion(mention.entity())) {
                continue;
            }
            if (!isLocative(article, lexicon, s, mention)
                    || isBoundary(lexicon, s, mention)
                    || type == EntityType.COUNTRY
                            && lexicon.is("NATIONALS", s, mention.to()) // "outside the U.K. embassy"
                    || type == EntityType.COUNTRY && PlaceResolver.regionTypeBefore(lexicon, s, mention.from())) {
                continue;
            }
            ArticleEntity seat = mention.entity().seat;
            if (seat != null) { // "killed at the Kano Central Mosque": the site's town
                int rank = specificity(seat) * 1000 - Math.abs(mention.from() - count.to());
                if (rank > bestRank) {
                    best = seat;
                    bestWithin = mention.entity().canonicalName;
                    bestRank = rank;
                }
                continue;
            }
            // "l'attaque contre le détachement d'Inata, dans la province du Soum, a fait 20 morts": the province only
            // says where Inata lies, and the toll is Inata's
            Mention contained = containedPlaceBefore(article, s, mention);
            Mention owner = contained == null ? ownerOfItsLandmark(article, s, mention) : null;
            Mention where = contained != null ? contained : owner != null ? owner : mention;
            int rank = specificity(where.entity()) * 1000 - Math.abs(mention.from() - count.to());
            if (rank > bestRank) {
                best = townOfItsQuarter(article, s, where);
                // "in the Old Quarter of Hue", a quarter named inside a town: the town, which other
                // reports name too, and the spot the article names inside it
                bestWithin = best != where.entity()
                        ? where.entity().canonicalName
                        : owner != null ? mention.entity().canonicalName : null;
                bestRank = rank;
            }
        }
        if (best != null) {
            ArticleEntity town = narrowed(article, s, best, period);
            return new Place(town, true, town == best ? bestWithin : null);
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
            if (mention.entity().type != EntityType.PLACE
                    || notWhereItHappened(article, s, mention)
                    || isMacroRegion(mention.entity())
                    || isLandmark(article, s, mention)
                    || isOfficeSeat(lexicon, s, mention)) {
                continue;
            }
            if (nearestPlace == null
                    || specificity(mention.entity()) > specificity(nearestPlace.entity())
                    || specificity(mention.entity()) == specificity(nearestPlace.entity())
                            && Math.abs(mention.from() - count.from()) < Math.abs(nearestPlace.from() - count.from())) {
                nearestPlace = mention;
            }
        }
        if (nearestPlace != null) {
            return new Place(narrowed(article, s, nearestPlace.entity(), period), true);
        }
        for (Mention mention : article.mentions(s.index())) {
            if (mention.entity().type == EntityType.COUNTRY
                    && mention.kind() != Mention.Kind.DEMONYM
                    && !lexicon.is("NATIONALS", s, mention.to()) // "25 US troops were killed": whose, not where
                    && !notWhereItHappened(article, s, mention)
                    && !isBoundary(lexicon, s, mention)
                    && !PlaceResolver.regionTypeBefore(lexicon, s, mention.from())) {
                // but not "el estado de Níger, en el norte de Nigeria": a region named like a state
                // "a riot at one of Ecuador's largest prisons"
                return new Place(
                        period == CasualtyPeriod.DAY
                                ? moreSpecificNearby(article, s, mention.entity())
                                : mention.entity(),
                        true);
            }
        }
        ArticleEntity sitesState = stateOfADemonymsSite(article, s);
        if (sitesState != null) {
            // "52 killed as gunmen storm Ugandan school", "un village nigérien": the site's country, made more
            // specific by a town named nearby
            return new Place(
                    period == CasualtyPeriod.DAY ? moreSpecificNearby(article, s, sitesState) : sitesState, true);
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
        if (period == CasualtyPeriod.DAY && mainCountry != null) {
            // "95 killed in an attack on a village in the centre of the country", the village named further on
            ArticleEntity town = moreSpecificNearby(article, s, mainCountry);
            if (town != mainCountry) {
                return new Place(town, false);
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
        return new Place(period == CasualtyPeriod.DAY ? datelineTown(article) : null, false);
    }

    /**
     * "KUKAWA, Nigeria -- A siege ended on Friday ... The death toll was more than 90": an incident's toll that the
     * story places nowhere else happened where the story is filed from. The town of the lead's dateline, else null.
     */
    private static ArticleEntity datelineTown(ArticleAnalysis article) {
        for (int k = 0; k < Math.min(STORY_LEAD, article.sentences.size()); k++) {
            Sentence lead = article.sentences.get(k);
            for (Mention mention : article.mentions(k)) {
                if (mention.entity().type == EntityType.PLACE
                        && specificity(mention.entity()) == 2
                        && article.isDateline(lead, mention)) {
                    return mention.entity();
                }
            }
        }
        return null;
    }

    /** How many capitalised words a landmark's kind may have before its "of": "Valley", "Old City". */
    private static final int LANDMARK_KIND_WORDS = 2;

    /**
     * "in Luxor's Valley of the Kings": a place named inside a landmark that a town owns is the landmark's, and the toll
     * is the owner's, which other reports name too. Returns the owner's mention, else null.
     */
    private static Mention ownerOfItsLandmark(ArticleAnalysis article, Sentence s, Mention mention) {
        Lexicon lexicon = article.language.lexicon();
        int k = article.ofBefore(s, mention);
        if (k < 0) {
            return null;
        }
        int kind = k - 1;
        while (kind >= 0 && k - kind <= LANDMARK_KIND_WORDS && s.token(kind).isCapitalised()) {
            kind--;
        }
        if (kind == k - 1 || !lexicon.is("POSSESSIVE", s, kind)) {
            return null;
        }
        Mention owner = article.mentionAt(s.index(), kind - 1);
        return owner != null && owner.entity().type == EntityType.PLACE ? owner : null;
    }

    /** How many words after a town's quarter the town may be named: "le quartier de X, au Cap Haïtien". */
    private static final int TOWN_AFTER_QUARTER = 4;

    /**
     * "dans le quartier de Tiwerou, au Cap Haïtien", "in the neighbourhood of X in Kabul": a toll told in a town's
     * quarter or slum belongs to the town named right after it, which other reports of the event name too.
     */
    private static ArticleEntity townOfItsQuarter(ArticleAnalysis article, Sentence s, Mention quarter) {
        Lexicon lexicon = article.language.lexicon();
        if (!PlaceResolver.partOfTownTypeBefore(lexicon, s, quarter.from())) {
            return quarter.entity();
        }
        for (Mention mention : article.mentions(s.index())) {
            if (mention.from() >= quarter.to()
                    && mention.from() - quarter.to() <= TOWN_AFTER_QUARTER
                    && mention.entity().type == EntityType.PLACE
                    && specificity(mention.entity()) == 2
                    && !PlaceResolver.partOfTownTypeBefore(lexicon, s, mention.from())) {
                return mention.entity();
            }
        }
        return quarter.entity();
    }

    /** The article's first sentences, whose places say where the story is. */
    private static final int STORY_LEAD = 6;
    /** How many sentences before or after a figure may name its town. */
    private static final int NEAR_SENTENCES = 3;

    /**
     * "A missile hit a train station in eastern Ukraine, killing at least 50" with "the railway station in
     * Kramatorsk" in the story's lead: one event's toll told at a country's or region's level belongs to the town of
     * that country named (in a locative) in the sentences around it, or in the story's lead, when exactly one
     * town is, or when the towns named are all named in one sentence; else it stays at the country's level, which is
     * imprecise but not wrong.
     */
    private static ArticleEntity moreSpecificNearby(ArticleAnalysis article, Sentence s, ArticleEntity place) {
        if (specificity(place) == 2 || place.countryCode == null) {
            return place;
        }
        Lexicon lexicon = article.language.lexicon();
        Sentence next = s.index() + 1 < article.sentences.size() ? article.sentences.get(s.index() + 1) : null;
        boolean headline = !s.lower(s.size() - 1).equals(".");
        if (namesAnyOf(lexicon, s, "PLURAL_SITES")
                || headline && next != null && namesAnyOf(lexicon, next, "PLURAL_SITES")) {
            // "55 people were killed in Nigeria when bandits raided three villages of Zamfara state": a toll of several
            // villages is no one village's; the region the sentence names, if any, is where it fell
            for (Sentence told : headline && next != null ? List.of(s, next) : List.of(s)) {
                for (Mention mention : article.mentions(told.index())) {
                    ArticleEntity region = mention.entity();
                    if (region.type == EntityType.PLACE
                            && specificity(region) == 1
                            && place.countryCode.equals(region.countryCode)) {
                        return region; // "55 killed in Nigerian village raids. ... three villages of Zamfara state"
                    }
                }
            }
            return place;
        }
        Set<ArticleEntity> found = new java.util.LinkedHashSet<>();
        Set<ArticleEntity> townParts = new java.util.HashSet<>();
        Set<ArticleEntity> typed = new java.util.LinkedHashSet<>();
        Set<Integer> foundIn = new java.util.HashSet<>();
        for (Sentence near : article.sentences) {
            if (Math.abs(near.index() - s.index()) > NEAR_SENTENCES && near.index() >= STORY_LEAD) {
                continue;
            }
            for (Mention mention : article.mentions(near.index())) {
                // "the army secured Mombasa Technical College": the site's town
                ArticleEntity candidate = mention.entity().seat != null ? mention.entity().seat : mention.entity();
                if (candidate.type == EntityType.PLACE
                        && specificity(candidate) == 2
                        && place.countryCode.equals(candidate.countryCode)
                        && !notWhereItHappened(article, near, mention)
                        && (isLocative(article, lexicon, near, mention) || townTypeAfter(lexicon, near, mention))
                        && !isLandmark(article, near, mention)
                        && !toldAsThePast(article, near, mention)) {
                    found.add(candidate);
                    foundIn.add(near.index());
                    if (PlaceResolver.placeTypeBefore(lexicon, near, mention.from())
                            || townTypeAfter(lexicon, near, mention)) {
                        typed.add(candidate);
                    }
                    if (PlaceResolver.partOfTownTypeBefore(lexicon, near, mention.from())) {
                        townParts.add(candidate);
                    }
                }
            }
        }
        if (townParts.size() < found.size()) {
            // "le secteur de Lafosèt, un bidonville situé au Cap Haïtien": the town, which other reports name too
            found.removeAll(townParts);
            typed.removeAll(townParts);
        }
        // "the villages of Ogossagou and Welingara were attacked": towns named together are the one attack's, and
        // the first named stands for them; towns told apart in several sentences leave it unsure
        if (found.size() == 1 || foundIn.size() == 1 && !found.isEmpty()) {
            return found.iterator().next();
        }
        // "gunmen stormed the village of X" beside "a lawmaker representing southern Y": the one place the story
        // calls a village or a town is the scene
        return typed.size() == 1 ? typed.iterator().next() : place;
    }

    /**
     * "the RSF attacks on Wad al-Noura village", "Kuryan Dutse village": a name followed by the kind of a town (not of
     * a region: "Gezira province") is called a village or town as plainly as "the village of X".
     */
    private static boolean townTypeAfter(Lexicon lexicon, Sentence s, Mention mention) {
        String after = s.lower(mention.to());
        return lexicon.is("PLACE_TYPES", after) && !lexicon.is("REGION_TYPES", after);
    }

    /** How far before a town a cue of the story's past may stand ("since a 2007 bombing in the city of X"). */
    private static final int PAST_CUE_REACH = 12;

    /**
     * "since a 2007 suicide bombing in the port city of Karachi", "los migrantes habían ingresado hace unos días y
     * fueron concentrados en San Cristóbal": a town named in the story's past (another year, an earlier time, the past
     * perfect of no reported speech, shortly before it in its sentence) is not where today's toll happened.
     */
    private static boolean toldAsThePast(ArticleAnalysis article, Sentence s, Mention mention) {
        Lexicon lexicon = article.language.lexicon();
        int from = Math.max(0, mention.from() - PAST_CUE_REACH);
        for (int k = mention.from() - 1; k >= from; k--) {
            if (lexicon.is("PAST_PERFECT", s, k) && !reported(article.language, s) || isAnotherYear(article, s, k)) {
                return true;
            }
            if (s.token(k).isClauseBreak() || lexicon.is("BUT", s, k)) {
                from = k;
                break;
            }
        }
        for (TimeExpressions.TimeExpression time : article.language.time().find(s, article.text, article.published)) {
            boolean before = time.to() <= mention.from() && time.from() >= from;
            boolean another = time.kind() == TimeExpressions.Kind.EARLIER
                    || time.kind() == TimeExpressions.Kind.YEAR
                            && (article.published == null
                                    || time.date() == null
                                    || time.date().getYear() != article.published.getYear());
            if (before && another) {
                return true;
            }
        }
        return false;
    }

    /** A sentence with a reporting verb, whose past perfect may only follow the tense of "said". */
    private static boolean reported(Language language, Sentence s) {
        for (int k = 0; k < s.size(); k++) {
            if (language.isReportingVerb(s.lower(k))) {
                return true;
            }
        }
        return false;
    }

    /** "a 2007 suicide bombing": a year written alone, not the article's. */
    private static boolean isAnotherYear(ArticleAnalysis article, Sentence s, int k) {
        String text = s.token(k).text();
        if (!s.token(k).isNumber() || !text.matches("(19|20)\\d\\d")) {
            return false;
        }
        return article.published == null || Integer.parseInt(text) != article.published.getYear();
    }

    /** How far before a place a statement may be named that the place is where it was given. */
    private static final int STATEMENT_REACH = 6;

    /**
     * A dateline, or where someone spoke: "in a statement in New York", "dans un communiqué samedi soir à New York",
     * "en rueda de prensa en Madrid" say where a figure was given, not where the dead fell. The statement's noun comes
     * first, with no number between (so "a statement: 30 killed in Homs" keeps Homs).
     */
    private static boolean notWhereItHappened(ArticleAnalysis article, Sentence s, Mention mention) {
        if (article.isDateline(s, mention)) {
            return true;
        }
        Lexicon lexicon = article.language.lexicon();
        for (int k = mention.from() - 1; k >= Math.max(0, mention.from() - STATEMENT_REACH); k--) {
            if (s.token(k).isNumber()
                    || s.token(k).isClauseBreak()
                    || s.lower(k).equals(",")) {
                return false;
            }
            if (lexicon.is("STATEMENT_NOUNS", s, k)) {
                return true;
            }
        }
        return false;
    }

    /**
     * "the villages of Ogossagou and Welingara, not far from Bankass": a place given after another only to say where
     * that one lies is a landmark, not where things happened.
     */
    /** The country of a demonym beside a site noun ("Kenyan university", "un village nigérien"), or null. */
    private static ArticleEntity stateOfADemonymsSite(ArticleAnalysis article, Sentence s) {
        Lexicon lexicon = article.language.lexicon();
        boolean after = DiplomaticActionExtractor.demonymsFollow(lexicon);
        for (Mention mention : article.mentions(s.index())) {
            if (mention.kind() != Mention.Kind.DEMONYM || mention.entity().type != EntityType.COUNTRY) {
                continue;
            }
            int noun = after ? mention.from() - 1 : mention.to();
            if (noun >= 0 && noun < s.size() && lexicon.is("SITE_NOUNS", s, noun)) {
                return mention.entity();
            }
        }
        return null;
    }

    /** How far before a place its "near" or "40 km west of" may stand. */
    private static final int LANDMARK_CUE_REACH = 7; // "unos 12 km al norte de la ciudad de Maiduguri"
    /** How far after the place it locates a landmark may be named ("X, a town some 40 km west of Y"). */
    private static final int LANDMARK_REACH = 14;

    private static boolean isLandmark(ArticleAnalysis article, Sentence s, Mention mention) {
        Lexicon lexicon = article.language.lexicon();
        if (containedPlaceBefore(article, s, mention) != null || ownerOfItsLandmark(article, s, mention) != null) {
            return true; // "Kodyel, dans la commune de Foutouri"; "Luxor's Valley of the Kings"
        }
        boolean near = false;
        for (int k = mention.from() - 1; k >= Math.max(0, mention.from() - LANDMARK_CUE_REACH) && !near; k--) {
            near = lexicon.is("LANDMARK_NEAR", s, k);
        }
        if (!near) {
            return false;
        }
        for (Mention other : article.mentions(s.index())) {
            if (other.to() <= mention.from()
                    && mention.from() - other.to() <= LANDMARK_REACH
                    && other.entity().type == EntityType.PLACE) {
                return true;
            }
        }
        return false;
    }

    /** How far before a container's name the comma after the place it contains may be. */
    private static final int CONTAINER_REACH = 8;

    /**
     * "le village de Kodyel, dans la commune de Foutouri": a place named in apposition as the one that contains the
     * place just before it only says where that one lies. Returns the place it contains, else null.
     */
    private static Mention containedPlaceBefore(ArticleAnalysis article, Sentence s, Mention mention) {
        Lexicon lexicon = article.language.lexicon();
        for (int comma = mention.from() - 3; comma >= Math.max(1, mention.from() - CONTAINER_REACH); comma--) {
            if (s.lower(comma).equals(",")
                    && PlaceResolver.containerNameAfter(lexicon, s, comma + 1) == mention.from()) {
                Mention contained = article.mentionAt(s.index(), comma - 1);
                return contained != null && contained.entity().type == EntityType.PLACE ? contained : null;
            }
        }
        return null;
    }

    /** "near the U.S. border": a state named for its boundary is not where things happened. */
    private static boolean isBoundary(Lexicon lexicon, Sentence s, Mention mention) {
        return PlaceResolver.namedForItsBorder(lexicon, s, mention.from(), mention.to());
    }

    /** "Latin America", "the Sahel": a region across states, too wide to be where a toll happened. */
    private static boolean isMacroRegion(ArticleEntity entity) {
        return entity.type == EntityType.PLACE && entity.countryCode == null;
    }

    /** A village or town before its region, a region before its country. */
    private static int specificity(ArticleEntity entity) {
        if (entity.type == EntityType.COUNTRY) {
            return 0;
        }
        return entity.firstLevelRegion || entity.countryCode == null ? 1 : 2;
    }

    /**
     * "in Homs", "in northern Burkina Faso", "in eastern Congo's Ituri province", "the village of Mailari": a
     * locative preposition before the place, with directions, articles and a possessive country between.
     */
    private static boolean isLocative(ArticleAnalysis article, Lexicon lexicon, Sentence s, Mention mention) {
        int k = mention.from() - 1;
        while (k >= 0) {
            String w = s.lower(k);
            if (lexicon.is("ARTICLE", w) || lexicon.is("DIRECTIONS", w)) {
                k--;
            } else if (lexicon.is("OF", w) && lexicon.is("DIRECTIONS", s, k - 1)) {
                k -= 2; // "dans le nord du Burkina Faso", "en el norte de Nigeria"
            } else if (lexicon.is("POSSESSIVE", w) && article.mentionAt(s.index(), k - 1) != null) {
                k = article.mentionAt(s.index(), k - 1).from() - 1;
            } else if (PlaceResolver.isQuoteMark(s, k)) {
                // "at the 'Plaine Savo' camp", "au site « Plaine Savo »": the marks, and the noun before them
                k = PlaceResolver.isCommonNoun(lexicon, s, k - 1) ? k - 2 : k - 1;
            } else {
                break;
            }
        }
        String before = s.lower(k);
        int typeEnd = PlaceResolver.typeEndBeforeOf(lexicon, "PLACE_TYPES", s, k);
        if (typeEnd >= 0) {
            // "the village of Mailari", "le village peul de X", but not "the mayor of the town of Bankass": an
            // office's seat
            int j = lexicon.is("ARTICLE", s, typeEnd - 2) ? typeEnd - 3 : typeEnd - 2;
            return !(lexicon.is("OF", s, j) && lexicon.is("OFFICE_HOLDERS", s, j - 1));
        }
        return lexicon.is("CASUALTY_LOCATIVES", before);
    }

    /** The most specific place of a sentence that is no dateline, else null. */
    private static ArticleEntity lastPlace(ArticleAnalysis article, int sentenceIndex) {
        Sentence s = article.sentences.get(sentenceIndex);
        Lexicon lexicon = article.language.lexicon();
        List<Mention> mentions = article.mentions(sentenceIndex);
        ArticleEntity best = null;
        for (int m = mentions.size() - 1; m >= 0; m--) {
            Mention mention = mentions.get(m);
            if (mention.entity().type == EntityType.PLACE
                    && !notWhereItHappened(article, s, mention)
                    && !isLandmark(article, s, mention)
                    && !isMacroRegion(mention.entity())
                    && !standsForItsRulers(article, s, mention)
                    && !isOfficeSeat(lexicon, s, mention)
                    && (best == null || specificity(mention.entity()) > specificity(best))) {
                best = mention.entity();
            }
        }
        return best;
    }

    /**
     * "the governor of Darfur province", "le maire de Djibo", "el gobernador de Norte de Santander": the seat of an
     * office named for who holds it, not where the dead fell.
     */
    private static boolean isOfficeSeat(Lexicon lexicon, Sentence s, Mention mention) {
        int k = mention.from() - 1;
        if (lexicon.is("ARTICLE", s, k)) {
            k--;
        }
        int of = PlaceResolver.typeEndBeforeOf(lexicon, "PLACE_TYPES", s, k) >= 0 ? k - 2 : k;
        if (of != k && lexicon.is("ARTICLE", s, of)) {
            of--; // "the mayor of the town of X"
        }
        return lexicon.is("OF", s, of) && lexicon.is("OFFICE_HOLDERS", s, of - 1);
    }

    /**
     * "a major escalation in Cairo's battle with insurgents": a town whose noun follows it (not a place: "Egypt's
     * north Sinai") stands for those who rule from it, and is not where the sentence after it counts its dead.
     */
    private static boolean standsForItsRulers(ArticleAnalysis article, Sentence s, Mention mention) {
        Lexicon lexicon = article.language.lexicon();
        if (!lexicon.is("POSSESSIVE", s, mention.to())) {
            return false;
        }
        int next = mention.to() + 1;
        while (next < s.size() && lexicon.is("DIRECTIONS", s, next)) {
            next++;
        }
        return article.mentionAt(s.index(), next) == null;
    }

    /** Who gives the figure: the subject of the nearest reporting verb in the same clause chain, or "according to". */
    private String source(ArticleAnalysis article, Sentence s, Count count, List<Figure> earlier) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        Lexicon lexicon = article.language.lexicon();
        for (int r = 0; r < s.size(); r++) {
            String w = s.lower(r);
            int accordingTo = lexicon.matchAt("ACCORDING_TO", s, r);
            boolean according = accordingTo > 0;
            if (!according && !lexicon.is("ATTRIBUTION", s, r)) {
                continue;
            }
            if (crossesBut(
                    article.language.lexicon(),
                    s,
                    new TimeExpressions.TimeExpression(r, r + 1, null, null, null, ""),
                    count)) {
                continue;
            }
            String beforeVerb = s.lower(r - 1);
            if (!according && lexicon.is("BE", beforeVerb)) {
                continue; // "were reported killed": no one is named
            }
            String speaker =
                    according ? speakerAfter(article, s, r + accordingTo) : speakerBefore(article, s, r, earlier);
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

    private String speakerBefore(ArticleAnalysis article, Sentence s, int verb, List<Figure> earlier) {
        Lexicon lexicon = article.language.lexicon();
        StringBuilder phrase = new StringBuilder();
        for (int k = verb - 1; k >= Math.max(0, verb - 6); k--) {
            Token token = s.token(k);
            if (!token.isWord() && !lexicon.is("POSSESSIVE", token)) {
                break;
            }
            String w = token.lower();
            if (lexicon.is("PRONOUN_OTHER", w)) {
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
                String group = Speakers.group(lexicon, phrase.toString());
                return group != null ? group : mention.entity().canonicalName;
            }
            if (lexicon.is("RELATIVE", w) || article.language.isReportingVerb(w) && k != verb) {
                break;
            }
            phrase.insert(0, w + " ");
        }
        return Speakers.group(lexicon, phrase.toString());
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
        return Speakers.group(article.language.lexicon(), phrase.toString());
    }

    private static String firstSpeakerInSentence(ArticleAnalysis article, Sentence s) {
        for (Mention mention : article.mentions(s.index())) {
            EntityType type = mention.entity().type;
            if (type == EntityType.ORGANISATION
                    || type == EntityType.PERSON
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
