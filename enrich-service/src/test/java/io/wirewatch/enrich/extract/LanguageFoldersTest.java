package io.wirewatch.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.wirewatch.knowledge.KnowledgeTable;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A language is a folder of the knowledge base: this pins that every language the extractor reads has every file and
 * every word class English has, and that its trigger frames compile, so that a missing class is a build failure rather
 * than a phrasing silently never found.
 */
class LanguageFoldersTest {

    private static final List<String> FILES = List.of(
            "lexicon.tsv",
            "triggers.tsv",
            "reporting-verbs.tsv",
            "number-words.tsv",
            "time-words.tsv",
            "roles.tsv",
            "organisations.tsv",
            "regions.tsv",
            "actor-names.tsv");

    static List<String> languages() {
        return ArticleExtractor.LANGUAGES;
    }

    @ParameterizedTest
    @MethodSource("languages")
    void shouldHaveEveryFileTheEnglishFolderHas(String language) {
        for (String file : FILES) {
            assertThat(KnowledgeTable.readIfPresent(Language.KNOWLEDGE_ROOT + language + "/" + file))
                    .as("%s/%s", language, file)
                    .isPresent();
        }
    }

    @ParameterizedTest
    @MethodSource("languages")
    void shouldDefineEveryWordClassTheEnglishLexiconDefines(String language) {
        Set<String> english = classes("en");
        Set<String> classes = classes(language);
        assertThat(classes).as("word classes of %s/lexicon.tsv", language).containsAll(english);
    }

    @ParameterizedTest
    @MethodSource("languages")
    void shouldCompileEveryTriggerAndLoadTheWholeFolder(String language) {
        // Language.load reads the lexicon, compiles each trigger frame against it, and reads numbers and time words
        assertThatCode(() -> Language.load(language)).doesNotThrowAnyException();
        Language loaded = Language.load(language);
        assertThat(loaded.triggers().all()).isNotEmpty();
        // each frame's classes resolve in this language's lexicon (a frame naming a missing class fails to compile)
        assertThat(loaded.triggers().all())
                .allSatisfy(trigger -> assertThat(trigger.pattern().firstWords())
                        .satisfiesAnyOf(
                                first -> assertThat(first).isNull(),
                                first -> assertThat(first).isNotEmpty()));
    }

    private static Set<String> classes(String language) {
        return KnowledgeTable.read(Language.KNOWLEDGE_ROOT + language + "/lexicon.tsv").rows().stream()
                .map(row -> row.get("class"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @ParameterizedTest
    @MethodSource("languages")
    void shouldMarkEveryRoleFirstWordAndHonorificOnTheLanguagesTokens(String language) {
        // The gazetteer trusts the marks only when they cover its tables; a role written so that its first token is
        // no marked word would silently cost the probe of every token again.
        Gazetteer gazetteer = Gazetteer.load(io.wirewatch.knowledge.World.standard(), Language.load(language));
        assertThat(gazetteer.marksRolesAndHonorifics()).isTrue();
    }
}
