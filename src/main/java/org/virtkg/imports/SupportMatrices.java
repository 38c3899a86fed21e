package org.virtkg.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.virtkg.store.Graphs;

/**
 * The imported releases of support matrices (Nova's, in {@code source/nova/{release}}) and which of
 * them is the newest: the one definition the compatibility check, the feature matrix, selection by
 * feature and "paper and present" all use. A release is newer when its date ({@code vkg:asOf}, the
 * date of the commit it was read from) is later; on the same date, by its name.
 */
public final class SupportMatrices {
    private static final String VKG = "https://w3id.org/virtkg/ontology#";
    private static final Node RELEASE = NodeFactory.createURI(VKG + "release");
    private static final Node AS_OF = NodeFactory.createURI(VKG + "asOf");
    private static final Node COMMIT = NodeFactory.createURI(VKG + "commit");
    private static final Node DERIVED = NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom");

    /** One imported release: its name, date, commit (null when unknown), the address it was read from, and its graph. */
    public record Release(String name, String asOf, String commit, String address, Node graph) {}

    /** Oldest first: by date, then by name. */
    public static final Comparator<Release> OLDEST_FIRST = Comparator.comparing(Release::asOf).thenComparing(Release::name);

    private SupportMatrices() {}

    /**
     * The technology a driver's target runs guests on, as the import reads a release's claims
     * ({@link NovaMatrixImport}): the vmware driver targets vCenter, whose hosts are VMware ESX;
     * ironic's bare machines run on no virtualization (null). Every other target is itself.
     * Selection by feature and the compatibility check's drivers use it, so they name the same
     * technology the release's support claims do.
     */
    public static Node runsGuestsOn(Node driverTarget) {
        if (driverTarget == null || !driverTarget.isURI() || !driverTarget.getURI().startsWith(Graphs.ID)) return driverTarget;
        String on = NovaMatrixImport.hypervisor(driverTarget.getURI().substring(Graphs.ID.length()));
        return on == null ? null : Graphs.node(Graphs.ID + on);
    }

    /** Every imported release, oldest first; callers hold a read transaction. */
    public static List<Release> releases(DatasetGraph dsg) {
        List<Release> out = new ArrayList<>();
        for (var it = dsg.find(Node.ANY, Node.ANY, RELEASE, Node.ANY); it.hasNext(); ) {
            Quad q = it.next();
            Node g = q.getGraph();
            // A release describes itself, inside its own graph.
            if (!g.isURI() || !g.getURI().startsWith(Graphs.IMPORTED) || !g.equals(q.getSubject())) continue;
            String asOf = value(dsg, g, AS_OF);
            if (asOf == null) continue;
            out.add(new Release(q.getObject().getLiteralLexicalForm(), asOf, value(dsg, g, COMMIT), value(dsg, g, DERIVED), g));
        }
        out.sort(OLDEST_FIRST);
        return out;
    }

    /** The newest of the given releases (named by release name), if any. */
    public static Optional<Release> newest(List<Release> releases, Set<String> among) {
        for (int i = releases.size() - 1; i >= 0; i--)
            if (among.contains(releases.get(i).name())) return Optional.of(releases.get(i));
        return Optional.empty();
    }

    /** The newest release whose graph says anything about {@code subject}; callers hold a read transaction. */
    public static Optional<Release> newestAbout(DatasetGraph dsg, Node subject) {
        List<Release> all = releases(dsg);
        for (int i = all.size() - 1; i >= 0; i--)
            if (dsg.find(all.get(i).graph(), subject, Node.ANY, Node.ANY).hasNext()) return Optional.of(all.get(i));
        return Optional.empty();
    }

    private static String value(DatasetGraph dsg, Node g, Node p) {
        var it = dsg.find(g, g, p, Node.ANY);
        if (!it.hasNext()) return null;
        Node o = it.next().getObject();
        return o.isLiteral() ? o.getLiteralLexicalForm() : o.isURI() ? o.getURI() : null;
    }
}
