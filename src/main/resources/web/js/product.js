// Product pages (/id/{name}, rendered by the server): draws the neighbourhood graph from the
// edges the server embedded in data-edges. The facts themselves need no script.
import { drawGraph } from './graph.js';

const box = document.getElementById('neighbourhood');
if (box) {
  const { edges, labels } = JSON.parse(box.dataset.edges || '{"edges":[],"labels":{}}');
  if (edges.length) drawGraph(box, edges, { center: box.dataset.center, labels });
  else box.textContent = 'No links to other resources.';
}
