package org.virtkg.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Triple;
import org.virtkg.knowledge.Catalog;
import org.virtkg.knowledge.Lifecycles;
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
                .addMixIn(Lifecycles.Fact.class, Fact.class)
                .addMixIn(Lifecycles.Disagreement.class, Disagreement.class)
                .addMixIn(Selection.Verdict.class, Verdict.class)
                .addMixIn(Selection.DriverAnswer.class, DriverAnswer.class);
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

        @Describe(description = "The requirement's value: an id, or true or false")
        Object value();

        @Describe(description = "The product it was judged on")
        String subject();

        @Describe(allowed = {"satisfied", "violated", "unknown"})
        String status();

        String reason();

        @Describe(description = "The sources it rests on, described; a support matrix's verdict, its release")
        List<Map<String, Object>> sources();

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
}
