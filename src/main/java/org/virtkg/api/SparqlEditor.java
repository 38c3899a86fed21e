package org.virtkg.api;

import io.javalin.http.Context;
import java.util.Map;
import java.util.TreeMap;
import org.virtkg.pages.EditorPage;
import org.virtkg.pages.Pages;

/**
 * {@code GET /sparql} from a browser (no query, HTML preferred; {@code app/FusekiGate} passes only
 * those on, every other request to the endpoint goes to Fuseki): the YASGUI editor, served from its
 * WebJar, over this server's endpoints. It completes only virtkg's own prefixes, given to the page
 * here, so it never asks prefix.cc or any other service; the query library comes from
 * {@code /api/queries}.
 */
public final class SparqlEditor {
    /** The YASGUI WebJar on the classpath (the pom pins it). */
    static final String YASGUI_VERSION = ResourceRoutes.npmWebjarVersion("zazuko__yasgui", "4.5.0");

    private final String page;

    public SparqlEditor(QueryLibrary library) {
        // The prefixes resource pages use, and every prefix a library query declares.
        Map<String, String> prefixes = new TreeMap<>(ResourceRoutes.PREFIXES.getNsPrefixMap());
        for (QueryLibrary.NamedQuery q : library.all()) q.query().getPrefixMapping().getNsPrefixMap().forEach(prefixes::putIfAbsent);
        String json;
        try {
            json = Json.MAPPER.writeValueAsString(prefixes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        this.page = Pages.render("sparql.jte", new EditorPage(YASGUI_VERSION, json, "/sparql"));
    }

    public void page(Context ctx) {
        ctx.header("Vary", "Accept").contentType("text/html; charset=utf-8").result(page);
    }
}
