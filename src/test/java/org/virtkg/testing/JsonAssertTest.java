package org.virtkg.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.JsonAssert.assertJson;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The JSON assertions pass on what they name and fail, saying where and what was found, on anything else. */
class JsonAssertTest {
    static final String DOC = """
            {"id": "KVM", "count": 3, "open": true, "ratio": 0.5, "none": null,
             "detail": "CloudStack does not support KVM",
             "tags": ["hypervisor", "type1"],
             "items": [{"id": "OpenStack", "sources": [{"iri": "https://example.org/table2"}]}, {"id": "CloudStack"}]}""";

    static void fails(Executable check, String... inMessage) {
        AssertionError e = assertThrows(AssertionError.class, check);
        for (String s : inMessage) assertTrue(e.getMessage().contains(s), "the failure says " + s + ": " + e.getMessage());
    }

    @Test
    void scalarsMustBeTheRightTypeAndValue() {
        assertJson(DOC).at("/id").is("KVM").root().at("/count").is(3).root().at("/open").is(true).root().at("/ratio").isNumber(0.5, 0);
        fails(() -> assertJson(DOC).at("/id").is("Xen"), "/id", "\"Xen\"", "found \"KVM\"");
        fails(() -> assertJson(DOC).at("/count").is("3"), "/count", "found 3");
        fails(() -> assertJson(DOC).at("/id").is(3));
        fails(() -> assertJson(DOC).at("/open").is(false));
        fails(() -> assertJson(DOC).at("/nope").is("KVM"), "/nope", "found nothing");
    }

    @Test
    void valuesAreReadOnlyWithTheirType() {
        assertTrue(assertJson(DOC).at("/open").booleanValue());
        assertEquals("KVM", assertJson(DOC).at("/id").textValue());
        assertEquals(3, assertJson(DOC).at("/count").longValue());
        fails(() -> assertJson(DOC).at("/id").booleanValue(), "expected a boolean");
        fails(() -> assertJson(DOC).at("/count").textValue(), "expected a string");
        fails(() -> assertJson(DOC).at("/ratio").longValue(), "expected an integer");
    }

    @Test
    void presenceTellsMissingFromNull() {
        assertJson(DOC).at("/none").exists().isAbsentOrNull();
        assertJson(DOC).at("/nope").isMissing().isAbsentOrNull();
        fails(() -> assertJson(DOC).at("/none").isMissing());
        fails(() -> assertJson(DOC).at("/nope").exists());
        fails(() -> assertJson(DOC).at("/id").isAbsentOrNull());
    }

    @Test
    void textChecksLookOnlyInsideOneString() {
        assertJson(DOC).at("/detail").textContains("does not support").textLacks("Xen").textStartsWith("CloudStack");
        fails(() -> assertJson(DOC).at("/detail").textContains("Xen"));
        fails(() -> assertJson(DOC).at("/tags").textContains("hypervisor"), "found [");
        fails(() -> assertJson(DOC).at("/detail").textStartsWith("KVM"));
    }

    @Test
    void arraysAreSearchedByElement() {
        assertJson(DOC).at("/tags").hasSize(2).isNonEmptyArray().hasItem("type1").hasNoItem("type2");
        assertJson(DOC).at("/items").hasItemWith("/id", "CloudStack").hasNoItemWith("/id", "KVM");
        assertEquals(List.of("OpenStack", "CloudStack"), assertJson(DOC).at("/items").texts("/id"));
        assertJson(DOC).at("/items").itemWith("/id", "OpenStack").at("/sources/0/iri").textContains("table2");
        fails(() -> assertJson(DOC).at("/tags").hasItem("type"));
        fails(() -> assertJson(DOC).at("/tags").hasSize(3), "an array of 3");
        fails(() -> assertJson(DOC).at("/items").hasItemWith("/id", "KVM"), "/items", "KVM");
        fails(() -> assertJson(DOC).at("/items").hasNoItemWith("/id", "OpenStack"));
        fails(() -> assertJson(DOC).at("/id").hasNoItem("x"), "expected an array");
        fails(() -> assertJson(DOC).at("/items").itemWith("/id", "Xen"));
    }

    @Test
    void textBelowIgnoresKeys() {
        assertJson(DOC).at("/items").hasTextBelow("CloudStack").hasTextBelowContaining("table2").hasNoTextBelowContaining("Xen");
        // "sources" and "iri" are keys, not values.
        fails(() -> assertJson(DOC).at("/items").hasTextBelowContaining("sources"));
        fails(() -> assertJson(DOC).at("/items").hasTextBelow("table2"));
        fails(() -> assertJson(DOC).at("/items").hasNoTextBelowContaining("Open"));
    }

    @Test
    void aBodyThatIsNotJsonFailsShowingIt() {
        fails(() -> assertJson("<html>oops</html>"), "not JSON", "<html>oops");
        fails(() -> assertJson(""), "empty body");
    }
}
