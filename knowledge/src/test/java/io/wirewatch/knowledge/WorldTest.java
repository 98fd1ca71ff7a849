package io.wirewatch.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.knowledge.World.Actor;
import io.wirewatch.knowledge.World.ActorType;
import io.wirewatch.knowledge.World.NameEntry;
import io.wirewatch.knowledge.World.NameKind;
import io.wirewatch.knowledge.World.Status;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorldTest {

    private final World world = World.standard();

    @Test
    void shouldListExactlyThe193MembersOfTheUnitedNations() {
        assertThat(states().filter(a -> a.status() == Status.UN_MEMBER).count()).isEqualTo(193);
        assertThat(world.byCode("UN").orElseThrow().members()).hasSize(193).contains("SS", "FR", "TV");
        assertThat(world.byCode("PS").orElseThrow().status()).isEqualTo(Status.UN_OBSERVER);
        assertThat(world.byCode("VA").orElseThrow().status()).isEqualTo(Status.UN_OBSERVER);
        assertThat(world.byCode("TW").orElseThrow().status()).isEqualTo(Status.PARTIAL);
        assertThat(world.byCode("XK").orElseThrow().status()).isEqualTo(Status.PARTIAL);
        assertThat(world.byCode("HK").orElseThrow().status()).isEqualTo(Status.TERRITORY);
        assertThat(world.byCode("SU").orElseThrow())
                .extracting(Actor::iso3, Actor::status)
                .containsExactly("SUN", Status.HISTORICAL);
    }

    @Test
    void shouldGiveEveryStateUniqueWellFormedIsoCodes() {
        List<Actor> states = states().toList();

        assertThat(states).allSatisfy(s -> {
            assertThat(s.code()).matches("[A-Z]{2}");
            assertThat(s.iso3()).matches("[A-Z]{3}");
        });
        assertThat(states.stream().map(Actor::code).distinct().count()).isEqualTo(states.size());
        assertThat(states.stream().map(Actor::iso3).distinct().count()).isEqualTo(states.size());
    }

    @Test
    void shouldKeepBlocCodesApartFromCountryCodes() {
        Set<String> iso2 = states().map(Actor::code).collect(Collectors.toSet());

        assertThat(blocs()).extracting(Actor::code).doesNotContainAnyElementsOf(iso2);
        assertThat(blocs()).allSatisfy(b -> assertThat(b.iso3()).isNull());
    }

    @Test
    void shouldMakeEveryBlocMemberACountryOfTheCountriesFile() {
        assertThat(blocs())
                .allSatisfy(bloc -> assertThat(bloc.members())
                        .allSatisfy(member -> assertThat(world.byCode(member))
                                .as("%s member %s", bloc.code(), member)
                                .hasValueSatisfying(a -> assertThat(a.type()).isEqualTo(ActorType.STATE))));
    }

    @Test
    void shouldKnowTheMembershipOfTheMainBlocs() {
        assertThat(world.byCode("EU").orElseThrow().members())
                .hasSize(27)
                .contains("FR", "DE", "HR")
                .doesNotContain("GB");
        assertThat(world.byCode("NATO").orElseThrow().members()).hasSize(32).contains("FI", "SE", "TR");
        assertThat(world.byCode("ARAB_LEAGUE").orElseThrow().members())
                .hasSize(22)
                .contains("SY", "PS");
        assertThat(world.byCode("AFRICAN_UNION").orElseThrow().members()).hasSize(55);
        assertThat(world.byCode("COMMONWEALTH").orElseThrow().members()).hasSize(56);
        assertThat(world.byCode("UNSC").orElseThrow()).satisfies(unsc -> {
            assertThat(unsc.type()).isEqualTo(ActorType.BODY);
            assertThat(unsc.members()).containsExactlyInAnyOrder("CN", "FR", "RU", "GB", "US");
        });
        assertThat(world.byCode("AES").orElseThrow().members()).containsExactlyInAnyOrder("ML", "BF", "NE");
        assertThat(world.byCode("ECOWAS").orElseThrow().members()).doesNotContain("ML", "BF", "NE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr", "es"})
    void shouldHaveANamesRowForEveryCountryAndBlocInEachLanguage(String language) {
        Set<String> named =
                world.names(language).stream().map(e -> e.actor().code()).collect(Collectors.toSet());
        KnowledgeTable table = KnowledgeTable.read("/io/wirewatch/knowledge/" + language + "/actor-names.tsv");
        Set<String> rows = table.rows().stream().map(r -> r.get("code")).collect(Collectors.toSet());

        assertThat(rows)
                .containsExactlyInAnyOrderElementsOf(
                        world.all().stream().map(Actor::code).toList());
        assertThat(named)
                .as("actors with at least one %s name", language)
                .hasSize(world.all().size());
    }

    @Test
    void shouldNameEveryActorInEnglishByItsCanonicalName() {
        Set<String> english = new HashSet<>();
        world.names("en").stream()
                .filter(e -> e.kind() == NameKind.NAME)
                .forEach(e -> english.add(e.actor().code() + "/" + e.text()));

        assertThat(world.all().stream().map(a -> a.code() + "/" + a.name())).isSubsetOf(english);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Britain|GB",
                "the United Kingdom|GB",
                "Côte d'Ivoire|CI",
                "Cote d’Ivoire|CI",
                "Ivory Coast|CI",
                "Royaume-Uni|GB",
                "EE.UU.|US",
                "U.S.|US",
                "the United States of America|US",
                "États-Unis|US",
                "Burma|MM",
                "Türkiye|TR",
                "Turkey|TR",
                "Czechia|CZ",
                "Macedonia|MK",
                "Swaziland|SZ",
                "ECOWAS|ECOWAS",
                "Cédéao|ECOWAS",
                "Security Council|UNSC",
                "Conseil de sécurité|UNSC",
                "Consejo de Seguridad|UNSC",
                "Union européenne|EU",
                "E.U.|EU",
                "Arab League|ARAB_LEAGUE",
                "Congo|CD",
                "RDC|CD",
                "Congo-Brazzaville|CG",
                "Soviet Union|SU",
                "Zaire|ZR",
                "La Moncloa|ES",
                "Kremlin|RU",
                "the Kremlin|RU",
                "Downing Street|GB",
                "Syrians|SY",
                "syriennes|SY",
                "Emirati|AE",
                "estadounidenses|US",
                "Brussels|EU",
                "Holy See|VA",
                "The Gambia|GM",
                "Gambia|GM"
            })
    void shouldResolveNamesOfAnyLanguageToTheirActor(String name, String code) {
        assertThat(world.byName(name)).map(Actor::code).hasValue(code);
    }

    @Test
    void shouldResolveNamesCaseInsensitivelyAndRejectUnknownOnes() {
        assertThat(world.byName("BRITAIN")).map(Actor::code).hasValue("GB");
        assertThat(world.byName("Atlantis")).isEmpty();
        assertThat(world.byName(null)).isEmpty();
        assertThat(world.byCode("gb")).map(Actor::name).hasValue("United Kingdom");
    }

    @Test
    void shouldGiveEcowasAsABlocWithItsMembers() {
        Actor ecowas = world.byName("ECOWAS").orElseThrow();

        assertThat(ecowas.type()).isEqualTo(ActorType.BLOC);
        assertThat(ecowas.status()).isEqualTo(Status.STATE_GROUP);
        assertThat(ecowas.name()).isEqualTo("Economic Community of West African States");
        assertThat(ecowas.members()).contains("NG", "GH", "SN");
    }

    @Test
    void shouldGiveTheTokenMatcherEachLanguagesNamesWithTheirKind() {
        List<NameEntry> english = world.names("en");

        assertThat(english)
                .contains(
                        new NameEntry("Syria", world.byCode("SY").orElseThrow(), NameKind.NAME),
                        new NameEntry("Syrian", world.byCode("SY").orElseThrow(), NameKind.DEMONYM),
                        new NameEntry("Damascus", world.byCode("SY").orElseThrow(), NameKind.METONYM));
        assertThat(world.names("fr")).extracting(NameEntry::text).contains("syrienne", "Syriennes", "Damas");
        assertThat(world.languages()).startsWith("en").contains("fr", "es");
        assertThat(world.names("xx")).isEmpty();
    }

    @Test
    void shouldCanonicaliseNamesTheWayNewsWriteThem() {
        assertThat(world.byCode("US").orElseThrow().name()).isEqualTo("United States");
        assertThat(world.byCode("CI").orElseThrow().name()).isEqualTo("Ivory Coast");
        assertThat(world.byCode("CD").orElseThrow().name()).isEqualTo("Democratic Republic of the Congo");
        assertThat(world.byCode("CZ").orElseThrow().name()).isEqualTo("Czech Republic");
        assertThat(world.byCode("KR").orElseThrow().name()).isEqualTo("South Korea");
    }

    private java.util.stream.Stream<Actor> states() {
        return world.all().stream().filter(Actor::isState);
    }

    private List<Actor> blocs() {
        return world.all().stream().filter(a -> !a.isState()).toList();
    }
}
