package io.wirewatch.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.wirewatch.schema.CasualtyFigure;
import io.wirewatch.schema.CasualtyKind;
import io.wirewatch.schema.CasualtyPeriod;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Classes of casualty figures that got no place, the wrong place or a wrong count on real news in English, French and
 * Spanish (7 Dec 2026, seventh round), each tested on sentences written for it.
 */
class CasualtyPlacesAndDatesTest {

    private static final ArticleExtractor EXTRACTOR = new ArticleExtractor();
    private static final Instant PUBLISHED = Instant.parse("2023-05-10T12:00:00Z");

    private static List<CasualtyFigure> figures(String language, String text, Instant published) {
        return EXTRACTOR.extract(text, published, "Test Wire", language).casualtyFigures().stream()
                .filter(f -> !f.getRepeatsEarlier())
                .toList();
    }

    private static List<CasualtyFigure> killed(String language, String text) {
        return figures(language, text, PUBLISHED).stream()
                .filter(f -> f.getKind() == CasualtyKind.KILLED)
                .toList();
    }

    @Test
    void shouldPlaceATollAtANeighbourhoodNamedWithItsOwnArticle() {
        // Given a quarter no list holds whose name opens with an article, in a story about its country
        assertThat(killed("en", "In Haiti, gang members killed at least 64 people in La Boule on Tuesday."))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.getPlace()).isEqualTo("La Boule");
                    assertThat(f.getPlaceCountryCode()).isEqualTo("HT");
                });
        assertThat(killed("fr", "En Haïti, au moins 64 personnes ont été tuées mardi à La Boule, selon un élu."))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.getPlace()).isEqualTo("La Boule");
                    assertThat(f.getPlaceCountryCode()).isEqualTo("HT");
                });
        assertThat(killed("es", "En Haití, al menos 64 personas murieron el martes en Los Pinares, según la policía."))
                .singleElement()
                .satisfies(f -> assertThat(f.getPlace()).isEqualTo("Los Pinares"));
    }

    @Test
    void shouldPlaceATollAtASiteNamedInQuotationMarks() {
        // Given a camp named in quotes or guillemets: a place of the story's country, not a person so called
        assertThat(killed("en", "In Congo, at least 52 people were killed at the 'Plaine Kere' camp on Sunday."))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.getPlace()).isEqualTo("Plaine Kere");
                    assertThat(f.getPlaceCountryCode()).isEqualTo("CD");
                });
        assertThat(killed("fr", "En RDC, au moins 52 personnes ont été tuées dimanche au site « Plaine Kéré »."))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.getPlace()).isEqualTo("Plaine Kéré");
                    assertThat(f.getPlaceCountryCode()).isEqualTo("CD");
                });
    }

    @Test
    void shouldCountDisplacedPeopleKilledAsKilled() {
        // Given the displaced as the victims of a killing
        assertThat(figures("en", "At least 52 displaced people were killed in an attack in Djugu, Congo.", PUBLISHED))
                .singleElement()
                .satisfies(f -> assertThat(f.getKind()).isEqualTo(CasualtyKind.KILLED));
        assertThat(figures("fr", "Au moins 52 déplacés ont été tués dimanche à Djugu, en RDC.", PUBLISHED))
                .singleElement()
                .satisfies(f -> assertThat(f.getKind()).isEqualTo(CasualtyKind.KILLED));
        // But the displaced alone stay displaced
        assertThat(figures("en", "Some 5,000 displaced people arrived in Bunia, Congo, on Sunday.", PUBLISHED))
                .singleElement()
                .satisfies(f -> assertThat(f.getKind()).isEqualTo(CasualtyKind.DISPLACED));
    }

    @Test
    void shouldPlaceATollAtTheTownThatOwnsALandmark() {
        // Given a landmark named as a town's ("Luxor's Valley of the Kings"): the town's toll
        assertThat(killed("en", "Gunmen killed 57 visitors in Aswan's Valley of the Nobles on Tuesday."))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.getPlace()).isEqualTo("Aswan");
                    assertThat(f.getPlaceCountryCode()).isEqualTo("EG");
                });
    }

    @Test
    void shouldPlaceATollAtThePlaceAnEventIsNamedFor() {
        // Given "the X attack", "the X University College massacre", "l'attaque de X" in a story about X's country
        String en = "Kenya held a day of mourning on Friday. At least 140 people were killed in the Garissa attack.";
        assertThat(killed("en", en)).singleElement().satisfies(f -> {
            assertThat(f.getPlace()).isEqualTo("Garissa");
            assertThat(f.getPlaceCountryCode()).isEqualTo("KE");
        });
        String college = "Kenya held a day of mourning on Friday. The Garissa Teachers College massacre left at least"
                + " 140 people dead.";
        assertThat(killed("en", college))
                .singleElement()
                .satisfies(f -> assertThat(f.getPlace()).isEqualTo("Garissa"));
        String raid = "Kenya held a day of mourning on Friday. The death toll in the Garissa cattle raid rose to 70.";
        assertThat(killed("en", raid))
                .singleElement()
                .satisfies(f -> assertThat(f.getPlace()).isEqualTo("Garissa"));
        assertThat(killed("fr", "Le Kenya est en deuil. L'attaque de Garissa a fait au moins 140 morts."))
                .singleElement()
                .satisfies(f -> assertThat(f.getPlace()).isEqualTo("Garissa"));
    }

    @Test
    void shouldNotTakeTheDayOfAnUndatedArticlesCalendarDateForACount() {
        // Given an article with no publication date and a calendar day further on than its lead
        String fr = "Le Mali est en deuil. L'armée a envoyé des renforts. Les ministres se sont réunis à Bamako."
                + " Les habitants ont fui. Le 12 mars, des hommes armés ont tué 64 personnes à Sanga.";
        assertThat(figures("fr", fr, null)).singleElement().satisfies(f -> {
            assertThat(f.getCount()).isEqualTo(64);
            assertThat(f.getPeriod()).isEqualTo(CasualtyPeriod.DAY);
            assertThat(f.getPlace()).isEqualTo("Sanga");
        });
        String es = "Malí está de luto. El ejército envió refuerzos. Los ministros se reunieron en Bamako."
                + " Los vecinos huyeron. El 5 de marzo, hombres armados mataron a 64 personas en Sanga.";
        assertThat(figures("es", es, null))
                .singleElement()
                .satisfies(f -> assertThat(f.getCount()).isEqualTo(64));
    }

    @Test
    void shouldReadTheSpanishPersonalAObjectOfAVerbOfKilling() {
        assertThat(killed("es", "Hombres armados mataron a 64 personas el lunes en Sanga, en Malí."))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.getCount()).isEqualTo(64);
                    assertThat(f.getPlace()).isEqualTo("Sanga");
                });
        // But "dejando a 20 personas heridas" tells of the wounded
        assertThat(figures("es", "La explosión sacudió Sanga, en Malí, dejando a 20 personas heridas.", PUBLISHED))
                .singleElement()
                .satisfies(f -> assertThat(f.getKind()).isEqualTo(CasualtyKind.WOUNDED));
    }

    @Test
    void shouldReadABareCapitalInAStoryAboutAnotherCountryAsThatCountrysTown() {
        // Given a capital's name shared by a town of the story's country, whose state the story never names
        String en = "Lebanon's army deployed troops in the north. At least 55 people were killed in Tripoli on Monday.";
        assertThat(killed("en", en))
                .singleElement()
                .satisfies(f -> assertThat(f.getPlaceCountryCode()).isEqualTo("LB"));
        // and a local story about a region of one state: the town is that state's even when no list holds it
        String es = "Galicia vive días de luto en España. Al menos 80 personas murieron en Santiago cuando descarriló"
                + " un tren.";
        assertThat(killed("es", es))
                .singleElement()
                .satisfies(f -> assertThat(f.getPlaceCountryCode()).isEqualTo("ES"));
        // But a capital whose state the story names stays the capital
        String cl = "Chile decretó duelo nacional. Al menos 80 personas murieron en Santiago en un incendio.";
        assertThat(killed("es", cl))
                .singleElement()
                .satisfies(f -> assertThat(f.getPlaceCountryCode()).isEqualTo("CL"));
    }

    @Test
    void shouldPlaceATollAtANameOfSeveralWordsToldWhereItLies() {
        // Given an unlisted name of two words followed by the place that contains it, or by a place it is near
        assertThat(killed("en", "More than 70 people were killed in Bel Orme in Haiti's capital on Saturday."))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.getPlace()).isEqualTo("Bel Orme");
                    assertThat(f.getPlaceCountryCode()).isEqualTo("HT");
                });
        assertThat(killed("fr", "En RDC, au moins 52 civils ont été tués mardi à Plaine Kéré, près de Bunia."))
                .singleElement()
                .satisfies(f -> assertThat(f.getPlace()).isEqualTo("Plaine Kéré"));
        // But a storm's name is no place
        assertThat(killed("en", "Twelve people were killed in Hurricane Tomas in Florida on Tuesday."))
                .singleElement()
                .satisfies(f -> assertThat(f.getPlace()).isEqualTo("Florida"));
    }

    @Test
    void shouldNotCountPlacesAsTheDead() {
        // Given a count of villages inside a toll's sentence
        assertThat(killed("en", "The death toll in Monday's raids on four villages in Zamfara State has risen to 64."))
                .singleElement()
                .satisfies(f -> assertThat(f.getCount()).isEqualTo(64));
        assertThat(figures("fr", "L'attaque d'un camp de déplacés a fait 30 morts mardi à Djugu, en RDC.", PUBLISHED))
                .singleElement()
                .satisfies(f -> assertThat(f.getCount()).isEqualTo(30));
    }

    @Test
    void shouldPlaceATollAtASiteQuotedBesideItsNounInSpanish() {
        assertThat(killed(
                        "es", "En la RDC, al menos 52 desplazados murieron el domingo en el campamento «Plaine Kéré»."))
                .singleElement()
                .satisfies(f -> assertThat(f.getPlace()).isEqualTo("Plaine Kéré"));
    }

    @Test
    void shouldPlaceATollAtTheTownASiteIsNamedAfter() {
        // Given a site named after its town, the toll told of the country and the site named next
        String en = "A school in Nigeria came under attack on Monday and 62 people died. Soldiers arrived at"
                + " Kaduna Girls College an hour later.";
        assertThat(killed("en", en)).singleElement().satisfies(f -> {
            assertThat(f.getPlace()).isEqualTo("Kaduna");
            assertThat(f.getPlaceCountryCode()).isEqualTo("NG");
        });
        assertThat(killed("en", "A suicide bomber killed 40 people at Mombasa Technical College on Sunday."))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.getPlace()).isEqualTo("Mombasa");
                    assertThat(f.getPlaceAsWritten()).isEqualTo("Mombasa Technical College"); // the spot, kept
                });
        String fr = "Au Nigeria, des hommes armés ont tué 62 personnes à l'Université de Kaduna mardi.";
        assertThat(killed("fr", fr))
                .singleElement()
                .satisfies(f -> assertThat(f.getPlace()).isEqualTo("Kaduna"));
    }

    @Test
    void shouldPlaceATollAtTheCapitalAStateIsNamedFor() {
        // Given "the X capital", "the capital of X", "la capitale du X", "la capital X-a": the capital city
        assertThat(killed("en", "A suicide bomber killed 70 people in the Iraqi capital on Sunday."))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.getPlace()).isEqualTo("Baghdad");
                    assertThat(f.getPlaceCountryCode()).isEqualTo("IQ");
                });
        assertThat(killed("en", "A bomb hit the capital of Syria on Sunday, and at least 70 people died."))
                .singleElement()
                .satisfies(f -> assertThat(f.getPlace()).isEqualTo("Damascus"));
        assertThat(killed("fr", "Un attentat a frappé la capitale de la Syrie dimanche : 70 personnes sont mortes."))
                .singleElement()
                .satisfies(f -> assertThat(f.getPlace()).isEqualTo("Damascus"));
        assertThat(killed("es", "Un atentado dejó al menos 70 muertos en la capital iraquí el domingo."))
                .singleElement()
                .satisfies(f -> assertThat(f.getPlace()).isEqualTo("Baghdad"));
    }

    @Test
    void shouldNotTakeACapitalNamedBesideThePhraseForTheStatesCapital() {
        // Given a city the phrase only describes (a former or commercial capital)
        assertThat(killed("en", "At least 30 people were killed in Lagos, the Nigerian capital, on Sunday."))
                .singleElement()
                .satisfies(f -> assertThat(f.getPlace()).isEqualTo("Lagos"));
    }

    @Test
    void shouldNameALargeCityInTheAlertsVocabularyWhateverTheLanguage() {
        // Given a French or Spanish exonym of a large city: the world gazetteer's name, as English reports write it
        assertThat(killed("fr", "Au moins 70 personnes ont été tuées à Bagdad dimanche."))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.getPlace()).isEqualTo("Baghdad");
                    assertThat(f.getPlaceAsWritten()).isEqualTo("Bagdad"); // the report's own spelling, kept
                });
        assertThat(killed("en", "At least 70 people were killed in Baghdad on Sunday."))
                .singleElement()
                .satisfies(f -> assertThat(f.getPlaceAsWritten()).isNull());
        assertThat(killed("es", "Al menos 70 personas murieron el domingo en Argel."))
                .singleElement()
                .satisfies(f -> assertThat(f.getPlace()).isEqualTo("Algiers"));
    }

    @Test
    void shouldPlaceAnIncidentsTollAtTheDatelineTownWhenTheStoryPlacesItNowhereElse() {
        // Given a siege told in the lead after a dateline, its toll in the next sentence
        String text = "DIKWA, Nigeria -- A siege of the camp ended in bloodshed Friday when explosions tore through the"
                + " market. The official death toll was more than 90.";
        assertThat(killed("en", text)).singleElement().satisfies(f -> {
            assertThat(f.getPlace()).isEqualTo("Dikwa");
            assertThat(f.getPeriod()).isEqualTo(CasualtyPeriod.DAY); // the siege's toll, not a running count
        });
    }

    @Test
    void shouldReadADeflagrationAsOneIncident() {
        String text = "Une déflagration a secoué le port de Casablanca mardi. L'énorme déflagration a fait au moins 60"
                + " morts, selon un bilan du ministère.";
        assertThat(killed("fr", text))
                .singleElement()
                .satisfies(f -> assertThat(f.getPeriod()).isEqualTo(CasualtyPeriod.DAY));
    }

    @Test
    void shouldNotTakeAnAdjectiveBeforeTheKindOfAPlaceForItsName() {
        // Given "this small Andean town": no town is called "Andean"; the dateline says where the story is
        String text = "HUARAZ, Peru -- Rescue teams searched this small Andean town for hours. Officials said 20 people"
                + " were killed in the town on Friday.";
        assertThat(killed("en", text))
                .singleElement()
                .satisfies(f -> assertThat(f.getPlace()).isNotEqualTo("Andean"));
    }

    @Test
    void shouldCountTheWholeAndNotItsPartSetOffByIncluding() {
        // Given a count, a part of it set off by commas, then the harm done to the whole
        assertThat(killed("en", "At least 48 people, including 11 children, were killed in Kano on Sunday."))
                .singleElement()
                .satisfies(f -> assertThat(f.getCount()).isEqualTo(48));
        assertThat(killed("en", "At least 48 people, including seven from one family, were killed in Kano on Sunday."))
                .singleElement()
                .satisfies(f -> assertThat(f.getCount()).isEqualTo(48));
        assertThat(killed("fr", "Au moins 48 personnes, dont 11 enfants, ont été tuées dimanche à Kano."))
                .singleElement()
                .satisfies(f -> assertThat(f.getCount()).isEqualTo(48));
        assertThat(killed("es", "Al menos 48 personas, entre ellas 11 niños, murieron el domingo en Kano."))
                .singleElement()
                .satisfies(f -> assertThat(f.getCount()).isEqualTo(48));
        // and counts joined by "and" stay two
        assertThat(killed("en", "Officials said 12 soldiers and six police officers were killed in Kano on Sunday."))
                .extracting(CasualtyFigure::getCount)
                .containsExactly(12, 6);
    }

    @Test
    void shouldReadATollOfAttacksInAWeekAsThePeriodsNotTheDays() {
        // Given the day's toll and, in the same sentence, the toll of a week's attacks
        String text = "A truck bomb killed 31 people in Quetta today, the fourth attack there in a week"
                + " claiming nearly 120 lives.";
        assertThat(killed("en", text))
                .extracting(CasualtyFigure::getCount, CasualtyFigure::getPeriod)
                .containsExactly(tuple(31, CasualtyPeriod.DAY), tuple(120, CasualtyPeriod.MULTI_DAY));
        String fr = "Un camion piégé a tué 31 personnes à Quetta, la quatrième attaque en une semaine, qui porte le"
                + " bilan à près de 120 morts.";
        assertThat(killed("fr", fr))
                .filteredOn(f -> f.getCount() == 120)
                .singleElement()
                .satisfies(f -> assertThat(f.getPeriod()).isNotEqualTo(CasualtyPeriod.DAY));
    }

    @Test
    void shouldKeepADisastersTollInTheProvinceItsSentenceNames() {
        // Given an earthquake's toll of a province no list holds, and a town of another province named after it
        String text = "Rabat — Le séisme, qui a frappé vendredi soir la province de Chichaoua, a fait 400 morts, selon"
                + " le ministère. Des villages près de Taroudant ont aussi été touchés.";
        assertThat(killed("fr", text))
                .singleElement()
                .satisfies(f -> assertThat(f.getPlace()).isEqualTo("Chichaoua"));
    }

    @Test
    void shouldCountAnOutbreaksDeathsAsARunningCount() {
        // Given a disease's deaths "said on Wednesday": the outbreak's count, not one day's
        assertThat(killed("en", "Health officials said on Wednesday that 1,230 people had died of cholera in Haiti."))
                .singleElement()
                .satisfies(f -> assertThat(f.getPeriod()).isEqualTo(CasualtyPeriod.CUMULATIVE));
        assertThat(killed(
                        "es",
                        "Al menos 300 personas han muerto por el brote de cólera en Haití, dijo el lunes el"
                                + " ministerio."))
                .singleElement()
                .satisfies(f -> assertThat(f.getPeriod()).isEqualTo(CasualtyPeriod.CUMULATIVE));
    }

    @Test
    void shouldReadAFewEventsAtOnceAsOneAttackAndTheirNumberAsNoToll() {
        // Given "two car bombs" in the toll's sentence: one attack's toll, and "two" counts the bombs
        String text = "Two car bombs went off at a market in the Iraqi capital on Sunday, and the death toll has now"
                + " risen to 73.";
        assertThat(killed("en", text)).singleElement().satisfies(f -> {
            assertThat(f.getCount()).isEqualTo(73);
            assertThat(f.getPeriod()).isEqualTo(CasualtyPeriod.DAY);
            assertThat(f.getPlace()).isEqualTo("Baghdad");
        });
    }
}
