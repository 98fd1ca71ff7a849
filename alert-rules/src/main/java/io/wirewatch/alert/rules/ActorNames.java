package io.wirewatch.alert.rules;

import io.wirewatch.knowledge.World;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Canonical names, members, codes and headline forms of the states and groups that act in alerts, all read from the
 * knowledge base's {@link World} (the same actor list the extractor uses), so alert-service keeps no list of its own.
 * Extraction already writes canonical names; {@link #canonical} only maps an alias an older record may carry
 * ("U.S.", "Britain") onto the same key.
 */
public final class ActorNames {

    // Compiled once: canonical() and slug() run for every action of every article.
    private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+");
    private static final Pattern NON_SLUG_RUN = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGE_DASHES = Pattern.compile("(^-+)|(-+$)");
    private static final Pattern ABBREVIATION = Pattern.compile("[A-Z]{2,5}");
    private static final String HEADLINE_LANGUAGE = "en";

    /** Built once per {@link World} (the standard one is loaded once): lookups by name instead of scans of every name. */
    private static volatile Index index;

    private ActorNames() {}

    /**
     * The headline language's names, indexed. {@link #canonicalPlace} runs for every casualty figure several times per
     * article, and a scan of the 312 English names with {@code equalsIgnoreCase} was 40% of alert-service's stream
     * thread in bench e2e (JFR). The index answers exactly what the scans answered: the first entry in file order.
     */
    private record Index(
            World world,
            Map<String, String> stateByName,
            Map<World.Actor, String> shortNames,
            Map<World.Actor, String> adjectives,
            Map<String, String> canonicalNames,
            Map<String, String> canonicalPlaces) {

        /**
         * The names an extractor writes are a small set (the knowledge base's and the gazetteer's), while each
         * article asks for them a dozen times (keys, mentions, members): answers are remembered, up to this many.
         */
        static final int REMEMBERED = 100_000;

        String remembered(Map<String, String> answers, String name, java.util.function.UnaryOperator<String> answer) {
            String known = answers.get(name);
            if (known == null) {
                known = answer.apply(name);
                if (known != null && answers.size() < REMEMBERED) {
                    answers.put(name, known);
                }
            }
            return known;
        }

        static Index of(World world) {
            // CASE_INSENSITIVE_ORDER compares as equalsIgnoreCase does, character by character.
            Map<String, String> stateByName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            Map<World.Actor, String> shortNames = new HashMap<>();
            Map<World.Actor, String> adjectives = new HashMap<>();
            for (World.NameEntry entry : world.names(HEADLINE_LANGUAGE)) {
                if (entry.kind() == World.NameKind.NAME && entry.actor().isState()) {
                    stateByName.putIfAbsent(entry.text(), entry.actor().name());
                }
                if (entry.kind() == World.NameKind.NAME
                        && ABBREVIATION.matcher(entry.text()).matches()) {
                    // the shortest abbreviation, the first of equals
                    shortNames.merge(
                            entry.actor(), entry.text(), (kept, next) -> next.length() < kept.length() ? next : kept);
                }
                if (entry.kind() == World.NameKind.DEMONYM) {
                    adjectives.putIfAbsent(entry.actor(), entry.text());
                }
            }
            return new Index(
                    world, stateByName, shortNames, adjectives, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        }
    }

    private static Index index() {
        World world = World.standard();
        Index current = index;
        if (current == null || current.world() != world) {
            current = Index.of(world);
            index = current;
        }
        return current;
    }

    /** The canonical name for {@code name}, or the trimmed name itself when it is no known alias; null stays null. */
    public static String canonical(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        Index index = index();
        return index.remembered(index.canonicalNames(), name, n -> {
            String trimmed = WHITESPACE_RUN.matcher(n.trim()).replaceAll(" ");
            return actor(trimmed).map(World.Actor::name).orElse(trimmed);
        });
    }

    /**
     * The canonical name of a place: a state's alias becomes the state's name ("Britain"), but a capital stays the
     * city it is ("Kabul" is where a toll happened, not the government of Afghanistan).
     */
    public static String canonicalPlace(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        Index index = index();
        return index.remembered(index.canonicalPlaces(), name, n -> {
            String trimmed = WHITESPACE_RUN.matcher(n.trim()).replaceAll(" ");
            return index.stateByName().getOrDefault(trimmed, trimmed);
        });
    }

    /** The state, bloc or body a name stands for, if the knowledge base knows it. */
    static Optional<World.Actor> actor(String name) {
        return name == null ? Optional.empty() : World.standard().byName(name);
    }

    /** The canonical name of a state or bloc code (ISO 3166-1 alpha-2, GCC ...), or null. */
    public static String nameOfCode(String code) {
        return code == null
                ? null
                : World.standard().byCode(code).map(World.Actor::name).orElse(null);
    }

    /** The members of a known group of states, by canonical name; empty for a single state. */
    public static List<String> knownMembers(String canonicalName) {
        World world = World.standard();
        return actor(canonicalName)
                .filter(actor -> !actor.isState())
                .map(actor -> actor.members().stream()
                        .map(code -> world.byCode(code).orElseThrow().name())
                        .toList())
                .orElse(List.of());
    }

    /** The form a headline uses: the shortest capitalised abbreviation news use (US, UK, EU, GCC), else the name. */
    public static String shortName(String canonicalName) {
        return actor(canonicalName)
                .map(actor -> index().shortNames().get(actor))
                .orElse(canonicalName);
    }

    /** Adjective for a state's envoys ("Syrian envoys"), or null when none is known. */
    public static String adjective(String canonicalName) {
        return actor(canonicalName)
                .map(actor -> index().adjectives().get(actor))
                .orElse(null);
    }

    /** Lower-case, dash-separated form for alert ids: "Gulf Cooperation Council" becomes "gulf-cooperation-council". */
    public static String slug(String name) {
        if (name == null) {
            return "none";
        }
        String slug = EDGE_DASHES
                .matcher(NON_SLUG_RUN.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("-"))
                .replaceAll("");
        return slug.isEmpty() ? "none" : slug;
    }
}
