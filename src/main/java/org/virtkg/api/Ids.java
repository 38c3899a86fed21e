package org.virtkg.api;

import java.util.List;
import org.apache.jena.graph.Node;
import org.virtkg.knowledge.Catalog;
import org.virtkg.knowledge.IdIndex;
import org.virtkg.store.Graphs;

/**
 * What users typed, resolved against a catalogue, and the problem each answers when it does not
 * resolve: the HTTP side of {@link IdIndex} (the index itself knows nothing of requests).
 */
final class Ids {
    private Ids() {}

    /** An id in a path: 404 with suggestions when unknown. */
    static Node path(Catalog catalog, String id) {
        Node n = catalog.index().id(id);
        if (n == null)
            throw new ProblemException(Problem.of(404, "No resource with id '" + id + "'")
                    .withSuggestions(catalog.index().suggest(id, false, 8)));
        return n;
    }

    /**
     * An id in a path that must name an instance of {@code type} ({@code what}, e.g. "virtualization
     * technology"): 404 when unknown, with suggestions of that kind only; 404 saying what it is and
     * where it is served when it is the other kind of product.
     */
    static Node path(Catalog catalog, String id, Node type, String what) {
        Node n = catalog.index().id(id);
        if (n == null)
            throw new ProblemException(Problem.of(404, "No " + what + " with id '" + id + "'")
                    .withSuggestions(catalog.index().suggest(id, false, 8, x -> catalog.isA(x, type))));
        if (!catalog.isA(n, type)) {
            String shown = IdIndex.idOf(n);
            String list = listOf(catalog, n);
            String elsewhere = list == null ? "described at /id/" + shown
                    : (catalog.isA(n, Catalog.TECHNOLOGY) ? "a virtualization technology: " : "a cloud platform: ") + list;
            throw new ProblemException(Problem.of(404, "'" + shown + "' is not a " + what + "; it is " + elsewhere)
                    .withSuggestions(catalog.index().suggest(id, false, 8, x -> catalog.isA(x, type))));
        }
        return n;
    }

    /** Where a product is served among its kind ({@code /api/technologies/KVM}, {@code /api/platforms/OpenStack}); null for anything else. */
    static String listOf(Catalog catalog, Node n) {
        String id = IdIndex.idOf(n);
        return catalog.isA(n, Catalog.TECHNOLOGY) ? "/api/technologies/" + id : catalog.isA(n, Catalog.PLATFORM) ? "/api/platforms/" + id : null;
    }

    /** An id in a parameter or body field: 400 naming it, with suggestions, when unknown. */
    static Node param(Catalog catalog, String param, String id, boolean allowClasses) {
        return param(catalog, param, id, allowClasses, x -> true);
    }

    /** {@link #param(Catalog, String, String, boolean)}, suggesting only what {@code wanted} accepts (the kind the parameter takes). */
    static Node param(Catalog catalog, String param, String id, boolean allowClasses, java.util.function.Predicate<Node> wanted) {
        Node n = catalog.index().id(id);
        if (n == null && allowClasses) n = catalog.index().vocabClass(id);
        if (n == null)
            throw new ProblemException(Problem.of(400, "Parameter '" + param + "': no id '" + id + "' in the knowledge base")
                    .withParameter(param).withSuggestions(catalog.index().suggest(id, allowClasses, 8, wanted)));
        return n;
    }

    /**
     * An id in a parameter that must name an instance of {@code type} ({@code what}): 400 naming the
     * parameter when unknown or of another kind, suggesting instances of {@code type} only.
     */
    static Node paramOfKind(Catalog catalog, String param, String id, Node type, String what) {
        java.util.function.Predicate<Node> wanted = x -> catalog.isA(x, type);
        Node n = param(catalog, param, id, false, wanted);
        if (!catalog.isA(n, type))
            throw new ProblemException(Problem.of(400, "Parameter '" + param + "': '" + IdIndex.idOf(n) + "' is not " + what)
                    .withParameter(param).withSuggestions(catalog.index().suggest(id, false, 8, wanted)));
        return n;
    }

    /**
     * An id in a parameter that names one of several products (as {@code compare}'s {@code ids}):
     * 400 naming the parameter when unknown, as every parameter's unknown id is, with suggestions of
     * technologies and platforms only.
     */
    static Node productParam(Catalog catalog, String param, String id) {
        Node n = catalog.index().id(id);
        if (n == null)
            throw new ProblemException(Problem.of(400, "Parameter '" + param + "': no technology or platform with id '" + id + "'")
                    .withParameter(param).withSuggestions(catalog.index().suggest(id, false, 8,
                            x -> catalog.isA(x, Catalog.TECHNOLOGY) || catalog.isA(x, Catalog.PLATFORM))));
        return n;
    }

    /** A resolved id that must be an instance of {@code type}: 400 naming the parameter otherwise. */
    static Node requireA(Catalog catalog, String param, Node n, Node type, String what) {
        if (!catalog.isA(n, type))
            throw new ProblemException(Problem.of(400, "Parameter '" + param + "': '" + IdIndex.idOf(n) + "' is not " + what)
                    .withParameter(param));
        return n;
    }

    /**
     * {@code x}, when the view knows it as a {@code type}: {@code view=paper} does not know the
     * products only current sources name (404, naming {@code parameter} when given).
     */
    static Node inView(Catalog catalog, Node x, Node type, String view, String parameter) {
        if (!view.equals("paper") || catalog.paperView().isA(x, type)) return x;
        Problem problem = Problem.of(404, "'" + IdIndex.idOf(x) + "' is not in the paper (view=paper); ask with view=all");
        if (parameter != null) problem = problem.withParameter(parameter);
        throw new ProblemException(problem.withView(view));
    }

    /**
     * 404 naming parameter {@code name} when {@code term}, an IRI, appears nowhere in the knowledge
     * base (no graph uses it), with the nearest ids: a typo (s=XPC), not an open-world unknown.
     */
    static void refuseUnused(Catalog catalog, String name, Node term) {
        if (!term.isURI()) return;
        var dsg = catalog.dataset();
        boolean used = dsg.find(Node.ANY, term, Node.ANY, Node.ANY).hasNext() || dsg.find(Node.ANY, Node.ANY, term, Node.ANY).hasNext()
                || dsg.find(Node.ANY, Node.ANY, Node.ANY, term).hasNext();
        if (used) return;
        String shown = term.getURI().startsWith(Graphs.ID) ? term.getURI().substring(Graphs.ID.length()) : "<" + term.getURI() + ">";
        List<String> near = term.getURI().startsWith(Graphs.ID) ? catalog.index().suggest(shown, true, 8) : List.of();
        throw new ProblemException(Problem.of(404, "Nothing in the knowledge base is named " + shown + " (parameter '" + name + "')"
                + (near.isEmpty() ? "" : "; did you mean " + near.getFirst() + "?"))
                .withParameter(name).withSuggestions(near));
    }
}
