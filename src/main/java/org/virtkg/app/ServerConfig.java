package org.virtkg.app;

import java.nio.file.Path;
import java.time.Duration;
import org.virtkg.security.AccessTokens;

/**
 * Everything {@link VirtkgServer} needs to know, in one immutable value; start from
 * {@link #defaults()} and change what differs with the {@code with…} methods.
 *
 * @param host                interface to bind ({@code 0.0.0.0} for all, {@code 127.0.0.1} for loopback)
 * @param port                TCP port; 0 picks a free one
 * @param tokens              bearer tokens for the editor and admin roles
 * @param queryTimeout        wall-clock limit of one SPARQL query
 * @param maxUpdateBytes      largest SPARQL Update body accepted
 * @param maxUploadBytes      largest RDF upload (Graph Store Protocol, ontology terms) accepted
 * @param maxQueriesPerClient SPARQL queries one client address may have running at once (more: 429)
 * @param queriesDir          the named-query library ({@code *.rq} with grlc headers) served at {@code /api/queries}
 */
public record ServerConfig(String host, int port, AccessTokens tokens, Duration queryTimeout, long maxUpdateBytes,
                           long maxUploadBytes, int maxQueriesPerClient, Path queriesDir) {

    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(10);
    public static final long DEFAULT_MAX_UPDATE_BYTES = 1 << 20;
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 16 << 20;
    public static final int DEFAULT_MAX_QUERIES_PER_CLIENT = 8;

    public static ServerConfig defaults() {
        return new ServerConfig("0.0.0.0", 8080, AccessTokens.none(), DEFAULT_QUERY_TIMEOUT, DEFAULT_MAX_UPDATE_BYTES,
                DEFAULT_MAX_UPLOAD_BYTES, DEFAULT_MAX_QUERIES_PER_CLIENT, defaultQueriesDir());
    }

    /** The named queries of the shipped knowledge ({@link ShippedKnowledge#locate}). */
    public static Path defaultQueriesDir() {
        return ShippedKnowledge.locate(null).queries();
    }

    public ServerConfig withPort(int p) {
        return new ServerConfig(host, p, tokens, queryTimeout, maxUpdateBytes, maxUploadBytes, maxQueriesPerClient, queriesDir);
    }

    public ServerConfig withHost(String h) {
        return new ServerConfig(h, port, tokens, queryTimeout, maxUpdateBytes, maxUploadBytes, maxQueriesPerClient, queriesDir);
    }

    public ServerConfig withTokens(AccessTokens t) {
        return new ServerConfig(host, port, t, queryTimeout, maxUpdateBytes, maxUploadBytes, maxQueriesPerClient, queriesDir);
    }

    public ServerConfig withMaxUploadBytes(long n) {
        return new ServerConfig(host, port, tokens, queryTimeout, maxUpdateBytes, n, maxQueriesPerClient, queriesDir);
    }

    public ServerConfig withMaxQueriesPerClient(int n) {
        return new ServerConfig(host, port, tokens, queryTimeout, maxUpdateBytes, maxUploadBytes, n, queriesDir);
    }

    public ServerConfig withQueryTimeout(Duration d) {
        return new ServerConfig(host, port, tokens, d, maxUpdateBytes, maxUploadBytes, maxQueriesPerClient, queriesDir);
    }

    public ServerConfig withQueriesDir(Path dir) {
        return new ServerConfig(host, port, tokens, queryTimeout, maxUpdateBytes, maxUploadBytes, maxQueriesPerClient, dir);
    }
}
