package io.wirewatch.enrich.extract;

import io.wirewatch.knowledge.KnowledgeTable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds one language's time expressions in a sentence and resolves them against the publication date: weekdays
 * ("on Monday", "Tuesday's barrage") to the most recent such day on or before publication, relative days
 * ("yesterday"), durations ago ("three days ago", "il y a trois jours"), "last week", months ("in November",
 * "2 November 2011", "November 2, 2011", "5 de marzo de 2012", "last March") to their first day, years ("in 2016"),
 * "since ..." periods and "in the last five days". The words are the language's ({@code time-words.tsv} and the TIME_
 * and UNIT_ classes of its {@code lexicon.tsv}); the grammar is here. No state: thread-safe.
 */
final class TimeExpressions {

    /** What sort of time an expression names. */
    enum Kind {
        /** One day: on Monday, yesterday, Tuesday's. */
        DAY,
        /** A month or a year: in November, last year. */
        MONTH,
        /** A period up to now that began a few days ago: since Monday, in the last five days, since then. */
        RECENT_PERIOD,
        /** A running total from a long-past start: since March, since the uprising began. */
        LONG_PERIOD,
        /** An unspecified earlier time: days after, weeks ago, earlier this year. */
        EARLIER,
        /** A year alone: in 2016 ({@code date} is its first day). */
        YEAR
    }

    /** A time expression over tokens {@code [from, to)}; {@code date} is its (last) day, {@code start} its first. */
    record TimeExpression(int from, int to, Kind kind, LocalDate date, LocalDate start, String text) {}

    private final Lexicon lexicon;
    private final NumberWords numbers;
    private final Map<String, DayOfWeek> weekdays = new HashMap<>();
    private final Map<String, Month> months = new HashMap<>();
    private final Map<String, Integer> dayOffsets = new HashMap<>();
    private final java.util.Set<String> holidays = new java.util.HashSet<>();
    /** Every word that can open an expression but numbers: one probe spares most tokens the grammar below. */
    private final java.util.Set<String> startWords = new java.util.HashSet<>();
    /** The same words as a {@link WordTable}, for the probe of every token (a HashSet probe hashed and compared more). */
    private WordTable startTable;
    /** The same words again as a mark on the tokens ({@link Lexicon#mark}): most tokens are turned away by a bit. */
    private int startMark;
    /**
     * The words {@link #isCalendarWord} and {@link #isDayWord} ask for, each set in one table: they are asked of the
     * tokens around every gap of a trigger frame, and probed two or three hash maps each time.
     */
    private WordTable calendarWords;

    private WordTable dayWords;

    /*
     * The lexicon's classes this grammar asks of, found once by name: at() asks a score of them of every word that may
     * open an expression ("a", "in", "this", every number), and a probe by name hashed the name and searched for it.
     */
    private final Lexicon.WordClass article;
    private final Lexicon.WordClass dayParts;
    private final Lexicon.WordClass fewWords;
    private final Lexicon.WordClass in;
    private final Lexicon.WordClass longStarts;
    private final Lexicon.WordClass longStartVerbs;
    private final Lexicon.WordClass night;
    private final Lexicon.WordClass of;
    private final Lexicon.WordClass people;
    private final Lexicon.WordClass possessive;
    private final Lexicon.WordClass timeAgoAfter;
    private final Lexicon.WordClass timeAgoBefore;
    private final Lexicon.WordClass timeDateJoiner;
    private final Lexicon.WordClass timeDayBefore;
    private final Lexicon.WordClass timeEarlier;
    private final Lexicon.WordClass timeEarlierAfter;
    private final Lexicon.WordClass timeInYear;
    private final Lexicon.WordClass timeLast;
    private final Lexicon.WordClass timeLastAfter;
    private final Lexicon.WordClass timeMonthStart;
    private final Lexicon.WordClass timeNext;
    private final Lexicon.WordClass timeNextAfter;
    private final Lexicon.WordClass timeOn;
    private final Lexicon.WordClass timeSince;
    private final Lexicon.WordClass timeThen;
    private final Lexicon.WordClass timeThis;
    private final Lexicon.WordClass unitDay;
    private final Lexicon.WordClass unitDecade;
    private final Lexicon.WordClass unitMonth;
    private final Lexicon.WordClass unitWeek;
    private final Lexicon.WordClass unitYear;
    private final Lexicon.WordClass within;
    private final Lexicon.WordClass indefiniteArticle;

