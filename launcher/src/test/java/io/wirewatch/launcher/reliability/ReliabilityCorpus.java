package io.wirewatch.launcher.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A deterministic corpus for the reliability tests: distinct short news reports, each diplomatic move (actor,
 * move, target, day) told by several outlets so that it raises a NEW alert and then UPDATEs, and casualty reports
 * of several places over consecutive days, quiet days first and then a much deadlier one, so that spikes are raised
 * and corroborated. Written as JSONL, the format ingest streams at full speed.
 */
final class ReliabilityCorpus {

    /** One JSONL line's worth: what ingest is given. */
    record GeneratedArticle(String id, String outlet, String url, String title, LocalDate published, String text) {}

    private static final List<String> STATES =
            List.of("Syria", "Libya", "Yemen", "Iraq", "Iran", "Egypt", "Bahrain", "Tunisia", "Sudan", "Lebanon");
    private static final List<String> ACTORS = List.of(
            "France",
            "Germany",
            "Italy",
            "Spain",
            "Turkey",
            "Qatar",
            "Saudi Arabia",
            "Canada",
            "Australia",
            "Japan",
            "Brazil",
            "Norway",
            "Sweden",
            "Poland",
            "Austria");
    private static final List<String[]> MOVES = List.of(
            new String[] {"expelled", "%s's ambassador"},
            new String[] {"recalled", "its ambassador from %s"},
            new String[] {"closed", "its embassy in %s"},
            new String[] {"severed", "diplomatic relations with %s"},
            new String[] {"imposed", "new sanctions on %s"});
    private static final List<String> CITIES =
            List.of("Homs", "Hama", "Aleppo", "Deraa", "Idlib", "Misrata", "Benghazi", "Taiz", "Aden", "Basra");
    private static final List<String> OUTLETS = List.of(
            "BBC",
            "Reuters",
            "AFP",
            "Al Jazeera",
            "The Guardian",
            "Associated Press",
            "Deutsche Welle",
            "France 24",
            "The Independent",
            "NPR",
            "Euronews",
            "Dawn");
    private static final List<String> SOURCES = List.of(
            "activists said",
            "opposition groups said",
            "a local monitoring group said",
            "residents told reporters",
            "hospital officials said");
    private static final List<String> REPORTERS = List.of(
            "Ann Keller",
            "Omar Haddad",
            "Lina Sauer",
            "Paul Mercer",
            "Rami Nasser",
            "Ines Duarte",
            "Tom Becker",
            "Sara Lund",
            "Yusuf Aydin",
            "Mei Tanaka");
    private static final LocalDate FIRST_DAY = LocalDate.of(2012, 3, 1);

    private final List<GeneratedArticle> articles;
    private final int diplomaticEvents;

    private ReliabilityCorpus(List<GeneratedArticle> articles, int diplomaticEvents) {
        this.articles = List.copyOf(articles);
        this.diplomaticEvents = diplomaticEvents;
    }

    /**
     * {@code size / 10} diplomatic moves reported five times each, then casualty reports (three a place and day) until
     * the corpus holds {@code size} articles; the same arguments always give the same corpus.
     */
    static ReliabilityCorpus generate(int size, long seed) {
        Random random = new Random(seed);
        List<GeneratedArticle> articles = new ArrayList<>();
        int diplomaticEvents = size / 10;
        int reportsPerEvent = 5;
        for (int event = 0; event < diplomaticEvents; event++) {
            String actor = ACTORS.get(event % ACTORS.size());
            // Distinct (actor, move, target) for every event, so each is its own alert: actor and move repeat every
            // 75 events, so each round of 75 shifts the target once more (corpora of 750+ articles need it).
            int round = event / (ACTORS.size() * MOVES.size());
            String target = STATES.get((event / ACTORS.size() + event + round) % STATES.size());
            String[] move = MOVES.get((event / ACTORS.size()) % MOVES.size());
            LocalDate day = FIRST_DAY.plusDays(event % 60);
            for (int report = 0; report < reportsPerEvent; report++) {
                articles.add(diplomaticReport(articles.size(), random, actor, move, target, day, report));
            }
        }
        // Casualty reports: each place gets a run of days, the last day several times deadlier than the others.
        int place = 0;
        while (articles.size() < size) {
            String city = CITIES.get(place % CITIES.size());
            LocalDate start = FIRST_DAY.plusDays(7L * (place / CITIES.size()));
            for (int dayIndex = 0; dayIndex < 5 && articles.size() < size; dayIndex++) {
                LocalDate day = start.plusDays(dayIndex);
                int killed = dayIndex < 4 ? 4 + random.nextInt(5) : 60 + random.nextInt(80);
                for (int report = 0; report < 3 && articles.size() < size; report++) {
                    articles.add(casualtyReport(articles.size(), random, city, day, killed, report));
                }
            }
            place++;
        }
        return new ReliabilityCorpus(articles, diplomaticEvents);
    }

