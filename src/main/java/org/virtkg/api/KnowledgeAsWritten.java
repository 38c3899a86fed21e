package org.virtkg.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Triple;
import org.virtkg.kb.WriteRejectedException;
import org.virtkg.knowledge.Catalog;
import org.virtkg.knowledge.Lifecycles;
import org.virtkg.knowledge.Provenance;
import org.virtkg.knowledge.Selection;

/**
 * How the knowledge layer's records are written, which they cannot say themselves (that layer
 * knows nothing of JSON): Jackson mix-ins, registered in {@link Json#MAPPER}, whose annotations
 * {@link Schemas#answer} reads too, so a nested part's schema is generated from the record it is
 * written from. A member with no value is left out where the map it replaces left it out.
 */
final class KnowledgeAsWritten {
    private KnowledgeAsWritten() {}

    static JsonMapper.Builder register(JsonMapper.Builder b) {
        return b.addMixIn(Catalog.Product.class, Product.class)
                .addMixIn(Catalog.Value.class, Value.class)
                .addMixIn(Catalog.PlatformRef.class, PlatformRef.class)
                .addMixIn(Lifecycles.Fact.class, Fact.class)
                .addMixIn(Lifecycles.Disagreement.class, Disagreement.class)
                .addMixIn(Selection.Verdict.class, Verdict.class)
                .addMixIn(Selection.DriverAnswer.class, DriverAnswer.class)
                .addMixIn(Catalog.Summary.class, Summary.class)
                .addMixIn(Catalog.Openness.class, Openness.class)
                .addMixIn(Provenance.Source.class, Source.class)
                .addMixIn(Provenance.Release.class, Release.class)
                .addMixIn(Provenance.Document.class, Document.class)
                .addMixIn(Lifecycles.Standing.class, Standing.class)
                .addMixIn(Lifecycles.StatusSource.class, StatusSource.class)
                .addMixIn(Selection.Sensitivity.class, Sensitivity.class)
                .addMixIn(Selection.TopChoice.class, TopChoice.class)
                .addMixIn(Selection.WeightChange.class, WeightChange.class)
                .addMixIn(Selection.RequirementChange.class, RequirementChange.class)
                .addMixIn(WriteRejectedException.ShapeViolation.class, ShapeViolation.class)
                .addMixIn(WriteRejectedException.Inconsistent.class, Inconsistent.class)
                .addMixIn(WriteRejectedException.Derivation.class, Derivation.class)
                .addMixIn(WriteRejectedException.Contradicted.class, Contradicted.class)
                .addMixIn(WriteRejectedException.UnknownReference.class, UnknownReference.class)
                .addMixIn(WriteRejectedException.NamingGraph.class, NamingGraph.class);
    }

    /**
     * A product ({@link Catalog.Product}): each field of its kind a member of its own where the map
     * stands, in the field table's order, and no {@code view} in the default one.
     */
    interface Product {
        @JsonAnyGetter
        Map<String, List<Catalog.Value>> fields();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        String view();
    }

    /** A value ({@link Catalog.Value}): the commercial-service mark only on a value that is one. */
    interface Value {
        @Describe(description = "True when the value is a commercial service (vkg:CommercialService, e.g. Amazon EC2: what platform "
                + "lists leave out unless include=services); absent for every other value")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Boolean commercialService();
    }

    /** A platform named in an answer ({@link Catalog.PlatformRef}): marked as a value is, only when it is a commercial service. */
    @Describe(name = "PlatformRef", description = "A platform named in an answer: id, label and, when it is a commercial service, "
            + "commercialService: true")
    interface PlatformRef {
        @Describe(description = "The platform's id (its page and description: /id/{id})")
        String id();

        @Describe(description = "Its English label")
        String label();

        @Describe(description = "True when the platform is a commercial service (vkg:CommercialService, e.g. Amazon EC2: what platform "
                + "lists, the matrix and the selection leave out unless asked for by include=services, or by the selection's "
                + "platform filter naming it); absent for every other platform")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Boolean commercialService();
    }

    @Describe(name = "LifecycleFact", description = "A fact a source states about a product")
    interface Fact {
        @Describe(description = "The property's id (an IRI for another vocabulary's)")
        String property();

