package io.wirewatch.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.knowledge.Places.Place;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlacesTest {

    private final Places places = Places.standard();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "Homs, SY",
        "Djibo, BF",
        "Zaporizhzhia, UA",
        "Maiduguri, NG",
        "Kramatorsk, UA",
        "Aleppo, SY",
        "Idlib, SY",
        "Bakhmut, UA",
        "Gao, ML",
        "Timbuktu, ML",
        "Goma, CD",
        "Sloviansk, UA"
    })
    void shouldPutTheWellKnownPlaceOfANameFirst(String name, String country) {
        assertThat(places.lookup(name)).first().extracting(Place::countryCode).isEqualTo(country);
    }

    @Test
    void shouldListParisFranceFirstAndParisTexasAmongTheCandidates() {
        List<Place> paris = places.lookup("Paris");

        assertThat(paris.get(0)).satisfies(p -> {
            assertThat(p.countryCode()).isEqualTo("FR");
            assertThat(p.geonameId()).isEqualTo(2988507);
            assertThat(p.feature()).isEqualTo("PPLC");
            assertThat(p.lat()).isCloseTo(48.85, org.assertj.core.data.Offset.offset(0.01));
        });
        assertThat(paris).anySatisfy(p -> {
            assertThat(p.countryCode()).isEqualTo("US");
            assertThat(p.admin1()).isEqualTo("TX");
            assertThat(p.admin1Name()).isEqualTo("Texas");
        });
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"Paris", "Springfield", "Georgia", "Alexandria", "London"})
    void shouldOrderTheCandidatesOfANameByPopulation(String name) {
        List<Place> candidates = places.lookup(name);

        assertThat(candidates)
                .isNotEmpty()
                .isSortedAccordingTo(Comparator.comparingLong(Place::population).reversed());
    }

    @Test
    void shouldPutACityBeforeTheRegionItIsTheSeatOfWhenBothBearTheName() {
        assertThat(places.lookup("Aleppo")).extracting(Place::feature).startsWith("PPLA", "ADM1");
        assertThat(places.lookup("Tripoli"))
                .extracting(Place::countryCode, Place::feature)
                .startsWith(
                        org.assertj.core.groups.Tuple.tuple("LY", "PPLC"),
                        org.assertj.core.groups.Tuple.tuple("LY", "ADM1"));
        assertThat(places.lookup("Aleppo province")).extracting(Place::feature).containsExactly("ADM1");
        // Washington state is not Washington DC's region: the larger comes first.
        assertThat(places.lookup("Washington"))
                .first()
                .extracting(Place::admin1)
                .isEqualTo("WA");
    }

    @Test
    void shouldResolveGeorgiaAsAPlaceToTheUsState() {
        // The country is an actor (World), not a place: among places, Georgia is the state of the US.
        List<Place> georgia = places.lookup("Georgia");

        assertThat(georgia.get(0)).satisfies(state -> {
            assertThat(state.countryCode()).isEqualTo("US");
            assertThat(state.isRegion()).isTrue();
            assertThat(state.admin1()).isEqualTo("GA");
        });
    }

    @Test
    void shouldResolveFirstLevelRegionsUnderTheFormsNewsUse() {
        assertThat(places.lookup("Borno state")).first().satisfies(borno -> {
            assertThat(borno.countryCode()).isEqualTo("NG");
            assertThat(borno.feature()).isEqualTo("ADM1");
            assertThat(borno.geonameId()).isZero();
            assertThat(borno.admin1Name()).isEqualTo("Borno State");
        });
        assertThat(places.lookup("Borno")).extracting(Place::feature).contains("ADM1");
        assertThat(places.lookup("Donetsk region"))
                .first()
                .extracting(Place::countryCode, Place::feature)
                .containsExactly("UA", "ADM1");
        assertThat(places.lookup("Donetsk Oblast"))
                .first()
                .extracting(Place::countryCode)
                .isEqualTo("UA");
        assertThat(places.lookup("Idlib province"))
                .first()
                .extracting(Place::countryCode, Place::feature)
                .containsExactly("SY", "ADM1");
    }

    @Test
    void shouldIgnoreAccentsAndLetterCaseAfterTheFirstLetterButNotTheFirstLetter() {
        assertThat(places.lookup("Sao Paulo"))
                .first()
                .extracting(Place::name, Place::countryCode)
                .containsExactly("São Paulo", "BR");
        assertThat(places.lookup("São Paulo"))
                .first()
                .extracting(Place::countryCode)
                .isEqualTo("BR");
        assertThat(places.lookup("Zaporízhzhia"))
                .first()
                .extracting(Place::countryCode)
                .isEqualTo("UA");
        assertThat(places.lookup("HOMS")).first().extracting(Place::countryCode).isEqualTo("SY");
        assertThat(places.lookup("homs")).isEmpty();
        assertThat(places.lookup("Ivano Frankivsk"))
                .first()
                .extracting(Place::name)
                .isEqualTo("Ivano-Frankivsk");
        assertThat(places.lookup("al-Fashir")).first().extracting(Place::name).isEqualTo("El Fasher");
    }

    @Test
    void shouldFindPlacesByTheirAlternateNames() {
        // GeoNames writes the city Zaporizhzhya; news write Zaporizhzhia (also the region's name) or Zaporozhye.
        assertThat(places.lookup("Zaporozhye")).extracting(Place::geonameId).contains(687700);
        assertThat(places.lookup("Zaporizhzhia")).extracting(Place::geonameId).contains(687700);
        assertThat(places.lookup("Zaporizhzhia")).extracting(Place::countryCode).containsOnly("UA");
        assertThat(places.lookup("Kiev")).first().extracting(Place::countryCode).isEqualTo("UA");
        assertThat(places.lookup("Londres"))
                .first()
                .extracting(Place::name, Place::countryCode)
                .containsExactly("London", "GB");
        assertThat(places.lookup("Alep")).first().extracting(Place::name).isEqualTo("Aleppo");
        assertThat(places.lookup("Artemivsk")).first().extracting(Place::name).isEqualTo("Bakhmut");
    }

    @Test
    void shouldLeaveOutCodesAndSmallPlacesNamedByCommonWords() {
        assertThat(places.lookup("XDJ")).as("Djibo's airport code").isEmpty();
        assertThat(places.lookup("Police")).as("Police, a town of Poland").isEmpty();
        assertThat(places.lookup("Mobile"))
                .as("Mobile, Alabama, is large enough to stay")
                .isNotEmpty();
        assertThat(places.lookup("Mailari"))
                .as("a Borno village too small for the data")
                .isEmpty();
        assertThat(places.lookup("")).isEmpty();
        assertThat(places.lookup(null)).isEmpty();
    }

    @Test
    void shouldKnowCapitalsMarkedByTheData() {
        assertThat(places.capitalOf("SY")).get().extracting(Place::name).isEqualTo("Damascus");
        assertThat(places.capitalOf("fr")).get().extracting(Place::name).isEqualTo("Paris");
        assertThat(places.capitalOf("ZZ")).isEmpty();
    }

    @Test
    void shouldHandTheSameGazetteerToEveryCallerAfterAPreload() {
        Places.preload();

        assertThat(Places.standard()).isSameAs(places);
    }

    @Test
    void shouldHoldTheWholeGazetteer() {
        assertThat(places.size()).isBetween(150_000, 260_000);
        assertThat(places.nameCount()).isGreaterThan(places.size());
    }

    @Test
    void shouldNameTheFileAndLineOfABadGazetteerRow() {
        assertThatThrownBy(() -> Places.load("/io/wirewatch/knowledge/test/bad-places.tsv"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("/io/wirewatch/knowledge/test/bad-places.tsv:3: not a number");
    }

    @Test
    void shouldReadCoordinatesAsTheFileWritesThem() {
        Place djibo = places.lookup("Djibo").get(0);

        assertThat(djibo.lat()).isEqualTo(14.0994);
        assertThat(djibo.lon()).isEqualTo(-1.62554);
    }

    @Test
    void shouldFoldNamesIntoIndexKeys() {
        assertThat(Places.key("Borno  state")).isEqualTo("Borno state");
        assertThat(Places.key("al-Fashir")).isEqualTo(Places.key("Al Fashir")).isEqualTo("Al fashir");
        assertThat(Places.key("Port-au-Prince")).isEqualTo("Port au prince");
        assertThat(Places.key("Łódź")).isEqualTo("Lodz");
        assertThat(Places.key("Côte d’Ivoire")).isEqualTo("Cote d'ivoire");
        assertThat(Places.key("Homs")).isSameAs(Places.key("Homs")).isEqualTo("Homs");
    }
}
