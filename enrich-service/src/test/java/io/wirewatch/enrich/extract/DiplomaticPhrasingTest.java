package io.wirewatch.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.schema.DiplomaticAction;
import io.wirewatch.schema.DiplomaticActionType;
import io.wirewatch.schema.Modality;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Phrasing families of diplomatic news, one test each, with sentences written for these tests: each family is a row
 * (or a few) of en/triggers.tsv and a class of the grammar around them, so a new phrasing is a row and a test here.
 */
class DiplomaticPhrasingTest {

    private static final ArticleExtractor EXTRACTOR = new ArticleExtractor();
    private static final String DAY = "2024-03-14";

    private static List<List<Object>> actions(String text) {
        return actions(text, DAY);
    }

    private static List<List<Object>> actions(String text, String day) {
        return EXTRACTOR.extract(text, Instant.parse(day + "T12:00:00Z"), "Test Wire").diplomaticActions().stream()
                .map(a -> List.<Object>of(
                        a.getAction(), a.getActor(), a.getTarget() == null ? "-" : a.getTarget(), a.getModality()))
                .distinct()
                .toList();
    }

    private static List<Object> action(DiplomaticActionType type, String actor, String target, Modality modality) {
        return List.of(type, actor, target, modality);
    }

    // ------------------------------------------------------------------ expulsions

    @Test
    void shouldReadADeclarationOfPersonaNonGrataAsAnExpulsion() {
        assertThat(actions("Estonia declared two Russian diplomats persona non grata on Wednesday."))
                .containsExactly(action(DiplomaticActionType.EXPEL_DIPLOMATS, "Estonia", "Russia", Modality.ASSERTED));
    }

    @Test
    void shouldReadAnEnvoyDeclaredPersonaNonGrataInThePassiveWithTheAnnouncingState() {
        assertThat(actions("Peru said the Mexican ambassador had been declared persona non grata."))
                .containsExactly(action(DiplomaticActionType.EXPEL_DIPLOMATS, "Peru", "Mexico", Modality.ASSERTED));
    }

    @Test
    void shouldReadHoursToLeaveAsAnExpulsionByTheHostOfTheEnvoy() {
        assertThat(actions("Niger's ambassador to Benin has been given 72 hours to leave the country."))
                .containsExactly(action(DiplomaticActionType.EXPEL_DIPLOMATS, "Benin", "Niger", Modality.ASSERTED));
        assertThat(actions("Kenya gave the Somali envoy 48 hours to leave."))
                .containsExactly(action(DiplomaticActionType.EXPEL_DIPLOMATS, "Kenya", "Somalia", Modality.ASSERTED));
    }

    @Test
    void shouldReadThrowingOutAndOrderingToLeaveAsExpulsions() {
        assertThat(actions("Mali threw out the French ambassador on Monday."))
                .containsExactly(action(DiplomaticActionType.EXPEL_DIPLOMATS, "Mali", "France", Modality.ASSERTED));
        assertThat(actions("Algeria ordered a Moroccan consular official to leave the country."))
                .containsExactly(action(DiplomaticActionType.EXPEL_DIPLOMATS, "Algeria", "Morocco", Modality.ASSERTED));
    }

    // ------------------------------------------------------------------ recalls, ties, embassies

    @Test
    void shouldReadARecallForConsultations() {
        assertThat(actions("Chile recalled its ambassador to Israel for consultations."))
                .containsExactly(action(DiplomaticActionType.RECALL_AMBASSADOR, "Chile", "Israel", Modality.ASSERTED));
    }

    @Test
    void shouldReadCallingAnAmbassadorHomeAsARecall() {
        assertThat(actions("Jordan called its ambassador home from Israel."))
                .containsExactly(action(DiplomaticActionType.RECALL_AMBASSADOR, "Jordan", "Israel", Modality.ASSERTED));
    }

    @Test
    void shouldReadExpellingIntelligenceOfficersAsExpellingDiplomats() {
        assertThat(actions("Norway expelled 15 Russian intelligence officers working at the embassy."))
                .containsExactly(action(DiplomaticActionType.EXPEL_DIPLOMATS, "Norway", "Russia", Modality.ASSERTED));
    }

