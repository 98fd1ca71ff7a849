package io.wirewatch.alert.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every report of the death toll of one place on one day, and the spike alert raised for it, if any.
 *
 * <p>All reports are kept, unlike a diplomatic event's evidence ({@link EvidenceLimits}): the toll most articles give
 * and the range need every figure. They are bounded by one day's reports of one place (one per article, and articles
 * giving a day's toll stop within days of it, while a diplomatic event's window moves with every new report); the
 * alert built from them carries only {@value EvidenceLimits#MAX_EVIDENCE} entries.
 *
 * @param alertId  null until the day is a spike
 * @param baseline the trailing average when the spike was raised (kept, not recomputed: alerts are not retracted)
 * @param revision 0 for the NEW alert, incremented with every UPDATE
 */
public record CasualtyDayState(
        String place,
        LocalDate day,
        List<CasualtyReport> reports,
        String alertId,
        Double baseline,
        int revision,
        Instant firstSeen,
        Instant lastUpdated) {

    public CasualtyDayState {
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(day, "day");
        reports = List.copyOf(reports);
    }

    public static CasualtyDayState empty(String place, LocalDate day) {
        return new CasualtyDayState(place, day, List.of(), null, null, 0, null, null);
    }

    public boolean raised() {
        return alertId != null;
    }

    public boolean hasReportFrom(String articleId) {
        return reports.stream().anyMatch(report -> report.articleId().equals(articleId));
    }

    /**
     * The figure most articles give; on a tie the higher figure, so the answer does not depend on arrival order.
     */
    public CasualtyReport supported() {
        Map<Integer, Long> support = new LinkedHashMap<>();
        reports.forEach(report -> support.merge(report.count(), 1L, Long::sum));
        Comparator<CasualtyReport> bySupport = Comparator.comparing(
                        (CasualtyReport report) -> support.get(report.count()))
                .thenComparing(CasualtyReport::count);
        return reports.stream().max(bySupport).orElseThrow(() -> new IllegalStateException("No reports for " + day));
    }

    public int low() {
        return reports.stream().mapToInt(CasualtyReport::count).min().orElseThrow();
    }

    public int high() {
        return reports.stream().mapToInt(CasualtyReport::count).max().orElseThrow();
    }

    public List<String> sources() {
        return reports.stream()
                .map(CasualtyReport::source)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
    }
}
