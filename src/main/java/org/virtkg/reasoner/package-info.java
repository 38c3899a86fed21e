/**
 * virtkg's OWL 2 RL reasoner: incremental forward-chaining materialisation of the W3C OWL 2 RL/RDF rules over
 * dictionary-encoded triples, with DRed deletion, explanation trees and inconsistency reports.
 * Entry point: {@link org.virtkg.reasoner.RlReasoner}. Design notes: {@code docs/reasoning.md}.
 */
package org.virtkg.reasoner;
