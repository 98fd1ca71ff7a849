package io.wirewatch.enrich.extract;

import io.wirewatch.knowledge.KnowledgeTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One language's word classes ({@code lexicon.tsv} of the knowledge base): a class name and its entries, an entry being
 * one word or a sequence of words ("kick out"). Inflected forms are listed rather than derived by a stemmer, except
 * that a regular verb may be written once as a starred infinitive ("romper*", see {@link Conjugations}): a reader can
 * check the list, and lookup is a hash probe or two per token (the first and last words of every entry are
 * indexed, so a phrase is only compared where it can start or end). Immutable and thread-safe once loaded.
 */
final class Lexicon {

    /**
     * One class: its entries as lower-case tokens by first and by last word (longest first), its one-word entries,
     * first words and last words as sets and as {@link WordTable}s (what the rules probe per token), and its phrases.
     */
    record WordClass(
            Map<String, List<List<String>>> byFirst,
            Map<String, List<List<String>>> byLast,
            Set<String> single,
            Set<String> first,
            WordTable singleTable,
            WordTable firstTable,
            WordTable lastTable,
            Set<String> phrases,
            Object[] byFirstSlot,
            Object[] byLastSlot,
            int bit) {

        /** The entries (longest first) starting with the word at slot {@code slot} of {@link #firstTable}. */
        @SuppressWarnings("unchecked")
        List<List<String>> startingWith(int slot) {
            return (List<List<String>>) byFirstSlot[slot];
        }

        /** The entries ending with the word at slot {@code slot} of {@link #lastTable}. */
        @SuppressWarnings("unchecked")
        List<List<String>> endingWith(int slot) {
            return (List<List<String>>) byLastSlot[slot];
        }
    }

    /**
     * The classes a word of the vocabulary is a one-word entry of, opens an entry of and ends an entry of, as bits by
     * class number: what {@link #is(String, Sentence, int)}, {@link #matchAt} and {@link #endsAt} test for a token of
     * this lexicon's segmenter, which carries its word's instance (see {@link Token#classes()}). Shared by every token
     * of the word; immutable once the lexicon is read.
     */
    static final class WordClasses {
        private final Lexicon lexicon;
        /** One-word entries' bits, then first words', then last words', {@code stride} longs each. */
        private final long[] bits;
        /** The word's marks: bits of the word sets of the language's other tables ({@link #mark}). */
        private long marks;

        private WordClasses(Lexicon lexicon, int classCount) {
            this.lexicon = lexicon;
            this.bits = new long[3 * stride(classCount)];
        }

        private static int stride(int classCount) {
            return (classCount + 63) >>> 6;
        }

        private void set(int part, int bit) {
            bits[part + (bit >>> 6)] |= 1L << bit;
        }

        private boolean has(int part, int bit) {
            return (bits[part + (bit >>> 6)] & (1L << bit)) != 0;
        }
    }

    /** Where the first words' and the last words' bits start in {@link WordClasses#bits}. */
    private int firstPart;

    private int lastPart;

    /** Each vocabulary word's classes, and the empty set of every other word; filled once the classes are read. */
    private final Map<String, WordClasses> wordClasses = new HashMap<>();

    private WordClasses noClasses;

    /** {@code entries} by the slots of their keys in {@code table}: a probe of the table finds them, no map needed. */
    private static Object[] bySlot(WordTable table, Map<String, List<List<String>>> entries) {
        Object[] slots = new Object[table.capacity()];
        entries.forEach((word, list) -> slots[table.indexOf(word)] = list);
        return slots;
    }

    /** Every word of every entry, interned. */
    private final Set<String> vocabulary = new HashSet<>();

    private final String source;
    private final Map<String, WordClass> classes = new HashMap<>();
    /**
     * The same classes by the identity of their interned names, in open addressing on the names' cached hashes: the
     * rules name classes with string literals, which Java interns, so the hottest lookup of extraction costs neither
     * hashing nor comparing the name (an IdentityHashMap cost a few per cent of extraction in a profile).
     */
    private String[] literalNames = new String[0];

    private WordClass[] literalClasses = new WordClass[0];

    /** The class of word beginnings written with an apostrophe that are words of their own (French "l'", "d'"). */
    static final String ELISIONS = "ELISIONS";

    private final Set<String> elisions = new HashSet<>();

    private Lexicon(String source) {
        this.source = source;
    }

