package io.wirewatch.enrich.extract;

import io.wirewatch.knowledge.KnowledgeTable;
import io.wirewatch.knowledge.Places;
import io.wirewatch.knowledge.World;
import io.wirewatch.schema.EntityType;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The shipped word lists: countries (names, demonyms, capitals), organisations (with member states), places, and
 * the titles and honorifics that mark people. Loaded once from classpath resources; immutable and thread-safe after.
 * Lookup is by token sequence, longest match first, so {@code Syrian National Council} wins over {@code Syrian}.
 */
final class Gazetteer {

    /** How a gazetteer name refers to its entity. */
    enum EntryKind {
        NAME,
        DEMONYM,
        CAPITAL
    }

    /** One name of a known entity, as the token sequence to match. */
    record Entry(List<String> tokens, KnownEntity entity, EntryKind kind) {}

    /** A gazetteer entry found at a token position of a sentence. */
    record Match(int from, int to, Entry entry) {}

    private final Map<String, List<Entry>> entriesByFirstToken = new HashMap<>();
    /**
     * One bit per first token of an entry, at its hash (a one-hash Bloom filter, 16 KB): most tokens open no name,
     * and this says so for nearly all of them without a probe of the large map above, which every token cost.
     */
    private final long[] firstTokenFilter = new long[1 << 11];

    /**
     * The first tokens again as a {@link WordTable}, and their entries by its slots: a token that passes the filter is
     * looked up with one probe of two arrays, not through the large map's nodes.
     */
    private WordTable firstTokens;

    private Object[] entriesBySlot;

    private final Map<String, KnownEntity> countriesByCode = new HashMap<>();
    /** Each state's capital, the first of its metonyms (knowledge/<language>/actor-names.tsv lists it first). */
    private final Map<String, KnownEntity> capitalsByCountry = new HashMap<>();

    private final Map<String, KnownEntity> actorsByCode = new HashMap<>();
    private final Map<String, KnownEntity> peopleBySurname = new HashMap<>();
    private final Map<String, List<List<String>>> rolesByFirstWord = new HashMap<>();
    private final Set<String> honorifics = new HashSet<>();
    /**
     * The first words of the roles and the honorifics again, as {@link WordTable}s: both are asked of every token, and
     * a word that is no role's first word (nearly all) is then turned away at one probe of an array.
     */
    private WordTable roleFirstWords;

    private WordTable honorificTable;
    /**
     * The language's lexicon and its marks of the role words and honorifics ({@link Language#roleMark()}): a token of
     * the language's segmenter that lacks them is no role's first word and no honorific, without a probe. -1 (and no
     * lexicon) when the gazetteer was loaded without its language.
     */
    private Lexicon lexicon;

    private int roleMark = -1;
    private int honorificMark = -1;
    /** Cuts names into tokens as the article's text is cut (the language's abbreviations and elisions). */
    private final TextSegmenter segmenter;

    private final Places places;

    private Gazetteer(Places places, TextSegmenter segmenter) {
        this.places = places;
        this.segmenter = segmenter;
    }

    /** The world gazetteer of populated places and first-level regions (GeoNames). */
    Places places() {
        return places;
    }

    static Gazetteer loadDefault() {
        return load(World.standard(), Language.load("en"));
    }

    /** The names {@code language} gives the world's states, blocs, organisations and regions, and its titles. */
    static Gazetteer load(World world, Language language) {
        Gazetteer gazetteer = load(world, language.code(), language.segmenter());
        Lexicon lexicon = language.lexicon();
        gazetteer.lexicon = lexicon;
        // Trusted only when it covers the tables: a word left unmarked would be turned away wrongly.
        if (gazetteer.rolesByFirstWord.keySet().stream().allMatch(w -> lexicon.isMarked(language.roleMark(), w))) {
            gazetteer.roleMark = language.roleMark();
        }
        if (gazetteer.honorifics.stream().allMatch(w -> lexicon.isMarked(language.honorificMark(), w))) {
            gazetteer.honorificMark = language.honorificMark();
        }
        return gazetteer;
    }

    static Gazetteer load(World world, String language, TextSegmenter segmenter) {
        Gazetteer gazetteer = new Gazetteer(Places.standard(), segmenter);
        gazetteer.loadWorld(world, language);
        gazetteer.loadOrganisations(language);
        gazetteer.loadRegions(language);
        gazetteer.loadPeople();
        gazetteer.loadRoles(language);
        gazetteer.roleFirstWords = new WordTable(gazetteer.rolesByFirstWord.keySet());
        gazetteer.firstTokens = new WordTable(gazetteer.entriesByFirstToken.keySet());
        gazetteer.entriesBySlot = new Object[gazetteer.firstTokens.capacity()];
        gazetteer.entriesByFirstToken.forEach(
                (first, entries) -> gazetteer.entriesBySlot[gazetteer.firstTokens.indexOf(first)] = entries);
        gazetteer.honorificTable = new WordTable(gazetteer.honorifics);
        return gazetteer;
    }

