package io.wirewatch.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The provisioned Grafana dashboard of docker-compose.yml, read for tests: its panels, their PromQL queries, and the
 * series selectors in each query (metric name and label matchers), so tests can hold the selectors against the compose
 * file's Prometheus jobs and against what the services really serve on {@code /metrics}.
 */
final class GrafanaDashboard {

    static final Path FILE = Path.of("..", "monitoring", "grafana", "dashboards", "wirewatch-pipeline.json");
    private static final Set<String> KEYWORDS = Set.of(
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "bool",
            "and",
            "or",
            "unless",
            "offset",
            "inf",
            "nan");
    private static final Pattern GROUPING =
            Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern MATCHER =
            Pattern.compile("\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"((?:\\\\.|[^\"\\\\])*)\"\\s*,?");

    /** One label matcher of a selector: {@code topic=~"articles.raw|articles.enriched"}. */
    record LabelMatcher(String label, String operator, String value) {
        boolean matches(String actual) {
            String candidate = actual == null ? "" : actual;
            return switch (operator) {
                case "=" -> candidate.equals(value);
                case "!=" -> !candidate.equals(value);
                case "=~" -> Pattern.matches(value, candidate);
                case "!~" -> !Pattern.matches(value, candidate);
                default -> throw new IllegalStateException(operator);
            };
        }
    }

    /** A series selector of a query: {@code metric{matchers}}. */
    record Selector(String metric, List<LabelMatcher> matchers) {
        /** The Prometheus jobs the selector is limited to, or empty when it names none. */
        List<String> jobs(Set<String> known) {
            List<String> jobs = new ArrayList<>();
            for (LabelMatcher matcher : matchers) {
                if (matcher.label().equals("job")) {
                    known.stream().filter(job -> matcher.matches(job)).forEach(jobs::add);
                }
            }
            return jobs;
        }

        /** Whether a series with these labels (job aside) is one the selector selects. */
        boolean selects(Map<String, String> labels) {
            return matchers.stream()
                    .filter(m -> !m.label().equals("job"))
                    .allMatch(m -> m.matches(labels.get(m.label())));
        }
    }

    record Query(String panel, String datasourceUid, String expr, List<Selector> selectors) {}

    record Panel(String title, String type, String datasourceUid, List<Query> queries) {}

    private final JsonNode root;

    private GrafanaDashboard(JsonNode root) {
        this.root = root;
    }

    static GrafanaDashboard load(Path file) throws IOException {
        return new GrafanaDashboard(new ObjectMapper().readTree(file.toFile()));
    }

    JsonNode json() {
        return root;
    }

    /** Every panel but rows. */
    List<Panel> panels() {
        List<Panel> panels = new ArrayList<>();
        for (JsonNode panel : root.path("panels")) {
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            List<Query> queries = new ArrayList<>();
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText();
                queries.add(new Query(
                        panel.path("title").asText(),
                        target.path("datasource").path("uid").asText(null),
                        expr,
                        selectors(expr)));
            }
            panels.add(new Panel(
                    panel.path("title").asText(),
                    panel.path("type").asText(),
                    panel.path("datasource").path("uid").asText(null),
                    queries));
        }
        return panels;
    }

    List<Query> queries() {
        return panels().stream().flatMap(panel -> panel.queries().stream()).toList();
    }

    /**
     * The series selectors of a PromQL expression: every metric name (an identifier that is not a function, keyword or
     * grouping label) with its label matchers. Covers what dashboards write (functions, aggregations with by/without,
     * range selectors, numbers); not a full PromQL parser.
     */
    static List<Selector> selectors(String expr) {
        String text = GROUPING.matcher(expr).replaceAll(" ");
        List<Selector> selectors = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '[') {
                i = text.indexOf(']', i) + 1; // a range [5m]
            } else if (c == '"') {
                i = text.indexOf('"', i + 1) + 1;
            } else if (Character.isLetter(c) || c == '_' || c == ':') {
                int start = i;
                while (i < text.length()
                        && (Character.isLetterOrDigit(text.charAt(i))
                                || text.charAt(i) == '_'
                                || text.charAt(i) == ':')) {
                    i++;
                }
                String name = text.substring(start, i);
                int next = i;
                while (next < text.length() && text.charAt(next) == ' ') {
                    next++;
                }
                if (next < text.length() && text.charAt(next) == '(') {
                    continue; // a function or aggregation
                }
                List<LabelMatcher> matchers = new ArrayList<>();
                if (next < text.length() && text.charAt(next) == '{') {
                    int end = text.indexOf('}', next);
                    Matcher matcher = MATCHER.matcher(text.substring(next + 1, end));
                    while (matcher.find()) {
                        matchers.add(new LabelMatcher(
                                matcher.group(1),
                                matcher.group(2),
                                matcher.group(3).replace("\\\\", "\\")));
                    }
                    i = end + 1;
                }
                if (!KEYWORDS.contains(name.toLowerCase())) {
                    selectors.add(new Selector(name, matchers));
                }
            } else if (Character.isDigit(c) || c == '.') {
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                    i++; // a number, or a duration like 5m
                }
            } else {
                i++;
            }
        }
        return selectors;
    }

    /** Series of a Prometheus text exposition by metric name, each as its labels. */
    static Map<String, List<Map<String, String>>> series(String exposition) {
        Pattern label = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:\\\\.|[^\"\\\\])*)\"");
        Map<String, List<Map<String, String>>> series = new LinkedHashMap<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            String name = brace >= 0 && brace < space ? line.substring(0, brace) : line.substring(0, space);
            Map<String, String> labels = new LinkedHashMap<>();
            if (brace >= 0 && brace < space) {
                Matcher matcher = label.matcher(line.substring(brace, line.lastIndexOf('}') + 1));
                while (matcher.find()) {
                    labels.put(matcher.group(1), matcher.group(2));
                }
            }
            series.computeIfAbsent(name, ignored -> new ArrayList<>()).add(labels);
        }
        return series;
    }
}
