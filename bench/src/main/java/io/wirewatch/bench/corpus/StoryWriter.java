package io.wirewatch.bench.corpus;

import io.wirewatch.bench.corpus.Vocabulary.Country;
import io.wirewatch.bench.corpus.Vocabulary.Group;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Writes one outlet's report of a {@link Story}: a headline and 3-5 KB of paragraphs in the register of the seed
 * reports (diplomatic moves with their modality, casualty figures with bounds, periods and sources, quotes,
 * background and analysis). Every phrasing choice is drawn from the given {@link Random}, so the same seed writes
 * the same article.
 */
final class StoryWriter {

    /** A diplomatic move in its verb forms, so one move can be asserted, planned, threatened or denied. */
    private record Move(String base, String past, String ing, String object) {}

    private final Random random;
    private final Story story;
    private final List<Integer> fillerOrder = new ArrayList<>();

    StoryWriter(Random random, Story story) {
        this.random = random;
        this.story = story;
    }

    /** The event several outlets can report: who moved against whom, where the violence is, the figures. */
    record Story(
            int id,
            Country target,
            String actor,
            Group actorGroup,
            int moveIndex,
            String modality,
            String leader,
            Country mediator,
            String mediatorMinister,
            String ambassadorToUn,
            Country vetoerA,
            Country vetoerB,
            String flashpoint,
            String secondCity,
            LocalDate published,
            int killedToday,
            int killedYesterday,
            int killedMultiDay,
            int multiDays,
            int killedTotal,
            String sinceMonth,
            int displaced,
            int arrested,
            int yearsInPower,
            String spokesman) {

        static Story random(int id, Random random, LocalDate published) {
            Country target = pick(random, Vocabulary.COUNTRIES);
            Group group = random.nextInt(3) == 0 ? pick(random, Vocabulary.GROUPS) : null;
            Country actorCountry = otherThan(random, target);
            String actor = group != null ? group.name() : actorCountry.name();
            Country mediator = otherThan(random, target);
            Country vetoerA = otherThan(random, target);
            Country vetoerB = otherThan(random, target);
            String flashpoint = pick(random, target.cities());
            String secondCity = pick(random, target.cities());
            String[] modalities = {"asserted", "asserted", "asserted", "asserted", "planned", "threatened", "denied"};
            return new Story(
                    id,
                    target,
                    actor,
                    group,
                    random.nextInt(MOVES.size()),
                    modalities[random.nextInt(modalities.length)],
                    "President " + person(random),
                    mediator,
                    person(random),
                    person(random),
                    vetoerA,
                    vetoerB,
                    flashpoint,
                    secondCity,
                    published,
                    3 + random.nextInt(150),
                    5 + random.nextInt(90),
                    40 + random.nextInt(400),
                    3 + random.nextInt(6),
                    800 + random.nextInt(20_000),
                    pick(random, MONTHS),
                    1_000 * (2 + random.nextInt(300)),
                    20 + random.nextInt(900),
                    5 + random.nextInt(40),
                    person(random));
        }
    }

    private static final List<Move> MOVES = List.of(
            new Move("expel", "expelled", "expelling", "%s ambassadors"),
            new Move("recall", "recalled", "recalling", "{its} envoys from %s"),
            new Move("close", "closed", "closing", "{its} embassy in %s"),
            new Move("impose", "imposed", "imposing", "new sanctions on %s"),
            new Move("suspend", "suspended", "suspending", "%s's membership"),
            new Move("downgrade", "downgraded", "downgrading", "diplomatic relations with %s"),
            new Move("sever", "severed", "severing", "all diplomatic ties with %s"));

