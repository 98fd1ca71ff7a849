package io.wirewatch.alert.rules;

import io.wirewatch.schema.CountBound;
import io.wirewatch.schema.DiplomaticActionType;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One-line human headlines: "GCC withdraws ambassadors from Syria and expels Syrian envoys",
 * "Homs: at least 95 killed on 2012-02-06 (activists), 3× the trailing average".
 */
public final class Headlines {

    /** The order in which a headline lists several actions of one event: the most telling move first. */
    private static final List<DiplomaticActionType> PHRASE_ORDER = List.of(
            DiplomaticActionType.BREAK_RELATIONS,
            DiplomaticActionType.CLOSE_EMBASSY,
            DiplomaticActionType.RECALL_AMBASSADOR,
            DiplomaticActionType.EXPEL_DIPLOMATS,
            DiplomaticActionType.REDUCE_RELATIONS,
            DiplomaticActionType.SUSPEND_MEMBERSHIP,
            DiplomaticActionType.IMPOSE_SANCTIONS,
            DiplomaticActionType.VETO_RESOLUTION,
            DiplomaticActionType.RESTORE_RELATIONS,
            DiplomaticActionType.REOPEN_EMBASSY,
            DiplomaticActionType.OTHER);

    /** Reducing the diplomatic presence goes without saying once envoys are recalled or expelled or an embassy shut. */
    private static final Set<DiplomaticActionType> IMPLY_REDUCTION = EnumSet.of(
            DiplomaticActionType.BREAK_RELATIONS,
            DiplomaticActionType.CLOSE_EMBASSY,
            DiplomaticActionType.RECALL_AMBASSADOR,
            DiplomaticActionType.EXPEL_DIPLOMATS);

    private Headlines() {}

