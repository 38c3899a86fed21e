package org.virtkg.api;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.virtkg.kb.WriteRejectedException;

/**
 * Conditional requests (RFC 9110 §13) on resources that are one named graph each: products,
 * terms and Graph Store graphs.
 *
 * <p>A resource's strong ETag is a digest of its graph's content (its triples, sorted), so two
 * reads of the same content agree on every instance and across restarts, and any change to the
 * content changes it. The preconditions are checked <em>inside</em> the write transaction,
 * against the state the write changes, so two editors can never overwrite each other: the second
 * {@code PUT} with the ETag both read gets 412. {@code If-None-Match: *} makes a {@code PUT} a
 * create that fails (412) when the resource exists.
 */
public final class Conditional {
    private final String ifMatch;
    private final String ifNoneMatch;

    private Conditional(String ifMatch, String ifNoneMatch) {
        this.ifMatch = ifMatch;
        this.ifNoneMatch = ifNoneMatch;
    }

    /** The request's {@code If-Match} and {@code If-None-Match}. */
    public static Conditional of(Context ctx) {
        return new Conditional(ctx.header("If-Match"), ctx.header("If-None-Match"));
    }

    /** No conditions. */
    public static Conditional none() {
        return new Conditional(null, null);
    }

    /** What writing a one-graph resource did: whether it held anything before, and its ETag now. */
    public record Written(boolean existed, String etag) {}

    /**
     * Inside the caller's write transaction: checks the preconditions against {@code graph}, then
     * replaces its content with {@code triples} (or, with {@code replace} false, adds them).
     * Whether the resource existed is decided here, on the state the write changes.
     */
    public Written write(DatasetGraph dsg, Node graph, org.apache.jena.graph.Graph triples, boolean replace, String what) {
        check(dsg, graph, what);
        boolean existed = !dsg.getGraph(graph).isEmpty();
        if (replace) dsg.deleteAny(graph, Node.ANY, Node.ANY, Node.ANY);
        triples.find().forEachRemaining(t -> dsg.add(graph, t.getSubject(), t.getPredicate(), t.getObject()));
        return new Written(existed, etag(dsg, graph));
    }

    /**
     * Inside the caller's write transaction: refuses ({@code missing}, 404) a resource whose graph
     * holds nothing, checks the preconditions, then empties the graph.
     */
    public void delete(DatasetGraph dsg, Node graph, String what, String missing) {
        if (dsg.getGraph(graph).isEmpty()) throw new WriteRejectedException("missing", missing, List.of());
        check(dsg, graph, what);
        dsg.deleteAny(graph, Node.ANY, Node.ANY, Node.ANY);
    }

    /** The strong ETag of {@code graph}'s content, or null when it holds nothing; callers hold a transaction. */
    public static String etag(DatasetGraph dsg, Node graph) {
        List<String> lines = new ArrayList<>();
        dsg.find(graph, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> lines.add(NodeFmtLib.str(q.asTriple())));
        if (lines.isEmpty()) return null;
        lines.sort(null);
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String line : lines) md.update((line + '\n').getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(md.digest(), 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Checks the preconditions against {@code graph} as it is now, inside the caller's write
     * transaction; throws {@link WriteRejectedException} ({@code precondition}, 412) when one fails.
     */
    public void check(DatasetGraph dsg, Node graph, String what) {
        if (ifMatch == null && ifNoneMatch == null) return;
        String current = etag(dsg, graph);
        if (ifMatch != null && !matches(ifMatch, current, false))
            throw new WriteRejectedException("precondition", current == null
                    ? "If-Match: " + what + " does not exist (any more)"
                    : "If-Match: " + what + " has changed since you read it (its ETag is now " + current + "); read it again",
                    List.of());
        if (ifNoneMatch != null && matches(ifNoneMatch, current, true))
            throw new WriteRejectedException("precondition", "If-None-Match: " + what + " already exists"
                    + (current == null ? "" : " (ETag " + current + ")"), List.of());
    }

    /**
     * For a GET: true when {@code If-None-Match} lists the current ETag (answer 304). Weak
     * comparison, as RFC 9110 §13.1.2 asks for GET.
     */
    public static boolean notModified(Context ctx, String current) {
        return notModified(ctx.header("If-None-Match"), current);
    }

    /** As {@link #notModified(Context, String)}, given the header's value (null when absent). */
    public static boolean notModified(String ifNoneMatch, String current) {
        return ifNoneMatch != null && current != null && matches(ifNoneMatch, current, true);
    }

    /**
     * Whether a header's list of entity tags matches {@code current}: {@code *} matches any
     * existing representation; otherwise strong comparison ({@code If-Match}) or weak
     * ({@code If-None-Match}).
     */
    static boolean matches(String header, String current, boolean weak) {
        if (current == null) return false;
        for (String candidate : header.split(",")) {
            String c = candidate.trim();
            if (c.equals("*")) return true;
            if (c.startsWith("W/")) {
                if (weak && c.substring(2).equals(current)) return true;
                continue;
            }
            if (c.equals(current)) return true;
        }
        return false;
    }
}