        @Describe(description = "The value's id, or a literal's text")
        String value();

        @Describe(description = "The value's label; absent for a literal")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String valueLabel();

        @Describe(description = "The source graph stating it")
        String source();

        @Describe(description = "Whether a source disputes it")
        boolean disputed();

        @Describe(description = "A current fact's source's address; absent for the paper's, and when its source gives none")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String address();

        @Describe(description = "A current fact's source's date; absent for the paper's, and when its source has none")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String asOf();
    }

    @Describe(name = "PaperAndPresentDisagreement", description = "A property on which the paper and today's sources differ, "
            + "with each side's facts of it")
    interface Disagreement {}

    /** A selection verdict ({@link Selection.Verdict}): what it rests on is shown only when it rests on something. */
    interface Verdict {
        @Describe(description = "The requirement's field")
        String field();

        @Describe(types = {"string", "boolean"}, description = "The requirement's value: an id, or true or false")
        Object value();

        @Describe(description = "The product it was judged on")
        String subject();

        @Describe(allowed = {"satisfied", "violated", "unknown"})
        String status();

        String reason();

        @Describe(description = "The sources it rests on, described; a support matrix's verdict, its release")
        List<Provenance.Cited> sources();

        @Describe(allowed = {"stated", "inferred"}, description = "Resting on a fact: whether a source states it or it is inferred")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String basis();

        @Describe(description = "Resting on a fact: whether a source disputes it")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Boolean disputed();

        @Describe(description = "Resting on a disputed fact: what the disputes say")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        List<String> disputes();

        @Describe(description = "Resting on a fact: its /api/explain question")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String explain();

        @Describe(description = "True for virtkg's reading of a table cell as the complete list, which no source states")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Boolean editorial();

        @Describe(allowed = {"supported", "partial", "unknown", "unsupported"},
                description = "From an imported support matrix: the best answer of the drivers")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String answer();

        @Describe(description = "From an imported support matrix: each driver's answer, best first")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        List<Selection.DriverAnswer> drivers();

        @JsonIgnore
        Triple fact();
    }

    @Describe(name = "SelectionDriverAnswer", description = "What one driver of an imported support matrix answers for a feature")
    interface DriverAnswer {
        @Describe(allowed = {"supported", "partial", "unknown", "unsupported"})
        String answer();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        String caveat();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        String caveatSource();

        @Describe(description = "The release's graph")
        String source();

        @Describe(description = "The support statement; absent when the matrix makes none")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String statement();
    }

    /** A list's short form of a product or another resource: whether it is open source only of a product. */
    @Describe(name = "Summary", description = "A resource in short: id, IRI, label, kinds and, of a product, whether it is open source")
    interface Summary {
        @JsonUnwrapped
        Catalog.Openness openness();
    }

    interface Openness {
        @Describe(nullable = true, description = "true: open source; false: a commercial service; null: no source says (or sources disagree)")
        Boolean openSource();
    }

    /** A source graph described: graph and role always, each other member only when the graph has it. */
    @Describe(name = "SourceDescription", description = "A source graph and what the knowledge base says of it: its place in the paper "
            + "(table, row, column, cell text; section, quote), the document it was derived from, its date, who filed it and when")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    interface Source {
        @Describe(required = true, description = "The graph's IRI")
        String graph();

        @Describe(required = true, allowed = {"ontology", "shapes", "import", "seed", "user", "terms", "inferred", "system", "changes",
                "journal", "other"}, description = "What the graph is: seed (the shipped sources), user (written through the API), import, ...")
        String role();

        @Describe(description = "Its class (vkg:Source)")
        String type();

        @Describe(description = "An imported release's or a graph written through the API: when it was made (ISO 8601)")
        String generatedAtTime();

        @Describe(description = "Who filed it: editor or admin")
        String wasAttributedTo();

        @Describe(description = "The document it was derived from")
        String wasDerivedFrom();

        @Describe(description = "The date it speaks for")
        String asOf();

        @Describe(description = "Of a table cell read into no fact: the product whose column or row it is in (its IRI)")
        String cellOf();

        @Describe(description = "Of a table cell: its column's position")
        Long columnIndex();

        @Describe(description = "Of a table cell: its row's position")
        Long rowIndex();

        @Describe(description = "True when part of what it says is doubtful and was not recorded as a fact (disputeNote says what)")
        Boolean disputed();
    }

