package io.wirewatch.enrich.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A trigger frame of {@code triggers.tsv} compiled to a sequence of elements matched over one sentence's tokens:
 * words (a literal, alternatives, or a lexicon class), bounded gaps that stay inside one clause, numbers, and the
 * actor and target slots, which match an entity mention. Matching backtracks over gap lengths, shortest first, so a
 * frame binds the nearest words that complete it. The grammar is in the header of {@code triggers.tsv}.
 */
final class TriggerPattern {

    /** What the pattern needs of the article: where a mention that can fill a slot ends. */
    interface Slots {
        /**
         * @return one past the last token of the mention (or coordinated list of mentions, for a target) that fills
         *     a slot starting at token {@code i}, or -1 when none does
         */
        int slotEnd(Sentence s, int i, char role, boolean allowDemonym);

        /** True when token {@code k} closes the clause, so no gap may cross it. */
        boolean breaksClause(Sentence s, int k);

        /**
         * True when token {@code k} belongs to an aside between a verb and its object, which a gap crosses without
         * counting it: a date ("a adopté, jeudi 2 décembre, son paquet de sanctions") or a manner ("la rupture avec
         * effet immédiat de ses relations").
         */
        boolean isAside(Sentence s, int k);
    }

    /** How many aside words a gap may cross beyond its length ("~7" crosses ", jeudi 2 décembre ," and 7 more). */
    private static final int MOST_ASIDE_WORDS_IN_A_GAP = 6;

    private sealed interface Element permits Words, Gap, Slot, NumberToken {}

    /** A word: one of {@code literals}, or an entry of one of the lexicon {@code classes}. */
    private record Words(Set<String> literals, List<String> classes, boolean optional, boolean head)
            implements Element {}

    private record Gap(int max, List<String> excluded) implements Element {}

    private record Slot(char role) implements Element {}

    private record NumberToken(boolean head) implements Element {}

    /**
     * A match: tokens {@code [from, to)}, the head's tokens {@code [head, headEnd)}, and the slots' spans
     * ({@code -1} when the pattern has no such slot).
     */
    record Match(int from, int to, int head, int headEnd, int actorFrom, int actorTo, int targetFrom, int targetTo) {}

    private final String text;
    private final List<Element> elements;
    private final Lexicon lexicon;
    private final NumberWords numbers;

    /** The language writes a demonym after its noun (DEMONYM_POSITION after). */
    private final boolean demonymsFollow;

    /**
     * Per element that is a word (null elsewhere): its literals as a table, its classes (found once by name), and every
     * word that can open it (literals and the classes' first words). Most tokens open no element, and the one probe
     * of {@code opens} says so; the list of classes was iterated (an iterator allocated) per attempt.
     */
    private final WordTable[] literalTables;

    private final Lexicon.WordClass[][] classes;
    /** Per gap element (null elsewhere): the classes it may not skip, found once by name. */
    private final Lexicon.WordClass[][] excluded;

    private final WordTable[] opens;
    /** Per word element (null elsewhere): its literals, interned as the vocabulary's words are (see wordLength). */
    private final String[][] literals;
    /**
     * Every word that opens a word element of any frame, as a mark on the tokens ({@link Lexicon#mark}): a gap tries
     * the next element at every token it crosses, and most tokens open no element of any frame, told by a bit.
     */
    private final int wordMark;