    /* The unit classes asked together, in the order they are asked. */
    private final Lexicon.WordClass[] yearMonthWeek;
    private final Lexicon.WordClass[] weekMonthYear;
    private final Lexicon.WordClass[] anyUnit;
    private final Lexicon.WordClass[] longUnits;

    /** English capitalises months (MONTHS_WRITTEN capitalised): a lower-case "march" or "may" is a verb. */
    private final boolean monthsWrittenCapitalised;

    private TimeExpressions(Lexicon lexicon, NumberWords numbers) {
        this.lexicon = lexicon;
        this.numbers = numbers;
        this.article = lexicon.wordClassNamed("ARTICLE");
        this.dayParts = lexicon.wordClassNamed("DAY_PARTS");
        this.fewWords = lexicon.wordClassNamed("FEW");
        this.in = lexicon.wordClassNamed("IN");
        this.longStarts = lexicon.wordClassNamed("LONG_STARTS");
        this.longStartVerbs = lexicon.wordClassNamed("LONG_START_VERBS");
        this.night = lexicon.wordClassNamed("NIGHT");
        this.of = lexicon.wordClassNamed("OF");
        this.people = lexicon.wordClassNamed("PEOPLE");
        this.possessive = lexicon.wordClassNamed("POSSESSIVE");
        this.timeAgoAfter = lexicon.wordClassNamed("TIME_AGO_AFTER");
        this.timeAgoBefore = lexicon.wordClassNamed("TIME_AGO_BEFORE");
        this.timeDateJoiner = lexicon.wordClassNamed("TIME_DATE_JOINER");
        this.timeDayBefore = lexicon.wordClassNamed("TIME_DAY_BEFORE");
        this.timeEarlier = lexicon.wordClassNamed("TIME_EARLIER");
        this.timeEarlierAfter = lexicon.wordClassNamed("TIME_EARLIER_AFTER");
        this.timeInYear = lexicon.wordClassNamed("TIME_IN_YEAR");
        this.timeLast = lexicon.wordClassNamed("TIME_LAST");
        this.timeLastAfter = lexicon.wordClassNamed("TIME_LAST_AFTER");
        this.timeMonthStart = lexicon.wordClassNamed("TIME_MONTH_START");
        this.timeNext = lexicon.wordClassNamed("TIME_NEXT");
        this.timeNextAfter = lexicon.wordClassNamed("TIME_NEXT_AFTER");
        this.timeOn = lexicon.wordClassNamed("TIME_ON");
        this.timeSince = lexicon.wordClassNamed("TIME_SINCE");
        this.timeThen = lexicon.wordClassNamed("TIME_THEN");
        this.timeThis = lexicon.wordClassNamed("TIME_THIS");
        this.unitDay = lexicon.wordClassNamed("UNIT_DAY");
        this.unitDecade = lexicon.wordClassNamed("UNIT_DECADE");
        this.unitMonth = lexicon.wordClassNamed("UNIT_MONTH");
        this.unitWeek = lexicon.wordClassNamed("UNIT_WEEK");
        this.within = lexicon.wordClassNamed("WITHIN");
        this.indefiniteArticle = lexicon.wordClassNamed("INDEFINITE_ARTICLE");
        this.unitYear = lexicon.wordClassNamed("UNIT_YEAR");
        this.yearMonthWeek = new Lexicon.WordClass[] {unitYear, unitMonth, unitWeek};
        this.weekMonthYear = new Lexicon.WordClass[] {unitWeek, unitMonth, unitYear};
        this.anyUnit = new Lexicon.WordClass[] {unitDay, unitWeek, unitMonth, unitYear, unitDecade};
        this.longUnits = new Lexicon.WordClass[] {unitWeek, unitMonth, unitYear, unitDecade};
        this.monthsWrittenCapitalised = lexicon.is("MONTHS_WRITTEN", "capitalised");
    }

