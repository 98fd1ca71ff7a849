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
 * Classes of casualty figures found failing on fresh real news in English, French and Spanish (7 Dec 2026, fifth
 * round), each tested on sentences written for it: how a toll is counted, which day it is of, and where it happened.
 */
class CasualtyClassesTest {

    private static final ArticleExtractor EXTRACTOR = new ArticleExtractor();
    private static final Instant PUBLISHED = Instant.parse("2023-05-10T12:00:00Z");

    private static List<CasualtyFigure> killed(String language, String text) {
        return EXTRACTOR.extract(text, PUBLISHED, "Test Wire", language).casualtyFigures().stream()
                .filter(f -> f.getKind() == CasualtyKind.KILLED && !f.getRepeatsEarlier())
                .toList();
    }

    @Test
    void shouldReadARoundNumberAfterTheArticleAsAboutSoManyAndAPluralCrowdAsVague() {
        // Given "une quarantaine", "una treintena": about 40, about 30, a toll an alert may raise on
        assertThat(killed("fr", "Une quarantaine de villageois ont été tués mardi à Koumbri."))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.getCount()).isEqualTo(40);
                    assertThat(f.getBound()).isEqualTo(CountBound.ABOUT);
                });
        assertThat(killed("es", "Una treintena de personas murieron el lunes en un ataque en Tlajomulco."))
                .singleElement()
                .satisfies(f -> assertThat(f.getBound()).isEqualTo(CountBound.ABOUT));
        // But "des dizaines" is a crowd with no number
        assertThat(killed("fr", "Des dizaines de personnes ont été tuées mardi à Koumbri."))
                .singleElement()
                .satisfies(f -> assertThat(f.getBound()).isEqualTo(CountBound.VAGUE));
    }

    @Test
    void shouldCountATollWithNoEventOfItsOwnAsTheOneDayOfTheEventJustTold() {
        // Given an event told in one sentence and its toll in the next, which names no event
        assertThat(
                        killed(
                                "fr",
                                "Des hommes armés ont attaqué le village de Sanga, au Mali. Le bilan officiel fait état de 47 civils tués."))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.getPeriod()).isEqualTo(CasualtyPeriod.DAY);
                    assertThat(f.getPlace()).isEqualTo("Sanga");
                });
        assertThat(
                        killed(
                                "es",
                                "Un incendio arrasó el penal de Tlacotalpan. Las autoridades confirmaron que 38 reclusos murieron."))
                .singleElement()
                .satisfies(f -> assertThat(f.getPeriod()).isEqualTo(CasualtyPeriod.DAY));
        // But a long count stays one, and a figure after the event's own toll is a detail of it
        assertThat(
                        killed(
                                "fr",
                                "Une attaque a visé le village de Sanga. Depuis janvier, 300 civils ont été tués dans la région."))
                .singleElement()
                .satisfies(f -> assertThat(f.getPeriod()).isNotEqualTo(CasualtyPeriod.DAY));
        assertThat(
                        killed(
                                "en",
                                "A bomb killed 30 people at a market in Mogadishu on Monday. Twelve of the dead were children."))
                .filteredOn(f -> f.getCount() == 12)
                .singleElement()
                .satisfies(f -> assertThat(f.getPeriod()).isNotEqualTo(CasualtyPeriod.DAY));
    }

    @Test
    void shouldNotPlaceATollAtATownThatStandsForItsRulers() {
        // Given a capital named with its noun ("Abuja's fight"), then a toll of the attack told before
        String text = "Gunmen attacked a church in Owo, Nigeria, on Sunday.\n"
                + "The assault marks an escalation in Abuja's fight with armed groups.\n"
                + "The death toll rose to 41 on Monday.";
        assertThat(killed("en", text)).singleElement().satisfies(f -> {
            assertThat(f.getPlace()).isEqualTo("Owo");
            assertThat(f.getPeriod()).isEqualTo(CasualtyPeriod.DAY);
        });
    }

    @Test
    void shouldNotTakeASocialNetworkForAPlace() {
        // Given a one-word name after "en", in a sentence of the dead: a village no list holds, unless a network
        String text = "Un motín terminó en un incendio en la cárcel de Tocorón, en Venezuela.\n"
                + "“En el incendio fallecieron 12 reclusos”, escribió el gobernador en Twitter.";
        assertThat(killed("es", text)).allSatisfy(f -> assertThat(f.getPlace()).isEqualTo("Tocorón"));
    }

    @Test
    void shouldNotMoveARegionsTollToATownNamedInTheStorysPast() {
        // Given a toll at a region's or country's level and a town named only beside another year or the past perfect
        String en = "A bomb killed 45 people at a school in northern Nigeria on Monday.\n"
                + "It was the deadliest attack since a 2019 bombing in the city of Maiduguri.";
        assertThat(killed("en", en))
                .filteredOn(f -> f.getCount() == 45)
                .singleElement()
                .satisfies(f -> assertThat(f.getPlace()).isEqualTo("Nigeria"));
        String es = "Al menos 40 migrantes murieron el jueves en un accidente en el estado de Chiapas.\n"
                + "Los migrantes habían sido concentrados en Tapachula por traficantes.";
        assertThat(killed("es", es))
                .singleElement()
                .satisfies(f -> assertThat(f.getPlace()).isEqualTo("Chiapas"));
        // But the past perfect of reported speech still names the scene
        String fr = "Au moins 60 personnes ont été tuées mercredi dans le nord-est du Nigeria.\n"
                + "Un témoin a dit qu'un voisin qui avait fui l'attaque était retourné à Kukawa.";
        assertThat(killed("fr", fr))
                .singleElement()
                .satisfies(f -> assertThat(f.getPlace()).isEqualTo("Kukawa"));
    }

    @Test
    void shouldGiveARegionsTollToTheTownTheStoryCallsAVillageWithTheKindAfterItsName() {
        // Given a toll in a state, and "X village" (the kind after the name, English-style) in the next sentence
        String text = "Gunmen killed at least 60 people in Zamfara state on Tuesday, officials said.\n"
                + "Witnesses said the attackers stormed Kadawa village at dawn.";
        assertThat(killed("en", text))
                .singleElement()
                .satisfies(f -> assertThat(f.getPlace()).isEqualTo("Kadawa"));
    }

    @Test
    void shouldNotPlaceATollAtTheSeatOfAnOfficeNamedForItsHolder() {
        // Given a village and "the mayor of X" in one sentence, and a toll without a place in the next
        String text = "Women and children were among the victims of the raid on Tungar Kwana village, the mayor"
                + " of Gusau said.\n"
                + "Unicef said at least 35 children were killed.";
        assertThat(killed("en", text))
                .singleElement()
                .satisfies(f -> assertThat(f.getPlace()).isEqualTo("Tungar Kwana"));
    }

    @Test
    void shouldKeepTheTellingThatDatesAHeadlinesTollToADay() {
        // Given a headline's toll (a running count: no event, no day) and the body's same toll dated to today
        String text = "Death toll rises to 64 at Kerch\n\n"
                + "The death toll from the attack on a college in Kerch rose to 64 today, officials said.";
        assertThat(killed("en", text)).singleElement().satisfies(f -> {
            assertThat(f.getPeriod()).isEqualTo(CasualtyPeriod.DAY);
            assertThat(f.getPlace()).isEqualTo("Kerch");
        });
    }

    @Test
    void shouldKeepTheTellingThatPlacesAtATownATollTheArticleHadOnlyAtItsCountry() {
        // Given a toll with no place of its own (so at the article's country), then the same toll at a town
        String text = "Police raided the Maré favela in Rio de Janeiro, Brazil, on Tuesday.\n"
                + "On Wednesday, officials said the death toll had been revised to 70.\n"
                + "The governor said the death toll from the raid in Rio de Janeiro is 70.";
        assertThat(killed("en", text))
                .filteredOn(f -> f.getCount() == 70)
                .singleElement()
                .satisfies(f -> assertThat(f.getPlace()).isEqualTo("Rio de Janeiro"));
    }

    @Test
    void shouldReadTheTollOfAnAnniversaryAsHistory() {
        // Given a vote or a ceremony marking the anniversary of a massacre, with its toll and no date of it
        assertThat(killed(
                        "en",
                        "Russia vetoed a resolution on Wednesday marking the 30th anniversary of the killing of"
                                + " 800 villagers in the Lubumbashi massacre."))
                .singleElement()
                .satisfies(f -> assertThat(f.getPeriod()).isEqualTo(CasualtyPeriod.UNSPECIFIED));
        assertThat(killed(
                        "fr", "Une cérémonie a marqué samedi le 25e anniversaire du massacre de 300 civils à Gikondo."))
                .singleElement()
                .satisfies(f -> assertThat(f.getPeriod()).isEqualTo(CasualtyPeriod.UNSPECIFIED));
        assertThat(killed(
                        "es",
                        "Miles de personas marcharon el domingo en el aniversario de la matanza de 72 migrantes en"
                                + " San Fernando."))
                .singleElement()
                .satisfies(f -> assertThat(f.getPeriod()).isEqualTo(CasualtyPeriod.UNSPECIFIED));
    }

    @Test
    void shouldReadACountOfThisYearAsTheYearsRunningCountEvenWhenTheReportIsDated() {
        assertThat(killed(
                        "en",
                        "More than 300 civilians have been killed in Yemen this year, according to a report"
                                + " released on Monday by a monitoring group."))
                .singleElement()
                .satisfies(f -> assertThat(f.getPeriod()).isEqualTo(CasualtyPeriod.CUMULATIVE));
        assertThat(killed(
                        "es",
                        "Más de 300 civiles han muerto en Yemen en lo que va del año, según un informe publicado"
                                + " el lunes."))
                .singleElement()
                .satisfies(f -> assertThat(f.getPeriod()).isEqualTo(CasualtyPeriod.CUMULATIVE));
    }

    @Test
    void shouldReadAVerbOfMassKillingBeforeItsCount() {
        assertThat(killed("en", "Gunmen stormed a school in Owo, Nigeria, on Sunday and massacred 35 pupils."))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.getCount()).isEqualTo(35);
                    assertThat(f.getPeriod()).isEqualTo(CasualtyPeriod.DAY);
                });
    }

    // Sixth round (eval-own6): natural disasters, places named with their kind, capitals inside longer names, towns
    // placed by the region beside them, adverbs between a verb of killing and its count.

    @Test
    void shouldCountATollOfMudslidesOrAnEruptionAsOneEvent() {
        // Given a disaster noun the incident list lacked: the toll was a running count, never a day's
        assertThat(killed("en", "Mudslides swept through Oreton overnight, and the death toll has risen to 85."))
                .singleElement()
                .satisfies(f -> assertThat(f.getPeriod()).isEqualTo(CasualtyPeriod.DAY));
        assertThat(killed("fr", "L'éruption du volcan a fait 40 morts dimanche dans la région de Goma."))
                .singleElement()
                .satisfies(f -> assertThat(f.getPeriod()).isEqualTo(CasualtyPeriod.DAY));
        // But a season of them, counted since a date, stays a running count
        assertThat(killed("en", "Mudslides have killed 85 people in the region since June."))
                .singleElement()
                .satisfies(f -> assertThat(f.getPeriod()).isNotEqualTo(CasualtyPeriod.DAY));
    }

    @Test
    void shouldNameAVolcanoWithItsKindAsThePlaceOfItsToll() {
        // Given "el volcán de Fuego": the place is the volcano, not the country nor a town called "Fuego"
        assertThat(killed("es", "La erupción del volcán de Fuego, en el sur de Guatemala, dejó al menos 51 muertos."))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.getPlace()).isEqualTo("Volcán de Fuego");
                    assertThat(f.getPlaceCountryCode()).isEqualTo("GT");
                });
    }

    @Test
    void shouldReadACapitalsNameFollowedByLinkingWordsAsTheLongerPlaceName() {
        // Given "Santiago de Compostela": no Chilean capital, though "Santiago" alone is one
        assertThat(killed(
                        "es",
                        "Al menos 60 personas murieron en el descarrilamiento de un tren en Santiago de Compostela."))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.getPlace()).isEqualTo("Santiago de Compostela");
                    assertThat(f.getPlaceCountryCode()).isEqualTo("ES");
                    assertThat(f.getPeriod()).isEqualTo(CasualtyPeriod.DAY);
                });
    }

    @Test
    void shouldPlaceATownInTheCountryOfTheRegionNamedBesideIt() {
        // Given a town whose name the gazetteer holds only in another country, and its region beside it
        assertThat(killed("fr", "Des jihadistes ont tué 60 soldats lundi à Boma, dans la province du Lac, au Tchad."))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.getPlace()).isEqualTo("Boma");
                    assertThat(f.getPlaceCountryCode()).isEqualTo("TD");
                });
    }

    @Test
    void shouldGiveTheTollToTheTownAndNotToTheRegionThatContainsIt() {
        // Given "X, dans la province de Y": Y only says where X lies
        assertThat(killed(
                        "fr",
                        "L'attaque contre le poste de gendarmerie de Wampela, dans la province du Soum, au Burkina"
                                + " Faso, a fait 25 morts lundi."))
                .singleElement()
                .satisfies(f -> assertThat(f.getPlace()).isEqualTo("Wampela"));
        // And a country's toll goes to the village told next, not to its commune nor to the neighbour at the border
        assertThat(killed(
                        "fr",
                        "Une quarantaine de civils ont été tués lundi dans l'attaque d'un village de l'est du Burkina"
                                + " Faso. Des hommes armés ont attaqué le village de Wampela, dans la commune de"
                                + " Boungou, près de la frontière avec le Niger."))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.getPlace()).isEqualTo("Wampela");
                    assertThat(f.getPlaceCountryCode()).isEqualTo("BF");
                });
    }

    @Test
    void shouldReadAnAdverbBetweenAVerbOfKillingAndItsCount() {
        assertThat(killed("fr", "Des soldats ont exécuté sommairement 120 villageois mardi à Diafarabé, au Mali."))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.getCount()).isEqualTo(120);
                    assertThat(f.getPlace()).isEqualTo("Diafarabé");
                });
    }

    @Test
    void shouldCountATollOverARangeOfDaysAsSeveralDays() {
        // Given "from the 1st to the 13th": the count runs over the range, not one day
        assertThat(killed("fr", "Du 1er au 13 novembre, 64 personnes ont été tuées dans des affrontements à Jacmel."))
                .singleElement()
                .satisfies(f -> assertThat(f.getPeriod()).isEqualTo(CasualtyPeriod.MULTI_DAY));
        assertThat(killed("es", "Entre el 27 y el 31 de marzo, 120 civiles murieron en la localidad de Moura, Mali."))
                .singleElement()
                .satisfies(f -> assertThat(f.getPeriod()).isEqualTo(CasualtyPeriod.MULTI_DAY));
        // But one night told by its two dates is one event, and a range of people is no range of days
        assertThat(killed("fr", "Dans la nuit du 21 au 22 août, 45 villageois ont été tués à Tanli, au Burkina Faso."))
                .singleElement()
                .satisfies(f -> assertThat(f.getPeriod()).isEqualTo(CasualtyPeriod.DAY));
        assertThat(killed("en", "Between 20 and 30 people were killed on Monday in an attack in Jacmel, Haiti."))
                .singleElement()
                .satisfies(f -> assertThat(f.getPeriod()).isEqualTo(CasualtyPeriod.DAY));
    }
}
