package org.podium;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package structure, read from what {@code src/main/java} refers to (imports and qualified names,
 * comments left out): a pure domain core without Camel, ingest and poll beside the outbox rather than
 * on it, and the published documents built in the outbox alone (README, "Architecture").
 */
class PackageDependenciesTest {

    static final Path SOURCES = Path.of("src/main/java");
    static final Set<String> DOMAIN_CORE = Set.of("model", "feed", "championship", "combined", "invitation");
    static final Set<String> ADAPTERS = Set.of("store", "ingest", "poll", "recompute", "outbox", "app");
    static final Pattern PODIUM = Pattern.compile("\\borg\\.podium\\.([a-z]+)\\b");
    static final Pattern CAMEL = Pattern.compile("\\borg\\.apache\\.camel\\b");
    /** What building a JSON document takes: a tree to fill, or the one JSON writer's building and writing. */
    static final Pattern DOCUMENT_BUILDING = Pattern.compile(
            "\\bcom\\.fasterxml\\.jackson\\.databind\\.node\\.(ObjectNode|ArrayNode)\\b"
                    + "|\\bJson\\.(object|array|bytes|lines|strings|integers)\\(");
    /** Writers of JSON that is not published: the canonical input format, and the inbox's rejection reports. */
    static final Set<String> JSON_OUTSIDE_THE_OUTBOX = Set.of("feed/CanonicalJson.java", "ingest/Rejections.java");

    /** Each source file (relative to org/podium) and its code without comments. */
    static Map<String, String> code;

    @BeforeAll
    static void read() throws IOException {
        code = new TreeMap<>();
        Path root = SOURCES.resolve("org/podium");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                code.put(root.relativize(f).toString().replace('\\', '/'), withoutComments(Files.readString(f, StandardCharsets.UTF_8)));
            }
        }
        assertThat(code).as("the sources under " + root).hasSizeGreaterThan(100);
    }

    /** The top package of a source file: {@code outbox} for {@code outbox/Publisher.java}. */
    static String packageOf(String file) {
        int slash = file.indexOf('/');
        return slash < 0 ? "" : file.substring(0, slash);
    }

    /** Every file of the given packages that refers to the pattern, with what it refers to. */
    static List<String> referring(Set<String> packages, Pattern pattern) {
        List<String> found = new ArrayList<>();
        code.forEach((file, text) -> {
            if (!packages.contains(packageOf(file))) return;
            Set<String> hits = new TreeSet<>();
            Matcher m = pattern.matcher(text);
            while (m.find()) hits.add(m.group());
            if (!hits.isEmpty()) found.add(file + " -> " + hits);
        });
        return found;
    }

    static List<String> usingPodiumPackages(Set<String> packages, Set<String> forbidden) {
        List<String> found = new ArrayList<>();
        code.forEach((file, text) -> {
            if (!packages.contains(packageOf(file))) return;
            Set<String> hits = new TreeSet<>();
            Matcher m = PODIUM.matcher(text);
            while (m.find()) if (forbidden.contains(m.group(1)) && !m.group(1).equals(packageOf(file))) hits.add(m.group());
            if (!hits.isEmpty()) found.add(file + " -> " + hits);
        });
        return found;
    }

    @Test
    void theDomainCoreKnowsNothingOfCamel() {
        assertThat(referring(DOMAIN_CORE, CAMEL)).isEmpty();
    }

    @Test
    void theDomainCoreDependsOnNoAdapter() {
        assertThat(usingPodiumPackages(DOMAIN_CORE, ADAPTERS)).isEmpty();
    }

    @Test
    void ingestAndPollDoNotReachIntoTheOutbox() {
        assertThat(usingPodiumPackages(Set.of("ingest", "poll"), Set.of("outbox"))).isEmpty();
    }

    @Test
    void theRecomputeIsPlainJavaThatTheRoutesCall() {
        assertThat(referring(Set.of("recompute"), CAMEL)).isEmpty();
        assertThat(usingPodiumPackages(Set.of("recompute"), Set.of("outbox", "ingest", "poll", "app"))).isEmpty();
    }

    @Test
    void theSupportPackageStandsOnNothingElse() {
        assertThat(referring(Set.of("support"), CAMEL)).isEmpty();
        Set<String> others = new TreeSet<>(DOMAIN_CORE);
        others.addAll(ADAPTERS);
        assertThat(usingPodiumPackages(Set.of("support"), others)).isEmpty();
    }

    @Test
    void onlyTheOutboxBuildsPublishedDocuments() {
        Set<String> elsewhere = new TreeSet<>();
        code.keySet().forEach(f -> elsewhere.add(packageOf(f)));
        elsewhere.removeAll(Set.of("outbox", "support"));
        List<String> found = referring(elsewhere, DOCUMENT_BUILDING);
        found.removeIf(hit -> JSON_OUTSIDE_THE_OUTBOX.stream().anyMatch(hit::startsWith));
        assertThat(found).isEmpty();
        // the outbox does build them, so the pattern above finds what it looks for
        assertThat(referring(Set.of("outbox"), DOCUMENT_BUILDING))
                .anyMatch(hit -> hit.startsWith("outbox/StandingsDocument.java"))
                .anyMatch(hit -> hit.startsWith("outbox/CombinedDocument.java"))
                .anyMatch(hit -> hit.startsWith("outbox/NoticeDocument.java"));
    }

    @Test
    void theChecksSeeWhatTheyAreAbout() {
        // a rule over packages that do not exist would pass without checking anything
        Set<String> packages = new TreeSet<>();
        code.keySet().forEach(f -> packages.add(packageOf(f)));
        assertThat(packages).containsAll(DOMAIN_CORE).containsAll(ADAPTERS).contains("support");
        assertThat(referring(Set.of("app", "ingest", "poll"), CAMEL)).isNotEmpty();
        assertThat(usingPodiumPackages(Set.of("outbox"), Set.of("recompute"))).isNotEmpty();
        assertThat(withoutComments("a /* org.apache.camel */ b // org.apache.camel\nc \"//\" d"))
                .doesNotContain("camel").contains("a", "b", "c", "d");
    }

    /** The code with its comments blanked out (strings are kept, so a {@code //} inside one is not a comment). */
    static String withoutComments(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                // a text block is three quotes; its content never ends at a single quote
                boolean block = source.startsWith("\"\"\"", i);
                String end = block ? "\"\"\"" : String.valueOf(c);
                int j = i + end.length();
                while (j < n && !source.startsWith(end, j)) j += source.charAt(j) == '\\' ? 2 : 1;
                j = Math.min(n, j + end.length());
                out.append(source, i, j);
                i = j;
            } else if (source.startsWith("//", i)) {
                while (i < n && source.charAt(i) != '\n') i++;
            } else if (source.startsWith("/*", i)) {
                int j = source.indexOf("*/", i + 2);
                i = j < 0 ? n : j + 2;
                out.append(' ');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
