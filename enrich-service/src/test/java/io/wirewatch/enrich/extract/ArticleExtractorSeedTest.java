package io.wirewatch.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.wirewatch.schema.CasualtyFigure;
import io.wirewatch.schema.CasualtyKind;
import io.wirewatch.schema.CasualtyPeriod;
import io.wirewatch.schema.CountBound;
import io.wirewatch.schema.DiplomaticAction;
import io.wirewatch.schema.DiplomaticActionType;
import io.wirewatch.schema.Entity;
import io.wirewatch.schema.Evidence;
import io.wirewatch.schema.Modality;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The "done when" list of issue 4, checked on the three seed articles one by one. */
class ArticleExtractorSeedTest {

    private static final LocalDate MONDAY = LocalDate.of(2012, 2, 6);
    private static final LocalDate SATURDAY = LocalDate.of(2012, 2, 4);

    private static Seeds.Seed bbc;
    private static Seeds.Seed cbc;
    private static Seeds.Seed globe;
    private static Extraction fromBbc;
    private static Extraction fromCbc;
    private static Extraction fromGlobe;

    @BeforeAll
    static void extractSeeds() {
        ArticleExtractor extractor = new ArticleExtractor();
        bbc = Seeds.load(Seeds.NAMES.get(0));
        cbc = Seeds.load(Seeds.NAMES.get(1));
        globe = Seeds.load(Seeds.NAMES.get(2));
        fromBbc = extractor.extract(
                bbc.text(), bbc.gold().publishedAt(), bbc.gold().outlet());
        fromCbc = extractor.extract(
                cbc.text(), cbc.gold().publishedAt(), cbc.gold().outlet());
        fromGlobe = extractor.extract(
                globe.text(), globe.gold().publishedAt(), globe.gold().outlet());
    }

    @Test
    void shouldFindTheGulfStatesWithdrawingTheirAmbassadorsAndExpellingSyriasAsAGroup() {
        for (Extraction extraction : List.of(fromBbc, fromCbc, fromGlobe)) {
            assertThat(extraction.diplomaticActions())
                    .filteredOn(a -> a.getActor().equals("Gulf Cooperation Council"))
                    .extracting(DiplomaticAction::getAction, DiplomaticAction::getTarget, DiplomaticAction::getModality)
                    .contains(
                            tuple(DiplomaticActionType.RECALL_AMBASSADOR, "Syria", Modality.ASSERTED),
                            tuple(DiplomaticActionType.EXPEL_DIPLOMATS, "Syria", Modality.ASSERTED));
            assertThat(extraction.diplomaticActions())
                    .filteredOn(a -> a.getActor().equals("Gulf Cooperation Council"))
                    .allSatisfy(a -> assertThat(a.getActorMembers())
                            .containsExactlyInAnyOrder(
                                    "Saudi Arabia", "Kuwait", "Bahrain", "Qatar", "Oman", "United Arab Emirates"));
        }
    }

    @Test
    void shouldFindTheUnitedStatesClosingItsEmbassyOnMonday() {
        assertThat(fromBbc.diplomaticActions())
                .extracting(
                        DiplomaticAction::getAction,
                        DiplomaticAction::getActor,
                        DiplomaticAction::getTarget,
                        DiplomaticAction::getModality,
                        DiplomaticAction::getEventDate)
                .contains(
                        tuple(DiplomaticActionType.CLOSE_EMBASSY, "United States", "Syria", Modality.ASSERTED, MONDAY));
        assertThat(fromGlobe.diplomaticActions())
                .extracting(DiplomaticAction::getAction, DiplomaticAction::getActor, DiplomaticAction::getModality)
                .contains(tuple(DiplomaticActionType.CLOSE_EMBASSY, "United States", Modality.ASSERTED));
    }

    @Test
    void shouldGiveEachEuropeanStateInTheListItsOwnRecall() {
        for (Extraction extraction : List.of(fromBbc, fromGlobe)) {
            assertThat(extraction.diplomaticActions())
                    .filteredOn(a -> a.getAction() == DiplomaticActionType.RECALL_AMBASSADOR
                            && a.getModality() == Modality.ASSERTED)
                    .extracting(DiplomaticAction::getActor)
                    .contains("United Kingdom", "France", "Italy", "Belgium", "Netherlands", "Spain");
        }
    }

    @Test
    void shouldRecordTheRussianAndChineseVetoesAsBackgroundOfFourthFebruary() {
        for (Extraction extraction : List.of(fromBbc, fromCbc, fromGlobe)) {
            assertThat(extraction.diplomaticActions())
                    .filteredOn(a -> a.getAction() == DiplomaticActionType.VETO_RESOLUTION)
                    .isNotEmpty()
                    .allSatisfy(veto -> {
                        assertThat(veto.getActor()).isIn("Russia", "China");
                        assertThat(veto.getModality()).isEqualTo(Modality.BACKGROUND);
                        assertThat(veto.getEventDate()).isEqualTo(SATURDAY);
                        assertThat(veto.getCameoCode()).isEqualTo("129");
                    })
                    .extracting(DiplomaticAction::getActor)
                    .contains("Russia", "China");
        }
    }

