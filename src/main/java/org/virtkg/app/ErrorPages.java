package org.virtkg.app;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.virtkg.api.Http;
import org.virtkg.api.Problem;
import org.virtkg.pages.ErrorPage;
import org.virtkg.pages.Link;
import org.virtkg.pages.Pages;

/**
 * Errors of page routes for people: a request that prefers HTML ({@code text/html} before
 * problem+json and JSON in its {@code Accept}; {@code *}/{@code *} alone does not count) for a
 * page — {@code /id/…}, {@code /ontology…}, the web UI's files, an address nobody serves — gets
 * the problem as a page in the site's shell, its suggestions as links. The API, the OpenAPI
 * document, metrics and the Graph Store always answer problem+json.
 */
final class ErrorPages {
    /** Set on a request whose error was answered as a page, so the 404 handler keeps it. */
    static final String RENDERED = "virtkg.errorPage";

    private ErrorPages() {}

    static boolean wanted(Context ctx) {
        String path = ctx.path();
        if (path.startsWith("/api/") || path.equals("/openapi.json") || path.equals("/metrics") || path.equals("/data")) return false;
        String accept = ctx.header("Accept");
        return accept != null && "text/html".equals(Http.negotiate(accept, List.of(Problem.MEDIA_TYPE, "application/json", "text/html")));
    }

    static void respond(Context ctx, Problem p) {
        ctx.attribute(RENDERED, true);
        ctx.status(p.status()).header("Vary", "Accept").contentType("text/html; charset=utf-8")
                .result(Pages.render("error.jte", page(ctx, p)));
    }

    static ErrorPage page(Context ctx, Problem p) {
        String path = ctx.path();
        boolean resource = path.startsWith("/id/") && p.status() == 404;
        String heading = resource ? "No resource called \u201c" + decode(path.substring("/id/".length())) + "\u201d"
                : switch (p.status()) {
                    case 404 -> "Nothing at this address";
                    case 400 -> "Something in this address is not right";
                    case 406 -> "No page in a format your browser accepts";
                    default -> p.status() >= 500 ? "Something went wrong on our side" : p.title();
                };
        return new ErrorPage(p.status(), heading, p.detail(), suggestions(ctx, p), VirtkgServer.requestId(ctx));
    }

    /**
     * The problem's suggestions as links: to the suggested value of the parameter it names, on
     * the same page; otherwise to the suggested resource's page.
     */
    private static List<Link> suggestions(Context ctx, Problem p) {
        if (p.suggestions() == null) return List.of();
        List<Link> links = new ArrayList<>();
        for (String s : p.suggestions()) {
            String href = p.parameter() != null ? withParameter(ctx, p.parameter(), s) : "/id/" + encode(s);
            links.add(new Link(href, s));
        }
        return links;
    }

    private static String withParameter(Context ctx, String name, String value) {
        StringBuilder q = new StringBuilder();
        boolean replaced = false;
        for (var e : ctx.queryParamMap().entrySet())
            for (String v : e.getValue()) {
                boolean it = e.getKey().equals(name);
                if (it && replaced) continue;
                q.append(q.isEmpty() ? "?" : "&").append(encode(e.getKey())).append('=').append(encode(it ? value : v));
                replaced |= it;
            }
        if (!replaced) q.append(q.isEmpty() ? "?" : "&").append(encode(name)).append('=').append(encode(value));
        return ctx.path() + q;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String decode(String s) {
        try {
            return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