    /** The language's elisions, lower case with a straight apostrophe ("l'", "qu'"); empty for English. */
    Set<String> elisions() {
        return Set.copyOf(elisions);
    }

    /** An entry's tokens as this language's segmenter cuts them: {@link #tokens} with its elisions apart. */
    List<String> entryTokens(String entry) {
        List<String> tokens = tokens(entry);
        if (elisions.isEmpty()) {
            return tokens;
        }
        List<String> split = new ArrayList<>(tokens.size() + 2);
        for (String token : tokens) {
            int apostrophe = token.indexOf('\'');
            String head = apostrophe > 0 ? token.substring(0, apostrophe + 1) : null;
            if (head != null && apostrophe + 1 < token.length() && elisions.contains(head)) {
                split.add(head);
                split.add(token.substring(apostrophe + 1));
            } else {
                split.add(token);
            }
        }
        return List.copyOf(split);
    }

    static Lexicon read(String resource) {
        Lexicon lexicon = new Lexicon(resource);
        List<KnowledgeTable.Row> rows = KnowledgeTable.read(resource).rows();
        Conjugations conjugations = Conjugations.besides(resource);
        // The language's elisions first: entries are cut into tokens as the segmenter cuts the text ("chargé
        // d'affaires").
        for (KnowledgeTable.Row row : rows) {
            if (row.get("class").equals(ELISIONS)) {
                row.list("words")
                        .forEach(e ->
                                lexicon.elisions.add(e.toLowerCase(Locale.ROOT).replace('\u2019', '\'')));
            }
        }
        List<Set<String>> writtenByRow = new ArrayList<>();
        List<Set<String>> unaccentedByRow = new ArrayList<>();
        Set<String> writtenOnPurpose = new HashSet<>();
        for (KnowledgeTable.Row row : rows) {
            Set<String> written = new java.util.LinkedHashSet<>();
            Set<String> unaccented = new HashSet<>();
            Set<String> onPurpose = new HashSet<>();
            for (String entry : row.list("words")) {
                if (!entry.contains("*")) {
                    written.add(entry);
                    onPurpose.add(entry);
                    continue;
                }
                try {
                    List<String> forms = conjugations.expand(entry);
                    written.addAll(forms);
                    for (String form : forms) {
                        (conjugations.isOnlyUnaccented(form) ? unaccented : onPurpose).add(form);
                    }
                } catch (IllegalArgumentException e) {
                    throw row.error(e.getMessage());
                }
            }
            unaccented.removeAll(onPurpose);
            writtenOnPurpose.addAll(onPurpose);
            writtenByRow.add(written);
            unaccentedByRow.add(unaccented);
        }
        for (int r = 0; r < rows.size(); r++) {
            KnowledgeTable.Row row = rows.get(r);
            String name = row.get("class");
            if (name.isEmpty() || !name.equals(name.toUpperCase(Locale.ROOT))) {
                throw row.error("a class name is written in capitals, got '" + name + "'");
            }
            if (lexicon.classes.containsKey(name)) {
                throw row.error("class " + name + " is defined twice");
            }
            List<List<String>> entries = new ArrayList<>();
            Set<String> single = new HashSet<>();
            Set<String> first = new HashSet<>();
            Set<String> last = new HashSet<>();
            Set<String> phrases = new HashSet<>();
            Set<String> written = writtenByRow.get(r);
            // A verb form written without its accent yields to the same word written on purpose anywhere in the
            // lexicon (see Conjugations#isOnlyUnaccented).
            Set<String> unaccented = unaccentedByRow.get(r);
            written.removeIf(e -> unaccented.contains(e) && writtenOnPurpose.contains(e));
            for (String entry : written) {
                // Interned: the segmenter hands out these very strings for the words of the text (see vocabulary()),
                // so a probe that finds one compares references, not characters.
                List<String> tokens =
                        lexicon.entryTokens(entry).stream().map(String::intern).toList();
                entries.add(tokens);
                first.add(tokens.get(0));
                last.add(tokens.get(tokens.size() - 1));
                phrases.add(String.join(" ", tokens));
                lexicon.vocabulary.addAll(tokens);
                if (tokens.size() == 1) {
                    single.add(tokens.get(0));
                }
            }
            entries.sort((a, b) -> Integer.compare(b.size(), a.size()));
            Map<String, List<List<String>>> byFirst = new HashMap<>();
            Map<String, List<List<String>>> byLast = new HashMap<>();
            for (List<String> tokens : entries) {
                byFirst.computeIfAbsent(tokens.get(0), k -> new ArrayList<>()).add(tokens);
                byLast.computeIfAbsent(tokens.get(tokens.size() - 1), k -> new ArrayList<>())
                        .add(tokens);
            }
            byFirst.replaceAll((word, list) -> List.copyOf(list));
            byLast.replaceAll((word, list) -> List.copyOf(list));
            // HashSet, not Set.copyOf, where the rules probe: its probe compares hashes before strings.
            WordTable firstTable = new WordTable(first);
            WordTable lastTable = new WordTable(last);
            WordClass words = new WordClass(
                    byFirst,
                    byLast,
                    Set.copyOf(single),
                    Set.copyOf(first),
                    new WordTable(single),
                    firstTable,
                    lastTable,
                    new HashSet<>(phrases),
                    bySlot(firstTable, byFirst),
                    bySlot(lastTable, byLast),
                    lexicon.classes.size());
            lexicon.classes.put(name, words);
        }
        lexicon.indexLiterals();
        lexicon.indexWordClasses();
        return lexicon;
    }

