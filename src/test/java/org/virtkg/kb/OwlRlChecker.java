package org.virtkg.kb;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * A structural check that an ontology (in its RDF mapping) stays within the OWL 2 RL
 * profile's syntactic restrictions (OWL 2 Profiles, section 4.2): class expressions are
 * checked against the subClassExpression / superClassExpression / equivClassExpression
 * grammars in the positions each axiom puts them, a few constructs that RL lacks are
 * rejected outright, and the global restriction on non-simple properties is enforced.
 * It is deliberately conservative: an expression it does not recognise is a violation.
 */
final class OwlRlChecker {

    private enum Position { SUB, SUPER, EQUIV }

    private static final String XSD = "http://www.w3.org/2001/XMLSchema#";

    private final Graph g;
    private final List<String> violations = new ArrayList<>();

    private OwlRlChecker(Graph g) {
        this.g = g;
    }

    /** Returns a human-readable description of every violation; empty when the graph is in OWL 2 RL. */
    static List<String> check(Graph g) {
        OwlRlChecker c = new OwlRlChecker(g);
        c.run();
        return c.violations;
    }

    private void run() {
        for (Triple t : g.find(Node.ANY, RDFS.subClassOf.asNode(), Node.ANY).toList()) {
            expr(t.getSubject(), Position.SUB, "subclass of " + t);
            expr(t.getObject(), Position.SUPER, "superclass of " + t);
        }
        for (Triple t : g.find(Node.ANY, OWL2.equivalentClass.asNode(), Node.ANY).toList()) {
            expr(t.getSubject(), Position.EQUIV, "equivalence " + t);
            expr(t.getObject(), Position.EQUIV, "equivalence " + t);
        }
        for (Triple t : g.find(Node.ANY, OWL2.disjointWith.asNode(), Node.ANY).toList()) {
            expr(t.getSubject(), Position.SUB, "disjointness " + t);
            expr(t.getObject(), Position.SUB, "disjointness " + t);
        }
        for (Node n : subjectsOfType(OWL2.AllDisjointClasses.asNode())) {
            for (Node m : list(object(n, OWL2.members.asNode()))) {
                expr(m, Position.SUB, "AllDisjointClasses member");
            }
        }
        for (Triple t : g.find(Node.ANY, OWL2.disjointUnionOf.asNode(), Node.ANY).toList()) {
            violations.add("owl:disjointUnionOf is not in OWL 2 RL: " + t);
        }
        for (Triple t : g.find(Node.ANY, OWL2.hasKey.asNode(), Node.ANY).toList()) {
            expr(t.getSubject(), Position.SUB, "hasKey " + t);
        }
        for (Triple t : g.find(Node.ANY, RDFS.domain.asNode(), Node.ANY).toList()) {
            expr(t.getObject(), Position.SUPER, "domain " + t);
        }
        for (Triple t : g.find(Node.ANY, RDFS.range.asNode(), Node.ANY).toList()) {
            if (isDatatypeProperty(t.getSubject())) {
                datatype(t.getObject(), "range " + t);
            } else {
                expr(t.getObject(), Position.SUPER, "range " + t);
            }
        }
        // Class assertions with an anonymous class expression: superClassExpression.
        for (Triple t : g.find(Node.ANY, RDF.type.asNode(), Node.ANY).toList()) {
            if (t.getObject().isBlank()) {
                expr(t.getObject(), Position.SUPER, "class assertion " + t);
            }
        }
        for (Node p : subjectsOfType(OWL2.ReflexiveProperty.asNode())) {
            violations.add("owl:ReflexiveProperty is not in OWL 2 RL: " + p);
        }
        globalRestrictions();
    }

    // ---------------------------------------------------------------- class expressions

