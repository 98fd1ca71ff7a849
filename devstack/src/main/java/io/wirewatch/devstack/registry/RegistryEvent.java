package io.wirewatch.devstack.registry;

import java.util.Objects;

/**
 * One change to the registry's state, as written to its log ({@code _schemas}): replaying every event in order
 * rebuilds the registry, ids included.
 */
public sealed interface RegistryEvent {

    /** A schema registered as {@code version} of {@code subject} under global {@code id}; {@code deleted} soft-deletes it. */
    record SchemaVersion(String subject, int version, int id, String schema, boolean deleted) implements RegistryEvent {
        public SchemaVersion {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(schema, "schema");
        }
    }

    /** The compatibility level of {@code subject} (null subject: the global default); null level removes a subject's own. */
    record Config(String subject, CompatibilityLevel level) implements RegistryEvent {}
}
