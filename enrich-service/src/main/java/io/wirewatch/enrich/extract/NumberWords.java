package io.wirewatch.enrich.extract;

import java.util.Map;

/** Numbers written as words ("nine", "twenty-five", "a dozen", "hundreds") and as digits ("7,000", "1.2"). */
final class NumberWords {

    private static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
            Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
            Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
            Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40),
            Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80),
            Map.entry("ninety", 90), Map.entry("hundred", 100), Map.entry("dozen", 12));

    /**
     * Vague quantities as one representative value each (documented in CasualtyFigure.count): "tens" 20, "dozens" 24,
     * "scores" 40, "hundreds" 200, "thousands" 2,000 — the low end of what a reader would picture.
     */
    private static final Map<String, Integer> VAGUE = Map.of("tens", 20, "dozens", 24, "scores", 40,
            "hundreds", 200, "thousands", 2000);

    private NumberWords() {
    }

    /** Value of a number word or digits token, or -1. */
    static long exactValue(String lower) {
        if (lower.isEmpty()) {
            return -1;
        }
        if (Character.isDigit(lower.charAt(0))) {
            String digits = lower.replace(",", "");
            if (digits.length() > 12) {
                return -1;
            }
            try {
                return digits.contains(".") ? (long) Double.parseDouble(digits) : Long.parseLong(digits);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        Integer unit = UNITS.get(lower);
        if (unit != null) {
            return unit;
        }
        int hyphen = lower.indexOf('-');
        if (hyphen > 0) {
            Integer tens = UNITS.get(lower.substring(0, hyphen));
            Integer ones = UNITS.get(lower.substring(hyphen + 1));
            if (tens != null && ones != null && tens >= 20 && ones < 10) {
                return tens + ones;
            }
        }
        return -1;
    }

    /** Representative value of a vague quantity word, or -1. */
    static int vagueValue(String lower) {
        return VAGUE.getOrDefault(lower, -1);
    }

    /** Multiplier words that follow a number: "1.2 million", "five thousand". */
    static long multiplier(String lower) {
        return switch (lower) {
            case "thousand" -> 1_000L;
            case "million" -> 1_000_000L;
            default -> 1L;
        };
    }
}
