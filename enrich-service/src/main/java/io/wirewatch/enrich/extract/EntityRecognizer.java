package io.wirewatch.enrich.extract;

import io.wirewatch.schema.EntityType;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds the people, organisations, countries and places of an article and merges their aliases.
 *
 * <p>Three passes per sentence: gazetteer names (longest match; capitals become the country when they act and the
 * city after a locative preposition), titles and honorifics (roles, never names), then runs of capitalised words the
 * gazetteers do not know, classified by their context: after a title or honorific a person; ending in an institution
 * word (Council, Ministry, Centre ...) an organisation; after "the town of" or "in" a place; two or more name-like
 * words a person. A last pass across the article maps surnames ({@code Mr Lavrov}, {@code Assad}) to the full name
 * seen elsewhere, comparing spellings by a transliteration key so {@code Sergey} and {@code Sergei} agree.
 */
final class EntityRecognizer {

    private final Gazetteer gazetteer;
    private final PlaceResolver placeResolver;

    EntityRecognizer(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        this.placeResolver = new PlaceResolver(gazetteer.places());
    }

    Gazetteer gazetteer() {
        return gazetteer;
    }

    /** A person name found by the rules, waiting for the article-wide alias pass. */
    private record PersonCandidate(int sentence, int from, int to, int nameFrom, boolean cued, String nationality) {}

    void recognise(ArticleAnalysis article) {
        List<PersonCandidate> candidates = new ArrayList<>();
        // Known names first, across the whole article, so that places named later can be placed in its countries.
        List<boolean[]> coveredBySentence = new ArrayList<>(article.sentences.size());
        for (Sentence sentence : article.sentences) {
            coveredBySentence.add(findGazetteerNames(article, sentence));
        }
        Map<String, Integer> countryWeights = countryWeights(article);
        for (Sentence sentence : article.sentences) {
            boolean[] covered = coveredBySentence.get(sentence.index());
            boolean[] role = markRoles(sentence, covered);
            findUnknownNames(article, sentence, covered, role, candidates, countryWeights);
        }
        relocateForeignCapitals(article, countryWeights);
        placeUnplacedPlaces(article, countryWeights);
        resolvePeople(article, candidates);
        article.finishMentions();
    }

    /**
     * A village no list holds and whose sentence named no country ("on Bawar Daji village of Anka ... Zamfara State")
     * lies in the country the article names most, places found by the gazetteer counted.
     */
    private static void placeUnplacedPlaces(ArticleAnalysis article, Map<String, Integer> countryWeights) {
        String main = countryWeights.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(null);
        for (ArticleEntity entity : article.entities.values()) {
            if (entity.type == EntityType.PLACE && entity.countryCode == null && entity.known == null && main != null) {
                entity.countryCode = main;
            }
        }
    }

