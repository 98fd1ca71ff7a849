package io.wirewatch.alert;

import io.wirewatch.schema.Alert;
import io.wirewatch.schema.CasualtyFigure;
import io.wirewatch.schema.CasualtyKind;
import io.wirewatch.schema.CasualtyPeriod;
import io.wirewatch.schema.CountBound;
import io.wirewatch.schema.DiplomaticAction;
import io.wirewatch.schema.DiplomaticActionType;
import io.wirewatch.schema.EnrichedArticle;
import io.wirewatch.schema.Evidence;
import io.wirewatch.schema.Modality;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The three seed reports of 7 February 2012 as enrich-service should deliver them: every diplomatic action and casualty
 * figure the extractor is expected to find (following enrich-service's gold annotations), with the seeds' own
 * sentences. Written by hand so the alert rules can be tested before the extractor exists; entities and claims are
 * left out because the alert rules do not read them, and evidence offsets span the sentence only.
 *
 * <p>Also a few builders ({@link #article}, {@link #action}, {@link #killed}) for tests that need their own articles.
 */
public final class EnrichedSeeds {

    public static final String BBC_ID = "3f73a5d78b56022d";
    public static final String CBC_ID = "0214231277631587";
    public static final String GLOBE_ID = "7716cf6ab2c65437";

    public static final LocalDate SATURDAY = LocalDate.of(2012, 2, 4);
    public static final LocalDate FRIDAY = LocalDate.of(2012, 2, 3);
    public static final LocalDate MONDAY = LocalDate.of(2012, 2, 6);
    public static final LocalDate TUESDAY = LocalDate.of(2012, 2, 7);

    private static final String GCC = "Gulf Cooperation Council";
    private static final List<String> GCC_MEMBERS =
            List.of("Kuwait", "Saudi Arabia", "Bahrain", "Qatar", "Oman", "United Arab Emirates");

    private EnrichedSeeds() {}

    /** Seeds 000, 001, 002 in publication order. */
    public static List<EnrichedArticle> all() {
        return List.of(bbc(), cbc(), globeAndMail());
    }

    /** 000, BBC, 2012-02-07T10:15Z: "Syria crisis: Gulf Arab states expel Syrian ambassadors". */
    public static EnrichedArticle bbc() {
        String gccStatement =
                "A Gulf Cooperation Council (GCC) statement said: \"Members have decided to withdraw their "
                        + "ambassadors from Syria and ask at the same time for all the ambassadors of the Syrian regime to leave "
                        + "immediately.\"";
        String usClosed = "The US closed its embassy in Syria on Monday, and several European countries have recalled "
                + "their ambassadors.";
        String usStaff = "The decision comes a day after the US closed its embassy in Damascus and pulled out all "
                + "remaining staff.";
        String europeans =
                "The UK, France, Belgium, the Netherlands, Spain and Italy have also recalled their ambassadors.";
        String veto = "Russian Foreign Minister Sergei Lavrov called for a solution to the crisis based on Arab League "
                + "initiatives, days after Russia and China vetoed a UN resolution on Syria.";
        List<DiplomaticAction> actions = new ArrayList<>(List.of(
                action(
                        DiplomaticActionType.EXPEL_DIPLOMATS,
                        GCC,
                        List.of(),
                        "Syria",
                        null,
                        Modality.ASSERTED,
                        "ask ... ambassadors of the Syrian regime to leave",
                        gccStatement,
                        20),
                action(
                        DiplomaticActionType.RECALL_AMBASSADOR,
                        GCC,
                        List.of(),
                        "Syria",
                        null,
                        Modality.ASSERTED,
                        "withdraw their ambassadors",
                        gccStatement,
                        20),
                action(
                        DiplomaticActionType.CLOSE_EMBASSY,
                        "United States",
                        List.of(),
                        "Syria",
                        MONDAY,
                        Modality.ASSERTED,
                        "closed its embassy",
                        usClosed,
                        2),
                action(
                        DiplomaticActionType.REDUCE_RELATIONS,
                        "United States",
                        List.of(),
                        "Syria",
                        MONDAY,
                        Modality.ASSERTED,
                        "pulled out all remaining staff",
                        usStaff,
                        24)));
        for (String state : List.of("United Kingdom", "France", "Belgium", "Netherlands", "Spain", "Italy")) {
            actions.add(action(
                    DiplomaticActionType.RECALL_AMBASSADOR,
                    state,
                    List.of(),
                    "Syria",
                    null,
                    Modality.ASSERTED,
                    "recalled their ambassadors",
                    europeans,
                    25));
        }
        actions.add(action(
                DiplomaticActionType.VETO_RESOLUTION,
                "Russia",
                List.of(),
                "Syria",
                SATURDAY,
                Modality.BACKGROUND,
                "vetoed a UN resolution",
                veto,
                4));
        actions.add(action(
                DiplomaticActionType.VETO_RESOLUTION,
                "China",
                List.of(),
                "Syria",
                SATURDAY,
                Modality.BACKGROUND,
                "vetoed a UN resolution",
                veto,
                4));
        List<CasualtyFigure> figures = List.of(
                figure(
                        200,
                        "Hundreds",
                        CountBound.VAGUE,
                        "Homs",
                        CasualtyPeriod.MULTI_DAY,
                        null,
                        null,
                        "Hundreds are reported to have died since the shelling of the city began on Friday.",
                        15),
                killed(
                        95,
                        "At least 95",
                        CountBound.AT_LEAST,
                        "Homs",
                        MONDAY,
                        "activists",
                        "At least 95 people were killed on Monday alone, activists say.",
                        16),
                killed(
                        15,
                        "At least 15",
                        CountBound.AT_LEAST,
                        "Homs",
                        TUESDAY,
                        "activists",
                        "At least 15 were killed on Tuesday, they said.",
                        17),
                figure(
                        7000,
                        "more than 7,000",
                        CountBound.MORE_THAN,
                        "Syria",
                        CasualtyPeriod.CUMULATIVE,
                        null,
                        "rights groups",
                        "Human rights groups and activists say more than 7,000 people have been killed "
                                + "by Syrian security forces since the uprising began last March.",
                        38),
                figure(
                        5400,
                        "5,400",
                        CountBound.MORE_THAN,
                        "Syria",
                        CasualtyPeriod.CUMULATIVE,
                        null,
                        "United Nations",
                        "The UN stopped estimating the death toll in Syria after it passed 5,400 in January, saying it "
                                + "was too difficult to confirm.",
                        39),
                figure(
                        2000,
                        "at least 2,000",
                        CountBound.AT_LEAST,
                        null,
                        CasualtyPeriod.UNSPECIFIED,
                        null,
                        "Syria",
                        "President Assad's government says at least 2,000 members of the security forces have been "
                                + "killed.",
                        40));
        return article(
                BBC_ID,
                "BBC",
                "https://www.bbc.co.uk/news/world-middle-east-16916055",
                "Syria crisis: Gulf Arab states expel Syrian ambassadors",
                Instant.parse("2012-02-07T10:15:00Z"),
                actions,
                figures);
    }

    /** 001, CBC, 2012-02-07T14:40Z: "Gulf states pull ambassadors from Syria". */
    public static EnrichedArticle cbc() {
        String gccPulling = "The six member nations of the Gulf Co-operation Council say they are pulling their "
                + "ambassadors from Syria immediately because of President Bashar al-Assad's refusal to accept Arab "
                + "attempts to end the country's bloodshed.";
        String gccAsking =
                "It also says the countries are asking Syria to recall its ambassadors from their countries.";
        String monday =
                "On Monday, the U.S. pulled its embassy staff from Damascus, and the U.K. and France followed by "
                        + "recalling their ambassadors for \"consultation.\"";
        String calledBack = "Tuesday's announcement came after other Western powers, including Britain, the United "
                + "States and Italy, called back their top envoys in the wake of new violence in Syria.";
        String november = "In November, the country briefly closed consular and cultural posts in Syria over a new "
                + "upsurge in violence.";
        String veto = "Syrian allies Russia and China vetoed on Saturday a Western- and Arab-backed resolution at the "
                + "United Nations condemning the Assad regime's crackdown on dissent and calling on him to transfer some "
                + "of his powers to his deputy.";
        List<DiplomaticAction> actions = List.of(
                action(
                        DiplomaticActionType.RECALL_AMBASSADOR,
                        GCC,
                        GCC_MEMBERS,
                        "Syria",
                        null,
                        Modality.ASSERTED,
                        "pulling their ambassadors",
                        gccPulling,
                        0),
                action(
                        DiplomaticActionType.EXPEL_DIPLOMATS,
                        GCC,
                        GCC_MEMBERS,
                        "Syria",
                        null,
                        Modality.ASSERTED,
                        "asking Syria to recall its ambassadors",
                        gccAsking,
                        5),
                action(
                        DiplomaticActionType.REDUCE_RELATIONS,
                        "United States",
                        List.of(),
                        "Syria",
                        MONDAY,
                        Modality.ASSERTED,
                        "pulled its embassy staff",
                        monday,
                        2),
                action(
                        DiplomaticActionType.RECALL_AMBASSADOR,
                        "United Kingdom",
                        List.of(),
                        "Syria",
                        MONDAY,
                        Modality.ASSERTED,
                        "recalling their ambassadors",
                        monday,
                        2),
                action(
                        DiplomaticActionType.RECALL_AMBASSADOR,
                        "France",
                        List.of(),
                        "Syria",
                        MONDAY,
                        Modality.ASSERTED,
                        "recalling their ambassadors",
                        monday,
                        2),
                action(
                        DiplomaticActionType.RECALL_AMBASSADOR,
                        "United States",
                        List.of(),
                        "Syria",
                        null,
                        Modality.ASSERTED,
                        "called back their top envoys",
                        calledBack,
                        22),
                action(
                        DiplomaticActionType.RECALL_AMBASSADOR,
                        "Italy",
                        List.of(),
                        "Syria",
                        null,
                        Modality.ASSERTED,
                        "called back their top envoys",
                        calledBack,
                        22),
                action(
                        DiplomaticActionType.CLOSE_EMBASSY,
                        "France",
                        List.of(),
                        "Syria",
                        LocalDate.of(2011, 11, 1),
                        Modality.BACKGROUND,
                        "closed consular and cultural posts",
                        november,
                        24),
                action(
                        DiplomaticActionType.VETO_RESOLUTION,
                        "Russia",
                        List.of(),
                        "Syria",
                        SATURDAY,
                        Modality.BACKGROUND,
                        "vetoed",
                        veto,
                        25),
                action(
                        DiplomaticActionType.VETO_RESOLUTION,
                        "China",
                        List.of(),
                        "Syria",
                        SATURDAY,
                        Modality.BACKGROUND,
                        "vetoed",
                        veto,
                        25));
        List<CasualtyFigure> figures = List.of(
                figure(
                        5400,
                        "More than 5,400",
                        CountBound.MORE_THAN,
                        "Syria",
                        CasualtyPeriod.CUMULATIVE,
                        null,
                        "United Nations",
                        "More than 5,400 people have been killed in Syria since the uprising began "
                                + "in March, the UN said last month.",
                        14),
                figure(
                        200,
                        "Hundreds",
                        CountBound.VAGUE,
                        "Syria",
                        CasualtyPeriod.MULTI_DAY,
                        null,
                        null,
                        "Hundreds more are believed to have been killed since then, but the UN says the chaos in the "
                                + "country has made it impossible to cross-check the figures.",
                        15),
                killed(
                        70,
                        "nearly 70",
                        CountBound.NEARLY,
                        "Homs",
                        MONDAY,
                        "activists",
                        "On Monday, troops shelled a makeshift medical clinic and residential areas, killing nearly 70 "
                                + "people, activists said.",
                        27),
                figure(
                        12,
                        "More than a dozen",
                        CountBound.MORE_THAN,
                        null,
                        CasualtyPeriod.UNSPECIFIED,
                        null,
                        null,
                        "More than a dozen others were reported killed elsewhere.",
                        28));
        return article(
                CBC_ID,
                "CBC",
                "https://www.cbc.ca/news/world/gulf-states-pull-ambassadors-from-syria-1.1133405",
                "Gulf states pull ambassadors from Syria",
                Instant.parse("2012-02-07T14:40:00Z"),
                actions,
                figures);
    }

    /** 002, The Globe and Mail, 2012-02-07T19:05Z: "Russia wins Assad pledge as West and Arabs isolate Syria". */
    public static EnrichedArticle globeAndMail() {
        String veto = "Foreign Minister Sergei Lavrov, representing a rare ally on a trip to the Syrian capital other "
                + "states are shunning, said Russia now wanted to resolve Syria's crisis in line with an Arab plan Moscow "
                + "and Beijing vetoed in the UN Security Council.";
        String gulfReducing =
                "Its references to foreign interference are widely read to include Gulf Arab states, which "
                        + "followed the lead of Washington and European Union countries on Tuesday in reducing their diplomatic "
                        + "presence in Damascus.";
        String gccStatement =
                "The Gulf Cooperation Council (GCC) said its members were recalling their ambassadors from "
                        + "Damascus and expelling Syrian envoys from their own capitals, in response to surging violence.";
        String euSanctions =
                "European Union states followed up their denunciation of the veto by preparing a new round "
                        + "of sanctions on Syria, EU diplomats said on Tuesday, with the focus on central bank assets and trade "
                        + "in precious metals, gold and diamonds.";
        String usShut =
                "The United States shut its embassy and said all staff had left Syria due to worsening security "
                        + "in the country, which has also been hit by suicide bombings in Damascus.";
        String europeans =
                "France, Italy, Britain, Belgium, the Netherlands and Spain recalled their ambassadors from Syria.";
        String japan = "Japan was considering reducing the number of its diplomatic staff in Damascus.";
        String clinton =
                "U.S. Secretary of State Hillary Clinton said on Sunday the United States would work with other "
                        + "nations to try to tighten sanctions against Mr. Assad's government and deny it arms in the absence "
                        + "of a UN resolution.";
        List<DiplomaticAction> actions = new ArrayList<>(List.of(
                action(
                        DiplomaticActionType.VETO_RESOLUTION,
                        "Russia",
                        List.of(),
                        "Syria",
                        SATURDAY,
                        Modality.BACKGROUND,
                        "vetoed",
                        veto,
                        2),
                action(
                        DiplomaticActionType.VETO_RESOLUTION,
                        "China",
                        List.of(),
                        "Syria",
                        SATURDAY,
                        Modality.BACKGROUND,
                        "vetoed",
                        veto,
                        2),
                action(
                        DiplomaticActionType.REDUCE_RELATIONS,
                        GCC,
                        List.of(),
                        "Syria",
                        TUESDAY,
                        Modality.ASSERTED,
                        "reducing their diplomatic presence",
                        gulfReducing,
                        6),
                action(
                        DiplomaticActionType.RECALL_AMBASSADOR,
                        GCC,
                        List.of(),
                        "Syria",
                        null,
                        Modality.ASSERTED,
                        "recalling their ambassadors",
                        gccStatement,
                        24),
                action(
                        DiplomaticActionType.EXPEL_DIPLOMATS,
                        GCC,
                        List.of(),
                        "Syria",
                        null,
                        Modality.ASSERTED,
                        "expelling Syrian envoys",
                        gccStatement,
                        24),
                action(
                        DiplomaticActionType.IMPOSE_SANCTIONS,
                        "European Union",
                        List.of(),
                        "Syria",
                        null,
                        Modality.PLANNED,
                        "preparing a new round of sanctions",
                        euSanctions,
                        27),
                action(
                        DiplomaticActionType.CLOSE_EMBASSY,
                        "United States",
                        List.of(),
                        "Syria",
                        null,
                        Modality.ASSERTED,
                        "shut its embassy",
                        usShut,
                        36)));
        for (String state : List.of("France", "Italy", "United Kingdom", "Belgium", "Netherlands", "Spain")) {
            actions.add(action(
                    DiplomaticActionType.RECALL_AMBASSADOR,
                    state,
                    List.of(),
                    "Syria",
                    null,
                    Modality.ASSERTED,
                    "recalled their ambassadors",
                    europeans,
                    37));
        }
        actions.add(action(
                DiplomaticActionType.REDUCE_RELATIONS,
                "Japan",
                List.of(),
                "Syria",
                null,
                Modality.PLANNED,
                "considering reducing the number of its diplomatic staff",
                japan,
                38));
        actions.add(action(
                DiplomaticActionType.IMPOSE_SANCTIONS,
                "United States",
                List.of(),
                "Syria",
                null,
                Modality.PLANNED,
                "try to tighten sanctions",
                clinton,
                43));
        String onslaught =
                "Opposition activists said government forces renewed shelling of the central city of Homs on "
                        + "Tuesday just before Mr. Lavrov's arrival, killing some 19 people in an onslaught that they say has "
                        + "claimed over 300 lives in the last five days.";
        String stateMedia =
                "State media said \"tens\" of terrorists and six members of the security forces were killed in "
                        + "clashes there on Monday.";
        List<CasualtyFigure> figures = List.of(
                figure(
                        100,
                        "over 100",
                        CountBound.MORE_THAN,
                        "Homs",
                        CasualtyPeriod.UNSPECIFIED,
                        null,
                        "activists",
                        "Russia won a promise from Syrian President Bashar al-Assad on Tuesday to bring an end to "
                                + "bloodshed in Syria, but Western and Arab states acted to isolate Mr. Assad further after "
                                + "activists and rebels said his forces killed over 100 in the city of Homs.",
                        1),
                killed(19, "some 19", CountBound.ABOUT, "Homs", TUESDAY, "activists", onslaught, 4),
                figure(
                        300,
                        "over 300",
                        CountBound.MORE_THAN,
                        "Homs",
                        CasualtyPeriod.MULTI_DAY,
                        null,
                        "activists",
                        onslaught,
                        4),
                killed(
                        95,
                        "95",
                        CountBound.EXACT,
                        "Homs",
                        MONDAY,
                        "activists",
                        "Opposition activists said the fresh assault on Homs came after 95 people were killed on Monday "
                                + "in the city of one million, Syria's third biggest.",
                        17),
                killed(
                        200,
                        "More than 200",
                        CountBound.MORE_THAN,
                        "Homs",
                        FRIDAY,
                        null,
                        "More than 200 were reported killed there by sustaining shelling on Friday night.",
                        18),
                withFlags(
                        killed(
                                19,
                                "A further 19",
                                CountBound.EXACT,
                                "Homs",
                                TUESDAY,
                                "activists",
                                "A further 19 people were killed and at least 40 wounded in Tuesday's barrage, activists said.",
                                21),
                        false,
                        true),
                killed(20, "tens", CountBound.VAGUE, "Homs", MONDAY, "state media", stateMedia, 25),
                killed(6, "six", CountBound.EXACT, "Homs", MONDAY, "state media", stateMedia, 25),
                figure(
                        9,
                        "At least nine",
                        CountBound.AT_LEAST,
                        "Zabadani",
                        CasualtyPeriod.MULTI_DAY,
                        null,
                        "activists",
                        "At least nine people have been killed by heavy weapons fire into the town since Monday, "
                                + "activists said.",
                        24),
                figure(
                        5000,
                        "5,000",
                        CountBound.EXACT,
                        "Syria",
                        CasualtyPeriod.UNSPECIFIED,
                        null,
                        "United Nations",
                        "Syria's opposition, which rejected a Russian invitation for talks with Syrian officials in "
                                + "Moscow, says Mr. Assad's promises of reforms have been discredited by persistent armed "
                                + "attacks on protests, in which the UN says 5,000 people have been killed.",
                        30));
        return article(
                GLOBE_ID,
                "The Globe and Mail",
                "https://www.theglobeandmail.com/news/world/russia-wins-assad-pledge-as-west-and-arabs-isolate-syria/article4171041/",
                "Russia wins Assad pledge as West and Arabs isolate Syria",
                Instant.parse("2012-02-07T19:05:00Z"),
                actions,
                figures);
    }

    public static EnrichedArticle article(
            String id,
            String outlet,
            String url,
            String title,
            Instant publishedAt,
            List<DiplomaticAction> actions,
            List<CasualtyFigure> figures) {
        return EnrichedArticle.newBuilder()
                .setArticleId(id)
                .setUrl(url)
                .setOutlet(outlet)
                .setTitle(title)
                .setPublishedAt(publishedAt)
                .setIngestedAt(publishedAt.plusSeconds(60))
                .setEnrichedAt(publishedAt.plusSeconds(61))
                .setExtractorVersion("hand-written-fixture")
                .setEntities(List.of())
                .setClaims(List.of())
                .setDiplomaticActions(actions)
                .setCasualtyFigures(figures)
                .build();
    }

    public static DiplomaticAction action(
            DiplomaticActionType type,
            String actor,
            List<String> members,
            String target,
            LocalDate eventDate,
            Modality modality,
            String trigger,
            String sentence,
            int sentenceIndex) {
        return DiplomaticAction.newBuilder()
                .setAction(type)
                .setCameoCode(cameo(type))
                .setActor(actor)
                .setActorMembers(members)
                .setTarget(target)
                .setEventDate(eventDate)
                .setModality(modality)
                .setTrigger(trigger)
                .setEvidence(evidence(sentence, sentenceIndex))
                .build();
    }

    /** A KILLED figure for one day. */
    public static CasualtyFigure killed(
            int count,
            String countText,
            CountBound bound,
            String place,
            LocalDate day,
            String source,
            String sentence,
            int sentenceIndex) {
        return figure(count, countText, bound, place, CasualtyPeriod.DAY, day, source, sentence, sentenceIndex);
    }

    public static CasualtyFigure figure(
            int count,
            String countText,
            CountBound bound,
            String place,
            CasualtyPeriod period,
            LocalDate eventDate,
            String source,
            String sentence,
            int sentenceIndex) {
        return CasualtyFigure.newBuilder()
                .setCount(count)
                .setCountText(countText)
                .setBound(bound)
                .setKind(CasualtyKind.KILLED)
                .setPlace(place)
                .setPeriod(period)
                .setEventDate(eventDate)
                .setSource(source)
                .setEvidence(evidence(sentence, sentenceIndex))
                .build();
    }

    public static CasualtyFigure withFlags(CasualtyFigure figure, boolean repeatsEarlier, boolean additional) {
        return CasualtyFigure.newBuilder(figure)
                .setRepeatsEarlier(repeatsEarlier)
                .setAdditional(additional)
                .build();
    }

    private static Evidence evidence(String sentence, int sentenceIndex) {
        return Evidence.newBuilder()
                .setSentence(sentence)
                .setSentenceIndex(sentenceIndex)
                .setStart(0)
                .setEnd(sentence.length())
                .build();
    }

    private static String cameo(DiplomaticActionType type) {
        return switch (type) {
            case EXPEL_DIPLOMATS -> "166";
            case RECALL_AMBASSADOR, CLOSE_EMBASSY, REDUCE_RELATIONS, BREAK_RELATIONS -> "161";
            case RESTORE_RELATIONS, REOPEN_EMBASSY -> "050";
            case VETO_RESOLUTION -> "129";
            case IMPOSE_SANCTIONS -> "163";
            case SUSPEND_MEMBERSHIP -> "160";
            case OTHER -> "";
        };
    }

    /** An article reporting {@code count} killed in {@code place} on {@code day}, published at noon that day. */
    public static EnrichedArticle toll(String id, String place, LocalDate day, int count) {
        return article(
                id,
                "Outlet",
                "https://example.org/" + id,
                place + " toll",
                day.atTime(12, 0).toInstant(ZoneOffset.UTC),
                List.of(),
                List.of(killed(
                        count,
                        Integer.toString(count),
                        CountBound.EXACT,
                        place,
                        day,
                        "activists",
                        count + " people were killed in " + place + ".",
                        0)));
    }

    /** What each alert version says, without the processing times that differ between two drivers. */
    public static List<String> summaries(List<Alert> alerts) {
        return alerts.stream()
                .map(a -> a.getId() + " " + a.getStatus() + " r" + a.getRevision() + " s" + a.getSources() + " n"
                        + a.getCount())
                .toList();
    }
}
