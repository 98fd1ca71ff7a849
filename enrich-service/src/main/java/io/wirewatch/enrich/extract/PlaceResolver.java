package io.wirewatch.enrich.extract;

import io.wirewatch.knowledge.Places;
import io.wirewatch.schema.EntityType;
import java.util.List;
import java.util.Map;

/**
 * Decides whether a capitalised name that is no state, bloc or known organisation is a place, and which one. The world
 * gazetteer ({@link Places}, GeoNames) holds every populated place of 500 people or more and every first-level region;
 * a name it holds is a place when its context says so ("in Kramatorsk", "Borno state", "Djibo, Burkina Faso") or when
 * it is a large city. Of several places so called, one in a country the article names wins, else the largest. A name
 * the gazetteer lacks is still a place when its context leaves no doubt ("the village of Mailari", "Bawar Daji
 * village", "Seytenga, a town in ..."): it is placed in the country named beside it, else the country the article is
 * about, so a toll in a village no list holds keeps its figure.
 */
final class PlaceResolver {

    /** A place large enough that its name alone, with no cue, reads as the place (not a person so called). */
    private static final long WELL_KNOWN_POPULATION = 100_000;

    private static final int MAX_UNLISTED_WORDS = 3;

    private final Places places;

    PlaceResolver(Places places) {
        this.places = places;
    }

    /** A place found: its name as the article writes it, its country, and the gazetteer's entry when it has one. */
    /**
     * "the village of X", "la commune rurale de X", "la région de l'Est", "el estado de X": a kind of
     * place, maybe with an adjective ("rurale"), then "of", maybe with an article, just before the name.
     */
    static boolean placeTypeBefore(Lexicon lexicon, Sentence s, int from) {
        return typeBefore(lexicon, "PLACE_TYPES", s, from);
    }

    /**
     * "la région du Sahel", "la province du Soum", "el estado de Níger": a first-level region named
     * by its kind before it (so less precise than the village of the same story; and "Níger" here is no state).
     */
    static boolean regionTypeBefore(Lexicon lexicon, Sentence s, int from) {
        return typeBefore(lexicon, "REGION_TYPES_BEFORE", s, from);
    }

    /** "the Lafosèt slum", "le quartier de X", "el barrio de X": a part of a town, which the town stands for. */
    static boolean partOfTownTypeBefore(Lexicon lexicon, Sentence s, int from) {
        return typeBefore(lexicon, "TOWN_PART_TYPES", s, from);
    }

    /**
     * "el volcán de Fuego", "le volcan de la Fournaise": where a kind of place that belongs to the name (NAMED_WITH_ITS_TYPE)
     * starts when it stands right before the name's "of" (maybe with an article between), else -1.
     */
    static int typeStartInName(Lexicon lexicon, Sentence s, int from) {
        int of = from - 1;
        if (of > 0 && lexicon.is("ARTICLE", s, of)) {
            of--;
        }
        return typeEndBeforeOf(lexicon, "NAMED_WITH_ITS_TYPE", s, of) == of ? of - 1 : -1;
    }

    /** How many adjectives may follow the kind of place: "le village peul de", "la ville minière de". */
    private static final int ADJECTIVES_AFTER_TYPE = 2;

    private static boolean typeBefore(Lexicon lexicon, String typeClass, Sentence s, int from) {
        int k = from - 1;
        if (k > 0 && lexicon.is("ARTICLE", s, k)) {
            k--;
        }
        return typeEndBeforeOf(lexicon, typeClass, s, k) >= 0;
    }

    /**
     * Where a kind of place ends (exclusive) when token {@code of} is the "of" that follows it, maybe after an
     * adjective or two ("le village peul de"); else -1.
     */
    static int typeEndBeforeOf(Lexicon lexicon, String typeClass, Sentence s, int of) {
        if (of <= 0 || !lexicon.is("OF", s, of)) {
            return -1;
        }
        for (int end = of; end > 0 && of - end <= ADJECTIVES_AFTER_TYPE; end--) {
            if (lexicon.endsAt(typeClass, s, end)) {
                return end;
            }
            if (!isAdjectiveLike(lexicon, s.token(end - 1))) {
                return -1;
            }
        }
        return -1;
    }

