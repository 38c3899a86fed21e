package org.virtkg.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.virtkg.knowledge.Catalog;

/** Small HTTP conventions shared by the REST handlers: validators, paging, content negotiation. */
public final class Http {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private Http() {}

    /**
     * Sets the weak ETag of the knowledge base's current version and answers 304 when the client
     * already has it. Every GET representation is a function of the KB version (and of the request),
     * so one validator per version is exact and costs nothing to compute.
     *
     * @return true when the handler must stop (304 sent)
     */
    public static boolean notModified(Context ctx, long version) {
        String etag = "W/\"kb-" + version + "\"";
        ctx.header("ETag", etag);
        ctx.header("Vary", "Accept");
        String inm = ctx.header("If-None-Match");
        if (inm == null) return false;
        for (String candidate : inm.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || c.equals(etag) || c.equals(etag.substring(2))) {
                ctx.status(304);
                return true;
            }
        }
        return false;
    }

    /** A page of a list: what the client asked for, checked. */
    public record Page(int limit, int offset) {
        public <T> List<T> slice(List<T> all) {
            if (offset >= all.size()) return List.of();
            return all.subList(offset, Math.min(all.size(), offset + limit));
        }

        /** The list envelope of this page's items, of {@code total} in all ({@link Envelope}). */
        public <T> Envelope<T> envelope(Context ctx, List<T> pageItems, int total) {
            String next = offset + limit < total ? link(ctx, offset + limit) : null;
            return new Envelope<>(total, limit, offset, next, pageItems, null, null, null);
        }

        private String link(Context ctx, int nextOffset) {
            StringBuilder sb = new StringBuilder(ctx.path()).append('?');
            for (var e : ctx.queryParamMap().entrySet()) {
                if (e.getKey().equals("limit") || e.getKey().equals("offset")) continue;
                for (String v : e.getValue()) sb.append(enc(e.getKey())).append('=').append(enc(v)).append('&');
            }
            return sb.append("limit=").append(limit).append("&offset=").append(nextOffset).toString();
        }
    }

    /**
     * A page of a list as it is answered (the OpenAPI schema Page is generated from it): total,
     * limit, offset, next (null on the last page) and this page's items; then what some lists say
     * of themselves, absent from the others (so the schema declares every member a page can have).
     */
    @Describe(name = "Page")
    public record Envelope<T>(int total, int limit, int offset,
            @Describe(nullable = true, description = "The next page's address, null on the last page") String next,
            List<T> items,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Describe(description = "Of a technology's platforms: the technology")
            Catalog.Ref technology,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("class") @Describe(description = "Of a class's instances: the class")
            Catalog.Ref ofClass,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Describe(description = "Of a platform list: what it leaves out, by the include= "
                    + "value that brings it back (services: commercial services)")
            Map<String, List<Catalog.Ref>> excluded) {
        public Envelope<T> withTechnology(Catalog.Ref technology) {
            return new Envelope<>(total, limit, offset, next, items, technology, ofClass, excluded);
        }

        public Envelope<T> withClass(Catalog.Ref ofClass) {
            return new Envelope<>(total, limit, offset, next, items, technology, ofClass, excluded);
        }

        public Envelope<T> withExcluded(Map<String, List<Catalog.Ref>> excluded) {
            return new Envelope<>(total, limit, offset, next, items, technology, ofClass, excluded);
        }
    }

    public static Page page(Context ctx) {
        int limit = intParam(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        return new Page(limit, offset);
    }

    static int intParam(Context ctx, String name, int dflt, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return dflt;
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw ProblemException.of(400, "Parameter '" + name + "' must be an integer from " + min
                    + (max == Integer.MAX_VALUE ? " up" : " to " + max) + ", not '" + v + "'");
        }
    }

    /**
     * The comma-separated values of the {@code include} parameter, lower-cased: what a default
     * leaves out that the caller brings back. Each must be a key of {@code allowed} (value: what it
     * brings back, for the error); 400 naming the parameter otherwise.
     */
    public static Set<String> include(Context ctx, Map<String, String> allowed) {
        Set<String> out = new LinkedHashSet<>();
        String param = ctx.queryParam("include");
        if (param == null || param.isBlank()) return out;
        for (String s : param.split(",")) {
            String v = s.trim().toLowerCase(Locale.ROOT);
            if (v.isEmpty()) continue;
            if (!allowed.containsKey(v))
                throw new ProblemException(Problem.of(400, "Parameter 'include': '" + s.trim() + "' is not one of " + new TreeSet<>(allowed.keySet())
                        + " (" + String.join("; ", new TreeMap<>(allowed).entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList()) + ")")
                        .withParameter("include"));
            out.add(v);
        }
        return out;
    }

    /** A required query parameter; 400 naming it when missing. */
    public static String required(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) throw ProblemException.of(400, "Parameter '" + name + "' is required");
        return v.trim();
    }

    /**
     * The best of {@code offered} media types for the request's Accept header (q-values honoured,
     * wildcards allowed); the first offered type when there is no Accept header; null when nothing fits.
     */
    public static String negotiate(Context ctx, List<String> offered) {
        return negotiate(ctx.header("Accept"), offered);
    }

    /** As {@link #negotiate(Context, List)}, given the Accept header's value (null when absent). */
    public static String negotiate(String accept, List<String> offered) {
        if (accept == null || accept.isBlank()) return offered.get(0);
        record Range(String type, double q, int order) {}
        List<Range> ranges = new ArrayList<>();
        int i = 0;
        for (String part : accept.split(",")) {
            String[] bits = part.trim().split(";");
            String type = bits[0].trim().toLowerCase(Locale.ROOT);
            double q = 1.0;
            for (int k = 1; k < bits.length; k++) {
                String b = bits[k].trim();
                if (b.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(b.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (!type.isEmpty()) ranges.add(new Range(type, q, i++));
        }
        String best = null;
        double bestQ = 0;
        int bestSpecificity = -1;
        for (String o : offered) {
            // The most specific matching range decides o's quality (RFC 9110 §12.5.1).
            double q = -1;
            int specificity = -1;
            for (Range r : ranges) {
                int s = r.type.equals(o) ? 2 : r.type.endsWith("/*") && o.startsWith(r.type.substring(0, r.type.length() - 1)) ? 1
                        : r.type.equals("*/*") ? 0 : -1;
                if (s > specificity) {
                    specificity = s;
                    q = r.q;
                }
            }
            if (q > bestQ || (q == bestQ && q > 0 && specificity > bestSpecificity)) {
                best = o;
                bestQ = q;
                bestSpecificity = specificity;
            }
        }
        return best;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
