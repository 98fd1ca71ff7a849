package io.wirewatch.devstack.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates topics and waits until every partition has a leader, so that a producer or Streams application started
 * right after sees them. Creating a topic that already exists is not an error: tests, the launcher and the registry
 * all call this on start, in any order.
 */
public final class TopicAdmin implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final Admin admin;
    private final Duration timeout;

    private TopicAdmin(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /** An admin client for the cluster the given client properties (at least {@code bootstrap.servers}) point at. */
    public static TopicAdmin connect(Map<String, Object> kafkaProperties) {
        Map<String, Object> props = new HashMap<>(kafkaProperties);
        props.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "wirewatch-topic-admin");
        return new TopicAdmin(Admin.create(props), DEFAULT_TIMEOUT);
    }

    /**
     * Creates each named topic with {@code partitions} partitions, the cluster's default replication factor
     * ({@code default.replication.factor}: 1 on a single broker, 3 on a production cluster) and default configs.
     */
    public void createTopics(int partitions, String... names) {
        List<TopicSpec> specs = new ArrayList<>();
        for (String name : names) {
            specs.add(new TopicSpec(name, partitions, TopicSpec.CLUSTER_DEFAULT_REPLICATION, Map.of()));
        }
        createTopics(specs);
    }

    /** Creates the topics that do not exist yet and waits until all of them (old and new) have leaders. */
    public void createTopics(Collection<TopicSpec> specs) {
        if (specs.isEmpty()) {
            return;
        }
        List<NewTopic> newTopics = specs.stream()
                .map(spec -> new NewTopic(
                                spec.name(),
                                Optional.of(spec.partitions()),
                                spec.replicationFactor() == TopicSpec.CLUSTER_DEFAULT_REPLICATION
                                        ? Optional.empty()
                                        : Optional.of(spec.replicationFactor()))
                        .configs(spec.configs()))
                .toList();
        admin.createTopics(newTopics).values().forEach((name, future) -> {
            try {
                future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                LOG.info("Created topic {}", name);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new KafkaException(
                            "Could not create topic '" + name + "': "
                                    + e.getCause().getMessage(),
                            e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaException("Interrupted while creating topic '" + name + "'", e);
            } catch (TimeoutException e) {
                throw new KafkaException("Topic '" + name + "' was not created within " + timeout, e);
            }
        });
        awaitLeaders(specs.stream().map(TopicSpec::name).toList());
    }

    /** Blocks until every partition of every named topic has a leader, or fails after the timeout. */
    public void awaitLeaders(Collection<String> names) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long backoffMillis = 10;
        while (true) {
            try {
                Map<String, TopicDescription> descriptions = admin.describeTopics(Set.copyOf(names))
                        .allTopicNames()
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                boolean allLed = descriptions.values().stream()
                        .allMatch(d -> d.partitions().stream()
                                .allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
                if (allLed) {
                    awaitServing(descriptions.values());
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw new KafkaException(
                            "Could not describe topics " + names + ": "
                                    + e.getCause().getMessage(),
                            e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaException("Interrupted while waiting for topics " + names, e);
            } catch (TimeoutException e) {
                throw new KafkaException("Topics " + names + " not described within " + timeout, e);
            }
            if (System.nanoTime() > deadline) {
                throw new KafkaException("Topics " + names + " have no leader after " + timeout);
            }
            // Metadata reaches the broker a few milliseconds after the controller answers; poll with a short backoff.
            sleepQuietly(backoffMillis);
            backoffMillis = Math.min(backoffMillis * 2, 200);
        }
    }

    /**
     * Blocks until each partition's leader answers for it. The metadata names a leader a moment before that broker has
     * the partition online; an idempotent producer whose first batch meets that gap (NOT_LEADER_OR_FOLLOWER) while
     * its next batches are accepted can then retry the first one forever (OUT_OF_ORDER_SEQUENCE_NUMBER: seen in a
     * bench e2e run on a loaded machine). Listing offsets goes to the leader and retries until it serves.
     */
    private void awaitServing(Collection<TopicDescription> descriptions)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        descriptions.forEach(d -> d.partitions()
                .forEach(p -> partitions.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
        admin.listOffsets(partitions).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The names of all topics on the cluster, internal ones excluded. */
    public Set<String> listTopics() {
        try {
            return admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new KafkaException("Could not list topics: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while listing topics", e);
        } catch (TimeoutException e) {
            throw new KafkaException("Topics not listed within " + timeout, e);
        }
    }

    /** The underlying admin client, for anything else. */
    public Admin admin() {
        return admin;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while waiting for topic metadata", e);
        }
    }

    /**
     * One topic to create: name, partitions, replication factor ({@link #CLUSTER_DEFAULT_REPLICATION} for the
     * cluster's {@code default.replication.factor}) and topic-level configs.
     */
    public record TopicSpec(String name, int partitions, short replicationFactor, Map<String, String> configs) {
        /** Leaves the replication factor to the cluster, so the same code runs on one broker and on three. */
        public static final short CLUSTER_DEFAULT_REPLICATION = -1;

        public TopicSpec {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("Topic name must not be blank");
            }
            if (partitions < 1) {
                throw new IllegalArgumentException(
                        "Topic '" + name + "' needs at least one partition, got " + partitions);
            }
            if (replicationFactor < 1 && replicationFactor != CLUSTER_DEFAULT_REPLICATION) {
                throw new IllegalArgumentException(
                        "Topic '" + name + "' needs replication factor >= 1, got " + replicationFactor);
            }
            configs = Map.copyOf(configs);
        }
    }
}
