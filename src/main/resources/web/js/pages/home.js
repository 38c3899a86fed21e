// #/ and #/?q=…: search every product and vocabulary term (the shared catalogue index), grouped by
// kind; ticked products open side by side on the compare page.
import { el } from '../util.js';
import { searchIndex, isResource } from '../catalogue.js';
import { sparqlHref } from './sparql.js';

const GROUPS = [['Technology', 'Virtualization technologies'], ['Cloud platform', 'Cloud platforms'], ['Term', 'Terms'],
  ['Class', 'Classes'], ['Property', 'Properties']];

function itemHref(item) {
  if (isResource(item)) return '/id/' + encodeURIComponent(item.id);
  if (item.group === 'Class') return '#/ontology?c=' + encodeURIComponent(item.id);
  // A property (or a term outside /id/): its statements, in the SPARQL editor.
  return sparqlHref(`DESCRIBE <${item.iri}>`);
}

export default async function home(main, params) {
  const q = (params.get('q') || '').trim();
  document.getElementById('q-top').value = q;
  const all = await searchIndex();
  main.innerHTML = '';
  main.append(el('h1', {}, 'Open-source hypervisors and cloud platforms'));
  main.append(el('p', { class: 'muted' }, 'Search every product and vocabulary term of the knowledge graph; open a product to see its facts, where the paper says them, and what the reasoner inferred.'));
  const form = el('form', { role: 'search', class: 'toolbar' });
  const input = el('input', { id: 'q-home', type: 'search', value: q, placeholder: 'e.g. Xen, hybrid cloud, Windows', autocomplete: 'off' });
  form.append(el('label', { for: 'q-home' }, 'Search'), input, el('button', { type: 'submit' }, 'Search'));
  const status = el('p', { id: 'search-status', 'aria-live': 'polite', class: 'muted' });
  // Products ticked in the results open side by side on the compare page.
  const compareButton = el('button', { type: 'button', id: 'compare-selected', class: 'secondary', disabled: true }, 'Compare ticked products');
  const out = el('div', { id: 'search-results' });
  compareButton.addEventListener('click', () => {
    const ids = [...out.querySelectorAll('input.compare-pick:checked')].map(c => c.value);
    location.hash = '#/compare?ids=' + encodeURIComponent(ids.join(','));
  });
  out.addEventListener('change', () => {
    const n = out.querySelectorAll('input.compare-pick:checked').length;
    compareButton.disabled = n < 2 || n > 4;
  });
  main.append(form, el('p', { class: 'toolbar' }, compareButton, el('span', { class: 'muted' }, 'tick 2–4 technologies, or 2–4 platforms')), status, out);
  const render = () => {
    const needle = input.value.trim().toLowerCase();
    const hits = needle ? all.filter(i => i.label.toLowerCase().includes(needle) || i.id.toLowerCase().includes(needle)) : all;
    status.textContent = needle ? `${hits.length} result${hits.length === 1 ? '' : 's'} for “${input.value.trim()}”` : `${all.length} products and terms`;
    out.innerHTML = '';
    for (const [g, heading] of GROUPS) {
      const gs = hits.filter(h => h.group === g);
      if (!gs.length) continue;
      out.append(el('h2', {}, `${heading} (${gs.length})`));
      const ul = el('ul', { class: 'cards' });
      for (const h of gs.slice(0, 200)) ul.append(card(h, g === 'Technology' || g === 'Cloud platform'));
      out.append(ul);
    }
  };
  form.addEventListener('submit', ev => { ev.preventDefault(); history.replaceState(null, '', '#/?q=' + encodeURIComponent(input.value.trim())); render(); });
  input.addEventListener('input', render);
  render();
}

function card(h, comparable) {
  const li = el('li', {}, el('a', { href: itemHref(h) }, h.label), ' ', el('code', { class: 'muted' }, h.id));
  if (comparable)
    li.append(' ', el('label', { class: 'muted' }, el('input', { type: 'checkbox', class: 'compare-pick', value: h.id, 'aria-label': 'Compare ' + h.label }), ' compare'));
  if (h.kinds?.length) {
    const tags = el('div');
    for (const k of h.kinds.filter(k => k.id !== 'Product'))
      tags.append(el('span', { class: 'tag' + (k.basis === 'inferred' ? ' inferred' : '') + (k.disputed ? ' disputed' : ''), title: k.basis + (k.disputed ? ', disputed' : '') },
        k.label + (k.basis === 'inferred' ? ' (inferred)' : '') + (k.disputed ? ' (disputed)' : '')));
    li.append(tags);
  }
  return li;
}
