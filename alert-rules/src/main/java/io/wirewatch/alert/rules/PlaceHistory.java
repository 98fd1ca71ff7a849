package io.wirewatch.alert.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The death-toll history of one place: the supported count of each reported day (for the trailing baseline) and
 * the running totals each source has given (to see a cumulative total jump). Days without a report are unknown,
 * not zero, so the baseline averages reported days only.
 *
 * @param totalAlertIds ids of cumulative-jump alerts already raised, so a second source cannot raise the same again
 */
public record PlaceHistory(
        String place, List<DayCount> days, List<CumulativeTotal> totals, List<String> totalAlertIds) {

    /** How long history is kept behind the latest reported day; longer than any baseline or window. */
    public static final int RETENTION_DAYS = 120;

    /** The supported toll of one day. */
    public record DayCount(LocalDate day, int count) {}

    /** A running total as one source gave it, as of a day. */
    public record CumulativeTotal(String source, LocalDate asOf, int total) {}

    public PlaceHistory {
        Objects.requireNonNull(place, "place");
        days = List.copyOf(days);
        totals = List.copyOf(totals);
        totalAlertIds = List.copyOf(totalAlertIds);
    }

    public static PlaceHistory empty(String place) {
        return new PlaceHistory(place, List.of(), List.of(), List.of());
    }

    /** Average supported toll of the reported days among the {@code baselineDays} before {@code day}; null if none. */
    public Double baseline(LocalDate day, int baselineDays) {
        LocalDate from = day.minusDays(baselineDays);
        OptionalDouble average = days.stream()
                .filter(d -> !d.day().isBefore(from) && d.day().isBefore(day))
                .mapToInt(DayCount::count)
                .average();
        return average.isPresent() ? average.getAsDouble() : null;
    }

    public PlaceHistory withDay(LocalDate day, int count) {
        List<DayCount> updated =
                new ArrayList<>(days.stream().filter(d -> !d.day().equals(day)).toList());
        updated.add(new DayCount(day, count));
        updated.sort(Comparator.comparing(DayCount::day));
        LocalDate keepFrom = updated.get(updated.size() - 1).day().minusDays(RETENTION_DAYS);
        return new PlaceHistory(
                place, updated.stream().filter(d -> !d.day().isBefore(keepFrom)).toList(), totals, totalAlertIds);
    }

    /** The latest total {@code source} gave as of a day before {@code asOf}. */
    public Optional<CumulativeTotal> previousTotal(String source, LocalDate asOf) {
        return totals.stream()
                .filter(t -> t.source().equals(source) && t.asOf().isBefore(asOf))
                .max(Comparator.comparing(CumulativeTotal::asOf));
    }

    public PlaceHistory withTotal(CumulativeTotal total) {
        List<CumulativeTotal> updated = new ArrayList<>();
        int kept = total.total();
        for (CumulativeTotal existing : totals) {
            if (existing.source().equals(total.source()) && existing.asOf().equals(total.asOf())) {
                kept = Math.max(kept, existing.total());
            } else if (!existing.asOf().isBefore(total.asOf().minusDays(RETENTION_DAYS))) {
                updated.add(existing);
            }
        }
        updated.add(new CumulativeTotal(total.source(), total.asOf(), kept));
        return new PlaceHistory(place, days, updated, totalAlertIds);
    }

    public PlaceHistory withTotalAlert(String alertId) {
        List<String> ids = new ArrayList<>(totalAlertIds);
        ids.add(alertId);
        return new PlaceHistory(place, days, totals, ids);
    }
}