    static TimeExpressions read(String resource, Lexicon lexicon, NumberWords numbers) {
        TimeExpressions time = new TimeExpressions(lexicon, numbers);
        for (KnowledgeTable.Row row : KnowledgeTable.read(resource).rows()) {
            String word = row.get("word").toLowerCase(Locale.ROOT);
            int value;
            try {
                value = Integer.parseInt(row.get("value"));
            } catch (NumberFormatException e) {
                throw row.error("value is no whole number: " + row.get("value"));
            }
            switch (row.get("kind")) {
                case "WEEKDAY" -> time.weekdays.put(word, DayOfWeek.of(value));
                case "MONTH" -> time.months.put(word, Month.of(value));
                case "DAY" -> time.dayOffsets.put(word, value);
                case "HOLIDAY" -> time.holidays.add(word);
                default -> throw row.error("kind is WEEKDAY, MONTH, DAY or HOLIDAY, got " + row.get("kind"));
            }
        }
        time.startWords.addAll(time.weekdays.keySet());
        time.startWords.addAll(time.months.keySet());
        time.startWords.addAll(time.dayOffsets.keySet());
        for (String opening : List.of(
                "TIME_SINCE",
                "TIME_EARLIER",
                "TIME_MONTH_START",
                "TIME_IN_YEAR",
                "TIME_THIS",
                "TIME_LAST",
                "TIME_AGO_BEFORE",
                "TIME_DAY_BEFORE",
                "FEW",
                "UNIT_DAY",
                "UNIT_WEEK",
                "UNIT_MONTH",
                "UNIT_YEAR",
                "UNIT_DECADE",
                "NIGHT")) {
            time.startWords.addAll(lexicon.firstWords(opening));
        }
        time.startTable = new WordTable(time.startWords);
        time.startMark = lexicon.mark("TIME_START_WORDS", time.startWords);
        java.util.Set<String> calendar = new java.util.HashSet<>(time.weekdays.keySet());
        calendar.addAll(time.months.keySet());
        calendar.addAll(time.holidays);
        time.calendarWords = new WordTable(calendar);
        java.util.Set<String> days = new java.util.HashSet<>(time.weekdays.keySet());
        days.addAll(time.dayOffsets.keySet());
        time.dayWords = new WordTable(days);
        return time;
    }

    /** True for a weekday or a relative day ("lundi", "ayer"), as they stand between a verb and what it governs. */
    boolean isDayWord(String lower) {
        return dayWords.contains(lower);
    }

    /** True for a word of the calendar (a weekday, a month, a holiday), which starts no name. */
    boolean isCalendarWord(String lower) {
        return calendarWords.contains(lower);
    }

    /**
     * The sentence's time expressions. With no publication date, only those that need none keep their dates: a time
     * told as earlier ("earlier this year", "days after") and dates that write their year ("in 2016", "5 March
     * 2012"); a day that needs one ("on Saturday") is kept undated.
     */
    List<TimeExpression> find(Sentence sentence, String text, LocalDate published) {
        // Asked of a sentence by more than one rule set (casualties read every sentence, diplomatic actions those
        // with a frame and their neighbours): the answer is kept on the sentence, for this reader, text and day,
        // and shared, so callers do not change it (none does). The ArrayList itself, not an immutable copy: the
        // casualty rules iterate it at every token, and the JIT removes an ArrayList's iterator but allocated the
        // immutable list's (a tenth of an article's bytes in a JFR allocation profile).
        List<TimeExpression> known = sentence.timesFound(this, text, published);
        if (known == null) {
            known = findIn(sentence, text, published);
            sentence.keepTimesFound(this, text, published, known);
        }
        return known;
    }

