package io.wirewatch.enrich.extract;

import io.wirewatch.knowledge.KnowledgeTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A language's regular verb endings ({@code conjugations.tsv} beside its lexicon), so that a lexicon entry written as an
 * infinitive with a star ("romper*") stands for the forms news uses of a regular verb: present, past, imperfect,
 * future, conditional, participles and gerund, in the third person. French and Spanish verbs inflect for tense far more
 * than English, and a list typed by hand for each verb always missed a tense ("rompía", "expulsaient"). Irregular forms
 * ("cierra", "rappelle") stay listed beside the star; a wrong regular form of an irregular verb is not a word, so it
 * never matches. Written by hand rather than with a morphological library: the few paradigms below are all the rules
 * need, where a stemmer or a full analyser would change how every word matches.
 */
final class Conjugations {

    /** How a row writes the bare stem as an ending ("suspendre": "il suspend"), since a list drops empty items. */
    private static final String NO_ENDING = "_";

    /** Infinitive ending to the endings that replace it, longest infinitive ending tried first. */
    private final Map<String, List<String>> endingsByInfinitive;

    /** Infinitive ending to its forms as copy writes them without their accent ("declaro" for "declaró"). */
    private final Map<String, List<String>> unaccentedByInfinitive;

    /** The phrases {@link #expand} made with a form written without its accent. */
    private final Set<String> unaccentedPhrases = new HashSet<>();

    private Conjugations(Map<String, List<String>> endingsByInfinitive, Map<String, List<String>> unaccented) {
        this.endingsByInfinitive = endingsByInfinitive;
        this.unaccentedByInfinitive = unaccented;
    }

    /** The conjugations beside {@code lexiconResource}, or none when the language has no such file. */
    static Conjugations besides(String lexiconResource) {
        String resource = lexiconResource.substring(0, lexiconResource.lastIndexOf('/') + 1) + "conjugations.tsv";
        Optional<KnowledgeTable> table = KnowledgeTable.readIfPresent(resource);
        Map<String, List<String>> endings = new TreeMap<>(
                (a, b) -> a.length() != b.length() ? Integer.compare(b.length(), a.length()) : a.compareTo(b));
        Map<String, List<String>> unaccented = new HashMap<>();
        table.ifPresent(t -> t.rows().forEach(row -> {
            if (t.columns().contains("unaccented")) {
                unaccented.put(row.get("infinitive"), row.list("unaccented"));
            }
            if (endings.put(row.get("infinitive"), row.list("endings")) != null) {
                throw row.error("infinitive ending " + row.get("infinitive") + " is listed twice");
            }
        }));
        return new Conjugations(endings, unaccented);
    }

    /** True when {@code word} asks for its paradigm: an infinitive followed by a star. */
    static boolean isStarred(String word) {
        return word.length() > 1 && word.endsWith("*");
    }

    /**
     * The forms a starred entry stands for: each of its words that ends with a star becomes every form of its
     * paradigm, so "romper*" is "romper", "rompe", "rompía" … and "rompre* avec" keeps "avec" after each form.
     *
     * @throws IllegalArgumentException when a starred word's infinitive ending has no paradigm in this language
     */
    List<String> expand(String entry) {
        List<String> phrases = List.of("");
        Set<String> unaccented = new HashSet<>();
        for (String word : entry.trim().split("\\s+")) {
            List<String> forms = List.of(word);
            Set<String> unaccentedForms = Set.of();
            if (isStarred(word)) {
                String infinitive = word.substring(0, word.length() - 1);
                forms = forms(infinitive);
                unaccentedForms = unaccentedForms(infinitive, forms);
            }
            List<String> longer = new ArrayList<>(phrases.size() * forms.size());
            Set<String> longerUnaccented = new HashSet<>();
            for (String phrase : phrases) {
                for (String form : forms) {
                    String joined = phrase.isEmpty() ? form : phrase + " " + form;
                    longer.add(joined);
                    if (unaccented.contains(phrase) || unaccentedForms.contains(form)) {
                        longerUnaccented.add(joined);
                    }
                }
            }
            phrases = longer;
            unaccented = longerUnaccented;
        }
        unaccentedPhrases.addAll(unaccented);
        return phrases;
    }

    /**
     * True when {@code phrase} came out of {@link #expand} only through a form written without its accent. Such a
     * form yields to any entry that writes the same word on purpose: "retiro" is the noun "el retiro de su embajador"
     * before it is "retiró" missing its accent, and "veto" is the noun before it is "vetó".
     */
    boolean isOnlyUnaccented(String phrase) {
        return unaccentedPhrases.contains(phrase);
    }

    /** Of {@code forms}, those only the row's unaccented endings make (a regular ending may write the same word). */
    private Set<String> unaccentedForms(String infinitive, List<String> forms) {
        for (Map.Entry<String, List<String>> paradigm : endingsByInfinitive.entrySet()) {
            String ending = paradigm.getKey();
            if (infinitive.endsWith(ending) && infinitive.length() > ending.length()) {
                String stem = infinitive.substring(0, infinitive.length() - ending.length());
                Set<String> unaccented = new HashSet<>();
                unaccentedByInfinitive.getOrDefault(ending, List.of()).forEach(e -> unaccented.add(stem + e));
                paradigm.getValue().forEach(e -> unaccented.remove(e.equals(NO_ENDING) ? stem : stem + e));
                unaccented.retainAll(forms);
                return unaccented;
            }
        }
        return Set.of();
    }

    private List<String> forms(String infinitive) {
        for (Map.Entry<String, List<String>> paradigm : endingsByInfinitive.entrySet()) {
            String ending = paradigm.getKey();
            if (infinitive.endsWith(ending) && infinitive.length() > ending.length()) {
                String stem = infinitive.substring(0, infinitive.length() - ending.length());
                LinkedHashSet<String> forms = new LinkedHashSet<>();
                forms.add(infinitive);
                paradigm.getValue().forEach(e -> forms.add(e.equals(NO_ENDING) ? stem : stem + e));
                unaccentedByInfinitive.getOrDefault(ending, List.of()).forEach(e -> forms.add(stem + e));
                return List.copyOf(forms);
            }
        }
        throw new IllegalArgumentException("'" + infinitive + "*': no conjugation of infinitives ending like it"
                + (endingsByInfinitive.isEmpty()
                        ? " (this language has no conjugations.tsv)"
                        : " in conjugations.tsv"));
    }
}
