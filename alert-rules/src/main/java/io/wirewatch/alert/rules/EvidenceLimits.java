package io.wirewatch.alert.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How much of an alert's support the alert service carries, in one place.
 *
 * <p>Why there are limits: every later report of an event is folded into its alert, and a long-running story can be
 * mentioned in thousands of articles. Carrying one evidence entry per article made the {@code Alert} record and the
 * JSON state (with its changelog record) grow past Kafka's 1 MB message limit, at which point the exactly-once
 * transaction fails on every attempt and the stream thread dies on that record; it also made every update re-write the
 * whole list (quadratic work). With these limits an alert carries at most 20 evidence entries of a few hundred bytes
 * each and 50 outlet names, and a diplomatic event's state adds at most 500 article ids: tens of kilobytes at worst.
 * The counts ({@code sources}) still cover every supporting article.
 */
public final class EvidenceLimits {

    /** The first reports of an event are always kept: they are what raised the alert. */
    public static final int FIRST_EVIDENCE = 3;

    /** The latest reports kept after the first ones: what operators look at on an UPDATE. */
    public static final int LATEST_EVIDENCE = 17;

    /** The most evidence entries an alert (and a diplomatic event's state) carries. */
    public static final int MAX_EVIDENCE = FIRST_EVIDENCE + LATEST_EVIDENCE;

    /** The most distinct outlets an alert lists, in the order first seen. */
    public static final int MAX_OUTLETS = 50;

    /**
     * How many of the most recent supporting article ids a diplomatic event remembers to recognise a re-delivered
     * article. An article older than that is very unlikely to come again: ingest drops exact duplicates and the
     * topology is exactly-once, so re-delivery is limited to a re-enriched article shortly after the first one.
     */
    public static final int RECENT_ARTICLE_IDS = 500;

    private EvidenceLimits() {}

    /** The first {@link #FIRST_EVIDENCE} and the latest {@link #LATEST_EVIDENCE} of {@code all}, oldest first. */
    public static <T> List<T> capped(List<T> all) {
        if (all.size() <= MAX_EVIDENCE) {
            return List.copyOf(all);
        }
        List<T> kept = new ArrayList<>(MAX_EVIDENCE);
        kept.addAll(all.subList(0, FIRST_EVIDENCE));
        kept.addAll(all.subList(all.size() - LATEST_EVIDENCE, all.size()));
        return List.copyOf(kept);
    }

    /** Distinct non-null outlets in the order first seen, at most {@link #MAX_OUTLETS}. */
    public static List<String> outlets(List<String> known, List<String> more) {
        Set<String> outlets = new LinkedHashSet<>(known);
        for (String outlet : more) {
            if (outlets.size() >= MAX_OUTLETS) {
                break;
            }
            if (outlet != null) {
                outlets.add(outlet);
            }
        }
        return List.copyOf(outlets);
    }

    /** Distinct outlets of {@code evidence}, at most {@link #MAX_OUTLETS}. */
    static List<String> outletsOf(List<EvidenceEntry> evidence) {
        return outlets(List.of(), evidence.stream().map(EvidenceEntry::outlet).toList());
    }

    /** The last {@link #RECENT_ARTICLE_IDS} of {@code ids}. */
    static List<String> recent(List<String> ids) {
        return List.copyOf(
                ids.size() <= RECENT_ARTICLE_IDS ? ids : ids.subList(ids.size() - RECENT_ARTICLE_IDS, ids.size()));
    }
}