    @Test
    void shouldReadSanctioningPeopleOfAStateAsSanctionsOnIt() {
        assertThat(actions("The United States sanctioned five Nicaraguan officials on Thursday."))
                .containsExactly(
                        action(DiplomaticActionType.IMPOSE_SANCTIONS, "United States", "Nicaragua", Modality.ASSERTED));
    }

    @Test
    void shouldGiveEachStateOfASentenceItsOwnRecall() {
        assertThat(actions("Burkina Faso, Mali and Niger withdrew their ambassadors from Ivory Coast."))
                .containsExactly(
                        action(
                                DiplomaticActionType.RECALL_AMBASSADOR,
                                "Burkina Faso",
                                "Ivory Coast",
                                Modality.ASSERTED),
                        action(DiplomaticActionType.RECALL_AMBASSADOR, "Mali", "Ivory Coast", Modality.ASSERTED),
                        action(DiplomaticActionType.RECALL_AMBASSADOR, "Niger", "Ivory Coast", Modality.ASSERTED));
    }

    @Test
    void shouldReadSeveredTiesButNotCutTradeTiesOrABreakInRelations() {
        assertThat(actions("Nicaragua severs ties with Taiwan."))
                .containsExactly(
                        action(DiplomaticActionType.BREAK_RELATIONS, "Nicaragua", "Taiwan", Modality.ASSERTED));
        assertThat(actions("Lithuania cut trade ties with Belarus.")).isEmpty();
        assertThat(actions("It was an abrupt break in relations between Ghana and Togo."))
                .isEmpty();
    }

    @Test
    void shouldReadAnEmbassySuspendingItsOperationsAsAClosure() {
        assertThat(actions("The Dutch embassy in Sudan will suspend all operations."))
                .containsExactly(action(DiplomaticActionType.CLOSE_EMBASSY, "Netherlands", "Sudan", Modality.ASSERTED));
    }

    // ------------------------------------------------------------------ vetoes, sanctions, blocs

    @Test
    void shouldGiveEachStateOfAJointVetoItsOwnVeto() {
        assertThat(actions("China and Russia vetoed the draft resolution on Friday."))
                .extracting(a -> a.get(1))
                .containsExactly("China", "Russia");
    }

    @Test
    void shouldReadSanctionsImposedOnAStateInThePassive() {
        assertThat(actions("The new sanctions imposed on Iran by the European Union target its drone makers."))
                .contains(action(DiplomaticActionType.IMPOSE_SANCTIONS, "European Union", "Iran", Modality.ASSERTED));
    }

    @Test
    void shouldReadABlocSuspendingAMemberActiveAndPassive() {
        assertThat(actions("The African Union suspended Gabon after the coup."))
                .containsExactly(
                        action(DiplomaticActionType.SUSPEND_MEMBERSHIP, "African Union", "Gabon", Modality.ASSERTED));
        assertThat(actions("Fiji was suspended from the Commonwealth on Monday."))
                .containsExactly(
                        action(DiplomaticActionType.SUSPEND_MEMBERSHIP, "Commonwealth", "Fiji", Modality.ASSERTED));
    }

    @Test
    void shouldGiveASuspensionFromTheHumanRightsCouncilToTheGeneralAssembly() {
        assertThat(actions("The vote suspended Venezuela from the Human Rights Council."))
                .containsExactly(action(
                        DiplomaticActionType.SUSPEND_MEMBERSHIP,
                        "UN General Assembly",
                        "Venezuela",
                        Modality.ASSERTED));
    }

    // ------------------------------------------------------------------ who acts

    @Test
    void shouldResolveAPronounToThePersonWhoSpeaksAndTheStateHeServes() {
        assertThat(actions("Brazilian President Lula said he was recalling his ambassador from Tel Aviv."))
                .containsExactly(action(DiplomaticActionType.RECALL_AMBASSADOR, "Brazil", "Israel", Modality.ASSERTED));
    }

    @Test
    void shouldGiveASecondVerbTheSubjectOfTheFirstNotItsObject() {
        assertThat(actions("Bahrain closed Iran's embassy in Manama and expelled its diplomats."))
                .extracting(a -> a.get(1))
                .containsOnly("Bahrain");
    }

    @Test
    void shouldGiveADecisionToItsPossessor() {
        assertThat(actions("Qatar informed Egypt about its decision to recall its ambassador."))
                .containsExactly(action(DiplomaticActionType.RECALL_AMBASSADOR, "Qatar", "Egypt", Modality.ASSERTED));
    }

