package org.virtkg.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.knowledge.Catalog;
import org.virtkg.knowledge.IdIndex;
import org.virtkg.knowledge.Knowledge;
import org.virtkg.knowledge.Lifecycles;
import org.virtkg.knowledge.ProductFields;
import org.virtkg.knowledge.Provenance;

/**
 * {@code GET /api/compare?ids=KVM,Xen}: two to four technologies, or two to four platforms, side by
 * side. Every property with each one's values, each value with its basis (stated or inferred, read
 * from the request's own snapshot as the catalogue does), its sources and whether a source disputes
 * it; then the paper's sentences that speak of two or more of them (its narrative comparisons).
 */
public final class CompareRoutes {
    /** How many products one comparison takes. */
    public static final int MIN_IDS = 2;
    public static final int MAX_IDS = 4;

    private static final Node QUOTE = Catalog.vkg("quote");
    /** The properties compared, per kind: the JSON name, the property and its inverse (or null), the label; "kinds" first, then the field table's. */
    private static final List<String[]> TECHNOLOGY_PROPERTIES = compared(ProductFields.Kind.technology);
    private static final List<String[]> PLATFORM_PROPERTIES = compared(ProductFields.Kind.platform);

    private static List<String[]> compared(ProductFields.Kind side) {
        List<String[]> out = new ArrayList<>();
        out.add(new String[] {"kinds", null, null, "Kind"});
        for (ProductFields.Field f : ProductFields.of(side)) out.add(new String[] {f.name(), f.property(), f.inverse(), f.label()});
        return out;
    }

    private final Knowledge knowledge;

    public CompareRoutes(Knowledge knowledge) {
        this.knowledge = knowledge;
    }

    public void compare(Context ctx) {
        String param = ctx.queryParam("ids");
        if (param == null || param.isBlank())
            throw new ProblemException(Problem.of(400, "Parameter 'ids' is required: " + MIN_IDS + " to " + MAX_IDS
                    + " comma-separated ids of the same kind, e.g. ids=KVM,Xen").withParameter("ids"));
        List<String> ids = new ArrayList<>();
        for (String s : param.split(",")) if (!s.isBlank()) ids.add(s.trim());
        if (ids.size() < MIN_IDS || ids.size() > MAX_IDS)
            throw new ProblemException(Problem.of(400, "Parameter 'ids': give " + MIN_IDS + " to " + MAX_IDS + " ids to compare, not "
                    + ids.size()).withParameter("ids"));
        ctx.json(knowledge.read(catalog -> {
            List<Node> nodes = new ArrayList<>();
            for (String id : ids) {
                Node n = Ids.productParam(catalog, "ids", id);
                if (nodes.contains(n))
                    throw new ProblemException(Problem.of(400, "Parameter 'ids': '" + id + "' is given twice").withParameter("ids"));
                nodes.add(n);
            }
            boolean technologies = nodes.stream().allMatch(n -> catalog.isA(n, Catalog.TECHNOLOGY));
            boolean platforms = nodes.stream().allMatch(n -> catalog.isA(n, Catalog.PLATFORM));
            if (!technologies && !platforms)
                throw new ProblemException(Problem.of(400, "Parameter 'ids': compare technologies with technologies or platforms with "
                        + "platforms; " + String.join(", ", nodes.stream().map(n -> IdIndex.idOf(n) + " is a "
                        + (catalog.isA(n, Catalog.TECHNOLOGY) ? "technology" : catalog.isA(n, Catalog.PLATFORM) ? "platform" : "neither")).toList()))
                        .withParameter("ids"));
            List<Row> properties = new ArrayList<>();
            for (String[] p : technologies ? TECHNOLOGY_PROPERTIES : PLATFORM_PROPERTIES) {
                Map<String, List<Compared>> byId = new LinkedHashMap<>();
                for (Node n : nodes) byId.put(IdIndex.idOf(n), values(catalog, n, p));
                properties.add(new Row(p[0], p[3], byId));
            }
            // Where each stands today, as selection gives it beside a pair: a side-by-side choice must
            // not hide that one of them is no longer developed.
            Lifecycles.Today today = new Lifecycles.Today(catalog);
            Map<String, Lifecycles.Standing> lifecycle = new LinkedHashMap<>();
            for (Node n : nodes) lifecycle.put(IdIndex.idOf(n), today.lifecycle(n));
            return new Comparison(technologies ? "technology" : "platform", nodes.stream().map(n -> catalog.ref(n)).toList(), properties,
                    narrative(catalog, nodes), lifecycle, today.cautions(nodes));
        }));
    }

