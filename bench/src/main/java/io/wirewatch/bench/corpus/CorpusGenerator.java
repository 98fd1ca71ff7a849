package io.wirewatch.bench.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirewatch.bench.corpus.GeneratedArticle.Kind;
import io.wirewatch.bench.corpus.StoryWriter.Story;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Makes a synthetic news corpus for the benchmarks: N articles about invented crises in ~60 real states, written
 * from templates in the register of the seed reports, deterministic by seed. Several outlets report the same story
 * in their own words (so alerts can fire); a set share are exact copies of an earlier article (syndication, same
 * text under another outlet's URL) and another share near copies (a figure updated, a paragraph dropped or moved, an
 * update line). A share of originals is written in Penn-Treebank tokenisation like seed 000, for ingest to undo.
 * Output: a list in memory, or JSONL in the ingest JSON shape ({@code id, url, source, title, published_at, text}).
 *
 * <pre>java -cp ... io.wirewatch.bench.corpus.CorpusGenerator --count 10000 --seed 42 --out target/corpus.jsonl</pre>
 */
@Command(
        name = "corpus",
        mixinStandardHelpOptions = true,
        description = "Writes a deterministic synthetic news corpus as JSONL (the ingest JSON format).")
public final class CorpusGenerator implements Callable<Integer> {

    /** What to generate; shares are fractions of {@code count}. */
    public record Settings(
            int count, long seed, double exactDuplicateShare, double nearDuplicateShare, double treebankShare) {
        public static final int DEFAULT_COUNT = 10_000;

        public Settings {
            if (count < 1) {
                throw new IllegalArgumentException("count must be at least 1, was " + count);
            }
            for (double share : new double[] {exactDuplicateShare, nearDuplicateShare, treebankShare}) {
                if (share < 0 || share > 1) {
                    throw new IllegalArgumentException("shares must be between 0 and 1, was " + share);
                }
            }
            if (exactDuplicateShare + nearDuplicateShare > 0.9) {
                throw new IllegalArgumentException("duplicates cannot be more than 90% of the corpus");
            }
        }

        /** 5% exact duplicates, 10% near duplicates, 10% treebank-tokenised. */
        public static Settings defaults(int count, long seed) {
            return new Settings(count, seed, 0.05, 0.10, 0.10);
        }
    }

    private static final LocalDate FIRST_DAY = LocalDate.of(2011, 1, 1);
    private static final int DAYS = 14 * 365;
    private static final Pattern NUMBER = Pattern.compile("\\b\\d{2,3}\\b");

    @Option(names = "--count", description = "Number of articles (default: ${DEFAULT-VALUE}).")
    private int count = Settings.DEFAULT_COUNT;

    @Option(
            names = "--seed",
            description = "Random seed; the same seed gives the same corpus (default: ${DEFAULT-VALUE}).")
    private long seed = 42;

    @Option(names = "--exact-duplicates", description = "Share of exact duplicates (default: ${DEFAULT-VALUE}).")
    private double exactShare = 0.05;

    @Option(names = "--near-duplicates", description = "Share of near duplicates (default: ${DEFAULT-VALUE}).")
    private double nearShare = 0.10;

    @Option(
            names = "--treebank",
            description = "Share of originals in Penn-Treebank tokenisation (default: ${DEFAULT-VALUE}).")
    private double treebankShare = 0.10;

