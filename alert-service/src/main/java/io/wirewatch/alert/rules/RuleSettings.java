package io.wirewatch.alert.rules;

/**
 * The thresholds the alert rules apply, independent of Kafka so the rules can be tested alone.
 *
 * @param noveltyWindowDays a diplomatic action is new when the same (actor, action family, target) was not seen
 *                          within this many days of event time
 * @param spikeMin          the smallest daily death toll that can be a spike
 * @param spikeFactor       how many times the trailing baseline a day's toll must reach to be a spike
 * @param baselineDays      how many days before a day make up its trailing baseline
 */
public record RuleSettings(int noveltyWindowDays, int spikeMin, double spikeFactor, int baselineDays) {

    public static final RuleSettings DEFAULTS = new RuleSettings(30, 20, 3.0, 7);

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
    }
}
