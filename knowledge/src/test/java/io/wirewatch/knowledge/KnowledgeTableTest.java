package io.wirewatch.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnowledgeTableTest {

    private static final String DIR = "/io/wirewatch/knowledge/test/";

    @Test
    void shouldSkipCommentsAndBlankLinesAndNameColumnsFromTheHeader() {
        KnowledgeTable table = KnowledgeTable.read(DIR + "sample.tsv");

        assertThat(table.comments()).containsExactly("Source: written for the loader tests.", "Licence: CC0.");
        assertThat(table.columns()).containsExactly("code", "name", "members");
        assertThat(table.rows()).extracting(r -> r.get("code")).containsExactly("AA", "BB");
    }

    @Test
    void shouldNumberRowsByTheirLineInTheFile() {
        List<KnowledgeTable.Row> rows = KnowledgeTable.read(DIR + "sample.tsv").rows();

        assertThat(rows).extracting(KnowledgeTable.Row::line).containsExactly(6, 7);
        assertThat(rows.get(0).source()).isEqualTo(DIR + "sample.tsv");
    }

    @Test
    void shouldGiveEmptyCellsAsEmptyStringsAndEmptyLists() {
        KnowledgeTable.Row row = KnowledgeTable.read(DIR + "sample.tsv").rows().get(1);

        assertThat(row.get("name")).isEmpty();
        assertThat(row.list("members")).isEmpty();
    }

    @Test
    void shouldSplitListsOnSemicolonsTrimmingAndDroppingEmptyItems() {
        KnowledgeTable.Row row = KnowledgeTable.read(DIR + "sample.tsv").rows().get(0);

        assertThat(row.list("members")).containsExactly("X", "Y", "Z");
        assertThat(row.cells()).containsEntry("name", "Alpha").hasSize(3);
    }

    @Test
    void shouldReadGzippedTablesByTheirExtension() {
        KnowledgeTable plain = KnowledgeTable.read(DIR + "sample.tsv");
        KnowledgeTable gzipped = KnowledgeTable.read(DIR + "sample.tsv.gz");

        assertThat(gzipped.columns()).isEqualTo(plain.columns());
        assertThat(gzipped.rows())
                .extracting(KnowledgeTable.Row::cells)
                .isEqualTo(plain.rows().stream().map(KnowledgeTable.Row::cells).toList());
    }

    @Test
    void shouldStreamRowsWithoutKeepingThem() {
        List<String> codes = new ArrayList<>();

        List<String> columns = KnowledgeTable.forEachRow(DIR + "sample.tsv.gz", row -> codes.add(row.get("code")));

        assertThat(columns).containsExactly("code", "name", "members");
        assertThat(codes).containsExactly("AA", "BB");
    }

    @Test
    void shouldNameTheFileAndLineOfARowWithTheWrongNumberOfCells() {
        assertThatThrownBy(() -> KnowledgeTable.read(DIR + "bad-row.tsv"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(DIR + "bad-row.tsv:4: expected 2 cells");
    }

    @Test
    void shouldNameTheFileAndLineWhenAskedForAColumnTheTableHasNot() {
        KnowledgeTable.Row row = KnowledgeTable.read(DIR + "sample.tsv").rows().get(0);

        assertThatThrownBy(() -> row.get("population"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(DIR + "sample.tsv:6: no column 'population'");
    }

    @Test
    void shouldBuildRowErrorsThatNameFileAndLine() {
        KnowledgeTable.Row row = KnowledgeTable.read(DIR + "sample.tsv").rows().get(1);

        assertThat(row.error("unknown code")).hasMessage(DIR + "sample.tsv:7: unknown code");
    }

    @Test
    void shouldRefuseAMissingFileNamingIt() {
        assertThatThrownBy(() -> KnowledgeTable.read(DIR + "nowhere.tsv"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(DIR + "nowhere.tsv");
        assertThat(KnowledgeTable.readIfPresent(DIR + "nowhere.tsv")).isEmpty();
        assertThat(KnowledgeTable.readIfPresent(DIR + "sample.tsv")).isPresent();
    }

    @Test
    void shouldRefuseAFileWithoutHeaderOrWithADuplicateColumn() {
        assertThatThrownBy(() -> KnowledgeTable.read(DIR + "no-header.tsv"))
                .hasMessage(DIR + "no-header.tsv: no header line");
        assertThatThrownBy(() -> KnowledgeTable.read(DIR + "duplicate-column.tsv"))
                .hasMessage(DIR + "duplicate-column.tsv:1: header names 'code' twice");
    }
}
