package io.wirewatch.alert.http;

import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AlertEvidence;
import io.wirewatch.schema.AlertStatus;
import io.wirewatch.schema.AlertType;
import io.wirewatch.schema.Severity;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The filters of {@code GET /alerts}, parsed and validated from query parameters. Every filter is optional; an alert
 * must match all that are given:
 * <ul>
 *   <li>{@code type}: {@code DIPLOMATIC_ACTION} or {@code CASUALTY_SPIKE} (case-insensitive);</li>
 *   <li>{@code status}: {@code NEW} or {@code UPDATE} (case-insensitive);</li>
 *   <li>{@code since}: an ISO date ({@code 2012-02-06}) keeps alerts whose {@code eventDate} is on or after that day
 *       (an alert without eventDate is judged by the UTC day of its {@code lastUpdated}); an ISO-8601 instant
 *       ({@code 2012-02-07T10:00:00Z}) keeps alerts whose {@code lastUpdated} is at or after it. A day asks about the
 *       news; an instant asks "what changed since I last looked";</li>
 *   <li>{@code place}: equal to the alert's place, ignoring case and surrounding spaces;</li>
 *   <li>{@code actor}: equal to the alert's actor or to one of its {@code actorMembers}, ignoring case;</li>
 *   <li>{@code severity}: a minimum, {@code LOW < MEDIUM < HIGH < CRITICAL} ({@code severity=HIGH} keeps HIGH and
 *       CRITICAL);</li>
 *   <li>{@code country}: an ISO 3166-1 alpha-2 code ({@code SY}) or a bloc code ({@code GCC}), ignoring case, that is
 *       the alert's actor, one of its members, its target, the country of its place, or one of its {@code countries};
 *       so {@code country=SA} finds what the Gulf Cooperation Council did as a whole;</li>
 *   <li>{@code q}: free text; every word must occur, ignoring case and accents, in the headline, the parties (actor,
 *       members, target), the place and its region, the outlets or the evidence (sentences and who they are
 *       attributed to);</li>
 *   <li>{@code from}, {@code to}: ISO dates bounding the event day, both inclusive (an alert without eventDate is
 *       judged by the UTC day of its {@code lastUpdated}, as for {@code since});</li>
 *   <li>{@code limit}: at most this many alerts, 1 to {@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}.</li>
 * </ul>
 * Results are sorted newest {@code lastUpdated} first (ties by id, so pages are stable). An unknown parameter, a
 * repeated one or a bad value is an {@link InvalidParameterException} naming it, so a typo is not silently ignored.
 */