    private List<TimeExpression> findIn(Sentence sentence, String text, LocalDate published) {
        List<TimeExpression> found = new ArrayList<>();
        LocalDate anchor = published != null ? published : NO_PUBLICATION;
        int i = 0;
        while (i < sentence.size()) {
            TimeExpression expression = at(sentence, text, i, anchor);
            if (expression != null) {
                if (published != null || needsNoAnchor(expression) && expression.kind() != Kind.EARLIER) {
                    found.add(expression);
                } else if (expression.kind() == Kind.EARLIER) {
                    // "la semana pasada" in an undated article: earlier than the story, on no day we know
                    found.add(new TimeExpression(
                            expression.from(), expression.to(), Kind.EARLIER, null, null, expression.text()));
                } else if (expression.kind() == Kind.DAY
                        && (!isCalendarDay(sentence, expression)
                                || sentence.index() < UNDATED_LEAD && !namesAnEventByItsDate(sentence, expression))) {
                    // "on Saturday", and in the lead "le 23 mars", in an undated article: still one day (a toll of one
                    // event), only which day is unknown. Further on, a calendar day may be any year's ("Hamas
                    // attacked Israel on Oct. 7, leaving 1,400 dead"), as is "the attack of 7 October" anywhere.
                    found.add(new TimeExpression(
                            expression.from(), expression.to(), Kind.DAY, null, null, expression.text()));
                }
                i = expression.to();
            } else {
                i++;
            }
        }
        return dayBeforeTheOtherDay(sentence, found);
    }

    /**
     * Where the sentence writes any time, dated or not: with no publication date {@link #find} drops a calendar day
     * further on in the story ("Le 12 mars, des hommes armés ont tué 60 personnes"), which is still a day, and its
     * number no count. Only the spans are meant; the dates are not resolved.
     */
    List<TimeExpression> spans(Sentence sentence, String text) {
        List<TimeExpression> found = new ArrayList<>();
        int i = 0;
        while (i < sentence.size()) {
            TimeExpression expression = at(sentence, text, i, NO_PUBLICATION);
            if (expression != null) {
                found.add(expression);
                i = expression.to();
            } else {
                i++;
            }
        }
        return found;
    }

    /**
     * "Alger a décidé lundi de rappeler ses ambassadeurs, alors que le Mali avait annoncé la veille ...": "la veille"
     * is the day before the day the sentence names, not the day before publication.
     */
    private List<TimeExpression> dayBeforeTheOtherDay(Sentence sentence, List<TimeExpression> found) {
        for (int e = 0; e < found.size(); e++) {
            TimeExpression before = found.get(e);
            if (before.date() == null || lexicon.matchAt(timeDayBefore, sentence, before.from()) == 0) {
                continue;
            }
            TimeExpression reference = null;
            for (TimeExpression other : found) {
                if (other != before
                        && other.kind() == Kind.DAY
                        && other.date() != null
                        && lexicon.matchAt(timeDayBefore, sentence, other.from()) == 0
                        && (reference == null || isCalendarDay(sentence, other))) {
                    reference = other; // "mercredi 2 mai": the day written with its month says it best
                }
            }
            if (reference != null) {
                LocalDate day = reference.date().minusDays(1);
                found.set(e, new TimeExpression(before.from(), before.to(), Kind.DAY, day, day, before.text()));
            }
        }
        return found;
    }

    /** The sentences of an undated article whose calendar days are taken for the story's own. */
    private static final int UNDATED_LEAD = 3;

    /** "l'attaque du 7 octobre", "the attack of 7 October": a calendar day after "of" names a past event. */
    private boolean namesAnEventByItsDate(Sentence sentence, TimeExpression expression) {
        return lexicon.is(of, sentence, expression.from() - 1) && isCalendarDay(sentence, expression);
    }

    /** "le 23 mars", "Oct. 7", "7 de octubre": a day written with its month, not told relative to today. */
    private boolean isCalendarDay(Sentence sentence, TimeExpression expression) {
        for (int k = expression.from(); k < expression.to(); k++) {
            if (month(sentence.lower(k)) != null) {
                return true;
            }
        }
        return false;
    }

    /** A stand-in publication day for articles without one; any date resolved against it is dropped. */
    private static final LocalDate NO_PUBLICATION = LocalDate.of(9999, 6, 30);

    private static boolean needsNoAnchor(TimeExpression expression) {
        if (expression.kind() == Kind.EARLIER) {
            return true;
        }
        LocalDate date = expression.kind() == Kind.LONG_PERIOD ? expression.start() : expression.date();
        return date != null && date.getYear() < NO_PUBLICATION.getYear() - 1;
    }

