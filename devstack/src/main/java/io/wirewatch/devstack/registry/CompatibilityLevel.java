package io.wirewatch.devstack.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Confluent's compatibility levels, checked with Avro's own {@link SchemaCompatibility} rules. BACKWARD: consumers
 * using the new schema can read data written with the old one; FORWARD: consumers of the old schema can read data
 * written with the new one; FULL: both. The plain levels compare against the latest version only, the
 * {@code _TRANSITIVE} ones against every version.
 */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean newReadsOld;
    private final boolean oldReadsNew;
    private final boolean transitive;

    CompatibilityLevel(boolean newReadsOld, boolean oldReadsNew, boolean transitive) {
        this.newReadsOld = newReadsOld;
        this.oldReadsNew = oldReadsNew;
        this.transitive = transitive;
    }

    /** Parses a level name as Confluent spells it (case-insensitive), or returns null when it is not one. */
    public static CompatibilityLevel parse(String name) {
        if (name == null) {
            return null;
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Why {@code candidate} may not follow {@code existing} (oldest first) under this level; empty when it may.
     */
    public List<String> violations(Schema candidate, List<Schema> existing) {
        if (this == NONE || existing.isEmpty()) {
            return List.of();
        }
        List<Schema> compared = transitive ? existing : List.of(existing.get(existing.size() - 1));
        List<String> problems = new ArrayList<>();
        for (Schema old : compared) {
            if (newReadsOld) {
                describe(
                        SchemaCompatibility.checkReaderWriterCompatibility(candidate, old),
                        "new schema cannot read data written with",
                        old,
                        problems);
            }
            if (oldReadsNew) {
                describe(
                        SchemaCompatibility.checkReaderWriterCompatibility(old, candidate),
                        "old schema cannot read data written with the new one; old",
                        old,
                        problems);
            }
        }
        return problems;
    }

    /** The same check against one given version only, as {@code POST /compatibility/subjects/s/versions/v} asks. */
    public List<String> violationsAgainst(Schema candidate, Schema version) {
        return withoutTransitivity().violations(candidate, List.of(version));
    }

    private CompatibilityLevel withoutTransitivity() {
        return switch (this) {
            case BACKWARD_TRANSITIVE -> BACKWARD;
            case FORWARD_TRANSITIVE -> FORWARD;
            case FULL_TRANSITIVE -> FULL;
            default -> this;
        };
    }

    private static void describe(SchemaPairCompatibility result, String what, Schema old, List<String> problems) {
        if (result.getType() == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            return;
        }
        for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
            problems.add(what + " " + old.getFullName() + ": " + incompatibility.getType() + " at "
                    + incompatibility.getLocation() + " (" + incompatibility.getMessage() + ")");
        }
    }
}
