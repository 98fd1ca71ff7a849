package io.wirewatch.serde;

import java.util.Locale;

/** Why a record was dead-lettered, coarse enough to tag a metric with. */
public enum FailureKind {
    /** The record had no value (a tombstone), which no Wirewatch input topic expects. */
    NULL_VALUE,
    /** The value deserializer rejected the bytes: not the wire format, unknown schema id, or the wrong type. */
    UNDECODABLE,
    /** The value decoded but the service's processing function threw or returned nothing. */
    PROCESSING_FAILED;

    /** Lower-case, dash-separated name used as the metric tag value. */
    public String tagValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
