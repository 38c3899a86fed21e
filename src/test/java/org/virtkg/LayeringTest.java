package org.virtkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.virtkg.testing.Fixtures;

/**
 * Packages are capabilities, layered: each package below the edge may use only the packages of
 * ours listed for it here, and none of the HTTP edge's libraries. So the knowledge layer
 * ({@code knowledge}: catalogue, class reasoning, selection) can be used and tested without a
 * server, and nothing below {@code api}/{@code app} reaches up into request handling.
 *
 * <p>What counts is every reference in code (imports and fully qualified names), comments and
 * string literals left out. {@code api}, {@code app}, {@code cli} and {@code bench} are the top:
 * they may use anything.
 */
class LayeringTest {
    /** Our packages each lower package may use (besides itself). */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("reasoner", Set.of()),
            Map.entry("store", Set.of()),
            Map.entry("security", Set.of()),
            Map.entry("metrics", Set.of()),
            Map.entry("pages", Set.of()),
            Map.entry("kb", Set.of("reasoner", "store")),
            Map.entry("claims", Set.of("kb", "reasoner", "store")),
            Map.entry("sparql", Set.of("store")),
            Map.entry("imports", Set.of("kb", "store")),
            Map.entry("knowledge", Set.of("kb", "claims", "reasoner", "store", "imports")));

    /** Packages that may use anything of ours. */
    static final Set<String> TOP = Set.of("api", "app", "cli", "bench");

    /** Libraries of the HTTP edge (and its JSON binding) that no package of the knowledge layer or below may use. */
    static final Map<String, List<String>> EDGE_LIBRARIES = Map.of(
            "knowledge", List.of("io.javalin", "org.eclipse.jetty", "jakarta.servlet", "com.fasterxml.jackson"),
            "kb", List.of("io.javalin", "org.eclipse.jetty", "jakarta.servlet", "com.fasterxml.jackson"),
            "claims", List.of("io.javalin", "org.eclipse.jetty", "jakarta.servlet", "com.fasterxml.jackson"),
            "store", List.of("io.javalin", "jakarta.servlet"),
            "reasoner", List.of("io.javalin", "org.eclipse.jetty", "jakarta.servlet", "com.fasterxml.jackson"),
            "sparql", List.of("io.javalin"));

    private static final Pattern OURS = Pattern.compile("\\borg\\.virtkg\\.([a-z]+)\\.");

    @Test
    void noPackageReachesAboveItsLayer() throws IOException {
        Path root = Fixtures.projectDir().resolve("src/main/java/org/virtkg");
        List<String> violations = new ArrayList<>();
        Map<String, Integer> filesSeen = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path rel = root.relativize(f);
                if (rel.getNameCount() < 2) continue; // Main.java, the entry point, is the top
                String pkg = rel.getName(0).toString();
                filesSeen.merge(pkg, 1, Integer::sum);
                violations.addAll(violations(pkg, rel.toString(), Files.readString(f)));
            }
        }
        // Every package is placed: a new one must be given its layer here.
        for (String pkg : filesSeen.keySet())
            assertTrue(TOP.contains(pkg) || ALLOWED.containsKey(pkg), "package '" + pkg + "' has no layer in LayeringTest");
        assertTrue(filesSeen.getOrDefault("knowledge", 0) > 0, "the knowledge layer exists");
        assertEquals(List.of(), violations);
    }

    /** The check itself finds what it is meant to find, and not what it should ignore. */
    @Test
    void theCheckSeesReferencesInCodeOnly() {
        String upward = """
                package org.virtkg.knowledge;
                import org.virtkg.api.Problem;
                class X { Object o = new org.virtkg.app.VirtkgServer(); io.javalin.http.Context c; }
                """;
        List<String> found = violations("knowledge", "X.java", upward);
        assertEquals(3, found.size(), found.toString());
        assertTrue(found.get(0).contains("org.virtkg.api"), found.toString());
        String harmless = """
                package org.virtkg.knowledge;
                /** Rendered by {@link org.virtkg.api.SelectionRoutes}. */
                class Y { String s = "org.virtkg.api.Problem // io.javalin."; /* org.virtkg.app. */ org.virtkg.kb.Snapshot ok; }
                """;
        assertEquals(List.of(), violations("knowledge", "Y.java", harmless));
        assertFalse(violations("sparql", "Z.java", "class Z { org.virtkg.api.Http h; }").isEmpty());
    }

    static List<String> violations(String pkg, String file, String source) {
        List<String> out = new ArrayList<>();
        if (TOP.contains(pkg)) return out;
        String code = codeOnly(source);
        Set<String> allowed = ALLOWED.getOrDefault(pkg, Set.of());
        Matcher m = OURS.matcher(code);
        while (m.find()) {
            String used = m.group(1);
            if (!used.equals(pkg) && !allowed.contains(used)) out.add(file + ": " + pkg + " uses org.virtkg." + used);
        }
        for (String lib : EDGE_LIBRARIES.getOrDefault(pkg, List.of()))
            if (Pattern.compile("\\b" + Pattern.quote(lib) + "\\.").matcher(code).find()) out.add(file + ": " + pkg + " uses " + lib);
        return out;
    }

    /** {@code source} without comments and the contents of string, text-block and character literals. */
    static String codeOnly(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0, n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                while (i < n && source.charAt(i) != '\n') i++;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.append(' ');
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                i = end < 0 ? n : end + 3;
                out.append("\"\"");
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < n && source.charAt(i) != c) i += source.charAt(i) == '\\' ? 2 : 1;
                i++;
                out.append(c).append(c);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
