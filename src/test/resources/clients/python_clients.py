"""Python SPARQL clients against a running virtkg: SPARQLWrapper and rdflib's SPARQLUpdateStore.

Run by org.virtkg.app.PythonClientTest as: python3 python_clients.py BASE_URL ADMIN_TOKEN GRAPH_IRI
Prints one JSON object with what each client saw; exits non-zero if a client call fails.
"""
import json
import sys
import urllib.error

from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore
from SPARQLWrapper import JSON, POST, SPARQLWrapper

base, token, graph_iri = sys.argv[1], sys.argv[2], sys.argv[3]
auth = {"Authorization": "Bearer " + token}


def run():
    seen = {}

    # SPARQLWrapper: a SELECT over the SPARQL 1.1 Protocol, JSON results.
    query = SPARQLWrapper(base + "/sparql")
    query.setQuery("SELECT ?l WHERE { <https://w3id.org/virtkg/id/KVM> <http://www.w3.org/2000/01/rdf-schema#label> ?l }")
    query.setReturnFormat(JSON)
    seen["kvmLabels"] = [b["l"]["value"] for b in query.query().convert()["results"]["bindings"]]

    # SPARQLWrapper: an update with the Protocol's using-graph-uri parameter and the admin token.
    update = SPARQLWrapper(base + "/sparql", updateEndpoint=base + "/update")
    update.addCustomHttpHeader("Authorization", "Bearer " + token)
    update.setMethod(POST)
    update.setQuery("INSERT DATA { GRAPH <%s> { <urn:ex:vm> <urn:ex:state> \"stopped\" } }" % graph_iri)
    update.query()
    update.resetQuery()
    update.setMethod(POST)
    update.addParameter("using-graph-uri", graph_iri)
    update.setQuery("INSERT { GRAPH <%s> { ?s <urn:ex:seen> true } } WHERE { ?s <urn:ex:state> ?o }" % graph_iri)
    update.query()

    # rdflib: a graph in a SPARQLUpdateStore; add() sends INSERT DATA, remove() sends WITH <g> DELETE { } WHERE { }.
    store = SPARQLUpdateStore(query_endpoint=base + "/sparql", update_endpoint=base + "/update", headers=dict(auth))
    g = Graph(store, identifier=URIRef(graph_iri))
    g.add((URIRef("urn:ex:vm"), URIRef("urn:ex:owner"), Literal("ops")))
    seen["afterAdd"] = sorted(str(o) for o in g.objects(URIRef("urn:ex:vm"), None))
    g.remove((URIRef("urn:ex:vm"), URIRef("urn:ex:state"), None))
    seen["afterRemove"] = sorted(str(o) for o in g.objects(URIRef("urn:ex:vm"), None))

    # rdflib: the Graph Store Protocol's default graph, fetched as Turtle.
    default = Graph()
    default.parse(base + "/data?default", format="turtle")
    seen["defaultGraphTriples"] = len(default)

    return seen


try:
    print(json.dumps(run()))
except urllib.error.HTTPError as e:
    # The server's problem (RFC 9457) says what it refused and why.
    sys.exit("HTTP %s from %s: %s" % (e.code, e.url, e.read().decode("utf-8", "replace")))
