package io.wirewatch.alert.rules;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * When the rules' stored state of an event, a place or a place's day may be forgotten. Time is the newest publication
 * time the service has seen (Kafka Streams' stream time: ingest stamps each article with its publication time), never
 * the wall clock, so a replay of the same articles forgets the same entries at the same points however fast it runs.
 *
 * <p>An entry expires when <em>both</em> lie more than {@link RuleSettings#stateRetentionDays()} behind that time:
 * <ul>
 *   <li>its latest event day (a casualty day's day, a diplomatic event's last event date, a place's latest reported
 *       day or running total), so the rules' windows have closed on it: a new report would start a new event, fall
 *       outside every baseline, and could not raise the day (only news within
 *       {@link CasualtySpikeDetector#NEWS_DAYS} days raises);</li>
 *   <li>and its last report, as the stream time when it was written. This is what keeps an out-of-order replay
 *       whole: articles of 2012 arriving after articles of 2024 are stored at the stream time of 2024 and stay as long
 *       as anything written then. Expiring by the event day alone dropped a quarter of the alerts of such a replay
 *       (issue 15's first attempt).</li>
 * </ul>
 * So expiry changes an outcome only for a report that arrives when the newest article seen is more than the retention
 * past both the entry's day and its last report. In a feed in publication order that is a report of a day or event
 * months old: a casualty day's is then history and cannot raise (it would have been an UPDATE of the day's spike), and a
 * diplomatic event's lies outside the novelty window and would have started a new event anyway. An article that
 * itself arrives later than the retention (published months before the newest seen, about an entry already swept) is
 * taken as the first report of its day or event, and can raise it again: the retention is the lateness the service
 * allows, as a grace period is for windows.
 */
public final class StateExpiry {

    private final long retentionMs;

    /** @param retentionDays 0: nothing ever expires */
    public StateExpiry(int retentionDays) {
        if (retentionDays < 0) {
            throw new IllegalArgumentException("retentionDays must not be negative, was " + retentionDays);
        }
        this.retentionMs = retentionDays * 86_400_000L;
    }

    public static StateExpiry of(RuleSettings settings) {
        return new StateExpiry(settings.stateRetentionDays());
    }

    /** False when nothing ever expires. */
    public boolean enabled() {
        return retentionMs > 0;
    }

    /**
     * @param latestDay    the entry's latest event day, or null when it has none
     * @param lastReported stream time (ms) when the entry was last written; negative when unknown (state written before
     *                     entries carried it), which leaves the decision to the day alone
     * @param streamTime   the newest publication time seen (ms), less the lateness the input shows (the caller's
     *                     watermark)
     */
    public boolean expired(LocalDate latestDay, long lastReported, long streamTime) {
        if (!enabled()) {
            return false;
        }
        long horizon = streamTime - retentionMs;
        // A day lasts until its end: compare the start of the next day.
        boolean dayPast = latestDay == null
                || latestDay
                                .plusDays(1)
                                .atStartOfDay(ZoneOffset.UTC)
                                .toInstant()
                                .toEpochMilli()
                        <= horizon;
        boolean reportPast = lastReported < horizon;
        return dayPast && reportPast && (latestDay != null || lastReported >= 0);
    }

    /** A casualty day's latest event day is its day. */
    public static LocalDate latestDay(CasualtyDayState day) {
        return day.day();
    }

    /** A diplomatic event's latest event day: the novelty window runs from it. */
    public static LocalDate latestDay(DiplomaticEventState event) {
        return event.lastEventDate();
    }

    /** A place's latest reported day or running total, or null when it holds neither. */
    public static LocalDate latestDay(PlaceHistory history) {
        return Stream.concat(
                        history.days().stream().map(PlaceHistory.DayCount::day),
                        history.totals().stream().map(PlaceHistory.CumulativeTotal::asOf))
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(null);
    }

    @Override
    public String toString() {
        return enabled() ? "expiry after " + retentionMs / 86_400_000L + " days" : "no expiry";
    }
}
