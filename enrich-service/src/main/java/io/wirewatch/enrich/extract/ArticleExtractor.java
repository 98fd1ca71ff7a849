package io.wirewatch.enrich.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Finds entities, claims, diplomatic actions and casualty figures in an article's normalised text.
 * Plain Java, no Kafka: thread-safe (the gazetteers are read-only after construction and every call keeps its state
 * on its own stack), so one instance serves every stream thread. Construction loads the shipped word lists once
 * (a few milliseconds).
 *
 * <p>The pipeline: {@link TextSegmenter} (sentences and tokens with offsets), {@link EntityRecognizer} (gazetteers,
 * titles, capitalised names, alias merging), then three rule sets over the tokens and entity mentions:
 * {@link DiplomaticActionExtractor}, {@link CasualtyExtractor} and {@link ClaimExtractor}. Dates are resolved against
 * the publication day in UTC by {@link TimeExpressions}.
 */
public final class ArticleExtractor {

    /** Version of the rules and gazetteers; carried in every EnrichedArticle. */
    public static final String VERSION = "rules-1.0.0";

    private final Gazetteer gazetteer;
    private final Language english;
    private final EntityRecognizer entityRecognizer;
    private final DiplomaticActionExtractor diplomaticActions;
    private final CasualtyExtractor casualties = new CasualtyExtractor();
    private final ClaimExtractor claims = new ClaimExtractor();

    public ArticleExtractor() {
        this.gazetteer = Gazetteer.loadDefault();
        this.english = Language.load("en");
        this.entityRecognizer = new EntityRecognizer(gazetteer);
        this.diplomaticActions = new DiplomaticActionExtractor(ActionVocabulary.standard());
    }

    /**
     * @param text        the article's normalised text (Article.text); evidence offsets refer to it
     * @param publishedAt publication time, to resolve 'on Monday' and the like; may be null
     * @param outlet      the outlet that publishes the article, reported as the claims' reporter; may be null
     */
    public Extraction extract(String text, Instant publishedAt, String outlet) {
        if (text == null || text.isBlank()) {
            return new Extraction(List.of(), List.of(), List.of(), List.of());
        }
        LocalDate published = publishedAt == null ? null : LocalDate.ofInstant(publishedAt, ZoneOffset.UTC);
        ArticleAnalysis article = new ArticleAnalysis(text, english.segmenter().split(text), published, outlet, english,
                gazetteer);
        entityRecognizer.recognise(article);
        return new Extraction(
                article.entities.values().stream().map(entity -> entity.toAvro(article.sentences)).toList(),
                claims.extract(article),
                diplomaticActions.extract(article),
                casualties.extract(article));
    }
}