    KnownEntity country(String isoCode) {
        return countriesByCode.get(isoCode);
    }

    /** A state's capital city (as a place that stands for the state), or null. */
    KnownEntity capitalOf(String isoCode) {
        return capitalsByCountry.get(isoCode);
    }

    /** A state, bloc or body by its knowledge-base code, or null. */
    KnownEntity actor(String code) {
        return actorsByCode.get(code);
    }

    /** The longest entry starting at token {@code i}, or null. */
    Match longestMatchAt(Sentence sentence, int i) {
        Token token = sentence.token(i);
        String text = token.text();
        // A token a language's segmenter made whose text is its lower-case form (most words) is its own key: it holds
        // no typographic apostrophe (the segmenter straightens them in that form) and is not "The"; matchKey searched
        // every token's text for one
        String key = text == token.lower() && token.classes() != null ? text : matchKey(text);
        int slot = mayOpenEntry(key) ? firstTokens.indexOf(key) : -1;
        boolean shouted = false;
        if (slot < 0 && isShouted(text)) {
            // "MADRID (EFE) -", "THE RUSSIAN Foreign Ministry": a dateline or heading in capitals names what the
            // same words name in print ("US", "EU" are entries as written, and matched above)
            key = titleCase(text);
            slot = mayOpenEntry(key) ? firstTokens.indexOf(key) : -1;
            shouted = true;
        }
        if (slot < 0) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<Entry> candidates = (List<Entry>) entriesBySlot[slot];
        Entry best = null;
        // The next token's key once, not per candidate: a word such as "the" opens dozens of names ("the Hague", "the
        // Netherlands" ...), and most differ from the text at their second word.
        String second = i + 1 < sentence.size() ? keyOf(sentence.token(i + 1).text(), shouted) : null;
        for (int c = 0; c < candidates.size(); c++) { // by index: no iterator per probe
            Entry entry = candidates.get(c);
            int length = entry.tokens().size();
            if (i + length > sentence.size()
                    || (best != null && length <= best.tokens().size())) {
                continue;
            }
            boolean matches = length == 1 || second.equals(entry.tokens().get(1));
            for (int k = 2; k < length && matches; k++) {
                matches = keyOf(sentence.token(i + k).text(), shouted)
                        .equals(entry.tokens().get(k));
            }
            if (matches) {
                best = entry;
            }
        }
        return best == null ? null : new Match(i, i + best.tokens().size(), best);
    }

    private boolean mayOpenEntry(String key) {
        int h = key.hashCode();
        return (firstTokenFilter[(h >>> 6) & (firstTokenFilter.length - 1)] & (1L << h)) != 0;
    }

    /** Entries whose whole name is exactly {@code word} (used for the parts of hyphenated words). */
    Entry singleWord(String word) {
        List<Entry> candidates = entriesByFirstToken.get(matchKey(word));
        if (candidates != null) {
            for (Entry entry : candidates) {
                if (entry.tokens().size() == 1) {
                    return entry;
                }
            }
        }
        return null;
    }

    /** A listed person known by this surname key ("zelenski"), or null when none or several. */
    KnownEntity knownPersonBySurname(String surnameKey) {
        return peopleBySurname.get(surnameKey);
    }

    /** Number of tokens of the longest title or role starting at token {@code i} ({@code Foreign Minister}), or 0. */
    int roleLengthAt(Sentence sentence, int i) {
        if (lexicon != null && i >= 0 && i < sentence.size() && !lexicon.mayBeMarked(roleMark, sentence, i)) {
            return 0;
        }
        if (!roleFirstWords.contains(sentence.lower(i))) {
            return 0;
        }
        List<List<String>> roles = rolesByFirstWord.get(sentence.lower(i));
        int best = 0;
        if (roles != null) {
            for (List<String> role : roles) {
                if (role.size() > best && i + role.size() <= sentence.size()) {
                    boolean matches = true;
                    for (int k = 1; k < role.size() && matches; k++) {
                        matches = sentence.lower(i + k).equals(role.get(k));
                    }
                    if (matches) {
                        best = role.size();
                    }
                }
            }
        }
        return best;
    }

    /** True when the role and honorific probes are turned away by the language's marks (see {@link #lexicon}). */
    boolean marksRolesAndHonorifics() {
        return roleMark >= 0 && honorificMark >= 0;
    }

