package io.wirewatch.enrich.extract;

import io.wirewatch.knowledge.KnowledgeTable;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the extractor knows of one language, read from its folder of the knowledge base
 * ({@code /io/wirewatch/knowledge/<code>/}): word classes, trigger frames of diplomatic actions and reporting verbs.
 * A new language is a new folder; nothing here is specific to one. Immutable and thread-safe once loaded.
 */
final class Language {

    static final String KNOWLEDGE_ROOT = "/io/wirewatch/knowledge/";

    private final String code;
    private final Lexicon lexicon;
    private final TriggerTable triggers;
    private final Map<String, String> reportingLemmas;

    private Language(String code, Lexicon lexicon, TriggerTable triggers, Map<String, String> reportingLemmas) {
        this.code = code;
        this.lexicon = lexicon;
        this.triggers = triggers;
        this.reportingLemmas = reportingLemmas;
    }

    static Language load(String code) {
        String folder = KNOWLEDGE_ROOT + code + "/";
        Lexicon lexicon = Lexicon.read(folder + "lexicon.tsv");
        TriggerTable triggers = TriggerTable.read(folder + "triggers.tsv", lexicon);
        Map<String, String> lemmas = new HashMap<>();
        for (KnowledgeTable.Row row : KnowledgeTable.read(folder + "reporting-verbs.tsv").rows()) {
            for (String form : row.list("forms")) {
                lemmas.put(form.toLowerCase(java.util.Locale.ROOT), row.get("lemma"));
            }
        }
        return new Language(code, lexicon, triggers, Map.copyOf(lemmas));
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

    /** True for a form of a verb that introduces reported speech ("said", "told"). */
    boolean isReportingVerb(String lowerWord) {
        return reportingLemmas.containsKey(lowerWord);
    }

    Set<String> reportingVerbs() {
        return reportingLemmas.keySet();
    }

    /** The lemma of a reporting verb's form, or the form itself. */
    String reportingLemma(String lowerWord) {
        return reportingLemmas.getOrDefault(lowerWord, lowerWord);
    }
}