    @Describe(name = "SupportMatrixRelease", description = "A release of an imported support matrix: its graph, name and date")
    interface Release {}

    @Describe(name = "SourceDocument", description = "An outside document cited by its address")
    interface Document {}

    /** Where a product stands today: the status's source and the other facts are members of their own. */
    @Describe(name = "Lifecycle", description = "Where a product stands today: its lifecycle status (null when no current source gives one), "
            + "address and asOf of the status's source (absent when none gives a status), and every other current fact by property id "
            + "(a value, or a list of values when the property has several)")
    interface Standing {
        @Describe(nullable = true, description = "The status's notation: maintained, discontinued, superseded, forked, ...")
        String status();

        @JsonUnwrapped
        Lifecycles.StatusSource statusSource();

        @JsonAnyGetter
        Map<String, Object> facts();
    }

    interface StatusSource {
        @Describe(nullable = true, description = "The address of the status's source, null when it gives none")
        String address();

        @Describe(nullable = true, description = "The date of the status's source, null when it has none")
        String asOf();
    }

    /** The top choice's members are the sensitivity's own, absent when no pair is selected. */
    @Describe(name = "SelectionSensitivity", description = "The smallest change that would change the top choice: top, runnerUp, margin, "
            + "tiedWith, weightChange (or null) and requirementChanges; or only a note when no pair is selected")
    interface Sensitivity {
        @JsonUnwrapped
        Selection.TopChoice choice();

        @Describe(description = "Of a tie in which some rest on a disputed fact: those that rest on none")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        List<String> tiedUndisputed();

        @Describe(description = "All of it in words")
        String note();
    }

    interface TopChoice {
        @Describe(description = "The top pair's id")
        String top();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        String runnerUp();

        @Describe(description = "The top's score less the runner-up's")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Double margin();

        @Describe(description = "The pairs the requirements cannot tell from the top")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        List<String> tiedWith();

        @Describe(nullable = true, description = "The smallest change of one weight that gives another top, or null when none does")
        Selection.WeightChange weightChange();
    }

    @Describe(name = "SelectionWeightChange")
    interface WeightChange {
        @Describe(types = {"string", "boolean"}, description = "The requirement's value: an id, or true or false")
        Object value();

        @Describe(allowed = {"raise", "lower"})
        String direction();
    }

    @Describe(name = "SelectionRequirementChange")
    interface RequirementChange {
        @Describe(allowed = {"drop", "relax to should"})
        String change();

        @Describe(types = {"string", "boolean"}, description = "The requirement's value: an id, or true or false")
        Object value();
    }

    @Describe(name = "ShapeViolation", description = "A SHACL result: what does not satisfy which shape, in words")
    interface ShapeViolation {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String path();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        String value();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        String constraint();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        String shape();

        @Describe(description = "The request's field that set the property")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String field();
    }

    @Describe(name = "Inconsistency", description = "An inconsistency the reasoner found: its rule, the triples involved and how each was "
            + "concluded; of a disagreement, who states each triple; of a refused contradiction, the claim and what it contradicts")
    interface Inconsistent {
        @Describe(description = "Triple -> the graphs that state it")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Map<String, List<String>> statedBy();

        @Describe(description = "Of a refused contradiction: the statement refused")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String claim();

        @Describe(description = "Of a refused contradiction: the statements it contradicts, with their graphs")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        List<WriteRejectedException.Contradicted> contradicts();
    }

    @Describe(name = "InconsistencyDerivation", description = "How a triple was concluded: the rule and its premises")
    interface Derivation {
        @Describe(nullable = true)
        String rule();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        List<WriteRejectedException.Derivation> premises();
    }

    @Describe(name = "InconsistencyContradicted")
    interface Contradicted {}

    @Describe(name = "UnknownReference", description = "An id the request names that the knowledge base does not have, with the nearest known ones")
    interface UnknownReference {}

    @Describe(name = "NamingGraph", description = "A graph that still names what the request would remove")
    interface NamingGraph {}
}
