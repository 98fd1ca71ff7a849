package io.wirewatch.launcher;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a Kafka Streams application (a consumer group) is behind its input: the committed end of each input
 * and repartition topic minus what the group has committed. Zero everywhere means nothing is in flight.
 */
public final class ConsumerLag {

    private ConsumerLag() {}

    /**
     * Records not yet consumed and committed by {@code groupId} on {@code topics} plus the group's own repartition
     * topics ({@code <groupId>-...-repartition}). Streams' application id is its group id.
     */
    public static long of(Admin admin, String groupId, List<String> topics) throws InterruptedException {
        try {
            List<String> all = new ArrayList<>(topics);
            for (String name : admin.listTopics().names().get(10, TimeUnit.SECONDS)) {
                if (name.startsWith(groupId + "-") && name.endsWith("-repartition")) {
                    all.add(name);
                }
            }
            Map<String, TopicDescription> descriptions =
                    admin.describeTopics(all).allTopicNames().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            descriptions
                    .values()
                    .forEach(d -> d.partitions()
                            .forEach(
                                    p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            // read_committed: the last stable offset, so open or aborted transactions do not count as work to do.
            var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .all()
                    .get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS);
            long lag = 0;
            for (var end : ends.entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                long position = done == null ? 0 : done.offset();
                lag += Math.max(0, end.getValue().offset() - position);
            }
            return lag;
        } catch (ExecutionException | TimeoutException e) {
            // Unknown yet (group not formed, topic being created): treat as busy, never as idle.
            return Long.MAX_VALUE;
        }
    }
}
