package io.wirewatch.serde;

import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/** The part of the Confluent Schema Registry API the serdes and services need. */
public interface SchemaRegistryClient {

    /** Registers {@code schema} under {@code subject} (or finds it registered) and returns its global id. */
    int register(String subject, Schema schema);

    /** The id of {@code schema} under {@code subject}, if it is registered there. */
    Optional<Integer> lookup(String subject, Schema schema);

    /** The schema with this global id. */
    Schema getById(int id);

    /** The newest version registered under {@code subject}. */
    SchemaVersion latest(String subject);

    /** Whether {@code schema} may be registered next under {@code subject} by the subject's compatibility rule. */
    boolean isCompatible(String subject, Schema schema);

    /** All subjects. */
    List<String> subjects();

    /** One registered version of a subject. */
    record SchemaVersion(String subject, int version, int id, Schema schema) {}
}
