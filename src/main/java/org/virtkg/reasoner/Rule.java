package org.virtkg.reasoner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.NodeFactory;

/**
 * One Horn rule over triple patterns. Terms: positive = constant term id, negative = variable -(v+1).
 * A {@code null} head means the rule derives {@code false} (an inconsistency).
 */
final class Rule {
    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
    static final String OWL = "http://www.w3.org/2002/07/owl#";
    static final String XSD = "http://www.w3.org/2001/XMLSchema#";

    /**
     * Filter kinds: NEQ(a,b) terms differ; NUM(var, n) the literal bound to var has numeric value n;
     * NOTSAMEIRI(p, o) not (p is owl:sameAs and o is not a literal).
     */
    static final int NEQ = 0, NUM = 1, NOTSAMEIRI = 2;

    final int idx;
    final String id;
    final String message;
    final int[][] body;
    final int[][] head;
    final int nvars;
    final int[][] filters;
    final String[] varNames;
    // per-evaluation scratch (the engine is single-threaded while firing)
    final int[] b;
    final int[] m;
    int[][] plans;

    private Rule(int idx, String id, String message, int[][] body, int[][] head, int[][] filters, String[] varNames) {
        this.idx = idx;
        this.id = id;
        this.message = message;
        this.body = body;
        this.head = head;
        this.filters = filters;
        this.varNames = varNames;
        this.nvars = varNames.length;
        this.b = new int[nvars];
        this.m = new int[body.length];
    }

    static int var(int term) { return -term - 1; }

    /**
     * Parses {@code "body1 . body2 . ?a != ?b . ?n = 1 -> head1 . head2"} or {@code "... -> false"}.
     * Prefixes rdf:, rdfs:, owl:, xsd:.
     */
    static Rule parse(int idx, String id, String text, String message, Dict dict) {
        String[] parts = text.split("->");
        Map<String, Integer> vars = new HashMap<>();
        List<String> names = new ArrayList<>();
        List<int[]> body = new ArrayList<>();
        List<int[]> filters = new ArrayList<>();
        for (String a : parts[0].trim().split(" \\. ")) {
            String[] t = a.trim().split("\\s+");
            if (t[1].equals("!=")) {
                filters.add(new int[] {NEQ, term(t[0], vars, names, dict), term(t[2], vars, names, dict)});
            } else if (t[1].equals("notSameAsIri")) {
                // "?p notSameAsIri ?o": reject owl:sameAs triples whose object is not a literal
                filters.add(new int[] {NOTSAMEIRI, term(t[0], vars, names, dict), term(t[2], vars, names, dict)});
            } else if (t[1].equals("=")) {
                filters.add(new int[] {NUM, term(t[0], vars, names, dict), Integer.parseInt(t[2])});
            } else {
                body.add(new int[] {term(t[0], vars, names, dict), term(t[1], vars, names, dict), term(t[2], vars, names, dict)});
            }
        }
        int[][] head = null;
        String h = parts[1].trim();
        if (!h.equals("false")) {
            List<int[]> hs = new ArrayList<>();
            for (String a : h.split(" \\. ")) {
                String[] t = a.trim().split("\\s+");
                hs.add(new int[] {term(t[0], vars, names, dict), term(t[1], vars, names, dict), term(t[2], vars, names, dict)});
            }
            head = hs.toArray(new int[0][]);
        }
        return new Rule(idx, id, message, body.toArray(new int[0][]), head, filters.toArray(new int[0][]),
                names.toArray(new String[0]));
    }

    private static int term(String t, Map<String, Integer> vars, List<String> names, Dict dict) {
        if (t.startsWith("?")) {
            Integer v = vars.get(t);
            if (v == null) {
                v = names.size();
                vars.put(t, v);
                names.add(t);
            }
            return -v - 1;
        }
        return dict.id(NodeFactory.createURI(expand(t)));
    }

    static String expand(String t) {
        if (t.startsWith("rdf:")) return RDF + t.substring(4);
        if (t.startsWith("rdfs:")) return RDFS + t.substring(5);
        if (t.startsWith("owl:")) return OWL + t.substring(4);
        if (t.startsWith("xsd:")) return XSD + t.substring(4);
        throw new IllegalArgumentException("unknown prefix in " + t);
    }

    /** Greedy join order for each trigger atom: most-bound atom next, ties by textual order. */
    void plan() {
        plans = new int[body.length][];
        for (int trig = 0; trig < body.length; trig++) {
            boolean[] bound = new boolean[nvars];
            boolean[] used = new boolean[body.length];
            bindAll(body[trig], bound);
            used[trig] = true;
            int[] order = new int[body.length - 1];
            for (int k = 0; k < order.length; k++) {
                int best = -1, bestScore = -1;
                for (int a = 0; a < body.length; a++) {
                    if (used[a]) continue;
                    int[] at = body[a];
                    int sc = (isBound(at[1], bound) ? 4 : 0) + (isBound(at[0], bound) ? 2 : 0) + (isBound(at[2], bound) ? 2 : 0);
                    if (sc > bestScore) { best = a; bestScore = sc; }
                }
                used[best] = true;
                order[k] = best;
                bindAll(body[best], bound);
            }
            plans[trig] = order;
        }
    }

    private static boolean isBound(int t, boolean[] bound) { return t > 0 || bound[var(t)]; }

    private static void bindAll(int[] at, boolean[] bound) {
        for (int t : at) if (t < 0) bound[var(t)] = true;
    }
}
