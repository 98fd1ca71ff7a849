package io.wirewatch.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.platform.streams.UpstreamProgressHeader;
import io.wirewatch.schema.EnrichedArticle;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class ProgressPartitionerTest {

    private final ProgressPartitioner partitioner = new ProgressPartitioner();

    @Test
    void shouldSendAProgressMarkerToEveryPartition() {
        assertThat(partitioner.partitions("shares", UpstreamProgressHeader.MARKER_KEY, null, 6))
                .contains(Set.of(0, 1, 2, 3, 4, 5));
    }

    @Test
    void shouldSendAShareWhereTheDefaultPartitionerSendsItsKeySoThatAlertsStateStaysWhereItWas() {
        // Given the key of an event, as alert-service's own repartition topic partitioned it before
        String key = "Gulf Cooperation Council|DOWNGRADE|Syria";
        int before = BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), 6);

        // Then the share goes to that partition, and only there
        assertThat(partitioner.partitions("shares", key, new EnrichedArticle(), 6))
                .isEqualTo(Optional.of(Set.of(before)));
    }
}