    /** A lower-case word no rule gives a role ("peul", "minière", "fronterizo"): it may qualify a kind of place. */
    private static boolean isAdjectiveLike(Lexicon lexicon, Token t) {
        return t.isWord()
                && !t.isCapitalised()
                && !lexicon.is("NAME_STOP_WORDS", t)
                && !lexicon.is("LANDMARK_NEAR", t)
                && !lexicon.is("PLACE_PREPOSITIONS", t);
    }

    record Resolved(String name, String countryCode, Places.Place place) {}

    /**
     * @param countryWeights how often the article names each country (ISO code), to choose among places so called
     * @return the place named by tokens {@code [from, to)}, or null when they are no place
     */
    Resolved resolve(ArticleAnalysis article, Sentence s, int from, int to, Map<String, Integer> countryWeights) {
        Lexicon lexicon = article.language.lexicon();
        if (lexicon.is("POSSESSIVE", s, to) && !landmarkAfterPossessive(lexicon, s, to + 1)) {
            return null; // "Lincoln's speech": a person's
        }
        // "at the 'Plaine Savo' camp", "au site « Plaine Savo »": a name in quotation marks is read with the words
        // around the marks as if they were not there
        boolean quoted = isQuoteMark(s, from - 1) && isQuoteMark(s, to);
        int before = quoted ? from - 1 : from;
        int after = quoted ? to + 1 : to;
        boolean typeAfter = lexicon.is("PLACE_TYPES", s, after);
        boolean typeInside = to - from >= 2 && lexicon.is("PLACE_TYPES", s, to - 1);
        boolean typeBefore = placeTypeBefore(lexicon, s, before)
                || quoted && lexicon.is("PLACE_TYPES", s, before - 1); // "au site « X »", "the camp 'X'"
        boolean prepositionBefore = lexicon.is("PLACE_PREPOSITIONS", s, before - 1);
        // "the Garissa attack", "the Garissa University College massacre": an event named by its place
        boolean eventAfter = isEventNoun(lexicon, s, after)
                || isCommonNoun(lexicon, s, after) && isEventNoun(lexicon, s, after + 1); // "the X bandit raid"
        String besideCountry = countryBeside(article, s, to, countryWeights);
        int typeStart = typeStartInName(lexicon, s, from);
        if (typeStart >= 0 && to - from <= MAX_UNLISTED_WORDS) {
            // "la erupción del volcán de Fuego": the volcano is called so, and whatever town of the world shares the
            // bare name ("Fuego") is not it
            String named = s.span(article.text, typeStart, to - 1);
            String country = besideCountry != null ? besideCountry : mainCountryCode(article, countryWeights);
            return new Resolved(Character.toUpperCase(named.charAt(0)) + named.substring(1), country, null);
        }
        String name = s.span(article.text, from, to - 1);
        List<Places.Place> candidates = places.lookup(name);
        if (candidates.isEmpty() && eventAfter && to - from >= 2) {
            Resolved opening = placeOpeningTheName(article, s, from, to, countryWeights);
            if (opening != null) {
                return opening; // "the Garissa University College massacre": Garissa's
            }
        }
        if (candidates.isEmpty() && typeInside) {
            name = s.span(article.text, from, to - 2);
            candidates = places.lookup(name);
        }
        if (besideCountry != null
                && candidates.stream().noneMatch(place -> place.countryCode().equals(besideCountry))) {
            // "à Boma, dans la province du Lac": the region beside it is Chad's, so this is no Congolese city of the
            // name but a place of Chad the gazetteer lacks
            candidates = List.of();
        }
        if (!candidates.isEmpty()) {
            Places.Place best = choose(candidates, countryWeights, besideCountry);
            boolean cued =
                    prepositionBefore || typeAfter || typeInside || typeBefore || besideCountry != null || eventAfter;
            boolean inStory = countryWeights.isEmpty()
                    || countryWeights.containsKey(best.countryCode())
                    || best.countryCode().equals(besideCountry);
            boolean large = best.population() >= WELL_KNOWN_POPULATION;
            // A large city needs no cue, but only in a story about its country: "Litoral" in an Ecuadorian prison's
            // name is no region of Equatorial Guinea
            if (inStory && (cued || large) || cued && large) {
                return new Resolved(displayName(name, best), best.countryCode(), best);
            }
            if (!cued) {
                return null;
            }
            // "in Solhan, Yagha province" in a story about Burkina Faso: the gazetteer's only Yagha is a village of
            // Niger, so this is a place the gazetteer lacks, in the story's country (a large city, "from Tel Aviv",
            // is itself whatever the story)
            candidates = List.of();
        }
        boolean typeBeside = prepositionBefore && typeInApposition(article.language.lexicon(), s, to);
        String country = besideCountry != null ? besideCountry : mainCountryCode(article, countryWeights);
        boolean certain = typeAfter
                || typeBefore
                || typeInside
                || typeBeside
                || besideCountry != null && prepositionBefore
                || country != null && whereHarmWasDone(lexicon, s, from, to, quoted);
        if (!certain || to - from > MAX_UNLISTED_WORDS || typeAfter && !typeBefore && isAdjective(lexicon, name)) {
            return null; // "this small Caucasian town": an adjective, not the town's name
        }
        return new Resolved(typeInside ? s.span(article.text, from, to - 2) : name, country, null);
    }