    private void expr(Node n, Position pos, String where) {
        if (n.isURI()) {
            if (n.equals(OWL2.Thing.asNode())) {
                violations.add("owl:Thing is not allowed as a " + pos + " class expression in " + where);
            }
            return;
        }
        if (!n.isBlank()) {
            violations.add("not a class expression: " + n + " in " + where);
            return;
        }
        Node inter = object(n, OWL2.intersectionOf.asNode());
        Node union = object(n, OWL2.unionOf.asNode());
        Node compl = object(n, OWL2.complementOf.asNode());
        Node oneOf = object(n, OWL2.oneOf.asNode());
        if (inter != null) {
            for (Node m : list(inter)) {
                expr(m, pos, where);
            }
        } else if (union != null) {
            if (pos != Position.SUB) {
                violations.add("owl:unionOf is only allowed in subclass positions (" + pos + ") in " + where);
            }
            for (Node m : list(union)) {
                expr(m, Position.SUB, where);
            }
        } else if (compl != null) {
            if (pos != Position.SUPER) {
                violations.add("owl:complementOf is only allowed in superclass positions (" + pos + ") in " + where);
            }
            expr(compl, Position.SUB, where);
        } else if (oneOf != null) {
            if (pos != Position.SUB) {
                violations.add("owl:oneOf is only allowed in subclass positions (" + pos + ") in " + where);
            }
        } else if (g.contains(n, OWL2.onProperty.asNode(), Node.ANY)) {
            restriction(n, pos, where);
        } else {
            violations.add("unrecognised class expression " + n + " in " + where);
        }
    }

    private void restriction(Node r, Position pos, String where) {
        Node some = object(r, OWL2.someValuesFrom.asNode());
        Node all = object(r, OWL2.allValuesFrom.asNode());
        boolean hasValue = g.contains(r, OWL2.hasValue.asNode(), Node.ANY);
        Node max = firstNonNull(object(r, OWL2.maxCardinality.asNode()), object(r, OWL2.maxQualifiedCardinality.asNode()));
        boolean otherCardinality = g.contains(r, OWL2.minCardinality.asNode(), Node.ANY)
                || g.contains(r, OWL2.cardinality.asNode(), Node.ANY)
                || g.contains(r, OWL2.minQualifiedCardinality.asNode(), Node.ANY)
                || g.contains(r, OWL2.qualifiedCardinality.asNode(), Node.ANY);
        if (hasValue) {
            return; // ObjectHasValue / DataHasValue: allowed in every position
        }
        if (g.contains(r, OWL2.hasSelf.asNode(), Node.ANY)) {
            violations.add("owl:hasSelf is not in OWL 2 RL in " + where);
        } else if (some != null) {
            if (pos != Position.SUB) {
                violations.add("owl:someValuesFrom is only allowed in subclass positions (" + pos + ") in " + where);
            } else if (!isDataRange(some) && !some.equals(OWL2.Thing.asNode())) {
                expr(some, Position.SUB, where);
            }
        } else if (all != null) {
            if (pos != Position.SUPER) {
                violations.add("owl:allValuesFrom is only allowed in superclass positions (" + pos + ") in " + where);
            } else if (!isDataRange(all)) {
                expr(all, Position.SUPER, where);
            }
        } else if (max != null) {
            if (pos != Position.SUPER) {
                violations.add("max cardinality is only allowed in superclass positions (" + pos + ") in " + where);
            } else if (!(max.isLiteral() && (max.getLiteralLexicalForm().equals("0") || max.getLiteralLexicalForm().equals("1")))) {
                violations.add("max cardinality other than 0 or 1 in " + where);
            }
            Node onClass = object(r, OWL2.onClass.asNode());
            if (onClass != null && !onClass.equals(OWL2.Thing.asNode())) {
                expr(onClass, Position.SUB, where);
            }
        } else if (otherCardinality) {
            violations.add("min/exact cardinality is not in OWL 2 RL in " + where);
        } else {
            violations.add("unrecognised restriction in " + where);
        }
    }

    private void datatype(Node d, String where) {
        if (!isDataRange(d)) {
            violations.add("not a datatype: " + d + " in " + where);
        }
    }

    private static boolean isDataRange(Node n) {
        return n.isURI() && (n.getURI().startsWith(XSD) || n.equals(RDFS.Literal.asNode())
                || n.getURI().equals(RDF.getURI() + "PlainLiteral") || n.getURI().equals(RDF.getURI() + "XMLLiteral")
                || n.getURI().equals(RDF.getURI() + "langString"));
    }

