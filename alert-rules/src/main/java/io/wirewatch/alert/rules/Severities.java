package io.wirewatch.alert.rules;

import io.wirewatch.schema.DiplomaticActionType;
import io.wirewatch.schema.Severity;
import java.util.Collection;
import java.util.Comparator;

/**
 * How urgent an alert is. Diplomatic: from the most serious action type seen, one level higher when a group of
 * states acts together, LOW when the event is known only from background mentions. Casualty spikes: from the size of
 * the day's toll, one level higher when it is at least ten times the trailing baseline.
 */
public final class Severities {

    static final int CRITICAL_TOLL = 100;
    static final int HIGH_TOLL = 50;
    static final double EXTREME_FACTOR = 10.0;

    private Severities() {}

    public static Severity of(DiplomaticActionType action) {
        return switch (action) {
            case BREAK_RELATIONS -> Severity.CRITICAL;
            case CLOSE_EMBASSY, EXPEL_DIPLOMATS, SUSPEND_MEMBERSHIP -> Severity.HIGH;
            case RECALL_AMBASSADOR, IMPOSE_SANCTIONS, VETO_RESOLUTION, REDUCE_RELATIONS -> Severity.MEDIUM;
            case RESTORE_RELATIONS, REOPEN_EMBASSY, OTHER -> Severity.LOW;
        };
    }

    /** The most serious of {@code actions} (the first of equals), which an alert reports as its action. */
    public static DiplomaticActionType mostSerious(Collection<DiplomaticActionType> actions) {
        DiplomaticActionType best = null;
        for (DiplomaticActionType action : actions) {
            if (best == null || of(action).compareTo(of(best)) > 0) {
                best = action;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("No actions");
        }
        return best;
    }

    public static Severity diplomatic(
            Collection<DiplomaticActionType> actions, boolean groupActor, boolean background) {
        if (background) {
            return Severity.LOW;
        }
        Severity base = actions.stream()
                .map(Severities::of)
                .max(Comparator.naturalOrder())
                .orElseThrow(() -> new IllegalArgumentException("No actions"));
        return groupActor ? raise(base) : base;
    }

    /** @param baseline trailing average, or null when the place had no history */
    public static Severity casualty(int dailyCount, Double baseline) {
        Severity base = dailyCount >= CRITICAL_TOLL
                ? Severity.CRITICAL
                : dailyCount >= HIGH_TOLL ? Severity.HIGH : Severity.MEDIUM;
        boolean extreme = baseline != null && baseline > 0 && dailyCount >= EXTREME_FACTOR * baseline;
        return extreme ? raise(base) : base;
    }

    private static Severity raise(Severity severity) {
        Severity[] all = Severity.values();
        return all[Math.min(severity.ordinal() + 1, all.length - 1)];
    }
}
