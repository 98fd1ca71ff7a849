package io.wirewatch.enrich.extract;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds time expressions in a sentence and resolves them against the publication date: weekdays ("on Monday",
 * "Tuesday's barrage") to the most recent such day on or before publication, "yesterday", "three days ago",
 * "last week", months ("in November", "2 November 2011", "last March") to their first day, "since ..." periods and
 * "in the last five days". Plain rules over tokens, no state: thread-safe.
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
    record TimeExpression(int from, int to, Kind kind, LocalDate date, LocalDate start, String text) {
    }

    private static final Map<String, DayOfWeek> WEEKDAYS = Map.of("monday", DayOfWeek.MONDAY, "tuesday",
            DayOfWeek.TUESDAY, "wednesday", DayOfWeek.WEDNESDAY, "thursday", DayOfWeek.THURSDAY, "friday",
            DayOfWeek.FRIDAY, "saturday", DayOfWeek.SATURDAY, "sunday", DayOfWeek.SUNDAY);
    private static final Map<String, Month> MONTHS = monthNames();
    private static final Set<String> LONG_STARTS = Set.of("uprising", "revolt", "revolution", "conflict", "war",
            "protests", "unrest", "crisis", "crackdown", "start", "beginning", "outbreak", "insurgency", "rebellion");

    private TimeExpressions() {
    }

    private static Map<String, Month> monthNames() {
        Map<String, Month> months = new java.util.HashMap<>();
        for (Month month : Month.values()) {
            months.put(month.name().toLowerCase(Locale.ROOT), month);
        }
        months.put("sept", Month.SEPTEMBER);
        months.put("sept.", Month.SEPTEMBER);
        for (Month month : Month.values()) {
            // "Oct 7", "Dec. 2": the three-letter abbreviation, with or without its full stop
            String shortName = month.name().substring(0, 3).toLowerCase(Locale.ROOT);
            months.put(shortName, month);
            months.put(shortName + ".", month);
        }
        return Map.copyOf(months);
    }

    static List<TimeExpression> find(Sentence sentence, String text, LocalDate published) {
        List<TimeExpression> found = new ArrayList<>();
        int i = 0;
        while (i < sentence.size()) {
            TimeExpression expression = published == null ? null : at(sentence, text, i, published);
            if (expression != null) {
                found.add(expression);
                i = expression.to();
            } else {
                i++;
            }
        }
        return found;
    }

    private static TimeExpression at(Sentence s, String text, int i, LocalDate published) {
        String w = s.lower(i);
        switch (w) {
            case "since" -> {
                return since(s, text, i, published);
            }
            case "earlier" -> {
                // "earlier this year", "earlier this month", "earlier in the year": before the news, undated
                String next = s.lower(i + 1);
                String unit = next.equals("this") || next.equals("last") ? s.lower(i + 2)
                        : next.equals("in") && s.lower(i + 2).equals("the") ? s.lower(i + 3) : "";
                if (unit.equals("year") || unit.equals("month") || unit.equals("week")) {
                    return expr(s, text, i, next.equals("in") ? i + 4 : i + 3, Kind.EARLIER, null, null);
                }
                return null;
            }
            case "in" -> {
                // "in 2016": a year alone, not a count ("in 2016 people")
                long year = NumberWords.exactValue(s.lower(i + 1));
                if (year >= 1900 && year <= 2100 && s.token(i + 1).text().length() == 4
                        && month(s.lower(i + 2)) == null && !s.lower(i + 2).equals("people")) {
                    LocalDate first = LocalDate.of((int) year, 1, 1);
                    return expr(s, text, i, i + 2, Kind.YEAR, first, first);
                }
                return null;
            }
            case "today", "tonight" -> {
                return expr(s, text, i, i + 1, Kind.DAY, published, published);
            }
            case "yesterday" -> {
                return expr(s, text, i, i + 1, Kind.DAY, published.minusDays(1), published.minusDays(1));
            }
            case "this" -> {
                String next = s.lower(i + 1);
                if (next.equals("morning") || next.equals("afternoon") || next.equals("evening")) {
                    return expr(s, text, i, i + 2, Kind.DAY, published, published);
                }
                if (next.equals("week")) {
                    return expr(s, text, i, i + 2, Kind.RECENT_PERIOD, published, published.minusDays(6));
                }
                return null;
            }
            case "last", "past" -> {
                String next = s.lower(i + 1);
                if (next.equals("night")) {
                    return expr(s, text, i, i + 2, Kind.DAY, published.minusDays(1), published.minusDays(1));
                }
                if (next.equals("week")) {
                    return expr(s, text, i, i + 2, Kind.EARLIER, published.minusWeeks(1), published.minusWeeks(1));
                }
                if (next.equals("month")) {
                    LocalDate month = published.minusMonths(1).withDayOfMonth(1);
                    return expr(s, text, i, i + 2, Kind.MONTH, month, month);
                }
                if (next.equals("year")) {
                    LocalDate year = published.minusYears(1).withDayOfYear(1);
                    return expr(s, text, i, i + 2, Kind.MONTH, year, year);
                }
                long n = NumberWords.exactValue(next);
                String unit = s.lower(i + 2);
                if (n > 0 && n < 400 && unit.startsWith("day")) {
                    // "in the last five days": the period ends today and began n-1 days before
                    return expr(s, text, i, i + 3, Kind.RECENT_PERIOD, published, published.minusDays(n - 1));
                }
                if (n > 0 && n < 60 && unit.startsWith("week")) {
                    return expr(s, text, i, i + 3, Kind.RECENT_PERIOD, published, published.minusWeeks(n));
                }
                if (WEEKDAYS.containsKey(next)) {
                    LocalDate day = mostRecent(WEEKDAYS.get(next), published);
                    return expr(s, text, i, i + 2, Kind.DAY, day, day);
                }
                Month month = month(next);
                if (month != null) {
                    LocalDate first = mostRecentMonth(month, published);
                    return expr(s, text, i, i + 2, Kind.MONTH, first, first);
                }
                return null;
            }
            default -> {
            }
        }
        DayOfWeek weekday = WEEKDAYS.get(w);
        if (weekday != null) {
            LocalDate day = mostRecent(weekday, published);
            int end = i + 1;
            if (s.lower(end).equals("'s")) {
                end++;
            }
            String after = s.lower(end);
            if (after.equals("night") || after.equals("morning") || after.equals("afternoon") || after.equals("evening")) {
                end++;
            }
            int from = s.lower(i - 1).equals("on") || s.lower(i - 1).equals("earlier") ? i - 1 : i;
            return expr(s, text, from, end, Kind.DAY, day, day);
        }
        Month month = month(w);
        if (month != null && s.token(i).isCapitalised() && !isNameNotMonth(s, i)) {
            return monthExpression(s, text, i, month, published);
        }
        long n = NumberWords.exactValue(w);
        if ((n > 0 || w.equals("a") || w.equals("several") || w.equals("few")) && i + 2 <= s.size()) {
            String unit = s.lower(i + 1);
            String next = s.lower(i + 2);
            boolean longUnit = unit.equals("days") || unit.startsWith("week") || unit.startsWith("month")
                    || unit.startsWith("year") || unit.startsWith("decade");
            if (unit.equals("day") && (next.equals("after") || next.equals("ago")) && (n == 1 || w.equals("a"))) {
                // "a day after the US closed its embassy": the day before the news
                return expr(s, text, i, i + 3, Kind.DAY, published.minusDays(1), published.minusDays(1));
            }
            if (unit.equals("days") && next.equals("ago") && n > 1 && n < 400) {
                LocalDate day = published.minusDays(n);
                return expr(s, text, i, i + 3, Kind.DAY, day, day);
            }
            if (longUnit && (next.equals("after") || next.equals("ago") || next.equals("earlier"))) {
                return expr(s, text, i, i + 3, Kind.EARLIER, null, null);
            }
            if (month(unit) != null && n >= 1 && n <= 31 && s.token(i + 1).isCapitalised()) {
                return monthExpression(s, text, i, month(unit), published);
            }
        }
        if ((w.equals("days") || w.equals("weeks") || w.equals("months") || w.equals("years") || w.equals("decades"))
                && (s.lower(i + 1).equals("after") || s.lower(i + 1).equals("ago") || s.lower(i + 1).equals("earlier"))) {
            return expr(s, text, i, i + 2, Kind.EARLIER, null, null);
        }
        return null;
    }

    /** "November", "2 November 2011", "November 2, 2011", "January 2012". */
    private static TimeExpression monthExpression(Sentence s, String text, int i, Month month, LocalDate published) {
        int from = i;
        int day = 1;
        int cursor = i;
        long before = NumberWords.exactValue(s.lower(i));
        if (before >= 1 && before <= 31 && month(s.lower(i + 1)) != null) {
            day = (int) before;
            cursor = i + 1;
        }
        int end = cursor + 1;
        long after = NumberWords.exactValue(s.lower(end));
        if (day == 1 && after >= 1 && after <= 31) {
            day = (int) after;
            end++;
            if (s.lower(end).equals(",")) {
                end++;
            }
        }
        long year = NumberWords.exactValue(s.lower(end));
        LocalDate date;
        if (year >= 1900 && year <= 2100) {
            date = LocalDate.of((int) year, month, 1);
            end++;
        } else {
            date = mostRecentMonth(month, published);
        }
        date = date.withDayOfMonth(Math.min(day, date.lengthOfMonth()));
        boolean exactDay = cursor != i || day != 1;
        return expr(s, text, from, end, exactDay ? Kind.DAY : Kind.MONTH, date, date.withDayOfMonth(exactDay ? day : 1));
    }

    /** "Theresa May's decision", "May said": "May" as a name, not the month. */
    private static boolean isNameNotMonth(Sentence s, int i) {
        if (!s.lower(i).equals("may")) {
            return false;
        }
        String next = s.lower(i + 1);
        boolean dated = NumberWords.exactValue(next) > 0 || NumberWords.exactValue(s.lower(i - 1)) > 0;
        String before = s.lower(i - 1);
        boolean afterPreposition = before.equals("in") || before.equals("of") || before.equals("since") || before.equals("until")
                || before.equals("early") || before.equals("late") || before.equals("mid") || before.equals("last")
                || before.equals("next") || before.equals("this") || before.equals("by");
        return !dated && !afterPreposition;
    }

    private static TimeExpression since(Sentence s, String text, int i, LocalDate published) {
        int limit = Math.min(s.size(), i + 10);
        for (int k = i + 1; k < limit; k++) {
            String w = s.lower(k);
            if (w.equals(",") || w.equals(";") || w.equals(".")) {
                break;
            }
            DayOfWeek weekday = WEEKDAYS.get(w);
            if (weekday != null) {
                return expr(s, text, i, k + 1, Kind.RECENT_PERIOD, published, mostRecent(weekday, published));
            }
            if (w.equals("then") || w.equals("yesterday")) {
                return expr(s, text, i, k + 1, Kind.RECENT_PERIOD, published, null);
            }
            Month month = month(w);
            if (month != null && s.token(k).isCapitalised()) {
                int end = k + 1;
                long day = NumberWords.exactValue(s.lower(end));
                if (day >= 1 && day <= 31 && s.token(end).text().length() <= 2) {
                    end++; // "since Oct 7": the day belongs to the date, it is no count
                    if (s.lower(end).equals(",")) {
                        end++;
                    }
                }
                long year = NumberWords.exactValue(s.lower(end));
                LocalDate start = year >= 1900 && year <= 2100 ? LocalDate.of((int) year, month, 1)
                        : mostRecentMonth(month, published);
                return expr(s, text, i, year >= 1900 && year <= 2100 ? end + 1 : end, Kind.LONG_PERIOD, published, start);
            }
            long year = NumberWords.exactValue(w);
            if (year >= 1900 && year <= 2100) {
                return expr(s, text, i, k + 1, Kind.LONG_PERIOD, published, LocalDate.of((int) year, 1, 1));
            }
        }
        for (int k = i + 1; k < limit; k++) {
            if (LONG_STARTS.contains(s.lower(k))) {
                int end = k + 1;
                if (s.lower(end).equals("began") || s.lower(end).equals("started") || s.lower(end).equals("erupted")) {
                    end++;
                }
                return expr(s, text, i, end, Kind.LONG_PERIOD, published, null);
            }
        }
        return null;
    }

    private static TimeExpression expr(Sentence s, String text, int from, int to, Kind kind, LocalDate date, LocalDate start) {
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

    private static Month month(String lower) {
        return MONTHS.get(lower);
    }
}
