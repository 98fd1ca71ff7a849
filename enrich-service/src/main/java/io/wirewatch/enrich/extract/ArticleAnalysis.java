package io.wirewatch.enrich.extract;

import io.wirewatch.schema.EntityType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything known about one article while it is read: its sentences, the entities and their mentions, and the
 * publication date that relative dates are resolved against. Built and used by one thread per article.
 */
final class ArticleAnalysis {

    final String text;
    final List<Sentence> sentences;
    /** Publication day (UTC); null when the article has no publication time. */
    final LocalDate published;

    final String outlet;
    /** The article's language: its word classes and trigger frames. */
    final Language language;

    private final Gazetteer gazetteer;
    final Map<String, ArticleEntity> entities = new LinkedHashMap<>();
    private final List<List<Mention>> mentionsBySentence;

    ArticleAnalysis(
            String text,
            List<Sentence> sentences,
            LocalDate published,
            String outlet,
            Language language,
            Gazetteer gazetteer) {
        this.text = text;
        this.sentences = sentences;
        this.published = published;
        this.outlet = outlet;
        this.language = language;
        this.gazetteer = gazetteer;
        this.mentionsBySentence = new ArrayList<>(sentences.size());
        for (int i = 0; i < sentences.size(); i++) {
            mentionsBySentence.add(new ArrayList<>());
        }
    }

    /**
     * "MOSCOW (Sputnik) -", "RIYADH:", "Pokrovsk, Ukraine:": a name opening a sentence as the place the story was
     * filed from, which neither acts nor is where things happened. Not "The Gulf Cooperation Council (GCC) said".
     */
    boolean isDateline(Sentence s, Mention mention) {
        if (isDatelineOpening(s, mention)) {
            return true;
        }
        // "Accra, Ghana ...": the country after the opening place belongs to the dateline too
        Mention opening =
                mention.from() > 0 && s.lower(mention.from() - 1).equals(",") ? mentionAt(s.index(), 0) : null;
        return opening != null
                && opening.from() == 0
                && mention.from() <= opening.to() + 8
                && datelineHopsEnd(s, opening) >= mention.to()
                && isDatelineOpening(s, opening);
    }

    private int datelineHopsEnd(Sentence s, Mention mention) {
        int k = mention.to();
        while (k < Math.min(s.size(), mention.to() + 8)
                && (s.lower(k).equals(",") || s.lower(k).equals("/"))
                && mentionAt(s.index(), k + 1) != null) {
            k = mentionAt(s.index(), k + 1).to();
        }
        return k;
    }

    private boolean isDatelineOpening(Sentence s, Mention mention) {
        for (int k = 0; k < mention.from(); k++) {
            // "QUITO/GUAYAQUIL, Ecuador (Reuters) -": only other capitalised place names before it
            String word = s.token(k).text();
            boolean placeWord = word.equals("/")
                    || word.equals(",")
                    || word.equals("The")
                    || word.length() > 1 && noLowerCase(word);
            if (!placeWord || mention.from() > 5) {
                return false;
            }
        }
        boolean upper =
                mention.charEnd() - mention.charStart() > 3 && noLowerCase(mention.charStart(), mention.charEnd());
        int k = datelineHopsEnd(s, mention); // "Pokrovsk, Ukraine:", "QUITO/GUAYAQUIL, Ecuador (Reuters)"
        String next = s.lower(k);
        if (next.equals(":") || next.equals("-") || next.equals("\u2014") || next.equals("\u2013")) {
            return true;
        }
        if (next.equals("(")) {
            Mention inside = mentionAt(s.index(), k + 1);
            boolean agency = inside != null
                    && inside.entity().known != null
                    && inside.entity().known.orgKind() == KnownEntity.OrgKind.MEDIA;
            return upper || agency;
        }
        if (mention.from() == 0 && k > mention.to() && k < s.size() && lastHopIsAState(s, k)) {
            // "Abuja, Nigeria West African leaders will meet ...": a page that lost the dateline's dash runs the place
            // and its country straight into the story's first capitalised word
            return Character.isUpperCase(text.charAt(s.token(k).start()));
        }
        return false;
    }

