package io.wirewatch.launcher;

import org.apache.avro.generic.GenericRecord;

/** One human line per alert, as operators read them in a terminal. */
final class AlertLines {

    private AlertLines() {}

    /** Works on a generic record so that it reads alerts written by any (older or newer) schema version. */
    static String describe(GenericRecord alert) {
        String status = String.valueOf(alert.get("status"));
        String severity = String.valueOf(alert.get("severity"));
        String colour = switch (severity) {
            case "CRITICAL" -> "1;31";
            case "HIGH" -> "31";
            case "MEDIUM" -> "33";
            default -> "36";
        };
        Object sources = alert.get("sources");
        return Terminal.paint(colour, String.format("%-6s %-8s", status, severity)) + " "
                + alert.get("headline")
                + Terminal.paint(
                        "2",
                        "  [" + alert.get("id") + ", " + sources + " source"
                                + ("1".equals(String.valueOf(sources)) ? "" : "s") + "]");
    }
}