    @Test
    void shouldNeverTakeADatelineForTheActor() {
        assertThat(actions("MOSCOW (Reuters) - Latvia expelled a Russian diplomat."))
                .containsExactly(action(DiplomaticActionType.EXPEL_DIPLOMATS, "Latvia", "Russia", Modality.ASSERTED));
    }

    @Test
    void shouldMakeTwoStatesRestoringRelationsEachOthersTarget() {
        assertThat(actions("Iran and Egypt agreed to restore diplomatic relations."))
                .containsExactly(
                        action(DiplomaticActionType.RESTORE_RELATIONS, "Iran", "Egypt", Modality.ASSERTED),
                        action(DiplomaticActionType.RESTORE_RELATIONS, "Egypt", "Iran", Modality.ASSERTED));
    }

    // ------------------------------------------------------------------ how it is told

    @Test
    void shouldKeepThreatsPlansCallsAndDenialsOutOfTheNews() {
        assertThat(actions("Turkey threatened to expel the Swedish ambassador."))
                .extracting(a -> a.get(3))
                .containsOnly(Modality.THREATENED);
        assertThat(actions("Poland may consider recalling its envoy from Minsk."))
                .extracting(a -> a.get(3))
                .containsOnly(Modality.PLANNED);
        assertThat(actions("Lawmakers urged the EU to impose sanctions on Georgia."))
                .extracting(a -> a.get(3))
                .containsOnly(Modality.PLANNED);
        assertThat(actions("Ghana denied that it had recalled its ambassador from Lome."))
                .extracting(a -> a.get(3))
                .containsOnly(Modality.NEGATED);
        assertThat(actions("Erdogan stepped back from a threat to expel the ambassadors of ten countries."))
                .extracting(a -> a.get(3))
                .containsOnly(Modality.NEGATED);
    }

    @Test
    void shouldReadAConditionOpeningTheSentenceAsAThreat() {
        assertThat(actions("If the junta does not step down within a week, ECOWAS will suspend Guinea."))
                .extracting(a -> a.get(3))
                .containsOnly(Modality.THREATENED);
    }

    @Test
    void shouldReadAnInfinitiveNoDecisionGovernsAsAPlanAndADecidedOneAsNews() {
        assertThat(actions("The EU is waiting to impose sanctions on Russia."))
                .extracting(a -> a.get(3))
                .containsOnly(Modality.PLANNED);
        assertThat(actions("The Arab League voted to suspend Syria."))
                .extracting(a -> a.get(3))
                .containsOnly(Modality.ASSERTED);
    }

    @Test
    void shouldReadAQuestionAsNoReport() {
        assertThat(actions("How big a deal is it to expel an ambassador?"))
                .extracting(a -> a.get(3))
                .doesNotContain(Modality.ASSERTED);
    }

    @Test
    void shouldTellHistoryFromNews() {
        assertThat(actions("Morocco cut diplomatic ties with Iran in 2018."))
                .extracting(a -> a.get(3))
                .containsOnly(Modality.BACKGROUND);
        assertThat(actions("The EU had previously imposed sanctions on Belarus."))
                .extracting(a -> a.get(3))
                .containsOnly(Modality.BACKGROUND);
        assertThat(actions("Canada earlier this year expelled an Indian diplomat."))
                .extracting(a -> a.get(3))
                .containsOnly(Modality.BACKGROUND);
    }

    @Test
    void shouldKeepARecentActionAsNewsOnlyWhenTheStoryLeadsWithIt() {
        String lead = "Honduras recalls its ambassador from Israel\n"
                + "Honduras recalled its ambassador from Israel on Monday over the war in Gaza.";
        assertThat(actions(lead, "2024-03-14")).extracting(a -> a.get(3)).containsOnly(Modality.ASSERTED);

        String context = "Colombia reopens its embassy in Caracas\n"
                + "Colombia reopened its embassy in Caracas on Wednesday.\n"
                + "The move follows talks in Bogota.\n"
                + "Honduras recalled its ambassador from Israel on Monday over the war in Gaza.";
        assertThat(actions(context, "2024-03-14"))
                .filteredOn(a -> a.get(0) == DiplomaticActionType.RECALL_AMBASSADOR)
                .extracting(a -> a.get(3))
                .containsOnly(Modality.BACKGROUND);
    }