    private void indexWordClasses() {
        int count = classes.size();
        firstPart = WordClasses.stride(count);
        lastPart = 2 * firstPart;
        noClasses = new WordClasses(this, count);
        for (String word : vocabulary) {
            wordClasses.put(word, new WordClasses(this, count));
        }
        classes.values().forEach(words -> {
            for (String word : words.single()) {
                wordClasses.get(word).set(0, words.bit());
            }
            for (String word : words.first()) {
                wordClasses.get(word).set(firstPart, words.bit());
            }
            for (String word : words.byLast().keySet()) {
                wordClasses.get(word).set(lastPart, words.bit());
            }
        });
    }

    /**
     * The marks by name (see {@link #mark}); and whether a segmenter has taken the vocabulary, after which a new word
     * could not be marked on its tokens any more.
     */
    private final Map<String, Integer> marks = new HashMap<>();

    private boolean vocabularyTaken;

    /**
     * Marks {@code words} (lower case) as members of the word set {@code name} of another of the language's tables
     * (the first words of its trigger frames, the words that open a time expression): the words join the vocabulary,
     * so that a token of this lexicon's segmenter carries its marks as it carries its classes, and the table's owner
     * can turn away a token that is no member of its set with a bit test (see {@link #mayBeMarked}) where it probed
     * its own table at every token. Called while the language loads, before its segmenter is made.
     *
     * @return the mark's number, for {@link #mayBeMarked}; -1 when a segmenter has already taken the vocabulary or 64
     *     sets are marked (then every token may be a member, and the owner probes its table as before)
     */
    int mark(String name, java.util.Collection<String> words) {
        Integer known = marks.get(name);
        if (vocabularyTaken || known == null && marks.size() == Long.SIZE) {
            return -1;
        }
        int mark = known != null ? known : marks.size();
        marks.put(name, mark);
        for (String word : words) {
            String interned = word.intern();
            vocabulary.add(interned);
            wordClasses.computeIfAbsent(interned, w -> new WordClasses(this, classes.size())).marks |= 1L << mark;
        }
        return mark;
    }

    /**
     * False when token {@code i} is surely no member of the set {@code mark} marks: this lexicon's segmenter made it
     * and its word carries no such mark. True otherwise (also for a token of another segmenter, and for mark -1): the
     * caller then asks its own table.
     */
    boolean mayBeMarked(int mark, Sentence s, int i) {
        WordClasses of = s.classes(i);
        return mark < 0 || of == null || of.lexicon != this || (of.marks & (1L << mark)) != 0;
    }

    /** As {@link #mayBeMarked(int, Sentence, int)} for a token. */
    boolean mayBeMarked(int mark, Token token) {
        WordClasses of = token.classes();
        return mark < 0 || of == null || of.lexicon != this || (of.marks & (1L << mark)) != 0;
    }

    /**
     * True when this lexicon's segmenter made token {@code i}: its classes then say which entries its word is, opens
     * and ends, and its lower-case form is the vocabulary's own string when the word is one.
     */
    boolean madeTokenAt(Sentence s, int i) {
        WordClasses of = s.classes(i);
        return of != null && of.lexicon == this;
    }

