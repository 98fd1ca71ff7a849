package io.wirewatch.alert.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.knowledge.World;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ActorNamesTest {

    @Test
    void shouldMapAStateAliasToTheStateButKeepACapitalTheCityItIs() {
        assertThat(ActorNames.canonicalPlace("Britain")).isEqualTo("United Kingdom");
        assertThat(ActorNames.canonicalPlace("  great   BRITAIN ")).isEqualTo("United Kingdom");
        assertThat(ActorNames.canonicalPlace("Kabul")).isEqualTo("Kabul");
        assertThat(ActorNames.canonicalPlace("Homs")).isEqualTo("Homs");
        assertThat(ActorNames.canonicalPlace(" ")).isNull();
    }

    @Test
    void shouldGiveTheShortestAbbreviationAndTheFirstDemonymOfAnActor() {
        assertThat(ActorNames.shortName("United Kingdom")).isEqualTo("UK");
        assertThat(ActorNames.shortName("Gulf Cooperation Council")).isEqualTo("GCC");
        assertThat(ActorNames.shortName("Syria")).isEqualTo("Syria");
        assertThat(ActorNames.shortName("Homs")).isEqualTo("Homs");
        assertThat(ActorNames.adjective("United Kingdom")).isEqualTo("British");
        assertThat(ActorNames.adjective("Homs")).isNull();
    }

    @Test
    void shouldAnswerEveryKnownNameInAnyCaseAsAScanOfTheNamesInFileOrderWould() {
        // Given every name of every loaded language, as written, in upper and in lower case
        World world = World.standard();
        List<String> names = new ArrayList<>();
        for (String language : world.languages()) {
            for (World.NameEntry entry : world.names(language)) {
                names.add(entry.text());
                names.add(entry.text().toUpperCase(Locale.ROOT));
                names.add(entry.text().toLowerCase(Locale.ROOT));
            }
        }

        // Then the indexed lookups agree with the plain definitions, name by name
        for (String name : names) {
            assertThat(ActorNames.canonicalPlace(name)).as(name).isEqualTo(scannedCanonicalPlace(world, name));
            String canonical = ActorNames.canonical(name);
            assertThat(ActorNames.shortName(canonical)).as(name).isEqualTo(scannedShortName(world, canonical));
            assertThat(ActorNames.adjective(canonical)).as(name).isEqualTo(scannedAdjective(world, canonical));
        }
    }

    private static String scannedCanonicalPlace(World world, String name) {
        String trimmed = name.trim().replaceAll("\\s+", " ");
        return world.names("en").stream()
                .filter(entry -> entry.kind() == World.NameKind.NAME
                        && entry.actor().isState()
                        && entry.text().equalsIgnoreCase(trimmed))
                .map(entry -> entry.actor().name())
                .findFirst()
                .orElse(trimmed);
    }

    private static String scannedShortName(World world, String canonical) {
        Pattern abbreviation = Pattern.compile("[A-Z]{2,5}");
        return world.byName(canonical)
                .flatMap(actor -> world.names("en").stream()
                        .filter(entry -> entry.actor().equals(actor)
                                && entry.kind() == World.NameKind.NAME
                                && abbreviation.matcher(entry.text()).matches())
                        .map(World.NameEntry::text)
                        .min(Comparator.comparingInt(String::length)))
                .orElse(canonical);
    }

    private static String scannedAdjective(World world, String canonical) {
        return world.byName(canonical)
                .flatMap(actor -> world.names("en").stream()
                        .filter(entry -> entry.actor().equals(actor) && entry.kind() == World.NameKind.DEMONYM)
                        .map(World.NameEntry::text)
                        .findFirst())
                .orElse(null);
    }
}
