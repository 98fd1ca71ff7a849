package io.wirewatch.enrich;

import io.wirewatch.platform.streams.UpstreamProgressHeader;
import io.wirewatch.schema.EnrichedArticle;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Partitions a shares topic: a share goes where the producer's default partitioner sends its key (murmur2 of the UTF-8
 * key, as alert-service's own repartition topics did before enrich cut the shares, so that an upgraded alert-service
 * finds each key's state in the changelog partition it was in); a progress marker goes to every partition, so that
 * every rule task hears from every upstream partition.
 */
final class ProgressPartitioner implements StreamPartitioner<String, EnrichedArticle> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, EnrichedArticle value, int numPartitions) {
        if (UpstreamProgressHeader.isMarker(key, value)) {
            return Optional.of(IntStream.range(0, numPartitions).boxed().collect(Collectors.toSet()));
        }
        return Optional.of(
                Set.of(BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), numPartitions)));
    }
}
