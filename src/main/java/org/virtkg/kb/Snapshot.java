package org.virtkg.kb;

import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * What one request reads: the knowledge-base version and the dataset as a read transaction sees
 * it. Made by {@link KnowledgeBase#read} once, at the edge, and handed down explicitly, so every
 * part of an answer (the ETag, the cached body's key, each value in it) comes from the same state;
 * no part reaches for the store or asks for the version on its own.
 *
 * <p>The version is read from the data inside the transaction, not from
 * {@link KnowledgeBase#version()}: a request whose transaction began before a commit must not label
 * what it read with the version that commit produced. Valid only inside the {@link KnowledgeBase#read}
 * call that made it.
 */
public record Snapshot(long version, DatasetGraph dataset) {
    /** The default graph queries see: the union of every named graph, the inferred one included. */
    public Graph union() {
        return dataset.getUnionGraph();
    }
}