    private TriggerPattern(String text, List<Element> elements, Lexicon lexicon, NumberWords numbers) {
        this.text = text;
        this.elements = elements;
        this.lexicon = lexicon;
        this.numbers = numbers;
        this.literalTables = new WordTable[elements.size()];
        this.classes = new Lexicon.WordClass[elements.size()][];
        this.excluded = new Lexicon.WordClass[elements.size()][];
        this.opens = new WordTable[elements.size()];
        this.literals = new String[elements.size()][];
        Set<String> allOpening = new java.util.HashSet<>();
        for (int e = 0; e < elements.size(); e++) {
            if (elements.get(e) instanceof Words words) {
                literalTables[e] = new WordTable(words.literals());
                literals[e] = words.literals().stream().map(String::intern).toArray(String[]::new);
                classes[e] =
                        words.classes().stream().map(lexicon::wordClassNamed).toArray(Lexicon.WordClass[]::new);
                Set<String> opening = openingWords(words, lexicon);
                opens[e] = new WordTable(opening);
                allOpening.addAll(opening);
            } else if (elements.get(e) instanceof Gap gap) {
                excluded[e] =
                        gap.excluded().stream().map(lexicon::wordClassNamed).toArray(Lexicon.WordClass[]::new);
            }
        }
        this.wordMark = lexicon.mark("TRIGGER_WORDS", allOpening);
        this.demonymsFollow = lexicon.hasClass("DEMONYM_POSITION") && lexicon.is("DEMONYM_POSITION", "after");
        this.articles = lexicon.hasClass("ARTICLE") ? lexicon.words("ARTICLE") : Set.of("the");
        this.possessives = lexicon.hasClass("POSSESSIVE") ? lexicon.words("POSSESSIVE") : Set.of("'s");
    }

    /** The language's definite articles, which may stand before a slot's mention ("the", "la", "el"). */
    private final Set<String> articles;
    /** The possessive ending, after which a slot's mention is a possessor, not the slot ("'s"). */
    private final Set<String> possessives;

    static TriggerPattern compile(String pattern, Lexicon lexicon, NumberWords numbers) {
        List<Element> elements = new ArrayList<>();
        boolean headSeen = false;
        for (String raw : pattern.trim().split("\\s+")) {
            String part = raw;
            boolean head = part.startsWith("^");
            if (head) {
                part = part.substring(1);
                if (headSeen) {
                    throw new IllegalArgumentException("two heads (^) in '" + pattern + "'");
                }
                headSeen = true;
            }
            boolean optional = part.startsWith("?");
            if (optional) {
                part = part.substring(1);
            }
            if (part.startsWith("~")) {
                String[] gap = part.substring(1).split("-@");
                // Class names interned, as the rules' literals are: the lexicon finds a class by the name's identity.
                List<String> excluded = new ArrayList<>();
                for (int g = 1; g < gap.length; g++) {
                    String name = gap[g].intern();
                    if (!lexicon.hasClass(name)) {
                        throw new IllegalArgumentException("unknown class @" + name + " in '" + pattern + "'");
                    }
                    excluded.add(name);
                }
                elements.add(new Gap(Integer.parseInt(gap[0]), List.copyOf(excluded)));
            } else if (part.equals("{A}") || part.equals("{T}")) {
                elements.add(new Slot(part.charAt(1)));
            } else if (part.equals("#")) {
                elements.add(new NumberToken(head));
            } else {
                List<String> literals = new ArrayList<>();
                List<String> classes = new ArrayList<>();
                for (String alternative : part.split("\\|")) {
                    if (alternative.startsWith("@")) {
                        String name = alternative.substring(1).intern();
                        if (!lexicon.hasClass(name)) {
                            throw new IllegalArgumentException("unknown class @" + name + " in '" + pattern + "'");
                        }
                        classes.add(name);
                    } else {
                        literals.add(alternative.toLowerCase(Locale.ROOT));
                    }
                }
                elements.add(new Words(Set.copyOf(literals), List.copyOf(classes), optional, head));
            }
        }
        if (elements.isEmpty()
                || elements.get(0) instanceof Gap
                || elements.get(0) instanceof Words words && words.optional()) {
            throw new IllegalArgumentException("a pattern starts with a word, a number or a slot: '" + pattern + "'");
        }
        if (!headSeen) {
            // No ^: the first word is the head.
            for (int i = 0; i < elements.size(); i++) {
                if (elements.get(i) instanceof Words words) {
                    elements.set(i, new Words(words.literals(), words.classes(), words.optional(), true));
                    break;
                }
            }
        }
        return new TriggerPattern(pattern, List.copyOf(elements), lexicon, numbers);
    }