    public static String diplomatic(
            String actor, boolean group, String target, List<DiplomaticActionType> actions, boolean background) {
        List<DiplomaticActionType> ordered = new ArrayList<>(PHRASE_ORDER);
        ordered.retainAll(actions);
        if (ordered.stream().anyMatch(IMPLY_REDUCTION::contains)) {
            ordered.remove(DiplomaticActionType.REDUCE_RELATIONS);
        }
        List<String> phrases = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            // Only the first phrase names the target; repeating it reads badly.
            phrases.add(phrase(ordered.get(i), group, i == 0 ? target : null, target));
        }
        String line = ActorNames.shortName(actor) + " " + joinWithAnd(phrases);
        return background ? "Background: " + line : line;
    }

    /**
     * @param countText the most supported figure in words ("at least 95", see {@link #figure}), used when all sources agree
     * @param baseline  trailing average, or null when the place had no history
     */
    public static String casualtySpike(
            String place,
            LocalDate day,
            String countText,
            int low,
            int high,
            List<String> sources,
            Double baseline,
            int count) {
        String figure = low == high ? lowerFirst(countText) : number(low) + "–" + number(high);
        StringBuilder line = new StringBuilder(place)
                .append(": ")
                .append(figure)
                .append(" killed on ")
                .append(day);
        if (!sources.isEmpty()) {
            line.append(" (").append(String.join(", ", sources)).append(')');
        }
        if (baseline != null && baseline > 0) {
            line.append(", ").append(factor(count / baseline)).append("× the trailing average");
        }
        return line.toString();
    }

    /**
     * "Kramatorsk (Donetsk, Ukraine)": a place with its region and country, so an operator knows a village without
     * looking it up; the parts the place's own name already says are left out.
     */
    /**
     * As {@link #located(String, String, String)}, with the article's own name of the place in brackets when it
     * differs ("Manaus [Manaos] (Amazonas, Brazil)"): operators read the report's spelling beside the alert's.
     */
    public static String located(String place, String writtenAs, String region, String country) {
        String named = writtenAs == null || writtenAs.equalsIgnoreCase(place) ? place : place + " [" + writtenAs + "]";
        String located = located(place, region, country);
        return named + located.substring(place.length());
    }

    public static String located(String place, String region, String country) {
        List<String> parts = new ArrayList<>();
        if (region != null && !region.isBlank() && !region.equalsIgnoreCase(place) && !region.startsWith(place + " ")) {
            parts.add(region);
        }
        if (country != null && !country.equalsIgnoreCase(place)) {
            parts.add(country);
        }
        return parts.isEmpty() ? place : place + " (" + String.join(", ", parts) + ")";
    }

    public static String cumulativeJump(
            String place,
            String source,
            int previousTotal,
            LocalDate previousDate,
            int total,
            LocalDate date,
            double perDay) {
        return place + ": reported death toll rose from " + number(previousTotal) + " (" + previousDate + ") to "
                + number(total) + " (" + date + ")" + (source == null ? "" : " (" + source + ")")
                + ", about " + number((int) Math.round(perDay)) + " a day";
    }

    /**
     * A figure in the alerts' one vocabulary, English, whatever the article's language: "au moins 134" and "al menos
     * 134" both read "at least 134". A vague figure ("des dizaines") keeps its words: no number stands for them.
     */
    public static String figure(CountBound bound, int count, String written) {
        return switch (bound) {
            case EXACT -> number(count);
            case AT_LEAST -> "at least " + number(count);
            case MORE_THAN -> "more than " + number(count);
            case NEARLY -> "nearly " + number(count);
            case UP_TO -> "up to " + number(count);
            case ABOUT -> "about " + number(count);
            case VAGUE -> written;
        };
    }

    static String number(int value) {
        return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(value);
    }

    static String factor(double ratio) {
        if (ratio >= 10) {
            return Long.toString(Math.round(ratio));
        }
        double rounded = Math.round(ratio * 10) / 10.0;
        return rounded == Math.rint(rounded) ? Long.toString((long) rounded) : Double.toString(rounded);
    }

    private static String phrase(DiplomaticActionType action, boolean group, String target, String anyTarget) {
        String its = group ? "their" : "its";
        return switch (action) {
            case RECALL_AMBASSADOR ->
                (group ? "withdraws ambassadors" : "recalls its ambassador") + suffix(" from ", target);
            case EXPEL_DIPLOMATS -> {
                String adjective = ActorNames.adjective(anyTarget);
                yield adjective != null
                        ? "expels " + adjective + " envoys"
                        : "expels envoys" + suffix(" of ", anyTarget);
            }
            case CLOSE_EMBASSY -> "closes " + (group ? "embassies" : "its embassy") + suffix(" in ", target);
            // what the frames of REDUCE_RELATIONS mostly find is staff pulled out or evacuated: say so, as a reader
            // would
            case REDUCE_RELATIONS -> "withdraws " + its + " diplomatic staff" + suffix(" from ", target);
            case BREAK_RELATIONS -> "breaks off relations" + suffix(" with ", target);
            case RESTORE_RELATIONS -> "restores relations" + suffix(" with ", target);
            case REOPEN_EMBASSY -> "reopens " + (group ? "embassies" : "its embassy") + suffix(" in ", target);
            case VETO_RESOLUTION -> "vetoes UN resolution" + suffix(" on ", target);
            case IMPOSE_SANCTIONS -> "imposes sanctions" + suffix(" on ", target);
            case SUSPEND_MEMBERSHIP ->
                "suspends" + suffix(" ", target) + (target == null ? " membership" : "'s membership");
            case OTHER -> "takes a diplomatic action" + suffix(" against ", target);
        };
    }

    private static String suffix(String preposition, String target) {
        return target == null ? "" : preposition + target;
    }

    private static String joinWithAnd(List<String> phrases) {
        if (phrases.size() <= 1) {
            return String.join("", phrases);
        }
        return String.join(", ", phrases.subList(0, phrases.size() - 1)) + " and " + phrases.get(phrases.size() - 1);
    }

    private static String lowerFirst(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
