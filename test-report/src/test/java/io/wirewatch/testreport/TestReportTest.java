package io.wirewatch.testreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.wirewatch.testreport.TestReport.Outcome;
import io.wirewatch.testreport.TestReport.Result;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestReportTest {

    private static final String BROWSER_REPORT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuite name="io.wirewatch.alert.http.AlertPageBrowserIT" tests="3" errors="0" skipped="2" failures="0">
              <properties><property name="java.version" value="17"/></properties>
              <testcase name="shouldShowANewAlertWithoutReload" classname="io.wirewatch.alert.http.AlertPageBrowserIT" time="0">
                <skipped message="Assumption failed: Skipping the browser test: no Chromium at /usr/bin/chromium (apt-get install chromium)"/>
              </testcase>
              <testcase name="shouldFilterByType" classname="io.wirewatch.alert.http.AlertPageBrowserIT" time="0">
                <skipped message="Assumption failed: Skipping the browser test: no Chromium at /usr/bin/chromium (apt-get install chromium)"/>
              </testcase>
              <testcase name="shouldServeThePage" classname="io.wirewatch.alert.http.AlertPageBrowserIT" time="0.2"/>
            </testsuite>
            """;

    private static final String UNIT_REPORT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuite name="io.wirewatch.alert.rules.NoveltyTest" tests="2" errors="1" skipped="0" failures="1">
              <testcase name="shouldRaiseOnce" classname="io.wirewatch.alert.rules.NoveltyTest" time="0.01">
                <failure message="expected: 1&#10;but was: 2" type="org.opentest4j.AssertionFailedError">stack</failure>
              </testcase>
              <testcase name="shouldFoldUpdates" classname="io.wirewatch.alert.rules.NoveltyTest" time="0.01">
                <error message="boom" type="java.lang.IllegalStateException">stack</error>
              </testcase>
            </testsuite>
            """;

    @TempDir
    Path root;

    @Test
    void shouldNameEverySkippedTestWithTheReasonItGaveWithoutJUnitsPrefix() throws IOException {
        // Given a Failsafe report where two of three browser tests skipped themselves
        List<Outcome> outcomes = parse("alert-service", BROWSER_REPORT);

        // When it is rendered
        String report = TestReport.render(outcomes);

        // Then the closing line counts them and each skipped test has its own line with its reason
        assertThat(report.lines().toList())
                .containsExactly(
                        "tests: 1 passed, 0 failed, 2 skipped",
                        "  SKIPPED alert-service AlertPageBrowserIT.shouldShowANewAlertWithoutReload: Skipping the browser test: "
                                + "no Chromium at /usr/bin/chromium (apt-get install chromium)",
                        "  SKIPPED alert-service AlertPageBrowserIT.shouldFilterByType: Skipping the browser test: "
                                + "no Chromium at /usr/bin/chromium (apt-get install chromium)");
    }

    @Test
    void shouldTakeTheReasonFromTheStackTraceWhenTheSkipHasNoMessage() throws IOException {
        // How Failsafe 3.5 writes an assumption that failed in @BeforeEach of a parameterised test method
        List<Outcome> outcomes = parse("alert-service", """
                <testsuite name="io.wirewatch.alert.http.AlertPageBrowserIT" tests="1" skipped="1">
                  <testcase name="shouldShowAlertsLive(Path)" classname="io.wirewatch.alert.http.AlertPageBrowserIT" time="0.0">
                    <skipped type="org.opentest4j.TestAbortedException"><![CDATA[org.opentest4j.TestAbortedException: \
                Assumption failed: Skipping the browser test: no Chromium at /usr/bin/chromium (apt-get install chromium)
                	at org.junit.jupiter.api.Assumptions.throwAssumptionFailed(Assumptions.java:321)
                ]]></skipped>
                  </testcase>
                </testsuite>
                """);

        assertThat(TestReport.render(outcomes).lines().toList())
                .containsExactly(
                        "tests: 0 passed, 0 failed, 1 skipped",
                        "  SKIPPED alert-service AlertPageBrowserIT.shouldShowAlertsLive(Path): Skipping the browser test: "
                                + "no Chromium at /usr/bin/chromium (apt-get install chromium)");
    }

    @Test
    void shouldCountFailuresAndErrorsAsFailedWithTheFirstLineOfTheirMessage() throws IOException {
        List<Outcome> outcomes = parse("alert-service", UNIT_REPORT);

        assertThat(outcomes).extracting(Outcome::result).containsExactly(Result.FAILED, Result.FAILED);
        assertThat(TestReport.render(outcomes).lines().toList())
                .containsExactly(
                        "tests: 0 passed, 2 failed, 0 skipped",
                        "  FAILED alert-service NoveltyTest.shouldRaiseOnce: expected: 1",
                        "  FAILED alert-service NoveltyTest.shouldFoldUpdates: boom");
    }

    @Test
    void shouldReadBothKindsOfReportOfEveryModuleWrittenSinceTheBuildStartedAndNothingOlder() throws IOException {
        // Given this build's reports in two modules, and a report an earlier build left behind
        Instant buildStarted = Instant.now().minus(Duration.ofMinutes(5));
        write(
                "alert-service/target/failsafe-reports/TEST-io.wirewatch.alert.http.AlertPageBrowserIT.xml",
                BROWSER_REPORT,
                buildStarted.plusSeconds(60));
        write(
                "launcher/target/surefire-reports/TEST-io.wirewatch.launcher.UpOptionsTest.xml",
                """
                <testsuite name="io.wirewatch.launcher.UpOptionsTest" tests="1">
                  <testcase name="shouldRefuseABadPort" classname="io.wirewatch.launcher.UpOptionsTest" time="0"/>
                </testsuite>
                """,
                buildStarted.plusSeconds(1));
        write(
                "ingest-service/target/surefire-reports/TEST-io.wirewatch.ingest.OldTest.xml",
                UNIT_REPORT,
                buildStarted.minusSeconds(1));
        write(
                "launcher/target/failsafe-reports/failsafe-summary.xml",
                "<failsafe-summary/>",
                buildStarted.plusSeconds(2));

        // When the root is read
        List<Outcome> outcomes = TestReport.read(root, buildStarted);

        // Then this build's four tests are there, and the stale report's failures are not
        assertThat(outcomes)
                .extracting(Outcome::module, Outcome::name, Outcome::result)
                .containsExactly(
                        tuple("alert-service", "AlertPageBrowserIT.shouldShowANewAlertWithoutReload", Result.SKIPPED),
                        tuple("alert-service", "AlertPageBrowserIT.shouldFilterByType", Result.SKIPPED),
                        tuple("alert-service", "AlertPageBrowserIT.shouldServeThePage", Result.PASSED),
                        tuple("launcher", "UpOptionsTest.shouldRefuseABadPort", Result.PASSED));
    }

    @Test
    void shouldNameTheClassWhenAWholeClassWasSkipped() throws IOException {
        List<Outcome> outcomes = parse("launcher", """
                <testsuite name="io.wirewatch.launcher.AlertPageLiveIT" tests="1" skipped="1">
                  <testcase name="" classname="io.wirewatch.launcher.AlertPageLiveIT" time="0">
                    <skipped message="Assumption failed: no node on PATH"/>
                  </testcase>
                </testsuite>
                """);

        assertThat(TestReport.render(outcomes)).contains("  SKIPPED launcher AlertPageLiveIT: no node on PATH\n");
    }

    @Test
    void shouldSayWhenTheBuildWroteNoReportAtAll() throws IOException {
        assertThat(TestReport.render(TestReport.read(root, Instant.now()))
                        .lines()
                        .toList())
                .containsExactly("tests: 0 passed, 0 failed, 0 skipped", "  no test report was written by this build");
    }

    @Test
    void shouldWriteWhatItPrintsToTheOutputFile() throws IOException {
        Instant buildStarted = Instant.now().minusSeconds(60);
        write(
                "alert-service/target/failsafe-reports/TEST-io.wirewatch.alert.http.AlertPageBrowserIT.xml",
                BROWSER_REPORT,
                buildStarted.plusSeconds(1));
        Path out = root.resolve("test-report/target/test-summary.txt");

        ByteArrayOutputStream terminal = new ByteArrayOutputStream();

        TestReport.run(
                new String[] {root.toString(), buildStarted.toString(), out.toString()},
                new PrintStream(terminal, true, StandardCharsets.UTF_8));

        assertThat(Files.readString(out))
                .startsWith("tests: 1 passed, 0 failed, 2 skipped\n")
                .isEqualTo(terminal.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldReadAReportWhoseTestOutputHoldsCharactersXmlDoesNotAllow() throws IOException {
        // Surefire copies a property test's output as it was: generated strings with U+FFFF and control characters
        String report = """
                <testsuite name="io.wirewatch.ingest.hostile.ParserPropertiesTest" tests="1">
                  <testcase name="shouldNeverThrow" classname="io.wirewatch.ingest.hostile.ParserPropertiesTest" time="1"/>
                  <system-out><![CDATA[tried "\uFFFF\u0001" and &#0; then &#x1F;]]></system-out>
                  <property name="sample" value="a&#0;b&#x41;&#65;"/>
                </testsuite>
                """;

        assertThat(parse("ingest-service", report))
                .extracting(Outcome::name, Outcome::result)
                .containsExactly(tuple("ParserPropertiesTest.shouldNeverThrow", Result.PASSED));
        assertThat(TestReport.xmlCharactersOnly("a\uFFFF\u0001b&#0;&#x1f;&#65;&#x10FFFF;&#xFFFFFFFFF;"))
                .isEqualTo("ab&#65;&#x10FFFF;");
    }

    @Test
    void shouldRefuseAReportThatIsNotXml() {
        assertThatThrownBy(() -> parse("platform", "not xml"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("unreadable test report in platform");
    }

    private static List<Outcome> parse(String module, String xml) throws IOException {
        return TestReport.parse(module, new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private void write(String relative, String content, Instant modified) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }
}
