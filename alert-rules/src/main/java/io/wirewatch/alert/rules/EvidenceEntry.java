package io.wirewatch.alert.rules;

import io.wirewatch.schema.AlertEvidence;
import java.time.Instant;
import java.util.Objects;

/** One article's support for an alert, as kept in the alert service's state; becomes an {@link AlertEvidence}. */
public record EvidenceEntry(
        String articleId,
        String url,
        String outlet,
        String sentence,
        String attributedTo,
        Integer count,
        Instant seenAt) {

    public EvidenceEntry {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(sentence, "sentence");
        Objects.requireNonNull(seenAt, "seenAt");
    }

    public AlertEvidence toAvro() {
        return AlertEvidence.newBuilder()
                .setArticleId(articleId)
                .setUrl(url)
                .setOutlet(outlet)
                .setSentence(sentence)
                .setAttributedTo(attributedTo)
                .setCount(count)
                .setSeenAt(seenAt)
                .build();
    }
}
