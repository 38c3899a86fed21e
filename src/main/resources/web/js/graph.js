// Neighbourhood graphs with Cytoscape (UMD bundle from the WebJar, loaded as a deferred classic script).
import { ID, VKG, localId } from './util.js';

function short(iri) {
  if (iri.startsWith(ID)) return localId(iri);
  if (iri.startsWith(VKG)) return 'vkg:' + localId(iri);
  return iri.length > 40 ? '…' + iri.slice(-38) : iri;
}

/** Draws edges [{s, p, o, inferred?}] into container; IRIs under /id/ open their page on tap. */
export function drawGraph(container, edges, { center, labels = {} } = {}) {
  if (typeof window.cytoscape !== 'function') {
    container.textContent = 'The graph view needs the Cytoscape script, which did not load.';
    return null;
  }
  const nodes = new Map();
  const els = [];
  const node = v => {
    if (!nodes.has(v)) {
      nodes.set(v, true);
      els.push({ data: { id: v, label: labels[v] || short(v), center: v === center ? 1 : 0, literal: /^https?:|^_:/.test(v) ? 0 : 1 } });
    }
  };
  edges.slice(0, 300).forEach((e, i) => {
    node(e.s); node(e.o);
    els.push({ data: { id: 'e' + i, source: e.s, target: e.o, label: short(e.p).replace(/^vkg:/, ''), inferred: e.inferred ? 1 : 0 } });
  });
  container.setAttribute('role', 'img');
  container.setAttribute('aria-label', `Graph of ${nodes.size} nodes and ${Math.min(edges.length, 300)} edges`);
  const cy = window.cytoscape({
    container, elements: els, wheelSensitivity: 0.3, maxZoom: 1.4, minZoom: 0.2,
    style: [
      { selector: 'node', style: { label: 'data(label)', 'font-size': 11, 'background-color': '#2f6fb0', color: '#1b1f24', 'text-valign': 'bottom', 'text-margin-y': 3, width: 14, height: 14 } },
      { selector: 'node[center = 1]', style: { 'background-color': '#c2410c', width: 22, height: 22, 'font-weight': 'bold' } },
      { selector: 'node[literal = 1]', style: { shape: 'round-rectangle', 'background-color': '#8a94a0' } },
      { selector: 'edge', style: { label: 'data(label)', 'font-size': 9, color: '#4d5561', width: 1.5, 'line-color': '#8a94a0', 'target-arrow-color': '#8a94a0', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'text-rotation': 'autorotate' } },
      // Many edges: predicate labels would only be clutter; they show on hover/focus of an edge.
      { selector: 'edge', style: { 'text-opacity': edges.length > 24 ? 0 : 1 } },
      { selector: 'edge.hover', style: { 'text-opacity': 1, 'font-size': 11 } },
      { selector: 'edge[inferred = 1]', style: { 'line-style': 'dashed', 'line-color': '#6a3fb5', 'target-arrow-color': '#6a3fb5', color: '#6a3fb5' } },
    ],
    layout: center ? { name: 'concentric', concentric: n => n.data('center') ? 2 : 1, levelWidth: () => 1, minNodeSpacing: 30 } : { name: 'cose', animate: false },
  });
  cy.on('mouseover', 'edge', ev => ev.target.addClass('hover'));
  cy.on('mouseout', 'edge', ev => ev.target.removeClass('hover'));
  cy.on('tap', 'node', ev => {
    const id = ev.target.id();
    if (id.startsWith(ID)) location.href = '/id/' + localId(id);
  });
  return cy;
}
