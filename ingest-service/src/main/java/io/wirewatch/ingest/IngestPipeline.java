package io.wirewatch.ingest;

import io.wirewatch.ingest.identity.ArticleIdentity;
import io.wirewatch.ingest.identity.NearDuplicateIndex;
import io.wirewatch.ingest.identity.SeenArticles;
import io.wirewatch.ingest.identity.UrlCanonicaliser;
import io.wirewatch.ingest.language.LanguageDetection;
import io.wirewatch.ingest.publish.IngestOutput;
import io.wirewatch.ingest.source.RawArticle;
import io.wirewatch.ingest.source.Rejection;
import io.wirewatch.ingest.text.TextNormaliser;
import io.wirewatch.schema.Article;
import io.wirewatch.schema.DeadLetter;
import io.wirewatch.schema.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heart of ingest, shared by every source (files, replay, HTTP, directory watch): normalises a raw article,
 * gives it its stable id, drops exact duplicates, marks near-duplicates, tells its language, and hands the
 * {@link Article} to the output;
 * turns every rejection into a {@link DeadLetter} with a log line. Safe to call from several threads.
 */
public final class IngestPipeline {

    public static final String SERVICE_NAME = "ingest";

    private static final Logger LOG = LoggerFactory.getLogger(IngestPipeline.class);

    private final IngestOutput output;
    private final SeenArticles seen;
    private final NearDuplicateIndex nearDuplicates;
    private final Clock clock;
    private final int maxArticleBytes;
    private final LanguageDetection languages;
    private final IngestSummary.Tally totals = new IngestSummary.Tally();
    /**
     * Articles sent and not yet acknowledged, by {@code id:} and {@code hash:} key: a client that resends one (after a
     * 503) is told it is a duplicate only once the first copy is kept, by waiting on the same acknowledgement.
     */
    private final Map<String, CompletableFuture<Void>> unacknowledged = new ConcurrentHashMap<>();

    /**
     * What became of one input.
     *
     * @param acknowledged completes when the article (for a duplicate: the earlier copy) is durably kept, fails when
     *                     it never will be; already complete for a rejection and for a duplicate of an article kept
     *                     earlier
     */
    public record Outcome(
            Kind kind, String id, String nearDuplicateOf, String reason, CompletableFuture<Void> acknowledged) {

        public enum Kind {
            PUBLISHED,
            DUPLICATE,
            REJECTED
        }

        private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

        static Outcome published(String id, String nearDuplicateOf, CompletableFuture<Void> acknowledged) {
            return new Outcome(Kind.PUBLISHED, id, nearDuplicateOf, null, acknowledged);
        }

        static Outcome duplicate(String id, CompletableFuture<Void> acknowledged) {
            return new Outcome(Kind.DUPLICATE, id, null, null, acknowledged);
        }

        static Outcome rejected(String reason) {
            return new Outcome(Kind.REJECTED, null, null, reason, DONE);
        }
    }

    /**
     * @param maxArticleBytes the largest article text accepted (UTF-8 bytes), and how much of a rejected input a dead
     *                        letter keeps
     */
    public IngestPipeline(
            IngestOutput output,
            SeenArticles seen,
            NearDuplicateIndex nearDuplicates,
            Clock clock,
            int maxArticleBytes) {
        this(output, seen, nearDuplicates, clock, maxArticleBytes, LanguageDetection.standard());
    }

    /** @param languages tells each article's language ({@code Article.language}) from its normalised text */
    public IngestPipeline(
            IngestOutput output,
            SeenArticles seen,
            NearDuplicateIndex nearDuplicates,
            Clock clock,
            int maxArticleBytes,
            LanguageDetection languages) {
        this.languages = Objects.requireNonNull(languages, "languages");
        this.output = Objects.requireNonNull(output, "output");
        this.seen = Objects.requireNonNull(seen, "seen");
        this.nearDuplicates = Objects.requireNonNull(nearDuplicates, "nearDuplicates");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxArticleBytes = maxArticleBytes;
    }

    /** Publishes {@code raw} unless it is a duplicate or has no text left after normalisation. */
    public Outcome ingest(RawArticle raw) {
        Outcome outcome = process(raw);
        if (outcome.kind() != Outcome.Kind.REJECTED) {
            // Rejections are counted by reject().
            totals.count(outcome);
        }
        return outcome;
    }

