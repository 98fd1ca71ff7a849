package io.wirewatch.launcher.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.platform.config.ClusterConfig;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AlertStatus;
import io.wirewatch.schema.DeadLetter;
import io.wirewatch.schema.Topic;
import io.wirewatch.schema.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What a pipeline run left in its topics, read back with read_committed consumers from the beginning to the last
 * stable offset: every committed article, enriched article and alert version, so a test can count what was lost and
 * what was duplicated.
 *
 * @param raw      how many committed records of {@code articles.raw} carry each article id
 * @param enriched how many committed records of {@code articles.enriched} carry each article id
 * @param shares   how many committed shares (progress markers aside) each topic, key and article id has: alert's rules
 *                 ignore an article's second share, so a duplicate here would not show in the alerts
 * @param alerts      every committed alert version, in no particular order across partitions
 * @param deadLetters every committed dead letter: an article a service gave up on is an article lost to the alerts
 */
record ExactlyOnceAudit(
        Map<String, Integer> raw,
        Map<String, Integer> enriched,
        Map<String, Integer> shares,
        List<Alert> alerts,
        List<DeadLetter> deadLetters) {

    private static final Duration READ_PATIENCE = Duration.ofSeconds(30);

    static ExactlyOnceAudit read(ClusterConfig cluster, Topics topics) {
        return new ExactlyOnceAudit(
                countBy(
                        readAll(cluster, topics.articlesRaw()),
                        record -> record.value().getId()),
                countBy(
                        readAll(cluster, topics.articlesEnriched()),
                        record -> record.value().getArticleId()),
                countBy(
                        Stream.of(topics.diplomaticByEvent(), topics.casualtiesByPlace())
                                .flatMap(topic -> readAll(cluster, topic).stream())
                                .filter(record -> record.value() != null)
                                .toList(),
                        record -> record.topic() + " " + record.key() + " "
                                + record.value().getArticleId()),
                readAll(cluster, topics.alerts()).stream()
                        .map(ConsumerRecord::value)
                        .toList(),
                readAll(cluster, topics.deadLetters()).stream()
                        .map(ConsumerRecord::value)
                        .toList());
    }

    /** Published article ids that never reached {@code articles.enriched}. */
    Set<String> notEnriched() {
        Set<String> missing = new TreeSet<>(raw.keySet());
        missing.removeAll(enriched.keySet());
        return missing;
    }

    /** Records of {@code articles.enriched} beyond the first for each article id, plus any of unknown articles. */
    int duplicateEnrichments() {
        return enriched.entrySet().stream()
                .mapToInt(e -> raw.containsKey(e.getKey()) ? e.getValue() - 1 : e.getValue())
                .sum();
    }

    /** Alert versions beyond the first of each (alert id, revision). */
    int duplicateAlertVersions() {
        return alerts.size()
                - (int) alerts.stream()
                        .map(a -> a.getId() + "#" + a.getRevision())
                        .distinct()
                        .count();
    }

    /** Alert ids whose revisions have a gap: a version that was lost between the first and the latest. */
    Set<String> alertsWithMissingRevisions() {
        Map<String, TreeSet<Integer>> revisions = alerts.stream()
                .collect(Collectors.groupingBy(
                        Alert::getId,
                        TreeMap::new,
                        Collectors.mapping(Alert::getRevision, Collectors.toCollection(TreeSet::new))));
        return revisions.entrySet().stream()
                .filter(e -> e.getValue().last() - e.getValue().first() + 1
                        != e.getValue().size())
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** How many NEW versions each alert id has: exactly one when nothing was lost or raised twice. */
    Map<String, Long> newVersionsPerAlert() {
        Map<String, Long> counts = new TreeMap<>();
        alerts.forEach(a -> counts.merge(a.getId(), a.getStatus() == AlertStatus.NEW ? 1L : 0L, Long::sum));
        return counts;
    }

    /** One line for the test log and the report: what was replayed, lost and duplicated. */
    String summary(List<String> expectedIds) {
        Set<String> lostRaw = new TreeSet<>(expectedIds);
        lostRaw.removeAll(raw.keySet());
        int duplicateRaw = raw.values().stream().mapToInt(n -> n - 1).sum();
        long alertIds = alerts.stream().map(Alert::getId).distinct().count();
        return String.format(
                "articles expected %d, published %d (lost %d, duplicated %d), enriched %d (lost %d, "
                        + "duplicated %d), alerts %d ids / %d versions (duplicated versions %d, ids with a lost revision %d), "
                        + "dead letters %d",
                expectedIds.size(),
                raw.size(),
                lostRaw.size(),
                duplicateRaw,
                enriched.size(),
                notEnriched().size(),
                duplicateEnrichments(),
                alertIds,
                alerts.size(),
                duplicateAlertVersions(),
                alertsWithMissingRevisions().size(),
                deadLetters.size());
    }

    /**
     * Every expected article published once and enriched once; every alert raised once (one NEW) and each of its
     * versions present once with no gap; and the run did raise and update alerts, so there was something to lose.
     */
    void assertExactlyOnce(ReliabilityCorpus corpus) {
        Map<String, Integer> once = corpus.ids().stream().collect(Collectors.toMap(Function.identity(), id -> 1));
        assertThat(raw)
                .as("articles.raw: each generated article published exactly once")
                .isEqualTo(once);
        assertThat(enriched)
                .as("articles.enriched: each published article enriched exactly once")
                .isEqualTo(once);
        assertThat(shares)
                .as("shares of each article on articles.diplomatic-by-event and articles.casualties-by-place")
                .isNotEmpty()
                .allSatisfy((share, count) -> assertThat(count).as(share).isEqualTo(1));
        assertThat(deadLetters).as("dead letters (input a service gave up on)").isEmpty();
        assertThat(duplicateAlertVersions())
                .as("alert versions seen more than once")
                .isZero();
        assertThat(newVersionsPerAlert())
                .as("NEW versions per alert id")
                .allSatisfy((id, news) ->
                        assertThat(news).as("NEW versions of %s", id).isEqualTo(1L));
        assertThat(alertsWithMissingRevisions())
                .as("alerts with a lost revision")
                .isEmpty();
        assertThat(alerts.stream()
                        .filter(a -> a.getId().startsWith("dip-"))
                        .map(Alert::getId)
                        .distinct()
                        .count())
                .as("one diplomatic alert per generated move")
                .isEqualTo(corpus.diplomaticEvents());
        assertThat(alerts.stream()
                        .filter(a -> a.getId().startsWith("cas-"))
                        .map(Alert::getId)
                        .distinct()
                        .count())
                .as("casualty spikes raised")
                .isPositive();
        assertThat(alerts)
                .as("alerts updated by corroborating reports")
                .anySatisfy(alert -> assertThat(alert.getStatus()).isNotEqualTo(AlertStatus.NEW));
    }

    private static <V> List<ConsumerRecord<String, V>> readAll(ClusterConfig cluster, Topic<String, V> topic) {
        Map<String, Object> props = new HashMap<>(cluster.kafkaProperties());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(
                props, new StringDeserializer(), topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // For a read_committed consumer the end offsets are the last stable offsets.
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + READ_PATIENCE.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Could not read " + topic.name() + " to its end within " + READ_PATIENCE);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static <V> Map<String, Integer> countBy(
            List<ConsumerRecord<String, V>> records, Function<ConsumerRecord<String, V>, String> id) {
        Map<String, Integer> counts = new TreeMap<>();
        records.forEach(record -> counts.merge(id.apply(record), 1, Integer::sum));
        return counts;
    }
}
