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
 * @param maxActiveReads      read requests executing at once; more wait their turn (see {@link #DEFAULT_MAX_ACTIVE_READS})
 */
public record ServerConfig(String host, int port, AccessTokens tokens, Duration queryTimeout, long maxUpdateBytes,
                           long maxUploadBytes, int maxQueriesPerClient, Path queriesDir, int maxActiveReads) {

    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(10);
    public static final long DEFAULT_MAX_UPDATE_BYTES = 1 << 20;
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 16 << 20;
    public static final int DEFAULT_MAX_QUERIES_PER_CLIENT = 8;
    /**
     * Read requests (GET, HEAD, SPARQL queries) executing at once, by default: four per processor,
     * at least eight. Reads are mostly CPU work; with many more of them running than there are
     * cores they only take turns on the CPU, with the write pipeline's leader among them. Requests
     * above the limit wait (suspended, holding no thread) and run in arrival order as others finish.
     * Writes and the change stream are not counted: a writer mostly waits for the leader, and a
     * stream stays open for hours. Measured on two cores (docs/benchmarks.md): a bound of four
     * halved the throughput of reads (a read also holds its turn while its answer is written), eight
     * cost a seventh of it against none, and neither made writes faster.
     */
    public static final int DEFAULT_MAX_ACTIVE_READS = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());

    /** The configuration without a read limit of its own: {@link #DEFAULT_MAX_ACTIVE_READS}. */
    public ServerConfig(String host, int port, AccessTokens tokens, Duration queryTimeout, long maxUpdateBytes,
                        long maxUploadBytes, int maxQueriesPerClient, Path queriesDir) {
        this(host, port, tokens, queryTimeout, maxUpdateBytes, maxUploadBytes, maxQueriesPerClient, queriesDir, DEFAULT_MAX_ACTIVE_READS);
    }

    public static ServerConfig defaults() {
        return new ServerConfig("0.0.0.0", 8080, AccessTokens.none(), DEFAULT_QUERY_TIMEOUT, DEFAULT_MAX_UPDATE_BYTES,
                DEFAULT_MAX_UPLOAD_BYTES, DEFAULT_MAX_QUERIES_PER_CLIENT, defaultQueriesDir());
    }

    /** The named queries of the shipped knowledge ({@link ShippedKnowledge#locate}). */
    public static Path defaultQueriesDir() {
        return ShippedKnowledge.locate(null).queries();
    }

    public ServerConfig withPort(int p) {
        return new ServerConfig(host, p, tokens, queryTimeout, maxUpdateBytes, maxUploadBytes, maxQueriesPerClient, queriesDir, maxActiveReads);
    }

    public ServerConfig withHost(String h) {
        return new ServerConfig(h, port, tokens, queryTimeout, maxUpdateBytes, maxUploadBytes, maxQueriesPerClient, queriesDir, maxActiveReads);
    }

    public ServerConfig withTokens(AccessTokens t) {
        return new ServerConfig(host, port, t, queryTimeout, maxUpdateBytes, maxUploadBytes, maxQueriesPerClient, queriesDir, maxActiveReads);
    }

    public ServerConfig withMaxUploadBytes(long n) {
        return new ServerConfig(host, port, tokens, queryTimeout, maxUpdateBytes, n, maxQueriesPerClient, queriesDir, maxActiveReads);
    }

    public ServerConfig withMaxQueriesPerClient(int n) {
        return new ServerConfig(host, port, tokens, queryTimeout, maxUpdateBytes, maxUploadBytes, n, queriesDir, maxActiveReads);
    }

    public ServerConfig withQueryTimeout(Duration d) {
        return new ServerConfig(host, port, tokens, d, maxUpdateBytes, maxUploadBytes, maxQueriesPerClient, queriesDir, maxActiveReads);
    }

    public ServerConfig withMaxActiveReads(int n) {
        if (n < 1) throw new IllegalArgumentException("The limit of active reads must be at least 1, got " + n);
        return new ServerConfig(host, port, tokens, queryTimeout, maxUpdateBytes, maxUploadBytes, maxQueriesPerClient, queriesDir, n);
    }

    public ServerConfig withQueriesDir(Path dir) {
        return new ServerConfig(host, port, tokens, queryTimeout, maxUpdateBytes, maxUploadBytes, maxQueriesPerClient, dir, maxActiveReads);
    }
}
