package io.wirewatch.bench.e2e;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * How many requests of each kind the in-process broker served between two snapshots, from its own JMX meters
 * ({@code kafka.network:type=RequestMetrics,name=RequestsPerSec,request=...}): the broker's CPU follows the requests
 * (produce, fetch, and the transaction protocol's), so this says what an exactly-once pipeline asks of it.
 */
final class BrokerRequests {

    private BrokerRequests() {}

    /** Requests served so far, by request name (summed over versions). */
    static Map<String, Long> snapshot() {
        Map<String, Long> counts = new TreeMap<>();
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            for (ObjectName name : server.queryNames(
                    new ObjectName("kafka.network:type=RequestMetrics,name=RequestsPerSec,*"), null)) {
                Object count = server.getAttribute(name, "Count");
                if (count instanceof Number number) {
                    counts.merge(name.getKeyProperty("request"), number.longValue(), Long::sum);
                }
            }
        } catch (Exception e) {
            // no broker meters in this JVM: nothing to report
        }
        return counts;
    }

    /** Requests per published article between the snapshots, busiest kinds first. */
    static String perArticle(Map<String, Long> before, Map<String, Long> after, int articles) {
        StringBuilder line = new StringBuilder();
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> line.append(String.format(
                        Locale.ROOT,
                        "%s %d (%.2f), ",
                        e.getKey(),
                        e.getValue(),
                        e.getValue() / (double) Math.max(1, articles))));
        return line.length() == 0 ? "none" : line.substring(0, line.length() - 2);
    }
}
