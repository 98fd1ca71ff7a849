package io.wirewatch.knowledge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The actors of world news: states (countries, territories, former states) from {@code world/countries.tsv}, blocs
 * and international bodies from {@code world/blocs.tsv}, and what each language calls them from
 * {@code <language>/actor-names.tsv}. Immutable and thread-safe; {@link #standard()} loads it once.
 */
public final class World {

    static final String ROOT = "/io/wirewatch/knowledge/";
    static final String COUNTRIES = ROOT + "world/countries.tsv";
    static final String BLOCS = ROOT + "world/blocs.tsv";
    static final String ACTOR_NAMES = "actor-names.tsv";

    /** What kind of actor a code stands for. */
    public enum ActorType {
        STATE,
        BLOC,
        BODY
    }

    /**
     * A state's standing ({@code countries.tsv} status) or a bloc's kind ({@code blocs.tsv} kind): UN_MEMBER,
     * UN_OBSERVER, PARTIAL (disputed statehood), TERRITORY, HISTORICAL (a former state) for states; STATE_GROUP or
     * BODY for blocs.
     */
    public enum Status {
        UN_MEMBER,
        UN_OBSERVER,
        PARTIAL,
        TERRITORY,
        HISTORICAL,
        STATE_GROUP,
        BODY
    }

    /** How a name refers to its actor. */
    public enum NameKind {
        NAME,
        DEMONYM,
        METONYM
    }

    /**
     * A state, bloc or body.
     *
     * @param code    ISO 3166-1 alpha-2 code of a state, or the bloc's code (EU, AFRICAN_UNION, UNSC …)
     * @param iso3    ISO 3166-1 alpha-3 code of a state; {@code null} for blocs and bodies
     * @param name    canonical English name, as Wirewatch output writes it
     * @param type    STATE, BLOC or BODY
     * @param status  the state's standing or the bloc's kind
     * @param members ISO2 codes of a bloc's member states (empty for states, and for bodies without a fixed membership)
     */
    public record Actor(String code, String iso3, String name, ActorType type, Status status, List<String> members) {
        public Actor {
            members = List.copyOf(members);
        }

        public boolean isState() {
            return type == ActorType.STATE;
        }
    }

    /** One way of naming an actor in one language, for a token matcher: "Syrian" is a DEMONYM of SY in en. */
    public record NameEntry(String text, Actor actor, NameKind kind) {}

    private static final List<String> ARTICLES =
            List.of("the ", "la ", "le ", "el ", "les ", "los ", "las ", "l'", "l’");

    private final Map<String, Actor> byCode;
    private final List<Actor> all;
    private final Map<String, List<NameEntry>> namesByLanguage;
    private final Map<String, Actor> byAlias;

    private World(Map<String, Actor> byCode, Map<String, List<NameEntry>> namesByLanguage) {
        this.byCode = Collections.unmodifiableMap(byCode);
        this.all = List.copyOf(byCode.values());
        this.namesByLanguage = Collections.unmodifiableMap(namesByLanguage);
        this.byAlias = Collections.unmodifiableMap(aliasIndex(this.all, namesByLanguage));
    }

    private static final Once<World> STANDARD = new Once<>(World::load);

    /** The world as the resources describe it, loaded once (about 0.2 s). */
    public static World standard() {
        return STANDARD.get();
    }

    /** Loads countries, blocs and every language that has an {@code actor-names.tsv}. */
    public static World load() {
        List<String> languages = new ArrayList<>();
        for (String language : Locale.getISOLanguages()) {
            if (World.class.getResource(ROOT + language + "/" + ACTOR_NAMES) != null) {
                languages.add(language);
            }
        }
        return load(languages);
    }

    /** Loads countries, blocs and the given languages' names (each must exist). */
    public static World load(List<String> languages) {
        Map<String, Actor> byCode = new LinkedHashMap<>();
        readCountries(byCode);
        readBlocs(byCode);
        Map<String, List<NameEntry>> names = new LinkedHashMap<>();
        for (String language : orderedLanguages(languages)) {
            names.put(language, readNames(ROOT + language + "/" + ACTOR_NAMES, byCode));
        }
        return new World(byCode, names);
    }

    public Optional<Actor> byCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code.toUpperCase(Locale.ROOT)));
    }

    /**
     * The actor a name, demonym or metonym stands for in any loaded language, case-insensitively, with a leading
     * article ("the", "la", "le", "el", "les", "los", "las", "l'") ignored. Where languages disagree (English "Congo"
     * is the DRC, French and Spanish "Congo" the Republic of the Congo) English wins, then languages in alphabetical order.
     */
    public Optional<Actor> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String key = key(name);
        Actor actor = byAlias.get(key);
        if (actor == null) {
            actor = byAlias.get(withoutArticle(key));
        }
        return Optional.ofNullable(actor);
    }

    /** Every actor: countries in file order, then blocs and bodies. */
    public List<Actor> all() {
        return all;
    }

    /** The loaded languages, English first. */
    public Set<String> languages() {
        return namesByLanguage.keySet();
    }

    /** Every name, demonym and metonym of one language, in file order; empty for a language not loaded. */
    public List<NameEntry> names(String language) {
        return namesByLanguage.getOrDefault(language, List.of());
    }

    private static void readCountries(Map<String, Actor> byCode) {
        Set<String> iso3s = new TreeSet<>();
        for (KnowledgeTable.Row row : KnowledgeTable.read(COUNTRIES).rows()) {
            String iso2 = row.get("iso2");
            String iso3 = row.get("iso3");
            if (!iso2.matches("[A-Z]{2}")) {
                throw row.error("iso2 '" + iso2 + "' is not two capital letters");
            }
            if (!iso3.matches("[A-Z]{3}")) {
                throw row.error("iso3 '" + iso3 + "' is not three capital letters");
            }
            if (!iso3s.add(iso3)) {
                throw row.error("iso3 " + iso3 + " appears twice");
            }
            Status status = status(row, "status", Status.UN_MEMBER, Status.HISTORICAL);
            put(byCode, row, new Actor(iso2, iso3, required(row, "name"), ActorType.STATE, status, List.of()));
        }
    }

    private static void readBlocs(Map<String, Actor> byCode) {
        List<String> unMembers = byCode.values().stream()
                .filter(a -> a.status() == Status.UN_MEMBER)
                .map(Actor::code)
                .toList();
        for (KnowledgeTable.Row row : KnowledgeTable.read(BLOCS).rows()) {
            String code = row.get("code");
            if (!code.matches("[A-Z][A-Z0-9_]+")) {
                throw row.error("bloc code '" + code + "' is not capitals, digits and '_'");
            }
            Status kind = status(row, "kind", Status.STATE_GROUP, Status.BODY);
            List<String> members = row.list("members");
            for (String member : members) {
                Actor state = byCode.get(member);
                if (state == null || !state.isState()) {
                    throw row.error("member " + member + " is not a country of " + COUNTRIES);
                }
            }
            if (Set.copyOf(members).size() != members.size()) {
                throw row.error("a member is listed twice");
            }
            // The UN's and the General Assembly's members are the UN_MEMBER rows of countries.tsv: kept once, there.
            if ((code.equals("UN") || code.equals("UNGA")) && members.isEmpty()) {
                members = unMembers;
            }
            ActorType type = kind == Status.BODY ? ActorType.BODY : ActorType.BLOC;
            put(byCode, row, new Actor(code, null, required(row, "name"), type, kind, members));
        }
    }

    private static List<NameEntry> readNames(String path, Map<String, Actor> byCode) {
        List<NameEntry> entries = new ArrayList<>();
        Map<String, Actor> seen = new HashMap<>();
        Set<String> codes = new TreeSet<>();
        for (KnowledgeTable.Row row : KnowledgeTable.read(path).rows()) {
            String code = row.get("code");
            Actor actor = byCode.get(code);
            if (actor == null) {
                throw row.error("code " + code + " is neither a country nor a bloc");
            }
            if (!codes.add(code)) {
                throw row.error("code " + code + " has a second row");
            }
            add(entries, seen, row, "names", actor, NameKind.NAME);
            add(entries, seen, row, "demonyms", actor, NameKind.DEMONYM);
            add(entries, seen, row, "metonyms", actor, NameKind.METONYM);
        }
        return List.copyOf(entries);
    }

    private static void add(
            List<NameEntry> entries,
            Map<String, Actor> seen,
            KnowledgeTable.Row row,
            String column,
            Actor actor,
            NameKind kind) {
        for (String text : row.list(column)) {
            Actor other = seen.putIfAbsent(text, actor);
            if (other != null && other != actor) {
                throw row.error("'" + text + "' already names " + other.code() + " in this language");
            }
            entries.add(new NameEntry(text, actor, kind));
        }
    }

    private static Map<String, Actor> aliasIndex(List<Actor> actors, Map<String, List<NameEntry>> names) {
        Map<String, Actor> index = new HashMap<>();
        // Languages were put in order (English first), so the first language to claim an alias keeps it.
        for (List<NameEntry> entries : names.values()) {
            for (NameEntry entry : entries) {
                index.putIfAbsent(key(entry.text()), entry.actor());
            }
        }
        for (Actor actor : actors) {
            index.putIfAbsent(key(actor.name()), actor);
        }
        // Aliases written with an article ("The Gambia") also answer without it, unless that form names another actor.
        for (Map.Entry<String, Actor> e : List.copyOf(index.entrySet())) {
            index.putIfAbsent(withoutArticle(e.getKey()), e.getValue());
        }
        return index;
    }

    private static List<String> orderedLanguages(List<String> languages) {
        List<String> ordered = new ArrayList<>(new TreeSet<>(languages));
        if (ordered.remove("en")) {
            ordered.add(0, "en");
        }
        return ordered;
    }

    private static String key(String text) {
        return text.strip().replace('’', '\'').toLowerCase(Locale.ROOT);
    }

    private static String withoutArticle(String key) {
        for (String article : ARTICLES) {
            if (key.startsWith(article) && key.length() > article.length()) {
                return key.substring(article.length()).stripLeading();
            }
        }
        return key;
    }

    private static void put(Map<String, Actor> byCode, KnowledgeTable.Row row, Actor actor) {
        if (byCode.putIfAbsent(actor.code(), actor) != null) {
            throw row.error("code " + actor.code() + " is already taken");
        }
    }

    private static String required(KnowledgeTable.Row row, String column) {
        String value = row.get(column);
        if (value.isEmpty()) {
            throw row.error(column + " is empty");
        }
        return value;
    }

    private static Status status(KnowledgeTable.Row row, String column, Status first, Status last) {
        String value = row.get(column);
        for (Status s : Status.values()) {
            if (s.name().equals(value) && s.ordinal() >= first.ordinal() && s.ordinal() <= last.ordinal()) {
                return s;
            }
        }
        throw row.error(column + " '" + value + "' is not one of " + first + " … " + last);
    }
}
