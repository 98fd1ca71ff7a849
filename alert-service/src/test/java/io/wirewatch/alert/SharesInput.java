package io.wirewatch.alert;

import io.wirewatch.alert.rules.Shares;
import io.wirewatch.enrich.EnrichTopology;
import io.wirewatch.platform.streams.UpstreamProgressHeader;
import io.wirewatch.schema.EnrichedArticle;
import io.wirewatch.schema.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Feeds an alert topology in a TopologyTestDriver as enrich-service feeds it: each enriched article cut into the
 * rules' shares ({@link EnrichTopology#RULE_SHARES}, or another cut) on the two shares topics, keyed by event and
 * place, each stamped with the {@link UpstreamProgressHeader} of one upstream partition, and a progress marker to both
 * topics on the first article and whenever that partition's stream time has moved {@link
 * UpstreamProgressHeader#MARKER_INTERVAL} on, after the article's shares, as enrich's shares processor sends them
 * (enrich-service's EnrichTopologyTest checks that processor's output itself).
 */
public final class SharesInput {

    private final TestInputTopic<String, EnrichedArticle> diplomatic;
    private final TestInputTopic<String, EnrichedArticle> casualties;
    private final EnrichTopology.ShareCuts cuts;
    /** Per upstream partition: its stream time, and the progress its last marker reported. */
    private final long[] progress;

    private final long[] lastMarker;

    /** With the rules' shares, from one upstream partition (0). */
    public SharesInput(TopologyTestDriver driver, Topics topics) {
        this(driver, topics, EnrichTopology.RULE_SHARES, 1);
    }

    public SharesInput(TopologyTestDriver driver, Topics topics, EnrichTopology.ShareCuts cuts, int partitions) {
        var serializer = topics.diplomaticByEvent().valueSerde().serializer();
        this.diplomatic =
                driver.createInputTopic(topics.diplomaticByEvent().name(), new StringSerializer(), serializer);
        this.casualties =
                driver.createInputTopic(topics.casualtiesByPlace().name(), new StringSerializer(), serializer);
        this.cuts = cuts;
        this.progress = new long[partitions];
        this.lastMarker = new long[partitions];
        java.util.Arrays.fill(progress, Long.MIN_VALUE);
        java.util.Arrays.fill(lastMarker, Long.MIN_VALUE);
    }

    /**
     * The article's shares as enrich-service writes them to a real cluster, for tests that produce them themselves:
     * keyed by event and place, at the article's publication time (the default partitioner places a keyed record as
     * enrich's does). Without the progress header, which then holds nothing back.
     */
    public static List<ProducerRecord<String, EnrichedArticle>> records(Topics topics, EnrichedArticle article) {
        long time = article.getPublishedAt().toEpochMilli();
        List<ProducerRecord<String, EnrichedArticle>> records = new ArrayList<>();
        EnrichTopology.ShareCuts cuts = EnrichTopology.RULE_SHARES;
        cuts.diplomatic()
                .apply(article)
                .forEach(share -> records.add(new ProducerRecord<>(
                        topics.diplomaticByEvent().name(), null, time, share.key(), share.article())));
        cuts.casualties()
                .apply(article)
                .forEach(share -> records.add(new ProducerRecord<>(
                        topics.casualtiesByPlace().name(), null, time, share.key(), share.article())));
        return records;
    }

    /** The article's shares with {@code time} as record time, as upstream partition 0 sends them. */
    public void pipe(EnrichedArticle article, Instant time) {
        pipe(0, article, time.toEpochMilli());
    }

    /** The article's shares with its publication time as record time, as upstream partition 0 sends them. */
    public void pipe(EnrichedArticle article) {
        pipe(article, article.getPublishedAt());
    }

    /** The article's shares with {@code time} as record time, as upstream {@code partition} sends them. */
    public void pipe(int partition, EnrichedArticle article, long time) {
        progress[partition] = Math.max(progress[partition], time);
        Headers headers = UpstreamProgressHeader.stamp(new RecordHeaders(), partition, progress[partition]);
        pipe(diplomatic, cuts.diplomatic(), article, headers, time);
        pipe(casualties, cuts.casualties(), article, headers, time);
        if (lastMarker[partition] == Long.MIN_VALUE
                || progress[partition] - lastMarker[partition] >= UpstreamProgressHeader.MARKER_INTERVAL.toMillis()) {
            lastMarker[partition] = progress[partition];
            for (TestInputTopic<String, EnrichedArticle> topic : List.of(diplomatic, casualties)) {
                topic.pipeInput(
                        new TestRecord<>(UpstreamProgressHeader.MARKER_KEY, null, headers, progress[partition]));
            }
        }
    }

    private static void pipe(
            TestInputTopic<String, EnrichedArticle> topic,
            Function<EnrichedArticle, List<Shares.Share>> cut,
            EnrichedArticle article,
            Headers headers,
            long time) {
        for (Shares.Share share : cut.apply(article)) {
            topic.pipeInput(new TestRecord<>(share.key(), share.article(), headers, time));
        }
    }
}
