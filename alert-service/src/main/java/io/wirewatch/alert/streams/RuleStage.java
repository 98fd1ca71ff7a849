package io.wirewatch.alert.streams;

import io.wirewatch.platform.streams.Decoded;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.EnrichedArticle;
import io.wirewatch.schema.Topic;
import io.wirewatch.schema.Topics;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * One rule of the alert topology as the topology sees it: the topic of the shares it reads (enrich-service cuts each
 * article into them and keys them by what the rule stores state under: an event, a place) and the processor that
 * applies the rule to each share with its state stores.
 *
 * @param input         the rule's shares topic in the catalogue
 * @param sharesName    prefix of the names of the nodes that read and decode the shares
 * @param processorName name of the rule's processor
 */
record RuleStage(
        Function<Topics, Topic<String, EnrichedArticle>> input,
        String sharesName,
        String processorName,
        ProcessorSupplier<String, EnrichedArticle, String, Decoded<Alert>> processor,
        List<StoreBuilder<?>> stores) {

    RuleStage {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(processor, "processor");
        stores = List.copyOf(stores);
    }

    /**
     * This stage with the rule replaced by an identity function, for measuring what the shape costs: the processor
     * writes one entry to each of the stage's stores (same names, same persistence, caching and changelogs) and emits
     * one alert per share. enrich-service's pass-through sends it one share per article, keyed by the article id.
     */
    RuleStage passThrough() {
        List<StoreBuilder<?>> identityStores = stores.stream()
                .<StoreBuilder<?>>map(store -> AlertStreams.ruleStore(store.name(), Serdes.String()))
                .toList();
        List<String> storeNames = stores.stream().map(StoreBuilder::name).toList();
        return new RuleStage(
                input,
                sharesName,
                processorName,
                () -> new PassThroughProcessor(processorName, storeNames),
                identityStores);
    }
}
