package io.wirewatch.alert.rules;

import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AlertStatus;
import io.wirewatch.schema.AlertType;
import io.wirewatch.schema.CasualtyFigure;
import io.wirewatch.schema.CasualtyKind;
import io.wirewatch.schema.CasualtyPeriod;
import io.wirewatch.schema.CountBound;
import io.wirewatch.schema.EnrichedArticle;
import io.wirewatch.schema.Entity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds casualty spikes in the KILLED figures of an article for one place, given that place's history and the
 * stored state of the days the article reports.
 *
 * <ul>
 *   <li>Each article gives at most one toll per place and day: restatements ({@code repeatsEarlier}) are dropped,
 *       and of several figures the highest is kept. An {@code additional} figure ("a further 19") is taken as a count
 *       of its own day, not added to another: the figure it is "further" to is usually an earlier day's.</li>
 *   <li>A day's toll is the figure most articles give (the higher on a tie); the range and who says what stay in
 *       the evidence.</li>
 *   <li>A day becomes a spike (NEW) when its toll is at least {@code spikeMin} and at least {@code spikeFactor} times
 *       the trailing baseline, or at least {@code spikeMin} when the place has no recent history. Every later article
 *       on a spike day is an UPDATE carrying the range of figures, never a second spike.</li>
 *   <li>Only news raises: a day more than {@value #NEWS_DAYS} days before the article (a toll told as history), or
 *       a vague count ("scores", "hundreds"), may update a spike but never raise one.</li>
 *   <li>A toll of one event that the article does not date ("killed in a missile strike") is the publication day's,
 *       unless a spike of the place was raised in the {@value #UNDATED_FOLD_DAYS} days before: then it is a later
 *       report of that event and updates it. A toll of a few days ("this week") counts as its last day's.</li>
 *   <li>A running total (CUMULATIVE) that the same source raises between two dates implies a daily rate; when that
 *       rate would be a spike, a NEW alert reports the jump. Totals of different sources (activists, the UN) are not
 *       compared with each other.</li>
 *   <li>An article already counted for a day changes nothing.</li>
 *   <li>A spike alert carries the evidence of the first and the latest reports of its day only
 *       ({@link EvidenceLimits}); {@code sources} counts every report, and the toll and range use every figure.</li>
 * </ul>
 */
public final class CasualtySpikeDetector {

    private final RuleSettings settings;

    public CasualtySpikeDetector(RuleSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** What one article changed for one place. {@code days} holds only the days that changed. */
    public record Outcome(
            PlaceHistory history, boolean historyChanged, Map<LocalDate, CasualtyDayState> days, List<Alert> alerts) {
        public Outcome {
            days = Map.copyOf(days);
            alerts = List.copyOf(alerts);
        }
    }

    /** The places an article gives death tolls for, by canonical name. */
    public static Set<String> places(EnrichedArticle article) {
        Set<String> places = new LinkedHashSet<>();
        article.getCasualtyFigures().forEach(figure -> placeOf(figure).ifPresent(places::add));
        return places;
    }

    /** The canonical place of a figure that can make a spike, or empty for figures the detector ignores. */
    public static Optional<String> placeOf(CasualtyFigure figure) {
        return relevant(figure) ? Optional.of(ActorNames.canonicalPlace(figure.getPlace())) : Optional.empty();
    }

    /**
     * The days for which the article gives {@code place} a daily toll: the day states to load before {@link #apply}.
     * A toll the article does not date ("killed in a missile strike") also loads the days just before, into whose
     * spike it folds when one was raised (the next day's report of the same strike).
     */
    public static Set<LocalDate> reportedDays(String place, EnrichedArticle article) {
        Set<LocalDate> days = new TreeSet<>();
        for (CasualtyFigure figure : figuresFor(place, article)) {
            if (isDailyToll(figure)) {
                LocalDate day = dateOf(figure, article);
                days.add(day);
                if (figure.getEventDate() == null) {
                    for (int back = 1; back <= UNDATED_FOLD_DAYS; back++) {
                        days.add(day.minusDays(back));
                    }
                }
            }
        }
        return days;
    }

    /** How many days before an undated toll's article a spike of the same place may be the same event. */
    static final int UNDATED_FOLD_DAYS = 3;
    /** A day longer ago than this before the article is history: it may update a spike, never raise one. */
    static final int NEWS_DAYS = 7;

    /** A toll of one day: a DAY figure, or one of a few days ("this week", "since Friday"). */
    private static boolean isDailyToll(CasualtyFigure figure) {
        if (figure.getPeriod() == CasualtyPeriod.DAY) {
            return true;
        }
        return figure.getPeriod() == CasualtyPeriod.MULTI_DAY
                && figure.getEventDate() != null
                && figure.getPeriodStart() != null
                && ChronoUnit.DAYS.between(figure.getPeriodStart(), figure.getEventDate()) < NEWS_DAYS;
    }

    /**
     * @param history the place's stored history, or null when none
     * @param stored  the stored state of each of {@link #reportedDays}, missing when none
     */
    public Outcome apply(
            String place,
            PlaceHistory history,
            Map<LocalDate, CasualtyDayState> stored,
            EnrichedArticle article,
            Instant now) {
        PlaceHistory updatedHistory = history == null ? PlaceHistory.empty(place) : history;
        boolean historyChanged = false;
        Map<LocalDate, CasualtyDayState> changed = new LinkedHashMap<>();
        List<Alert> alerts = new ArrayList<>();

        LocalDate published = dateOf(null, article);
        for (Map.Entry<LocalDate, CasualtyFigure> entry :
                dailyTolls(place, article).entrySet()) {
            LocalDate day = foldedDay(entry.getKey(), entry.getValue(), stored);
            CasualtyDayState current = stored.getOrDefault(day, CasualtyDayState.empty(place, day));
            if (current.hasReportFrom(article.getArticleId())) {
                continue;
            }
            CasualtyFigure figure = entry.getValue();
            List<CasualtyReport> reports = new ArrayList<>(current.reports());
            reports.add(new CasualtyReport(
                    article.getArticleId(),
                    article.getUrl(),
                    article.getOutlet(),
                    figure.getEvidence().getSentence(),
                    normalisedSource(figure.getSource()),
                    figure.getCount(),
                    Headlines.figure(figure.getBound(), figure.getCount(), figure.getCountText()),
                    now));
            CasualtyDayState withReport = new CasualtyDayState(
                    place,
                    day,
                    reports,
                    current.alertId(),
                    current.baseline(),
                    current.revision(),
                    current.firstSeen(),
                    current.lastUpdated());
            int toll = withReport.supported().count();
            updatedHistory = updatedHistory.withDay(day, toll);
            historyChanged = true;

            CasualtyDayState next;
            if (current.raised()) {
                next = new CasualtyDayState(
                        place,
                        day,
                        reports,
                        current.alertId(),
                        current.baseline(),
                        current.revision() + 1,
                        current.firstSeen(),
                        now);
                alerts.add(withPlace(dayAlert(next, AlertStatus.UPDATE, countriesOf(place, article)), figure));
            } else {
                Double baseline = updatedHistory.baseline(day, settings.baselineDays());
                boolean news = !day.isBefore(published.minusDays(NEWS_DAYS));
                if (news && isSpike(toll, baseline) && figure.getBound() != CountBound.VAGUE) {
                    next = new CasualtyDayState(place, day, reports, dayAlertId(place, day), baseline, 0, now, now);
                    alerts.add(withPlace(dayAlert(next, AlertStatus.NEW, countriesOf(place, article)), figure));
                } else {
                    next = withReport;
                }
            }
            changed.put(day, next);
        }

        for (CasualtyFigure figure : figuresFor(place, article)) {
            if (figure.getPeriod() != CasualtyPeriod.CUMULATIVE || figure.getRepeatsEarlier()) {
                continue;
            }
            String source = normalisedSource(figure.getSource());
            String series = source == null ? "unattributed" : source;
            LocalDate asOf = dateOf(figure, article);
            var previous = updatedHistory.previousTotal(series, asOf);
            updatedHistory =
                    updatedHistory.withTotal(new PlaceHistory.CumulativeTotal(series, asOf, figure.getCount()));
            historyChanged = true;
            if (previous.isEmpty() || figure.getCount() <= previous.get().total()) {
                continue;
            }
            long span = Math.max(1, ChronoUnit.DAYS.between(previous.get().asOf(), asOf));
            double perDay = (figure.getCount() - previous.get().total()) / (double) span;
            Double baseline = updatedHistory.baseline(asOf, settings.baselineDays());
            String alertId = dayAlertId(place, asOf) + "-total";
            if (isSpike(perDay, baseline) && !updatedHistory.totalAlertIds().contains(alertId)) {
                updatedHistory = updatedHistory.withTotalAlert(alertId);
                alerts.add(totalAlert(
                        alertId, place, previous.get(), figure, source, asOf, perDay, baseline, article, now));
            }
        }
        return new Outcome(updatedHistory, historyChanged, changed, alerts);
    }

    /** An undated toll folds into a spike raised for the place in the few days before; else it is its own day's. */
    private static LocalDate foldedDay(LocalDate day, CasualtyFigure figure, Map<LocalDate, CasualtyDayState> stored) {
        if (figure.getEventDate() != null) {
            return day;
        }
        for (int back = 1; back <= UNDATED_FOLD_DAYS; back++) {
            CasualtyDayState earlier = stored.get(day.minusDays(back));
            if (earlier != null && earlier.raised()) {
                return day.minusDays(back);
            }
        }
        return day;
    }

    private boolean isSpike(double toll, Double baseline) {
        return toll >= settings.spikeMin() && (baseline == null || toll >= settings.spikeFactor() * baseline);
    }

    /** The article's one toll per day for {@code place}: restatements dropped, the highest of the rest. */
    private static Map<LocalDate, CasualtyFigure> dailyTolls(String place, EnrichedArticle article) {
        Map<LocalDate, CasualtyFigure> tolls = new java.util.TreeMap<>();
        for (CasualtyFigure figure : figuresFor(place, article)) {
            if (!isDailyToll(figure) || figure.getRepeatsEarlier()) {
                continue;
            }
            tolls.merge(
                    dateOf(figure, article),
                    figure,
                    (a, b) -> Comparator.comparingInt(CasualtyFigure::getCount).compare(a, b) >= 0 ? a : b);
        }
        return tolls;
    }

    private static List<CasualtyFigure> figuresFor(String place, EnrichedArticle article) {
        return article.getCasualtyFigures().stream()
                .filter(figure -> placeOf(figure).map(place::equals).orElse(false))
                .toList();
    }

    private static boolean relevant(CasualtyFigure figure) {
        return figure.getKind() == CasualtyKind.KILLED
                && ActorNames.canonicalPlace(figure.getPlace()) != null
                && (isDailyToll(figure) || figure.getPeriod() == CasualtyPeriod.CUMULATIVE);
    }

    /** The figure's day, else the article's publication day (also for a null figure). */
    private static LocalDate dateOf(CasualtyFigure figure, EnrichedArticle article) {
        if (figure != null && figure.getEventDate() != null) {
            return figure.getEventDate();
        }
        return LocalDate.ofInstant(
                article.getPublishedAt() != null ? article.getPublishedAt() : article.getEnrichedAt(), ZoneOffset.UTC);
    }

    /** Who gives a figure, canonical so that "the UN" and "United Nations" are one series; null when unattributed. */
    private static String normalisedSource(String source) {
        return ActorNames.canonical(source);
    }

    static String dayAlertId(String place, LocalDate day) {
        return "cas-" + ActorNames.slug(place) + "-" + day;
    }

    /**
     * The state a place lies in (or is): the country the extractor gave the place's entity in this article, else the
     * place's own code when it is a state.
     */
    static List<String> countriesOf(String place, EnrichedArticle article) {
        for (Entity entity : article.getEntities()) {
            if (entity.getCountryCode() != null && place.equalsIgnoreCase(entity.getCanonicalName())) {
                return List.of(entity.getCountryCode());
            }
        }
        return CountryCodes.ofAll(List.of(place));
    }

    /** The alert with where its place lies, as the extractor resolved it for the figure (v3: for maps). */
    private static Alert withPlace(Alert alert, CasualtyFigure figure) {
        String located = Headlines.located(
                alert.getPlace(),
                figure.getPlaceAsWritten(),
                figure.getPlaceRegion(),
                ActorNames.nameOfCode(figure.getPlaceCountryCode()));
        if (!located.equals(alert.getPlace())) {
            alert.setHeadline(
                    located + alert.getHeadline().substring(alert.getPlace().length()));
        }
        alert.setPlaceCountryCode(figure.getPlaceCountryCode());
        alert.setPlaceRegion(figure.getPlaceRegion());
        alert.setLatitude(figure.getLatitude());
        alert.setLongitude(figure.getLongitude());
        if (alert.getCountries().isEmpty() && figure.getPlaceCountryCode() != null) {
            alert.setCountries(List.of(figure.getPlaceCountryCode()));
        }
        return alert;
    }

    /** Builds the alert that reports a spike day. */
    public static Alert dayAlert(CasualtyDayState day, AlertStatus status, List<String> countries) {
        CasualtyReport supported = day.supported();
        List<EvidenceEntry> evidence = EvidenceLimits.capped(day.reports()).stream()
                .map(CasualtyReport::toEvidence)
                .toList();
        return Alert.newBuilder()
                .setId(day.alertId())
                .setStatus(status)
                .setType(AlertType.CASUALTY_SPIKE)
                .setPlace(day.place())
                .setCountries(countries)
                .setCount(supported.count())
                .setCountLow(day.low())
                .setCountHigh(day.high())
                .setBaseline(day.baseline())
                .setEventDate(day.day())
                .setHeadline(Headlines.casualtySpike(
                        day.place(),
                        day.day(),
                        supported.countText(),
                        day.low(),
                        day.high(),
                        day.sources(),
                        day.baseline(),
                        supported.count()))
                .setSeverity(Severities.casualty(supported.count(), day.baseline()))
                .setBackground(false)
                .setSources(day.reports().size())
                .setOutlets(EvidenceLimits.outlets(
                        List.of(),
                        day.reports().stream().map(CasualtyReport::outlet).toList()))
                .setEvidence(evidence.stream().map(EvidenceEntry::toAvro).toList())
                .setFirstSeen(day.firstSeen())
                .setLastUpdated(day.lastUpdated())
                .setRevision(day.revision())
                .build();
    }

    private static Alert totalAlert(
            String alertId,
            String place,
            PlaceHistory.CumulativeTotal previous,
            CasualtyFigure figure,
            String source,
            LocalDate asOf,
            double perDay,
            Double baseline,
            EnrichedArticle article,
            Instant now) {
        int rise = figure.getCount() - previous.total();
        EvidenceEntry evidence = new EvidenceEntry(
                article.getArticleId(),
                article.getUrl(),
                article.getOutlet(),
                figure.getEvidence().getSentence(),
                source,
                figure.getCount(),
                now);
        return Alert.newBuilder()
                .setId(alertId)
                .setStatus(AlertStatus.NEW)
                .setType(AlertType.CASUALTY_SPIKE)
                .setPlace(place)
                .setCountries(countriesOf(place, article))
                .setCount(rise)
                .setCountLow(previous.total())
                .setCountHigh(figure.getCount())
                .setBaseline(baseline)
                .setEventDate(asOf)
                .setHeadline(Headlines.cumulativeJump(
                        place, source, previous.total(), previous.asOf(), figure.getCount(), asOf, perDay))
                .setSeverity(Severities.casualty((int) Math.round(perDay), baseline))
                .setBackground(false)
                .setSources(1)
                .setOutlets(article.getOutlet() == null ? List.of() : List.of(article.getOutlet()))
                .setEvidence(List.of(evidence.toAvro()))
                .setFirstSeen(now)
                .setLastUpdated(now)
                .setRevision(0)
                .build();
    }
}