    /**
     * "murieron en Santiago" in a story about Galicia, "killed in Tripoli" in a story about Lebanon: a capital named as
     * a city in a story that names its state nowhere else is a town of the story's own countries so called (the world
     * gazetteer's, by the article's countries, then population), else a town of the story's main country the
     * gazetteer lacks ("Santiago" for Santiago de Compostela). A capital whose state the story names stays the capital.
     */
    private void relocateForeignCapitals(ArticleAnalysis article, Map<String, Integer> countryWeights) {
        Map<String, Integer> own = new java.util.HashMap<>();
        List<Mention> capitals = new ArrayList<>();
        for (Sentence sentence : article.sentences) {
            for (Mention mention : article.mentions(sentence.index())) {
                ArticleEntity entity = mention.entity();
                if (entity.type == EntityType.PLACE
                        && entity.known != null
                        && entity.known.capitalOf() != null
                        && entity.countryCode != null
                        && !article.isDateline(sentence, mention)
                        && article.stateOfItsCapitalPhrase(sentence, mention) == null) { // "the Syrian capital"
                    capitals.add(mention);
                    own.merge(entity.countryCode, 1, Integer::sum);
                }
            }
        }
        for (Mention mention : capitals) {
            String code = mention.entity().countryCode;
            if (countryWeights.getOrDefault(code, 0) > own.get(code)) {
                continue; // the story names the capital's state
            }
            Map<String, Integer> others = new LinkedHashMap<>(countryWeights);
            others.remove(code);
            others.values().removeIf(weight -> weight <= 0);
            if (others.isEmpty()) {
                continue; // a story about no other state: the capital it is
            }
            String name = mention.entity().canonicalName;
            io.wirewatch.knowledge.Places.Place best = null;
            for (io.wirewatch.knowledge.Places.Place candidate :
                    gazetteer.places().lookup(name)) {
                if (others.containsKey(candidate.countryCode())
                        && (best == null
                                || others.get(candidate.countryCode()) > others.get(best.countryCode())
                                || others.get(candidate.countryCode()).equals(others.get(best.countryCode()))
                                        && candidate.population() > best.population())) {
                    best = candidate;
                }
            }
            String main = others.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey)
                    .orElseThrow();
            if (best == null && !namesARegionOf(article, main)) {
                continue; // "protests in London" in a story about Gaza: no local story, so no local town
            }
            Sentence sentence = article.sentences.get(mention.sentenceIndex());
            String written = sentence.span(article.text, mention.from(), mention.to() - 1);
            article.removeMention(mention);
            addResolvedPlace(
                    article,
                    sentence,
                    mention.from(),
                    mention.to(),
                    best != null
                            ? new PlaceResolver.Resolved(written, best.countryCode(), best)
                            : new PlaceResolver.Resolved(written, main, null));
            countryWeights.merge(code, -1, Integer::sum);
            countryWeights.merge(best != null ? best.countryCode() : main, 1, Integer::sum);
        }
        countryWeights.values().removeIf(weight -> weight <= 0);
    }

    /** A story local to a state: it names one of the state's first-level regions ("Galicia", "Borno State"). */
    private static boolean namesARegionOf(ArticleAnalysis article, String code) {
        for (Sentence sentence : article.sentences) {
            for (Mention mention : article.mentions(sentence.index())) {
                if (mention.entity().type == EntityType.PLACE
                        && mention.entity().firstLevelRegion
                        && code.equals(mention.entity().countryCode)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** How often the article names each country (by ISO code), its demonyms and capitals included. */
    private static Map<String, Integer> countryWeights(ArticleAnalysis article) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (Sentence sentence : article.sentences) {
            for (Mention mention : article.mentions(sentence.index())) {
                String code = mention.entity().countryCode;
                if (code != null
                        && (mention.entity().type == EntityType.COUNTRY || mention.entity().type == EntityType.PLACE)
                        && !article.isDateline(sentence, mention) // "NIAMEY, Niger (AP) -" is no story about Niger
                        // nor is "a village near the border with Niger"
                        && !PlaceResolver.namedForItsBorder(
                                article.language.lexicon(), sentence, mention.from(), mention.to())) {
                    weights.merge(code, 1, Integer::sum);
                }
            }
        }
        return weights;
    }

    private boolean[] findGazetteerNames(ArticleAnalysis article, Sentence sentence) {
        boolean[] covered = new boolean[sentence.size()];
        int i = 0;
        while (i < sentence.size()) {
            Gazetteer.Match match = gazetteer.longestMatchAt(sentence, i);
            int[] capitalPhrase = match == null ? null : capitalNamedByItsState(article, sentence, match);
            if (capitalPhrase != null && !namedBeside(article, sentence, capitalPhrase)) {
                // "the Syrian capital" before the test below, which would read it as a place named so ("Syrian
                // Desert")
                addCapitalNamedByItsState(article, sentence, match, capitalPhrase[0], capitalPhrase[1]);
                for (int k = capitalPhrase[0]; k < capitalPhrase[1]; k++) {
                    covered[k] = true;
                }
                i = Math.max(i + 1, capitalPhrase[1]);
                continue;
            }
            if (match != null
                    && (isStartOfPlaceName(article, sentence, match) || isEndOfPlaceName(article, sentence, match))) {
                // "British Columbia", "Syrian Desert", "Cap Haïtien", "Port Sudan": a place whose name begins or ends
                // with a state's word
                match = null;
            }
            if (match != null) {
                match = withStateTitle(article, sentence, match);
                addGazetteerMention(article, sentence, match);
                for (int k = match.from(); k < match.to(); k++) {
                    covered[k] = true;
                }
                i = match.to();
                continue;
            }
            Token token = sentence.token(i);
            if (token.text().indexOf('-') > 0) {
                covered[i] = addHyphenParts(article, sentence, i);
            } else if (isBlocByItsHeadNoun(article, sentence, i)) {
                covered[i] = true;
            }
            i++;
        }
        return covered;
    }

    /**
     * A state's name with its formal title before it names the state: "la République du Niger", "the Kingdom of
     * Morocco", "la República de Colombia", "la République islamique d'Iran". The mention takes in the title
     * (STATE_TITLES, then at most one more word, then "of"), so the title starts no name of its own and a frame that
     * wants the state right after its preposition finds it.
     */
    private static Gazetteer.Match withStateTitle(ArticleAnalysis article, Sentence sentence, Gazetteer.Match match) {
        Lexicon lexicon = article.language.lexicon();
        if (match.entry().kind() != Gazetteer.EntryKind.NAME
                || match.entry().entity().type() != EntityType.COUNTRY
                || !lexicon.is("OF", sentence, match.from() - 1)) {
            return match;
        }
        for (int title = match.from() - 2; title >= Math.max(0, match.from() - 3); title--) {
            if (lexicon.is("STATE_TITLES", sentence, title)
                    && sentence.token(title).isCapitalised()) {
                int from = title > 0
                                && sentence.token(title - 1).isCapitalised()
                                && lexicon.is("STATE_TITLE_WORDS", sentence, title - 1)
                        ? title - 1 // "the Islamic Republic of Iran"
                        : title;
                return new Gazetteer.Match(from, match.to(), match.entry());
            }
        }
        return match;
    }

    /**
     * "suspended from the Forum" after "the Pacific Islands Forum", "l'Union" after "l'Union africaine": a capitalised
     * BLOC_HEAD_NOUNS word after the article names the one bloc or body named before whose name holds it. Adds that
     * mention and says whether it did.
     */
    private static boolean isBlocByItsHeadNoun(ArticleAnalysis article, Sentence sentence, int i) {
        Lexicon lexicon = article.language.lexicon();
        Token token = sentence.token(i);
        if (i == 0
                || !token.isCapitalised()
                || !lexicon.is("ARTICLE", sentence, i - 1)
                || !lexicon.is("BLOC_HEAD_NOUNS", sentence, i)
                || i + 1 < sentence.size() && sentence.token(i + 1).isCapitalised()) {
            return false;
        }
        ArticleEntity group = article.groupNamedBeforeWith(token.text(), sentence.index(), i);
        if (group == null) {
            return false;
        }
        article.addMention(
                new Mention(sentence.index(), i, i + 1, token.start(), token.end(), group, Mention.Kind.NAME));
        return true;
    }

    /** How many small linking words ("de", "del", "de la") may join a name to the rest of a longer place name. */
    private static final int LINKS_IN_PLACE_NAME = 2;

    /**
     * A one-word demonym or name followed by capitalised words that together name a place of the gazetteer; or a
     * capital's name followed by linking words and capitalised words that do ("Santiago de Compostela" is no
     * Chilean capital, "Santiago del Estero" neither).
     */
    private boolean isStartOfPlaceName(ArticleAnalysis article, Sentence sentence, Gazetteer.Match match) {
        if (match.to() - match.from() != 1 || match.to() >= sentence.size()) {
            return false;
        }
        Lexicon lexicon = article.language.lexicon();
        int links = 0;
        while (links < LINKS_IN_PLACE_NAME
                && match.to() + links < sentence.size()
                && !sentence.token(match.to() + links).isCapitalised()
                && lexicon.is("NAME_LINKS", sentence, match.to() + links)) {
            links++;
        }
        if (links == 0 && match.entry().kind() == Gazetteer.EntryKind.CAPITAL
                || match.to() + links >= sentence.size()
                || !sentence.token(match.to() + links).isCapitalised()) {
            return false;
        }
        for (int end = match.to() + links + 1; end <= Math.min(sentence.size(), match.to() + links + 2); end++) {
            if (!sentence.token(end - 1).isCapitalised()) {
                break;
            }
            if (gazetteer.places().has(sentence.span(article.text, match.from(), end - 1))) {
                return true;
            }
        }
        return false;
    }

    /** One or two capitalised words before a one-word demonym or name that together name a place of the gazetteer. */
    private boolean isEndOfPlaceName(ArticleAnalysis article, Sentence sentence, Gazetteer.Match match) {
        if (match.to() - match.from() != 1) {
            return false;
        }
        for (int start = match.from() - 1; start >= Math.max(0, match.from() - 2); start--) {
            if (!sentence.token(start).isCapitalised()) {
                return false;
            }
            if (gazetteer.places().has(sentence.span(article.text, start, match.to() - 1))) {
                return true;
            }
        }
        return false;
    }

    private void addGazetteerMention(ArticleAnalysis article, Sentence sentence, Gazetteer.Match match) {
        KnownEntity known = match.entry().entity();
        int charStart = sentence.token(match.from()).start();
        int charEnd = sentence.token(match.to() - 1).end();
        switch (match.entry().kind()) {
            case DEMONYM ->
                article.addMention(new Mention(
                        sentence.index(),
                        match.from(),
                        match.to(),
                        charStart,
                        charEnd,
                        article.entity(known),
                        Mention.Kind.DEMONYM));
            case CAPITAL -> {
                Lexicon lexicon = article.language.lexicon();
                // "el Gobierno de Quito", "le gouvernement de Bamako", "the government in Kyiv": the state it governs
                boolean governed = lexicon.is("PLACE_PREPOSITIONS", sentence, match.from() - 1)
                        && lexicon.is("GOVERNMENT_NOUNS", sentence, match.from() - 2);
                boolean asPlace = !governed && lexicon.is("PLACE_PREPOSITIONS", sentence, match.from() - 1)
                        || lexicon.is("PLACE_TYPES", sentence, match.from() - 2)
                        || match.to() < sentence.size()
                                && sentence.token(match.to()).isCapitalised()
                        || isDateline(sentence, match.to())
                        || lexicon.is("CITY_EVENT_NOUNS", sentence, match.to())
                        || lexicon.is("POSSESSIVE", sentence, match.to())
                                && lexicon.is("CITY_EVENT_NOUNS", sentence, match.to() + 2);
                if (asPlace) {
                    ArticleEntity city = article.entity(known);
                    locate(city);
                    nameForAlerts(article, city, listedPlace(city));
                    article.addMention(new Mention(
                            sentence.index(), match.from(), match.to(), charStart, charEnd, city, Mention.Kind.NAME));
                } else {
                    article.addMention(new Mention(
                            sentence.index(),
                            match.from(),
                            match.to(),
                            charStart,
                            charEnd,
                            article.entity(known.capitalOf()),
                            Mention.Kind.METONYM));
                }
            }
            default ->
                article.addMention(new Mention(
                        sentence.index(),
                        match.from(),
                        match.to(),
                        charStart,
                        charEnd,
                        article.entity(known),
                        Mention.Kind.NAME));
        }
    }

    /**
     * "the Somali capital", "the capital of Mali", "Mali's capital", "la capitale malienne", "la capital de
     * Malí": a state's name or demonym beside the word for a capital names the capital city, which is where things
     * happen ("a bomb hit the Malian capital"), not the state. Returns the tokens [from, to) naming it, else
     * null.
     */
    private int[] capitalNamedByItsState(ArticleAnalysis article, Sentence sentence, Gazetteer.Match match) {
        KnownEntity known = match.entry().entity();
        if (known.type() != EntityType.COUNTRY || gazetteer.capitalOf(known.countryCode()) == null) {
            return null;
        }
        Lexicon lexicon = article.language.lexicon();
        int from = match.from();
        int to = match.to();
        if (match.entry().kind() == Gazetteer.EntryKind.DEMONYM) {
            if (lexicon.is("CAPITAL_NOUNS", sentence, to)) {
                return new int[] {from, to + 1}; // "the Somali capital"
            }
            return lexicon.is("CAPITAL_NOUNS", sentence, from - 1)
                    ? new int[] {from - 1, to}
                    : null; // "capitale malienne"
        }
        if (match.entry().kind() != Gazetteer.EntryKind.NAME) {
            return null;
        }
        if (lexicon.is("POSSESSIVE", sentence, to) && lexicon.is("CAPITAL_NOUNS", sentence, to + 1)) {
            return new int[] {from, to + 2}; // "Mali's capital"
        }
        int k = from - 1;
        if (lexicon.is("ARTICLE", sentence, k)) {
            k--; // "la capitale de la Somalie"
        }
        return lexicon.is("OF", sentence, k) && lexicon.is("CAPITAL_NOUNS", sentence, k - 1)
                ? new int[] {k - 1, to} // "the capital of Mali", "la capitale du Mali"
                : null;
    }

    /**
     * "Lagos, the Nigerian capital" (a former one), "the Kenyan capital Nairobi", "the capital, Nairobi": the city is named
     * beside the phrase, which only describes it (and may call a former or commercial capital so).
     */
    private static boolean namedBeside(ArticleAnalysis article, Sentence sentence, int[] capital) {
        int before = capital[0] - 1;
        if (before >= 0 && article.language.lexicon().is("ARTICLE", sentence, before)) {
            before--;
        }
        boolean apposition = before >= 0 && sentence.lower(before).equals(",");
        int after = sentence.lower(capital[1]).equals(",") ? capital[1] + 1 : capital[1];
        return apposition || after < sentence.size() && sentence.token(after).isCapitalised();
    }

    private void addCapitalNamedByItsState(
            ArticleAnalysis article, Sentence sentence, Gazetteer.Match state, int from, int to) {
        ArticleEntity city =
                article.entity(gazetteer.capitalOf(state.entry().entity().countryCode()));
        locate(city);
        nameForAlerts(article, city, listedPlace(city));
        addName(article, sentence, from, to, city);
    }

    /**
     * Where each capital named as a city lies, by name and country, found once: a name has many places in the world
     * gazetteer ("Washington"), and each mention of the city looked them all up again.
     */
    private final java.util.concurrent.ConcurrentHashMap<
                    String, java.util.Optional<io.wirewatch.knowledge.Places.Place>>
            located = new java.util.concurrent.ConcurrentHashMap<>();

    /** Coordinates and region of a place known by name and country (a capital), from the world gazetteer. */
    private void locate(ArticleEntity place) {
        if (place.latitude != null || place.countryCode == null) {
            return;
        }
        String name = place.canonicalName;
        String country = place.countryCode;
        located.computeIfAbsent(name + '\n' + country, key -> placeOf(name, country))
                .ifPresent(candidate -> {
                    place.geonameId = candidate.geonameId() > 0 ? candidate.geonameId() : null;
                    place.latitude = candidate.lat();
                    place.longitude = candidate.lon();
                    place.region = candidate.admin1Name();
                });
    }

    /** From this many people a city's name in the world gazetteer is its English exonym ("Algiers", "Manaus"). */
    private static final long EXONYM_POPULATION = 300_000;

    /**
     * "Bagdad", "Argel": a capital or large city named in a language whose exonyms are not the alerts' takes the world
     * gazetteer's name, so that reports in every language name it alike. Smaller places keep the name written: the
     * gazetteer's is then a local transliteration ("Az Zabadānī") no report writes.
     */
    private static void nameForAlerts(
            ArticleAnalysis article, ArticleEntity place, io.wirewatch.knowledge.Places.Place listed) {
        if (listed != null
                && !listed.isRegion()
                && (listed.isCapital() || listed.population() >= EXONYM_POPULATION)
                && !article.language.lexicon().is("EXONYMS_OF_ALERTS", "yes")) {
            place.gazetteerName = listed.name();
        }
    }

    /** The world gazetteer's place of a capital named as a city, found once per name and country (see locate). */
    private io.wirewatch.knowledge.Places.Place listedPlace(ArticleEntity city) {
        if (city.countryCode == null) {
            return null;
        }
        String name = city.canonicalName;
        String country = city.countryCode;
        return located.computeIfAbsent(name + '\n' + country, key -> placeOf(name, country))
                .orElse(null);
    }

    /** The first place (not region) of the world gazetteer with this name in this country. */
    private java.util.Optional<io.wirewatch.knowledge.Places.Place> placeOf(String name, String country) {
        for (io.wirewatch.knowledge.Places.Place candidate : gazetteer.places().lookup(name)) {
            if (candidate.countryCode().equals(country) && !candidate.isRegion()) {
                return java.util.Optional.of(candidate);
            }
        }
        return java.util.Optional.empty();
    }

    /** "Beirut, Lebanon": a capital followed by its country is a place line, not the government acting. */
    private boolean isDateline(Sentence sentence, int next) {
        if (!sentence.lower(next).equals(",") || next + 1 >= sentence.size()) {
            return false;
        }
        Gazetteer.Match after = gazetteer.longestMatchAt(sentence, next + 1);
        return after != null
                && after.entry().kind() == Gazetteer.EntryKind.NAME
                && after.entry().entity().type() == EntityType.COUNTRY;
    }

    /** "Russian-Chinese", "Saudi-led", "Russian-made": the parts name countries even when the whole word does not. */
    private boolean addHyphenParts(ArticleAnalysis article, Sentence sentence, int i) {
        Token token = sentence.token(i);
        String[] parts = token.text().split("-");
        for (String part : parts) {
            if (!part.isEmpty() && Character.isUpperCase(part.charAt(0)) && gazetteer.singleWord(part) == null) {
                return false; // "CurrentSyrian-Canadians" is a garbled name, not two countries
            }
        }
        boolean any = false;
        int offset = 0;
        for (String part : parts) {
            Gazetteer.Entry entry = part.isEmpty() ? null : gazetteer.singleWord(part);
            if (entry != null
                    && entry.kind() != Gazetteer.EntryKind.CAPITAL
                    && entry.entity().type() == EntityType.COUNTRY) {
                int start = token.start() + offset;
                article.addMention(new Mention(
                        sentence.index(),
                        i,
                        i + 1,
                        start,
                        start + part.length(),
                        article.entity(entry.entity()),
                        entry.kind() == Gazetteer.EntryKind.DEMONYM ? Mention.Kind.DEMONYM : Mention.Kind.NAME));
                any = true;
            }
            offset += part.length() + 1;
        }
        return any;
    }

    private boolean[] markRoles(Sentence sentence, boolean[] covered) {
        boolean[] role = new boolean[sentence.size()];
        int i = 0;
        while (i < sentence.size()) {
            int length = covered[i] ? 0 : gazetteer.roleLengthAt(sentence, i);
            if (length == 0 && gazetteer.isHonorific(sentence.token(i))) {
                length = 1;
            }
            for (int k = 0; k < length; k++) {
                role[i + k] = !covered[i + k];
            }
            i += Math.max(1, length);
        }
        return role;
    }

    private void findUnknownNames(
            ArticleAnalysis article,
            Sentence sentence,
            boolean[] covered,
            boolean[] role,
            List<PersonCandidate> candidates,
            Map<String, Integer> countryWeights) {
        boolean titleCase = isTitleCase(sentence);
        int i = 0;
        while (i < sentence.size()) {
            if (!startsName(article.language, sentence, i, role)) {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < sentence.size() && continuesName(article.language, sentence, end, role)) {
                end++;
            }
            if (!titleCase || i > 0 && role[i - 1]) {
                classifyRun(article, sentence, i, end, covered, role, candidates, countryWeights);
            }
            i = end;
        }
    }

    /**
     * "Pakistan Informs Iran About Decision to Recall Its Ambassador": a headline in title case capitalises every
     * word, so capitals say nothing there; only known names (and words after a title) are names in it.
     */
    private static boolean isTitleCase(Sentence sentence) {
        int words = 0;
        int capitalised = 0;
        for (int i = 0; i < sentence.size(); i++) { // by index: no iterator per sentence
            Token token = sentence.token(i);
            if (token.isWord() && token.text().length() > 3) {
                words++;
                if (token.isCapitalised()) {
                    capitalised++;
                }
            }
        }
        return words >= 4 && capitalised * 10 >= words * 8;
    }

    private static boolean startsName(Language language, Sentence sentence, int i, boolean[] role) {
        Token token = sentence.token(i);
        return !role[i]
                && token.isWord()
                && (token.isCapitalised() && !isHyphenatedAdjective(token)
                        || isJoinedParticle(language.lexicon(), token))
                && !language.time().isCalendarWord(token.lower());
    }

    /** "al-Assad", "bin-Salman": a name particle joined to a capitalised name. */
    private static boolean isJoinedParticle(Lexicon lexicon, Token token) {
        int hyphen = token.text().indexOf('-');
        return hyphen > 0
                && hyphen + 1 < token.text().length()
                && Character.isUpperCase(token.text().charAt(hyphen + 1))
                && lexicon.is("NAME_PARTICLES", token.lower().substring(0, hyphen));
    }

    /** "Geneva-based", "Saudi-led", "US-backed": an adjective made of a name, never the start of one. */
    private static boolean isHyphenatedAdjective(Token token) {
        int hyphen = token.text().lastIndexOf('-');
        return hyphen > 0
                && hyphen + 1 < token.text().length()
                && Character.isLowerCase(token.text().charAt(hyphen + 1));
    }

    private static boolean continuesName(Language language, Sentence sentence, int i, boolean[] role) {
        if (startsName(language, sentence, i, role)) {
            return true;
        }
        // "bin Laden", "Ministry of Defence": a particle or "of" joins two capitalised words.
        Lexicon lexicon = language.lexicon();
        boolean joiner = lexicon.is("NAME_PARTICLES", sentence, i)
                || lexicon.is("ORG_JOINERS", sentence, i)
                        && (isHead(lexicon, "ORG_HEADS", sentence.token(i - 1))
                                || isHead(lexicon, "ORG_HEADS_FIRST", sentence.token(i - 1)));
        return joiner && i + 1 < sentence.size() && startsName(language, sentence, i + 1, role);
    }

    /** A capitalised word of a head class: "Council", "Square". */
    private static boolean isHead(Lexicon lexicon, String className, Token token) {
        return token.isCapitalised() && lexicon.is(className, token);
    }

    private void classifyRun(
            ArticleAnalysis article,
            Sentence sentence,
            int from,
            int to,
            boolean[] covered,
            boolean[] role,
            List<PersonCandidate> candidates,
            Map<String, Integer> countryWeights) {
        int start = from;
        Lexicon lexicon = article.language.lexicon();
        while (start < to
                && !covered[start]
                && lexicon.is("NAME_FUNCTION_WORDS", sentence, start)
                && !PlaceResolver.opensAPlaceName(lexicon, sentence, start, to)) {
            start++; // but not the article of "à La Saline", which is the place's own
        }
        if (start + 2 < to
                && !covered[start]
                && lexicon.is("PLACE_TYPES", sentence, start)
                && lexicon.is("OF", sentence, start + 1)) {
            start += 2; // "Penal de Topo Chico", "Province of Sindh": the type and its "of" frame the place's name
        }
        if (start >= to) {
            return;
        }
        // "the Mombasa Teachers College massacre": an event named by its place, which the resolver reads as the town's
        boolean namesAnEvent = PlaceResolver.isEventNoun(lexicon, sentence, to);
        if (isInstitution(lexicon, sentence, start, to)
                && !isSingleGazetteerName(article, sentence, start, to)
                && !namesAnEvent) {
            int orgStart = start;
            boolean governmentBody = isHead(lexicon, "GOVERNMENT_ORG_HEADS", sentence.token(to - 1));
            while (orgStart < to && covered[orgStart]) {
                Mention mention = article.mentionAt(sentence.index(), orgStart);
                boolean state = mention != null
                        && mention.kind() == Mention.Kind.NAME
                        && mention.entity().type == EntityType.COUNTRY
                        && governmentBody;
                if (mention == null || mention.kind() != Mention.Kind.DEMONYM && !state) {
                    break;
                }
                // "Russian Foreign Ministry", "U.S. Treasury Department": the state is not part of the body's name
                // (and stays a mention of the state, which acts through it); "Qatar Airways" is
                orgStart = mention.to();
            }
            if (to - orgStart >= 2 && !isOrganOfABloc(article, sentence, orgStart, to)) {
                addOrganisation(article, sentence, orgStart, to, countryWeights);
                return;
            }
        }
        if (to - start >= 2 && isHead(lexicon, "PLACE_HEADS", sentence.token(to - 1)) && !covered[to - 1]) {
            addPlace(article, sentence, start, to);
            return;
        }
        int k = start;
        while (k < to) {
            if (covered[k]) {
                k++;
                continue;
            }
            int subEnd = k;
            while (subEnd < to && !covered[subEnd]) {
                subEnd++;
            }
            classifyUnknown(article, sentence, k, subEnd, role, candidates, countryWeights);
            k = subEnd;
        }
    }

    /**
     * "Syrian Observatory for Human Rights", "Ministry of Defence", and in languages that put it first "Conseil de
     * sécurité": an institution word ends the name or is followed by its joiner, or opens the name.
     */
    private static boolean isInstitution(Lexicon lexicon, Sentence sentence, int from, int to) {
        if (to - from >= 2 && isHead(lexicon, "ORG_HEADS_FIRST", sentence.token(from))) {
            return true;
        }
        for (int k = from + 1; k < to; k++) {
            if (isHead(lexicon, "ORG_HEADS", sentence.token(k))
                    && (k == to - 1 || lexicon.is("ORG_JOINERS", sentence, k + 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Conseil de la CEDEAO", "Cumbre del Mercosur", "Council of the Arab League": an organ named as the bloc's
     * stands for the bloc, which decides through it (a suspension from its councils is one from the bloc); the bloc's
     * mention stays.
     */
    private static boolean isOrganOfABloc(ArticleAnalysis article, Sentence sentence, int from, int to) {
        Mention last = article.mentionAt(sentence.index(), to - 1);
        if (last == null
                || last.to() != to
                || last.from() <= from
                || !last.entity().isStateGroup()) {
            return false;
        }
        Lexicon lexicon = article.language.lexicon();
        int joiner = lexicon.is("ARTICLE", sentence, last.from() - 1) ? last.from() - 2 : last.from() - 1;
        return joiner > from && lexicon.is("ORG_JOINERS", sentence, joiner);
    }

    private static boolean isSingleGazetteerName(ArticleAnalysis article, Sentence sentence, int from, int to) {
        Mention mention = article.mentionAt(sentence.index(), from);
        return mention != null && mention.from() == from && mention.to() == to;
    }

    private void addOrganisation(
            ArticleAnalysis article, Sentence sentence, int from, int to, Map<String, Integer> countryWeights) {
        ArticleEntity seat = seatOfASite(article, sentence, from, to, countryWeights);
        addWholeName(article, sentence, from, to, "org:", EntityType.ORGANISATION); // "Carnegie Moscow Centre"
        if (seat != null) {
            article.mentionAt(sentence.index(), from).entity().seat = seat;
        }
    }

    /**
     * "Mombasa Technical College", "Kano Central Mosque", "Université de Bouaké": a site (a word the lexicon calls
     * one) whose name holds a town is in that town; an institution of no such kind ("Carnegie Moscow Centre") says
     * nothing of where anything happens. Returns the town, else null.
     */
    private ArticleEntity seatOfASite(
            ArticleAnalysis article, Sentence sentence, int from, int to, Map<String, Integer> countryWeights) {
        Lexicon lexicon = article.language.lexicon();
        boolean site = false;
        for (int k = from; k < to && !site; k++) {
            site = lexicon.is("SITE_NOUNS", sentence, k);
        }
        if (!site) {
            return null;
        }
        for (Mention inside : article.mentions(sentence.index())) {
            if (inside.from() >= from && inside.to() <= to && inside.entity().type == EntityType.PLACE) {
                ArticleEntity place = inside.entity();
                return place.firstLevelRegion || place.countryCode == null ? null : place; // "Kabul University"
            }
        }
        PlaceResolver.Resolved town = placeResolver.townNamingASite(article, sentence, from, to, countryWeights);
        return town == null || town.place().isRegion() ? null : placeEntity(article, sentence, from, to, town);
    }

    private static void addPlace(ArticleAnalysis article, Sentence sentence, int from, int to) {
        addWholeName(article, sentence, from, to, "place:", EntityType.PLACE); // "Black Sea"
    }

    /**
     * The name of tokens {@code [from, to)} as one entity of {@code type}, in place of the mentions found inside it:
     * "Carnegie Moscow Centre" is no mention of Russia, "Black Sea" none of any country.
     */
    private static void addWholeName(
            ArticleAnalysis article, Sentence sentence, int from, int to, String idPrefix, EntityType type) {
        for (Mention inside : new ArrayList<>(article.mentions(sentence.index()))) {
            if (inside.from() >= from && inside.to() <= to) {
                article.removeMention(inside);
            }
        }
        String name = sentence.span(article.text, from, to - 1);
        ArticleEntity entity = article.entities.computeIfAbsent(
                idPrefix + Gazetteer.slug(name), key -> new ArticleEntity(key, type, name, null, null));
        addName(article, sentence, from, to, entity);
    }

    /** A mention by name of {@code entity} over tokens {@code [from, to)}. */
    private static void addName(ArticleAnalysis article, Sentence sentence, int from, int to, ArticleEntity entity) {
        article.addMention(new Mention(
                sentence.index(),
                from,
                to,
                sentence.token(from).start(),
                sentence.token(to - 1).end(),
                entity,
                Mention.Kind.NAME));
    }

    /** A place the resolver found, with its country and, when the world gazetteer has it, where it lies. */
    private static void addResolvedPlace(
            ArticleAnalysis article, Sentence sentence, int from, int to, PlaceResolver.Resolved resolved) {
        addName(article, sentence, from, to, placeEntity(article, sentence, from, to, resolved));
    }

    /** The article's entity of a resolved place, made on its first naming. */
    private static ArticleEntity placeEntity(
            ArticleAnalysis article, Sentence sentence, int from, int to, PlaceResolver.Resolved resolved) {
        String id = resolved.place() != null && resolved.place().geonameId() > 0
                ? "place:geonames-" + resolved.place().geonameId()
                : "place:"
                        + Gazetteer.slug(
                                resolved.name() + (resolved.countryCode() == null ? "" : "-" + resolved.countryCode()));
        return article.entities.computeIfAbsent(id, key -> {
            ArticleEntity entity =
                    new ArticleEntity(key, EntityType.PLACE, resolved.name(), null, resolved.countryCode());
            if (resolved.place() != null) {
                entity.geonameId =
                        resolved.place().geonameId() > 0 ? resolved.place().geonameId() : null;
                nameForAlerts(article, entity, resolved.place());
                entity.latitude = resolved.place().lat();
                entity.longitude = resolved.place().lon();
                entity.region = resolved.place().isRegion()
                        ? resolved.place().name()
                        : resolved.place().admin1Name();
                entity.firstLevelRegion = resolved.place().isRegion();
            } else {
                // "Yagha province": a place the gazetteer lacks, named as a region
                entity.firstLevelRegion = article.language.lexicon().is("REGION_TYPES", sentence, to)
                        || PlaceResolver.regionTypeBefore(article.language.lexicon(), sentence, from);
            }
            return entity;
        });
    }

    private void classifyUnknown(
            ArticleAnalysis article,
            Sentence sentence,
            int from,
            int to,
            boolean[] role,
            List<PersonCandidate> candidates,
            Map<String, Integer> countryWeights) {
        Lexicon lexicon = article.language.lexicon();
        while (from < to
                && lexicon.is("NAME_STOP_WORDS", sentence, from)
                && !PlaceResolver.opensAPlaceName(lexicon, sentence, from, to)) {
            from++;
        }
        if (from >= to) {
            return;
        }
        String before = sentence.lower(from - 1);
        boolean cued = from > 0 && role[from - 1];
        PlaceResolver.Resolved place = cued ? null : placeResolver.resolve(article, sentence, from, to, countryWeights);
        if (place != null) {
            addResolvedPlace(article, sentence, from, to, place);
            if (place.countryCode() != null) {
                countryWeights.merge(place.countryCode(), 1, Integer::sum);
            }
            return;
        }
        if (lexicon.is("IN", before) && to - from > 1) {
            return; // "the journal Russia in Global Affairs": a title, not a person
        }
        int nameFrom = from;
        int mentionFrom = cued && gazetteer.isHonorific(sentence.token(from - 1)) ? from - 1 : from;
        if (cued || to - from >= 2) {
            candidates.add(new PersonCandidate(
                    sentence.index(),
                    mentionFrom,
                    to,
                    nameFrom,
                    cued,
                    cued ? nationalityBeforeRole(article, sentence, from - 1, role) : null));
        } else if (sentence.token(from).isCapitalised()) {
            candidates.add(new PersonCandidate(sentence.index(), from, to, from, false, null));
        }
    }

    /** "Russian Foreign Minister", "U.S. President", "Russia's foreign intelligence chief": the state a person serves. */
    private static String nationalityBeforeRole(
            ArticleAnalysis article, Sentence sentence, int lastRoleToken, boolean[] role) {
        int k = lastRoleToken;
        while (k >= 0 && role[k]) {
            k--;
        }
        if (k >= 0 && article.language.lexicon().is("POSSESSIVE", sentence, k)) {
            k--;
        }
        Mention mention = k >= 0 ? article.mentionAt(sentence.index(), k) : null;
        return mention != null && mention.entity().type == EntityType.COUNTRY ? mention.entity().countryCode : null;
    }

    /** Merges full names by transliteration key, then maps lone surnames onto them; unresolved bare words are dropped. */
    private void resolvePeople(ArticleAnalysis article, List<PersonCandidate> candidates) {
        Map<String, ArticleEntity> bySurname = new LinkedHashMap<>();
        for (ArticleEntity entity : article.entities.values()) {
            if (entity.type == EntityType.PERSON) {
                bySurname.putIfAbsent(surnameKey(entity.canonicalName), entity);
            }
        }
        for (PersonCandidate candidate : candidates) {
            if (candidate.to() - candidate.nameFrom() >= 2) {
                Sentence sentence = article.sentences.get(candidate.sentence());
                String name = sentence.span(article.text, candidate.nameFrom(), candidate.to() - 1);
                ArticleEntity person = bySurname.get(surnameKey(name));
                if (person == null || !firstNameKey(person.canonicalName).equals(firstNameKey(name))) {
                    person = article.entities.computeIfAbsent(
                            "person:" + Gazetteer.slug(name),
                            key -> new ArticleEntity(key, EntityType.PERSON, name, null, candidate.nationality()));
                    bySurname.putIfAbsent(surnameKey(name), person);
                }
                addPersonMention(article, sentence, candidate, person, Mention.Kind.NAME);
            }
        }
        for (PersonCandidate candidate : candidates) {
            if (candidate.to() - candidate.nameFrom() == 1) {
                Sentence sentence = article.sentences.get(candidate.sentence());
                String word = sentence.token(candidate.nameFrom()).text();
                ArticleEntity person = bySurname.get(surnameKey(word));
                KnownEntity listed = person == null ? gazetteer.knownPersonBySurname(surnameKey(word)) : null;
                if (listed != null
                        && isFunctionWord(article.language.lexicon(), word)
                        && !isSurnameAsWritten(listed, word)) {
                    listed = null; // "Han ido ...": a Spanish auxiliary, not Imran Khan by transliteration
                }
                if (listed != null) {
                    person = article.entity(listed); // "Mr. Zelensky" when the article never gives his first name
                    bySurname.putIfAbsent(surnameKey(word), person);
                }
                if (person == null && candidate.cued()) {
                    person = article.entities.computeIfAbsent(
                            "person:" + Gazetteer.slug(word),
                            key -> new ArticleEntity(key, EntityType.PERSON, word, null, candidate.nationality()));
                    bySurname.putIfAbsent(surnameKey(word), person);
                }
                if (person != null) {
                    addPersonMention(article, sentence, candidate, person, Mention.Kind.SURNAME);
                }
            }
        }
    }

    private static void addPersonMention(
            ArticleAnalysis article,
            Sentence sentence,
            PersonCandidate candidate,
            ArticleEntity person,
            Mention.Kind kind) {
        if (person.countryCode == null && candidate.nationality() != null) {
            person.countryCode = candidate.nationality();
        }
        article.addMention(new Mention(
                sentence.index(),
                candidate.from(),
                candidate.to(),
                sentence.token(candidate.from()).start(),
                sentence.token(candidate.to() - 1).end(),
                person,
                kind));
    }

    /** A word the language's rules know as a function word: an auxiliary or a word that never starts a name. */
    private static boolean isFunctionWord(Lexicon lexicon, String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return lexicon.is("AUXILIARY", lower) || lexicon.is("NAME_STOP_WORDS", lower);
    }

    /** The listed person's surname is this very word, accents and case aside ("May" for Theresa May). */
    private static boolean isSurnameAsWritten(KnownEntity person, String word) {
        String[] words = person.canonicalName().trim().split("\\s+");
        return stripAccents(words[words.length - 1]).equalsIgnoreCase(stripAccents(word));
    }

    private static String stripAccents(String word) {
        return Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    // Compiled once: the keys are taken for every name of every article, and String.replaceAll and replaceFirst
    // compiled their patterns at every call (a few per cent of extraction in a profile).
    private static final Pattern MARKS = Pattern.compile("\\p{M}");

    /** The key of the last word of a name (what split("\\s+") left last, without the split). */
    private static String surnameKey(String name) {
        String trimmed = name.trim(); // trim drops every white space character at the ends
        int k = trimmed.length();
        while (k > 0 && !Lexicon.isSpace(trimmed.charAt(k - 1))) {
            k--;
        }
        return transliterationKey(trimmed.substring(k));
    }

    private static String firstNameKey(String name) {
        String trimmed = name.trim();
        int k = 0;
        while (k < trimmed.length() && !Lexicon.isSpace(trimmed.charAt(k))) {
            k++;
        }
        return transliterationKey(trimmed.substring(0, k));
    }

    /**
     * Spelling-insensitive key for a name word: no accents, no joined particle, y read as i, doubled letters single,
     * so Sergey/Sergei, al-Assad/Assad and Qaddafi/Gaddafi-like variants compare equal where they can.
     */
    static String transliterationKey(String word) {
        // ASCII has nothing to decompose and no mark to drop: most names skip the normaliser
        String ascii = (isAscii(word)
                        ? word
                        : MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD))
                                .replaceAll(""))
                .toLowerCase(Locale.ROOT);
        if (ascii.startsWith("al-") || ascii.startsWith("el-") || ascii.startsWith("ul-")) {
            ascii = ascii.substring(3);
        }
        ascii = ascii.replace('y', 'i').replace("kh", "h").replace("dh", "d").replace('q', 'g');
        StringBuilder key = new StringBuilder(ascii.length());
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            if (Character.isLetter(c) && (key.length() == 0 || key.charAt(key.length() - 1) != c)) {
                key.append(c);
            }
        }
        return key.toString();
    }

    private static boolean isAscii(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