    @Test
    void shouldReadAnActionInARelativeClauseOrAsTheObjectOfAReactionAsContext() {
        assertThat(actions("Ministers discussed an Arab plan Russia and China vetoed."))
                .extracting(a -> a.get(3))
                .doesNotContain(Modality.ASSERTED);
        assertThat(actions("Western states denounced the Russian veto."))
                .extracting(a -> a.get(3))
                .doesNotContain(Modality.ASSERTED);
    }

    @Test
    void shouldFindNoActionInSummoningAnAmbassador() {
        assertThat(actions("Germany summoned the Iranian ambassador on Tuesday."))
                .isEmpty();
    }

    private static List<DiplomaticAction> raw(String text) {
        return EXTRACTOR
                .extract(text, Instant.parse(DAY + "T12:00:00Z"), "Test Wire")
                .diplomaticActions();
    }

    @Test
    void shouldCarryTheCodesOfActorMembersAndTarget() {
        assertThat(raw("The Gulf Cooperation Council recalled its ambassadors from Lebanon."))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.getActorCode()).isEqualTo("GCC");
                    assertThat(a.getActorMemberCodes()).contains("SA", "KW", "QA");
                    assertThat(a.getTargetCode()).isEqualTo("LB");
                    assertThat(a.getCameoCode()).isEqualTo("161");
                });
    }

    @Test
    void shouldReadAnActionReportedInAThatClauseAsNewsButNotOneInARelativeClause() {
        assertThat(actions("The ministry said on Monday that Russia expelled three French diplomats."))
                .containsExactly(action(DiplomaticActionType.EXPEL_DIPLOMATS, "Russia", "France", Modality.ASSERTED));
        assertThat(actions("The diplomats that Russia expelled left Moscow on Monday."))
                .isEmpty();
    }

    @Test
    void shouldGiveStatesThatJoinAnActionTheTargetOfTheActionTheyJoin() {
        assertThat(actions("France expelled the Syrian ambassador on Tuesday. Canada and Australia joined the wave of "
                        + "expulsions."))
                .containsExactly(
                        action(DiplomaticActionType.EXPEL_DIPLOMATS, "France", "Syria", Modality.ASSERTED),
                        action(DiplomaticActionType.EXPEL_DIPLOMATS, "Canada", "Syria", Modality.ASSERTED),
                        action(DiplomaticActionType.EXPEL_DIPLOMATS, "Australia", "Syria", Modality.ASSERTED));
        assertThat(actions("Switzerland joined the sanctions against Russia on Monday."))
                .containsExactly(
                        action(DiplomaticActionType.IMPOSE_SANCTIONS, "Switzerland", "Russia", Modality.ASSERTED));
    }

    @Test
    void shouldReadRulersInAStateAndARegionsLeadersAsTheStateAndItsBloc() {
        assertThat(actions("The military rulers in Niger ordered the expulsion of the French ambassador."))
                .containsExactly(action(DiplomaticActionType.EXPEL_DIPLOMATS, "Niger", "France", Modality.ASSERTED));
        assertThat(actions("West African leaders suspended Guinea from the bloc on Sunday."))
                .containsExactly(action(
                        DiplomaticActionType.SUSPEND_MEMBERSHIP,
                        "Economic Community of West African States",
                        "Guinea",
                        Modality.ASSERTED));
    }

    @Test
    void shouldNotTakeADraftResolutionOrTheRightOfVetoForAPlan() {
        assertThat(actions("Russia used its right of veto against a draft resolution on Syria on Thursday."))
                .extracting(a -> a.get(3))
                .containsExactly(Modality.ASSERTED);
    }

    @Test
    void shouldGiveARecalledEnvoyToItsOwnStateNotToItsHost() {
        assertThat(actions("The ministry said the Israeli ambassador in Madrid was recalled for consultations."))
                .containsExactly(action(DiplomaticActionType.RECALL_AMBASSADOR, "Israel", "Spain", Modality.ASSERTED));
        assertThat(actions("The government recalled the ambassador of Spain in Caracas."))
                .containsExactly(
                        action(DiplomaticActionType.RECALL_AMBASSADOR, "Spain", "Venezuela", Modality.ASSERTED));
    }
}