    /** The words that can start a match, or null when the pattern starts with a slot (any mention may start it). */
    Set<String> firstWords() {
        Element first = elements.get(0);
        if (first instanceof Words words) {
            return openingWords(words, lexicon);
        }
        return null;
    }

    /** The literals of a word element and the first words of its classes. */
    private static Set<String> openingWords(Words words, Lexicon lexicon) {
        Set<String> all = new java.util.HashSet<>(words.literals());
        words.classes().forEach(name -> all.addAll(lexicon.firstWords(name)));
        return all;
    }

    /**
     * The words one of which any match holds: those that open its head when the head is a word that must be there (the
     * verb or noun of the action, the frame's rarest word as a rule), else its first such word element; null when the
     * pattern has no word it cannot do without. A sentence holding none of them holds no match.
     */
    Set<String> requiredWords() {
        Words required = null;
        for (Element element : elements) {
            if (element instanceof Words words && !words.optional()) {
                if (words.head()) {
                    return openingWords(words, lexicon);
                }
                required = required == null ? words : required;
            }
        }
        return required == null ? null : openingWords(required, lexicon);
    }

    boolean startsWithSlot() {
        return elements.get(0) instanceof Slot;
    }

    /** The match starting at token {@code start}, or null. */
    Match matchAt(Sentence s, int start, Slots slots) {
        return matchAt(s, start, slots, new int[6]);
    }

    /**
     * As {@link #matchAt(Sentence, int, Slots)}, with {@code spans} (six ints, overwritten) as its working space: most
     * attempts fail, and a caller that tries many frames per sentence need not allocate one per attempt.
     */
    Match matchAt(Sentence s, int start, Slots slots, int[] spans) {
        java.util.Arrays.fill(spans, -1);
        int end = match(0, start, s, slots, spans);
        if (end < 0) {
            return null;
        }
        return new Match(start, end, spans[0], spans[1], spans[2], spans[3], spans[4], spans[5]);
    }

    /** Matches elements from {@code e} at token {@code i}; returns the end of the match or -1. */
    private int match(int e, int i, Sentence s, Slots slots, int[] spans) {
        if (e == elements.size()) {
            return i;
        }
        Element element = elements.get(e);
        if (element instanceof Gap gap) {
            int reach = firstNextWordsWithinReach(e, i, gap, s);
            if (reach < 0) {
                return -1; // the words after the gap stand nowhere it may reach: no token need be read as an aside
            }
            int counted = 0;
            for (int k = i; k - i <= gap.max() + MOST_ASIDE_WORDS_IN_A_GAP; k++) {
                if (k > s.size()) {
                    return -1;
                }
                if (k > i) {
                    int skipped = k - 1;
                    if (slots.breaksClause(s, skipped)) {
                        return -1;
                    }
                    // an aside is neither counted nor read for excluded words ("rupture avec effet immédiat de ses
                    // relations": this "avec" does not name the other party)
                    boolean aside = slots.isAside(s, skipped);
                    if (!aside && (isExcluded(e, s, skipped) || ++counted > gap.max())) {
                        return -1;
                    }
                }
                if (k < reach && !s.token(k).isAnyQuotationMark()) {
                    continue; // the next words do not open here (a quotation mark is skipped, so it is tried)
                }
                int end = match(e + 1, k, s, slots, spans);
                if (end >= 0) {
                    return end;
                }
            }
            return -1;
        }
        if (i >= s.size()) {
            return element instanceof Words words && words.optional() ? match(e + 1, i, s, slots, spans) : -1;
        }
        if (e > 0 && s.token(i).isAnyQuotationMark()) {
            return match(e, i + 1, s, slots, spans); // "a annoncé qu'elle allait «suspendre» la Mauritanie"
        }
        if (element instanceof Words words) {
            int length = wordLength(e, s, i);
            if (length > 0) {
                int end = match(e + 1, i + length, s, slots, spans);
                if (end >= 0) {
                    if (words.head()) {
                        spans[0] = i;
                        spans[1] = i + length;
                    }
                    return end;
                }
            }
            return words.optional() ? match(e + 1, i, s, slots, spans) : -1;
        }
        if (element instanceof NumberToken number) {
            Token token = s.token(i);
            if (!token.isNumber() && numbers.exactValue(token.lower()) <= 0) {
                return -1;
            }
            int end = match(e + 1, i + 1, s, slots, spans);
            if (end >= 0 && number.head()) {
                spans[0] = i;
                spans[1] = i + 1;
            }
            return end;
        }
        Slot slot = (Slot) element;
        int from = articles.contains(s.lower(i)) ? i + 1 : i;
        boolean nextIsAdjacentWord = e + 1 < elements.size() && elements.get(e + 1) instanceof Words;
        // A demonym stands for its state next to the noun it qualifies: before it in English ("the U.S. embassy"),
        // after it where the language puts adjectives after the noun ("l'ambassade américaine").
        boolean besideNoun = nextIsAdjacentWord || demonymsFollow && e > 0 && elements.get(e - 1) instanceof Words;
        int slotEnd = slots.slotEnd(s, from, slot.role(), besideNoun);
        if (slotEnd < 0 || possessives.contains(s.lower(slotEnd)) && !nextIsAdjacentWord) {
            return -1;
        }
        int end = match(e + 1, slotEnd, s, slots, spans);
        if (end >= 0) {
            int offset = slot.role() == 'A' ? 2 : 4;
            spans[offset] = from;
            spans[offset + 1] = slotEnd;
        }
        return end;
    }

