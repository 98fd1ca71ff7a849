package io.wirewatch.alert.rules;

import io.wirewatch.knowledge.World;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * ISO 3166-1 alpha-2 codes of states, for {@code Alert.countries}: from the codes the extractor gives (v3), or, for
 * records written before them, from the state's name through the knowledge base's {@link World}.
 */
public final class CountryCodes {

    private CountryCodes() {}

    /** The code of a state's name; empty for groups (GCC), places (Homs) and unknown names. */
    public static Optional<String> of(String name) {
        return ActorNames.actor(name).filter(World.Actor::isState).map(World.Actor::code);
    }

    /** True when {@code code} is a state's ISO code (not a bloc's: EU and UN are two letters too). */
    public static boolean isState(String code) {
        return code != null
                && World.standard().byCode(code).map(World.Actor::isState).orElse(false);
    }

    /** Codes of every name that is a state, in order, without repeats. */
    public static List<String> ofAll(Collection<String> names) {
        Set<String> codes = new LinkedHashSet<>();
        names.forEach(name -> of(name).ifPresent(codes::add));
        return List.copyOf(codes);
    }
}
