package io.wirewatch.knowledge;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The world gazetteer: every populated place of 500+ people and every first-level region of
 * {@code world/places.tsv.gz} (derived from GeoNames, CC BY 4.0; see {@code knowledge/scripts/regenerate-places.sh}),
 * indexed by name, ASCII name and alternate names. Immutable and thread-safe; {@link #standard()} loads it once.
 *
 * <p>Rows are kept in parallel primitive arrays and the index is one {@code HashMap<String, int[]>} from a folded name
 * to row numbers, so the ~200,000 places cost tens of megabytes rather than a few hundred.
 */
public final class Places {

    static final String PLACES = World.ROOT + "world/places.tsv.gz";

    /**
     * A place or region.
     *
     * @param geonameId  GeoNames id ({@code https://www.geonames.org/<id>}); 0 for a region (feature ADM1), which this
     *                   data has without its GeoNames id
     * @param name       the name as GeoNames writes it ("Al Quşayr", "Zaporizhzhia")
     * @param countryCode ISO 3166-1 alpha-2
     * @param admin1     GeoNames first-level region code within the country ("27" for Borno, "TX" for Texas); may be empty
     * @param admin1Name that region's name ("Borno State", "Texas"); may be empty
     * @param lat        latitude, degrees (a region's is its seat's)
     * @param lon        longitude, degrees
     * @param population GeoNames population (0 when unknown); a region's is the sum of its listed places'
     * @param feature    GeoNames feature code: PPLC capital, PPLA region seat, PPLA2 district seat, PPL place, PPLX
     *                   neighbourhood …, or ADM1 for a first-level region
     */
    public record Place(
            int geonameId,
            String name,
            String countryCode,
            String admin1,
            String admin1Name,
            double lat,
            double lon,
            long population,
            String feature) {

        public boolean isRegion() {
            return "ADM1".equals(feature);
        }

        public boolean isCapital() {
            return "PPLC".equals(feature);
        }
    }

    private final int size;
    private final int[] geonameIds;
    private final String[] names;
    private final String[] countries;
    private final String[] admin1s;
    private final String[] admin1Names;
    // Coordinates in units of 1e-5 degree (about a metre), the file's precision: ints, and exact when read back.
    private final int[] lats;
    private final int[] lons;
    private final int[] populations;
    private final String[] features;
    private final Map<String, int[]> index;
    private final Map<String, Integer> capitals;

    private Places(Builder b) {
        this.size = b.size;
        this.geonameIds = Arrays.copyOf(b.geonameIds, b.size);
        this.names = Arrays.copyOf(b.names, b.size);
        this.countries = Arrays.copyOf(b.countries, b.size);
        this.admin1s = Arrays.copyOf(b.admin1s, b.size);
        this.admin1Names = Arrays.copyOf(b.admin1Names, b.size);
        this.lats = Arrays.copyOf(b.lats, b.size);
        this.lons = Arrays.copyOf(b.lons, b.size);
        this.populations = Arrays.copyOf(b.populations, b.size);
        this.features = Arrays.copyOf(b.features, b.size);
        // Candidates of one name, largest population first (then GeoNames id, so the order never depends on the
        // file's), a region right after its own seat.
        for (int[] rows : b.index.values()) {
            if (rows.length > 1) {
                sortByPopulation(rows);
                seatsBeforeTheirRegions(rows);
            }
        }
        this.index = b.index;
        Map<String, Integer> capitals = new HashMap<>();
        for (int i = 0; i < size; i++) {
            if ("PPLC".equals(features[i])) {
                capitals.merge(countries[i], i, (a, c) -> populations[c] > populations[a] ? c : a);
            }
        }
        this.capitals = Map.copyOf(capitals);
    }

    private static final Once<Places> STANDARD = new Once<>(() -> load(PLACES));

    /** The gazetteer of the resources, loaded once (1.5–2 s and about 60 MB on a 2-core machine). */
    public static Places standard() {
        return STANDARD.get();
    }

    /**
     * Starts loading {@link #standard()} on a background thread and returns at once, so that a service can overlap it
     * with its own start-up (connecting to Kafka takes longer); the first lookup then waits only for what is left.
     */
    public static void preload() {
        Thread loader = new Thread(
                () -> {
                    try {
                        standard();
                    } catch (RuntimeException e) {
                        // Whoever calls standard() next gets the same failure, with its file and line.
                    }
                },
                "places-preload");
        loader.setDaemon(true);
        loader.start();
    }

    /**
     * Loads a gazetteer file of the {@code places.tsv.gz} format. One thread reads and splits the file while the
     * calling thread indexes the rows, so on two cores the two halves of the work overlap.
     */
    public static Places load(String resourcePath) {
        BlockingQueue<List<KnowledgeTable.Row>> batches = new ArrayBlockingQueue<>(64);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread reader = new Thread(
                () -> {
                    List<KnowledgeTable.Row> batch = new ArrayList<>(BATCH);
                    try {
                        KnowledgeTable.forEachRow(resourcePath, row -> {
                            batch.add(row);
                            if (batch.size() == BATCH) {
                                put(batches, List.copyOf(batch));
                                batch.clear();
                            }
                        });
                        put(batches, List.copyOf(batch));
                    } catch (RuntimeException e) {
                        failure.set(e);
                    } finally {
                        try {
                            batches.put(END);
                        } catch (InterruptedException e) {
                            // The indexing thread has given up (it interrupts us when it fails): nobody waits for the
                            // end.
                        }
                    }
                },
                "places-reader");
        reader.setDaemon(true);
        reader.start();
        Builder builder = new Builder();
        try {
            for (List<KnowledgeTable.Row> batch = batches.take(); batch != END; batch = batches.take()) {
                batch.forEach(builder::add);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading " + resourcePath, e);
        } catch (RuntimeException e) {
            reader.interrupt();
            throw e;
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return new Places(builder);
    }

    private static final java.util.Set<String> ARABIC_ARTICLES =
            java.util.Set.of("al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "en", "er", "es", "ez");
    private static final int BATCH = 2048;
    private static final double E5 = 1e5;
    private static final List<KnowledgeTable.Row> END = new ArrayList<>();

    private static void put(BlockingQueue<List<KnowledgeTable.Row>> queue, List<KnowledgeTable.Row> batch) {
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the gazetteer", e);
        }
    }

    /**
     * Every place or region called {@code name} (its name, ASCII name or an alternate name), largest population
     * first, except that a region comes right after its own seat when both bear the name (bare "Aleppo" is the city
     * first, then the governorate; "Aleppo province" only the governorate). Accents, hyphens and letter case after the
     * first letter are ignored ("Zaporizhzhia", "Zaporízhzhia", "Borno state", "Ivano Frankivsk", "al-Fashir" match);
     * the first letter's case is kept, so the word "mobile" is not the city of Mobile. Empty when nothing is called so.
     */
    public List<Place> lookup(String name) {
        if (name == null || name.isBlank()) {
            return List.of();
        }
        int[] rows = index.get(key(name));
        if (rows == null) {
            return List.of();
        }
        List<Place> places = new ArrayList<>(rows.length);
        for (int row : rows) {
            places.add(place(row));
        }
        return places;
    }

    /**
     * Whether {@link #lookup} finds anything called {@code name}, without building its places: a reader that only asks
     * whether a run of words is some place's name ("Santiago de Compostela"?) need not have them.
     */
    public boolean has(String name) {
        if (name == null || name.isBlank()) {
            return false;
        }
        int[] rows = index.get(key(name));
        return rows != null && rows.length > 0;
    }

    /** The country's capital (GeoNames feature PPLC), if the data marks one. */
    public Optional<Place> capitalOf(String iso2) {
        Integer row = iso2 == null ? null : capitals.get(iso2.toUpperCase(Locale.ROOT));
        return row == null ? Optional.empty() : Optional.of(place(row));
    }

    /** Number of rows: places and regions. */
    public int size() {
        return size;
    }

    /** Number of distinct (folded) names in the index. */
    public int nameCount() {
        return index.size();
    }

    private Place place(int row) {
        return new Place(
                geonameIds[row],
                names[row],
                countries[row],
                admin1s[row],
                admin1Names[row],
                lats[row] / E5,
                lons[row] / E5,
                populations[row],
                features[row]);
    }

    private void sortByPopulation(int[] rows) {
        // Insertion sort: nearly every name has a handful of candidates at most.
        for (int i = 1; i < rows.length; i++) {
            int row = rows[i];
            int j = i - 1;
            while (j >= 0 && before(row, rows[j])) {
                rows[j + 1] = rows[j];
                j--;
            }
            rows[j + 1] = row;
        }
    }

    /**
     * A region outnumbers its own seat, so "Aleppo" would name the governorate before the city; news mean the city by
     * the bare name and say "Aleppo province" for the region. A region that answers to the same name as its seat
     * (same country, region and coordinates: regions are placed at their seat) moves to just after it.
     */
    private void seatsBeforeTheirRegions(int[] rows) {
        for (int i = 0; i < rows.length; i++) {
            int region = rows[i];
            if (!"ADM1".equals(features[region])) {
                continue;
            }
            for (int j = i + 1; j < rows.length; j++) {
                int seat = rows[j];
                if (!"ADM1".equals(features[seat])
                        && lats[seat] == lats[region]
                        && lons[seat] == lons[region]
                        && countries[seat].equals(countries[region])
                        && admin1s[seat].equals(admin1s[region])) {
                    System.arraycopy(rows, i + 1, rows, i, j - i);
                    rows[j] = region;
                    break;
                }
            }
        }
    }

    private boolean before(int a, int b) {
        if (populations[a] != populations[b]) {
            return populations[a] > populations[b];
        }
        return geonameIds[a] < geonameIds[b];
    }

    /**
     * The index key of a name: accents and ligatures folded (é→e, ł→l, ß→ss, æ→ae), typographic apostrophes made
     * plain, hyphens and runs of white space made one space, letters after the first in lower case, a leading Arabic
     * article ("al-", "el-" …) capitalised.
     */
    static String key(String name) {
        String s = name.strip();
        // Fast path, most names: ASCII, no capital after the first letter, no hyphen, single spaces: its own key.
        boolean plain = !s.isEmpty() && (s.charAt(0) < 'a' || s.charAt(0) > 'z');
        for (int i = 0; i < s.length() && plain; i++) {
            char c = s.charAt(i);
            plain = c < 0x80
                    && (i == 0 || c < 'A' || c > 'Z')
                    && c != '\t'
                    && c != '-'
                    && (c != ' ' || s.charAt(i - 1) != ' ');
        }
        if (plain) {
            return s;
        }
        // News write "al-Fashir" mid-sentence and "Al-Fashir" or "Al Fashir" elsewhere: one key for all three.
        int hyphen = s.indexOf('-');
        if (hyphen > 0 && hyphen <= 3 && ARABIC_ARTICLES.contains(s.substring(0, hyphen))) {
            s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                s = fold(s);
                break;
            }
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean lastSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '-') {
                if (!lastSpace) {
                    out.append(' ');
                }
                lastSpace = true;
                continue;
            }
            lastSpace = false;
            out.append(out.length() == 0 ? c : Character.toLowerCase(c));
        }
        // Most names are their own key: hand back the same String so the index does not hold a copy.
        return out.length() == s.length() && s.contentEquals(out) ? s : out.toString();
    }

    private static String fold(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            switch (c) {
                case 'ł' -> out.append('l');
                case 'Ł' -> out.append('L');
                case 'ø' -> out.append('o');
                case 'Ø' -> out.append('O');
                case 'đ' -> out.append('d');
                case 'Đ' -> out.append('D');
                case 'ı' -> out.append('i');
                case 'ß' -> out.append("ss");
                case 'æ' -> out.append("ae");
                case 'Æ' -> out.append("Ae");
                case 'œ' -> out.append("oe");
                case 'Œ' -> out.append("Oe");
                case '’', '‘', 'ʼ', 'ʻ', '`', '´' -> out.append('\'');
                case '‐', '‑', '–' -> out.append('-');
                case '\u00A0' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Accumulates rows while the file streams by. */
    private static final class Builder {
        int size;
        int[] geonameIds = new int[1 << 18];
        String[] names = new String[1 << 18];
        String[] countries = new String[1 << 18];
        String[] admin1s = new String[1 << 18];
        String[] admin1Names = new String[1 << 18];
        int[] lats = new int[1 << 18];
        int[] lons = new int[1 << 18];
        int[] populations = new int[1 << 18];
        String[] features = new String[1 << 18];
        final Map<String, int[]> index = new HashMap<>(1 << 20);
        // Country codes, region codes and names and feature codes repeat: one String each.
        final Map<String, String> shared = new HashMap<>();
        private final List<String> keys = new ArrayList<>();

        void add(KnowledgeTable.Row row) {
            if (size == geonameIds.length) {
                grow();
            }
            int i = size++;
            String id = row.get("geonameid");
            try {
                geonameIds[i] = id.isEmpty() ? 0 : Integer.parseInt(id);
                lats[i] = e5(row.get("lat"));
                lons[i] = e5(row.get("lon"));
                String population = row.get("population");
                populations[i] = population.isEmpty() ? 0 : Integer.parseInt(population);
            } catch (NumberFormatException e) {
                throw row.error("not a number: " + e.getMessage());
            }
            String name = row.get("name");
            if (name.isEmpty()) {
                throw row.error("name is empty");
            }
            names[i] = name;
            countries[i] = shared(row.get("country"));
            admin1s[i] = shared(row.get("admin1"));
            admin1Names[i] = shared(row.get("admin1_name"));
            features[i] = shared(row.get("feature"));

            keys.clear();
            addKey(name);
            addKey(row.get("ascii_name"));
            // The row's list(), split by hand: 200,000 rows, and this is the loader's hottest loop while the JIT is
            // cold.
            String alternates = row.get("alternate_names");
            for (int start = 0, end; start < alternates.length(); start = end + 1) {
                end = alternates.indexOf(';', start);
                if (end < 0) {
                    end = alternates.length();
                }
                addKey(alternates.substring(start, end));
            }
            for (String key : keys) {
                // One hash lookup for a new name (most of them), two for a name already taken.
                int[] rows = index.putIfAbsent(key, new int[] {i});
                if (rows != null) {
                    int[] more = Arrays.copyOf(rows, rows.length + 1);
                    more[rows.length] = i;
                    index.put(key, more);
                }
            }
        }

        /** Degrees in units of 1e-5: the file's "-1.62554" read without the cost of a double parse. */
        private static int e5(String degrees) {
            int i = 0;
            boolean negative = degrees.startsWith("-");
            if (negative) {
                i++;
            }
            long value = 0;
            int decimals = -1;
            for (; i < degrees.length(); i++) {
                char c = degrees.charAt(i);
                if (c == '.' && decimals < 0) {
                    decimals = 0;
                } else if (c >= '0' && c <= '9' && decimals < 5) {
                    value = value * 10 + (c - '0');
                    if (decimals >= 0) {
                        decimals++;
                    }
                } else {
                    // Another layout (more decimals, an exponent): the general parser, rounded to the same unit.
                    return (int) Math.round(Double.parseDouble(degrees) * E5);
                }
            }
            for (int d = Math.max(decimals, 0); d < 5; d++) {
                value *= 10;
            }
            if (degrees.length() == (negative ? 1 : 0)) {
                throw new NumberFormatException("empty coordinate");
            }
            return (int) (negative ? -value : value);
        }

        private void addKey(String text) {
            if (text.isBlank()) {
                return;
            }
            String key = key(text);
            if (!keys.contains(key)) {
                keys.add(key);
            }
        }

        private String shared(String s) {
            String known = shared.putIfAbsent(s, s);
            return known == null ? s : known;
        }

        private void grow() {
            int n = geonameIds.length * 2;
            geonameIds = Arrays.copyOf(geonameIds, n);
            names = Arrays.copyOf(names, n);
            countries = Arrays.copyOf(countries, n);
            admin1s = Arrays.copyOf(admin1s, n);
            admin1Names = Arrays.copyOf(admin1Names, n);
            lats = Arrays.copyOf(lats, n);
            lons = Arrays.copyOf(lons, n);
            populations = Arrays.copyOf(populations, n);
            features = Arrays.copyOf(features, n);
        }
    }
}
