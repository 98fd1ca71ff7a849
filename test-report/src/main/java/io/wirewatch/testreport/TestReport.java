package io.wirewatch.testreport;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The last step of {@code mvn verify}: reads the Surefire and Failsafe XML reports that this build wrote in every
 * module and prints one closing line, {@code tests: N passed, N failed, N skipped}, then one line per skipped test
 * with the reason it gave. A test that skips itself (the browser tests without Chromium) is then said plainly at the
 * end of the build, never mistaken for one that passed. Reports written before the build started are not counted.
 */
public final class TestReport {

    /** What one test (a {@code testcase} of a report) did. */
    public enum Result {
        PASSED,
        FAILED,
        SKIPPED
    }

    /** One test's outcome; {@code reason} is the skip message (or the failure's), empty when there is none. */
    public record Outcome(String module, String testClass, String test, Result result, String reason) {
        /** {@code Class.method}, with the class's simple name; the class alone when a whole class was skipped. */
        public String name() {
            String simple = testClass.substring(testClass.lastIndexOf('.') + 1);
            return test.isEmpty() || test.equals(testClass) ? simple : simple + "." + test;
        }
    }

    private static final String ASSUMPTION_PREFIX = "Assumption failed: ";
    private static final Pattern INVALID_XML_CHARACTERS =
            Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");
    private static final Pattern CHARACTER_REFERENCE = Pattern.compile("&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));");

    private TestReport() {}

    /** {@code TestReport ROOT BUILD-START OUT}: ROOT holds the modules, BUILD-START is an ISO instant, OUT a file. */
    public static void main(String[] args) throws IOException {
        run(args, System.out);
    }

