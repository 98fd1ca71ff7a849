package io.wirewatch.serde;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * A registry held in memory, for {@code mock://scope} URLs in TopologyTestDriver tests. Each scope is an
 * independent registry; the same scope name returns the same instance, so a serializer and a deserializer
 * configured with {@code mock://x} see each other's schemas. Compatibility is BACKWARD, as by default in Confluent.
 */
public final class InMemorySchemaRegistry implements SchemaRegistryClient {

    private static final Map<String, InMemorySchemaRegistry> SCOPES = new ConcurrentHashMap<>();

    private final Map<String, List<SchemaVersion>> versionsBySubject = new LinkedHashMap<>();
    private final Map<Integer, Schema> schemasById = new LinkedHashMap<>();
    private final Map<String, Integer> idsByCanonicalSchema = new LinkedHashMap<>();

    /** The registry of one {@code mock://} scope, created on first use. */
    public static InMemorySchemaRegistry scope(String scope) {
        return SCOPES.computeIfAbsent(scope, s -> new InMemorySchemaRegistry());
    }

    /** Forgets a scope, so that the next test starts from an empty registry. */
    public static void dropScope(String scope) {
        SCOPES.remove(scope);
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        Optional<Integer> existing = lookup(subject, schema);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (!isCompatible(subject, schema)) {
            throw new SchemaRegistryException(
                    "Schema being registered is incompatible with an earlier schema for subject '" + subject + "'",
                    409,
                    409);
        }
        String canonical = schema.toString();
        int id = idsByCanonicalSchema.computeIfAbsent(canonical, c -> {
            int next = schemasById.size() + 1;
            schemasById.put(next, schema);
            return next;
        });
        List<SchemaVersion> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        versions.add(new SchemaVersion(subject, versions.size() + 1, id, schema));
        return id;
    }

    @Override
    public synchronized Optional<Integer> lookup(String subject, Schema schema) {
        String canonical = schema.toString();
        return versionsBySubject.getOrDefault(subject, List.of()).stream()
                .filter(v -> v.schema().toString().equals(canonical))
                .map(SchemaVersion::id)
                .findFirst();
    }

    @Override
    public synchronized Schema getById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaRegistryException("Schema " + id + " not found", 404, 40403);
        }
        return schema;
    }

    @Override
    public synchronized SchemaVersion latest(String subject) {
        List<SchemaVersion> versions = versionsBySubject.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw new SchemaRegistryException("Subject '" + subject + "' not found.", 404, 40401);
        }
        return versions.get(versions.size() - 1);
    }

    @Override
    public synchronized boolean isCompatible(String subject, Schema schema) {
        List<SchemaVersion> versions = versionsBySubject.get(subject);
        if (versions == null || versions.isEmpty()) {
            return true;
        }
        Schema previous = versions.get(versions.size() - 1).schema();
        return SchemaCompatibility.checkReaderWriterCompatibility(schema, previous)
                        .getType()
                == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
    }

    @Override
    public synchronized List<String> subjects() {
        return List.copyOf(versionsBySubject.keySet());
    }
}