    private static final List<String> MONTHS = List.of(
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December");

    String headline() {
        Move move = MOVES.get(story.moveIndex());
        String actor = capitalise(shortActor());
        String object = moveObject(move);
        return switch (story.modality()) {
            case "planned" ->
                pick(List.of(
                        actor + " to " + move.base() + " " + object,
                        actor + " weighs move to " + move.base() + " " + object));
            case "threatened" ->
                pick(List.of(
                        actor + " threatens to " + move.base() + " " + object,
                        story.target().name() + " crisis: " + actor + " warns it could " + move.base() + " " + object));
            case "denied" ->
                pick(List.of(
                        actor + " denies plan to " + move.base() + " " + object,
                        actor + " rejects reports it will " + move.base() + " " + object));
            default ->
                pick(List.of(
                        capitalise(story.target().name()) + " crisis: " + actor + " " + move.past() + " " + object,
                        actor + " " + move.past() + " " + object,
                        capitalise(story.target().name()) + " isolated as " + actor + " moves to " + move.base() + " "
                                + object));
        };
    }

    /** Paragraphs of one report, lead first, the rest in an order of its own, until the target length. */
    List<String> paragraphs(int targetLength) {
        List<Supplier<String>> body = new ArrayList<>(List.of(
                this::reaction,
                this::otherCapitals,
                this::assault,
                this::casualtiesToday,
                this::casualtiesTotal,
                this::mediatorVisit,
                this::vetoBackground,
                this::denial,
                this::analysis,
                this::eyewitness,
                this::displacement,
                this::arrests,
                this::ruleBackground,
                this::governmentLine,
                this::internationalReaction));
        java.util.Collections.shuffle(body, random);
        List<String> paragraphs = new ArrayList<>();
        if (random.nextInt(8) == 0) {
            paragraphs.add(pick(List.of("Skip to main content", "Advertisement", "Share this article")));
        }
        paragraphs.add(lead());
        int length = paragraphs.stream().mapToInt(String::length).sum();
        int next = 0;
        while (length < targetLength) {
            String paragraph = next < body.size() ? body.get(next).get() : filler();
            next++;
            paragraphs.add(paragraph);
            length += paragraph.length() + 2;
        }
        return paragraphs;
    }

    private String lead() {
        Move move = MOVES.get(story.moveIndex());
        String actor = capitalise(story.actor());
        String object = moveObject(move);
        String because = pick(List.of(
                " because of " + story.leader() + "'s refusal to accept attempts to end the bloodshed",
                ", saying the government had rejected every attempt to solve the crisis",
                " in protest at the crackdown on the city of " + story.flashpoint(),
                ""));
        String members = story.actorGroup() == null
                ? ""
                : " "
                        + pick(List.of(
                                "The group's members are "
                                        + String.join(", ", story.actorGroup().members()) + ".",
                                "The " + story.actorGroup().members().size()
                                        + " member states acted together, officials said.",
                                ""));
        return switch (story.modality()) {
            case "planned" ->
                pick(List.of(
                                actor + " is preparing to " + move.base() + " " + object + because
                                        + ", diplomats said.",
                                actor + " is considering whether to " + move.base() + " " + object
                                        + ", according to officials " + "briefed on the talks.",
                                actor + " said it plans to " + move.base() + " " + object + " within days" + because
                                        + "."))
                        + members;
            case "threatened" ->
                pick(List.of(
                                actor + " threatened to " + move.base() + " " + object + " unless the violence in "
                                        + story.flashpoint() + " ends.",
                                actor + " warned it would " + move.base() + " " + object + " if " + story.leader()
                                        + " did not halt the assault" + because + "."))
                        + members;
            case "denied" ->
                pick(List.of(
                                actor + " denied reports that it had decided to " + move.base() + " " + object + ".",
                                actor + " has no plans to " + move.base() + " " + object + ", a spokesman said on "
                                        + weekday(0) + ", rejecting what he called false reports."))
                        + members;
            default ->
                pick(List.of(
                                actor + " say" + (story.actorGroup() == null ? "s" : "") + " "
                                        + (story.actorGroup() == null ? "it is " : "they are ") + move.ing() + " "
                                        + object + " and recalling envoys" + because + ".",
                                actor + " " + move.past() + " " + object + " on " + weekday(0) + because + ".",
                                actor + " announced on " + weekday(0) + " that it was " + move.ing() + " " + object
                                        + " with immediate effect" + because + "."))
                        + members;
        };
    }

    private String reaction() {
        String group =
                story.actorGroup() != null ? capitalise(story.actorGroup().name()) : "The foreign ministry";
        return two(List.of(
                group + " said " + story.target().name() + " had rejected attempts to solve the crisis and end "
                        + months() + " months of bloodshed.",
                "A statement carried by the official news agency said: \""
                        + pick(List.of(
                                "Members have decided to withdraw their ambassadors and ask at the same time for all the "
                                        + "ambassadors of the regime to leave immediately.",
                                "The continued killing of civilians leaves us no choice but to act.",
                                "We can no longer stand by while the killing goes on."))
                        + "\"",
                group + " said the move was a response to \"the escalating violence\" in " + story.flashpoint()
                        + " and would stay in place until the killing stopped."));
    }

    private String otherCapitals() {
        Country other = otherThan(story.target());
        return two(List.of(
                capitalise(other.name()) + " closed its embassy in "
                        + story.target().capital() + " on " + weekday(1)
                        + ", and several European countries have recalled their ambassadors.",
                "On " + weekday(1) + ", " + other.name() + " pulled its embassy staff from "
                        + story.target().capital()
                        + ", and " + otherThan(story.target()).name() + " followed by recalling its ambassador for "
                        + "\"consultation\".",
                "The move will further isolate the " + story.target().demonym() + " government, as "
                        + otherThan(story.target()).name() + " and "
                        + otherThan(story.target()).name()
                        + " also withdraw their envoys."));
    }

    private String assault() {
        return two(List.of(
                "The moves came as " + story.target().demonym() + " government forces continued their fierce assault "
                        + "on the restive city of " + story.flashpoint() + ", and "
                        + story.mediator().demonym()
                        + " officials visited " + story.target().capital() + ".",
                "Opposition activists said government forces renewed " + pick(Vocabulary.WEAPONS) + " on the city of "
                        + story.flashpoint() + " on " + weekday(0) + ", in an onslaught that has lasted "
                        + story.multiDays() + " days.",
                "There were reports of more fighting in " + story.secondCity() + ", another flashpoint city, and in "
                        + "towns near " + story.target().capital() + "."));
    }

    private String casualtiesToday() {
        String[] bounds = {"At least ", "More than ", "Some ", "Nearly ", "Up to ", "About ", ""};
        String bound = bounds[random.nextInt(bounds.length)];
        String victims = pick(Vocabulary.VICTIMS);
        String number = bound.isEmpty() ? String.valueOf(story.killedToday()) : bound + story.killedToday();
        return two(List.of(
                capitalise(number) + " " + victims + " were killed on " + weekday(1) + " alone, "
                        + pick(Vocabulary.CASUALTY_SOURCES) + ". At least " + Math.max(2, story.killedToday() / 6)
                        + " were killed on " + weekday(0) + ", they said.",
                capitalise(number) + " " + victims + " were killed in " + story.flashpoint() + " on " + weekday(0)
                        + ", "
                        + pick(Vocabulary.CASUALTY_SOURCES) + ", after " + pick(Vocabulary.WEAPONS)
                        + " hit residential districts.",
                "Hundreds are reported to have died since the " + pick(Vocabulary.WEAPONS) + " of the city began on "
                        + weekday(4) + ". " + capitalise(number) + " " + victims + " were killed on " + weekday(1)
                        + ", " + pick(Vocabulary.CASUALTY_SOURCES) + "."));
    }

    private String casualtiesTotal() {
        String total = String.format(Locale.ROOT, "%,d", story.killedTotal());
        return two(List.of(
                "More than " + total + " people have been killed in "
                        + story.target().name() + " since the uprising "
                        + "began in " + story.sinceMonth() + ", the UN said last month. Hundreds more are believed "
                        + "to have died since then, but the chaos has made it impossible to cross-check the figures.",
                "Activists say over " + story.killedMultiDay() + " people have died in " + story.flashpoint()
                        + " in the last " + numberWord(story.multiDays()) + " days.",
                "The UN estimates that about " + total + " people have been killed since " + story.sinceMonth()
                        + ", a figure the government disputes."));
    }

    private String mediatorVisit() {
        String minister = story.mediator().demonym() + " Foreign Minister " + story.mediatorMinister();
        return two(List.of(
                minister + " called for a solution to the crisis based on regional initiatives, days after "
                        + story.vetoerA().name() + " and " + story.vetoerB().name() + " vetoed a UN resolution on "
                        + story.target().name() + ".",
                "After meeting " + surname(story.mediatorMinister()) + ", state media quoted " + story.leader()
                        + " as saying he was willing to co-operate with \"any efforts towards stability\".",
                minister + ", on a rare visit to a capital other states are shunning, said his government wanted "
                        + "the crisis resolved \"on the basis of dialogue\", the news agency reported."));
    }

    private String vetoBackground() {
        return two(List.of(
                story.vetoerA().name() + " and " + story.vetoerB().name() + " vetoed a UN Security Council resolution "
                        + "on " + story.target().name() + " " + numberWord(2 + random.nextInt(5)) + " days ago, "
                        + "drawing sharp criticism from Western governments.",
                "Last week's double veto by " + story.vetoerA().name() + " and "
                        + story.vetoerB().name()
                        + " blocked a resolution that would have condemned the crackdown and called on "
                        + story.leader() + " to hand over some of his powers.",
                "The powers which backed the torpedoed UN resolution are not waiting for "
                        + story.vetoerA().name() + " to change course."));
    }

    private String denial() {
        return pick(List.of(
                "Separately, " + story.mediator().name() + "'s ambassador to the UN, " + story.ambassadorToUn()
                        + ", denied reports that he had threatened another envoy during talks last week.",
                capitalise(otherThan(story.target()).name()) + " denied that it planned to expel "
                        + story.target().demonym() + " diplomats, calling the reports \"pure speculation\".",
                "Officials in " + otherThan(story.target()).capital() + " said they had no plans to close their "
                        + "embassy, despite reports to the contrary."));
    }

    private String analysis() {
        String correspondent = person();
        return "Analysis by " + correspondent + ", " + pick(Vocabulary.OUTLETS).name() + " News, "
                + story.mediator().capital() + ". "
                + pick(List.of(
                        "On the surface, the talks in " + story.target().capital()
                                + " do not seem to have produced any kind "
                                + "of breakthrough. If things were agreed behind the scenes, that could become apparent in "
                                + "the coming days, especially in places like " + story.flashpoint() + ".",
                        "There was nothing new in the statements made after the talks, though officials said the leadership "
                                + "seemed to have taken on board the need for swift action.",
                        "The government remains committed, it says, to ending violence from any source - but it has used that "
                                + "formula before to cover its crackdown on armed opposition fighters."));
    }

    private String eyewitness() {
        return two(List.of(
                "A resident of " + story.flashpoint() + " reached by telephone said: \"The bombardment is again "
                        + "concentrating on our district. A doctor tried to get to the wounded but could not.\"",
                "Residents described streets empty of everything but checkpoints, with bread and fuel running short "
                        + "after " + numberWord(story.multiDays()) + " days of " + pick(Vocabulary.WEAPONS) + ".",
                "Video posted online by activists, which could not be independently verified, showed smoke rising over "
                        + story.secondCity() + "."));
    }

    private String displacement() {
        String displaced = String.format(Locale.ROOT, "%,d", story.displaced());
        return two(List.of(
                "Aid agencies say about " + displaced + " people have fled their homes since " + story.sinceMonth()
                        + ", many of them crossing into "
                        + otherThan(story.target()).name() + ".",
                "The UN refugee agency said up to " + displaced + " people had been displaced by the fighting around "
                        + story.flashpoint() + "."));
    }

    private String arrests() {
        return two(List.of(
                "Rights groups say more than " + story.arrested() + " people have been arrested in "
                        + story.secondCity() + " since the protests began.",
                "Security forces detained at least " + story.arrested() + " people in overnight raids, "
                        + pick(Vocabulary.CASUALTY_SOURCES) + "."));
    }

    private String ruleBackground() {
        return two(List.of(
                story.leader() + ", whose family has ruled " + story.target().name() + " for " + story.yearsInPower()
                        + " years, has blamed the unrest on \"armed gangs\" directed and funded from abroad.",
                "Opposition activists have dismissed similar pledges made by " + surname(story.leader())
                        + " in the past, because the crackdown continued with tanks and troops."));
    }

    private String governmentLine() {
        return two(List.of(
                "The Interior Ministry said it would continue its operations in " + story.flashpoint()
                        + " against \"terrorist groups\" until \"order\" was restored, in a statement quoted by the "
                        + "state news agency.",
                story.target().capital() + " says " + story.flashpoint() + " is the site of a running battle with "
                        + "\"terrorists\" directed from abroad, and accuses its neighbours of interference.",
                "A government spokesman, " + story.spokesman() + ", said the army was \"protecting citizens\" and "
                        + "denied that civilians had been targeted."));
    }

    private String internationalReaction() {
        Country other = otherThan(story.target());
        return two(List.of(
                "In " + other.capital() + ", the foreign minister said the international community \"cannot stand by\" "
                        + "and called for an emergency meeting of the Security Council.",
                capitalise(other.name()) + " said it would consider further steps with its partners, including "
                        + "sanctions on senior officials and a ban on arms sales.",
                "Thousands of supporters waved " + story.mediator().demonym() + " flags in "
                        + story.target().capital()
                        + " in an apparently orchestrated welcome for the visiting delegation."));
    }

    private String filler() {
        Country other = otherThan(story.target());
        List<String> fillers = List.of(
                "Diplomats in " + other.capital() + " said talks on a new draft resolution were expected to resume "
                        + "on " + weekday(-2) + ", though few expected a quick result.",
                "Analysts say " + story.mediator().name() + "'s position is shaped by arms contracts worth billions "
                        + "of dollars and a naval facility it is unwilling to lose.",
                "Markets in the region fell on the news, with investors wary of a wider conflict drawing in "
                        + other.name() + ".",
                "The opposition spokesman, " + person() + ", said the latest moves came \"too late for the people of "
                        + story.flashpoint() + "\".",
                "Humanitarian groups appealed for a ceasefire of at least two hours a day to let aid reach "
                        + story.secondCity() + ".",
                "The " + other.demonym() + " parliament is due to debate the crisis next week.");
        // Cycle through the filler in a per-article order so a long article does not repeat itself sentence by
        // sentence.
        if (fillerOrder.isEmpty()) {
            for (int i = 0; i < fillers.size(); i++) {
                fillerOrder.add(i);
            }
            java.util.Collections.shuffle(fillerOrder, random);
        }
        return fillers.get(fillerOrder.remove(0));
    }

    /** Two different sentences of a paragraph's variants, in a random order: paragraphs of news-like length. */
    private String two(List<String> variants) {
        int first = random.nextInt(variants.size());
        int second = (first + 1 + random.nextInt(variants.size() - 1)) % variants.size();
        return variants.get(first) + " " + variants.get(second);
    }

    private String moveObject(Move move) {
        String target = story.target().name();
        String its = story.actorGroup() == null ? "its" : "their";
        String object = move.object().startsWith("%s ambassadors")
                ? story.target().demonym() + " ambassadors"
                : String.format(Locale.ROOT, move.object(), target);
        return object.replace("{its}", its);
    }

    private String shortActor() {
        return story.actorGroup() != null ? story.actorGroup().shortName() : story.actor();
    }

    /** Weekday name {@code daysBefore} days before publication (negative: after), as the seeds write dates. */
    private String weekday(int daysBefore) {
        DayOfWeek day = story.published().minusDays(daysBefore).getDayOfWeek();
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private int months() {
        return 2 + story.id() % 20;
    }

    private String person() {
        return person(random);
    }

    private Country otherThan(Country excluded) {
        return otherThan(random, excluded);
    }

    private <T> T pick(List<T> options) {
        return pick(random, options);
    }

    static String person(Random random) {
        return pick(random, Vocabulary.FIRST_NAMES) + " " + pick(random, Vocabulary.SURNAMES);
    }

    static <T> T pick(Random random, List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static Country otherThan(Random random, Country excluded) {
        Country country;
        do {
            country = pick(random, Vocabulary.COUNTRIES);
        } while (country.equals(excluded));
        return country;
    }

    private static String surname(String person) {
        return person.substring(person.lastIndexOf(' ') + 1);
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String numberWord(int number) {
        String[] words = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
        return number < words.length ? words[number] : String.valueOf(number);
    }
}
