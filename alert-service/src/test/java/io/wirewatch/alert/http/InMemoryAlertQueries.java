package io.wirewatch.alert.http;

import io.wirewatch.schema.Alert;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Alerts held in a map, latest version per id: serves the HTTP API in tests and in tools that have no Kafka Streams
 * store. {@link #put} keeps the newer of two versions of one id (higher revision, then later lastUpdated), as the
 * store would.
 */
public final class InMemoryAlertQueries implements AlertQueries {

    private final Map<String, Alert> alerts = new ConcurrentHashMap<>();

    /** Records a version of an alert, unless a newer version of the same id is already held. */
    public void put(Alert alert) {
        alerts.merge(alert.getId(), alert, (held, offered) -> isNewer(offered, held) ? offered : held);
    }

    /** Records several versions, in order. */
    public void putAll(List<Alert> versions) {
        versions.forEach(this::put);
    }

    @Override
    public Collection<Alert> all() {
        return List.copyOf(alerts.values());
    }

    @Override
    public Optional<Alert> byId(String id) {
        return Optional.ofNullable(alerts.get(id));
    }

    private static boolean isNewer(Alert candidate, Alert held) {
        if (candidate.getRevision() != held.getRevision()) {
            return candidate.getRevision() > held.getRevision();
        }
        return !candidate.getLastUpdated().isBefore(held.getLastUpdated());
    }
}
