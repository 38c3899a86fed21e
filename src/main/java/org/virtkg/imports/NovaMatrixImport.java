package org.virtkg.imports;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.virtkg.kb.AsOf;
import org.virtkg.kb.ChangeKind;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.store.Graphs;
import org.virtkg.store.ShippedData;

/**
 * Turns one release of Nova's support matrix into facts, in the graph
 * {@code source/nova/{release}}, and writes them as one change of kind {@code import}.
 *
 * <p>Drivers become {@code vkg:HypervisorDriver} components of Nova linked to the knowledge base's
 * technologies ({@link #TECHNOLOGIES}); features become {@code vkg:Feature} terms in the groups of
 * the feature taxonomy; each driver's value becomes a {@code vkg:FeatureSupport} with its answer
 * (complete → supported, partial → partial, missing → unsupported, unknown → unknown). The graph
 * is the source: it describes itself with the document's address, commit, release and date.
 * Nova's prose (notes, commands) is linked by line, never copied; a partial value's caveat is
 * virtkg's own summary of its note ({@link NovaCaveats}).
 *
 * <p>Importing a release replaces that release's graph with the new conversion, so importing the
 * same file again changes nothing; other releases' graphs are kept, which is what gives support
 * its history (since / until which release).
 */
public final class NovaMatrixImport {
    /** Release names: short, no spaces or slashes, as OpenStack names them ("train", "2026.1"). */
    public static final Pattern RELEASE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");
    /** A git commit id in a source address (GitHub {@code blob/…}, opendev {@code src/commit/…}). */
    private static final Pattern COMMIT_IN_URL = Pattern.compile("/(?:blob|commit|tree|raw)/([0-9a-f]{40})/");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,40}");
    /** Where the matrix lives in Nova's repository. */
    public static final String NOVA_PATH = "doc/source/user/support-matrix.ini";

    /**
     * Nova driver names (by prefix) → the knowledge base's technology ids. Technologies the paper
     * does not name (Virtuozzo, VMware vCenter, Ironic, PowerVM, z/VM) are products in
     * {@code data/current.trig}. A driver not listed here is imported without a technology.
     */
    public static final Map<String, String> TECHNOLOGIES = orderedMap(
            "libvirt-kvm", "KVM",
            "libvirt-qemu", "QEMU",
            "libvirt-lxc", "LXC",
            "libvirt-vz", "Virtuozzo",
            "libvirt-xen", "Xen",
            "xenserver", "XenServer",
            "vmware", "VMwareVCenter",
            "hyperv", "HyperV",
            "ironic", "Ironic",
            "powervm", "PowerVM",
            "zvm", "ZVM");

    /**
     * The platform whose support the matrix states: Nova is OpenStack's compute service, and its
     * in-tree drivers are the hypervisors upstream OpenStack can run guests on.
     */
    public static final String PLATFORM = "OpenStack";

    /** Nova's values → the answer states (support level individuals). */
    public static final Map<String, String> LEVELS = Map.of(
            "complete", "FullSupport", "partial", "PartialSupport", "missing", "NoSupport", "unknown", "UnknownSupport");

    /** Nova's feature groups → the feature taxonomy's groups. */
    public static final Map<String, String> GROUPS = Map.of(
            "operation", "OperationFeatures", "console", "ConsoleFeatures", "storage", "StorageFeatures", "networking", "NetworkingFeatures", "guest", "GuestFeatures");

    private static final String V = Graphs.VOCAB;
    private static final Node PROV_DERIVED = uri("http://www.w3.org/ns/prov#wasDerivedFrom");
    private static final Node PROV_ENTITY = uri("http://www.w3.org/ns/prov#Entity");
    private static final Node DC_TITLE = uri("http://purl.org/dc/terms/title");
    private static final Node AS_OF = uri(V + "asOf");

    /** What to import: the parsed file and where it came from. {@code commit} and {@code date} may be null. */
    public record Release(String name, String source, String commit, LocalDate date) {
        public Release {
            if (name == null || !RELEASE.matcher(name).matches())
                throw new IllegalArgumentException("release must be 1-32 letters, digits, '.', '-' or '_' (e.g. train, 2026.1), got '" + name + "'");
            URI u;
            try {
                u = source == null ? null : new URI(source);
            } catch (java.net.URISyntaxException e) {
                u = null;
            }
            if (u == null || !u.isAbsolute() || u.getHost() == null || !u.getScheme().matches("(?i)https?") || source.contains(" "))
                throw new IllegalArgumentException("source must be the http(s) address the file was read from (it is recorded, never fetched), got '" + source + "'");
            if (commit == null) {
                Matcher m = COMMIT_IN_URL.matcher(source);
                if (m.find()) commit = m.group(1);
            } else if (!COMMIT.matcher(commit).matches()) {
                throw new IllegalArgumentException("commit must be a git commit id (7-40 lowercase hex digits), got '" + commit + "'");
            }
            // The newest release wins under view=current: one dated after today would win until its day came.
            if (date != null && AsOf.isAfterToday(date)) throw new DateAfterToday(date);
        }

        public String graph() {
            return Graphs.IMPORTED + name;
        }
    }

    /** A release's date after today ({@link AsOf}), for the command line and the route to name as they take it. */
    public static final class DateAfterToday extends IllegalArgumentException {
        private final LocalDate date;

        DateAfterToday(LocalDate date) {
            super("date " + date + " " + AsOf.AFTER_TODAY);
            this.date = date;
        }

        public LocalDate date() {
            return date;
        }
    }

    /** What an import did: 0 as change id when the release was already imported exactly so. */
    public record Result(String release, String graph, long changeId, int drivers, int features, int values,
                         List<String> unmappedDrivers, List<String> warnings) {
        public boolean changed() {
            return changeId > 0;
        }
    }

    private final NovaMatrix.Matrix matrix;
    private final Release release;
    /** Each partial value's caveat, by driver and feature key, chosen once so that every output says the same. */
    private final Map<String, NovaCaveats.Caveat> caveats = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();

    /** The conversion with the caveat summaries shipped with virtkg ({@link NovaCaveats#shipped()}). */
    public NovaMatrixImport(NovaMatrix.Matrix matrix, Release release) {
        this(matrix, release, NovaCaveats.shipped());
    }

    public NovaMatrixImport(NovaMatrix.Matrix matrix, Release release, NovaCaveats summaries) {
        this.matrix = matrix;
        this.release = release;
        warnings.addAll(matrix.warnings());
        for (NovaMatrix.Feature f : matrix.features())
            for (NovaMatrix.Support s : f.support())
                if (s.value().equals("partial")) {
                    NovaCaveats.Caveat c = summaries.caveat(s.driver(), f.key(), s.note(), s.noteLine());
                    caveats.put(s.driver() + " " + f.key(), c);
                    if (c.warning() != null) warnings.add(c.warning());
                }
        Map<String, String> ids = new HashMap<>();
        for (NovaMatrix.Feature f : matrix.features()) {
            String before = ids.put(featureId(f.key()), f.key());
            if (before != null)
                throw new NovaMatrix.FormatException(f.line(), "features [" + before + "] and [" + f.key() + "] would get the same id " + featureId(f.key()));
        }
    }

    /** The release is one virtkg ships ({@code data/nova-*.trig}); the shipped-data sync owns its graph. */
    public static final class ShippedReleaseException extends RuntimeException {
        ShippedReleaseException(String release) {
            super("release '" + release + "' is shipped with virtkg (data/nova-" + release + ".trig) and kept by the shipped-data sync;"
                    + " import the file under another release name, or refresh the shipped file (docs/data-sources.md)", null, false, false);
        }
    }

    /**
     * One change of kind {@code import}: the release's graph becomes exactly this conversion.
     * Refused with {@link ShippedReleaseException} when the release is shipped with virtkg.
     */
    public Result apply(KnowledgeBase kb, String who) {
        Node g = Graphs.node(release.graph());
        var written = kb.write(ChangeKind.IMPORT, who, "import nova-matrix release " + release.name() + " from " + release.source(),
                dsg -> {
                    // Checked inside the write, against the state it changes.
                    if (ShippedData.ships(dsg, g)) throw new ShippedReleaseException(release.name());
                    replaceGraph(dsg, g, convert(dateFor(dsg, g)));
                });
        List<String> unmapped = matrix.drivers().stream().map(NovaMatrix.Driver::key).filter(k -> technology(k) == null).toList();
        return new Result(release.name(), release.graph(), written.changeId(), matrix.drivers().size(), matrix.features().size(),
                matrix.values(), unmapped, warnings());
    }

    /** What was read but left out, and the notes whose caveat fell back to the generic sentence, each with its line. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The date given, else the one recorded by an earlier import of this release (so a re-import changes nothing), else today. */
    private LocalDate dateFor(DatasetGraph dsg, Node g) {
        if (release.date() != null) return release.date();
        var it = dsg.find(g, g, AS_OF, Node.ANY);
        if (it.hasNext()) return LocalDate.parse(it.next().getObject().getLiteralLexicalForm());
        return AsOf.today();
    }

    private static void replaceGraph(DatasetGraph dsg, Node g, Graph wanted) {
        List<Triple> stale = new ArrayList<>();
        Set<Triple> have = new HashSet<>();
        dsg.getGraph(g).find().forEachRemaining(t -> {
            if (wanted.contains(t)) have.add(t);
            else stale.add(t);
        });
        for (Triple t : stale) dsg.delete(g, t.getSubject(), t.getPredicate(), t.getObject());
        wanted.find().forEachRemaining(t -> {
            if (!have.contains(t)) dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject());
        });
    }

    /**
     * The conversion as TriG, one named graph {@code source/nova/{release}}: how the releases
     * shipped in {@code data/nova-*.trig} are made ({@code virtkg import nova-matrix … --out}).
     * The same file, release and date always give the same bytes.
     */
    public void writeTrig(LocalDate date, OutputStream out) {
        DatasetGraph dsg = DatasetGraphFactory.create();
        Node g = Graphs.node(release.graph());
        convert(date).find().forEachRemaining(t -> dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject()));
        PrefixMapping prefixes = PrefixMapping.Factory.create()
                .setNsPrefix("vkg", V).setNsPrefix("id", Graphs.ID).setNsPrefix("rdf", RDF.getURI()).setNsPrefix("rdfs", RDFS.getURI())
                .setNsPrefix("prov", "http://www.w3.org/ns/prov#").setNsPrefix("dcterms", "http://purl.org/dc/terms/")
                .setNsPrefix("xsd", "http://www.w3.org/2001/XMLSchema#");
        dsg.prefixes().putAll(prefixes);
        PrintStream header = new PrintStream(out, false, StandardCharsets.UTF_8);
        header.println("# OpenStack Nova's hypervisor feature support matrix, release " + release.name() + ", converted to virtkg's facts.");
        header.println("# Read from " + release.source());
        header.println("# Generated by 'virtkg import nova-matrix ... --out'; do not edit: refresh it as docs/data-sources.md says.");
        header.println("# Nova's notes are linked by line, not copied (Nova: Apache-2.0).");
        header.flush();
        RDFDataMgr.write(out, dsg, RDFFormat.TRIG_PRETTY);
    }

    /** The release's facts as triples (the graph's contents). */
    public Graph convert(LocalDate date) {
        Graph out = GraphFactory.createDefaultGraph();
        Node source = uri(release.graph());
        add(out, source, RDF.type.asNode(), uri(V + "Source"));
        add(out, source, RDF.type.asNode(), PROV_ENTITY);
        add(out, source, RDFS.label.asNode(), en("OpenStack Nova hypervisor feature support matrix, release " + release.name()));
        add(out, source, RDFS.comment.asNode(), en("Nova's " + NOVA_PATH + " as of release " + release.name()
                + (release.commit() == null ? "" : " (commit " + release.commit() + ")")
                + ", imported with 'virtkg import nova-matrix': drivers, features, statuses and values; Nova's notes are linked by line, not copied."));
        add(out, source, PROV_DERIVED, uri(release.source()));
        add(out, source, uri(V + "release"), NodeFactory.createLiteralString(release.name()));
        add(out, source, uri(V + "sourcePath"), NodeFactory.createLiteralString(NOVA_PATH));
        if (release.commit() != null) add(out, source, uri(V + "commit"), NodeFactory.createLiteralString(release.commit()));
        add(out, source, AS_OF, NodeFactory.createLiteralDT(date.toString(), XSDDatatype.XSDdate));
        add(out, source, uri(V + "editorialNote"), NodeFactory.createLiteralString(PLATFORM_READING));

        for (NovaMatrix.Driver d : matrix.drivers()) {
            Node driver = uri(driverId(d.key()));
            add(out, driver, RDF.type.asNode(), uri(V + "HypervisorDriver"));
            add(out, driver, RDFS.label.asNode(), en("OpenStack Nova driver " + d.key()));
            String runs = technology(d.key());
            // Worded from the key alone, so that every release says the same of the same driver.
            add(out, driver, RDFS.comment.asNode(), en("The " + d.key() + " hypervisor driver of OpenStack Nova, as Nova's feature "
                    + "support matrix names it" + (runs == null ? "" : "; it drives " + runs) + "."));
            add(out, driver, uri(V + "driverKey"), NodeFactory.createLiteralString(d.key()));
            add(out, driver, DC_TITLE, en(d.title()));
            add(out, driver, uri(V + "partOf"), uri(Graphs.ID + "Nova"));
            String tech = technology(d.key());
            if (tech != null) add(out, driver, uri(V + "driverFor"), uri(Graphs.ID + tech));
        }
        // The release's word on the platform: a claim per technology a driver maps to, so that where
        // it disagrees with the paper (or an older release) the claims model answers disputed, with
        // both sides dated, and view=current lets the newest word win.
        Set<String> driven = new java.util.TreeSet<>();
        for (NovaMatrix.Driver d : matrix.drivers()) if (hypervisor(technology(d.key())) != null) driven.add(hypervisor(technology(d.key())));
        Node platform = uri(Graphs.ID + PLATFORM);
        for (String tech : HYPERVISORS)
            add(out, platform, uri(V + (driven.contains(tech) ? "supports" : "doesNotSupport")), uri(Graphs.ID + tech));
        for (NovaMatrix.Feature f : matrix.features()) {
            Node feature = uri(featureId(f.key()));
            add(out, feature, RDF.type.asNode(), uri(V + "Feature"));
            add(out, feature, RDFS.label.asNode(), en(f.title()));
            add(out, feature, RDFS.comment.asNode(), en("Feature " + f.key() + " of OpenStack Nova's hypervisor feature support matrix (group: " + f.group() + ")."));
            add(out, feature, uri(V + "featureKey"), NodeFactory.createLiteralString(f.key()));
            add(out, feature, uri(V + "featureGroup"), uri(Graphs.ID + GROUPS.get(f.group())));
            add(out, feature, uri(V + "requirementStatus"), NodeFactory.createLiteralString(f.status()));
            add(out, feature, RDFS.seeAlso.asNode(), uri(lineUrl(f.line())));
            for (NovaMatrix.Support s : f.support()) {
                Node st = uri(release.graph() + "/support/" + s.driver() + "/" + f.key());
                add(out, st, RDF.type.asNode(), uri(V + "FeatureSupport"));
                add(out, st, RDFS.label.asNode(), en(s.driver() + " \u00d7 " + f.key() + " (Nova " + release.name() + ")"));
                add(out, st, RDFS.comment.asNode(), en("Nova " + release.name() + "'s feature support matrix rates the " + s.driver()
                        + " driver's support for \u201c" + f.title() + "\u201d as " + s.value() + "."));
                add(out, st, uri(V + "driver"), uri(driverId(s.driver())));
                add(out, st, uri(V + "supportedFeature"), feature);
                add(out, st, uri(V + "supportLevel"), uri(Graphs.ID + LEVELS.get(s.value())));
                add(out, st, uri(V + "sourceValue"), NodeFactory.createLiteralString(s.value()));
                if (s.noteLine() != null) add(out, st, uri(V + "caveatSource"), uri(lineUrl(s.noteLine())));
                // The note's facts in virtkg's words (NovaCaveats), or a generic sentence pointing at the link.
                if (s.value().equals("partial")) add(out, st, uri(V + "caveat"), en(caveats.get(s.driver() + " " + f.key()).text()));
            }
        }
        return out;
    }

    /**
     * The virtualization technology a driver's target runs guests on, for the platform's claims:
     * the vmware driver manages ESX(i) hosts through vCenter; ironic hands out bare machines, no
     * virtualization at all (null).
     */
    static String hypervisor(String technology) {
        if (technology == null || technology.equals("Ironic")) return null;
        return technology.equals("VMwareVCenter") ? "VMwareESX" : technology;
    }

    /** The technologies the release's claims about {@link #PLATFORM} cover, sorted. */
    static final List<String> HYPERVISORS = TECHNOLOGIES.values().stream().map(NovaMatrixImport::hypervisor)
            .filter(java.util.Objects::nonNull).distinct().sorted().toList();

    /**
     * How the release's claims about {@link #PLATFORM} are read, recorded with each release (an
     * editorial reading: the matrix lists drivers, not claims).
     */
    static final String PLATFORM_READING = "OpenStack supports a technology in this release when the matrix has a driver for it, and "
            + "does not support it when the matrix has none: the matrix lists every in-tree driver. Only the technologies some Nova driver "
            + "has ever driven are read so (" + String.join(", ", HYPERVISORS) + "; the vmware driver's are VMware ESX hosts, "
            + "managed through vCenter; ironic's bare machines are no virtualization); of others, such as out-of-tree drivers, "
            + "the matrix says nothing.";

    /** The technology id a Nova driver maps to, or null. */
    public static String technology(String driverKey) {
        for (var e : TECHNOLOGIES.entrySet())
            if (driverKey.equals(e.getKey()) || driverKey.startsWith(e.getKey() + "-")) return e.getValue();
        return null;
    }

    public static String driverId(String driverKey) {
        return Graphs.ID + "nova-driver-" + driverKey;
    }

    /** {@code operation.attach-volume} → {@code id:nova-operation-attach-volume} (ids take no dots). */
    public static String featureId(String featureKey) {
        return Graphs.ID + "nova-" + featureKey.replace('.', '-');
    }

    private String lineUrl(int line) {
        return release.source().contains("#") ? release.source() : release.source() + "#L" + line;
    }

    private static void add(Graph g, Node s, Node p, Node o) {
        g.add(Triple.create(s, p, o));
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    private static Node en(String text) {
        return NodeFactory.createLiteralLang(text, "en");
    }

    private static Map<String, String> orderedMap(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return java.util.Collections.unmodifiableMap(m);
    }
}