    private Outcome process(RawArticle raw) {
        long size = utf8Length(raw.text());
        if (size > maxArticleBytes) {
            return reject(new Rejection(
                    raw.sourceRef(),
                    "too large: " + size + " bytes of text, the limit is " + maxArticleBytes + " bytes",
                    raw.text().getBytes(StandardCharsets.UTF_8),
                    size,
                    null));
        }
        String text = TextNormaliser.normalise(raw.text());
        if (text.isEmpty()) {
            return reject(Rejection.of(
                    raw.sourceRef(),
                    "missing text: nothing left after normalisation",
                    raw.text().getBytes(StandardCharsets.UTF_8)));
        }
        String contentHash = ArticleIdentity.contentHash(text);
        String url = raw.url() == null ? null : UrlCanonicaliser.canonicalise(raw.url());
        String id = ArticleIdentity.idFor(raw.explicitId(), url, contentHash);
        String nearDuplicateOf;
        CompletableFuture<Void> acknowledged;
        Article article;
        String language = languages.detect(text); // outside the lock: detection is the costly step, and pure
        // Check-then-mark must be atomic across threads, or two sources could publish the same article twice.
        synchronized (this) {
            if (!seen.markIfNew(id, contentHash)) {
                LOG.debug("Skipping duplicate {} from {}", id, raw.sourceRef());
                CompletableFuture<Void> earlier = unacknowledged.get("id:" + id);
                if (earlier == null) {
                    earlier = unacknowledged.get("hash:" + contentHash);
                }
                return Outcome.duplicate(id, earlier == null ? Outcome.DONE : earlier);
            }
            nearDuplicateOf = nearDuplicates
                    .findAndAdd(id, text)
                    .map(NearDuplicateIndex.Match::id)
                    .orElse(null);
            article = Article.newBuilder()
                    .setId(id)
                    .setUrl(url)
                    .setOutlet(raw.outlet())
                    .setTitle(raw.title() == null ? null : TextNormaliser.normalise(raw.title()))
                    .setPublishedAt(raw.publishedAt())
                    .setIngestedAt(clock.instant())
                    .setText(text)
                    .setOriginalText(raw.text())
                    .setContentHash(contentHash)
                    .setSourceRef(raw.sourceRef())
                    .setNearDuplicateOf(nearDuplicateOf)
                    .setLanguage(language)
                    .build();
            // Registered before the article is sent, so that a copy arriving meanwhile waits on this one.
            acknowledged = new CompletableFuture<>();
            unacknowledged.put("id:" + id, acknowledged);
            unacknowledged.put("hash:" + contentHash, acknowledged);
        }
        // Sent outside the lock: a send may block (the producer waiting for metadata while the broker is away), and
        // it must hold up only its own caller, not every source.
        CompletableFuture<Void> sent;
        try {
            sent = output.publish(article);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Void> settled = acknowledged;
        sent.whenComplete((ignored, error) -> {
            if (error != null) {
                // Forgotten before anyone waiting hears of the failure, so that sending it again publishes it.
                seen.forget(id, contentHash);
            }
            unacknowledged.remove("id:" + id, settled);
            unacknowledged.remove("hash:" + contentHash, settled);
            if (error != null) {
                settled.completeExceptionally(error);
            } else {
                settled.complete(null);
            }
        });
        if (nearDuplicateOf != null) {
            LOG.info("Article {} from {} nearly duplicates {}", id, raw.sourceRef(), nearDuplicateOf);
        }
        return Outcome.published(id, nearDuplicateOf, acknowledged);
    }

    /** Dead-letters {@code rejection} and logs why. */
    public Outcome reject(Rejection rejection) {
        LOG.warn(
                "Rejected input from {}: {} ({} bytes)",
                rejection.sourceRef(),
                rejection.reason(),
                rejection.payloadSize());
        Instant now = clock.instant();
        DeadLetter letter = DeadLetters.forInput(
                SERVICE_NAME,
                rejection.sourceRef(),
                rejection.payload(),
                rejection.reason(),
                rejection.error(),
                now,
                maxArticleBytes);
        if (rejection.payloadSize() > letter.getPayloadSize()) {
            // Only the head of the input was read (it was over the limit): say how large the whole was.
            letter.setPayloadSize(rejection.payloadSize());
            letter.setTruncated(true);
        }
        output.deadLetter(letter);
        return totals.count(Outcome.rejected(rejection.reason()));
    }

    /** Makes known an article that was published earlier (by this or a previous run), so it is not published again. */
    public void remember(String id, String contentHash, String text) {
        seen.remember(id, contentHash);
        nearDuplicates.add(id, text);
    }

    /** The UTF-8 size of {@code text} without encoding it. */
    static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** Everything this pipeline did since it was made, over all sources. */
    public IngestSummary totals() {
        return totals.summary();
    }

    public void flush() {
        output.flush();
    }
}
