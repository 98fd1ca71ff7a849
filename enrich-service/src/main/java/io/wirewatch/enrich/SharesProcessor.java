package io.wirewatch.enrich;

import io.wirewatch.alert.rules.Shares;
import io.wirewatch.platform.streams.UpstreamProgressHeader;
import io.wirewatch.schema.EnrichedArticle;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Cuts an enriched article into one rule's shares ({@link Shares}), keyed by what the rule keeps state under, and
 * stamps each with the {@link UpstreamProgressHeader}: the partition of {@code articles.raw} it was read from and that
 * partition's stream time, so that the rule task reading the shares knows how far each upstream partition has got.
 *
 * <p>An upstream partition whose articles have no share for a rule task for a while would look stalled to it. So every
 * {@link UpstreamProgressHeader#MARKER_INTERVAL} of the partition's stream time it also sends a progress marker (key
 * {@value UpstreamProgressHeader#MARKER_KEY}, no value, the header) that {@link ProgressPartitioner} sends to every
 * partition of the shares topic; the rule processors read the header and skip the marker.
 */
final class SharesProcessor implements Processor<String, EnrichedArticle, String, EnrichedArticle> {

    private final Function<EnrichedArticle, List<Shares.Share>> cut;
    private ProcessorContext<String, EnrichedArticle> context;
    private long lastMarker = Long.MIN_VALUE;

    SharesProcessor(Function<EnrichedArticle, List<Shares.Share>> cut) {
        this.cut = cut;
    }

    @Override
    public void init(ProcessorContext<String, EnrichedArticle> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        List<Shares.Share> shares = cut.apply(record.value());
        RecordMetadata source = context.recordMetadata().orElse(null);
        if (source == null) {
            shares.forEach(share -> context.forward(record.withKey(share.key()).withValue(share.article())));
            return;
        }
        // The task reads one partition of articles.raw, so its stream time is that partition's.
        long progress = Math.max(context.currentStreamTimeMs(), record.timestamp());
        Headers headers = UpstreamProgressHeader.stamp(record.headers(), source.partition(), progress);
        for (Shares.Share share : shares) {
            context.forward(
                    record.withKey(share.key()).withValue(share.article()).withHeaders(headers));
        }
        if (lastMarker == Long.MIN_VALUE
                || progress - lastMarker >= UpstreamProgressHeader.MARKER_INTERVAL.toMillis()) {
            lastMarker = progress;
            context.forward(
                    new Record<String, EnrichedArticle>(UpstreamProgressHeader.MARKER_KEY, null, progress, headers));
        }
    }
}
