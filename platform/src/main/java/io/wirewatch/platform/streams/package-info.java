/**
 * Dead-letter routing for Kafka Streams services: a record that cannot be read or processed is written to the
 * dead-letter topic, with the reason, in the same exactly-once transaction as the service's good output, and the
 * stream goes on.
 *
 * <p>How a service uses it:
 * <ol>
 *   <li>Consume each input topic with byte-array values ({@link io.wirewatch.platform.streams.DeadLetterRouter#consumed}),
 *       so that no bad value can fail inside the Kafka consumer, where it would stop the stream thread.</li>
 *   <li>Build one {@link io.wirewatch.platform.streams.DeadLetterRouter} per service with the dead-letter topic, its
 *       serde and a function turning a {@link io.wirewatch.serde.FailedRecord} into the dead-letter value
 *       (for Wirewatch, {@code io.wirewatch.schema.DeadLetters#fromFailedRecord}; the platform does not depend on the
 *       contract, which is why the router is generic in the dead-letter type).</li>
 *   <li>Call {@link io.wirewatch.platform.streams.DeadLetterRouter#decode} to get a typed stream of the values that
 *       decoded, or {@link io.wirewatch.platform.streams.DeadLetterRouter#decodeAndProcess} to also run the service's
 *       pure function on them, so that an exception thrown by that function dead-letters the record too, with the
 *       original bytes.</li>
 *   <li>Where failures arise later, e.g. in a stateful processor, emit {@link io.wirewatch.platform.streams.Decoded}
 *       values (a failure built with {@link io.wirewatch.platform.streams.DeadLetterRouter#failedRecord} from the context's
 *       {@code recordMetadata()}) and pass the stream to
 *       {@link io.wirewatch.platform.streams.DeadLetterRouter#routeFailures}; or send a stream of
 *       {@code FailedRecord}s straight to {@link io.wirewatch.platform.streams.DeadLetterRouter#sendToDeadLetters}.</li>
 * </ol>
 *
 * <p>What becomes a dead letter ({@link io.wirewatch.serde.FailureKind}): a null value (tombstone), a
 * value the deserializer rejects (not the Avro wire format, unknown schema id, a record of another type), and an
 * exception or a null result from the processing function. Each dead letter increments the Micrometer counter
 * {@value io.wirewatch.platform.streams.DeadLetterRouter#METER_NAME} tagged {@code service}, {@code topic},
 * {@code reason} (the failure kind) and {@code error} (the exception's simple class name, or {@code none}).
 */
package io.wirewatch.platform.streams;
