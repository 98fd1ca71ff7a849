package io.wirewatch.platform.health;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Optional;

/**
 * What a service's {@code GET /metrics} serves: its Micrometer meters (dead letters by topic and reason, HTTP, Kafka
 * client metrics) rendered by Micrometer's Prometheus registry in the Prometheus text format, so that a Prometheus
 * server or any agent speaking that format can scrape them.
 */
public final class PrometheusMetrics {

    /** The content type of {@link PrometheusMeterRegistry#scrape()}: Prometheus text exposition format 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusMetrics() {}

    /** A fresh registry for a service started without one. */
    public static PrometheusMeterRegistry newRegistry() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    /**
     * The Prometheus view of {@code registry}: the registry itself when it is a Prometheus one; within a composite
     * (such as Micrometer's global registry) the Prometheus member, added to the composite when there is none, which
     * then receives every meter the composite holds or will hold; empty for any other registry (a test's
     * SimpleMeterRegistry), which has no Prometheus rendering.
     */
    public static Optional<PrometheusMeterRegistry> scrapeable(MeterRegistry registry) {
        if (registry instanceof PrometheusMeterRegistry prometheus) {
            return Optional.of(prometheus);
        }
        if (registry instanceof CompositeMeterRegistry composite) {
            synchronized (composite) {
                for (MeterRegistry member : composite.getRegistries()) {
                    if (member instanceof PrometheusMeterRegistry prometheus) {
                        return Optional.of(prometheus);
                    }
                }
                PrometheusMeterRegistry added = newRegistry();
                composite.add(added);
                return Optional.of(added);
            }
        }
        return Optional.empty();
    }
}
