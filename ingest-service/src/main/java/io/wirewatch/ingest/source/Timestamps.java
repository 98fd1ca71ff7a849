package io.wirewatch.ingest.source;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reads the ISO-8601 publication times that feeds and manifests carry; a time without a zone is taken as UTC. */
public final class Timestamps {

    private Timestamps() {}

    /**
     * Parses {@code 2012-02-07T10:15:00Z}, {@code 2012-02-07T11:15:00+01:00}, {@code 2012-02-07T10:15:00} (UTC) or
     * {@code 2012-02-07} (midnight UTC).
     *
     * @param field the field name, for the message when the value is not a date-time
     */
    public static Instant parseIso8601(String value, String field) throws InputRejectedException {
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            // Try the zone-less forms next.
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notLocalDateTime) {
            // Try a bare date last.
        }
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new InputRejectedException(
                    "field '" + field + "' is not an ISO-8601 date-time: '" + abbreviate(text) + "'", e);
        }
    }

    static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
