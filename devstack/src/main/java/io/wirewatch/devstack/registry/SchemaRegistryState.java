package io.wirewatch.devstack.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * The registry's rules without HTTP: subjects and their versions, globally unique schema ids, compatibility levels.
 * Every change is first written to the {@link RegistryLog} and applied only once the log has it, so an answer never
 * names an id that a restart would forget. Rebuilt on construction by replaying the log.
 *
 * <p>Follows Confluent's semantics: the same schema gets the same id under every subject; registering a schema a
 * subject already has returns its existing id without a new version; deleting a subject is a soft delete (its ids
 * stay readable by id).
 */
public final class SchemaRegistryState {

    /** Confluent's default when neither the subject nor the global config says otherwise. */
    public static final CompatibilityLevel DEFAULT_LEVEL = CompatibilityLevel.BACKWARD;

    private final RegistryLog log;
    private final Map<Integer, String> schemasById = new HashMap<>();
    private final Map<String, Integer> idsBySchema = new HashMap<>();
    private final Map<String, TreeMap<Integer, StoredVersion>> subjects = new TreeMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel = DEFAULT_LEVEL;
    private int maxId;

    public SchemaRegistryState(RegistryLog log) {
        this.log = Objects.requireNonNull(log, "log");
        log.replay(this::apply);
    }

    /** Registers {@code schemaText} under {@code subject} and returns its global id (409 when incompatible). */
    public synchronized int register(String subject, String schemaText) {
        Schema schema = parse(schemaText);
        String canonical = schema.toString();
        Optional<StoredVersion> existing = liveVersions(subject).stream()
                .filter(v -> v.schema().equals(canonical))
                .findFirst();
        if (existing.isPresent()) {
            return existing.get().id();
        }
        List<String> violations = effectiveLevel(subject).violations(schema, liveSchemas(subject));
        if (!violations.isEmpty()) {
            throw new RegistryException(
                    409,
                    409,
                    "Schema being registered is incompatible with an earlier schema for subject '" + subject + "' ("
                            + effectiveLevel(subject) + "): " + String.join("; ", violations));
        }
        int id = idsBySchema.getOrDefault(canonical, maxId + 1);
        TreeMap<Integer, StoredVersion> all = subjects.get(subject);
        int version = all == null || all.isEmpty() ? 1 : all.lastKey() + 1;
        write(new RegistryEvent.SchemaVersion(subject, version, id, canonical, false));
        return id;
    }

    /** The version of {@code subject} holding {@code schemaText} (40401 unknown subject, 40403 not registered there). */
    public synchronized VersionView lookup(String subject, String schemaText) {
        Schema schema = parse(schemaText);
        List<StoredVersion> live = requireSubject(subject);
        String canonical = schema.toString();
        return live.stream()
                .filter(v -> v.schema().equals(canonical))
                .findFirst()
                .map(v -> view(subject, v))
                .orElseThrow(
                        () -> RegistryException.schemaNotFound("Schema not found under subject '" + subject + "'."));
    }

    /** The schema text with this id (40403 when there is none). */
    public synchronized String schemaById(int id) {
        String schema = schemasById.get(id);
        if (schema == null) {
            throw RegistryException.schemaNotFound("Schema " + id + " not found.");
        }
        return schema;
    }

    /** Subjects with at least one version that is not deleted, sorted. */
    public synchronized List<String> subjects() {
        return subjects.keySet().stream()
                .filter(s -> !liveVersions(s).isEmpty())
                .toList();
    }

    /** Version numbers of {@code subject}, ascending (40401 when it has none). */
    public synchronized List<Integer> versions(String subject) {
        return requireSubject(subject).stream().map(StoredVersion::version).toList();
    }

    /** One version, by number or {@code latest} (or -1), as Confluent accepts it. */
    public synchronized VersionView version(String subject, String versionText) {
        int requested = parseVersion(versionText);
        List<StoredVersion> live = requireSubject(subject);
        if (requested == -1) {
            return view(subject, live.get(live.size() - 1));
        }
        return live.stream()
                .filter(v -> v.version() == requested)
                .findFirst()
                .map(v -> view(subject, v))
                .orElseThrow(() -> RegistryException.versionNotFound(subject, requested));
    }

    /**
     * Why {@code schemaText} would be refused under {@code subject}: against one version when {@code versionText} is
     * given, else against the versions the subject's level names. Empty when compatible, or when the subject is new.
     */
    public synchronized List<String> compatibilityViolations(String subject, String versionText, String schemaText) {
        Schema candidate = parse(schemaText);
        CompatibilityLevel level = effectiveLevel(subject);
        if (versionText == null) {
            return level.violations(candidate, liveSchemas(subject));
        }
        VersionView against = version(subject, versionText);
        return level.violationsAgainst(candidate, new Schema.Parser().parse(against.schema()));
    }