    /** {@link #main} printing to {@code terminal}. */
    static void run(String[] args, PrintStream terminal) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: TestReport ROOT BUILD-START OUT");
        }
        List<Outcome> outcomes = read(Path.of(args[0]), Instant.parse(args[1]));
        String report = render(outcomes);
        terminal.print(report);
        terminal.flush();
        Path out = Path.of(args[2]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
    }

    /** Every test of the reports under {@code root/<module>/target/{surefire,failsafe}-reports} written since then. */
    public static List<Outcome> read(Path root, Instant since) throws IOException {
        List<Outcome> outcomes = new ArrayList<>();
        try (DirectoryStream<Path> modules = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path module : sorted(modules)) {
                for (String kind : List.of("surefire-reports", "failsafe-reports")) {
                    Path reports = module.resolve("target").resolve(kind);
                    if (!Files.isDirectory(reports)) {
                        continue;
                    }
                    try (Stream<Path> files = Files.list(reports)) {
                        for (Path report :
                                files.filter(TestReport::isTestReport).sorted().toList()) {
                            if (!Files.getLastModifiedTime(report).toInstant().isBefore(since)) {
                                try (InputStream in = Files.newInputStream(report)) {
                                    outcomes.addAll(parse(module.getFileName().toString(), in));
                                }
                            }
                        }
                    }
                }
            }
        }
        return outcomes;
    }

    private static boolean isTestReport(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("TEST-") && name.endsWith(".xml");
    }

    private static List<Path> sorted(DirectoryStream<Path> paths) {
        List<Path> list = new ArrayList<>();
        paths.forEach(list::add);
        list.sort(Comparator.naturalOrder());
        return list;
    }

    /**
     * The {@code testcase} elements of one JUnit XML report (Surefire's and Failsafe's format). Characters XML 1.0
     * does not allow are dropped first: Surefire copies a test's output into the report as it was, and property tests
     * print generated strings (U+FFFF and control characters among them).
     */
    public static List<Outcome> parse(String module, InputStream xml) throws IOException {
        String text = xmlCharactersOnly(new String(xml.readAllBytes(), StandardCharsets.UTF_8));
        Element suite;
        try {
            suite = newBuilder().parse(new InputSource(new StringReader(text))).getDocumentElement();
        } catch (SAXException e) {
            throw new IOException("unreadable test report in " + module + ": " + e.getMessage(), e);
        }
        List<Outcome> outcomes = new ArrayList<>();
        NodeList cases = suite.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element testcase = (Element) cases.item(i);
            String testClass = testcase.getAttribute("classname").isEmpty()
                    ? suite.getAttribute("name")
                    : testcase.getAttribute("classname");
            Element skipped = firstChild(testcase, "skipped");
            Element failed = firstChild(testcase, "failure");
            if (failed == null) {
                failed = firstChild(testcase, "error");
            }
            Result result = failed != null ? Result.FAILED : skipped != null ? Result.SKIPPED : Result.PASSED;
            Element detail = failed != null ? failed : skipped;
            outcomes.add(new Outcome(module, testClass, testcase.getAttribute("name"), result, reason(detail)));
        }
        return outcomes;
    }

    /** Drops characters, and character references to characters, that XML 1.0 does not allow. */
    static String xmlCharactersOnly(String text) {
        String characters = INVALID_XML_CHARACTERS.matcher(text).replaceAll("");
        return CHARACTER_REFERENCE.matcher(characters).replaceAll(reference -> {
            boolean hex = reference.group(1) != null;
            String digits = hex ? reference.group(1) : reference.group(2);
            int codePoint;
            try {
                codePoint = Integer.parseInt(digits, hex ? 16 : 10);
            } catch (NumberFormatException e) {
                return "";
            }
            boolean allowed = codePoint <= Character.MAX_CODE_POINT
                    && !INVALID_XML_CHARACTERS
                            .matcher(new String(Character.toChars(codePoint)))
                            .matches();
            return allowed ? Matcher.quoteReplacement(reference.group()) : "";
        });
    }

    /** The closing line, then one line per skipped and per failed test. */
    public static String render(List<Outcome> outcomes) {
        long passed = count(outcomes, Result.PASSED);
        long failed = count(outcomes, Result.FAILED);
        long skipped = count(outcomes, Result.SKIPPED);
        StringBuilder text = new StringBuilder();
        text.append("tests: ")
                .append(passed)
                .append(" passed, ")
                .append(failed)
                .append(" failed, ")
                .append(skipped)
                .append(" skipped\n");
        if (outcomes.isEmpty()) {
            text.append("  no test report was written by this build\n");
        }
        for (Outcome outcome : outcomes) {
            if (outcome.result() != Result.PASSED) {
                text.append("  ")
                        .append(outcome.result())
                        .append(' ')
                        .append(outcome.module())
                        .append(' ')
                        .append(outcome.name());
                if (!outcome.reason().isEmpty()) {
                    text.append(": ").append(outcome.reason());
                }
                text.append('\n');
            }
        }
        return text.toString();
    }

    private static long count(List<Outcome> outcomes, Result result) {
        return outcomes.stream().filter(o -> o.result() == result).count();
    }

    private static Element firstChild(Element parent, String name) {
        NodeList children = parent.getElementsByTagName(name);
        return children.getLength() == 0 ? null : (Element) children.item(0);
    }

    /**
     * The first line of the message, or of the stack trace when there is no message, without the exception's type and
     * JUnit's "Assumption failed: " in front of a skip's own reason.
     */
    private static String reason(Element detail) {
        if (detail == null) {
            return "";
        }
        String message = detail.getAttribute("message").strip();
        if (message.isEmpty()) {
            // Failsafe writes some skips as the stack trace only: "org.opentest4j.TestAbortedException:
            // <message>\n\tat"
            message = detail.getTextContent().strip();
            String type = detail.getAttribute("type");
            if (!type.isEmpty() && message.startsWith(type + ": ")) {
                message = message.substring(type.length() + 2);
            }
        }
        if (message.startsWith(ASSUMPTION_PREFIX)) {
            message = message.substring(ASSUMPTION_PREFIX.length());
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline).strip();
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // Reports are local files, but a parser that follows no DTD and no external entity costs nothing.
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // A fatal error becomes the exception parse() reports; the JDK's default handler would also print it to
            // stderr.
            builder.setErrorHandler(new DefaultHandler());
            return builder;
        } catch (ParserConfigurationException e) {
            throw new UncheckedIOException(new IOException("no XML parser: " + e.getMessage(), e));
        }
    }
}
