package io.wirewatch.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirewatch.devstack.EmbeddedStack;
import io.wirewatch.ingest.IngestConfig;
import io.wirewatch.ingest.IngestService;
import io.wirewatch.ingest.publish.PublishedArticles;
import io.wirewatch.platform.http.BearerTokens;
import io.wirewatch.platform.http.HttpListener;
import io.wirewatch.schema.Topics;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A bounded, repeatable load test of {@code POST /articles}: an embedded broker and registry and a real ingest-service
 * with bearer tokens on loopback, then {@code --clients} clients posting one article per request as fast as they can
 * for {@code --seconds}, then {@code --burst-factor} times as many clients for {@code --burst-seconds}. Clients honour
 * {@code Retry-After} (at most a second) and send a refused article again. Reports per phase accepted articles a
 * second, the accept latency of 202s (p50, p99, max), and how many posts got 429 and 503; then audits
 * {@code articles.raw} read_committed: every article a 202 accepted must be there exactly once, and nothing twice.
 * Stops by itself; exit status 1 when the audit fails.
 */
@Command(
        name = "load",
        mixinStandardHelpOptions = true,
        description = "Load test of ingest's POST /articles on loopback, with an exactly-once audit of articles.raw.")
public final class IngestLoad implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--clients", description = "Clients of the steady phase (default: ${DEFAULT-VALUE}).")
    int clients = 50;

    @Option(names = "--seconds", description = "Length of the steady phase (default: ${DEFAULT-VALUE}).")
    int seconds = 60;

    @Option(
            names = "--burst-factor",
            description = "Clients of the burst, as a multiple of --clients " + "(default: ${DEFAULT-VALUE}).")
    int burstFactor = 10;

    @Option(names = "--burst-seconds", description = "Length of the burst (default: ${DEFAULT-VALUE}).")
    int burstSeconds = 10;

    @Option(
            names = "--rate-limit",
            description = "INGEST_HTTP_RATE_LIMIT: posts a second per token; each steady "
                    + "client has its own token, burst clients share them (default: ${DEFAULT-VALUE}).")
    double rateLimit = 50;

    @Option(
            names = "--article-words",
            description = "Words per article, about 7 bytes each (default: " + "${DEFAULT-VALUE}).")
    int articleWords = 450;

    @Option(names = "--partitions", description = "Partitions of articles.raw (default: ${DEFAULT-VALUE}).")
    int partitions = 2;

    /** What one phase measured. */
    public record Phase(
            String name,
            int clients,
            double seconds,
            long posts,
            long accepted,
            long status429,
            long status503,
            long otherStatus,
            long latencyP50Micros,
            long latencyP99Micros,
            long latencyMaxMicros) {

        public double acceptedPerSecond() {
            return accepted / seconds;
        }
    }

    /**
     * The whole run: phases, and the audit of {@code articles.raw}.
     *
     * @param unconfirmed articles in the topic that no 202 confirmed (refused with 503 after being sent, then kept)
     */
    public record Result(
            List<Phase> phases,
            long acceptedIds,
            long copiesInTopic,
            long missing,
            long duplicated,
            long unconfirmed,
            double loadBefore,
            double loadAfter) {

        public boolean auditPassed() {
            return missing == 0 && duplicated == 0;
        }
    }

    @Override
    public Integer call() throws Exception {
        Result result = run();
        print(result);
        return result.auditPassed() ? 0 : 1;
    }

    /** Runs both phases and the audit. */
    public Result run() throws Exception {
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Map<String, String> tokens = new LinkedHashMap<>();
        for (int i = 0; i < clients; i++) {
            tokens.put("client-" + i, "load-test-token-" + String.format("%04d", i) + "-0123456789abcdef");
        }
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        List<Phase> phases = new ArrayList<>();
        Map<String, Integer> copies = new HashMap<>();
        try (EmbeddedStack stack = EmbeddedStack.start()) {
            Topics topics = Topics.create(stack.clusterConfig().serdeConfig(), "load-");
            stack.createTopics(
                    partitions,
                    Map.of("retention.ms", "-1"),
                    topics.articlesRaw().name(),
                    topics.deadLetters().name());
            IngestConfig config = IngestConfig.defaults(stack.clusterConfig())
                    .withTopicPrefix("load-")
                    .withHttpPort(0)
                    .withHttpRateLimit(rateLimit)
                    .withHttpListener(HttpListener.loopback().withTokens(BearerTokens.of(tokens)));
            try (IngestService ingest = IngestService.start(config)) {
                URI uri = URI.create("http://127.0.0.1:" + ingest.httpPort() + "/articles");
                List<String> tokenList = List.copyOf(tokens.values());
                phases.add(phase("steady", uri, tokenList, clients, Duration.ofSeconds(seconds), accepted));
                phases.add(phase(
                        "burst x" + burstFactor,
                        uri,
                        tokenList,
                        clients * burstFactor,
                        Duration.ofSeconds(burstSeconds),
                        accepted));
            }
            PublishedArticles.readAll(
                    stack.clusterConfig().kafkaProperties(),
                    topics.articlesRaw(),
                    "load-audit",
                    article -> copies.merge(article.getId(), 1, Integer::sum));
        }
        long missing = accepted.stream().filter(id -> !copies.containsKey(id)).count();
        long duplicated = copies.values().stream().filter(count -> count > 1).count();
        long unconfirmed =
                copies.keySet().stream().filter(id -> !accepted.contains(id)).count();
        long inTopic = copies.values().stream().mapToLong(Integer::longValue).sum();
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return new Result(phases, accepted.size(), inTopic, missing, duplicated, unconfirmed, loadBefore, loadAfter);
    }

    private Phase phase(
            String name, URI uri, List<String> tokens, int clientCount, Duration length, Set<String> accepted)
            throws InterruptedException {
        Histogram latency = new ConcurrentHistogram(3);
        AtomicLong posts = new AtomicLong();
        AtomicLong acceptedNow = new AtomicLong();
        AtomicLong tooMany = new AtomicLong();
        AtomicLong unavailable = new AtomicLong();
        AtomicLong other = new AtomicLong();
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        long started = System.nanoTime();
        long deadline = started + length.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clientCount; c++) {
            String token = tokens.get(c % tokens.size());
            String clientId = name.replaceAll("\\W", "") + "-" + c;
            Thread thread = new Thread(
                    () -> {
                        SplittableRandom random = new SplittableRandom(clientId.hashCode());
                        int sequence = 0;
                        String body = article(clientId + "-" + sequence, random);
                        while (System.nanoTime() < deadline) {
                            long sent = System.nanoTime();
                            HttpResponse<String> response;
                            try {
                                response = http.send(
                                        HttpRequest.newBuilder(uri)
                                                .timeout(Duration.ofSeconds(30))
                                                .header("Content-Type", "application/json")
                                                .header("Authorization", "Bearer " + token)
                                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString());
                            } catch (Exception e) {
                                other.incrementAndGet();
                                continue;
                            }
                            posts.incrementAndGet();
                            int status = response.statusCode();
                            if (status == 202) {
                                latency.recordValue(Math.max(1, (System.nanoTime() - sent) / 1_000));
                                for (JsonNode id : readTree(response.body()).path("accepted")) {
                                    accepted.add(id.asText());
                                    acceptedNow.incrementAndGet();
                                }
                                sequence++;
                                body = article(clientId + "-" + sequence, random);
                                continue;
                            }
                            (status == 429 ? tooMany : status == 503 ? unavailable : other).incrementAndGet();
                            // A polite client: wait as told (at most a second, so the phase keeps its length), then
                            // resend.
                            long wait = Math.min(
                                    1_000,
                                    1_000L
                                            * response.headers()
                                                    .firstValueAsLong("Retry-After")
                                                    .orElse(1));
                            try {
                                Thread.sleep(Math.min(wait, Math.max(0, (deadline - System.nanoTime()) / 1_000_000)));
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "load-" + clientId);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        return new Phase(
                name,
                clientCount,
                elapsed,
                posts.get(),
                acceptedNow.get(),
                tooMany.get(),
                unavailable.get(),
                other.get(),
                latency.getValueAtPercentile(50),
                latency.getValueAtPercentile(99),
                latency.getMaxValue());
    }

    private static JsonNode readTree(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException("ingest answered 202 with a body that is not JSON", e);
        }
    }

    /** One article of random lowercase words in sentences: unique, so neither a duplicate nor a near-duplicate. */
    private String article(String id, SplittableRandom random) {
        StringBuilder text = new StringBuilder(articleWords * 7);
        for (int i = 0; i < articleWords; i++) {
            int letters = 3 + random.nextInt(7);
            for (int l = 0; l < letters; l++) {
                text.append((char) ('a' + random.nextInt(26)));
            }
            text.append(i % 15 == 14 ? ". " : " ");
        }
        return "{\"id\":\"" + id + "\",\"title\":\"Load " + id + "\",\"text\":\"" + text + "\"}";
    }

    static void print(Result result) {
        System.out.printf(
                "%nIngest load test (loopback, bearer tokens, one article a post); load average %.1f before,"
                        + " %.1f after%n%n",
                result.loadBefore(), result.loadAfter());
        System.out.println(
                "| phase | clients | seconds | posts | accepted/s | 202 p50 / p99 / max | 429 | 503 | other |");
        System.out.println("|---|---:|---:|---:|---:|---|---:|---:|---:|");
        for (Phase phase : result.phases()) {
            System.out.printf(
                    "| %s | %d | %.1f | %,d | %,.0f | %.1f / %.1f / %.1f ms | %,d | %,d | %,d |%n",
                    phase.name(),
                    phase.clients(),
                    phase.seconds(),
                    phase.posts(),
                    phase.acceptedPerSecond(),
                    phase.latencyP50Micros() / 1000.0,
                    phase.latencyP99Micros() / 1000.0,
                    phase.latencyMaxMicros() / 1000.0,
                    phase.status429(),
                    phase.status503(),
                    phase.otherStatus());
        }
        System.out.printf(
                "%nAudit of articles.raw (read_committed): %,d accepted by a 202, %,d records; missing %d, "
                        + "more than once %d, kept without a 202 (sent, then answered 503) %d: %s%n",
                result.acceptedIds(),
                result.copiesInTopic(),
                result.missing(),
                result.duplicated(),
                result.unconfirmed(),
                result.auditPassed() ? "PASSED" : "FAILED");
    }
}