    private TimeExpression at(Sentence s, String text, int i, LocalDate published) {
        String w = s.lower(i);
        boolean startWord = lexicon.mayBeMarked(startMark, s, i) && startTable.contains(w);
        if (!startWord && !s.token(i).isNumber() && numbers.exactValue(w) <= 0) {
            return null;
        }
        if (lexicon.is(timeSince, s, i)) {
            return since(s, text, i, published);
        }
        int monthStart = lexicon.matchAt(timeMonthStart, s, i);
        if (monthStart > 0) {
            // "early this month", "a inicios de este mes", "au début du mois": about the month's third day, so a week
            // into the month it is days old and later it is history
            LocalDate early = published.withDayOfMonth(Math.min(3, published.getDayOfMonth()));
            return expr(s, text, i, i + monthStart, Kind.DAY, early, early);
        }
        int dayBefore = lexicon.matchAt(timeDayBefore, s, i);
        if (dayBefore > 0) {
            // "la veille", "the day before": the day before the sentence's other day (see find), else yesterday
            LocalDate day = published.minusDays(1);
            return expr(s, text, i, i + dayBefore, Kind.DAY, day, day);
        }
        Integer offset = dayOffsets.get(w);
        if (offset != null) {
            LocalDate day = published.plusDays(offset);
            return expr(s, text, i, i + 1, Kind.DAY, day, day);
        }
        if (lexicon.is(timeEarlier, s, i)) {
            // "earlier this year", "earlier in the year": before the news, undated
            int k = i + 1;
            k += lexicon.matchAt(timeThis, s, k) + lexicon.matchAt(timeLast, s, k);
            if (k == i + 1 && lexicon.is(in, s, k)) {
                k += lexicon.is(article, s, k + 1) ? 2 : 1;
            }
            if (k > i + 1 && isUnit(s, k, yearMonthWeek)) {
                return expr(s, text, i, k + 1, Kind.EARLIER, null, null);
            }
        }
        if (lexicon.is(timeInYear, s, i)) {
            // "in 2016": a year alone, not a count ("in 2016 people")
            long year = numbers.exactValue(s.lower(i + 1));
            if (year >= 1900
                    && year <= 2100
                    && s.token(i + 1).text().length() == 4
                    && month(s.lower(i + 2)) == null
                    && !lexicon.is(people, s, i + 2)) {
                LocalDate first = LocalDate.of((int) year, 1, 1);
                return expr(s, text, i, i + 2, Kind.YEAR, first, first);
            }
        }
        if (lexicon.is(within, s, i)
                && lexicon.is(indefiniteArticle, s, i + 1)
                && (lexicon.is(unitWeek, s, i + 2) || lexicon.is(unitMonth, s, i + 2))) {
            // "the third attack in the city in a week", "en une semaine", "en un mes": the period up to publication
            LocalDate start = lexicon.is(unitWeek, s, i + 2) ? published.minusDays(6) : published.minusMonths(1);
            return expr(s, text, i, i + 3, Kind.RECENT_PERIOD, published, start);
        }
        if (lexicon.is(timeThis, s, i)) {
            if (lexicon.is(dayParts, s, i + 1) && !lexicon.is(night, s, i + 1)) {
                return expr(s, text, i, i + 2, Kind.DAY, published, published);
            }
            if (lexicon.is(unitWeek, s, i + 1)) {
                return expr(s, text, i, i + 2, Kind.RECENT_PERIOD, published, published.minusDays(6));
            }
        }
        if (lexicon.is(timeLast, s, i)) {
            TimeExpression last = last(s, text, i, i + 1, published);
            if (last != null) {
                return last;
            }
        }
        if (lexicon.is(timeLastAfter, s, i + 1) && (isUnit(s, i, weekMonthYear) || lexicon.is(night, w))) {
            // "la semaine dernière", "el mes pasado", "la nuit dernière": the unit before the word of the past
            TimeExpression last = last(s, text, lexicon.is(article, s, i - 1) ? i - 1 : i, i, published);
            if (last != null) {
                return new TimeExpression(
                        last.from(),
                        Math.min(i + 2, s.size()),
                        last.kind(),
                        last.date(),
                        last.start(),
                        s.span(text, last.from(), Math.min(i + 2, s.size()) - 1));
            }
        }
        if (lexicon.matchAt(timeAgoBefore, s, i) > 0) {
            // "il y a trois jours", "hace tres días"
            int k = i + lexicon.matchAt(timeAgoBefore, s, i);
            TimeExpression ago = duration(s, text, i, k, published, true);
            if (ago != null) {
                return ago;
            }
        }
        DayOfWeek weekday = weekdays.get(w);
        if (weekday != null) {
            LocalDate day = mostRecent(weekday, published);
            int end = i + 1;
            if (lexicon.is(possessive, s, end)) {
                end++;
            }
            if (lexicon.is(dayParts, s, end)) {
                end++;
            }
            if (lexicon.is(timeLastAfter, s, end)) {
                end++; // "lundi dernier"
            }
            int from = lexicon.is(timeOn, s, i - 1) ? i - 1 : i;
            return expr(s, text, from, end, Kind.DAY, day, day);
        }
        Month month = month(w);
        if (month != null && isMonthWord(s, i) && !isNameNotMonth(s, i)) {
            return monthExpression(s, text, i, month, published);
        }
        return duration(s, text, i, i, published, false);
    }

