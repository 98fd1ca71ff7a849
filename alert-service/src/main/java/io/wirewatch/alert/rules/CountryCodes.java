package io.wirewatch.alert.rules;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * ISO 3166-1 alpha-2 codes of states named by their canonical English names (as the extractor gives them:
 * "Syria", "United States", "United Kingdom"), for {@code Alert.countries}. Names come from the JDK's own
 * locale data rather than a list kept here.
 */
public final class CountryCodes {

    private static final Map<String, String> CODES_BY_NAME = Stream.of(Locale.getISOCountries())
            .collect(Collectors.toUnmodifiableMap(code -> key(new Locale("", code).getDisplayCountry(Locale.ENGLISH)),
                    code -> code, (first, second) -> first));

    private CountryCodes() {
    }

    /** The code of a state's canonical name; empty for groups (GCC), places (Homs) and unknown names. */
    public static Optional<String> of(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(CODES_BY_NAME.get(key(ActorNames.canonical(name))));
    }

    /** Codes of every name that is a state, in order, without repeats. */
    public static List<String> ofAll(Collection<String> names) {
        Set<String> codes = new LinkedHashSet<>();
        names.forEach(name -> of(name).ifPresent(codes::add));
        return List.copyOf(codes);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).strip();
    }
}
