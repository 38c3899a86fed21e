package org.virtkg.sparql;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.modify.request.Target;
import org.apache.jena.sparql.modify.request.UpdateAdd;
import org.apache.jena.sparql.modify.request.UpdateClear;
import org.apache.jena.sparql.modify.request.UpdateCopy;
import org.apache.jena.sparql.modify.request.UpdateCreate;
import org.apache.jena.sparql.modify.request.UpdateData;
import org.apache.jena.sparql.modify.request.UpdateDrop;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.sparql.modify.request.UpdateMove;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateRequest;
import org.virtkg.store.Graphs;

/**
 * What a SPARQL Update may do here, checked on the parsed request before anything runs.
 *
 * <ul>
 *   <li>{@code LOAD} is refused outright: it would read local files or fetch URLs.</li>
 *   <li>Writes must name a graph ({@code GRAPH <g>} in the template, or {@code WITH <g>}). The
 *       default graph that queries see is the union of all named graphs; a triple written to the
 *       storage default graph would be invisible.</li>
 *   <li>The inferred and system graphs belong to the service.</li>
 *   <li>The WHERE of a {@code DELETE/INSERT} meets the rules of a query's pattern
 *       ({@link QueryPolicy#checkPattern}): no SERVICE, no runaway regex or growing values.</li>
 * </ul>
 */
public final class UpdatePolicy {
    public static final String FORBIDDEN = "forbidden";
    static final String BAD = "bad";

    private UpdatePolicy() {}

    /** Returns {@code null} when the request may run, or {@code "forbidden: …"} / {@code "bad: …"}. */
    public static String check(UpdateRequest request) {
        int index = 0;
        for (Update op : request.getOperations()) {
            index++;
            String problem = check(op);
            if (problem != null) {
                int colon = problem.indexOf(':');
                return problem.substring(0, colon + 1) + " operation " + index + ": " + problem.substring(colon + 1).trim();
            }
        }
        return null;
    }

    private static String check(Update op) {
        if (op instanceof UpdateLoad)
            return FORBIDDEN + ": LOAD is disabled; the server never reads files or fetches URLs. "
                    + "Send the data in the request (INSERT DATA, or PUT/POST to /data).";
        if (op instanceof UpdateData data) {
            for (Quad q : data.getQuads()) {
                String p = checkGraph(q.getGraph());
                if (p != null) return p;
            }
            return null;
        }
        if (op instanceof UpdateModify modify) {
            // The WHERE is evaluated as a query's pattern is: the query's rules, in the query's words.
            String where = QueryPolicy.checkPattern(modify.getWherePattern());
            if (where != null) return BAD + ": " + where;
            // WITH <g> makes <g> the graph that templates without GRAPH write (and the WHERE's default graph).
            Node with = modify.getWithIRI();
            for (Quad q : modify.getInsertQuads()) {
                String p = checkGraph(written(q, with));
                if (p != null) return p;
            }
            for (Quad q : modify.getDeleteQuads()) {
                String p = checkGraph(written(q, with));
                if (p != null) return p;
            }
            return null;
        }
        if (op instanceof UpdateClear c) return checkTarget(c.getTarget());
        if (op instanceof UpdateDrop d) return checkTarget(d.getTarget());
        if (op instanceof UpdateCreate c) return checkGraph(c.getGraph());
        if (op instanceof UpdateAdd a) return checkTarget(a.getDest());
        if (op instanceof UpdateCopy c) return checkTarget(c.getDest());
        if (op instanceof UpdateMove m) {
            String p = checkTarget(m.getSrc());
            return p != null ? p : checkTarget(m.getDest());
        }
        return null;
    }

    /** The graph a template quad writes: its own, or the WITH graph when it names none. */
    private static Node written(Quad q, Node with) {
        Node g = q.getGraph();
        return with != null && (g == null || Quad.isDefaultGraph(g)) ? with : g;
    }

    private static String checkTarget(Target t) {
        if (t.isDefault()) return defaultGraphProblem();
        if (t.isAll() || t.isAllNamed())
            return FORBIDDEN + ": CLEAR/DROP ALL and NAMED would erase the shipped, user and inferred graphs; name the graph";
        return checkGraph(t.getGraph());
    }

    private static String checkGraph(Node g) {
        if (g == null || Quad.isDefaultGraph(g)) return defaultGraphProblem();
        if (g.isURI() && Graphs.isSystemManaged(g.getURI()))
            return FORBIDDEN + ": the graph <" + g.getURI() + "> is maintained by virtkg itself";
        return null;
    }

    private static String defaultGraphProblem() {
        return BAD + ": name a graph (GRAPH <...> or WITH <...>); the default graph is the read-only union "
                + "of all named graphs, e.g. use <" + Graphs.USER + "my-additions>";
    }
}
