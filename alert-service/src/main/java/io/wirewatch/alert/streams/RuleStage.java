package io.wirewatch.alert.streams;

import io.wirewatch.platform.streams.Decoded;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.EnrichedArticle;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * One rule of the alert topology as the topology sees it: how an enriched article is cut into shares keyed by what
 * the rule stores state under (an event, a place), and the processor that applies the rule to each share with its
 * state stores. {@link AlertStreams} repartitions the shares by key between the two.
 *
 * @param sharesName      name of the processor that cuts an article into shares
 * @param repartitionName name of the repartition topic (after the application id)
 * @param processorName   name of the rule's processor
 */
record RuleStage(
        String sharesName,
        String repartitionName,
        String processorName,
        Function<EnrichedArticle, List<KeyValue<String, EnrichedArticle>>> shares,
        ProcessorSupplier<String, EnrichedArticle, String, Decoded<Alert>> processor,
        List<StoreBuilder<?>> stores) {

    RuleStage {
        Objects.requireNonNull(shares, "shares");
        Objects.requireNonNull(processor, "processor");
        stores = List.copyOf(stores);
    }

    /**
     * This stage with the rule replaced by identity functions, for measuring what the shape costs: each article is one
     * share keyed by its id, and the processor writes one entry to each of the stage's stores (same names, same
     * persistence, caching and changelogs) and emits one alert per share.
     */
    RuleStage passThrough() {
        List<StoreBuilder<?>> identityStores = stores.stream()
                .<StoreBuilder<?>>map(store -> AlertStreams.ruleStore(store.name(), Serdes.String()))
                .toList();
        List<String> storeNames = stores.stream().map(StoreBuilder::name).toList();
        return new RuleStage(
                sharesName,
                repartitionName,
                processorName,
                article -> List.of(KeyValue.pair(article.getArticleId(), article)),
                () -> new PassThroughProcessor(processorName, storeNames),
                identityStores);
    }
}
