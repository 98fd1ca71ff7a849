package io.wirewatch.alert.streams;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The record header the alert topology writes on every alert version: {@value #INGESTED_AT}, when ingest received the
 * article that raised or updated it (epoch milliseconds, decimal ASCII), so that whoever reads the committed alert can
 * time ingest to alert without the article. The Alert contract is not changed for this: it is about the pipeline, not
 * the news.
 */
public final class AlertHeaders {

    public static final String INGESTED_AT = "wirewatch-ingested-at";

    private AlertHeaders() {}

    /** A copy of {@code headers} with {@value #INGESTED_AT} set to {@code ingestedAt} (removed when null). */
    public static Headers withIngestedAt(Headers headers, Instant ingestedAt) {
        RecordHeaders copy = new RecordHeaders(headers.toArray());
        copy.remove(INGESTED_AT);
        if (ingestedAt != null) {
            copy.add(INGESTED_AT, Long.toString(ingestedAt.toEpochMilli()).getBytes(StandardCharsets.US_ASCII));
        }
        return copy;
    }

    /** The ingest time a record carries; empty when it has none or it is not a number. */
    public static Optional<Instant> ingestedAt(Headers headers) {
        Header header = headers.lastHeader(INGESTED_AT);
        if (header == null || header.value() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    Instant.ofEpochMilli(Long.parseLong(new String(header.value(), StandardCharsets.US_ASCII))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
