package org.virtkg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Http#negotiate}, the content negotiation the REST, linked-data, Graph Store and error-page routes share, on its own. */
class ContentNegotiationTest {
    private static final List<String> RDF = List.of("text/turtle", "application/ld+json", "application/n-triples");

    @Test
    void withoutAnAcceptHeaderTheFirstOfferedTypeIsSent() {
        assertEquals("text/turtle", Http.negotiate((String) null, RDF));
        assertEquals("text/turtle", Http.negotiate("  ", RDF));
    }

    @Test
    void theHighestQualityWinsAndOnATieTheServersOrder() {
        assertEquals("application/ld+json", Http.negotiate("application/ld+json", RDF));
        assertEquals("application/ld+json", Http.negotiate("text/turtle;q=0.5, application/ld+json", RDF));
        assertEquals("text/turtle", Http.negotiate("application/ld+json, text/turtle", RDF), "equal quality: the offered order decides");
        assertEquals("text/turtle", Http.negotiate("Text/Turtle", RDF), "media types are case-insensitive");
    }

    @Test
    void wildcardsMatchButTheMostSpecificRangeDecidesAType() {
        assertEquals("application/n-triples", Http.negotiate("*/*;q=0.1, application/n-triples", RDF));
        assertEquals("text/turtle", Http.negotiate("text/*", RDF));
        assertEquals("application/ld+json", Http.negotiate("application/*;q=0.8, application/n-triples;q=0.2, */*;q=0.1", RDF));
        // text/turtle;q=0 is more specific than text/*: Turtle is refused, and nothing else is text.
        assertNull(Http.negotiate("text/*;q=0.9, text/turtle;q=0", RDF));
    }

    @Test
    void nothingAcceptableIsNullSoTheRouteCanAnswer406() {
        assertNull(Http.negotiate("image/png", RDF));
        assertNull(Http.negotiate("text/turtle;q=0", RDF));
        assertNull(Http.negotiate("text/turtle;q=abc", RDF), "an unreadable quality counts as 0");
    }
}