    boolean isHonorific(Token token) {
        if (lexicon != null && !lexicon.mayBeMarked(honorificMark, token)) {
            return false;
        }
        return honorificTable.contains(token.lower());
    }

    /** Case-sensitive except for a leading article, so "The Hague" and "the Netherlands" both match. */
    private static String keyOf(String tokenText, boolean shouted) {
        return shouted && isShouted(tokenText) ? titleCase(tokenText) : matchKey(tokenText);
    }

    /** Two or more letters, all of them capitals: "MADRID", not "US"-style entries already matched as written. */
    private static boolean isShouted(String tokenText) {
        if (tokenText.length() < 3) {
            return false;
        }
        for (int k = 0; k < tokenText.length(); k++) {
            char c = tokenText.charAt(k);
            if (Character.isLowerCase(c)) {
                return false;
            }
        }
        return Character.isUpperCase(tokenText.charAt(0));
    }

    private static String titleCase(String tokenText) {
        return matchKey(tokenText.charAt(0) + tokenText.substring(1).toLowerCase(java.util.Locale.ROOT));
    }

    private static String matchKey(String tokenText) {
        if (tokenText.indexOf('\u2019') >= 0) {
            // "Côte d’Ivoire", "des États d’Afrique de l’Ouest": a typographic apostrophe is the names' straight one
            return tokenText.replace('\u2019', '\'');
        }
        return tokenText.equals("The") ? "the" : tokenText;
    }

    /**
     * States, blocs and bodies from the knowledge base's {@link World}, with what the language calls them: names,
     * demonyms, and capitals or seats of government (metonyms, kept as places that stand for their state when they act).
     */
    private void loadWorld(World world, String language) {
        Map<String, KnownEntity> byCode = new HashMap<>();
        for (World.Actor actor : world.all()) {
            KnownEntity entity;
            if (actor.isState()) {
                entity = new KnownEntity(
                        "country:" + actor.code(),
                        EntityType.COUNTRY,
                        actor.name(),
                        actor.code(),
                        List.of(),
                        null,
                        null,
                        actor.code(),
                        List.of());
                countriesByCode.put(actor.code(), entity);
            } else {
                List<String> memberNames = actor.members().stream()
                        .map(code -> world.byCode(code).orElseThrow().name())
                        .toList();
                KnownEntity.OrgKind kind = actor.type() == World.ActorType.BODY
                        ? KnownEntity.OrgKind.BODY
                        : KnownEntity.OrgKind.STATE_GROUP;
                entity = new KnownEntity(
                        "org:" + slug(actor.name()),
                        EntityType.ORGANISATION,
                        actor.name(),
                        null,
                        memberNames,
                        kind,
                        null,
                        actor.code(),
                        actor.members());
            }
            byCode.put(actor.code(), entity);
        }
        actorsByCode.putAll(byCode);
        for (World.NameEntry name : world.names(language)) {
            KnownEntity entity = byCode.get(name.actor().code());
            switch (name.kind()) {
                case NAME -> add(name.text(), entity, EntryKind.NAME);
                case DEMONYM -> add(name.text(), entity, EntryKind.DEMONYM);
                case METONYM -> {
                    KnownEntity seat = KnownEntity.other(
                            "place:" + slug(name.text()),
                            EntityType.PLACE,
                            name.text(),
                            entity.countryCode(),
                            null,
                            entity);
                    add(name.text(), seat, EntryKind.CAPITAL);
                    if (entity.countryCode() != null) {
                        capitalsByCountry.putIfAbsent(entity.countryCode(), seat);
                    }
                }
            }
        }
    }

    /** Governments' departments, media and armed or political groups: organisations that are no state or bloc. */
    private void loadOrganisations(String language) {
        String resource = Language.KNOWLEDGE_ROOT + language + "/organisations.tsv";
        for (KnowledgeTable.Row row : KnowledgeTable.read(resource).rows()) {
            String country = row.get("country");
            KnownEntity org = KnownEntity.other(
                    "org:" + slug(row.get("name")),
                    EntityType.ORGANISATION,
                    row.get("name"),
                    country.isEmpty() ? null : country,
                    KnownEntity.OrgKind.valueOf(row.get("kind")),
                    null);
            add(row.get("name"), org, EntryKind.NAME);
            row.list("aliases").forEach(alias -> add(alias, org, EntryKind.NAME));
        }
    }