public record AlertFilter(
        Optional<AlertType> type,
        Optional<AlertStatus> status,
        Optional<LocalDate> sinceDay,
        Optional<Instant> sinceInstant,
        Optional<String> place,
        Optional<String> actor,
        Optional<Severity> minSeverity,
        Optional<String> country,
        List<String> words,
        Optional<LocalDate> from,
        Optional<LocalDate> to,
        int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    /** Longest {@code q}: a search, not a document. */
    public static final int MAX_TEXT_LENGTH = 200;

    public static final Set<String> PARAMETERS =
            Set.of("type", "status", "since", "place", "actor", "severity", "country", "q", "from", "to", "limit");
    /** A state's alpha-2 code or a bloc's code (GCC, ARAB_LEAGUE, G7). */
    private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,19}");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** Newest {@code lastUpdated} first, then by id. */
    public static final Comparator<Alert> NEWEST_FIRST =
            Comparator.comparing(Alert::getLastUpdated).reversed().thenComparing(Alert::getId);

    public AlertFilter {
        if (sinceDay.isPresent() && sinceInstant.isPresent()) {
            throw new IllegalArgumentException("since is either a day or an instant, not both");
        }
        words = List.copyOf(words);
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new InvalidParameterException("from", "from (" + from.get() + ") is after to (" + to.get() + ")");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidParameterException("limit", "limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }

    /** No filter: everything, up to the default limit. */
    public static AlertFilter none() {
        return new AlertFilter(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                DEFAULT_LIMIT);
    }

    /**
     * Parses decoded query parameters (name to every value given for it).
     *
     * @throws InvalidParameterException naming the first parameter that is unknown, repeated or invalid
     */
    public static AlertFilter fromQuery(Map<String, List<String>> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (!PARAMETERS.contains(parameter.getKey())) {
                throw new InvalidParameterException(
                        parameter.getKey(),
                        "Unknown parameter '" + parameter.getKey() + "'; known: "
                                + PARAMETERS.stream().sorted().collect(Collectors.joining(", ")));
            }
            if (parameter.getValue().size() > 1) {
                throw new InvalidParameterException(
                        parameter.getKey(), "Parameter '" + parameter.getKey() + "' given more than once");
            }
        }
        Optional<AlertType> type = single(parameters, "type").map(value -> enumValue(AlertType.class, "type", value));
        Optional<AlertStatus> status =
                single(parameters, "status").map(value -> enumValue(AlertStatus.class, "status", value));
        Optional<String> since = single(parameters, "since");
        Optional<LocalDate> sinceDay =
                since.filter(value -> !value.contains("T")).map(AlertFilter::parseDay);
        Optional<Instant> sinceInstant =
                since.filter(value -> value.contains("T")).map(AlertFilter::parseInstant);
        Optional<String> place = single(parameters, "place").map(value -> text("place", value));
        Optional<String> actor = single(parameters, "actor").map(value -> text("actor", value));
        Optional<Severity> severity =
                single(parameters, "severity").map(value -> enumValue(Severity.class, "severity", value));
        Optional<String> country = single(parameters, "country").map(AlertFilter::countryCode);
        List<String> words =
                single(parameters, "q").map(AlertFilter::searchWords).orElse(List.of());
        Optional<LocalDate> from = single(parameters, "from").map(value -> day("from", value));
        Optional<LocalDate> to = single(parameters, "to").map(value -> day("to", value));
        int limit = single(parameters, "limit").map(AlertFilter::parseLimit).orElse(DEFAULT_LIMIT);
        return new AlertFilter(
                type, status, sinceDay, sinceInstant, place, actor, severity, country, words, from, to, limit);
    }

    /**
     * Text folded for search: lower case, accents and other combining marks removed ({@code "Hamā"} and {@code "HAMA"}
     * fold alike). The page folds the same way ({@code String.normalize('NFD')} without marks, lower case).
     */
    public static String fold(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
    }

    /** Whether the alert passes every filter given (the limit is applied by {@link #apply}). */
    public boolean matches(Alert alert) {
        return type.map(wanted -> wanted == alert.getType()).orElse(true)
                && status.map(wanted -> wanted == alert.getStatus()).orElse(true)
                && sinceDay.map(day -> !eventDayOf(alert).isBefore(day)).orElse(true)
                && sinceInstant
                        .map(instant -> !alert.getLastUpdated().isBefore(instant))
                        .orElse(true)
                && place.map(wanted -> sameName(wanted, alert.getPlace())).orElse(true)
                && actor.map(wanted -> sameName(wanted, alert.getActor())
                                || alert.getActorMembers().stream().anyMatch(member -> sameName(wanted, member)))
                        .orElse(true)
                && minSeverity
                        .map(minimum -> alert.getSeverity().compareTo(minimum) >= 0)
                        .orElse(true)
                && country.map(code -> codesOf(alert).anyMatch(code::equalsIgnoreCase))
                        .orElse(true)
                && from.map(day -> !eventDayOf(alert).isBefore(day)).orElse(true)
                && to.map(day -> !eventDayOf(alert).isAfter(day)).orElse(true)
                && (words.isEmpty() || containsEveryWord(alert));
    }

    /** Every code the alert concerns: actor, members, target, the place's country and {@code countries}. */
    static Stream<String> codesOf(Alert alert) {
        return Stream.of(
                        Stream.of(alert.getActorCode(), alert.getTargetCode(), alert.getPlaceCountryCode()),
                        alert.getActorMemberCodes().stream(),
                        alert.getCountries().stream())
                .flatMap(codes -> codes)
                .filter(Objects::nonNull);
    }

    /** What {@code q} searches, folded: headline, parties, place, outlets, evidence. */
    static String searchableText(Alert alert) {
        StringBuilder text = new StringBuilder();
        Stream.of(alert.getHeadline(), alert.getActor(), alert.getTarget(), alert.getPlace(), alert.getPlaceRegion())
                .filter(Objects::nonNull)
                .forEach(part -> text.append(part).append('\n'));
        alert.getActorMembers().forEach(member -> text.append(member).append('\n'));
        alert.getOutlets().forEach(outlet -> text.append(outlet).append('\n'));
        for (AlertEvidence evidence : alert.getEvidence()) {
            Stream.of(evidence.getSentence(), evidence.getAttributedTo(), evidence.getOutlet())
                    .filter(Objects::nonNull)
                    .forEach(part -> text.append(part).append('\n'));
        }
        return fold(text.toString());
    }

    private boolean containsEveryWord(Alert alert) {
        String text = searchableText(alert);
        return words.stream().allMatch(text::contains);
    }

    /** The matching alerts, newest first, at most {@code limit}. */
    public List<Alert> apply(java.util.Collection<Alert> alerts) {
        return alerts.stream()
                .filter(this::matches)
                .sorted(NEWEST_FIRST)
                .limit(limit)
                .toList();
    }

    private static LocalDate eventDayOf(Alert alert) {
        return alert.getEventDate() != null
                ? alert.getEventDate()
                : LocalDate.ofInstant(alert.getLastUpdated(), ZoneOffset.UTC);
    }

    private static boolean sameName(String wanted, String actual) {
        return actual != null && actual.strip().equalsIgnoreCase(wanted);
    }

    private static Optional<String> single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String parameter, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(
                    parameter,
                    parameter + " must be one of " + Arrays.toString(type.getEnumConstants()) + ", was '" + value
                            + "'");
        }
    }

    private static String text(String parameter, String value) {
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            throw new InvalidParameterException(parameter, parameter + " must not be empty");
        }
        return stripped;
    }

    private static String countryCode(String value) {
        String code = value.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRY_CODE.matcher(code).matches()) {
            throw new InvalidParameterException(
                    "country",
                    "country must be an ISO 3166-1 alpha-2 code (SY) or a bloc " + "code (GCC), was '" + value + "'");
        }
        return code;
    }

    private static List<String> searchWords(String value) {
        if (value.length() > MAX_TEXT_LENGTH) {
            throw new InvalidParameterException(
                    "q", "q must be at most " + MAX_TEXT_LENGTH + " characters, was " + value.length());
        }
        List<String> words = Arrays.stream(fold(value).split("\\s+"))
                .filter(word -> !word.isEmpty())
                .distinct()
                .toList();
        if (words.isEmpty()) {
            throw new InvalidParameterException("q", "q must not be empty");
        }
        return words;
    }

    private static LocalDate day(String parameter, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeException e) {
            throw new InvalidParameterException(
                    parameter, parameter + " must be an ISO date (2012-02-06), was '" + value + "'");
        }
    }

    private static LocalDate parseDay(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeException e) {
            throw new InvalidParameterException(
                    "since",
                    "since must be an ISO date (2012-02-06) or instant (2012-02-07T10:00:00Z), was '" + value + "'");
        }
    }

    private static Instant parseInstant(String value) {
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeException e) {
            throw new InvalidParameterException(
                    "since",
                    "since must be an ISO date (2012-02-06) or instant (2012-02-07T10:00:00Z), was '" + value + "'");
        }
    }

    private static int parseLimit(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(
                    "limit", "limit must be a whole number between 1 and " + MAX_LIMIT + ", was '" + value + "'");
        }
    }
}