    private static GeneratedArticle diplomaticReport(
            int index, Random random, String actor, String[] move, String target, LocalDate day, int report) {
        String outlet = OUTLETS.get((index + report) % OUTLETS.size());
        String object = String.format(Locale.ROOT, move[1], target);
        String weekday = weekday(day);
        String lead = switch (report % 3) {
            case 0 ->
                actor + " " + move[0] + " " + object + " on " + weekday
                        + " in protest at the crackdown on the opposition.";
            case 1 -> "On " + weekday + ", " + actor + " " + move[0] + " " + object + ", the foreign ministry said.";
            default ->
                actor + " " + move[0] + " " + object + " on " + weekday
                        + ", officials said, citing the violence against civilians.";
        };
        String title = actor + " " + move[0] + " " + object;
        return article(index, random, outlet, title, day, lead);
    }

    private static GeneratedArticle casualtyReport(
            int index, Random random, String city, LocalDate day, int killed, int report) {
        String outlet = OUTLETS.get((index * 7 + report) % OUTLETS.size());
        String source = SOURCES.get(random.nextInt(SOURCES.size()));
        String lead = "At least " + killed + " people were killed in " + city + " on " + weekday(day) + ", " + source
                + ", as government forces shelled residential districts.";
        return article(index, random, outlet, "Deadly shelling in " + city, day, lead);
    }

    /** Adds a paragraph of its own to every report, so that no two are near-duplicates of each other. */
    private static GeneratedArticle article(
            int index, Random random, String outlet, String title, LocalDate day, String lead) {
        String reporter = REPORTERS.get(random.nextInt(REPORTERS.size()));
        String colour = "Reporting by " + reporter + " for " + outlet + ", dispatch number " + (index + 1)
                + ". Further talks were expected within " + (2 + random.nextInt(20)) + " days, and "
                + (3 + random.nextInt(90))
                + " delegates were due to attend a meeting on the crisis in week " + (1 + random.nextInt(52)) + ".";
        String id = String.format(Locale.ROOT, "rel-%04d", index);
        return new GeneratedArticle(id, outlet, "https://example.org/" + id, title, day, lead + "\n\n" + colour);
    }

    private static String weekday(LocalDate day) {
        return day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    List<GeneratedArticle> articles() {
        return articles;
    }

    /** Distinct (actor, move family, target) moves: each is one diplomatic alert. */
    int diplomaticEvents() {
        return diplomaticEvents;
    }

    List<String> ids() {
        return articles.stream().map(GeneratedArticle::id).toList();
    }

    /** Writes the corpus as one JSON object a line ({@code id, source, url, title, published_at, text}). */
    Path writeJsonl(Path file) {
        ObjectMapper json = new ObjectMapper();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (GeneratedArticle article : articles) {
                ObjectNode line = json.createObjectNode()
                        .put("id", article.id())
                        .put("source", article.outlet())
                        .put("url", article.url())
                        .put("title", article.title())
                        .put(
                                "published_at",
                                article.published()
                                        .atTime(18, 0)
                                        .toInstant(ZoneOffset.UTC)
                                        .toString())
                        .put("text", article.text());
                out.write(json.writeValueAsString(line));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
