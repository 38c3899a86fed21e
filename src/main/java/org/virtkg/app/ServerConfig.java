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
 * @param maxRows             rows of one SELECT result sent; beyond, the answer is cut and says so
 * @param maxQueryLength      characters of one SPARQL query text
 * @param maxJsonBytes        largest JSON request body (products, claims, selection)
 * @param maxChangeStreams    change streams open at once
 *
 * <p>The deployable limits are {@link Setting}s: {@link #withSettings} applies them all, whichever
 * source (flag, environment, config file) gave them.
 */
public record ServerConfig(String host, int port, AccessTokens tokens, Duration queryTimeout, long maxUpdateBytes, long maxUploadBytes, int maxQueriesPerClient, Path queriesDir, int maxActiveReads, int maxRows, int maxQueryLength, long maxJsonBytes, int maxChangeStreams) {

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

    /** A read limit below one would refuse every read. */
    public ServerConfig {
        if (maxActiveReads < 1) throw new IllegalArgumentException("The limit of active reads must be at least 1, got " + maxActiveReads);
    }

    public static ServerConfig defaults() {
        return new ServerConfig("0.0.0.0", 8080, AccessTokens.none(), DEFAULT_QUERY_TIMEOUT, DEFAULT_MAX_UPDATE_BYTES,
                DEFAULT_MAX_UPLOAD_BYTES, DEFAULT_MAX_QUERIES_PER_CLIENT, defaultQueriesDir(), DEFAULT_MAX_ACTIVE_READS,
                org.virtkg.sparql.GuardedQuery.MAX_ROWS, org.virtkg.sparql.GuardedQuery.MAX_QUERY_LENGTH,
                org.virtkg.api.Json.MAX_BODY_BYTES, org.virtkg.api.ChangeFeed.MAX_SUBSCRIBERS);
    }

    /** The named queries of the shipped knowledge ({@link ShippedKnowledge#locate}). */
    public static Path defaultQueriesDir() {
        return ShippedKnowledge.locate(null).queries();
    }

    /** Every server limit from {@code s} (the store's settings go to the store and the knowledge base). */
    public ServerConfig withSettings(Settings s) {
        return new ServerConfig(host, port, tokens, s.duration(Setting.QUERY_TIMEOUT), s.bytes(Setting.MAX_UPDATE),
                s.bytes(Setting.MAX_UPLOAD), s.intValue(Setting.MAX_QUERIES_PER_CLIENT), queriesDir,
                s.intValue(Setting.MAX_ACTIVE_READS), s.intValue(Setting.MAX_ROWS), s.intValue(Setting.MAX_QUERY_LENGTH),
                s.bytes(Setting.MAX_JSON), s.intValue(Setting.MAX_CHANGE_STREAMS));
    }

    public ServerConfig withHost(String v) {
        return new ServerConfig(v, port, tokens, queryTimeout, maxUpdateBytes, maxUploadBytes, maxQueriesPerClient, queriesDir, maxActiveReads, maxRows, maxQueryLength, maxJsonBytes, maxChangeStreams);
    }

    public ServerConfig withPort(int v) {
        return new ServerConfig(host, v, tokens, queryTimeout, maxUpdateBytes, maxUploadBytes, maxQueriesPerClient, queriesDir, maxActiveReads, maxRows, maxQueryLength, maxJsonBytes, maxChangeStreams);
    }

    public ServerConfig withTokens(AccessTokens v) {
        return new ServerConfig(host, port, v, queryTimeout, maxUpdateBytes, maxUploadBytes, maxQueriesPerClient, queriesDir, maxActiveReads, maxRows, maxQueryLength, maxJsonBytes, maxChangeStreams);
    }

    public ServerConfig withQueryTimeout(Duration v) {
        return new ServerConfig(host, port, tokens, v, maxUpdateBytes, maxUploadBytes, maxQueriesPerClient, queriesDir, maxActiveReads, maxRows, maxQueryLength, maxJsonBytes, maxChangeStreams);
    }

    public ServerConfig withMaxQueriesPerClient(int v) {
        return new ServerConfig(host, port, tokens, queryTimeout, maxUpdateBytes, maxUploadBytes, v, queriesDir, maxActiveReads, maxRows, maxQueryLength, maxJsonBytes, maxChangeStreams);
    }

    public ServerConfig withQueriesDir(Path v) {
        return new ServerConfig(host, port, tokens, queryTimeout, maxUpdateBytes, maxUploadBytes, maxQueriesPerClient, v, maxActiveReads, maxRows, maxQueryLength, maxJsonBytes, maxChangeStreams);
    }
}
