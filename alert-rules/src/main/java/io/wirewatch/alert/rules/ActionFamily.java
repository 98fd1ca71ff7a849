package io.wirewatch.alert.rules;

import io.wirewatch.schema.DiplomaticActionType;

/**
 * Diplomatic action types that, done by the same actor to the same target within the novelty window, are one
 * event. Withdrawing ambassadors, expelling envoys, closing an embassy and reducing the diplomatic presence are the
 * same move (downgrading relations) and are usually announced and reported together ("GCC withdraws ambassadors
 * from Syria and expels Syrian envoys"; "the US closed its embassy" is later reported as "the US called back its
 * envoy"), so they make one alert that lists every action seen. Breaking relations is a further escalation and
 * stays its own event, as do the opposite moves and the multilateral ones.
 */
public enum ActionFamily {
    DOWNGRADE,
    BREAK,
    RESTORE,
    VETO,
    SANCTIONS,
    SUSPENSION,
    /** A type newer than this service's contract (read as {@code OTHER}): kept apart, never merged with a known one. */
    OTHER;

    /** A veto's object is a draft resolution, not a state, so it is news without a target; other families are not. */
    public boolean allowsNoTarget() {
        return this == VETO;
    }

    public static ActionFamily of(DiplomaticActionType type) {
        return switch (type) {
            case EXPEL_DIPLOMATS, RECALL_AMBASSADOR, CLOSE_EMBASSY, REDUCE_RELATIONS -> DOWNGRADE;
            case BREAK_RELATIONS -> BREAK;
            case RESTORE_RELATIONS, REOPEN_EMBASSY -> RESTORE;
            case VETO_RESOLUTION -> VETO;
            case IMPOSE_SANCTIONS -> SANCTIONS;
            case SUSPEND_MEMBERSHIP -> SUSPENSION;
            case OTHER -> OTHER;
        };
    }
}
