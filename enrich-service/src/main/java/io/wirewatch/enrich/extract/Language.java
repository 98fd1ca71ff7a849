package io.wirewatch.enrich.extract;

import io.wirewatch.knowledge.KnowledgeTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the extractor knows of one language, read from its folder of the knowledge base
 * ({@code /io/wirewatch/knowledge/<code>/}): word classes, trigger frames of diplomatic actions, reporting verbs,
 * numbers and the words of dates.
 * A new language is a new folder; nothing here is specific to one. Immutable and thread-safe once loaded.
 */
final class Language {

    static final String KNOWLEDGE_ROOT = "/io/wirewatch/knowledge/";

    private final String code;
    private final Lexicon lexicon;
    private final TriggerTable triggers;
    private final Map<String, String> reportingLemmas;
    private final NumberWords numbers;
    private final TimeExpressions time;
    private final TextSegmenter segmenter;

    /**
     * The marks ({@link Lexicon#mark}) of the words that may open a title or role and of the honorifics of the
     * language's {@code roles.tsv}, which the gazetteer asks of every token: a token without the mark is turned away by
     * a bit test. -1 for none.
     */
    private final int roleMark;

    private final int honorificMark;

    private Language(
            String code,
            Lexicon lexicon,
            TriggerTable triggers,
            Map<String, String> reportingLemmas,
            NumberWords numbers,
            TimeExpressions time,
            int[] roleMarks) {
        this.code = code;
        this.roleMark = roleMarks[0];
        this.honorificMark = roleMarks[1];
        this.lexicon = lexicon;
        this.triggers = triggers;
        this.reportingLemmas = reportingLemmas;
        this.numbers = numbers;
        this.time = time;
        this.reportingForms = new WordTable(reportingLemmas.keySet());
        Set<String> vocabulary = new java.util.HashSet<>(lexicon.vocabulary());
        vocabulary.addAll(reportingLemmas.keySet());
        this.segmenter = new TextSegmenter(
                lexicon.words("ABBREVIATIONS"),
                lexicon.elisions(),
                lexicon.is("THOUSANDS_SPACE", "yes"),
                vocabulary,
                lexicon);
    }

    /** The reporting verbs' forms again, for the probe of every token. */
    private final WordTable reportingForms;

    static Language load(String code) {
        String folder = KNOWLEDGE_ROOT + code + "/";
        Lexicon lexicon = Lexicon.read(folder + "lexicon.tsv");
        NumberWords numbers = NumberWords.read(folder + "number-words.tsv", lexicon);
        TriggerTable triggers = TriggerTable.read(folder + "triggers.tsv", lexicon, numbers);
        Map<String, String> lemmas = new HashMap<>();
        for (KnowledgeTable.Row row :
                KnowledgeTable.read(folder + "reporting-verbs.tsv").rows()) {
            for (String form : row.list("forms")) {
                lemmas.put(form.toLowerCase(java.util.Locale.ROOT).intern(), row.get("lemma"));
            }
        }
        TimeExpressions time = TimeExpressions.read(folder + "time-words.tsv", lexicon, numbers);
        int[] roleMarks = markRoleWords(folder + "roles.tsv", lexicon);
        return new Language(code, lexicon, triggers, Map.copyOf(lemmas), numbers, time, roleMarks);
    }

    /**
     * Marks every word of the roles of {@code roles.tsv} (a superset of the words the gazetteer cuts their first
     * tokens into, which {@link Gazetteer} checks before it trusts the mark) and its honorifics as written.
     */
    private static int[] markRoleWords(String resource, Lexicon lexicon) {
        Set<String> roleWords = new java.util.HashSet<>();
        Set<String> honorifics = new java.util.HashSet<>();
        for (KnowledgeTable.Row row : KnowledgeTable.read(resource).rows()) {
            String words = row.get("words").trim().toLowerCase(java.util.Locale.ROOT);
            if (row.get("kind").equals("HONORIFIC")) {
                honorifics.add(words);
            } else {
                roleWords.addAll(Lexicon.tokens(words));
                roleWords.addAll(List.of(words.split("\\s+")));
            }
        }
        return new int[] {lexicon.mark("ROLE_WORDS", roleWords), lexicon.mark("HONORIFICS", honorifics)};
    }

    /** The mark of the words that may open a role (see {@link #markRoleWords}), or -1. */
    int roleMark() {
        return roleMark;
    }

    /** The mark of the honorifics, or -1. */
    int honorificMark() {
        return honorificMark;
    }

    String code() {
        return code;
    }

    Lexicon lexicon() {
        return lexicon;
    }

    TriggerTable triggers() {
        return triggers;
    }

    NumberWords numbers() {
        return numbers;
    }

    TimeExpressions time() {
        return time;
    }

    /** Sentences and tokens, with the language's abbreviations ("Mr.", "Sr.") kept inside sentences. */
    TextSegmenter segmenter() {
        return segmenter;
    }

    /** True for a form of a verb that introduces reported speech ("said", "told"). */
    boolean isReportingVerb(String lowerWord) {
        return reportingForms.contains(lowerWord);
    }

    Set<String> reportingVerbs() {
        return reportingLemmas.keySet();
    }

    /** The lemma of a reporting verb's form, or the form itself. */
    String reportingLemma(String lowerWord) {
        return reportingLemmas.getOrDefault(lowerWord, lowerWord);
    }
}
