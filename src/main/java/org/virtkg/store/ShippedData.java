package org.virtkg.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;

/**
 * Keeps the graphs that come from the repository's {@code ontology/} and {@code data/} folders in
 * step with those files.
 *
 * <p>The first start loads every file. Later starts compare each file's SHA-256 with the hash
 * recorded in the {@link Graphs#SYSTEM} graph and reload only files that changed, were added or
 * were removed. User graphs are never touched. The sync is one change through the knowledge base's
 * write pipeline (validated, reasoned over, logged with kind {@code sync}, revertable): a crash
 * half-way leaves the previous state, and the next start simply tries again.
 */
public final class ShippedData {
    private static final String SYS = Graphs.BASE + "system#";
    private static final Node SHA256 = NodeFactory.createURI(SYS + "sha256");
    private static final Node PRODUCED = NodeFactory.createURI(SYS + "producedGraph");
    private static final Node SHIPPED_FILE = NodeFactory.createURI(SYS + "ShippedFile");
    private static final Node RDF_TYPE = NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");

    /** What one sync did, for logs and tests. */
    public record Report(List<String> loaded, List<String> unchanged, List<String> removed, long triples) {
        public boolean changed() {
            return !loaded.isEmpty() || !removed.isEmpty();
        }

        /** One line for the change log, e.g. {@code shipped data: loaded data/paper.trig; removed data/old.ttl}. */
        public String summary() {
            StringBuilder sb = new StringBuilder("shipped data");
            String sep = ": ";
            if (!loaded.isEmpty()) {
                sb.append(sep).append("loaded ").append(String.join(", ", loaded));
                sep = "; ";
            }
            if (!removed.isEmpty()) sb.append(sep).append("removed ").append(String.join(", ", removed));
            return sb.toString();
        }
    }

    private final Path ontologyDir;
    private final Path dataDir;
    private final Consumer<String> progress;

    public ShippedData(Path ontologyDir, Path dataDir, Consumer<String> progress) {
        this.ontologyDir = ontologyDir;
        this.dataDir = dataDir;
        this.progress = progress;
    }

    /**
     * What {@link #apply} would do to {@code dsg} now, without changing it (the caller holds a
     * read transaction); {@link Report#triples()} is 0.
     */
    public Report plan(DatasetGraph dsg) {
        return run(dsg, false);
    }

    /**
     * Brings the shipped graphs in {@code dsg} up to date with the files, inside the caller's
     * write transaction (in virtkg, always a change of kind {@code sync} through the knowledge
     * base's write pipeline). A file that fails to parse throws, so the whole change is refused
     * and the store stays exactly as it was.
     */
    public Report apply(DatasetGraph dsg) {
        return run(dsg, true);
    }

    private Report run(DatasetGraph dsg, boolean write) {
        Map<String, Path> files = shippedFiles();
        Node system = Graphs.node(Graphs.SYSTEM);
        List<String> loaded = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        long triples = 0;

        Set<String> recorded = new LinkedHashSet<>();
        dsg.find(system, Node.ANY, RDF_TYPE, SHIPPED_FILE).forEachRemaining(q -> recorded.add(q.getSubject().getURI()));
        for (String key : recorded) {
            if (!files.containsKey(fileKeyOf(key))) {
                if (write) dropRecordedGraphs(dsg, NodeFactory.createURI(key));
                removed.add(fileKeyOf(key));
            }
        }
        for (var e : files.entrySet()) {
            String key = e.getKey();
            Node fileNode = NodeFactory.createURI(fileIri(key));
            String hash = sha256(e.getValue());
            if (dsg.contains(system, fileNode, SHA256, NodeFactory.createLiteralString(hash))) {
                unchanged.add(key);
                continue;
            }
            loaded.add(key);
            if (!write) continue;
            dropRecordedGraphs(dsg, fileNode);
            triples += load(dsg, key, e.getValue(), fileNode);
            dsg.add(system, fileNode, RDF_TYPE, SHIPPED_FILE);
            dsg.add(system, fileNode, SHA256, NodeFactory.createLiteralString(hash));
        }
        return new Report(loaded, unchanged, removed, triples);
    }

