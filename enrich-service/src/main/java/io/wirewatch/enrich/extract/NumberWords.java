package io.wirewatch.enrich.extract;

import io.wirewatch.knowledge.KnowledgeTable;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One language's numbers: words ({@code number-words.tsv}: "nine", "twenty-five", "dozens", "million") and digits,
 * whose decimal mark is the language's ("3.5" in English, "3,5" in French; the other mark groups thousands, as does a
 * space). Immutable and thread-safe once loaded.
 */
final class NumberWords {

    private final Map<String, Integer> exact = new HashMap<>();
    private final Map<String, Integer> vague = new HashMap<>();
    private final Map<String, Long> multipliers = new HashMap<>();
    private final char decimalMark;
    private final java.util.Set<Character> firstLetters = new java.util.HashSet<>();
    /** The same letters below 128 as a table: asked of nearly every token, where a set boxed and hashed each. */
    private final boolean[] asciiFirstLetters = new boolean[128];
    /**
     * The first two characters of the number words, where both are below 128, by {@code first << 7 | second}, and a
     * one-letter word's letter with a hyphen ("x-" for "x", the tens of a compound "x-five"): a word of ASCII letters
     * that opens with no such pair is no number, which most words that share a number word's first letter ("the",
     * "to", "for", "said") are told without a probe of the words and a search for a hyphen (asked of every token of a
     * casualty sentence).
     */
    private final boolean[] asciiFirstPairs = new boolean[128 * 128];
    /**
     * The exact and vague words again as {@link WordTable}s with their values by slot: asked of most tokens of a
     * casualty sentence, where a HashMap probe boxed nothing but hashed, compared and unboxed.
     */
    private WordTable exactWords;

    private int[] exactValues;
    private WordTable vagueWords;
    private int[] vagueValues;

    private NumberWords(char decimalMark) {
        this.decimalMark = decimalMark;
    }

    static NumberWords read(String resource, Lexicon lexicon) {
        var marks = lexicon.words("DECIMAL_MARK");
        NumberWords numbers =
                new NumberWords(marks.isEmpty() ? '.' : marks.iterator().next().charAt(0));
        for (KnowledgeTable.Row row : KnowledgeTable.read(resource).rows()) {
            String word = row.get("word").toLowerCase(Locale.ROOT);
            long value;
            try {
                value = Long.parseLong(row.get("value"));
            } catch (NumberFormatException e) {
                throw row.error("value is no whole number: " + row.get("value"));
            }
            switch (row.get("kind")) {
                case "EXACT" -> numbers.exact.put(word, (int) value);
                case "VAGUE" -> numbers.vague.put(word, (int) value);
                case "MULTIPLIER" -> numbers.multipliers.put(word, value);
                default -> throw row.error("kind is EXACT, VAGUE or MULTIPLIER, got " + row.get("kind"));
            }
        }
        numbers.exactWords = new WordTable(numbers.exact.keySet());
        numbers.exactValues = values(numbers.exactWords, numbers.exact);
        numbers.vagueWords = new WordTable(numbers.vague.keySet());
        numbers.vagueValues = values(numbers.vagueWords, numbers.vague);
        numbers.exact.keySet().forEach(word -> numbers.firstLetters.add(word.charAt(0)));
        numbers.exact.keySet().forEach(word -> {
            char second = word.length() == 1 ? '-' : word.charAt(1);
            if (word.charAt(0) < 128 && second < 128) {
                numbers.asciiFirstPairs[word.charAt(0) << 7 | second] = true;
            }
        });
        numbers.firstLetters.forEach(c -> {
            if (c < 128) {
                numbers.asciiFirstLetters[c] = true;
            }
        });
        return numbers;
    }

    /** The values of {@code words}' entries by their slots in {@code table}. */
    private static int[] values(WordTable table, Map<String, Integer> words) {
        int[] values = new int[table.capacity()];
        words.forEach((word, value) -> values[table.indexOf(word)] = value);
        return values;
    }

    /** Value of a number word or digits token, or -1. */
    long exactValue(String lower) {
        if (lower.isEmpty() || !Character.isDigit(lower.charAt(0)) && !startsNumberWord(lower.charAt(0))) {
            return -1; // most words start with a letter no number word starts with
        }
        if (Character.isDigit(lower.charAt(0))) {
            return digits(lower);
        }
        if (lower.length() > 1
                && lower.charAt(0) < 128
                && lower.charAt(1) < 128
                && !asciiFirstPairs[lower.charAt(0) << 7 | lower.charAt(1)]) {
            return -1; // neither a number word nor, from its first two letters, a compound ("twenty-five")
        }
        int unit = exactWords.indexOf(lower);
        if (unit >= 0) {
            return exactValues[unit];
        }
        int hyphen = lower.lastIndexOf('-');
        if (hyphen > 0) {
            // "twenty-five", "vingt-cinq", "soixante-douze": tens and units
            long tens = exactValue(lower.substring(0, hyphen));
            Integer ones = exact.get(lower.substring(hyphen + 1));
            if (tens >= 20 && ones != null && ones < 20 && tens % 10 == 0) {
                return tens + ones;
            }
        }
        return -1;
    }

    private boolean startsNumberWord(char c) {
        return c < 128 ? asciiFirstLetters[c] : firstLetters.contains(c);
    }

    private long digits(String lower) {
        StringBuilder number = new StringBuilder(lower.length());
        boolean decimals = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isDigit(c)) {
                if (!decimals) {
                    number.append(c);
                }
            } else if (c == decimalMark) {
                decimals = true;
            } else if (c != ',' && c != '.' && c != ' ' && c != '\u00A0' && c != '\u202F') {
                return -1;
            }
        }
        if (number.length() == 0 || number.length() > 12) {
            return -1;
        }
        return Long.parseLong(number.toString());
    }

    /**
     * A number written in two words or more from token {@code i}: "cincuenta y dos", "vingt et un", "two hundred",
     * "doscientos cincuenta", the language's NUMBER_JOINERS ("y", "et") allowed between a ten and a unit.
     *
     * @return {value, index after its last word}, or null when token {@code i} opens no such number
     */
    long[] compound(Sentence s, int i, Lexicon lexicon) {
        String first = s.lower(i);
        if (first.isEmpty() || Character.isDigit(first.charAt(0))) {
            return null;
        }
        long current = exactValue(first);
        if (current <= 0) {
            return null;
        }
        long last = current;
        int end = i + 1;
        while (end < s.size()) {
            int joiner = lexicon.matchAt("NUMBER_JOINERS", s, end);
            String next = s.lower(end + joiner);
            long value = next.isEmpty() || Character.isDigit(next.charAt(0)) ? -1 : exactValue(next);
            if (value <= 0) {
                break;
            }
            if (value == 100 && joiner == 0 && current < 10) {
                current *= 100; // "two hundred", "trois cents"
                last = current;
            } else if (last >= 100 && last % 100 == 0 && value < 100
                    || last >= 20 && last < 100 && last % 10 == 0 && value < 10) {
                current += value; // "doscientos cincuenta", "cincuenta y dos"
                last = value;
            } else {
                break;
            }
            end += joiner + 1;
        }
        return end > i + 1 ? new long[] {current, end} : null;
    }

    /** Representative value of a vague quantity word, or -1. */
    int vagueValue(String lower) {
        int slot = vagueWords.indexOf(lower);
        return slot < 0 ? -1 : vagueValues[slot];
    }

    /** Multiplier words that follow a number: "1.2 million", "five thousand"; 1 for any other word. */
    long multiplier(String lower) {
        return multipliers.getOrDefault(lower, 1L);
    }
}