    /**
     * English capitalises months, so a lower-case "march" or "may" is a verb; French and Spanish write "mars" and
     * "mayo" in lower case (the language's MONTHS_WRITTEN class says which).
     */
    private boolean isMonthWord(Sentence s, int i) {
        return !monthsWrittenCapitalised || s.token(i).isCapitalised();
    }

    /** Whether token k is of one of the units (arrays built once: a varargs call allocated one at every token). */
    private boolean isUnit(Sentence s, int k, Lexicon.WordClass[] units) {
        for (Lexicon.WordClass unit : units) {
            if (lexicon.is(unit, s, k)) {
                return true;
            }
        }
        return false;
    }

    /** "last night", "last week", "last month", "the past five days", "last Monday", "last March", "la semana pasada". */
    private TimeExpression last(Sentence s, String text, int from, int k, LocalDate published) {
        String next = s.lower(k);
        if (lexicon.is(night, next)) {
            return expr(s, text, from, k + 1, Kind.DAY, published.minusDays(1), published.minusDays(1));
        }
        if (lexicon.is(unitWeek, s, k)) {
            return expr(s, text, from, k + 1, Kind.EARLIER, published.minusWeeks(1), published.minusWeeks(1));
        }
        if (lexicon.is(unitMonth, s, k)) {
            LocalDate month = published.minusMonths(1).withDayOfMonth(1);
            return expr(s, text, from, k + 1, Kind.MONTH, month, month);
        }
        if (lexicon.is(unitYear, s, k)) {
            LocalDate year = published.minusYears(1).withDayOfYear(1);
            return expr(s, text, from, k + 1, Kind.MONTH, year, year);
        }
        long n = numbers.exactValue(next);
        if (n > 0 && n < 400 && lexicon.is(unitDay, s, k + 1)) {
            // "in the last five days": the period ends today and began n-1 days before
            return expr(s, text, from, k + 2, Kind.RECENT_PERIOD, published, published.minusDays(n - 1));
        }
        if (n > 0 && n < 60 && lexicon.is(unitWeek, s, k + 1)) {
            return expr(s, text, from, k + 2, Kind.RECENT_PERIOD, published, published.minusWeeks(n));
        }
        // "in the past four months", "over the last two years": a running period from long ago, as "since March"
        if (n > 1 && n < 120 && lexicon.is(unitMonth, s, k + 1)) {
            return expr(s, text, from, k + 2, Kind.LONG_PERIOD, published, published.minusMonths(n));
        }
        if (n > 1 && n < 50 && lexicon.is(unitYear, s, k + 1)) {
            return expr(s, text, from, k + 2, Kind.LONG_PERIOD, published, published.minusYears(n));
        }
        DayOfWeek weekday = weekdays.get(next);
        if (weekday != null) {
            LocalDate day = mostRecent(weekday, published);
            return expr(s, text, from, k + 1, Kind.DAY, day, day);
        }
        Month month = month(next);
        if (month != null) {
            LocalDate first = mostRecentMonth(month, published);
            return expr(s, text, from, k + 1, Kind.MONTH, first, first);
        }
        return null;
    }