    /**
     * "400 civilians were killed in Barsalogho", "tués à Barsalogho", "murieron en Barsalogho": one word no list
     * holds, right after "in", "à" or "en", in a sentence that tells of people killed or wounded or of the attack, is where it happened
     * (most villages and small towns of a wire story are in no gazetteer). Not an acronym ("in RSF shelling"), nor the
     * first word of a longer name.
     */
    private static boolean whereHarmWasDone(Lexicon lexicon, Sentence s, int from, int to, boolean quoted) {
        String name = s.token(from).text();
        boolean acronym = name.length() > 1 && name.equals(name.toUpperCase(java.util.Locale.ROOT));
        // "in La Saline", "à La Saline", "en La Saline": a name that opens with its own article; "at 'Plaine Savo'",
        // "au site « Plaine Savo »": a name in quotation marks. Either is one name however many words it has.
        boolean bounded = opensAPlaceName(lexicon, s, from, to) || quoted || locatedRightAfter(lexicon, s, from, to);
        int locative = quoted ? from - 2 : from - 1;
        if (quoted && isCommonNoun(lexicon, s, locative)) {
            locative--; // "au site « X »", "in the camp 'X'": the noun a quoted name stands beside
        }
        if (quoted && lexicon.is("ARTICLE", s, locative)) {
            locative--; // "at the 'X'"
        }
        if (to - from != 1 && !(bounded && to - from <= MAX_UNLISTED_WORDS)
                || !lexicon.is("UNLISTED_PLACE_LOCATIVES", s, locative)
                        && !(quoted && lexicon.is("CASUALTY_LOCATIVES", s, locative))
                || acronym) {
            return false;
        }
        if (lexicon.is("NAME_LINKS", s, to)
                && to + 1 < s.size()
                && s.token(to + 1).isCapitalised()) {
            return false; // "at Penitenciaria del Litoral": the first word of a longer name
        }
        for (int k = 0; k < s.size(); k++) {
            String w = s.lower(k);
            if (lexicon.is("HARM_KILLED", w)
                    || lexicon.is("ACTIVE_KILLED", w)
                    || lexicon.is("HARM_WOUNDED", w)
                    || lexicon.is("ACTIVE_WOUNDED", w)
                    || lexicon.is("INCIDENT", w) && k < from) {
                return true; // also "El ataque se produjo ... en Kodalari": where the attack that killed was
            }
        }
        return false;
    }

