package io.wirewatch.alert.streams;

import io.wirewatch.schema.EnrichedArticle;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Cuts an enriched article into a rule's shares (as a {@code flatMap} would) and stamps each with the
 * {@link UpstreamProgress} header: the partition of {@code articles.enriched} it was read from and that partition's
 * stream time, so that the rule task behind the repartition knows how far each upstream partition has got.
 *
 * <p>An upstream partition whose articles have no share for a rule task for a while would look stalled to it. So every
 * {@link #MARKER_INTERVAL} of the partition's stream time it also sends a progress marker (key
 * {@value UpstreamProgress#MARKER_KEY}, no value, the header) that {@link ProgressPartitioner} sends to every partition
 * of the repartition topic; the rule processors read the header and skip the marker.
 */
final class SharesProcessor implements Processor<String, EnrichedArticle, String, EnrichedArticle> {

    /**
     * How much of the upstream partition's stream time passes between two markers: how far behind a rule task's view of
     * a partition that sends it nothing can be (expiry then waits that much longer). A sweep interval: one marker per
     * partition, rule and week of news, to every rule task.
     */
    static final Duration MARKER_INTERVAL = StateSweeper.INTERVAL;

    private final Function<EnrichedArticle, List<KeyValue<String, EnrichedArticle>>> shares;
    private ProcessorContext<String, EnrichedArticle> context;
    private long lastMarker = Long.MIN_VALUE;

    SharesProcessor(Function<EnrichedArticle, List<KeyValue<String, EnrichedArticle>>> shares) {
        this.shares = shares;
    }

    @Override
    public void init(ProcessorContext<String, EnrichedArticle> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        List<KeyValue<String, EnrichedArticle>> cut = shares.apply(record.value());
        RecordMetadata source = context.recordMetadata().orElse(null);
        if (source == null) {
            cut.forEach(share -> context.forward(record.withKey(share.key).withValue(share.value)));
            return;
        }
        // This sub-topology's task reads one partition of articles.enriched, so its stream time is that partition's.
        long progress = Math.max(context.currentStreamTimeMs(), record.timestamp());
        Headers headers = UpstreamProgress.stamp(record.headers(), source.partition(), progress);
        for (KeyValue<String, EnrichedArticle> share : cut) {
            context.forward(record.withKey(share.key).withValue(share.value).withHeaders(headers));
        }
        if (lastMarker == Long.MIN_VALUE || progress - lastMarker >= MARKER_INTERVAL.toMillis()) {
            lastMarker = progress;
            context.forward(new Record<String, EnrichedArticle>(UpstreamProgress.MARKER_KEY, null, progress, headers));
        }
    }
}
