package io.wirewatch.alert.streams;

import io.wirewatch.alert.rules.DiplomaticEventKey;
import io.wirewatch.alert.rules.DiplomaticEventState;
import io.wirewatch.alert.rules.DiplomaticNovelty;
import io.wirewatch.alert.rules.RuleOutcome;
import io.wirewatch.alert.rules.StateExpiry;
import io.wirewatch.platform.streams.Decoded;
import io.wirewatch.platform.streams.UpstreamProgressHeader;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.EnrichedArticle;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Consumes enriched articles keyed by diplomatic event key (each carrying only that event's actions), applies
 * {@link DiplomaticNovelty} against the stored {@link DiplomaticEventState}, stores the new state and forwards the
 * alerts keyed by alert id. A record the rules fail on is forwarded as a failure for the dead-letter topic. Events
 * whose state has expired ({@link StateExpiry}) are swept from the store as stream time passes.
 */
final class DiplomaticNoveltyProcessor implements Processor<String, EnrichedArticle, String, Decoded<Alert>> {

    private final DiplomaticNovelty rules;
    private final String storeName;
    private final RuleFailures failures;
    private ProcessorContext<String, Decoded<Alert>> context;
    private final StateSweeper<DiplomaticEventState> sweeper;
    private TimestampedKeyValueStore<String, DiplomaticEventState> store;

    DiplomaticNoveltyProcessor(DiplomaticNovelty rules, StateExpiry expiry, String storeName, RuleFailures failures) {
        this.rules = rules;
        this.storeName = storeName;
        this.failures = failures;
        this.sweeper = new StateSweeper<>(expiry, StateExpiry::latestDay);
    }

    @Override
    public void init(ProcessorContext<String, Decoded<Alert>> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        sweeper.schedule(context, store);
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        sweeper.observe(record.timestamp(), record.headers());
        if (record.value() == null) {
            return; // an upstream partition's progress marker (enrich's SharesProcessor): observed, nothing to apply
        }
        try {
            Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
            for (DiplomaticEventKey key : DiplomaticNovelty.eventKeys(record.value())) {
                String storeKey = key.asString();
                ValueAndTimestamp<DiplomaticEventState> stored = store.get(storeKey);
                RuleOutcome<DiplomaticEventState> outcome =
                        rules.apply(key, stored == null ? null : stored.value(), record.value(), now);
                if (outcome.changed()) {
                    store.put(storeKey, StateSweeper.stamp(outcome.state(), context, record.timestamp()));
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
}
