// virtkg web UI: a small single-page app over the REST API. Hash routes, one module per page
// (js/pages/), no build step. The pages read REST endpoints only; SPARQL is the /sparql page's.
import { page, start } from './router.js';
import home from './pages/home.js';
import matrix from './pages/matrix.js';
import features from './pages/features.js';
import selection from './pages/selection.js';
import compare from './pages/compare.js';
import ontology from './pages/ontology.js';
import productForm from './pages/product-form.js';
import changes from './pages/changes.js';
import explain from './pages/explain.js';
import sparqlRedirect from './pages/sparql.js';

page('', home);
page('matrix', matrix);
page('features', features);
page('select', selection);
page('compare', compare);
page('ontology', ontology);
page('add', productForm);
page('edit', productForm);
page('changes', changes);
page('explain', explain);
page('sparql', sparqlRedirect);

// The search box in the header searches on the home page.
document.getElementById('top-search').addEventListener('submit', ev => {
  ev.preventDefault();
  const q = document.getElementById('q-top').value.trim();
  location.hash = '#/?q=' + encodeURIComponent(q);
});

// A search submitted from a server-rendered page (/id/…) arrives as /?q=…
const q0 = new URLSearchParams(location.search).get('q');
if (q0 !== null && !location.hash) history.replaceState(null, '', '/#/?q=' + encodeURIComponent(q0));
start();