    /** No lower-case letter in the word: "NIAMEY", "U.S.", not "Niamey" (read without copying it). */
    private static boolean noLowerCase(String word) {
        for (int k = 0; k < word.length(); k++) {
            if (Character.isLowerCase(word.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private boolean noLowerCase(int from, int to) {
        for (int k = from; k < to; k++) {
            if (Character.isLowerCase(text.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private boolean lastHopIsAState(Sentence s, int k) {
        Mention last = null;
        for (Mention m : mentions(s.index())) {
            if (m.to() == k) {
                last = m;
            }
        }
        return last != null && last.entity().type == EntityType.COUNTRY;
    }

    /**
     * The index of the "of" right before a mention, an article between them allowed ("Dmitri Trenin of the Carnegie
     * Centre", "Luxor's Valley of the Kings"), else -1.
     */
    int ofBefore(Sentence s, Mention mention) {
        int k = mention.from() - 1;
        if (language.lexicon().is("ARTICLE", s, k)) {
            k--;
        }
        return language.lexicon().is("OF", s, k) ? k : -1;
    }

    /** Sentences read for a dateline: a page's heading and photo credit may come before it. */
    private static final int DATELINE_SENTENCES = 6;

    /**
     * The state the story was filed from ("LIMA (Agencia) -", "NIAMEY, Niger (AP) -"), or null: the state
     * that "the government" of a national wire means when it names no other.
     */
    ArticleEntity datelineState() {
        for (int i = 0; i < Math.min(sentences.size(), DATELINE_SENTENCES); i++) {
            Sentence s = sentences.get(i);
            Mention opening = mentionAt(i, 0);
            if (opening != null && opening.from() == 0 && isDateline(s, opening)) {
                ArticleEntity entity = opening.entity();
                if (entity.type == EntityType.COUNTRY) {
                    return entity;
                }
                return entity.countryCode == null ? null : country(entity.countryCode);
            }
        }
        return null;
    }

    /** The article's entity of the state with this ISO code (a person's or a place's state), or null when unknown. */
    ArticleEntity country(String isoCode) {
        for (ArticleEntity candidate : entities.values()) {
            if (candidate.type == EntityType.COUNTRY && isoCode.equals(candidate.countryCode)) {
                return candidate;
            }
        }
        KnownEntity known = gazetteer.country(isoCode);
        return known == null ? null : entity(known);
    }

    /** The article's entity of a bloc or body by its code (UNGA), or null when the knowledge base has none. */
    ArticleEntity bloc(String code) {
        KnownEntity known = gazetteer.actor(code);
        return known == null ? null : entity(known);
    }

    ArticleEntity entity(KnownEntity known) {
        return entities.computeIfAbsent(known.id(), id -> ArticleEntity.of(known));
    }

    /**
     * The one bloc or body named so far (before token {@code before} of sentence {@code sentence}) whose name, as
     * written, holds {@code word} ("the Forum" after "the Pacific Islands Forum"), or null when none or several do.
     */
    ArticleEntity groupNamedBeforeWith(String word, int sentence, int before) {
        ArticleEntity found = null;
        for (int i = 0; i <= sentence; i++) {
            for (Mention mention : mentionsBySentence.get(i)) {
                if (i == sentence && mention.from() >= before
                        || !mention.entity().isGroupOrBody()) {
                    continue;
                }
                String written = text.substring(mention.charStart(), mention.charEnd());
                if (java.util.Arrays.asList(written.split("[\\s\\-]+")).contains(word) && !written.equals(word)) {
                    if (found != null && found != mention.entity()) {
                        return null;
                    }
                    found = mention.entity();
                }
            }
        }
        return found;
    }

    void addMention(Mention mention) {
        mentionVersion++;
        mentionsBySentence.get(mention.sentenceIndex()).add(mention);
    }

    void removeMention(Mention mention) {
        mentionVersion++;
        mentionsBySentence.get(mention.sentenceIndex()).remove(mention);
    }

    /** Mentions of a sentence in text order. */
    List<Mention> mentions(int sentenceIndex) {
        return mentionsBySentence.get(sentenceIndex);
    }

    /** The first mention covering token {@code tokenIndex} of the sentence, or null. */
    Mention mentionAt(int sentenceIndex, int tokenIndex) {
        for (Mention mention : mentionsBySentence.get(sentenceIndex)) {
            if (mention.from() <= tokenIndex && tokenIndex < mention.to()) {
                return mention;
            }
        }
        return null;
    }

    /** Every mention covering token {@code tokenIndex} ("Russian-Chinese" holds two). */
    List<Mention> mentionsAt(int sentenceIndex, int tokenIndex) {
        List<Mention> found = new ArrayList<>(2);
        for (Mention mention : mentionsBySentence.get(sentenceIndex)) {
            if (mention.from() <= tokenIndex && tokenIndex < mention.to()) {
                found.add(mention);
            }
        }
        return found;
    }

    /** Attaches each mention to its entity and drops entities nobody mentions; called once recognition is done. */
    void finishMentions() {
        entities.values().forEach(entity -> {
            entity.mentions.clear();
            entity.aliases.clear();
        });
        for (List<Mention> mentions : mentionsBySentence) {
            mentions.sort(Comparator.comparingInt(Mention::from).thenComparingInt(Mention::charStart));
            for (Mention mention : mentions) {
                mention.entity().mentions.add(mention);
                mention.entity().aliases.add(text.substring(mention.charStart(), mention.charEnd()));
            }
        }
        entities.values().removeIf(entity -> entity.mentions.isEmpty());
    }

    /**
     * The country the article is most about apart from {@code actors}: the most mentioned other one, the default target
     * of an action whose sentence names none ("the U.S. embassy will close", in a story about Yemen).
     */
    ArticleEntity mainCountryExcept(java.util.Collection<ArticleEntity> actors) {
        ArticleEntity main = null;
        int most = 0;
        for (Map.Entry<ArticleEntity, Integer> named : countryMentionCounts().entrySet()) {
            if (named.getValue() > most && !actors.contains(named.getKey())) {
                main = named.getKey(); // the first named of equals, as the counts keep their order
                most = named.getValue();
            }
        }
        return main;
    }

    /** Mentions of each state outside datelines, in order of first mention; counted again only after new mentions. */
    private Map<ArticleEntity, Integer> countryMentionCounts() {
        if (countryCounts == null || countedAtVersion != mentionVersion) {
            Map<ArticleEntity, Integer> counts = new LinkedHashMap<>();
            for (int i = 0; i < mentionsBySentence.size(); i++) {
                for (Mention mention : mentionsBySentence.get(i)) {
                    if (mention.entity().type == EntityType.COUNTRY
                            && !isDateline(sentences.get(i), mention)) { // "Accra, Ghana -": where it was filed
                        counts.merge(mention.entity(), 1, Integer::sum);
                    }
                    ArticleEntity state = stateOfItsCapitalPhrase(sentences.get(i), mention);
                    if (state != null) {
                        counts.merge(state, 1, Integer::sum); // "the Syrian capital" names the state as well
                    }
                }
            }
            countryCounts = counts;
            countedAtVersion = mentionVersion;
        }
        return countryCounts;
    }

    /**
     * The state of "the Syrian capital", "la capitale du Mali" (a mention of the capital city made of the state's name
     * or demonym and the word for a capital), else null.
     */
    ArticleEntity stateOfItsCapitalPhrase(Sentence s, Mention mention) {
        KnownEntity known = mention.entity().known;
        if (known == null || known.capitalOf() == null || mention.to() - mention.from() < 2) {
            return null;
        }
        Lexicon lexicon = language.lexicon();
        boolean phrase =
                lexicon.is("CAPITAL_NOUNS", s, mention.from()) || lexicon.is("CAPITAL_NOUNS", s, mention.to() - 1);
        return phrase && known.capitalOf().countryCode() != null
                ? country(known.capitalOf().countryCode())
                : null;
    }

    private Map<ArticleEntity, Integer> countryCounts;
    private int countedAtVersion;
    private int mentionVersion;

    /** How many times the article names {@code entity}. */
    int mentionCount(ArticleEntity entity) {
        int count = 0;
        for (List<Mention> mentions : mentionsBySentence) {
            for (Mention mention : mentions) {
                if (mention.entity() == entity) {
                    count++;
                }
            }
        }
        return count;
    }

    /** The country the article is most about: the most mentioned one; the default target of undirected actions. */
    ArticleEntity mainCountry() {
        Map<ArticleEntity, Integer> counts = new LinkedHashMap<>(); // ties go to the first mentioned
        for (List<Mention> mentions : mentionsBySentence) {
            for (Mention mention : mentions) {
                if (mention.entity().type == EntityType.COUNTRY) {
                    counts.merge(mention.entity(), 1, Integer::sum);
                }
            }
        }
        return counts.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(null);
    }
}