    private boolean isDatatypeProperty(Node p) {
        return g.contains(p, RDF.type.asNode(), OWL2.DatatypeProperty.asNode());
    }

    // ---------------------------------------------------------------- global restrictions

    /**
     * Non-simple properties (transitive, defined by a chain, or with a non-simple
     * sub-property or inverse) may not appear in cardinality restrictions or in
     * functional, inverse-functional, irreflexive, asymmetric or disjoint property axioms.
     */
    private void globalRestrictions() {
        Set<Node> nonSimple = new HashSet<>(subjectsOfType(OWL2.TransitiveProperty.asNode()));
        g.find(Node.ANY, OWL2.propertyChainAxiom.asNode(), Node.ANY).forEachRemaining(t -> nonSimple.add(t.getSubject()));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Triple t : g.find(Node.ANY, RDFS.subPropertyOf.asNode(), Node.ANY).toList()) {
                if (nonSimple.contains(t.getSubject()) && nonSimple.add(t.getObject())) {
                    changed = true;
                }
            }
            for (Triple t : g.find(Node.ANY, OWL2.inverseOf.asNode(), Node.ANY).toList()) {
                if (nonSimple.contains(t.getSubject()) && nonSimple.add(t.getObject())) {
                    changed = true;
                }
                if (nonSimple.contains(t.getObject()) && nonSimple.add(t.getSubject())) {
                    changed = true;
                }
            }
        }
        for (Node type : List.of(OWL2.FunctionalProperty.asNode(), OWL2.InverseFunctionalProperty.asNode(),
                OWL2.IrreflexiveProperty.asNode(), OWL2.AsymmetricProperty.asNode())) {
            for (Node p : subjectsOfType(type)) {
                if (nonSimple.contains(p)) {
                    violations.add("non-simple property " + p + " used as " + type.getLocalName());
                }
            }
        }
        for (Triple t : g.find(Node.ANY, OWL2.propertyDisjointWith.asNode(), Node.ANY).toList()) {
            if (nonSimple.contains(t.getSubject()) || nonSimple.contains(t.getObject())) {
                violations.add("non-simple property in a disjoint-properties axiom: " + t);
            }
        }
        for (Node n : subjectsOfType(OWL2.AllDisjointProperties.asNode())) {
            for (Node p : list(object(n, OWL2.members.asNode()))) {
                if (nonSimple.contains(p)) {
                    violations.add("non-simple property in AllDisjointProperties: " + p);
                }
            }
        }
        for (Node card : List.of(OWL2.maxCardinality.asNode(), OWL2.maxQualifiedCardinality.asNode(),
                OWL2.minCardinality.asNode(), OWL2.cardinality.asNode())) {
            for (Triple t : g.find(Node.ANY, card, Node.ANY).toList()) {
                Node p = object(t.getSubject(), OWL2.onProperty.asNode());
                if (nonSimple.contains(p)) {
                    violations.add("non-simple property " + p + " in a cardinality restriction");
                }
            }
        }
    }

    // ---------------------------------------------------------------- RDF helpers

    private Node object(Node s, Node p) {
        List<Triple> ts = g.find(s, p, Node.ANY).toList();
        return ts.isEmpty() ? null : ts.get(0).getObject();
    }

    private List<Node> subjectsOfType(Node type) {
        return g.find(Node.ANY, RDF.type.asNode(), type).mapWith(Triple::getSubject).toList();
    }

    private List<Node> list(Node head) {
        List<Node> out = new ArrayList<>();
        Node nil = RDF.nil.asNode();
        Node cur = head;
        while (cur != null && !cur.equals(nil)) {
            Node first = object(cur, RDF.first.asNode());
            if (first == null) {
                violations.add("malformed RDF list at " + cur);
                break;
            }
            out.add(first);
            cur = object(cur, RDF.rest.asNode());
        }
        return out;
    }

    private static Node firstNonNull(Node a, Node b) {
        return a != null ? a : b;
    }

    static Node iri(String s) {
        return NodeFactory.createURI(s);
    }
}
