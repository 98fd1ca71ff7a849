package io.wirewatch.enrich.extract;

import io.wirewatch.knowledge.World;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds entities, claims, diplomatic actions and casualty figures in an article's normalised text, in the article's
 * language. Plain Java, no Kafka: thread-safe (the gazetteers are read-only after construction and every call keeps its
 * state on its own stack), so one instance serves every stream thread. Construction loads each language's knowledge
 * folder once (a few tens of milliseconds each).
 *
 * <p>The pipeline: {@link TextSegmenter} (sentences and tokens with offsets), {@link EntityRecognizer} (gazetteers,
 * titles, capitalised names, alias merging), then three rule sets over the tokens and entity mentions:
 * {@link DiplomaticActionExtractor}, {@link CasualtyExtractor} and {@link ClaimExtractor}. Dates are resolved against
 * the publication day in UTC by {@link TimeExpressions}. The rules are the same for every language; what they look for
 * is the language's ({@link Language}, {@link Gazetteer}), and what they write out is one vocabulary: canonical English
 * names and ISO or bloc codes, whatever the language of the text.
 */
public final class ArticleExtractor {

    /** Version of the rules and gazetteers; carried in every EnrichedArticle. */
    public static final String VERSION = "rules-1.1.0";

    /** The languages the rules read (a folder each in the knowledge base), English first: the fallback. */
    public static final List<String> LANGUAGES = List.of("en", "fr", "es");

    private static final Extraction NOTHING = new Extraction(List.of(), List.of(), List.of(), List.of());

    /** What the rules need of one language: its words and its names of the world. */
    private record Reader(Language language, EntityRecognizer entities) {}

    private final Map<String, Reader> readers = new LinkedHashMap<>();
    private final DiplomaticActionExtractor diplomaticActions;
    private final CasualtyExtractor casualties = new CasualtyExtractor();
    private final ClaimExtractor claims = new ClaimExtractor();

    public ArticleExtractor() {
        World world = World.standard();
        for (String code : LANGUAGES) {
            Language language = Language.load(code);
            readers.put(code, new Reader(language, new EntityRecognizer(Gazetteer.load(world, language))));
        }
        this.diplomaticActions = new DiplomaticActionExtractor(ActionVocabulary.standard());
    }

    /**
     * The language the rules read an article in, from its {@code Article.language} (BCP 47: "fr", "fr-CA", "es-419"):
     * that language when the rules know it; English when the tag is absent, blank or "und" (undetermined); null for any
     * other language, which the rules do not read (English rules on French text find at best nothing, at worst a
     * false alert).
     */
    public static String readingLanguage(String tag) {
        if (tag == null || tag.isBlank()) {
            return LANGUAGES.get(0);
        }
        String primary = tag.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        if (primary.equals("und")) {
            return LANGUAGES.get(0);
        }
        return LANGUAGES.contains(primary) ? primary : null;
    }

    /** As {@link #extract(String, Instant, String, String)} for an English article. */
    public Extraction extract(String text, Instant publishedAt, String outlet) {
        return extract(text, publishedAt, outlet, LANGUAGES.get(0));
    }

    /**
     * @param text        the article's normalised text (Article.text); evidence offsets refer to it
     * @param publishedAt publication time, to resolve 'on Monday' and the like; may be null
     * @param outlet      the outlet that publishes the article, reported as the claims' reporter; may be null
     * @param language    the article's language tag (see {@link #readingLanguage}); a language the rules do not read
     *                    gives an empty extraction
     */
    public Extraction extract(String text, Instant publishedAt, String outlet, String language) {
        String code = readingLanguage(language);
        Reader reader = code == null ? null : readers.get(code);
        if (reader == null || text == null || text.isBlank()) {
            return NOTHING;
        }
        LocalDate published = publishedAt == null ? null : LocalDate.ofInstant(publishedAt, ZoneOffset.UTC);
        ArticleAnalysis article = new ArticleAnalysis(
                text,
                reader.language().segmenter().split(text),
                published,
                outlet,
                reader.language(),
                reader.entities().gazetteer());
        reader.entities().recognise(article);
        return new Extraction(
                article.entities.values().stream()
                        .map(entity -> entity.toAvro(article.sentences))
                        .toList(),
                claims.extract(article),
                diplomaticActions.extract(article),
                casualties.extract(article));
    }
}
