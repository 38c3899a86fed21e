package org.virtkg.store;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;

/**
 * Blank nodes as they travel to and from a remote store.
 *
 * <p>SPARQL Update cannot name a blank node that is already in a store ({@code DELETE DATA} and
 * {@code DELETE} templates may not contain them, and a store relabels them on the way in), so a
 * triple with a blank node could be added remotely but never removed again. RDF 1.1 §3.5 has the
 * standard answer: replace each blank node with a <em>skolem IRI</em> under
 * {@code /.well-known/genid/} on the way out, and turn it back into the same blank node on the way
 * in. Locally nothing changes (the reasoner and queries still see blank nodes); in the remote
 * store, an OWL restriction's node is an IRI such as
 * {@code https://w3id.org/virtkg/.well-known/genid/b0a1…}.
 */
public final class Skolem {
    private Skolem() {}

    static final String PREFIX = Graphs.BASE + ".well-known/genid/";

    public static Node toStore(Node n) {
        if (!n.isBlank()) return n;
        return NodeFactory.createURI(PREFIX + URLEncoder.encode(n.getBlankNodeLabel(), StandardCharsets.UTF_8));
    }

    public static Node fromStore(Node n) {
        if (!n.isURI() || !n.getURI().startsWith(PREFIX)) return n;
        return NodeFactory.createBlankNode(URLDecoder.decode(n.getURI().substring(PREFIX.length()), StandardCharsets.UTF_8));
    }

    public static Quad toStore(Quad q) {
        return Quad.create(q.getGraph(), toStore(q.getSubject()), q.getPredicate(), toStore(q.getObject()));
    }

    public static Quad fromStore(Quad q) {
        return Quad.create(q.getGraph(), fromStore(q.getSubject()), q.getPredicate(), fromStore(q.getObject()));
    }
}
