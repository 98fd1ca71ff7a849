package io.wirewatch.alert.streams;

import io.wirewatch.schema.EnrichedArticle;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Partitions a rule's repartition topic: a share goes where the producer's default partitioner sends its key (murmur2
 * of the UTF-8 key, as before this partitioner existed, so an upgraded instance finds each key's state where it was);
 * a progress marker (null value) goes to every partition, so every rule task hears from every upstream partition.
 */
final class ProgressPartitioner implements StreamPartitioner<String, EnrichedArticle> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, EnrichedArticle value, int numPartitions) {
        if (value == null && UpstreamProgress.MARKER_KEY.equals(key)) {
            return Optional.of(IntStream.range(0, numPartitions).boxed().collect(Collectors.toSet()));
        }
        return Optional.of(
                Set.of(BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), numPartitions)));
    }
}
