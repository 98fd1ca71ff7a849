package io.wirewatch.alert.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirewatch.alert.rules.CasualtyDayState;
import io.wirewatch.alert.rules.CasualtyReport;
import io.wirewatch.alert.rules.PlaceHistory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The reported death tolls of one place, day by day, as the spike rule weighs them: for each day every report (figure,
 * the figure in English words, who gives it, outlet, sentence), the toll most reports support with the lowest and
 * highest, the trailing baseline of the reported days before it, and the spike alert raised for the day, if any. The
 * timeline draws this so that a spike can be seen against its baseline.
 *
 * @param baselineDays how many days before a day its baseline averages (the rule's setting)
 */
public record PlaceFigures(String place, int baselineDays, List<Day> days) {

    /**
     * One day of a place.
     *
     * @param count              the toll most reports give (the higher on a tie), as the rule counts it
     * @param baseline           average toll of the place's reported days among the {@code baselineDays} before;
     *                           null when none was reported
     * @param alertId            the spike alert of the day, or null when the day raised none
     * @param baselineWhenRaised the baseline the spike was judged against when raised (reports of earlier days may
     *                           have come in later); null when no alert, or when the place had no history then
     */
    public record Day(
            LocalDate day,
            int count,
            int low,
            int high,
            Double baseline,
            String alertId,
            Double baselineWhenRaised,
            List<Report> reports) {
        public Day {
            reports = List.copyOf(reports);
        }
    }

    /** One article's figure for the day. */
    public record Report(
            int count,
            String countText,
            String source,
            String outlet,
            String url,
            String articleId,
            String sentence,
            Instant seenAt) {}

    public PlaceFigures {
        Objects.requireNonNull(place, "place");
        days = List.copyOf(days);
    }

    /** The figures of {@code place} from its stored day states (any order; other places' states are ignored). */
    public static PlaceFigures of(String place, Collection<CasualtyDayState> states, int baselineDays) {
        List<CasualtyDayState> sorted = states.stream()
                .filter(state -> state.place().equals(place) && !state.reports().isEmpty())
                .sorted(Comparator.comparing(CasualtyDayState::day))
                .toList();
        // The baseline of each day as the rule computes it, from the supported toll of every reported day.
        PlaceHistory history = new PlaceHistory(
                place,
                sorted.stream()
                        .map(state -> new PlaceHistory.DayCount(
                                state.day(), state.supported().count()))
                        .toList(),
                List.of(),
                List.of());
        List<Day> days = sorted.stream()
                .map(state -> new Day(
                        state.day(),
                        state.supported().count(),
                        state.low(),
                        state.high(),
                        history.baseline(state.day(), baselineDays),
                        state.alertId(),
                        state.baseline(),
                        state.reports().stream().map(PlaceFigures::report).toList()))
                .toList();
        return new PlaceFigures(place, baselineDays, days);
    }

    private static Report report(CasualtyReport report) {
        return new Report(
                report.count(),
                report.countText(),
                report.source(),
                report.outlet(),
                report.url(),
                report.articleId(),
                report.sentence(),
                report.seenAt());
    }

    /** As JSON: {@code {place, baselineDays, days: [{day, count, low, high, baseline, alertId, baselineWhenRaised,
     * reports: [{count, countText, source, outlet, url, articleId, sentence, seenAt}]}]}}, nulls written as null. */
    public String toJson() {
        ObjectNode root = AlertJson.mapper().createObjectNode();
        root.put("place", place);
        root.put("baselineDays", baselineDays);
        ArrayNode dayNodes = root.putArray("days");
        for (Day day : days) {
            ObjectNode node = dayNodes.addObject();
            node.put("day", day.day().toString());
            node.put("count", day.count());
            node.put("low", day.low());
            node.put("high", day.high());
            node.put("baseline", day.baseline());
            node.put("alertId", day.alertId());
            node.put("baselineWhenRaised", day.baselineWhenRaised());
            ArrayNode reports = node.putArray("reports");
            for (Report report : day.reports()) {
                reports.addObject()
                        .put("count", report.count())
                        .put("countText", report.countText())
                        .put("source", report.source())
                        .put("outlet", report.outlet())
                        .put("url", report.url())
                        .put("articleId", report.articleId())
                        .put("sentence", report.sentence())
                        .put(
                                "seenAt",
                                report.seenAt() == null ? null : report.seenAt().toString());
            }
        }
        return AlertJson.write(root);
    }
}
