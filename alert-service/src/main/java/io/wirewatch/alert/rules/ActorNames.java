package io.wirewatch.alert.rules;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Canonical names of the states and groups that act in diplomatic alerts. Extraction already gives canonical names;
 * this small map only catches the usual aliases ({@code US}, {@code U.S.}, {@code Britain}, {@code GCC} ...) so the
 * same event keys the same way whichever outlet wrote it. Also the short forms and adjectives used in headlines.
 */
public final class ActorNames {

    public static final String GCC = "Gulf Cooperation Council";

    // Compiled once: canonical() and slug() run for every action of every article, and String.replaceAll compiles
    // its pattern on each call (a tenth of alert-service's CPU in the end-to-end profile).
    private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+");
    private static final Pattern NON_SLUG_RUN = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGE_DASHES = Pattern.compile("(^-+)|(-+$)");

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("us", "United States"),
            Map.entry("u.s.", "United States"),
            Map.entry("u.s", "United States"),
            Map.entry("usa", "United States"),
            Map.entry("u.s.a.", "United States"),
            Map.entry("united states of america", "United States"),
            Map.entry("america", "United States"),
            Map.entry("washington", "United States"),
            Map.entry("uk", "United Kingdom"),
            Map.entry("u.k.", "United Kingdom"),
            Map.entry("u.k", "United Kingdom"),
            Map.entry("britain", "United Kingdom"),
            Map.entry("great britain", "United Kingdom"),
            Map.entry("london", "United Kingdom"),
            Map.entry("gcc", GCC),
            Map.entry("gulf co-operation council", GCC),
            Map.entry("gulf cooperation council", GCC),
            Map.entry("gulf arab states", GCC),
            Map.entry("gulf states", GCC),
            Map.entry("eu", "European Union"),
            Map.entry("un", "United Nations"),
            Map.entry("u.n.", "United Nations"),
            Map.entry("e.u.", "European Union"),
            Map.entry("holland", "Netherlands"),
            Map.entry("moscow", "Russia"),
            Map.entry("russian federation", "Russia"),
            Map.entry("beijing", "China"),
            Map.entry("paris", "France"),
            Map.entry("damascus", "Syria"),
            Map.entry("syrian regime", "Syria"),
            Map.entry("syrian government", "Syria"));

    private static final Map<String, List<String>> GROUP_MEMBERS = Map.of(
            GCC, List.of("Bahrain", "Kuwait", "Oman", "Qatar", "Saudi Arabia", "United Arab Emirates"));

    private static final Map<String, String> SHORT_NAMES = Map.of(
            GCC, "GCC",
            "United States", "US",
            "United Kingdom", "UK",
            "European Union", "EU");

    private static final Map<String, String> ADJECTIVES = Map.ofEntries(
            Map.entry("Syria", "Syrian"),
            Map.entry("Iran", "Iranian"),
            Map.entry("Russia", "Russian"),
            Map.entry("Israel", "Israeli"),
            Map.entry("Libya", "Libyan"),
            Map.entry("Yemen", "Yemeni"),
            Map.entry("Egypt", "Egyptian"),
            Map.entry("Bahrain", "Bahraini"),
            Map.entry("Qatar", "Qatari"),
            Map.entry("Turkey", "Turkish"),
            Map.entry("Iraq", "Iraqi"),
            Map.entry("Lebanon", "Lebanese"),
            Map.entry("North Korea", "North Korean"),
            Map.entry("China", "Chinese"),
            Map.entry("United States", "US"),
            Map.entry("United Kingdom", "British"));

    private ActorNames() {
    }

    /** The canonical name for {@code name}, or the trimmed name itself when it is no known alias; null stays null. */
    public static String canonical(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String trimmed = WHITESPACE_RUN.matcher(name.trim()).replaceAll(" ");
        String lookup = trimmed.toLowerCase(Locale.ROOT);
        if (lookup.startsWith("the ")) {
            lookup = lookup.substring(4);
            trimmed = trimmed.substring(4);
        }
        return ALIASES.getOrDefault(lookup, trimmed);
    }

    /** The members of a known group of states, empty for a single state. */
    public static List<String> knownMembers(String canonicalName) {
        return GROUP_MEMBERS.getOrDefault(canonicalName, List.of());
    }

    /** The form a headline uses: GCC, US, UK, EU, else the name itself. */
    public static String shortName(String canonicalName) {
        return SHORT_NAMES.getOrDefault(canonicalName, canonicalName);
    }

    /** Adjective for a state's envoys ("Syrian envoys"), or null when none is known. */
    public static String adjective(String canonicalName) {
        // An expulsion may name no target ("expelled the ambassador of ..." unresolved); Map.of rejects a null key.
        return canonicalName == null ? null : ADJECTIVES.get(canonicalName);
    }

    /** Lower-case, dash-separated form for alert ids: "Gulf Cooperation Council" becomes "gulf-cooperation-council". */
    public static String slug(String name) {
        if (name == null) {
            return "none";
        }
        String slug = EDGE_DASHES.matcher(NON_SLUG_RUN.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("-"))
                .replaceAll("");
        return slug.isEmpty() ? "none" : slug;
    }
}
