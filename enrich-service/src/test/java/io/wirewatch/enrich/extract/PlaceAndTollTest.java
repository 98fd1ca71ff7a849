package io.wirewatch.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.schema.CasualtyFigure;
import io.wirewatch.schema.CasualtyKind;
import io.wirewatch.schema.CasualtyPeriod;
import io.wirewatch.schema.CountBound;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where a toll happened and what it counts, by class, on text written for these tests: places from the world
 * gazetteer (GeoNames) chosen by the article's countries, villages no list holds placed by their frame, datelines,
 * a country-level toll given to its town, incident tolls as one day's, running totals and superseded figures.
 */
class PlaceAndTollTest {

    private static final ArticleExtractor EXTRACTOR = new ArticleExtractor();

    private static List<CasualtyFigure> killed(String text) {
        return EXTRACTOR.extract(text, Instant.parse("2023-05-10T12:00:00Z"), "Test Wire").casualtyFigures().stream()
                .filter(f -> f.getKind() == CasualtyKind.KILLED && !f.getRepeatsEarlier())
                .toList();
    }

    @Test
    void shouldPlaceATownOfTheGazetteerWithItsCountryRegionAndCoordinates() {
        assertThat(killed("At least 52 people were killed in an air strike on Djibo in northern Burkina Faso."))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.getPlace()).isEqualTo("Djibo");
                    assertThat(f.getPlaceCountryCode()).isEqualTo("BF");
                    assertThat(f.getPlaceRegion()).isNotBlank();
                    assertThat(f.getLatitude()).isBetween(13.0, 15.0);
                    assertThat(f.getPlaceGeonameId()).isPositive();
                    assertThat(f.getPeriod()).isEqualTo(CasualtyPeriod.DAY);
                });
    }

    @Test
    void shouldChooseAmongPlacesOfOneNameByTheArticlesCountries() {
        assertThat(killed("Syrian activists said 60 people were killed in Homs on Monday."))
                .singleElement()
                .satisfies(f -> assertThat(f.getPlaceCountryCode()).isEqualTo("SY"));
    }

    @Test
    void shouldPlaceAVillageNoListHoldsByItsFrameInTheCountryNamedBesideIt() {
        assertThat(killed("Gunmen killed 41 people in the village of Ndoukoula, in Mali's Mopti region."))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.getPlace()).isEqualTo("Ndoukoula");
                    assertThat(f.getPlaceCountryCode()).isEqualTo("ML");
                    assertThat(f.getPlaceGeonameId()).isNull();
                });
        assertThat(killed("Bandits killed 30 villagers in Kuryan Dutse village, Zamfara state, on Tuesday."))
                .singleElement()
                .satisfies(f -> assertThat(f.getPlaceCountryCode()).isEqualTo("NG"));
    }

    @Test
    void shouldNeverPlaceATollAtTheDateline() {
        assertThat(killed("KABUL (Reuters) - A suicide bomber killed 25 people at a mosque in Kunduz on Friday."))
                .singleElement()
                .satisfies(f -> assertThat(f.getPlace()).isEqualTo("Kunduz"));
    }

    @Test
    void shouldGiveACountryLevelIncidentTollToTheOneTownTheStoryNames() {
        String text = "A missile struck a bus station in eastern Ukraine on Friday, killing at least 32 people.\n"
                + "Rescuers in Kostiantynivka searched the rubble through the night.";
        assertThat(killed(text))
                .singleElement()
                .satisfies(f -> assertThat(f.getPlace()).isEqualTo("Kostiantynivka"));
    }

    @Test
    void shouldReadAnIncidentTollAsOneDaysAndACampaignsAsARunningTotal() {
        assertThat(killed("The death toll from the blast at the market in Peshawar rose to 61."))
                .singleElement()
                .satisfies(f -> assertThat(f.getPeriod()).isEqualTo(CasualtyPeriod.DAY));
        assertThat(killed("The death toll from Israeli strikes in Gaza rose to 9,000, the ministry said."))
                .singleElement()
                .satisfies(f -> assertThat(f.getPeriod()).isEqualTo(CasualtyPeriod.CUMULATIVE));
        assertThat(killed("More than 5,000 people have been killed in attacks in the region."))
                .singleElement()
                .satisfies(f -> assertThat(f.getPeriod()).isNotEqualTo(CasualtyPeriod.DAY));
    }

    @Test
    void shouldReadTheLivesAndTheMassacreOfACountAsDeaths() {
        assertThat(killed("The flood in Derna claimed the lives of 60 people on Monday."))
                .extracting(CasualtyFigure::getCount)
                .containsExactly(60);
        assertThat(killed("Witnesses described the massacre of at least 70 villagers in Solhan."))
                .extracting(CasualtyFigure::getCount)
                .containsExactly(70);
    }

    @Test
    void shouldReadBoundsWrittenInFullAndSkipTheFigureATollRoseFrom() {
        assertThat(killed("The toll from the riot in Esmeraldas rose to 47, up from 31."))
                .extracting(CasualtyFigure::getCount)
                .containsExactly(47);
        assertThat(killed("No fewer than 63 people were killed in the attack on Kwanar village."))
                .extracting(CasualtyFigure::getBound)
                .containsExactly(CountBound.AT_LEAST);
    }

    @Test
    void shouldReadTheDateOfAnEarlierTollWithoutCountingItsDay() {
        assertThat(killed("The toll since Oct 7 passed 1,200 in the camp."))
                .extracting(CasualtyFigure::getCount)
                .containsExactly(1200);
    }

    @Test
    void shouldNotPlaceATollWhereAStatementWasGivenNorAtALandmark() {
        List<CasualtyFigure> figures = killed("Gunmen killed at least 40 people on Sunday in Seytenga, a town in "
                + "Burkina Faso's Seno province, not far from Dori. In a statement in Geneva on Monday, the United "
                + "Nations said 43 people had died in the attack.");
        assertThat(figures)
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.getPlace()).isEqualTo("Seytenga"));
    }

    @Test
    void shouldCountARangeOnceAtItsLowEnd() {
        assertThat(killed("Between 100 and 200 people were killed in Djibo, Burkina Faso, on Saturday."))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.getCount()).isEqualTo(100);
                    assertThat(f.getBound()).isEqualTo(CountBound.AT_LEAST);
                });
    }

    @Test
    void shouldPutTheEstimateThatFollowsAVagueFigureOnIt() {
        assertThat(killed("The attack in Djibo, Burkina Faso, on Saturday caused dozens of deaths, estimated at "
                        + "between 100 and 200, according to local sources."))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.getCount()).isEqualTo(100);
                    assertThat(f.getBound()).isEqualTo(CountBound.AT_LEAST);
                    assertThat(f.getPlace()).isEqualTo("Djibo");
                });
    }
}
