package io.wirewatch.alert.rules;

import java.time.Instant;
import java.util.Objects;

/**
 * One article's daily death toll for a place and day: the figure, the figure in the alerts' English words ("at least
 * 134", whatever the article's language; the sentence keeps its own), who gives it and where.
 *
 * @param source who the article says gives the figure (activists, the UN ...), or null when unattributed
 */
public record CasualtyReport(
        String articleId,
        String url,
        String outlet,
        String sentence,
        String source,
        int count,
        String countText,
        Instant seenAt) {

    public CasualtyReport {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(sentence, "sentence");
        Objects.requireNonNull(countText, "countText");
        Objects.requireNonNull(seenAt, "seenAt");
    }

    EvidenceEntry toEvidence() {
        return new EvidenceEntry(articleId, url, outlet, sentence, source, count, seenAt);
    }
}
