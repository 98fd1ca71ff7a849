package io.wirewatch.knowledge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * The one reader of the project's knowledge files: a UTF-8, TAB-separated table on the classpath, {@code #} comment
 * lines (the first ones name the source and licence), then a header naming the columns, then one row a fact.
 * Cells may be empty; a cell holding a list separates its items with {@code ;}. A path ending in {@code .gz} is
 * read through gzip. Every error names {@code file:line}.
 */
public final class KnowledgeTable {

    private static final String LIST_SEPARATOR = ";";

    private final String source;
    private final List<String> comments;
    private final List<String> columns;
    private final List<Row> rows;

    private KnowledgeTable(String source, List<String> comments, List<String> columns, List<Row> rows) {
        this.source = source;
        this.comments = comments;
        this.columns = columns;
        this.rows = rows;
    }

    /** Reads a classpath resource, e.g. {@code /io/wirewatch/knowledge/en/triggers.tsv}; a missing one is an error. */
    public static KnowledgeTable read(String resourcePath) {
        return readIfPresent(resourcePath)
                .orElseThrow(
                        () -> new IllegalStateException("knowledge file not found on the classpath: " + resourcePath));
    }

    /** Reads a classpath resource if it exists (an optional table, e.g. a language that has not got it yet). */
    public static Optional<KnowledgeTable> readIfPresent(String resourcePath) {
        List<Row> rows = new ArrayList<>();
        Optional<Parsed> parsed = parse(resourcePath, rows::add);
        return parsed.map(p -> new KnowledgeTable(resourcePath, p.comments, p.columns, List.copyOf(rows)));
    }

    /**
     * Streams the rows of a large table (the gazetteer) to {@code action} one at a time without keeping them, and
     * returns the header's columns. A missing file is an error, as with {@link #read(String)}.
     */
    public static List<String> forEachRow(String resourcePath, Consumer<Row> action) {
        return parse(resourcePath, action)
                .orElseThrow(
                        () -> new IllegalStateException("knowledge file not found on the classpath: " + resourcePath))
                .columns;
    }

    /** The resource path this table was read from. */
    public String source() {
        return source;
    }

    /** The comment lines before the header, without their leading {@code #}: source, licence, notes. */
    public List<String> comments() {
        return comments;
    }

    public List<String> columns() {
        return columns;
    }

    public List<Row> rows() {
        return rows;
    }

    /**
     * One line of a table.
     *
     * @param source the resource path
     * @param line   1-based line number in the file
     * @param cells  column name to cell text ({@code ""} when empty), in header order
     */
    public record Row(String source, int line, Map<String, String> cells) {

        /** The cell's text, {@code ""} when empty; a column the table does not have is a programming error. */
        public String get(String column) {
            String value = cells.get(column);
            if (value == null) {
                throw new IllegalArgumentException(source + ":" + line + ": no column '" + column + "' (columns: "
                        + String.join(", ", cells.keySet()) + ")");
            }
            return value;
        }

        /** The cell as a {@code ;}-separated list: items trimmed, empty items dropped. */
        public List<String> list(String column) {
            String value = get(column);
            if (value.isEmpty()) {
                return List.of();
            }
            List<String> items = new ArrayList<>();
            for (String item : value.split(LIST_SEPARATOR, -1)) {
                String trimmed = item.strip();
                if (!trimmed.isEmpty()) {
                    items.add(trimmed);
                }
            }
            return List.copyOf(items);
        }

        /** An error about this row, to throw: {@code "file:line: message"}. */
        public IllegalStateException error(String message) {
            return new IllegalStateException(source + ":" + line + ": " + message);
        }
    }

    private record Parsed(List<String> comments, List<String> columns) {}

    private static Optional<Parsed> parse(String resourcePath, Consumer<Row> action) {
        InputStream raw = KnowledgeTable.class.getResourceAsStream(resourcePath);
        if (raw == null) {
            return Optional.empty();
        }
        try (InputStream in = resourcePath.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
                BufferedReader reader =
                        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            return Optional.of(parse(resourcePath, reader, action));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read knowledge file " + resourcePath, e);
        }
    }

    private static Parsed parse(String source, BufferedReader reader, Consumer<Row> action) throws IOException {
        List<String> comments = new ArrayList<>();
        Header header = null;
        int lineNumber = 0;
        for (String line; (line = reader.readLine()) != null; ) {
            lineNumber++;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.startsWith("#")) {
                if (header == null) {
                    comments.add(line.substring(1).strip());
                }
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            String[] cells = split(line);
            if (header == null) {
                header = Header.of(source, lineNumber, cells);
                continue;
            }
            if (cells.length != header.names.length) {
                throw new IllegalStateException(source + ":" + lineNumber + ": expected " + header.names.length
                        + " cells (" + String.join(", ", header.names) + "), found " + cells.length);
            }
            action.accept(new Row(source, lineNumber, new Cells(header, cells)));
        }
        if (header == null) {
            throw new IllegalStateException(source + ": no header line");
        }
        return new Parsed(List.copyOf(comments), List.of(header.names));
    }

    private static String[] split(String line) {
        int count = 1;
        for (int i = line.indexOf('\t'); i >= 0; i = line.indexOf('\t', i + 1)) {
            count++;
        }
        String[] cells = new String[count];
        int start = 0;
        for (int c = 0; c < count; c++) {
            int end = c == count - 1 ? line.length() : line.indexOf('\t', start);
            cells[c] = line.substring(start, end).strip();
            start = end + 1;
        }
        return cells;
    }

    /** Column names and their positions, shared by every row of a table. */
    private static final class Header {
        final String[] names;
        final Map<String, Integer> index;

        private Header(String[] names, Map<String, Integer> index) {
            this.names = names;
            this.index = index;
        }

        static Header of(String source, int line, String[] names) {
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < names.length; i++) {
                if (names[i].isEmpty()) {
                    throw new IllegalStateException(
                            source + ":" + line + ": header column " + (i + 1) + " has no name");
                }
                if (index.put(names[i], i) != null) {
                    throw new IllegalStateException(source + ":" + line + ": header names '" + names[i] + "' twice");
                }
            }
            return new Header(names, Map.copyOf(index));
        }
    }

    /** A row's cells as an immutable map over the shared header: one array per row, no per-row hash table. */
    private static final class Cells extends AbstractMap<String, String> {
        private final Header header;
        private final String[] values;

        Cells(Header header, String[] values) {
            this.header = header;
            this.values = values;
        }

        @Override
        public String get(Object key) {
            Integer i = header.index.get(key);
            return i == null ? null : values[i];
        }

        @Override
        public boolean containsKey(Object key) {
            return header.index.containsKey(key);
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, String>> iterator() {
                    return new Iterator<>() {
                        int next;

                        @Override
                        public boolean hasNext() {
                            return next < values.length;
                        }

                        @Override
                        public Entry<String, String> next() {
                            if (next >= values.length) {
                                throw new NoSuchElementException();
                            }
                            int i = next++;
                            return new SimpleImmutableEntry<>(header.names[i], values[i]);
                        }
                    };
                }

                @Override
                public int size() {
                    return values.length;
                }
            };
        }
    }
}
