package io.wirewatch.devstack.kafka;

import static io.wirewatch.devstack.kafka.EmbeddedKafkaIT.consumeAll;
import static io.wirewatch.devstack.kafka.EmbeddedKafkaIT.produce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three KRaft nodes in the production shape: topics at replication 3 with min.insync.replicas 2, so acknowledged
 * records outlive a broker killed with SIGKILL, and the returning broker catches up.
 */
class EmbeddedKafkaClusterIT {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaClusterIT.class);

    @Test
    void shouldReplicateThreeWaysAndKeepAcknowledgedRecordsWhenABrokerIsKilledAndReturns() throws Exception {
        long began = System.nanoTime();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(
                EmbeddedKafka.Options.defaults().withBrokers(3).withNodeInChildJvm(3))) {
            LOG.info("MEASURED three-node cluster start-up {} ms", (System.nanoTime() - began) / 1_000_000);
            // Given a topic created with the cluster's defaults
            kafka.createTopics(3, "replicated");
            try (Admin admin = Admin.create(kafka.clientProperties())) {
                TopicDescription topic = admin.describeTopics(List.of("replicated"))
                        .allTopicNames()
                        .get(30, TimeUnit.SECONDS)
                        .get("replicated");
                assertThat(topic.partitions())
                        .allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "replicated");
                Config config = admin.describeConfigs(List.of(resource))
                        .all()
                        .get(30, TimeUnit.SECONDS)
                        .get(resource);
                assertThat(config.get("min.insync.replicas").value()).isEqualTo("2");
            }
            assertThat(kafka.bootstrapServers().split(",")).hasSize(3);
            produce(kafka, "replicated", List.of("a", "b", "c"));

            // When node 3 is killed without a clean shutdown, records are still written on the two left
            kafka.killNode(3);
            assertThat(kafka.isRunning(3)).isFalse();
            produce(kafka, "replicated", List.of("d", "e"));

            // And it comes back and catches up
            kafka.restartNode(3);
            Duration catchUp = kafka.awaitReplicasInSync(Duration.ofSeconds(60));
            LOG.info("MEASURED killed node back in sync {} ms after its restart", catchUp.toMillis());

            // Then every acknowledged record is there, and node 3 leads again once leadership moves back to it
            assertThat(consumeAll(kafka, "replicated", 5)).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
            kafka.stopNode(1);
            assertThat(Set.copyOf(kafka.leaders("replicated"))).doesNotContain(1, -1);
            assertThat(consumeAll(kafka, "replicated", 5)).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
            assertThatThrownBy(() -> kafka.killNode(2))
                    .as("an in-process node cannot be killed")
                    .isInstanceOf(IllegalStateException.class);
        }
    }
}