    /**
     * "in La Saline", "à La Saline", "en El Geneina": a capitalised article (PLACE_NAME_ARTICLES) right after a
     * preposition of place and before another capitalised word of the name opens the place's own name, and is no
     * word to strip from it.
     */
    static boolean opensAPlaceName(Lexicon lexicon, Sentence s, int i, int to) {
        return i > 0
                && i + 1 < to
                && s.token(i).isCapitalised()
                && s.token(i + 1).isCapitalised()
                && lexicon.is("PLACE_NAME_ARTICLES", s, i)
                && lexicon.is("PLACE_PREPOSITIONS", s, i - 1);
    }

    /**
     * A lower-case word that is no preposition of place, article or stop word: the noun ("site", "camp", "campamento")
     * a quoted name stands beside.
     */
    static boolean isCommonNoun(Lexicon lexicon, Sentence s, int i) {
        return i >= 0
                && i < s.size()
                && s.token(i).isWord()
                && !s.token(i).isCapitalised()
                && !lexicon.is("CASUALTY_LOCATIVES", s, i)
                && !lexicon.is("ARTICLE", s, i)
                && !lexicon.is("NAME_STOP_WORDS", s, i);
    }

    /**
     * "in Cité Soleil in Haiti's capital", "à Plaine Savo, près de Bule": a name of several words no list holds, told
     * where it lies right after it (in a capitalised place, or near one), and naming no event ("Hurricane Ian in
     * Florida"), is a place.
     */
    private static boolean locatedRightAfter(Lexicon lexicon, Sentence s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (lexicon.is("INCIDENT", s, k) || lexicon.is("INCIDENT_SERIES", s, k)) {
                return false;
            }
        }
        int k = s.lower(to).equals(",") ? to + 1 : to;
        if (lexicon.is("LANDMARK_NEAR", s, k) && !s.token(k).isNumber()) {
            return true;
        }
        int next = lexicon.is("ARTICLE", s, k + 1) ? k + 2 : k + 1;
        return lexicon.is("IN", s, k) && next < s.size() && s.token(next).isCapitalised();
    }

    static boolean isEventNoun(Lexicon lexicon, Sentence s, int i) {
        return lexicon.is("INCIDENT", s, i) || lexicon.is("CITY_EVENT_NOUNS", s, i);
    }

    /** A quotation mark standing alone, straight, curly or a guillemet. */
    static boolean isQuoteMark(Sentence s, int i) {
        String w = s.lower(i);
        return w.length() == 1 && QUOTE_MARKS.indexOf(w.charAt(0)) >= 0;
    }

    private static final String QUOTE_MARKS = "\"'\u201C\u201D\u00AB\u00BB\u201E\u2018\u2019";

    /**
     * "Luxor's Valley of the Kings", "Nairobi's Westgate mall": after a possessive, a capitalised name holding a
     * landmark's head (PLACE_HEADS) or a kind of place: the owner is a place, not a person.
     */
    private static boolean landmarkAfterPossessive(Lexicon lexicon, Sentence s, int from) {
        for (int k = from; k < Math.min(s.size(), from + MAX_UNLISTED_WORDS + 1); k++) {
            if (!s.token(k).isCapitalised()) {
                return false;
            }
            if (lexicon.is("PLACE_HEADS", s, k) || lexicon.is("PLACE_TYPES", s, k)) {
                return true;
            }
        }
        return false;
    }

    /**
     * "the Garissa University College massacre": the longest run of the name's first words that the world gazetteer
     * holds as a place of a country the story names (or a large one), else null.
     */
    /** One word with an ending of the language's adjectives ("Caucasian", "Andean", "Sudanese"). */
    private static boolean isAdjective(Lexicon lexicon, String name) {
        if (name.indexOf(' ') >= 0) {
            return false;
        }
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        for (String ending : lexicon.words("ADJECTIVE_ENDINGS")) {
            if (lower.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Mombasa Technical College", "Kano Central Mosque", "Université de Bouaké", "Hospital de Tumaco": the town a
     * site's name holds, before its kind (English) or after its kind's joiner (French, Spanish); null when no listed
     * town of the story's countries, nor a well-known one, is there. The site's own words are never read as a town.
     */
    Resolved townNamingASite(
            ArticleAnalysis article, Sentence s, int from, int to, Map<String, Integer> countryWeights) {
        Lexicon lexicon = article.language.lexicon();
        int joiner = -1;
        for (int k = from + 1; k < to - 1 && joiner < 0; k++) {
            if (lexicon.is("ORG_JOINERS", s, k)) {
                joiner = k;
            }
        }
        Resolved opening = placeOpeningTheName(article, s, from, to, countryWeights, true);
        if (opening != null || joiner < 0) {
            return opening;
        }
        return placeOpeningTheName(article, s, joiner + 1, to + 1, countryWeights, true); // "... de Bouaké"
    }

    private Resolved placeOpeningTheName(
            ArticleAnalysis article, Sentence s, int from, int to, Map<String, Integer> countryWeights) {
        return placeOpeningTheName(article, s, from, to, countryWeights, false);
    }

    /** As above; among towns only when {@code townsOnly} ("Kaduna" names a state too, and a college is in the town). */
    private Resolved placeOpeningTheName(
            ArticleAnalysis article,
            Sentence s,
            int from,
            int to,
            Map<String, Integer> countryWeights,
            boolean townsOnly) {
        for (int end = to - 1; end > from; end--) {
            String name = s.span(article.text, from, end - 1);
            List<Places.Place> candidates = townsOnly
                    ? places.lookup(name).stream()
                            .filter(place -> !place.isRegion())
                            .toList()
                    : places.lookup(name);
            if (!candidates.isEmpty()) {
                Places.Place best = choose(candidates, countryWeights, null);
                if (countryWeights.containsKey(best.countryCode()) || best.population() >= WELL_KNOWN_POPULATION) {
                    return new Resolved(displayName(name, best), best.countryCode(), best);
                }
                return null;
            }
        }
        return null;
    }

    /** The name as the article writes it, unless it shouts it in capitals (a dateline): then the gazetteer's. */
    private static String displayName(String written, Places.Place place) {
        boolean shouted = written.length() > 3 && written.equals(written.toUpperCase(java.util.Locale.ROOT));
        return shouted ? place.name() : written;
    }

    /** "in Yelwata, Guma Local Government Area": an apposition naming a kind of place follows the name. */
    private static boolean typeInApposition(Lexicon lexicon, Sentence s, int to) {
        if (!s.lower(to).equals(",")) {
            return false;
        }
        for (int k = to + 1; k < Math.min(s.size(), to + 6); k++) {
            if (lexicon.is("PLACE_TYPES", s, k)) {
                return true;
            }
            if (!s.token(k).isWord()) {
                return false;
            }
        }
        return false;
    }

    /** Of several places so called: one in the country named beside it, else one the article names most, else the largest. */
    private static Places.Place choose(
            List<Places.Place> candidates, Map<String, Integer> countryWeights, String beside) {
        Places.Place best = null;
        long bestScore = Long.MIN_VALUE;
        for (Places.Place place : candidates) {
            long score = place.population();
            if (place.countryCode().equals(beside)) {
                score += 4_000_000_000L;
            }
            score += 100_000_000L * Math.min(10, countryWeights.getOrDefault(place.countryCode(), 0));
            if (score > bestScore) {
                best = place;
                bestScore = score;
            }
        }
        return best;
    }

    /**
     * "Djibo, Burkina Faso", "Mailari, Borno state", "Seytenga, a town in Seno province": the country of the state,
     * region or place named right after a comma (directly, or after "a village in"), or null.
     */
    private String countryBeside(ArticleAnalysis article, Sentence s, int to, Map<String, Integer> countryWeights) {
        if (!s.lower(to).equals(",")) {
            return null;
        }
        int k = to + 1;
        Lexicon lexicon = article.language.lexicon();
        int container = containerNameAfter(lexicon, s, k);
        if (container >= 0) {
            k = container; // "Inata, dans la province du Soum", "Kodyel, in the commune of Foutouri"
        } else if (lexicon.is("INDEFINITE_ARTICLE", s, k) || lexicon.is("ARTICLE", s, k)) {
            int j = k + 1;
            while (j < Math.min(s.size(), k + 4) && !lexicon.is("IN", s, j) && !lexicon.is("OF", s, j)) {
                j++;
            }
            if (!lexicon.is("PLACE_TYPES", s, j - 1) || j >= s.size()) {
                return null;
            }
            k = j + 1;
            if (lexicon.is("ARTICLE", s, k)) {
                k++; // "Seytenga, une localité de la province du Séno"
            }
        }
        Mention mention = article.mentionAt(s.index(), k);
        if (mention != null
                && (mention.entity().type == EntityType.COUNTRY || mention.entity().type == EntityType.PLACE)
                && mention.kind() != Mention.Kind.DEMONYM) {
            return mention.entity().countryCode;
        }
        int end = k;
        while (end < s.size() && end < k + 3 && s.token(end).isCapitalised()) {
            end++;
        }
        if (end > k) {
            List<Places.Place> region = places.lookup(s.span(article.text, k, end - 1));
            if (!region.isEmpty()) {
                // of several regions so called ("Lac"), the one in a country the story names; after "dans la commune
                // de Sangha" in a story about Mali, the gazetteer's only Sangha (a region of Congo) says nothing
                String code = choose(region, countryWeights, null).countryCode();
                return container < 0 || countryWeights.isEmpty() || countryWeights.containsKey(code) ? code : null;
            }
        }
        return null;
    }

    /**
     * "near the U.S. border", "près de la frontière avec le Niger", "cerca de la frontera con Guatemala": a state named
     * for its boundary (the word after its name, or before it with a link and maybe an article between).
     */
    static boolean namedForItsBorder(Lexicon lexicon, Sentence s, int from, int to) {
        if (lexicon.is("BORDER_WORDS", s, to)) {
            return true;
        }
        int k = from - 1;
        if (lexicon.is("ARTICLE", s, k)) {
            k--;
        }
        return lexicon.is("BORDER_LINKS", s, k) && lexicon.is("BORDER_WORDS", s, k - 1);
    }

    /** How far after "in" the "of" of "in the rural commune of" may be. */
    private static final int CONTAINER_TYPE_REACH = 4;

    /**
     * "dans la province du Soum", "in the commune of Foutouri", "en el municipio de Zinapécuaro" starting at token
     * {@code in}: where the name of the place that contains the one before it starts, else -1.
     */
    static int containerNameAfter(Lexicon lexicon, Sentence s, int in) {
        if (!lexicon.is("IN", s, in)) {
            return -1;
        }
        for (int of = in + 2; of < Math.min(s.size() - 1, in + 2 + CONTAINER_TYPE_REACH); of++) {
            if (typeEndBeforeOf(lexicon, "PLACE_TYPES", s, of) >= 0) {
                int name = lexicon.is("ARTICLE", s, of + 1) ? of + 2 : of + 1;
                return name < s.size() && s.token(name).isCapitalised() ? name : -1;
            }
            if (!s.token(of).isWord()) {
                return -1;
            }
        }
        return -1;
    }

    private static String mainCountryCode(ArticleAnalysis article, Map<String, Integer> countryWeights) {
        return countryWeights.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(null);
    }
}
