package io.wirewatch.alert.rules;

/**
 * The thresholds the alert rules apply, independent of Kafka so the rules can be tested alone.
 *
 * @param noveltyWindowDays a diplomatic action is new when the same (actor, action family, target) was not seen
 *                          within this many days of event time
 * @param spikeMin          the smallest daily death toll that can be a spike
 * @param spikeFactor       how many times the trailing baseline a day's toll must reach to be a spike
 * @param baselineDays      how many days before a day make up its trailing baseline
 * @param stateRetentionDays how long the rules' state of an event, a place or a place's day is kept once both its
 *                          latest event day and its last report lie that many days behind the newest publication
 *                          time the service has seen ({@link StateExpiry}); 0 keeps it for ever. At least the
 *                          novelty window, the baseline and the days a toll counts as news: the rules decide nothing
 *                          on state older than those
 */
public record RuleSettings(
        int noveltyWindowDays, int spikeMin, double spikeFactor, int baselineDays, int stateRetentionDays) {

    /**
     * The state retention unless one is given: 120 days, the span a place's history keeps, so a report up to about
     * three months late still finds what the rules stored (see {@link StateExpiry}).
     */
    public static final int DEFAULT_STATE_RETENTION_DAYS = PlaceHistory.RETENTION_DAYS;

    public static final RuleSettings DEFAULTS = new RuleSettings(30, 20, 3.0, 7);

    /** These thresholds with the default state retention, or the longer of the two windows when either exceeds it. */
    public RuleSettings(int noveltyWindowDays, int spikeMin, double spikeFactor, int baselineDays) {
        this(
                noveltyWindowDays,
                spikeMin,
                spikeFactor,
                baselineDays,
                Math.max(DEFAULT_STATE_RETENTION_DAYS, Math.max(noveltyWindowDays, baselineDays)));
    }

    /** These settings with another state retention (0: keep state for ever). */
    public RuleSettings withStateRetentionDays(int days) {
        return new RuleSettings(noveltyWindowDays, spikeMin, spikeFactor, baselineDays, days);
    }

    public RuleSettings {
        if (noveltyWindowDays < 1) {
            throw new IllegalArgumentException("noveltyWindowDays must be at least 1, was " + noveltyWindowDays);
        }
        if (spikeMin < 1) {
            throw new IllegalArgumentException("spikeMin must be at least 1, was " + spikeMin);
        }
        if (!(spikeFactor >= 1.0)) {
            throw new IllegalArgumentException("spikeFactor must be at least 1, was " + spikeFactor);
        }
        if (baselineDays < 1) {
            throw new IllegalArgumentException("baselineDays must be at least 1, was " + baselineDays);
        }
        int needed = Math.max(CasualtySpikeDetector.NEWS_DAYS, Math.max(noveltyWindowDays, baselineDays));
        if (stateRetentionDays != 0 && stateRetentionDays < needed) {
            throw new IllegalArgumentException("stateRetentionDays must be 0 (for ever) or at least " + needed
                    + " (the novelty window, the baseline and the news days), was " + stateRetentionDays);
        }
    }
}