    /** True when {@code lowerWord} carries the mark {@code mark} (so a token of it is never turned away). */
    boolean isMarked(int mark, String lowerWord) {
        WordClasses of = wordClasses.get(lowerWord);
        return mark >= 0 && of != null && (of.marks & (1L << mark)) != 0;
    }

    /** The word classes token i carries when this lexicon's segmenter made it, else null. */
    private WordClasses classesAt(Sentence s, int i) {
        WordClasses of = s.classes(i);
        return of != null && of.lexicon == this ? of : null;
    }

    /**
     * The classes {@code lowerWord} is a one-word entry of, for the segmenter to hand its tokens: the word's own
     * instance when it is a word of the vocabulary, else the empty one (a word outside the vocabulary is in no class).
     */
    WordClasses classesOf(String lowerWord) {
        vocabularyTaken = true;
        return wordClasses.getOrDefault(lowerWord, noClasses);
    }

    private void indexLiterals() {
        int capacity = 4;
        while (capacity < classes.size() * 4) {
            capacity <<= 1;
        }
        literalNames = new String[capacity];
        literalClasses = new WordClass[capacity];
        classes.forEach((name, words) -> {
            String literal = name.intern();
            int i = literal.hashCode() & (literalNames.length - 1);
            while (literalNames[i] != null) {
                i = (i + 1) & (literalNames.length - 1);
            }
            literalNames[i] = literal;
            literalClasses[i] = words;
        });
    }

    /** An entry's tokens as the segmenter cuts them: words, and "'s" apart from the word before. */
    static List<String> tokens(String entry) {
        List<String> tokens = new ArrayList<>();
        for (String word : spaceSeparated(
                entry.toLowerCase(Locale.ROOT).replace('\u2019', '\'').trim())) {
            if (word.length() > 2 && word.endsWith("'s")) {
                tokens.add(word.substring(0, word.length() - 2));
                tokens.add(word.substring(word.length() - 2));
            } else if (!word.isEmpty()) {
                tokens.add(word);
            }
        }
        return List.copyOf(tokens);
    }