    /**
     * The first token the gap {@code e} may reach from {@code i} where the words it leads to open (when they are the
     * next element and not optional), or -1 when they open at none: a cheap test of the words' tables before the gap
     * reads each token it crosses. {@code i} when the next element is no such words (every token is then tried). The
     * gap tries the next element at no token before it but a quotation mark (which that element skips), since there the
     * words' own test would fail again.
     */
    private int firstNextWordsWithinReach(int e, int i, Gap gap, Sentence s) {
        if (e + 1 >= elements.size() || !(elements.get(e + 1) instanceof Words next) || next.optional()) {
            return i;
        }
        int last = Math.min(s.size() - 1, i + gap.max() + MOST_ASIDE_WORDS_IN_A_GAP + 2); // and a quotation mark
        for (int k = i; k <= last; k++) {
            if (wordLength(e + 1, s, k) > 0) {
                return k;
            }
        }
        return -1;
    }

    /** Whether the word at {@code k} is of a class the gap {@code e} may not skip ("~7-@VETO-@LIFT"). */
    private boolean isExcluded(int e, Sentence s, int k) {
        for (Lexicon.WordClass words : excluded[e]) { // an array: the list's iterator was 7% of an article's bytes
            if (lexicon.matchAt(words, s, k) > 0) {
                return true;
            }
        }
        return false;
    }

    /** Number of tokens of the word element {@code e} at token {@code i}, or 0. */
    private int wordLength(int e, Sentence s, int i) {
        if (!lexicon.mayBeMarked(wordMark, s, i)) {
            return 0;
        }
        String lower = s.lower(i);
        if (wordMark >= 0 && lexicon.madeTokenAt(s, i)) {
            // The token is the lexicon's own and its word, if an opening word, the vocabulary's string: a literal is
            // that very string, and a class's entries opening here say so by the token's bits (matchAt), so neither
            // table need be probed (they were a twentieth of extraction's samples, at every token a gap crosses)
            for (String literal : literals[e]) {
                if (literal == lower) {
                    return 1;
                }
            }
        } else if (!opens[e].contains(lower)) {
            return 0;
        } else if (literalTables[e].contains(lower)) {
            return 1;
        }
        int best = 0;
        for (Lexicon.WordClass words : classes[e]) {
            best = Math.max(best, lexicon.matchAt(words, s, i));
        }
        return best;
    }

    @Override
    public String toString() {
        return text;
    }
}
