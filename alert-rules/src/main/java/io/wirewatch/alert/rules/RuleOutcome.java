package io.wirewatch.alert.rules;

import io.wirewatch.schema.Alert;
import java.util.List;

/**
 * What a rule decided for one article: the state to store from now on and the alerts to emit (none, one NEW, or
 * UPDATEs). {@code changed} is false when the article did not touch the state, so nothing needs writing.
 */
public record RuleOutcome<S>(S state, List<Alert> alerts, boolean changed) {

    public RuleOutcome {
        alerts = List.copyOf(alerts);
    }

    public static <S> RuleOutcome<S> unchanged(S state) {
        return new RuleOutcome<>(state, List.of(), false);
    }
}
