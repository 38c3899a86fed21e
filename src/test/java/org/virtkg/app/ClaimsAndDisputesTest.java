package org.virtkg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.Fixtures.ADMIN;
import static org.virtkg.testing.Fixtures.EDITOR;
import static org.virtkg.testing.Fixtures.get;
import static org.virtkg.testing.JsonAssert.assertJson;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.api.Json;
import org.virtkg.security.AccessTokens;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.TestServer;

/**
 * Disagreement is recorded, not refused and not merged: an editor's sourced claim that contradicts
 * the paper makes the pair {@code disputed} in every view, with both sides and their sources;
 * withdrawing it restores the answer; an unsourced contradiction is refused naming what it
 * contradicts; a source contradicting itself is still refused. Over HTTP, on the shipped data.
 */
class ClaimsAndDisputesTest {
    static TestServer server;
    static String base;
    static final String SOURCE = "https://example.org/our-cloudstack-tests";

    @BeforeAll
    static void start() {
        server = TestServer.withShippedData(AccessTokens.of(ADMIN, EDITOR));
        base = server.base();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> send(String method, String path, String body, String token) {
        return send(method, path, body, token, "application/json");
    }

    static HttpResponse<String> send(String method, String path, String body, String token, String contentType) {
        var b = HttpRequest.newBuilder(URI.create(base + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return Fixtures.send(b, "Content-Type", contentType, "Authorization", "Bearer " + token);
    }

    static JsonNode json(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        try {
            return Json.MAPPER.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError(r.body(), e);
        }
    }

    static JsonNode compatibility(String technology, String platform) {
        return json(get(base + "/api/compatibility?technology=" + technology + "&platform=" + platform), 200);
    }

    static JsonNode valueIn(JsonNode values, String id) {
        for (JsonNode v : values) if (v.get("id").asText().equals(id)) return v;
        throw new AssertionError(id + " not in " + values);
    }

    static String matrixCell(String technology, String platform) throws Exception {
        JsonNode m = json(get(base + "/api/compatibility/matrix"), 200);
        for (JsonNode c : m.get("cells"))
            if (c.get("technology").asText().equals(technology) && c.get("platform").asText().equals(platform))
                return c.get("status").asText() + "/" + c.get("basis").asText();
        throw new AssertionError("no cell " + technology + " x " + platform);
    }

    static String csvRow(String technology, String platform) {
        for (String line : get(base + "/api/compatibility/matrix", "Accept", "text/csv").body().split("\r\n"))
            if (line.startsWith(technology + "," + platform + ",")) return line;
        throw new AssertionError("no CSV row " + technology + "," + platform);
    }

    @Test
    void aSourcedContradictionIsADisputeEverywhereAndWithdrawingItRestoresTheAnswer() throws Exception {
        // Table 2 states CloudStack supports KVM.
        JsonNode before = compatibility("KVM", "CloudStack");
        assertEquals("supported", before.get("status").asText(), before.toString());
        assertEquals("stated", before.get("basis").asText());
        assertEquals("supported/stated", matrixCell("KVM", "CloudStack"));

        JsonNode created = json(send("POST", "/api/claims", """
                {"subject": "CloudStack", "property": "doesNotSupport", "object": "KVM",
                 "source": "%s", "note": "Our tests of CloudStack failed with KVM hosts"}""".formatted(SOURCE), EDITOR), 201);
        String id = created.get("id").asText();
        assertTrue(created.get("knowledgeBase").get("disputed").asBoolean(), created.toString());

        // /api/compatibility: disputed, both sides, each with its sources.
        JsonNode c = compatibility("KVM", "CloudStack");
        assertEquals("disputed", c.get("status").asText(), c.toString());
        assertEquals("stated", c.get("basis").asText());
        // The paper's side keeps its sources; the editor's side has its own.
        assertJson(c).at("/sources").hasItemWith("/graph", "https://w3id.org/virtkg/source/paper/table2/CloudStack/supports");
        assertJson(c).at("/against/sources").hasItemWith("/wasDerivedFrom", SOURCE);
        // A dispute note carries its own sources.
        assertJson(c).at("/disputes").isNonEmptyArray().itemWith("/claim", "CloudStack supports KVM")
                .at("/sources").hasItemWith("/wasDerivedFrom", SOURCE);
        // The matrix (JSON and CSV), the technology's and the platform's values, the product page, the platform filter.
        assertEquals("disputed/stated", matrixCell("KVM", "CloudStack"));
        assertEquals("KVM,CloudStack,disputed,stated", csvRow("KVM", "CloudStack"));
        JsonNode kvm = json(get(base + "/api/technologies/KVM"), 200);
        assertTrue(valueIn(kvm.get("platforms"), "CloudStack").get("disputed").asBoolean(), kvm.get("platforms").toString());
        // The claim contradicting it is about CloudStack, yet KVM's sources describe it (who filed it, when): every graph
        // a product's answer names is described there.
        String claimGraph = created.get("graph").asText();
        assertJson(valueIn(kvm.get("platforms"), "CloudStack").get("disputes")).hasTextBelow(claimGraph);
        assertJson(kvm).at("/sources").itemWith("/graph", claimGraph).at("/wasAttributedTo").is(created.get("by").asText());
        JsonNode cloudStack = json(get(base + "/api/platforms/CloudStack"), 200);
        assertTrue(valueIn(cloudStack.get("hypervisors"), "KVM").get("disputed").asBoolean());
        assertTrue(valueIn(cloudStack.get("doesNotSupport"), "KVM").get("disputed").asBoolean(), "the editor's claim is disputed too");
        String page = get(base + "/id/CloudStack", "Accept", "text/html").body();
        assertTrue(page.matches("(?s).*<dd data-basis=\"stated\" data-disputed=\"true\"><a [^>]*href=\"/id/KVM\".*"), "the page marks it");
        // Selection: the pair is still a candidate (some source says it works) but carries the flag.
        JsonNode sel = json(Fixtures.post(base + "/api/selection?platform=CloudStack&technology=KVM", "{\"hostOS\": \"Linux\"}",
                "Content-Type", "application/json"), 200);
        JsonNode pair = sel.get("items").get(0).get("compatibility");
        assertEquals("disputed", pair.get("status").asText(), pair.toString());
        assertTrue(pair.get("disputed").asBoolean());

        // The claim is listed and can be read back.
        JsonNode one = json(get(base + "/api/claims/" + id), 200);
        assertEquals("doesNotSupport", one.get("property").asText());
        assertEquals(SOURCE, one.get("source").asText());
        assertJson(json(get(base + "/api/claims"), 200)).at("/items").hasItemWith("/id", id);

        // Withdrawn: every view answers as before.
        assertEquals(204, send("DELETE", "/api/claims/" + id, null, EDITOR).statusCode());
        assertEquals(404, get(base + "/api/claims/" + id).statusCode());
        assertEquals("supported", compatibility("KVM", "CloudStack").get("status").asText());
        assertEquals("supported/stated", matrixCell("KVM", "CloudStack"));
        assertFalse(valueIn(json(get(base + "/api/technologies/KVM"), 200).get("platforms"), "CloudStack").get("disputed").asBoolean());
    }

    /**
     * An inferred claim is disputed only when every derivation of it rests on a disputed fact: a
     * second, undisputed one (from a later write, which leaves the first derivation the reasoner
     * recorded in place) takes the dispute away, and withdrawing it brings the dispute back.
     */
    @Test
    void anInferredClaimIsDisputedOnlyWhenEveryDerivationRestsOnADisputedFact() {
        // Shipped: PowerVM and UML are hypervisors, so virtualization technologies, whatever the
        // disputed support of OpenStack for them says; KVM's type 1 rests only on Table 1's disputed cell.
        for (String technology : List.of("PowerVM", "UML"))
            assertFalse(kindOf(technology, "VirtualizationTechnology").get("disputed").asBoolean(), technology);
        assertTrue(kindOf("KVM", "Type1Hypervisor").get("disputed").asBoolean());
        // Every disputed value says who disputes it and why, not only that it is disputed.
        JsonNode type1 = kindOf("KVM", "Type1Hypervisor").get("disputes");
        assertEquals("rests-on-disputed", type1.get(0).get("kind").asText(), type1.toString());
        JsonNode vmm = valueIn(json(get(base + "/api/technologies/KVM"), 200).get("vmmType"), "Type1");
        assertTrue(vmm.get("disputed").asBoolean() && !vmm.get("disputes").isEmpty(), vmm.toString());
        for (JsonNode d : vmm.get("disputes"))
            assertTrue(!d.get("note").asText().isBlank() && d.get("sources").isArray(), "a note in words and its sources: " + d);
        assertTrue(kindOf("KVM", "Hypervisor").get("disputes").isEmpty(), "an undisputed value has none");
        json(send("POST", "/api/products", """
                {"id": "Quokka", "kind": "Hypervisor", "label": "Quokka", "source": "https://example.org/quokka"}""", EDITOR), 201);
        // Quokka is a virtualization technology because it is a hypervisor; a source disputes that it is one.
        assertFalse(kindOf("Quokka", "VirtualizationTechnology").get("disputed").asBoolean());
        String dispute = json(send("POST", "/api/claims", """
                {"kind": "dispute", "subject": "Quokka", "property": "type", "object": "Hypervisor",
                 "source": "https://example.org/no-quokka", "note": "Quokka is no hypervisor"}""", EDITOR), 201).get("id").asText();
        JsonNode disputed = kindOf("Quokka", "VirtualizationTechnology");
        assertEquals("inferred", disputed.get("basis").asText(), disputed.toString());
        assertTrue(disputed.get("disputed").asBoolean(), "its one derivation rests on a disputed fact: " + disputed);
        // Another source: a platform supports it, and what a platform supports is a virtualization technology.
        String other = json(send("POST", "/api/claims", """
                {"subject": "OpenNebula", "property": "supports", "object": "Quokka", "source": "https://example.org/one-quokka"}""", EDITOR), 201)
                .get("id").asText();
        JsonNode undisputed = kindOf("Quokka", "VirtualizationTechnology");
        assertFalse(undisputed.get("disputed").asBoolean(), "another derivation holds without the disputed fact: " + undisputed);
        assertTrue(undisputed.get("sources").toString().contains("/claim/" + other), "sourced by that derivation (the claim's graph): " + undisputed);
        assertEquals(204, send("DELETE", "/api/claims/" + other, null, EDITOR).statusCode());
        assertTrue(kindOf("Quokka", "VirtualizationTechnology").get("disputed").asBoolean(), "withdrawn: disputed again");
        // A product a claim still names is not deleted: it would live on in the claim, beyond every endpoint's reach.
        JsonNode named = json(send("DELETE", "/api/products/Quokka", null, EDITOR), 409);
        assertTrue(named.get("detail").asText().contains("/claim/" + dispute), named.toString());
        assertTrue(named.get("detail").asText().contains("(DELETE /api/claims/" + dispute + ")"), "says how to remove it: " + named);
        assertEquals(200, get(base + "/api/products/Quokka").statusCode(), "still there, whole");
        assertEquals(204, send("DELETE", "/api/claims/" + dispute, null, EDITOR).statusCode());
        assertEquals(204, send("DELETE", "/api/products/Quokka", null, EDITOR).statusCode());
        assertEquals(404, get(base + "/api/products/Quokka").statusCode());
    }

    static JsonNode kindOf(String technology, String kind) {
        return valueIn(json(get(base + "/api/technologies/" + technology), 200).get("kinds"), kind);
    }

    @Test
    void anUnsourcedContradictionIsRefusedNamingWhatItContradicts() {
        JsonNode refused = json(send("POST", "/api/claims", """
                {"subject": "CloudStack", "property": "doesNotSupport", "object": "KVM"}""", EDITOR), 422);
        assertEquals("contradiction", refused.get("kind").asText(), refused.toString());
        String detail = refused.get("detail").asText();
        assertTrue(detail.contains("'CloudStack does not support KVM' contradicts 'CloudStack supports KVM'"), "in words: " + detail);
        assertTrue(detail.contains("Table 2") && detail.contains("table2/CloudStack/supports"), "names who states it: " + detail);
        assertTrue(detail.contains("source"), "says what to do: " + detail);
        // Nothing was stored: the refusal names no claim graph of its own.
        assertFalse(refused.toString().contains("graph/user/claim/"), refused.toString());
        // The same through SPARQL Update into a user graph (the example): refused, nothing kept.
        var update = send("POST", "/update", """
                PREFIX vkg: <https://w3id.org/virtkg/ontology#>
                PREFIX id: <https://w3id.org/virtkg/id/>
                INSERT DATA { GRAPH <https://w3id.org/virtkg/graph/user/x> { id:CloudStack vkg:doesNotSupport id:KVM } }""",
                ADMIN, "application/sparql-update");
        assertTrue(update.statusCode() == 400 || update.statusCode() == 422, update.statusCode() + " " + update.body());
        assertJson(update).at("/kind").is("contradiction").root().at("/detail").textContains("contradicts");
        assertEquals("supported", compatibility("KVM", "CloudStack").get("status").asText());
        assertFalse(VirtkgServerTest.askAt(base, "GRAPH ?g { <https://w3id.org/virtkg/id/CloudStack> "
                + "<https://w3id.org/virtkg/ontology#doesNotSupport> <https://w3id.org/virtkg/id/KVM> }"));
    }

    /**
     * An unsourced copy of a sourced side of a disagreement is refused like any unsourced
     * contradiction (fourth walk-through: it was taken, and stayed as the only side, disputing the
     * paper on no one's word, once the sourced claim was withdrawn).
     */
    @Test
    void anUnsourcedCopyOfASourcedContradictionIsRefusedToo() {
        JsonNode sourced = json(send("POST", "/api/claims", """
                {"subject": "CloudStack", "property": "doesNotSupport", "object": "KVM", "source": "%s"}""".formatted(SOURCE), EDITOR), 201);
        try {
            assertEquals("disputed", compatibility("KVM", "CloudStack").get("status").asText());
            JsonNode copy = json(send("POST", "/api/claims", """
                    {"subject": "CloudStack", "property": "doesNotSupport", "object": "KVM"}""", EDITOR), 422);
            assertEquals("contradiction", copy.get("kind").asText(), copy.toString());
            assertTrue(copy.get("detail").asText().contains("'CloudStack does not support KVM' contradicts"), copy.toString());
        } finally {
            assertEquals(204, send("DELETE", "/api/claims/" + sourced.get("id").asText(), null, EDITOR).statusCode());
        }
        // Withdrawn, nothing disputes the paper any more.
        assertEquals("supported", compatibility("KVM", "CloudStack").get("status").asText());
    }

    @Test
    void aSourcedReadingOfTheVmmTypeIsRecordedAsADisputeNotRefused() {
        // Disjoint VMM types (Table 1 puts each VMM in exactly one) would refuse this as an
        // inconsistency over the union; with a source of its own it is a disagreement.
        JsonNode created = json(send("POST", "/api/claims", """
                {"subject": "KVM", "property": "vmmType", "object": "Type2",
                 "source": "https://example.org/kvm-is-hosted", "note": "KVM is commonly classed as a hosted (type 2) hypervisor"}""",
                EDITOR), 201);
        JsonNode kvm = json(get(base + "/api/technologies/KVM"), 200);
        assertTrue(valueIn(kvm.get("vmmType"), "Type1").get("disputed").asBoolean(), kvm.get("vmmType").toString());
        assertTrue(valueIn(kvm.get("vmmType"), "Type2").get("disputed").asBoolean(), kvm.get("vmmType").toString());
        assertEquals(204, send("DELETE", "/api/claims/" + created.get("id").asText(), null, EDITOR).statusCode());
        assertJson(json(get(base + "/api/technologies/KVM"), 200)).at("/vmmType").hasNoItemWith("/id", "Type2");
    }

    /** A claim dated by its source (asOf) is weighed by the current view: the newest dated side of a disagreement wins. */
    @Test
    void aDatedClaimIsWeighedByTheCurrentView() {
        JsonNode before = json(get(base + "/api/compatibility?technology=KVM&platform=CloudStack&view=current"), 200);
        assertEquals("supported", before.get("status").asText(), before.toString());
        JsonNode dated = json(send("POST", "/api/claims", """
                {"subject": "CloudStack", "property": "doesNotSupport", "object": "KVM",
                 "source": "https://example.org/cloudstack-2026", "asOf": "2026-01-15"}""", EDITOR), 201);
        try {
            assertEquals("2026-01-15", dated.get("asOf").asText(), dated.toString());
            // Every source: both sides, each dated.
            JsonNode all = compatibility("KVM", "CloudStack");
            assertEquals("disputed", all.get("status").asText(), all.toString());
            assertTrue(all.toString().contains("\"asOf\":\"2026-01-15\""), "the claim's side is dated: " + all);
            // Today: the 2026 source is newer than the paper (2015), so it decides, and says so.
            JsonNode current = json(get(base + "/api/compatibility?technology=KVM&platform=CloudStack&view=current"), 200);
            assertEquals("unsupported", current.get("status").asText(), current.toString());
            assertJson(current).at("/decidedBy").textContains("2026-01-15");
        } finally {
            assertEquals(204, send("DELETE", "/api/claims/" + dated.get("id").asText(), null, EDITOR).statusCode());
        }
        assertEquals("supported", json(get(base + "/api/compatibility?technology=KVM&platform=CloudStack&view=current"), 200)
                .get("status").asText());
        // A date is a day that has come, written as one, and dates a source.
        JsonNode badDay = json(send("POST", "/api/claims", """
                {"subject": "CloudStack", "property": "doesNotSupport", "object": "KVM", "source": "https://example.org/x", "asOf": "2026-13-01"}""", EDITOR), 400);
        assertEquals("asOf", badDay.get("field").asText(), badDay.toString());
        json(send("POST", "/api/claims", """
                {"subject": "CloudStack", "property": "doesNotSupport", "object": "KVM", "source": "https://example.org/x", "asOf": "2999-01-01"}""", EDITOR), 400);
        json(send("POST", "/api/claims", """
                {"subject": "CloudStack", "property": "supports", "object": "KVM", "asOf": "2020-01-01"}""", EDITOR), 422);
        // A product's claims are as of the product's source: a date is for a claim filed on its own.
        JsonNode inProduct = json(send("POST", "/api/products", """
                {"kind": "Hypervisor", "id": "DatedClaimHv", "label": "Dated", "hostOS": ["Linux"], "source": "https://example.org/d",
                 "claims": [{"property": "supportedBy", "object": "OpenStack", "asOf": "2020-01-01"}]}""", EDITOR), 400);
        assertEquals("claims[0].asOf", inProduct.get("field").asText(), inProduct.toString());
    }

    @Test
    void disputesAndConditionsAttachToOneClaim() {
        // A note on a statement nobody makes is refused: it would dispute nothing.
        JsonNode nothing = json(send("POST", "/api/claims", """
                {"kind": "dispute", "subject": "OpenStack", "property": "supports", "object": "VirtualBox",
                 "source": "https://example.org/no", "note": "no"}""", EDITOR), 422);
        assertTrue(nothing.get("detail").asText().contains("neither states nor entails"), nothing.toString());
        assertEquals("unknown", compatibility("VirtualBox", "OpenStack").get("status").asText());
        assertEquals("supported", compatibility("Xen", "Nimbus").get("status").asText());
        // A dispute needs a source.
        json(send("POST", "/api/claims", """
                {"kind": "dispute", "subject": "Nimbus", "property": "supports", "object": "Xen"}""", EDITOR), 422);
        JsonNode dispute = json(send("POST", "/api/claims", """
                {"kind": "dispute", "subject": "Nimbus", "property": "supports", "object": "Xen",
                 "source": "https://example.org/nimbus-xen", "note": "Nimbus dropped Xen"}""", EDITOR), 201);
        JsonNode c = compatibility("Xen", "Nimbus");
        assertEquals("disputed", c.get("status").asText(), c.toString());
        assertJson(c).at("/disputes").hasTextBelow("Nimbus dropped Xen");
        // Who disputes it: the filing graph, described (who, when), in every view of the claim.
        String filing = dispute.get("graph").asText(), who = dispute.get("by").asText(), day = dispute.get("created").asText().substring(0, 10);
        JsonNode filedBy = assertJson(c).at("/disputes").itemWith("/note", "Nimbus dropped Xen").at("/filedBy").node();
        assertEquals(filing, filedBy.get("graph").asText(), c.toString());
        assertEquals(who, filedBy.get("wasAttributedTo").asText(), c.toString());
        // Its label says a dispute was filed, not that the editor claims what they dispute.
        assertTrue(filedBy.toString().contains("Dispute by " + who + " of: "), filedBy.toString());
        assertFalse(filedBy.toString().contains("Claim by "), filedBy.toString());
        JsonNode nimbus = json(get(base + "/api/platforms/Nimbus"), 200);
        JsonNode xen = assertJson(nimbus).at("/hypervisors").itemWith("/id", "Xen").node();
        assertJson(xen).at("/disputes").itemWith("/note", "Nimbus dropped Xen").at("/filedIn").hasItem(filing);
        assertJson(nimbus).at("/sources").itemWith("/graph", filing).at("/wasAttributedTo").is(who);
        String page = get(base + "/id/Nimbus", "Accept", "text/html").body();
        assertTrue(page.contains("Nimbus dropped Xen") && page.contains("filed by " + who + " on " + day), page);
        // Only that claim: Nimbus's support of KVM is untouched.
        assertEquals("supported", compatibility("KVM", "Nimbus").get("status").asText());
        assertEquals(204, send("DELETE", "/api/claims/" + dispute.get("id").asText(), null, EDITOR).statusCode());
        assertEquals("supported", compatibility("Xen", "Nimbus").get("status").asText());

        JsonNode condition = json(send("POST", "/api/claims", """
                {"kind": "condition", "subject": "Nimbus", "property": "supports", "object": "KVM",
                 "source": "https://example.org/nimbus-kvm", "note": "Only with the KVM back end enabled"}""", EDITOR), 201);
        JsonNode p = compatibility("KVM", "Nimbus");
        assertEquals("partial", p.get("status").asText(), p.toString());
        assertJson(p).at("/conditions").hasTextBelow("Only with the KVM back end enabled");
        // The platform's own value says so too, with who filed it: not only the compatibility check.
        JsonNode kvm = assertJson(json(get(base + "/api/platforms/Nimbus"), 200)).at("/hypervisors").itemWith("/id", "KVM").node();
        assertJson(kvm).at("/conditions").itemWith("/note", "Only with the KVM back end enabled").at("/filedIn").hasItem(condition.get("graph").asText());
        assertJson(kvm).at("/conditions/0/sources").hasItem("https://example.org/nimbus-kvm");
        assertEquals(204, send("DELETE", "/api/claims/" + condition.get("id").asText(), null, EDITOR).statusCode());
        assertEquals("supported", compatibility("KVM", "Nimbus").get("status").asText());
    }

    @Test
    void aSourceContradictingItselfIsStillRefused() {
        var put = send("PUT", "/data?graph=" + Fixtures.enc("https://w3id.org/virtkg/graph/user/self-contradiction"), """
                @prefix vkg: <https://w3id.org/virtkg/ontology#> .
                @prefix id: <https://w3id.org/virtkg/id/> .
                <https://w3id.org/virtkg/graph/user/self-contradiction> <http://www.w3.org/ns/prov#wasDerivedFrom> <https://example.org/x> .
                id:Ganeti vkg:supports id:LXC ; vkg:doesNotSupport id:LXC .""", ADMIN, "text/turtle");
        assertEquals(422, put.statusCode(), put.body());
        assertJson(put).at("/kind").is("inconsistent");
        assertEquals("unknown", compatibility("LXC", "Ganeti").get("status").asText());
    }

    @Test
    void aProductCarriesClaimsOfItsOwn() {
        // A new hypervisor whose source also disputes a claim of the paper and states a VMM type.
        JsonNode created = json(send("POST", "/api/products", """
                {"kind": "Hypervisor", "id": "Bhyve", "label": "bhyve", "hostOS": ["BSD"], "source": "https://bhyve.org/",
                 "claims": [
                   {"property": "vmmType", "object": "Type2"},
                   {"property": "maxGuestMemoryGB", "object": "512"},
                   {"kind": "dispute", "subject": "Ganeti", "property": "supports", "object": "Xen",
                    "source": "https://example.org/ganeti-notes", "note": "Ganeti's Xen support is unmaintained"}]}""", EDITOR), 201);
        assertEquals("Bhyve", created.get("id").asText());
        JsonNode bhyve = json(get(base + "/api/technologies/Bhyve"), 200);
        assertEquals("stated", valueIn(bhyve.get("vmmType"), "Type2").get("basis").asText(), bhyve.toString());
        JsonNode c = compatibility("Xen", "Ganeti");
        assertEquals("disputed", c.get("status").asText(), c.toString());
        assertJson(c).at("/disputes").hasTextBelow("Ganeti's Xen support is unmaintained");
        // Read back in the shape it was sent, so an edit keeps the claims.
        JsonNode back = json(get(base + "/api/products/Bhyve"), 200);
        // (a claim whose property is one of the product's fields is shown as that field)
        assertEquals("[\"Type2\"]", back.get("vmmType").toString(), back.toString());
        assertEquals(2, back.get("claims").size(), back.toString());
        assertJson(back).at("/claims").itemWith("/kind", "dispute").at("/subject").is("Ganeti");
        // As the store keeps an xsd:decimal.
        assertJson(back).at("/claims").itemWith("/property", "maxGuestMemoryGB").at("/object").is("512.0");
        // A claim with another source than the product's is a claim of its own.
        JsonNode refused = json(send("PUT", "/api/products/Bhyve", """
                {"kind": "Hypervisor", "id": "Bhyve", "label": "bhyve", "hostOS": ["BSD"], "source": "https://bhyve.org/",
                 "claims": [{"property": "vmmType", "object": "Type1", "source": "https://example.org/elsewhere"}]}""", EDITOR), 422);
        assertEquals("claims[0].source", refused.get("field").asText());
        // Deleting the product withdraws its claims.
        assertEquals(204, send("DELETE", "/api/products/Bhyve", null, EDITOR).statusCode());
        assertEquals("supported", compatibility("Xen", "Ganeti").get("status").asText());
    }

    /**
     * A claim's subject and object are "an id, prefixed name or IRI" (the ClaimInput schema): the
     * full IRI of a resource (https://w3id.org/virtkg/id/CloudStack) or id:CloudStack names the
     * same resource as CloudStack. An IRI names one resource exactly; one that names none is
     * refused saying what to give, with the ids near it.
     */
    @Test
    void aClaimNamesItsSubjectAndObjectByIdPrefixedNameOrFullIri() {
        for (String[] names : List.of(new String[] {"https://w3id.org/virtkg/id/CloudStack", "https://w3id.org/virtkg/id/KVM"},
                new String[] {"id:CloudStack", "id:KVM"})) {
            JsonNode filed = json(send("POST", "/api/claims", """
                    {"subject": "%s", "property": "supports", "object": "%s", "source": "https://example.org/cloudstack-kvm"}"""
                    .formatted(names[0], names[1]), EDITOR), 201);
            assertEquals("CloudStack", filed.get("subject").asText(), filed.toString());
            assertEquals("KVM", filed.get("object").asText(), filed.toString());
            assertEquals(204, send("DELETE", "/api/claims/" + filed.get("id").asText(), null, EDITOR).statusCode());
        }
        for (String wrong : List.of("https://w3id.org/virtkg/id/cloudstack", "https://example.org/CloudStack", "id:CloudStak")) {
            JsonNode refused = json(send("POST", "/api/claims", """
                    {"subject": "%s", "property": "supports", "object": "KVM", "source": "https://example.org/x"}""".formatted(wrong), EDITOR), 422);
            String detail = refused.get("detail").asText();
            assertEquals("subject", refused.get("field").asText());
            assertTrue(detail.contains("'" + wrong + "'") && detail.contains("an id (such as CloudStack)")
                    && detail.contains("https://w3id.org/virtkg/id/"), detail);
            if (!wrong.startsWith("https://example.org")) assertJson(refused).at("/suggestions").hasItem("CloudStack");
        }
    }

    @Test
    void claimRequestsAreCheckedField_by_field() {
        JsonNode unknownId = json(send("POST", "/api/claims", """
                {"subject": "CloudStak", "property": "supports", "object": "KVM", "source": "https://example.org"}""", EDITOR), 422);
        assertEquals("subject", unknownId.get("field").asText());
        assertJson(unknownId).at("/suggestions").hasItem("CloudStack");
        JsonNode badProperty = json(send("POST", "/api/claims", """
                {"subject": "CloudStack", "property": "likes", "object": "KVM"}""", EDITOR), 422);
        assertEquals("property", badProperty.get("field").asText());
        assertEquals(401, send("POST", "/api/claims", "{}", "wrong-token").statusCode());
        assertNotNull(json(send("POST", "/api/claims", """
                {"subject": "CloudStack", "property": "supports", "object": "KVM", "colour": "red"}""", EDITOR), 400).get("field"));
    }
}