    @Test
    void shouldRecordEuropeanSanctionsBeingPreparedAsPlannedNotAsserted() {
        assertThat(fromGlobe.diplomaticActions())
                .filteredOn(a -> a.getAction() == DiplomaticActionType.IMPOSE_SANCTIONS
                        && a.getActor().equals("European Union"))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.getModality()).isEqualTo(Modality.PLANNED);
                    assertThat(a.getTarget()).isEqualTo("Syria");
                    assertThat(a.getActorMembers()).contains("France", "Italy");
                });
    }

    @Test
    void shouldFindAtLeast95KilledInHomsOnMondayAccordingToActivists() {
        assertThat(fromBbc.casualtyFigures())
                .filteredOn(c -> c.getCount() == 95)
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.getBound()).isEqualTo(CountBound.AT_LEAST);
                    assertThat(c.getCountText()).isEqualTo("At least 95");
                    assertThat(c.getKind()).isEqualTo(CasualtyKind.KILLED);
                    assertThat(c.getPlace()).isEqualTo("Homs");
                    assertThat(c.getPeriod()).isEqualTo(CasualtyPeriod.DAY);
                    assertThat(c.getEventDate()).isEqualTo(MONDAY);
                    assertThat(c.getSource()).isEqualTo("activists");
                });
    }

    @Test
    void shouldFindNearly70KilledOnMondayInTheCbcReport() {
        assertThat(fromCbc.casualtyFigures())
                .filteredOn(c -> c.getCount() == 70)
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.getBound()).isEqualTo(CountBound.NEARLY);
                    assertThat(c.getKind()).isEqualTo(CasualtyKind.KILLED);
                    assertThat(c.getEventDate()).isEqualTo(MONDAY);
                    assertThat(c.getSource()).isEqualTo("activists");
                });
    }

    @Test
    void shouldFindTheCumulativeTollsOfTheRightsGroupsAndTheUn() {
        assertThat(fromBbc.casualtyFigures())
                .extracting(
                        CasualtyFigure::getCount,
                        CasualtyFigure::getBound,
                        CasualtyFigure::getPeriod,
                        CasualtyFigure::getSource)
                .contains(
                        tuple(7000, CountBound.MORE_THAN, CasualtyPeriod.CUMULATIVE, "rights groups"),
                        tuple(5400, CountBound.MORE_THAN, CasualtyPeriod.CUMULATIVE, "United Nations"));
        assertThat(fromBbc.casualtyFigures())
                .filteredOn(c -> c.getCount() == 7000)
                .singleElement()
                .satisfies(c -> assertThat(c.getPeriodStart()).isEqualTo(LocalDate.of(2011, 3, 1)));
    }

    @Test
    void shouldMarkTheCbcBodyFigureAsRepeatingItsHeadline() {
        assertThat(fromCbc.casualtyFigures())
                .filteredOn(c -> c.getCount() == 5400)
                .extracting(CasualtyFigure::getRepeatsEarlier)
                .containsExactly(false, true);
    }

    @Test
    void shouldMarkAFurtherNineteenAsAdditional() {
        assertThat(fromGlobe.casualtyFigures())
                .filteredOn(c -> c.getCount() == 19)
                .extracting(CasualtyFigure::getAdditional)
                .containsExactly(false, true);
    }

    @Test
    void shouldMergeLavrovsAliasesUnderOneCanonicalName() {
        Entity inBbc = entity(fromBbc, "Sergei Lavrov");
        Entity inCbc = entity(fromCbc, "Sergei Lavrov");
        assertThat(inBbc.getId()).isEqualTo("person:sergei-lavrov").isEqualTo(inCbc.getId());
        assertThat(inBbc.getAliases()).contains("Sergei Lavrov", "Mr Lavrov");
        assertThat(inCbc.getAliases()).contains("Sergey Lavrov", "Lavrov");
        assertThat(entity(fromGlobe, "Sergei Lavrov").getAliases()).contains("Mr. Lavrov");
    }

    @Test
    void shouldMergeGroupAndCountryAliases() {
        assertThat(entity(fromBbc, "Gulf Cooperation Council").getAliases())
                .contains("Gulf Cooperation Council", "GCC", "Gulf Arab states");
        assertThat(entity(fromCbc, "Gulf Cooperation Council").getAliases()).contains("Gulf Co-operation Council");
        assertThat(entity(fromBbc, "United States").getAliases()).contains("US", "Washington");
        assertThat(entity(fromCbc, "United States").getAliases()).contains("U.S.");
        assertThat(entity(fromBbc, "Syria").getAliases()).contains("Syria", "Syrian");
        assertThat(entity(fromBbc, "Syria").getCountryCode()).isEqualTo("SY");
        assertThat(entity(fromBbc, "Homs").getCountryCode()).isEqualTo("SY");
    }

    @Test
    void shouldPointEveryEvidenceAtTheTextItCameFrom() {
        assertEvidence(bbc.text(), fromBbc);
        assertEvidence(cbc.text(), fromCbc);
        assertEvidence(globe.text(), fromGlobe);
    }

    private static void assertEvidence(String text, Extraction extraction) {
        List<Evidence> evidence = new java.util.ArrayList<>();
        extraction.entities().forEach(e -> evidence.addAll(e.getMentions()));
        extraction.diplomaticActions().forEach(a -> evidence.add(a.getEvidence()));
        extraction.casualtyFigures().forEach(c -> evidence.add(c.getEvidence()));
        extraction.claims().forEach(c -> evidence.add(c.getEvidence()));
        assertThat(evidence).isNotEmpty().allSatisfy(e -> {
            assertThat(e.getStart()).isLessThan(e.getEnd());
            assertThat(text.substring(e.getStart(), e.getEnd())).isNotBlank();
            assertThat(e.getSentence()).contains(text.substring(e.getStart(), e.getEnd()));
        });
        extraction
                .entities()
                .forEach(e -> e.getMentions()
                        .forEach(m -> assertThat(e.getAliases()).contains(text.substring(m.getStart(), m.getEnd()))));
    }

    private static Entity entity(Extraction extraction, String canonicalName) {
        return extraction.entities().stream()
                .filter(e -> e.getCanonicalName().equals(canonicalName))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no entity " + canonicalName));
    }
}