    /**
     * The words of {@code text} between runs of white space, as {@code text.split("\\s+")} gives them but for empty
     * ones: tokens runs for every speaker phrase of an article, and the regex split built a Matcher and a list each time.
     */
    private static List<String> spaceSeparated(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean space = i == text.length() || isSpace(text.charAt(i));
            if (space && start >= 0) {
                words.add(text.substring(start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        return words;
    }

    /** A character of the regex class \s: space, tab, line feed, vertical tab, form feed, carriage return. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private WordClass wordClass(String className) {
        int mask = literalNames.length - 1;
        for (int k = className.hashCode() & mask; ; k = (k + 1) & mask) {
            String name = literalNames[k];
            if (name == className) {
                return literalClasses[k];
            }
            if (name == null) {
                break;
            }
        }
        WordClass words = classes.get(className); // a name built at run time, not interned
        if (words == null) {
            throw new IllegalArgumentException(source + ": no word class " + className);
        }
        return words;
    }

    /** Every word of every entry of every class, lower case and interned. */
    Set<String> vocabulary() {
        return java.util.Collections.unmodifiableSet(vocabulary);
    }

    /**
     * The class named {@code className}, for a table of the language that asks of it at every token: it looks the name
     * up once, where each {@link #is(String, Sentence, int)} hashes and probes for it (a twentieth of extraction's
     * samples went to finding classes by name).
     */
    WordClass wordClassNamed(String className) {
        return wordClass(className);
    }

    /** True when {@code lowerWord} is a one-word entry of the class. */
    boolean is(String className, String lowerWord) {
        return is(wordClass(className), lowerWord);
    }

    /** As {@link #is(String, String)} for a class already found. */
    boolean is(WordClass words, String lowerWord) {
        return words.singleTable().contains(lowerWord);
    }

    /**
     * As {@code is(className, s.lower(i))}: for a token this lexicon's segmenter made, a test of the bit its word
     * carries rather than a probe of the class's table (the rules ask this thousands of times an article).
     */
    boolean is(String className, Sentence s, int i) {
        return is(wordClass(className), s, i);
    }

    /** As {@link #is(String, Sentence, int)} for a class already found. */
    boolean is(WordClass words, Sentence s, int i) {
        if (i < 0 || i >= s.size()) {
            return false; // s.lower(i) is "", which no class holds
        }
        WordClasses of = s.classes(i);
        return of != null && of.lexicon == this
                ? of.has(0, words.bit())
                : words.singleTable().contains(s.lower(i));
    }

    /** As {@code is(className, token.lower())}, by the token's bits when this lexicon's segmenter made it. */
    boolean is(String className, Token token) {
        return is(wordClass(className), token);
    }

    private boolean is(WordClass words, Token token) {
        WordClasses of = token.classes();
        return of != null && of.lexicon == this
                ? of.has(0, words.bit())
                : words.singleTable().contains(token.lower());
    }

    /** The one-word entries of a class. */
    Set<String> words(String className) {
        return wordClass(className).single();
    }

    /** Every word that can start an entry of the class. */
    Set<String> firstWords(String className) {
        return wordClass(className).first();
    }

    /** True when an entry of the class starts with {@code lowerWord}. */
    boolean opensEntry(String className, String lowerWord) {
        return wordClass(className).firstTable().contains(lowerWord);
    }

    /** Number of tokens of the longest entry of the class starting at token {@code i}, or 0 when none does. */
    int matchAt(String className, Sentence s, int i) {
        return matchAt(wordClass(className), s, i);
    }

    /** As {@link #matchAt(String, Sentence, int)} for a class already found. */
    int matchAt(WordClass words, Sentence s, int i) {
        if (i < 0 || i >= s.size()) {
            return 0; // s.lower(i) is "", which opens no entry
        }
        WordClasses of = classesAt(s, i);
        if (of != null && !of.has(firstPart, words.bit())) {
            return 0; // most tokens open no entry of the class: a bit test, not a probe
        }
        int slot = words.firstTable().indexOf(s.lower(i));
        if (slot < 0) {
            return 0;
        }
        return longestAt(words.startingWith(slot), s, i);
    }

    /** The longest of {@code entries} (which all start with token i's word, longest first) found at token i. */
    private int longestAt(List<List<String>> entries, Sentence s, int i) {
        for (int e = 0; e < entries.size(); e++) { // by index: no iterator per probe
            List<String> entry = entries.get(e);
            if (i + entry.size() > s.size()) {
                continue;
            }
            boolean matches = true;
            for (int k = 1; k < entry.size() && matches; k++) {
                matches = sameWord(s, i + k, entry.get(k));
            }
            if (matches) {
                return entry.size();
            }
        }
        return 0;
    }

    /**
     * {@code s.lower(k).equals(entryWord)} for a word of an entry (interned, in the vocabulary): for a token of this
     * lexicon's segmenter a reference comparison, since such a token carries the vocabulary's own string when its word
     * is one (see {@link TextSegmenter}) and a word outside the vocabulary equals no entry's word. A phrase's entries
     * share their first word, so a common one ("in": "in a statement", "in a decree" ...) compared the next word's
     * characters once per entry.
     */
    private boolean sameWord(Sentence s, int k, String entryWord) {
        WordClasses of = s.classes(k);
        return of != null && of.lexicon == this
                ? s.lower(k) == entryWord
                : s.lower(k).equals(entryWord);
    }

    /** True when an entry of the class ends at token {@code end - 1} (looking back from a position). */
    boolean endsAt(String className, Sentence s, int end) {
        WordClass words = wordClass(className);
        if (end <= 0 || end > s.size()) {
            return false; // s.lower(end - 1) is "", which ends no entry
        }
        WordClasses of = classesAt(s, end - 1);
        if (of != null && !of.has(lastPart, words.bit())) {
            return false;
        }
        int slot = words.lastTable().indexOf(s.lower(end - 1));
        if (slot < 0) {
            return false;
        }
        for (List<String> entry : words.endingWith(slot)) {
            int start = end - entry.size();
            if (start < 0) {
                continue;
            }
            boolean matches = true;
            for (int k = 0; k < entry.size() - 1 && matches; k++) {
                matches = sameWord(s, start + k, entry.get(k));
            }
            if (matches) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code phrase} (lower-case words separated by single spaces) is an entry of the class. */
    boolean isEntry(String className, String phrase) {
        return wordClass(className).phrases().contains(phrase);
    }

    boolean hasClass(String className) {
        return classes.containsKey(className);
    }
}