    /**
     * "three days ago", "a day after", "weeks earlier", "2 November" (a day number before a month), and with
     * {@code agoBefore} the duration after "il y a" / "hace".
     */
    private TimeExpression duration(Sentence s, String text, int from, int i, LocalDate published, boolean agoBefore) {
        String w = s.lower(i);
        long n = numbers.exactValue(w);
        int few = lexicon.matchAt(fewWords, s, i);
        if (n <= 0 && few == 0) {
            if (!agoBefore
                    && isUnit(s, i, anyUnit)
                    && lexicon.is(timeEarlierAfter, s, i + 1)
                    && s.lower(i).endsWith("s")) {
                return expr(s, text, from, i + 2, Kind.EARLIER, null, null); // "days after", "years ago"
            }
            return null;
        }
        int unitAt = n > 0 ? i + 1 : i + few;
        boolean day = lexicon.is(unitDay, s, unitAt);
        boolean longUnit =
                isUnit(s, unitAt, longUnits) || day && s.lower(unitAt).endsWith("s");
        String next = s.lower(unitAt + 1);
        boolean ago = agoBefore || lexicon.is(timeAgoAfter, next);
        boolean earlierWord = !agoBefore && lexicon.is(timeEarlierAfter, next);
        int end = agoBefore ? unitAt + 1 : unitAt + 2;
        boolean single = n == 1 || n <= 0 && few == 1 && !lexicon.is(fewWords, s, i + 1) && w.length() <= 2;
        if (day && single && (ago || earlierWord)) {
            // "a day after the US closed its embassy": the day before the news
            return expr(s, text, from, end, Kind.DAY, published.minusDays(1), published.minusDays(1));
        }
        if (day && ago && n > 1 && n < 400) {
            LocalDate when = published.minusDays(n);
            return expr(s, text, from, end, Kind.DAY, when, when);
        }
        if (longUnit && (ago || earlierWord)) {
            return expr(s, text, from, end, Kind.EARLIER, null, null);
        }
        if (!agoBefore && n >= 1 && n <= 31) {
            int k = i + 1 + lexicon.matchAt(timeDateJoiner, s, i + 1);
            Month month = month(s.lower(k));
            if (month != null) {
                return monthExpression(s, text, i, month, published);
            }
        }
        return null;
    }

    /** "November", "2 November 2011", "November 2, 2011", "January 2012", "5 de marzo de 2012". */
    private TimeExpression monthExpression(Sentence s, String text, int i, Month month, LocalDate published) {
        int from = i;
        int day = 1;
        int cursor = i;
        long before = numbers.exactValue(s.lower(i));
        if (before >= 1 && before <= 31) {
            int k = i + 1 + lexicon.matchAt(timeDateJoiner, s, i + 1);
            if (month(s.lower(k)) != null) {
                day = (int) before;
                cursor = k;
            }
        }
        int end = cursor + 1;
        long after = numbers.exactValue(s.lower(end));
        if (day == 1 && after >= 1 && after <= 31 && s.token(end).text().length() <= 2) {
            day = (int) after;
            end++;
            if (s.lower(end).equals(",")) {
                end++;
            }
        }
        int yearAt = end + lexicon.matchAt(timeDateJoiner, s, end);
        long year = numbers.exactValue(s.lower(yearAt));
        LocalDate date;
        if (year >= 1900 && year <= 2100) {
            date = LocalDate.of((int) year, month, 1);
            end = yearAt + 1;
        } else {
            date = mostRecentMonth(month, published);
            boolean nextBefore = from > 0 && lexicon.is(timeNext, s, from - 1);
            boolean nextAfter = end < s.size() && lexicon.is(timeNextAfter, s, end);
            if (nextBefore || nextAfter) {
                // "le 1er août prochain", "el próximo 1 de agosto", "next August": the coming one, not the last
                LocalDate coming = published.withMonth(month.getValue()).withDayOfMonth(1);
                LocalDate comingDay = coming.withDayOfMonth(Math.min(day, coming.lengthOfMonth()));
                date = comingDay.isBefore(published) ? coming.plusYears(1) : coming;
                from = nextBefore ? from - 1 : from;
                end = nextAfter ? end + 1 : end;
            }
        }
        date = date.withDayOfMonth(Math.min(day, date.lengthOfMonth()));
        boolean exactDay = cursor != i || day != 1;
        return expr(
                s, text, from, end, exactDay ? Kind.DAY : Kind.MONTH, date, date.withDayOfMonth(exactDay ? day : 1));
    }

