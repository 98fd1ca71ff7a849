package io.wirewatch.alert.streams;

import io.wirewatch.platform.streams.Decoded;
import io.wirewatch.platform.streams.UpstreamProgressHeader;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AlertEvidence;
import io.wirewatch.schema.AlertStatus;
import io.wirewatch.schema.AlertType;
import io.wirewatch.schema.EnrichedArticle;
import io.wirewatch.schema.Severity;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;

/**
 * The identity rule of {@link RuleStage#passThrough()}: stores the share's article id under its key in each of the
 * stage's stores and forwards one alert carrying the article as its only evidence (so that latency is measured as for
 * a real alert). No decision is made; what remains is the cost of the topology's shape.
 */
final class PassThroughProcessor implements Processor<String, EnrichedArticle, String, Decoded<Alert>> {

    private final String stage;
    private final List<String> storeNames;
    private ProcessorContext<String, Decoded<Alert>> context;
    private List<TimestampedKeyValueStore<String, String>> stores;

    PassThroughProcessor(String stage, List<String> storeNames) {
        this.stage = stage;
        this.storeNames = List.copyOf(storeNames);
    }

    @Override
    public void init(ProcessorContext<String, Decoded<Alert>> context) {
        this.context = context;
        this.stores = storeNames.stream()
                .map(name -> context.<TimestampedKeyValueStore<String, String>>getStateStore(name))
                .toList();
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        EnrichedArticle article = record.value();
        if (article == null) {
            return; // an upstream partition's progress marker, as the real rules skip it
        }
        // Stamped as the real rules stamp their state (StateSweeper.stamp); the pass-through sweeps nothing.
        stores.forEach(store ->
                store.put(record.key(), StateSweeper.stamp(article.getArticleId(), context, record.timestamp())));
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        String id = stage + "-" + article.getArticleId();
        Alert alert = Alert.newBuilder()
                .setId(id)
                .setStatus(AlertStatus.NEW)
                .setType(AlertType.DIPLOMATIC_ACTION)
                .setHeadline(article.getTitle() == null ? id : article.getTitle())
                .setSeverity(Severity.LOW)
                .setSources(1)
                .setEvidence(List.of(AlertEvidence.newBuilder()
                        .setArticleId(article.getArticleId())
                        .setUrl(article.getUrl())
                        .setOutlet(article.getOutlet())
                        .setSentence(article.getTitle() == null ? "" : article.getTitle())
                        .setSeenAt(now)
                        .build()))
                .setFirstSeen(now)
                .setLastUpdated(now)
                .build();
        // The ingest-time header as the real rules write it: the pass-through must cost what the shape costs.
        context.forward(record.withKey(id)
                .withValue(Decoded.success(alert))
                .withTimestamp(now.toEpochMilli())
                .withHeaders(AlertHeaders.withIngestedAt(
                        UpstreamProgressHeader.without(record.headers()), article.getIngestedAt())));
    }
}
