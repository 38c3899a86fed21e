package org.virtkg.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * The class hierarchy and the disjointness axioms of one knowledge-base version, and the class
 * reasoning the catalogue and selection need on top of the reasoner's closure: a class's named
 * superclasses, a class of a resource that the ontology declares disjoint with another (the only
 * closed-world conclusion drawn: being both would make the knowledge base inconsistent), and the
 * named classes a value would put a resource in (how the ontology defines Type1Hypervisor and
 * friends). Read once per version ({@link #read}); the graph passed to the other methods is the
 * caller's snapshot of that version.
 */
public record Classes(Map<Node, Set<Node>> superClasses, List<Set<Node>> disjointGroups) {

    /** Reads the hierarchy ({@code rdfs:subClassOf}) and the disjointness axioms from {@code g}. */
    static Classes read(Graph g) {
        Map<Node, Set<Node>> supers = new TreeMap<>(Comparator.comparing(Node::toString));
        g.find(Node.ANY, RDFS.subClassOf.asNode(), Node.ANY).forEachRemaining(t -> {
            if (t.getSubject().isURI() && t.getObject().isURI())
                supers.computeIfAbsent(t.getSubject(), k -> new HashSet<>()).add(t.getObject());
        });
        List<Set<Node>> groups = new ArrayList<>();
        g.find(Node.ANY, RDF.type.asNode(), OWL2.AllDisjointClasses.asNode()).forEachRemaining(t -> {
            Set<Node> members = new LinkedHashSet<>();
            g.find(t.getSubject(), OWL2.members.asNode(), Node.ANY).forEachRemaining(m -> members.addAll(list(g, m.getObject())));
            groups.add(members);
        });
        g.find(Node.ANY, OWL2.disjointWith.asNode(), Node.ANY).forEachRemaining(t -> groups.add(Set.of(t.getSubject(), t.getObject())));
        return new Classes(supers, groups);
    }

    /** The members of an RDF list (bounded, so a cyclic list cannot hang a request). */
    static List<Node> list(Graph g, Node head) {
        List<Node> out = new ArrayList<>();
        Node n = head;
        for (int guard = 0; n != null && !n.equals(RDF.nil.asNode()) && guard < 1000; guard++) {
            var first = g.find(n, RDF.first.asNode(), Node.ANY);
            if (first.hasNext()) out.add(first.next().getObject());
            var rest = g.find(n, RDF.rest.asNode(), Node.ANY);
            n = rest.hasNext() ? rest.next().getObject() : null;
        }
        return out;
    }

    /** {@code c} and all its named superclasses. */
    public Set<Node> superClassesOf(Node c) {
        Set<Node> out = new LinkedHashSet<>();
        List<Node> pending = new ArrayList<>(List.of(c));
        while (!pending.isEmpty()) {
            Node n = pending.remove(pending.size() - 1);
            if (out.add(n)) pending.addAll(superClasses.getOrDefault(n, Set.of()));
        }
        return out;
    }

    /**
     * A class of {@code x} (its types in {@code g}) that the ontology declares disjoint with
     * {@code c} (or with one of its superclasses), or null: then {@code x} cannot be a {@code c}
     * without making the knowledge base inconsistent.
     */
    public Node disjointClassOf(Graph g, Node x, Node c) {
        Set<Node> cUp = superClassesOf(c);
        Set<Node> xTypes = new LinkedHashSet<>();
        g.find(x, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> {
            if (t.getObject().isURI()) xTypes.addAll(superClassesOf(t.getObject()));
        });
        for (Set<Node> group : disjointGroups) {
            Node fromX = null;
            Node fromC = null;
            for (Node m : group) {
                if (xTypes.contains(m)) fromX = m;
                if (cUp.contains(m)) fromC = m;
            }
            if (fromX != null && fromC != null && !fromX.equals(fromC)) return fromX;
        }
        return null;
    }

    /**
     * Named classes that {@code x} would belong to if it had {@code p v}: classes equivalent to the
     * restriction {@code ∃p.{v}}, or to an intersection of it with named classes {@code x} already
     * belongs to ({@code isA}).
     */
    public static Set<Node> impliedBy(Graph g, Node x, Node p, Node v, BiPredicate<Node, Node> isA) {
        Set<Node> out = new LinkedHashSet<>();
        g.find(Node.ANY, OWL2.hasValue.asNode(), v).forEachRemaining(hv -> {
            Node r = hv.getSubject();
            if (!g.contains(r, OWL2.onProperty.asNode(), p)) return;
            equivalentNamed(g, r, out);
            g.find(Node.ANY, OWL2.intersectionOf.asNode(), Node.ANY).forEachRemaining(i -> {
                List<Node> members = list(g, i.getObject());
                if (!members.contains(r)) return;
                for (Node m : members) if (!m.equals(r) && (!m.isURI() || !isA.test(x, m))) return;
                equivalentNamed(g, i.getSubject(), out);
            });
        });
        return out;
    }

    private static void equivalentNamed(Graph g, Node anon, Set<Node> out) {
        g.find(Node.ANY, OWL2.equivalentClass.asNode(), anon).forEachRemaining(t -> {
            if (t.getSubject().isURI()) out.add(t.getSubject());
        });
        g.find(anon, OWL2.equivalentClass.asNode(), Node.ANY).forEachRemaining(t -> {
            if (t.getObject().isURI()) out.add(t.getObject());
        });
    }
}