    /** Regions the world gazetteer does not hold: macro-regions ("Middle East") and areas such as "Darfur". */
    private void loadRegions(String language) {
        String resource = Language.KNOWLEDGE_ROOT + language + "/regions.tsv";
        for (KnowledgeTable.Row row : KnowledgeTable.read(resource).rows()) {
            String country = row.get("country");
            KnownEntity region = KnownEntity.other(
                    "place:" + slug(row.get("name")),
                    EntityType.PLACE,
                    row.get("name"),
                    country.isEmpty() ? null : country,
                    null,
                    null);
            add(row.get("name"), region, EntryKind.NAME);
            row.list("aliases").forEach(alias -> add(alias, region, EntryKind.NAME));
        }
    }

    private void loadPeople() {
        for (KnowledgeTable.Row row : KnowledgeTable.read(Language.KNOWLEDGE_ROOT + "world/people.tsv")
                .rows()) {
            String code = row.get("country");
            String name = row.get("name");
            KnownEntity person = KnownEntity.other(
                    "person:" + slug(name), EntityType.PERSON, name, code.isEmpty() ? null : code, null, null);
            add(name, person, EntryKind.NAME);
            row.list("spellings").forEach(alias -> add(alias, person, EntryKind.NAME));
            // Two listed people sharing a surname would make "Mr X" ambiguous: neither is then found by surname.
            List<String> names = new ArrayList<>(row.list("spellings"));
            names.add(name);
            for (String spelling : names) {
                String[] words = spelling.split("\\s+");
                String key = EntityRecognizer.transliterationKey(words[words.length - 1]);
                KnownEntity previous = peopleBySurname.putIfAbsent(key, person);
                if (previous != null && previous != person) {
                    peopleBySurname.put(key, null);
                }
            }
        }
    }

    private void loadRoles(String language) {
        for (KnowledgeTable.Row row : KnowledgeTable.read(Language.KNOWLEDGE_ROOT + language + "/roles.tsv")
                .rows()) {
            String words = row.get("words").trim();
            switch (row.get("kind")) {
                case "HONORIFIC" -> honorifics.add(words.toLowerCase(Locale.ROOT));
                case "ROLE" -> {
                    List<String> tokens = tokens(words).stream()
                            .map(w -> w.toLowerCase(Locale.ROOT))
                            .toList();
                    rolesByFirstWord
                            .computeIfAbsent(tokens.get(0), k -> new ArrayList<>())
                            .add(tokens);
                }
                default -> throw row.error("kind is ROLE or HONORIFIC, got " + row.get("kind"));
            }
        }
    }

    private void add(String name, KnownEntity entity, EntryKind kind) {
        List<String> tokens = tokens(name).stream().map(Gazetteer::matchKey).toList();
        if (!tokens.isEmpty()) {
            int h = tokens.get(0).hashCode();
            firstTokenFilter[(h >>> 6) & (firstTokenFilter.length - 1)] |= 1L << h;
            entriesByFirstToken
                    .computeIfAbsent(tokens.get(0), k -> new ArrayList<>())
                    .add(new Entry(tokens, entity, kind));
        }
    }

    private List<String> tokens(String name) {
        return segmenter.split(name).stream()
                .flatMap(s -> s.tokens().stream())
                .map(Token::text)
                .toList();
    }

    // Compiled once: slug runs for every organisation, place and person an article names, and String.replaceAll
    // compiled its pattern at every call.
    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}");
    private static final java.util.regex.Pattern NOT_ALPHANUMERIC = java.util.regex.Pattern.compile("[^a-z0-9]+");
    private static final java.util.regex.Pattern EDGE_HYPHEN = java.util.regex.Pattern.compile("(^-|-$)");

    /** Lower-case ASCII key for ids: "Gulf Cooperation Council" becomes "gulf-cooperation-council". */
    static String slug(String name) {
        if (isAscii(name)) {
            return asciiSlug(name);
        }
        String ascii =
                MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        return EDGE_HYPHEN
                .matcher(
                        NOT_ALPHANUMERIC.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-"))
                .replaceAll("");
    }

    private static boolean isAscii(String name) {
        for (int k = 0; k < name.length(); k++) {
            if (name.charAt(k) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #slug} of a name in ASCII, where decomposing and dropping marks change nothing, in one pass: lower case,
     * each run of other characters one hyphen, none at either end. The three regular expressions built matchers and
     * strings for every name an article gives (most of them ASCII), a per cent and more of extraction.
     */
    private static String asciiSlug(String name) {
        StringBuilder slug = new StringBuilder(name.length());
        boolean gap = false;
        for (int k = 0; k < name.length(); k++) {
            char c = name.charAt(k);
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                if (gap && slug.length() > 0) {
                    slug.append('-');
                }
                gap = false;
                slug.append(c);
            } else {
                gap = true;
            }
        }
        return slug.toString();
    }
}
