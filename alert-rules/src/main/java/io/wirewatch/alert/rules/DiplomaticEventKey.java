package io.wirewatch.alert.rules;

import io.wirewatch.schema.DiplomaticAction;
import java.util.Objects;

/**
 * The identity of a diplomatic event: canonical actor, action family and canonical target. Every article's mention
 * of the same event maps to the same key, which is what the alert service partitions and stores by.
 */
public record DiplomaticEventKey(String actor, ActionFamily family, String target) {

    private static final String SEPARATOR = "|";
    private static final String NO_TARGET = "-";

    public DiplomaticEventKey {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(family, "family");
    }

    public static DiplomaticEventKey of(DiplomaticAction action) {
        String actor = ActorNames.canonical(action.getActor());
        if (actor == null) {
            throw new IllegalArgumentException("Diplomatic action without an actor: " + action.getTrigger());
        }
        return new DiplomaticEventKey(
                actor, ActionFamily.of(action.getAction()), ActorNames.canonical(action.getTarget()));
    }

    /** The key as a string, e.g. {@code Gulf Cooperation Council|DOWNGRADE|Syria}. */
    public String asString() {
        return actor + SEPARATOR + family + SEPARATOR + (target == null ? NO_TARGET : target);
    }

    /** The alert id of this event when first seen on {@code eventDate}: readable and the same from any article. */
    public String alertId(java.time.LocalDate eventDate) {
        return "dip-" + ActorNames.slug(actor) + "-" + family.name().toLowerCase(java.util.Locale.ROOT) + "-"
                + ActorNames.slug(target) + "-" + eventDate;
    }
}
