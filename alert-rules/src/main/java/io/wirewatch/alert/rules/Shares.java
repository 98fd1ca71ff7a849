package io.wirewatch.alert.rules;

import io.wirewatch.schema.DiplomaticAction;
import io.wirewatch.schema.EnrichedArticle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How an enriched article is cut into the shares the rules keep state by: one per diplomatic event it reports (keyed
 * by {@link DiplomaticEventKey#asString()}) and one per place it gives death tolls for (keyed by the canonical place).
 * Each share is the article's metadata with only that event's actions, or that place's figures and entity.
 *
 * <p>enrich-service cuts the articles it emits with these functions and keys each share by what the rule stores state
 * under, so that alert-service reads every share of one event or place in one task without a repartition of its own.
 * The keys are therefore a contract between the two services: a change to them (to {@link ActorNames} or
 * {@link ActionFamily}) moves state, as it always did, and both services must run it.
 */
public final class Shares {

    /** A share of an article: the key a rule keeps its state under, and the article cut down to what concerns it. */
    public record Share(String key, EnrichedArticle article) {}

    private Shares() {}

    /** One share per diplomatic event the article reports, keyed by the event, carrying only its actions. */
    public static List<Share> perDiplomaticEvent(EnrichedArticle article) {
        // One pass: the key of each action is worked out once, not once per event of the article.
        Map<DiplomaticEventKey, List<DiplomaticAction>> actionsByEvent = new LinkedHashMap<>();
        for (DiplomaticAction action : article.getDiplomaticActions()) {
            DiplomaticNovelty.eventKeyOf(action)
                    .ifPresent(key -> actionsByEvent
                            .computeIfAbsent(key, k -> new ArrayList<>())
                            .add(action));
        }
        List<Share> shares = new ArrayList<>();
        actionsByEvent.forEach((key, actions) -> {
            EnrichedArticle slice = metadataOf(article);
            slice.setDiplomaticActions(actions);
            shares.add(new Share(key.asString(), slice));
        });
        return shares;
    }

    /** One share per place the article gives death tolls for, keyed by the place, carrying only its figures and entity. */
    public static List<Share> perPlace(EnrichedArticle article) {
        List<Share> shares = new ArrayList<>();
        for (String place : CasualtySpikeDetector.places(article)) {
            EnrichedArticle slice = metadataOf(article);
            slice.setCasualtyFigures(article.getCasualtyFigures().stream()
                    .filter(figure -> CasualtySpikeDetector.placeOf(figure)
                            .map(place::equals)
                            .orElse(false))
                    .toList());
            // The place's own entity travels with its figures: it says which state the place lies in.
            slice.setEntities(article.getEntities().stream()
                    .filter(entity -> place.equalsIgnoreCase(entity.getCanonicalName()))
                    .toList());
            shares.add(new Share(place, slice));
        }
        return shares;
    }

    /** The article's metadata without its extractions: what every share carries besides its own part. */
    public static EnrichedArticle metadataOf(EnrichedArticle article) {
        return EnrichedArticle.newBuilder()
                .setArticleId(article.getArticleId())
                .setUrl(article.getUrl())
                .setOutlet(article.getOutlet())
                .setTitle(article.getTitle())
                .setPublishedAt(article.getPublishedAt())
                .setIngestedAt(article.getIngestedAt())
                .setEnrichedAt(article.getEnrichedAt())
                .setExtractorVersion(article.getExtractorVersion())
                .setEntities(List.of())
                .setClaims(List.of())
                .setDiplomaticActions(List.of())
                .setCasualtyFigures(List.of())
                .build();
    }
}
