package io.wirewatch.alert.streams;

import io.wirewatch.alert.rules.CasualtyDayState;
import io.wirewatch.alert.rules.CasualtySpikeDetector;
import io.wirewatch.alert.rules.PlaceHistory;
import io.wirewatch.alert.rules.StateExpiry;
import io.wirewatch.platform.streams.Decoded;
import io.wirewatch.platform.streams.UpstreamProgressHeader;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.EnrichedArticle;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Consumes enriched articles keyed by place (each carrying only that place's casualty figures), applies
 * {@link CasualtySpikeDetector} against the place's {@link PlaceHistory} and the {@link CasualtyDayState} of each day
 * the article reports, stores what changed and forwards the alerts keyed by alert id. A record the rules fail on is
 * forwarded as a failure for the dead-letter topic. Days and places whose state has expired ({@link StateExpiry}) are
 * swept from both stores as stream time passes.
 */
final class CasualtySpikeProcessor implements Processor<String, EnrichedArticle, String, Decoded<Alert>> {

    private final CasualtySpikeDetector detector;
    private final String daysStoreName;
    private final String historyStoreName;
    private final RuleFailures failures;
    private ProcessorContext<String, Decoded<Alert>> context;
    private final StateSweeper<CasualtyDayState> daysSweeper;
    private final StateSweeper<PlaceHistory> historiesSweeper;
    private TimestampedKeyValueStore<String, CasualtyDayState> days;
    private TimestampedKeyValueStore<String, PlaceHistory> histories;

    CasualtySpikeProcessor(
            CasualtySpikeDetector detector,
            StateExpiry expiry,
            String daysStoreName,
            String historyStoreName,
            RuleFailures failures) {
        this.detector = detector;
        this.daysStoreName = daysStoreName;
        this.historyStoreName = historyStoreName;
        this.failures = failures;
        this.daysSweeper = new StateSweeper<>(expiry, StateExpiry::latestDay);
        this.historiesSweeper = new StateSweeper<>(expiry, StateExpiry::latestDay);
    }

    /** Key of a day in the {@code casualty-days} store: the place and the ISO date. */
    static String dayKey(String place, LocalDate day) {
        return place + "|" + day;
    }

    @Override
    public void init(ProcessorContext<String, Decoded<Alert>> context) {
        this.context = context;
        this.days = context.getStateStore(daysStoreName);
        this.histories = context.getStateStore(historyStoreName);
        daysSweeper.schedule(context, days);
        historiesSweeper.schedule(context, histories);
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        daysSweeper.observe(record.timestamp(), record.headers());
        historiesSweeper.observe(record.timestamp(), record.headers());
        if (record.value() == null) {
            return; // an upstream partition's progress marker (enrich's SharesProcessor): observed, nothing to apply
        }
        try {
            Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
            EnrichedArticle article = record.value();
            for (String place : CasualtySpikeDetector.places(article)) {
                Map<LocalDate, CasualtyDayState> stored = new HashMap<>();
                for (LocalDate day : CasualtySpikeDetector.reportedDays(place, article)) {
                    CasualtyDayState state = valueOf(days.get(dayKey(place, day)));
                    if (state != null) {
                        stored.put(day, state);
                    }
                }
                CasualtySpikeDetector.Outcome outcome =
                        detector.apply(place, valueOf(histories.get(place)), stored, article, now);
                outcome.days()
                        .forEach((day, state) ->
                                days.put(dayKey(place, day), StateSweeper.stamp(state, context, record.timestamp())));
                if (outcome.historyChanged()) {
                    histories.put(place, StateSweeper.stamp(outcome.history(), context, record.timestamp()));
                }
                for (Alert alert : outcome.alerts()) {
                    // An alert's time is when it is raised, not the (possibly years old) time of the article.
                    // The article's ingest time travels as a header, so the alert feed can time ingest -> alert.
                    context.forward(record.withKey(alert.getId())
                            .withValue(Decoded.success(alert))
                            .withTimestamp(now.toEpochMilli())
                            .withHeaders(AlertHeaders.withIngestedAt(
                                    UpstreamProgressHeader.without(record.headers()),
                                    record.value().getIngestedAt())));
                }
            }
        } catch (RuntimeException e) {
            context.forward(record.withValue(failures.failure(context, record, e)));
        }
    }

    private static <V> V valueOf(ValueAndTimestamp<V> stored) {
        return stored == null ? null : stored.value();
    }
}