    public synchronized CompatibilityLevel globalLevel() {
        return globalLevel;
    }

    public synchronized void setGlobalLevel(CompatibilityLevel level) {
        write(new RegistryEvent.Config(null, Objects.requireNonNull(level)));
    }

    /** The subject's own level, if it has one (the global level applies otherwise). */
    public synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    public synchronized void setSubjectLevel(String subject, CompatibilityLevel level) {
        write(new RegistryEvent.Config(subject, Objects.requireNonNull(level)));
    }

    /** Removes the subject's own level and returns it (40408 when it had none). */
    public synchronized CompatibilityLevel deleteSubjectLevel(String subject) {
        CompatibilityLevel previous = subjectLevels.get(subject);
        if (previous == null) {
            throw noSubjectLevel(subject);
        }
        write(new RegistryEvent.Config(subject, null));
        return previous;
    }

    /** Soft-deletes every version of {@code subject}; returns their numbers. Ids stay readable by id. */
    public synchronized List<Integer> deleteSubject(String subject) {
        List<StoredVersion> live = requireSubject(subject);
        for (StoredVersion v : live) {
            write(new RegistryEvent.SchemaVersion(subject, v.version(), v.id(), v.schema(), true));
        }
        return live.stream().map(StoredVersion::version).toList();
    }

    static RegistryException noSubjectLevel(String subject) {
        return new RegistryException(
                404, 40408, "Subject '" + subject + "' does not have subject-level compatibility configured");
    }

    private CompatibilityLevel effectiveLevel(String subject) {
        return subjectLevels.getOrDefault(subject, globalLevel);
    }

    private void write(RegistryEvent event) {
        try {
            log.append(event);
        } catch (RegistryException e) {
            throw e;
        } catch (RuntimeException e) {
            throw RegistryException.storeFailure(e.getMessage(), e);
        }
        apply(event);
    }

    private void apply(RegistryEvent event) {
        if (event instanceof RegistryEvent.SchemaVersion v) {
            schemasById.put(v.id(), v.schema());
            idsBySchema.putIfAbsent(v.schema(), v.id());
            maxId = Math.max(maxId, v.id());
            subjects.computeIfAbsent(v.subject(), s -> new TreeMap<>())
                    .put(v.version(), new StoredVersion(v.version(), v.id(), v.schema(), v.deleted()));
        } else if (event instanceof RegistryEvent.Config c) {
            if (c.subject() == null) {
                globalLevel = c.level() == null ? DEFAULT_LEVEL : c.level();
            } else if (c.level() == null) {
                subjectLevels.remove(c.subject());
            } else {
                subjectLevels.put(c.subject(), c.level());
            }
        }
    }

    private List<StoredVersion> liveVersions(String subject) {
        TreeMap<Integer, StoredVersion> all = subjects.get(subject);
        if (all == null) {
            return List.of();
        }
        List<StoredVersion> live = new ArrayList<>();
        all.values().stream().filter(v -> !v.deleted()).forEach(live::add);
        return live;
    }

    private List<Schema> liveSchemas(String subject) {
        return liveVersions(subject).stream()
                .map(v -> new Schema.Parser().parse(v.schema()))
                .toList();
    }

    private List<StoredVersion> requireSubject(String subject) {
        List<StoredVersion> live = liveVersions(subject);
        if (live.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return live;
    }

    private static VersionView view(String subject, StoredVersion v) {
        return new VersionView(subject, v.version(), v.id(), v.schema());
    }

    private static int parseVersion(String text) {
        if (text == null) {
            throw RegistryException.invalidVersion("null");
        }
        if (text.equalsIgnoreCase("latest")) {
            return -1;
        }
        try {
            int version = Integer.parseInt(text.trim());
            if (version == -1 || version >= 1) {
                return version;
            }
        } catch (NumberFormatException e) {
            // Falls through to the 42202 answer below, which names the bad value.
        }
        throw RegistryException.invalidVersion(text);
    }

    /** Parses Avro schema text; anything Avro rejects becomes Confluent's 42201. */
    static Schema parse(String schemaText) {
        if (schemaText == null || schemaText.isBlank()) {
            throw RegistryException.invalidSchema("the request has no schema");
        }
        try {
            return new Schema.Parser().parse(schemaText);
        } catch (RuntimeException e) {
            throw RegistryException.invalidSchema(e.getMessage());
        }
    }

    /** One registered version as the REST API shows it. */
    public record VersionView(String subject, int version, int id, String schema) {}

    private record StoredVersion(int version, int id, String schema, boolean deleted) {}
}
