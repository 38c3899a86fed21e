package org.virtkg.testing;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.http.DSP;
import org.apache.jena.sparql.exec.http.UpdateExecHTTP;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.store.RemoteKnowledgeStore;

/**
 * A remote store as a real virtkg instance leaves it after syncing the shipped ontology and data
 * into it when empty: made once per test JVM, by that very sync, then copied into other stores.
 *
 * <p>Why: the first sync is one SPARQL Update carrying some 29,000 quads and, in its change-log
 * entry, an RDF Patch of them as one multi-megabyte string literal. Fuseki's parser (JavaCC's
 * {@code SimpleCharStream}) grows its buffer by 2 KB at a time while reading one token, so that
 * literal (5.7 million characters) costs it 40 s and more on two cores, against 2.6 s for the same
 * quads without it (measured 2026-11-26; apache/jena#1324, javacc/javacc#72). The copy goes
 * in through the Graph Store Protocol as N-Quads, which Jena's RIOT reads in well under a second.
 * Tests of the first sync itself ({@code RemoteStoreTest}'s start on an empty store) do not use it.
 */
public final class ShippedStoreSeed {
    private static DatasetGraph snapshot;

    private ShippedStoreSeed() {}

    /** Empties the Fuseki dataset at {@code datasetUrl} and fills it as the shipped data's first sync does. */
    public static synchronized void into(String datasetUrl) {
        UpdateExecHTTP.service(datasetUrl).update("DROP ALL").execute();
        if (snapshot == null) {
            KnowledgeBase kb = Fixtures.withShippedData(RemoteKnowledgeStore.connect(TestServer.remoteSettings(datasetUrl), line -> {}));
            kb.close();
            snapshot = DSP.service(datasetUrl).GET();
        } else {
            DSP.service(datasetUrl).POST(snapshot);
        }
    }
}