    /** Shipped files by their key: the path relative to the project, e.g. {@code data/paper.trig}. */
    Map<String, Path> shippedFiles() {
        Map<String, Path> files = new LinkedHashMap<>();
        collect(ontologyDir, "ontology/", files);
        collect(dataDir, "data/", files);
        return files;
    }

    private static void collect(Path dir, String prefix, Map<String, Path> into) {
        if (dir == null || !Files.isDirectory(dir)) return;
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(Files::isRegularFile)
                    .filter(p -> RDFLanguages.filenameToLang(p.getFileName().toString()) != null)
                    .sorted()
                    .forEach(p -> into.put(prefix + p.getFileName(), p));
        } catch (IOException e) {
            throw new StoreException("Cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The graph that triples (not quads) of a shipped file go into. */
    static String graphFor(String key) {
        String name = key.substring(key.indexOf('/') + 1);
        String stem = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        if (key.startsWith("ontology/")) {
            if (stem.equals("virtkg")) return Graphs.ONTOLOGY;
            if (stem.equals("shapes")) return Graphs.SHAPES;
            return Graphs.GRAPH + "ontology/" + stem;
        }
        return Graphs.DATA + stem;
    }

    private long load(DatasetGraph dsg, String key, Path file, Node fileNode) {
        Lang lang = RDFLanguages.filenameToLang(file.getFileName().toString());
        DatasetGraph parsed = DatasetGraphFactory.create();
        try {
            RDFParser.source(file).lang(lang).base(Graphs.ID).parse(StreamRDFLib.dataset(parsed));
        } catch (RiotException ex) {
            throw new StoreException("Cannot parse shipped file " + key + ": " + ex.getMessage(), ex);
        }
        Node defaultTarget = Graphs.node(graphFor(key));
        Node system = Graphs.node(Graphs.SYSTEM);
        long count = 0;
        Set<Node> graphs = new LinkedHashSet<>();
        for (var it = parsed.find(); it.hasNext(); ) {
            Quad q = it.next();
            Node g = q.isDefaultGraph() ? defaultTarget : q.getGraph();
            if (!g.isURI() || Graphs.isSystemManaged(g.getURI()) || !(Graphs.isShipped(g.getURI()) || Graphs.isImported(g.getURI())))
                throw new StoreException("Shipped file " + key + " writes graph " + g
                        + ", which is not a shipped graph (allowed: " + Graphs.SOURCE + "…, " + Graphs.GRAPH + "…)");
            // A shipped import (data/nova-*.trig) is the whole of its graph: an import an admin
            // made earlier under the same name gives way, as the import now refuses that name.
            if (graphs.add(g) && Graphs.isImported(g.getURI())) dsg.removeGraph(g);
            dsg.add(g, q.getSubject(), q.getPredicate(), q.getObject());
            count++;
        }
        for (Node g : graphs) dsg.add(system, fileNode, PRODUCED, g);
        progress.accept(String.format(Locale.ROOT, "loaded %-32s %,8d triples in %d graph(s)", key, count, graphs.size()));
        return count;
    }

    /**
     * True when a shipped file produced {@code graph} (e.g. a release of Nova's matrix shipped as
     * {@code data/nova-2026.1.trig}): the sync owns it, so an import must not write it.
     */
    public static boolean ships(DatasetGraph dsg, Node graph) {
        return dsg.contains(Graphs.node(Graphs.SYSTEM), Node.ANY, PRODUCED, graph);
    }

    private static void dropRecordedGraphs(DatasetGraph dsg, Node fileNode) {
        Node system = Graphs.node(Graphs.SYSTEM);
        List<Node> graphs = new ArrayList<>();
        dsg.find(system, fileNode, PRODUCED, Node.ANY).forEachRemaining(q -> graphs.add(q.getObject()));
        for (Node g : graphs) dsg.removeGraph(g);
        dsg.deleteAny(system, fileNode, Node.ANY, Node.ANY);
    }

    private static String fileIri(String key) {
        return Graphs.BASE + "shipped/" + key;
    }

    private static String fileKeyOf(String iri) {
        return iri.substring((Graphs.BASE + "shipped/").length());
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new StoreException("Cannot read shipped file " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