    /** The answer of {@code /api/compare} (its schema in /openapi.json is generated from it). */
    @Describe(name = "Comparison", description = "Products of one kind side by side: every property with each one's values, the "
            + "sources' sentences that compare them, and where each stands today")
    public record Comparison(
            @Describe(allowed = {"technology", "platform"}) String kind,
            @Describe(description = "The products compared, in the order asked") List<Catalog.Ref> items,
            @Describe(description = "Kind, then the kind's fields of the field table (/api/fields)") List<Row> properties,
            @Describe(description = "Sentences of the sources that name at least two of them: the sentence's source described "
                    + "(graph, quote, ...) and mentions, the ids it names")
            List<Mention> narrative,
            @Describe(description = "Product id -> where it stands today (status, address, asOf, ...), null when no current source speaks of it")
            Map<String, Lifecycles.Standing> lifecycle,
            @Describe(description = "Warnings for a discontinued or superseded product") List<String> cautions) {}

    /** A sentence of a source that names two or more of the products compared: its source described, and the ids it names. */
    @Describe(name = "ComparisonMention")
    public record Mention(@JsonUnwrapped @Describe(required = true) Provenance.Source source,
            @Describe(description = "The ids of the products compared it names") List<String> mentions) {}

    /** One property side by side: its JSON name and label, and each product's values by id. */
    @Describe(name = "ComparisonRow")
    public record Row(String property, String label, @Describe(description = "Product id -> its values") Map<String, List<Compared>> values) {}

    /** A value as a product's own answer gives it ({@link Catalog.Value}), with its source graphs described rather than named. */
    @Describe(name = "ComparedValue")
    public record Compared(String id, String label, @Describe(allowed = {"stated", "inferred"}, nullable = true) String basis, boolean disputed,
            @Describe(description = "The source graphs it rests on, described") List<Provenance.Source> sources,
            List<Catalog.Dispute> disputes, List<Catalog.Condition> conditions,
            @Describe(description = "True when the value is a commercial service (vkg:CommercialService, e.g. Amazon EC2), as a "
                    + "product's own values mark it; absent for every other value")
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean commercialService) {}

    private static List<Compared> values(Catalog catalog, Node s, String[] p) {
        DatasetGraph dsg = catalog.dataset();
        List<Catalog.Value> vs = p[1] == null ? catalog.kinds(s) : catalog.values(s, Catalog.vkg(p[1]), p[2] == null ? null : Catalog.vkg(p[2]));
        List<Compared> out = new ArrayList<>();
        for (Catalog.Value v : vs) {
            List<Provenance.Source> sources = new ArrayList<>();
            for (String g : v.sources()) sources.add(Provenance.describe(dsg, org.apache.jena.graph.NodeFactory.createURI(g)));
            // Why it is disputed and with what condition, as a product's own values say (who filed each: filedIn).
            out.add(new Compared(v.id(), v.label(), v.basis(), v.disputed(), sources, v.disputes(), v.conditions(), v.commercialService()));
        }
        return out;
    }

    /** Sentences of the sources that name at least two of the compared products (by label or alternative label). */
    private static List<Mention> narrative(Catalog catalog, List<Node> nodes) {
        DatasetGraph dsg = catalog.dataset();
        Map<Node, List<Pattern>> names = new LinkedHashMap<>();
        for (Node n : nodes) {
            Set<String> labels = new LinkedHashSet<>(List.of(catalog.label(n), IdIndex.idOf(n)));
            catalog.union().find(n, org.apache.jena.vocabulary.SKOS.altLabel.asNode(), Node.ANY).forEachRemaining(t -> {
                if (t.getObject().isLiteral()) labels.add(t.getObject().getLiteralLexicalForm());
            });
            names.put(n, labels.stream().map(l -> Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(l) + "(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)).toList());
        }
        List<Mention> out = new ArrayList<>();
        Set<Node> seen = new LinkedHashSet<>();
        for (var it = dsg.find(Node.ANY, Node.ANY, QUOTE, Node.ANY); it.hasNext(); ) {
            var q = it.next();
            if (!KnowledgeBase.isAssertedGraph(q.getGraph()) || !q.getObject().isLiteral() || !seen.add(q.getSubject())) continue;
            String text = q.getObject().getLiteralLexicalForm();
            List<String> mentions = new ArrayList<>();
            for (var e : names.entrySet())
                if (e.getValue().stream().anyMatch(p -> p.matcher(text).find())) mentions.add(IdIndex.idOf(e.getKey()));
            if (mentions.size() < MIN_IDS) continue;
            out.add(new Mention(Provenance.describe(dsg, q.getSubject()), mentions));
        }
        out.sort(java.util.Comparator.comparing(m -> m.source().graph().toLowerCase(Locale.ROOT)));
        return out;
    }
}