    /** "Theresa May's decision", "May said": "May" as a name, not the month. */
    private boolean isNameNotMonth(Sentence s, int i) {
        if (!s.lower(i).equals("may")) {
            return false;
        }
        String before = s.lower(i - 1);
        boolean dated = numbers.exactValue(s.lower(i + 1)) > 0 || numbers.exactValue(before) > 0;
        boolean afterPreposition = before.equals("in")
                || before.equals("of")
                || lexicon.is(timeSince, before)
                || before.equals("until")
                || before.equals("early")
                || before.equals("late")
                || before.equals("mid")
                || lexicon.is(timeLast, before)
                || before.equals("next")
                || lexicon.is(timeThis, before)
                || before.equals("by");
        return !dated && !afterPreposition;
    }

    private TimeExpression since(Sentence s, String text, int i, LocalDate published) {
        int limit = Math.min(s.size(), i + 10);
        for (int k = i + 1; k < limit; k++) {
            String w = s.lower(k);
            if (w.equals(",") || w.equals(";") || w.equals(".")) {
                break;
            }
            DayOfWeek weekday = weekdays.get(w);
            if (weekday != null) {
                return expr(s, text, i, k + 1, Kind.RECENT_PERIOD, published, mostRecent(weekday, published));
            }
            if (lexicon.is(timeThen, w) || dayOffsets.getOrDefault(w, 0) < 0) {
                return expr(s, text, i, k + 1, Kind.RECENT_PERIOD, published, null);
            }
            Month month = month(w);
            if (month != null && isMonthWord(s, k)) {
                int end = k + 1;
                long day = numbers.exactValue(s.lower(end));
                if (day >= 1 && day <= 31 && s.token(end).text().length() <= 2) {
                    end++; // "since Oct 7": the day belongs to the date, it is no count
                    if (s.lower(end).equals(",")) {
                        end++;
                    }
                }
                int yearAt = end + lexicon.matchAt(timeDateJoiner, s, end);
                long year = numbers.exactValue(s.lower(yearAt));
                boolean hasYear = year >= 1900 && year <= 2100;
                LocalDate start = hasYear ? LocalDate.of((int) year, month, 1) : mostRecentMonth(month, published);
                return expr(s, text, i, hasYear ? yearAt + 1 : end, Kind.LONG_PERIOD, published, start);
            }
            long year = numbers.exactValue(w);
            if (year >= 1900 && year <= 2100) {
                return expr(s, text, i, k + 1, Kind.LONG_PERIOD, published, LocalDate.of((int) year, 1, 1));
            }
        }
        for (int k = i + 1; k < limit; k++) {
            if (lexicon.is(longStarts, s, k)) {
                int end = k + 1;
                end += lexicon.matchAt(longStartVerbs, s, end);
                return expr(s, text, i, end, Kind.LONG_PERIOD, published, null);
            }
        }
        return null;
    }

    private static TimeExpression expr(
            Sentence s, String text, int from, int to, Kind kind, LocalDate date, LocalDate start) {
        int end = Math.min(to, s.size());
        return new TimeExpression(from, end, kind, date, start, s.span(text, from, end - 1));
    }

    static LocalDate mostRecent(DayOfWeek day, LocalDate published) {
        return published.with(TemporalAdjusters.previousOrSame(day));
    }

    private static LocalDate mostRecentMonth(Month month, LocalDate published) {
        LocalDate first = published.withMonth(month.getValue()).withDayOfMonth(1);
        return first.isAfter(published) ? first.minusYears(1) : first;
    }

    private Month month(String lower) {
        return months.get(lower);
    }
}