    @Option(names = "--out", required = true, description = "JSONL file to write.")
    private Path out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new CorpusGenerator()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        List<GeneratedArticle> articles = generate(new Settings(count, seed, exactShare, nearShare, treebankShare));
        writeJsonl(articles, out);
        long bytes = articles.stream().mapToLong(a -> a.text().length()).sum();
        System.out.printf(
                Locale.ROOT,
                "wrote %d articles (%.1f MB of text, %.0f chars on average) to %s%n",
                articles.size(),
                bytes / 1e6,
                (double) bytes / articles.size(),
                out);
        return 0;
    }

    /** The corpus for these settings; the same settings always give the same list. */
    public static List<GeneratedArticle> generate(Settings settings) {
        return generate(settings, (index, random) -> FIRST_DAY.plusDays(random.nextInt(DAYS)), Integer.MAX_VALUE);
    }

    /**
     * The corpus for these settings as a news feed of {@code spanDays} days from {@code firstDay}: each new story is
     * dated by its place in the list ({@code firstDay} for the first article, the span's last day for the last), so the
     * articles come roughly in publication order, as from a live feed, while their event time covers the span (the
     * other outlets' takes on a story follow it within a few dozen articles, and a copy is of one of the latest
     * {@value #RECENT_ORIGINALS} originals: a syndicated or revised article follows its original within hours).
     * {@link #generate(Settings)} dates stories at random over 14 years instead, and copies any earlier original.
     */
    public static List<GeneratedArticle> chronological(Settings settings, LocalDate firstDay, int spanDays) {
        return generate(
                settings,
                (index, random) -> firstDay.plusDays((long) index * spanDays / settings.count()),
                RECENT_ORIGINALS);
    }

    /** Of how many of the latest originals a copy in a {@link #chronological} feed is made. */
    private static final int RECENT_ORIGINALS = 20;

    /** Which day a new story starting at an article index is dated. */
    private interface StoryDays {
        LocalDate day(int index, Random random);
    }

    /** @param copyOfLatest a copy is made of one of this many latest originals */
    private static List<GeneratedArticle> generate(Settings settings, StoryDays storyDays, int copyOfLatest) {
        Random random = new Random(settings.seed());
        List<Kind> plan = plan(settings, random);
        List<GeneratedArticle> articles = new ArrayList<>(settings.count());
        List<GeneratedArticle> originals = new ArrayList<>();
        List<Story> recentStories = new ArrayList<>();
        Set<String> texts = new HashSet<>();
        int storyCount = 0;
        for (int index = 0; index < settings.count(); index++) {
            GeneratedArticle article;
            Kind kind = plan.get(index);
            if (kind == Kind.ORIGINAL) {
                do {
                    Story story;
                    // Half of the originals are another outlet's take on a recent story: what makes alerts fire.
                    if (!recentStories.isEmpty() && random.nextBoolean()) {
                        story = recentStories.get(random.nextInt(recentStories.size()));
                    } else {
                        story = Story.random(storyCount++, random, storyDays.day(index, random));
                        recentStories.add(story);
                        if (recentStories.size() > 20) {
                            recentStories.remove(0);
                        }
                    }
                    article = original(index, story, random, settings);
                } while (!texts.add(article.text()));
                originals.add(article);
            } else {
                int among = Math.min(originals.size(), copyOfLatest);
                GeneratedArticle source = originals.get(originals.size() - among + random.nextInt(among));
                if (kind == Kind.EXACT_DUPLICATE) {
                    article = exactCopy(index, source, random);
                } else {
                    do {
                        article = nearCopy(index, source, random);
                    } while (!texts.add(article.text()));
                }
            }
            articles.add(article);
        }
        return articles;
    }

    /** Writes one JSON object a line in the ingest JSON format. */
    public static void writeJsonl(List<GeneratedArticle> articles, Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (GeneratedArticle article : articles) {
                ObjectNode node = json.createObjectNode()
                        .put("id", article.id())
                        .put("url", article.url())
                        .put("source", article.source())
                        .put("title", article.title())
                        .put("published_at", article.publishedAt().toString())
                        .put("text", article.text());
                writer.write(json.writeValueAsString(node));
                writer.newLine();
            }
        }
    }

    /** Exactly round(share x count) of each kind, in a seeded order, the first article always an original. */
    private static List<Kind> plan(Settings settings, Random random) {
        int exact = (int) Math.round(settings.count() * settings.exactDuplicateShare());
        int near = (int) Math.round(settings.count() * settings.nearDuplicateShare());
        List<Kind> plan = new ArrayList<>(settings.count());
        for (int i = 0; i < settings.count(); i++) {
            plan.add(i < exact ? Kind.EXACT_DUPLICATE : i < exact + near ? Kind.NEAR_DUPLICATE : Kind.ORIGINAL);
        }
        Collections.shuffle(plan, random);
        int firstOriginal = plan.indexOf(Kind.ORIGINAL);
        if (firstOriginal > 0) {
            Collections.swap(plan, 0, firstOriginal);
        }
        return plan;
    }

    private static GeneratedArticle original(int index, Story story, Random random, Settings settings) {
        Vocabulary.Outlet outlet = StoryWriter.pick(random, Vocabulary.OUTLETS);
        StoryWriter writer = new StoryWriter(random, story);
        String title = writer.headline();
        List<String> paragraphs = writer.paragraphs(3_000 + random.nextInt(2_000));
        String text =
                random.nextDouble() < settings.treebankShare() ? treebank(paragraphs) : String.join("\n\n", paragraphs);
        Instant published = story.published()
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant()
                .plusSeconds(6 * 3600 + random.nextInt(16 * 3600));
        return new GeneratedArticle(
                id(index),
                url(outlet, title, index, random),
                outlet.name(),
                title,
                published,
                text,
                Kind.ORIGINAL,
                null,
                story.id());
    }

    /** The same text republished under another outlet's name and URL, a little later. */
    private static GeneratedArticle exactCopy(int index, GeneratedArticle source, Random random) {
        Vocabulary.Outlet outlet = StoryWriter.pick(random, Vocabulary.OUTLETS);
        return new GeneratedArticle(
                id(index),
                url(outlet, source.title(), index, random),
                outlet.name(),
                source.title(),
                source.publishedAt().plusSeconds(60 + random.nextInt(7_200)),
                source.text(),
                Kind.EXACT_DUPLICATE,
                source.id(),
                source.storyId());
    }

    /** The same outlet's story revised: one to three small edits, a new URL, a later time. */
    private static GeneratedArticle nearCopy(int index, GeneratedArticle source, Random random) {
        List<String> paragraphs = new ArrayList<>(List.of(source.text().split("\n\n", -1)));
        int edits = 1 + random.nextInt(3);
        for (int edit = 0; edit < edits; edit++) {
            switch (random.nextInt(4)) {
                case 0 -> updateFigure(paragraphs, random);
                case 1 -> {
                    if (paragraphs.size() > 4) {
                        paragraphs.remove(1 + random.nextInt(paragraphs.size() - 1));
                    }
                }
                case 2 -> {
                    if (paragraphs.size() > 3) {
                        Collections.swap(paragraphs, 1 + random.nextInt(paragraphs.size() - 2), paragraphs.size() - 1);
                    }
                }
                default ->
                    paragraphs.add(StoryWriter.pick(
                            random,
                            List.of(
                                    "This story has been updated with the latest casualty figures.",
                                    "This article was amended to correct the spelling of a name.",
                                    "Updated with comment from the foreign ministry.")));
            }
        }
        String text = String.join("\n\n", paragraphs);
        if (text.equals(source.text())) {
            text = text + "\n\nUpdated.";
        }
        String title = random.nextBoolean() ? source.title() : source.title() + " (updated)";
        return new GeneratedArticle(
                id(index),
                source.url() + "?update=" + index,
                source.source(),
                title,
                source.publishedAt().plusSeconds(600 + random.nextInt(14_400)),
                text,
                Kind.NEAR_DUPLICATE,
                source.id(),
                source.storyId());
    }

    private static void updateFigure(List<String> paragraphs, Random random) {
        for (int attempt = 0; attempt < paragraphs.size(); attempt++) {
            int at = random.nextInt(paragraphs.size());
            Matcher number = NUMBER.matcher(paragraphs.get(at));
            if (number.find()) {
                int updated = Integer.parseInt(number.group()) + 1 + random.nextInt(20);
                paragraphs.set(at, number.replaceFirst(String.valueOf(updated)));
                return;
            }
        }
    }

    /**
     * Re-writes text in the Penn-Treebank tokenisation of seed 000 (one sentence a line, tokens split by spaces,
     * {@code ``}/{@code ''} quotes, {@code -LRB-}/{@code -RRB-}, clitics split off) so ingest's normaliser has work.
     */
    static String treebank(List<String> paragraphs) {
        StringBuilder out = new StringBuilder();
        for (String paragraph : paragraphs) {
            boolean open = true;
            StringBuilder tokens = new StringBuilder();
            for (int i = 0; i < paragraph.length(); i++) {
                char c = paragraph.charAt(i);
                switch (c) {
                    case '"' -> {
                        tokens.append(open ? " `` " : " '' ");
                        open = !open;
                    }
                    case '(' -> tokens.append(" -LRB- ");
                    case ')' -> tokens.append(" -RRB- ");
                    case ',' ->
                        tokens.append(
                                i + 1 < paragraph.length() && Character.isDigit(paragraph.charAt(i + 1)) ? "," : " , ");
                    case ';', ':', '?', '!' -> tokens.append(' ').append(c).append(' ');
                    case '.' ->
                        tokens.append(
                                i + 1 == paragraph.length()
                                                || paragraph.charAt(i + 1) == ' '
                                                || paragraph.charAt(i + 1) == '"'
                                        ? " . \n"
                                        : ".");
                    default -> tokens.append(c);
                }
            }
            String line = tokens.toString()
                    .replace("'s ", " 's ")
                    .replace("n't ", " n't ")
                    .replaceAll("(?m)^ +", "")
                    .replaceAll(" {2,}", " ");
            out.append(line.strip()).append(" \n");
        }
        return out.toString();
    }

    private static String id(int index) {
        return String.format(Locale.ROOT, "gen-%06d", index);
    }

    private static String url(Vocabulary.Outlet outlet, String title, int index, Random random) {
        String slug =
                title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return "https://" + outlet.host() + "/news/world/" + slug + "-" + index + "-" + (1000 + random.nextInt(9000));
    }
}
