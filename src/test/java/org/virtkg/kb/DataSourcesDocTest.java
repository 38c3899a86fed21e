package org.virtkg.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;

/**
 * docs/data-sources.md against the shipped files: every data file and every outside address is
 * listed, and each shipped Nova release has a refresh command that reproduces its release, date
 * and address, and the table's commit.
 */
class DataSourcesDocTest {
    static final Path DOC = Kb.projectDir().resolve("docs/data-sources.md");
    static final Node DERIVED = Kb.uri(Kb.PROV + "wasDerivedFrom");

    static String doc() throws Exception {
        return Files.readString(DOC);
    }

    @Test
    void everyDataFileAndEveryOutsideAddressIsListed() throws Exception {
        String doc = doc();
        Set<String> missing = new TreeSet<>();
        for (Path f : Kb.dataFiles()) {
            String name = "data/" + f.getFileName();
            if (!doc.contains("`" + name + "`")) missing.add(name);
            DatasetGraph d = Kb.parseDataset(f);
            d.find(Node.ANY, Node.ANY, DERIVED, Node.ANY).forEachRemaining(q -> {
                if (q.getObject().isURI() && q.getObject().getURI().startsWith("http") && !q.getObject().getURI().startsWith("https://w3id.org/virtkg/")
                        && !doc.contains(q.getObject().getURI()))
                    missing.add(q.getObject().getURI() + " (" + name + ")");
            });
        }
        assertEquals(Set.of(), missing, "not in docs/data-sources.md");
    }

    /** The doc's refresh commands, continuation lines joined: release → the whole command. */
    static List<String> refreshCommands(String doc) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\./virtkg import nova-matrix (?:[^\\n]*\\\\\\n)*[^\\n]*").matcher(doc);
        while (m.find()) out.add(m.group().replaceAll("\\\\\\n\\s*", ""));
        return out;
    }

    static String option(String command, String name) {
        Matcher m = Pattern.compile("--" + name + " (\\S+)").matcher(command);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void eachShippedNovaReleaseHasTheCommandThatMadeIt() throws Exception {
        String doc = doc();
        List<String> commands = refreshCommands(doc);
        List<Path> nova = Kb.dataFiles().stream().filter(p -> p.getFileName().toString().startsWith("nova-")).toList();
        assertTrue(nova.size() >= 2, "at least two shipped releases");
        for (Path f : nova) {
            DatasetGraph d = Kb.parseDataset(f);
            Node g = d.listGraphNodes().next();
            Graph self = d.getGraph(g);
            String release = literal(self, g, "release"), commit = literal(self, g, "commit"), asOf = literal(self, g, "asOf");
            String address = self.find(g, DERIVED, Node.ANY).next().getObject().getURI();
            String command = commands.stream().filter(c -> release.equals(option(c, "release"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no refresh command for release " + release));
            assertEquals("data/" + f.getFileName(), option(command, "out"), command);
            assertEquals(asOf, option(command, "date"), command);
            assertEquals(address, option(command, "source"), command);
            assertTrue(address.contains("/blob/" + commit + "/"), address);
            assertTrue(Pattern.compile("\\| " + Pattern.quote(release) + "[^|]*\\| `[^`]+` \\| `" + commit + "` \\| " + asOf + " \\| `data/" + f.getFileName() + "` \\|")
                    .matcher(doc).find(), "the table row of release " + release);
        }
    }

    @Test
    void theShippedReleasesDifferInTheirDriversAsTheDocSays() {
        // "train still has the XenServer, libvirt-xen, PowerVM and Hyper-V drivers; 2023.1 has Hyper-V but none of the others; 2026.1 has none of them."
        assertEquals(Set.of("xenserver", "libvirt-xen", "powervm", "hyperv"), retired("train"));
        assertEquals(Set.of("hyperv"), retired("2023.1"));
        assertEquals(Set.of(), retired("2026.1"));
    }

    private static Set<String> retired(String release) {
        Graph g = Kb.asserted().getGraph(Kb.uri(Kb.SOURCE + "nova/" + release));
        Set<String> out = new TreeSet<>();
        for (String d : List.of("xenserver", "libvirt-xen", "powervm", "hyperv"))
            if (g.contains(Kb.id("nova-driver-" + d), Kb.vkg("driverKey"), Node.ANY)) out.add(d);
        return out;
    }

    private static String literal(Graph g, Node s, String property) {
        return g.find(s, Kb.vkg(property), Node.ANY).next().getObject().getLiteralLexicalForm();
    }
}
