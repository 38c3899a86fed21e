// virtkg web UI: a small single-page app over the REST API and /sparql. Hash routes, no build step.
import { api, sparql, el, ID, VKG, localId, sourceText, idLink } from './util.js';
import { comparePage } from './compare.js';

const main = document.getElementById('main');
const routes = {
  '': home, 'matrix': matrix, 'features': featureMatrix, 'select': selection, 'sparql': sparqlRedirect, 'ontology': ontology, 'add': addProduct,
  'edit': addProduct, 'explain': explainPage, 'changes': changesPage, 'compare': params => comparePage(main, params, searchIndex),
};

// ---------- the change log, live ----------
let changeStream;
async function changesPage() {
  const r = await api('/api/changes?limit=50');
  main.innerHTML = '';
  main.append(el('h1', {}, 'Changes'));
  main.append(el('p', { class: 'muted' }, 'Every accepted change, newest first: the shipped data (sync), loads, products, terms, SPARQL updates, reverts. ',
    'The number of a change is the knowledge-base version it produced. New changes appear here as they happen.'));
  const live = el('p', { id: 'changes-live', role: 'status', 'aria-live': 'polite', class: 'muted' }, 'Connecting to the live feed…');
  const tbody = el('tbody', { id: 'changes-rows' });
  const table = el('table', { class: 'data', id: 'changes-table' },
    el('thead', {}, el('tr', {}, ...['Change', 'Kind', 'Who', 'When', 'What', '+', '−'].map(h => el('th', { scope: 'col' }, h)))), tbody);
  const row = c => el('tr', { 'data-id': String(c.id) },
    el('td', {}, el('a', { href: '/api/changes/' + c.id }, String(c.id))), el('td', {}, c.kind), el('td', {}, c.who),
    el('td', {}, el('time', { datetime: c.when }, new Date(c.when).toLocaleString())), el('td', {}, c.summary),
    el('td', { class: 'num' }, String(c.added)), el('td', { class: 'num' }, String(c.deleted)));
  for (const c of r.items) tbody.append(row(c));
  main.append(live, el('div', { class: 'scroll' }, table));
  if (r.next) main.append(el('p', {}, el('a', { href: r.next }, 'Older changes (JSON)')));
  // The stream resumes after the newest change shown; the browser reconnects with Last-Event-ID by itself.
  if (changeStream) changeStream.close();
  const newest = r.items.length ? r.items[0].id : 0;
  changeStream = new EventSource('/api/changes/stream?since=' + newest);
  changeStream.addEventListener('open', () => { live.textContent = 'Live: new changes appear at the top.'; });
  changeStream.addEventListener('error', () => { live.textContent = 'The live feed was interrupted; reconnecting…'; });
  changeStream.addEventListener('change', ev => {
    const c = JSON.parse(ev.data);
    if (!tbody.querySelector(`tr[data-id="${c.id}"]`)) tbody.prepend(row(c));
  });
}
window.addEventListener('hashchange', () => {
  if (changeStream && parseHash().path !== 'changes') { changeStream.close(); changeStream = undefined; }
});

// ---------- why does a triple hold? (linked from the "why?" of inferred facts on /id pages) ----------
async function explainPage(params) {
  const [s, p, o] = ['s', 'p', 'o'].map(k => params.get(k) || '');
  const r = await api(`/api/explain?s=${encodeURIComponent(s)}&p=${encodeURIComponent(p)}&o=${encodeURIComponent(o)}`);
  main.innerHTML = '';
  main.append(el('h1', {}, 'Why ', el('code', {}, `${s} ${p} ${o}`), '?'));
  main.append(el('p', {}, r.status === 'asserted' ? 'A source states it:' : 'The reasoner derived it from these facts (rule names are OWL 2 RL rules):'));
  main.append(explanationTree(r.explanation));
  main.append(el('p', {}, idLink(s, '← back to ' + s)));
}

function parseHash() {
  const h = location.hash.replace(/^#\/?/, '');
  const [path, query] = h.split('?');
  return { path: path || '', params: new URLSearchParams(query || '') };
}

async function route() {
  const { path, params } = parseHash();
  const page = routes[path] || notFound;
  document.querySelectorAll('.top nav a').forEach(a => {
    const target = a.getAttribute('href').replace(/^#\/?/, '');
    if (a.getAttribute('href').startsWith('#') && target === path) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  main.innerHTML = '<p class="loading">Loading…</p>';
  try {
    await page(params);
  } catch (e) {
    main.innerHTML = '';
    main.append(el('h1', {}, 'Something went wrong'), el('p', { class: 'error', role: 'alert' }, e.message));
  }
  if (route.navigated) main.focus({ preventScroll: true });
  route.navigated = true;
}
window.addEventListener('hashchange', route);

document.getElementById('top-search').addEventListener('submit', ev => {
  ev.preventDefault();
  const q = document.getElementById('q-top').value.trim();
  location.hash = '#/?q=' + encodeURIComponent(q);
});

function notFound() {
  main.innerHTML = '<h1>Not found</h1><p>No such page. <a href="#/">Back to search</a>.</p>';
}

// ---------- search (home) ----------
let indexPromise;
function searchIndex() {
  // Three independent requests in parallel: one round trip.
  indexPromise ??= Promise.all([
    api('/api/technologies?limit=500'),
    api('/api/platforms?limit=500'),
    sparql(`PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?x (SAMPLE(?l) AS ?label) (SAMPLE(?k) AS ?kind) WHERE {
  ?x rdfs:label ?l .
  { ?x a owl:Class BIND("class" AS ?k) } UNION { ?x a skos:Concept BIND("term" AS ?k) }
  UNION { ?x a owl:ObjectProperty BIND("property" AS ?k) } UNION { ?x a owl:NamedIndividual BIND("individual" AS ?k) }
  FILTER(isIRI(?x) && STRSTARTS(STR(?x), "https://w3id.org/virtkg/"))
} GROUP BY ?x`),
  ]).then(([techs, plats, terms]) => {
    const items = new Map();
    for (const t of techs.items) items.set(t.iri, { iri: t.iri, id: t.id, label: t.label, group: 'Technology', kinds: t.kinds });
    for (const p of plats.items) items.set(p.iri, { iri: p.iri, id: p.id, label: p.label, group: 'Cloud platform', kinds: p.kinds });
    for (const b of terms.results.bindings) {
      const iri = b.x.value;
      if (items.has(iri)) continue;
      const kind = b.kind.value;
      items.set(iri, { iri, id: localId(iri), label: b.label.value,
        group: iri.startsWith(VKG) ? (kind === 'property' ? 'Property' : 'Class') : 'Term', kinds: [] });
    }
    return [...items.values()].sort((a, b) => a.label.localeCompare(b.label));
  });
  return indexPromise;
}

function itemHref(item) {
  if (item.iri.startsWith(ID)) return '/id/' + encodeURIComponent(item.id);
  if (item.group === 'Class') return '#/ontology?c=' + encodeURIComponent(item.id);
  return sparqlHref(`DESCRIBE <${item.iri}>`);
}

async function home(params) {
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
  compareButton.addEventListener('click', () => {
    const ids = [...out.querySelectorAll('input.compare-pick:checked')].map(c => c.value);
    location.hash = '#/compare?ids=' + encodeURIComponent(ids.join(','));
  });
  const out = el('div', { id: 'search-results' });
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
    const groups = ['Technology', 'Cloud platform', 'Term', 'Class', 'Property'];
    for (const g of groups) {
      const gs = hits.filter(h => h.group === g);
      if (!gs.length) continue;
      out.append(el('h2', {}, `${g === 'Technology' ? 'Virtualization technologies' : g === 'Cloud platform' ? 'Cloud platforms' : g === 'Term' ? 'Terms' : g === 'Class' ? 'Classes' : 'Properties'} (${gs.length})`));
      const ul = el('ul', { class: 'cards' });
      for (const h of gs.slice(0, 200)) {
        const li = el('li', {}, el('a', { href: itemHref(h) }, h.label), ' ', el('code', { class: 'muted' }, h.id));
        if (g === 'Technology' || g === 'Cloud platform')
          li.append(' ', el('label', { class: 'muted' }, el('input', { type: 'checkbox', class: 'compare-pick', value: h.id, 'aria-label': 'Compare ' + h.label }), ' compare'));
        if (h.kinds?.length) {
          const tags = el('div');
          for (const k of h.kinds.filter(k => k.id !== 'Product'))
            tags.append(el('span', { class: 'tag' + (k.basis === 'inferred' ? ' inferred' : '') + (k.disputed ? ' disputed' : ''), title: k.basis + (k.disputed ? ', disputed' : '') },
              k.label + (k.basis === 'inferred' ? ' (inferred)' : '') + (k.disputed ? ' (disputed)' : '')));
          li.append(tags);
        }
        ul.append(li);
      }
      out.append(ul);
    }
  };
  form.addEventListener('submit', ev => { ev.preventDefault(); history.replaceState(null, '', '#/?q=' + encodeURIComponent(input.value.trim())); render(); });
  input.addEventListener('input', render);
  render();
}

// ---------- compatibility matrix ----------
// The five answer states of /api/compatibility; "supported" split by basis (stated or inferred).
const STATUS = {
  asserted: { sym: '✓', text: 'supported (stated by a source)' },
  inferred: { sym: '≈', text: 'supported (inferred by the reasoner)' },
  partial: { sym: '◐', text: 'partial (supported with a stated condition)' },
  unsupported: { sym: '✗', text: 'not supported (stated)' },
  disputed: { sym: '!', text: 'disputed (sources disagree, or the only support is disputed)' },
  unknown: { sym: '?', text: 'unknown (not stated, not entailed)' },
};
function cellClass(c) {
  if (c.status === 'supported') return c.basis === 'inferred' ? 'inferred' : 'asserted';
  return ['partial', 'unsupported', 'disputed'].includes(c.status) ? c.status : 'unknown';
}

// The views of paper and present (the API's view parameter).
const VIEWS = { all: 'Paper and present (disputes shown)', current: 'Today (newest sources win)', paper: 'The paper only' };

async function matrix(params) {
  const view = VIEWS[params.get('view')] ? params.get('view') : 'all';
  // Commercial services (the paper's public-cloud examples, e.g. Amazon EC2) are left out unless asked for.
  const services = params.get('include') === 'services';
  const state = () => `view=${view}${services ? '&include=services' : ''}`;
  const m = await api('/api/compatibility/matrix?view=' + view + (services ? '&include=services' : ''));
  main.innerHTML = '';
  main.append(el('h1', {}, 'Compatibility matrix'));
  main.append(el('p', { class: 'muted' }, 'Which cloud platform supports which virtualization technology. Select a cell (click, or arrow keys and Enter) to see why and where the paper says so.'));
  const viewSelect = el('select', { id: 'view' }, ...Object.entries(VIEWS).map(([k, v]) => el('option', { value: k }, v)));
  viewSelect.value = view;
  const withServices = el('input', { type: 'checkbox', id: 'include-services', ...(services ? { checked: '' } : {}) });
  const go = () => { location.hash = '#/matrix?view=' + viewSelect.value + (withServices.checked ? '&include=services' : ''); };
  viewSelect.addEventListener('change', go);
  withServices.addEventListener('change', go);
  main.append(el('p', {}, el('label', { for: 'view' }, 'View: '), viewSelect, ' ',
    el('label', { for: 'include-services' }, withServices, ' include commercial services')));
  const left = m.excluded?.services || [];
  if (left.length) main.append(el('p', { class: 'muted', id: 'matrix-excluded' },
    `Open-source platforms only: ${left.length} commercial service${left.length === 1 ? '' : 's'} left out (${left.map(p => p.label).join(', ')}).`));
  const legend = el('ul', { class: 'legend', 'aria-label': 'Legend' });
  for (const [k, v] of Object.entries(STATUS))
    legend.append(el('li', {}, el('span', { class: 'cell s-' + k, 'aria-hidden': 'true' }, v.sym), v.text));
  const compact = el('input', { type: 'checkbox', id: 'hide-empty' });
  main.append(legend, el('p', {}, el('label', { for: 'hide-empty' }, compact, ' Hide technologies and platforms with nothing known')));
  const cells = new Map(m.cells.map(c => [c.technology + '|' + c.platform, c]));
  const table = el('table', { class: 'matrix', id: 'matrix' });
  table.append(el('caption', { class: 'sr-only' }, 'Technologies (rows) by cloud platforms (columns)'));
  const hr = el('tr', {}, el('th', { scope: 'col' }, el('span', {}, 'Technology \\ platform')));
  for (const p of m.platforms) hr.append(el('th', { scope: 'col' }, el('span', {}, el('a', { href: '/id/' + p.id, tabindex: '-1' }, p.label))));
  table.append(el('thead', {}, hr));
  const body = el('tbody');
  const buttons = [];
  m.technologies.forEach((t, r) => {
    const tr = el('tr', {}, el('th', { scope: 'row' }, el('a', { href: '/id/' + t.id, tabindex: '-1' }, t.label)));
    buttons.push([]);
    m.platforms.forEach((p, c) => {
      const cell = cells.get(t.id + '|' + p.id) || { status: 'unknown', basis: null };
      const k = cellClass(cell);
      const b = el('button', {
        type: 'button', class: 'cell s-' + k, 'data-technology': t.id, 'data-platform': p.id, 'data-status': k,
        'aria-label': `${t.label} on ${p.label}: ${STATUS[k].text}`, 'aria-pressed': 'false', tabindex: r === 0 && c === 0 ? '0' : '-1',
      }, STATUS[k].sym);
      b.addEventListener('click', () => select(b, t, p));
      b.addEventListener('keydown', ev => move(ev, r, c));
      buttons[r].push(b);
      tr.append(el('td', {}, b));
    });
    body.append(tr);
  });
  table.append(body);
  const panel = el('aside', { class: 'panel', id: 'cell-panel', 'aria-live': 'polite', 'aria-label': 'Explanation' },
    el('h2', {}, 'Explanation'), el('p', { class: 'muted' }, 'Select a cell of the matrix.'));
  main.append(el('div', { class: 'matrix-wrap' }, el('div', { class: 'scroll' }, table), panel));
  compact.addEventListener('change', () => {
    const known = (t, p) => { const c = cells.get(t + '|' + p); return c && c.status !== 'unknown'; };
    const rowKnown = m.technologies.map(t => m.platforms.some(p => known(t.id, p.id)));
    const colKnown = m.platforms.map(p => m.technologies.some(t => known(t.id, p.id)));
    table.querySelectorAll('tbody tr').forEach((tr, r) => { tr.hidden = compact.checked && !rowKnown[r]; });
    table.querySelectorAll('tr').forEach(tr => [...tr.children].slice(1).forEach((c, i) => { c.hidden = compact.checked && !colKnown[i]; }));
    const all = buttons.flat();
    all.forEach(b => { b.tabIndex = -1; });
    const first = all.find(b => !b.closest('tr').hidden && !b.parentElement.hidden);
    if (first) first.tabIndex = 0;
  });

  function move(ev, r, c) {
    const d = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Home: [0, -1e9], End: [0, 1e9] }[ev.key];
    if (!d) return;
    ev.preventDefault();
    const shown = b => !b.closest('tr').hidden && !b.parentElement.hidden;
    const clampR = x => Math.max(0, Math.min(buttons.length - 1, x));
    const clampC = x => Math.max(0, Math.min(buttons[0].length - 1, x));
    let nr = clampR(r + d[0]), nc = clampC(c + d[1]);
    // Skip rows and columns hidden by "hide empty"; stay put when there is nothing further.
    while (!shown(buttons[nr][nc])) {
      const tr = clampR(nr + Math.sign(d[0])), tc = clampC(nc + Math.sign(d[1]));
      if (tr === nr && tc === nc) { nr = r; nc = c; break; }
      nr = tr; nc = tc;
    }
    buttons[r][c].tabIndex = -1;
    buttons[nr][nc].tabIndex = 0;
    buttons[nr][nc].focus();
  }

  async function select(b, t, p) {
    table.querySelectorAll('[aria-pressed=true]').forEach(x => x.setAttribute('aria-pressed', 'false'));
    b.setAttribute('aria-pressed', 'true');
    buttons.flat().forEach(x => { x.tabIndex = -1; });
    b.tabIndex = 0;
    history.replaceState(null, '', `#/matrix?${state()}&t=${encodeURIComponent(t.id)}&p=${encodeURIComponent(p.id)}`);
    panel.innerHTML = '<h2>Explanation</h2><p class="loading">Loading…</p>';
    const r = await api(`/api/compatibility?technology=${encodeURIComponent(t.id)}&platform=${encodeURIComponent(p.id)}&view=${view}`);
    const k = cellClass(r);
    panel.innerHTML = '';
    panel.append(el('h2', {}, `${r.technology.label} on ${r.platform.label}`));
    panel.append(el('p', {}, el('span', { class: 'cell s-' + k, 'aria-hidden': 'true', style: 'display:inline-grid;place-items:center;margin-right:.4rem' }, STATUS[k].sym),
      el('strong', { id: 'cell-status' }, STATUS[k].text)));
    panel.append(el('p', {}, idLink(r.platform.id, r.platform.label), ' · ', idLink(r.technology.id, r.technology.label)));
    if (r.note) panel.append(el('p', { class: 'note' }, r.note));
    if (r.basis) panel.append(el('p', { class: 'muted', id: 'cell-basis' }, r.basis === 'stated' ? 'Stated by a source.' : 'Inferred by the reasoner: no source states it.'));
    if (r.against) panel.append(el('p', { class: 'note', id: 'cell-against' }, 'Against: ' + r.against.claim + '.'), sourceList(r.against.sources));
    for (const [title, notes] of [['Disputes', r.disputes], ['Conditions', r.conditions]]) {
      if (!notes?.length) continue;
      panel.append(el('h3', {}, title));
      const ul = el('ul', { class: 'notes' });
      for (const n of notes) ul.append(el('li', { class: 'note-' + n.kind }, n.note, n.sources?.length ? [' — ', ...sourceText(n.sources[0])] : ''));
      panel.append(ul);
    }
    if (r.current) {
      // What the platform's newest imported support matrix says (e.g. Nova's), dated and sourced.
      const c = r.current;
      panel.append(el('h3', {}, 'Today'), el('p', { id: 'cell-current' },
        `${c.status} in release ${c.release} (as of ${c.asOf}`, ', ', el('a', { href: c.address }, 'source'), '). ',
        c.drivers ? `Drivers: ${c.drivers.join(', ')}.` : (c.note || ''),
        r.status === 'disputed' ? ` The paper says ${r.paper.status}: both are kept.` : ''));
    }
    for (const [side, l] of Object.entries(r.lifecycle || {}))
      if (l) panel.append(el('p', { class: 'muted' }, `${side === 'technology' ? r.technology.label : r.platform.label}: ${l.status}`,
        l.asOf ? ` (as of ${l.asOf}` : '', l.address ? [', ', el('a', { href: l.address }, 'source')] : '', l.asOf ? ')' : ''));
    if (r.explanation?.explanation) {
      panel.append(el('h3', {}, 'Why'));
      panel.append(explanationTree(r.explanation.explanation));
    }
    if (r.sources?.length) {
      panel.append(el('h3', {}, 'Sources'));
      panel.append(sourceList(r.sources));
    }
  }

  const t0 = params.get('t'), p0 = params.get('p');
  if (t0 && p0) {
    const b = table.querySelector(`[data-technology="${CSS.escape(t0)}"][data-platform="${CSS.escape(p0)}"]`);
    const t = m.technologies.find(x => x.id === t0), p = m.platforms.find(x => x.id === p0);
    if (b && t && p) select(b, t, p);
  }
}

// ---------- a platform's feature x driver matrix (imported support matrices, e.g. Nova's) ----------
const ANSWER = {
  supported: { sym: '✓', cls: 'asserted' }, partial: { sym: '◐', cls: 'inferred' },
  unsupported: { sym: '✗', cls: 'unsupported' }, unknown: { sym: '?', cls: 'unknown' },
};

async function featureMatrix(params) {
  const platform = params.get('platform') || 'OpenStack';
  const m = await api(`/api/platforms/${encodeURIComponent(platform)}/features`);
  main.innerHTML = '';
  main.append(el('h1', {}, `${m.platform}: features by driver`));
  main.append(el('p', { class: 'muted' }, `From the platform's own support matrix, releases ${m.releases.map(r => r.release).join(', ')}. `,
    'Each cell is the newest release\'s answer, with since / until which release it holds and its source; select one to see why.'));
  const legend = el('ul', { class: 'legend', 'aria-label': 'Legend' });
  for (const [k, v] of Object.entries(ANSWER)) legend.append(el('li', {}, el('span', { class: 'cell s-' + v.cls, 'aria-hidden': 'true' }, v.sym), k));
  main.append(legend);
  const cells = new Map(m.cells.map(c => [c.driver + '|' + c.feature, c]));
  const table = el('table', { class: 'matrix', id: 'features' });
  table.append(el('caption', { class: 'sr-only' }, 'Features (rows) by drivers (columns)'));
  const hr = el('tr', {}, el('th', { scope: 'col' }, el('span', {}, 'Feature \\ driver')));
  for (const d of m.drivers) hr.append(el('th', { scope: 'col' }, el('span', {}, d.key)));
  table.append(el('thead', {}, hr));
  const body = el('tbody');
  const panel = el('aside', { class: 'panel', id: 'feature-panel', 'aria-live': 'polite', 'aria-label': 'Cell' },
    el('h2', {}, 'Cell'), el('p', { class: 'muted' }, 'Select a cell of the matrix.'));
  for (const f of m.features) {
    const tr = el('tr', {}, el('th', { scope: 'row', title: f.key }, f.title));
    for (const d of m.drivers) {
      const c = cells.get(d.key + '|' + f.key);
      if (!c) { tr.append(el('td', {})); continue; }
      const a = ANSWER[c.answer] || ANSWER.unknown;
      const b = el('button', {
        type: 'button', class: 'cell s-' + a.cls, 'data-driver': d.key, 'data-feature': f.key, 'data-answer': c.answer,
        'data-since': c.since, 'data-until': c.until || '', 'aria-label': `${f.title}, ${d.key}: ${c.answer}`,
      }, a.sym);
      b.addEventListener('click', () => show(c, d, f));
      tr.append(el('td', {}, b));
    }
    body.append(tr);
  }
  table.append(body);
  main.append(el('div', { class: 'matrix-wrap' }, el('div', { class: 'scroll' }, table), panel));

  function show(c, d, f) {
    panel.innerHTML = '';
    const s = c.source;
    panel.append(el('h2', {}, `${f.title} · ${d.key}`),
      el('p', {}, el('strong', {}, c.answer), ` (Nova: ${c.value}), since ${c.since}`, c.until ? `, until ${c.until}` : ''),
      d.technology ? el('p', {}, 'Driver for ', idLink(d.technology, d.technology)) : '',
      // The caveat is virtkg's summary of Nova's note; the note itself is only linked.
      c.caveat ? el('p', { class: 'note' }, c.caveat, ' ', c.caveatSource ? el('a', { href: c.caveatSource }, 'Nova\'s note') : '') : '',
      el('h3', {}, 'History'), el('ul', {}, ...c.history.map(h => el('li', {}, `${h.release}: ${h.answer} (${h.value})`))),
      el('h3', {}, 'Source'), el('p', {}, el('a', { href: s.address }, `support matrix, release ${s.release}`), ` (commit ${s.commit.slice(0, 12)}, as of ${s.asOf})`));
  }
}

export function sourceList(sources) {
  const ul = el('ul', { class: 'sources' });
  for (const s of sources) ul.append(el('li', {}, ...sourceText(s)));
  return ul;
}

function termText(v) {
  return v.startsWith('_:') ? '(anonymous)' : v.startsWith(ID) ? localId(v) : v.startsWith(VKG) ? 'vkg:' + localId(v) : v.replace(/^.*[#/]/, '');
}

function tripleText(t) {
  return `${termText(t.s)} ${termText(t.p)} ${termText(t.o)}`;
}

function explanationTree(x, depth = 0) {
  const li = el('li', {});
  li.append(el('code', {}, tripleText(x.triple)), ' ');
  if (x.asserted) li.append(el('span', { class: 'badge' }, 'stated'));
  else li.append(el('span', { class: 'badge inferred' }, 'inferred by ' + x.rule));
  if (x.asserted && x.sources?.length) {
    const paper = x.sources.filter(s => s.role !== 'ontology');
    if (paper.length) li.append(sourceList(paper));
    else li.append(' ', el('span', { class: 'muted' }, '(ontology axiom)'));
  }
  // Why the ontology axioms this step used hold: their source or modelling rationale.
  if (x.justification?.length) {
    const why = el('ul', { class: 'justification' });
    for (const j of x.justification)
      why.append(el('li', {}, el('strong', {}, 'Axiom of ', el('code', {}, termText(j.term)), ': '), j.text));
    li.append(why);
  }
  if (x.premises?.length && depth < 6) {
    const ul = el('ul', {});
    for (const p of x.premises) ul.append(explanationTree(p, depth + 1));
    li.append(ul);
  }
  return depth === 0 ? el('ul', { class: 'sources explain' }, li) : li;
}

// ---------- selection wizard ----------
const FIELDS = [
  ['hostOS', 'Host OS', 'hostOS'], ['guestOS', 'Guest OS', 'guestOS'],
  ['deploymentModel', 'Deployment model', 'deploymentModel'], ['serviceModel', 'Service model', 'serviceModel'],
  ['virtualization', 'Virtualization type', 'virtualization'], ['vmmType', 'Hypervisor (VMM) type', 'vmmType'],
  ['organisation', 'Target organisation', 'targetOrganisation'], ['interfaces', 'Interfaces', 'interface'],
  ['features', 'Features', 'feature'], ['languages', 'Implementation languages', 'language'],
];
let optionsPromise;
function selectionOptions() {
  const values = FIELDS.map(f => 'vkg:' + f[2]).join(' ');
  optionsPromise ??= sparql(`PREFIX vkg: <${VKG}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?p ?x ?label WHERE {
  VALUES ?p { ${values} }
  { ?p rdfs:range ?r . ?x a ?r . FILTER(?r != rdfs:Resource && ?r != <http://www.w3.org/2002/07/owl#Thing>) } UNION { ?s ?p ?x }
  FILTER(isIRI(?x) && STRSTARTS(STR(?x), "${ID}"))
  OPTIONAL { ?x rdfs:label ?label }
}`).then(res => {
    const by = {};
    for (const b of res.results.bindings) {
      const p = localId(b.p.value);
      (by[p] ??= new Map()).set(localId(b.x.value), b.label ? b.label.value : localId(b.x.value));
    }
    return by;
  });
  return optionsPromise;
}

async function selection() {
  const opts = await selectionOptions();
  main.innerHTML = '';
  main.append(el('h1', {}, 'Selection wizard'));
  main.append(el('p', { class: 'muted' }, 'Tick what you need and how much it matters. A requirement is satisfied when the knowledge graph says so, violated only when a source excludes it, and otherwise unknown; pairs that do not satisfy a “must” are left out.'));
  const form = el('form', { class: 'grid', id: 'selection-form' });
  for (const [name, label, prop] of FIELDS) {
    const fs = el('fieldset', {}, el('legend', {}, label), weightSelect(name));
    const box = el('div', { class: 'checks' });
    const entries = [...(opts[prop] || new Map()).entries()].sort((a, b) => a[1].localeCompare(b[1]));
    for (const [id, l] of entries) {
      const cid = `sel-${name}-${id}`;
      box.append(el('label', { for: cid }, el('input', { type: 'checkbox', id: cid, name, value: id }), ' ', l));
    }
    if (!entries.length) box.append(el('p', { class: 'muted' }, 'No values in the knowledge base.'));
    fs.append(box);
    form.append(fs);
  }
  const cb = el('fieldset', {}, el('legend', {}, 'Container-based technology'), weightSelect('containerBased'));
  for (const [v, l] of [['', 'No preference'], ['true', 'Yes'], ['false', 'No']])
    cb.append(el('label', { style: 'display:block' }, el('input', { type: 'radio', name: 'containerBased', value: v, ...(v === '' ? { checked: '' } : {}) }), ' ', l));
  form.append(cb);
  // The paper selects among open-source options: commercial services (e.g. Amazon EC2) only when asked for.
  // Which sources decide: the same three views as the matrix (the API's view parameter).
  const viewSelect = el('select', { id: 'sel-view', name: 'view' }, ...Object.entries(VIEWS).map(([k, v]) => el('option', { value: k }, v)));
  form.append(el('fieldset', {}, el('legend', {}, 'Platforms'),
    el('label', { for: 'sel-include-services' }, el('input', { type: 'checkbox', id: 'sel-include-services', name: 'includeServices', value: 'services' }),
      ' include commercial services')));
  form.append(el('fieldset', {}, el('legend', {}, 'Sources'), el('label', { for: 'sel-view' }, 'View: '), viewSelect));
  form.append(el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Rank candidates'), el('button', { type: 'reset', class: 'secondary' }, 'Clear')));
  const out = el('section', { id: 'selection-results', 'aria-live': 'polite', 'aria-label': 'Ranked results' });
  main.append(form, out);
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    const body = {};
    const fd = new FormData(form);
    const weighted = (name, v) => { const w = fd.get('weight-' + name); return w && w !== 'should' ? { value: v, weight: w } : v; };
    for (const [name] of FIELDS) { const v = fd.getAll(name); if (v.length) body[name] = weighted(name, v); }
    if (fd.get('containerBased')) body.containerBased = weighted('containerBased', fd.get('containerBased') === 'true');
    out.innerHTML = '<p class="loading">Ranking…</p>';
    try {
      const include = (fd.get('includeServices') ? '&include=services' : '') + '&view=' + encodeURIComponent(fd.get('view') || 'all');
      const r = await api('/api/selection?limit=100' + include, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
      renderRanking(out, r);
      out.scrollIntoView({ block: 'start' });
    } catch (e) {
      out.innerHTML = '';
      out.append(el('p', { class: 'error', role: 'alert' }, e.message));
    }
  });
}

// The weight of a group of requirements: should (the default), must (leaves out pairs that do not satisfy it) or nice.
function weightSelect(name) {
  const sel = el('select', { name: 'weight-' + name, 'aria-label': 'Weight', class: 'weight' });
  for (const w of ['should', 'must', 'nice']) sel.append(el('option', { value: w, ...(w === 'should' ? { selected: '' } : {}) }, w));
  return sel;
}

const REQ = { satisfied: '✓ satisfied', violated: '✗ violated', unknown: '? unknown' };
function renderRanking(out, r) {
  out.innerHTML = '';
  out.append(el('h2', {}, `${r.total} candidate pair${r.total === 1 ? '' : 's'}` + (r.requirements.length ? ` for ${r.requirements.length} requirement${r.requirements.length === 1 ? '' : 's'}` : ' (no requirements: all compatible pairs)')));
  const left = (r.excluded?.violated || 0) + (r.excluded?.unknown || 0);
  if (left) out.append(el('p', { class: 'muted', id: 'selection-excluded' }, `${left} pair${left === 1 ? '' : 's'} left out for not satisfying a must (${r.excluded.violated} violated, ${r.excluded.unknown} unknown).`));
  const services = r.excluded?.services || 0;
  if (services) out.append(el('p', { class: 'muted', id: 'selection-services' }, `${services} pair${services === 1 ? '' : 's'} on commercial services left out (tick “include commercial services” to rank them too).`));
  const byView = r.excluded?.view || 0;
  if (byView) out.append(el('p', { class: 'muted', id: 'selection-view' }, r.view === 'paper'
    ? `${byView} pair${byView === 1 ? '' : 's'} only other sources name left out (the paper only).`
    : `${byView} pair${byView === 1 ? '' : 's'} left out because the newest source says the platform no longer supports the technology.`));
  if (r.sensitivity?.note && r.requirements.length) out.append(el('p', { id: 'selection-sensitivity' }, r.sensitivity.note));
  const ol = el('ol', { class: 'results' });
  for (const c of r.items) {
    const li = el('li', { class: 'candidate' });
    li.append(el('strong', {}, idLink(c.platform.id, c.platform.label), ' + ', idLink(c.technology.id, c.technology.label)), ' ',
      el('span', { class: 'muted' }, `score ${c.score} of ${c.maxScore}: ${c.satisfied} satisfied, ${c.violated} violated, ${c.unknown} unknown`),
      c.compatibility.basis === 'inferred' ? el('span', { class: 'badge inferred' }, 'compatibility inferred') : '', ' ',
      c.compatibility.disputed ? el('span', { class: 'badge disputed' }, 'compatibility disputed') : '', ' ',
      el('a', { href: `#/matrix?${(r.include || []).includes('services') ? 'include=services&' : ''}t=${encodeURIComponent(c.technology.id)}&p=${encodeURIComponent(c.platform.id)}` }, 'why compatible?'));
    const ul = el('ul', { class: 'reqs' });
    for (const q of c.requirements) {
      const item = el('li', {}, el('span', { class: 'st st-' + q.status }, REQ[q.status] || q.status), ' ', el('span', {}, q.reason),
        q.disputed ? el('span', { class: 'badge disputed', title: (q.disputes || []).join(' ') }, 'disputed') : '');
      if (q.sources?.length) item.append(' ', el('span', { class: 'muted' }, '— ', ...sourceText(q.sources[0])));
      ul.append(item);
    }
    li.append(ul);
    ol.append(li);
  }
  out.append(ol);
}

// ---------- SPARQL: the editor is the server's page /sparql (YASGUI) ----------
/** The editor with a query in a new tab, run at once: YASGUI reads `#query=` (its share-link form) and clears it. */
function sparqlHref(query) {
  return '/sparql#query=' + encodeURIComponent(query);
}

/** Old bookmarks of `#/sparql`, `#/sparql?query=…` and `#/sparql?describe=…` go on to the editor. */
function sparqlRedirect(params) {
  const describe = params.get('describe');
  const query = describe ? `DESCRIBE <${describe}>` : params.get('query');
  location.replace(query ? sparqlHref(query) : '/sparql');
}

// ---------- ontology browser ----------
async function ontology(params) {
  const res = await sparql(`PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?c (SAMPLE(?l) AS ?label) (SAMPLE(?cm) AS ?comment) (GROUP_CONCAT(DISTINCT STR(?super); separator=" ") AS ?supers) (SAMPLE(?k) AS ?n) WHERE {
  ?c a owl:Class . FILTER(isIRI(?c) && STRSTARTS(STR(?c), "${VKG}"))
  OPTIONAL { ?c rdfs:label ?l }
  OPTIONAL { ?c rdfs:comment ?cm }
  OPTIONAL { ?c rdfs:subClassOf ?super FILTER(isIRI(?super) && ?super != ?c && STRSTARTS(STR(?super), "${VKG}")) }
  OPTIONAL { { SELECT ?c (COUNT(DISTINCT ?i) AS ?k) WHERE { ?i a ?c FILTER(isIRI(?i) && STRSTARTS(STR(?i), "${ID}")) } GROUP BY ?c } }
} GROUP BY ?c`);
  const classes = new Map();
  for (const b of res.results.bindings) {
    const id = localId(b.c.value);
    classes.set(id, { id, iri: b.c.value, label: b.label?.value || id, comment: b.comment?.value || '',
      supers: new Set((b.supers?.value || '').split(' ').filter(Boolean).map(localId).filter(s => s !== id)), n: b.n ? parseInt(b.n.value, 10) : 0, children: [] });
  }
  // The store holds the closure; keep only direct superclasses (drop those implied through another).
  for (const c of classes.values()) {
    const direct = [...c.supers].filter(s => classes.has(s) && ![...c.supers].some(o => o !== s && classes.get(o)?.supers.has(s) && !classes.get(s)?.supers.has(o)));
    c.direct = direct;
    for (const s of direct) classes.get(s).children.push(c);
  }
  const roots = [...classes.values()].filter(c => !c.direct.length).sort((a, b) => a.label.localeCompare(b.label));
  main.innerHTML = '';
  main.append(el('h1', {}, 'Ontology'), el('p', { class: 'muted' }, `${classes.size} classes of the vkg: vocabulary; counts include inferred instances. `,
    el('a', { href: '/ontology' }, 'Full documentation'), ' (every term, diagram; also as Turtle, RDF/XML, JSON-LD) · ',
    el('a', { href: '/ontology/cite' }, 'how to cite and reuse')));
  const detail = el('section', { class: 'panel', id: 'class-detail', 'aria-live': 'polite', 'aria-label': 'Class details' }, el('p', { class: 'muted' }, 'Select a class.'));
  const tree = el('ul', { class: 'tree', id: 'class-tree', 'aria-label': 'Class hierarchy' });
  const seen = new Set();
  const node = (c, depth) => {
    const li = el('li');
    const b = el('button', { type: 'button', class: 'linklike', 'data-class': c.id }, c.label);
    b.addEventListener('click', () => show(c));
    li.append(b, el('span', { class: 'count' }, `(${c.n})`));
    if (c.children.length && depth < 12 && !seen.has(c.id)) {
      seen.add(c.id);
      const ul = el('ul');
      for (const k of c.children.sort((a, b) => a.label.localeCompare(b.label))) ul.append(node(k, depth + 1));
      li.append(ul);
      seen.delete(c.id);
    }
    return li;
  };
  for (const r of roots) tree.append(node(r, 0));
  main.append(el('div', { class: 'ontology' }, el('nav', { 'aria-label': 'Classes' }, tree), detail));

  async function show(c) {
    history.replaceState(null, '', '#/ontology?c=' + encodeURIComponent(c.id));
    detail.innerHTML = '';
    detail.append(el('h2', {}, c.label), el('p', {}, el('code', {}, 'vkg:' + c.id)));
    if (c.comment) detail.append(el('p', {}, c.comment));
    if (c.direct.length) detail.append(el('p', {}, 'Subclass of: ', ...c.direct.flatMap((s, i) => [i ? ', ' : '', classLink(classes.get(s))])));
    if (c.children.length) detail.append(el('p', {}, 'Subclasses: ', ...c.children.flatMap((s, i) => [i ? ', ' : '', classLink(s)])));
    detail.append(el('h3', {}, `Instances (${c.n})`));
    if (!c.n) return;
    const inst = await sparql(`PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?i (SAMPLE(?l) AS ?label) WHERE { ?i a <${c.iri}> FILTER(STRSTARTS(STR(?i), "${ID}")) OPTIONAL { ?i rdfs:label ?l } } GROUP BY ?i ORDER BY ?label LIMIT 300`);
    const ul = el('ul', { class: 'cards' });
    for (const b of inst.results.bindings) ul.append(el('li', {}, idLink(localId(b.i.value), b.label?.value || localId(b.i.value))));
    detail.append(ul);
  }
  function classLink(c) {
    const b = el('button', { type: 'button', class: 'linklike' }, c.label);
    b.addEventListener('click', () => show(c));
    return b;
  }
  const c0 = params.get('c');
  if (c0 && classes.has(c0)) show(classes.get(c0));
}

// ---------- add product ----------
// The product's facts are the server's field table (GET /api/fields), the one the API reads and
// writes products with: the writable fields are the form's inputs, each shown for its kind.
let fieldsPromise;
function fieldTable() {
  fieldsPromise ??= api('/api/fields').then(r => r.fields).catch(e => { fieldsPromise = undefined; throw e; });
  return fieldsPromise;
}
const KINDS = ['Hypervisor', 'Type1Hypervisor', 'Type2Hypervisor', 'ContainerTechnology', 'ContainerHypervisor', 'CloudPlatform'];

async function addProduct(params) {
  // #/edit?id=X edits a product added through the API: the form is filled from GET /api/products/X,
  // and the PUT carries the ETag read with it, so an edit never overwrites someone else's.
  const editId = parseHash().path === 'edit' ? params.get('id') : null;
  let current = null, etag = null;
  if (editId) {
    const r = await fetch('/api/products/' + encodeURIComponent(editId), { headers: { Accept: 'application/json' } });
    const p = await r.json().catch(() => ({}));
    if (!r.ok) throw new Error(p.detail || `Cannot load product ${editId} (${r.status})`);
    current = p;
    etag = r.headers.get('ETag');
  }
  const table = await fieldTable();
  const PRODUCT_FIELDS = table.filter(f => f.writable).map(f => [f.name, f.label, f.kind, f.example]);
  main.innerHTML = '';
  main.append(el('h1', {}, editId ? `Edit ${current.label}` : 'Add a product'));
  main.append(el('p', { class: 'muted' }, editId
    ? 'Change the facts and save. If someone else changed this product since you opened it, nothing is overwritten: you are told, and can reload.'
    : 'Editors can add a hypervisor, container technology or cloud platform. It is validated (SHACL, consistency) and reasoned over before it is stored. Values are ids of existing resources, separated by commas.'));
  const form = el('form', { id: 'product-form', novalidate: '' });
  const summary = el('div', { id: 'form-summary', 'aria-live': 'assertive' });
  const field = (name, label, input, hint) => {
    const errId = 'err-' + name;
    input.id = 'f-' + name;
    input.name = name;
    input.setAttribute('aria-describedby', (hint ? 'hint-' + name + ' ' : '') + errId);
    return el('div', { class: 'field', 'data-field': name }, el('label', { for: input.id }, label), input,
      hint ? el('span', { class: 'hint', id: 'hint-' + name }, hint) : '', el('span', { class: 'field-error', id: errId }));
  };
  const token = el('input', { type: 'password', autocomplete: 'off', value: sessionStorage.getItem('virtkg.token') || '' });
  const kind = el('select', {}, ...KINDS.map(k => el('option', { value: k }, k)));
  form.append(el('div', { class: 'grid' },
    field('token', 'Editor token (required)', token, 'Kept in this browser tab only (sessionStorage).'),
    field('kind', 'Kind', kind),
    field('id', 'Id (required)', el('input', { required: '', pattern: '[A-Za-z][A-Za-z0-9_-]*' }), 'Letters, digits, - and _; becomes /id/<id>'),
    field('label', 'Name (required)', el('input', { required: '' })),
    field('comment', 'Description', el('input', {})),
    field('source', 'Source URL', el('input', { type: 'url' }), 'Where the facts come from (http or https)')));
  const refs = el('div', { class: 'grid' });
  for (const [name, label, side, example] of PRODUCT_FIELDS)
    refs.append(field(name, label, el('input', { 'data-side': side, list: 'ids-list', autocomplete: 'off' }), example ? 'e.g. ' + example : ''));
  form.append(el('h2', {}, 'Facts'), refs, el('datalist', { id: 'ids-list' }));
  // Show the facts that apply to the chosen kind (technology fields or platform fields).
  const sideOf = k => (k === 'CloudPlatform' ? 'platform' : 'technology');
  const showSide = () => refs.querySelectorAll('[data-side]').forEach(i => {
    const f = i.closest('.field');
    f.hidden = i.dataset.side !== 'both' && i.dataset.side !== sideOf(kind.value);
    if (f.hidden) i.value = '';
  });
  kind.addEventListener('change', showSide);
  showSide();
  form.append(el('div', { class: 'actions' }, el('button', { type: 'submit' }, editId ? 'Save changes' : 'Add product')));
  main.append(summary, form);
  if (current) {
    for (const name of ['kind', 'id', 'label', 'comment', 'source']) if (current[name] != null) form.elements[name].value = current[name];
    form.elements.id.readOnly = true;
    showSide(); // for the product's kind, before the facts are filled in (it clears the other side's)
    for (const [name] of PRODUCT_FIELDS) if (Array.isArray(current[name])) form.elements[name].value = current[name].join(', ');
  }
  const grid = form.querySelectorAll('.grid');
  grid.forEach(g => { g.style.display = 'grid'; g.style.gridTemplateColumns = 'repeat(auto-fill,minmax(17rem,1fr))'; g.style.gap = '0 1rem'; });
  searchIndex().then(all => {
    const dl = form.querySelector('#ids-list');
    for (const i of all) if (i.iri.startsWith(ID)) dl.append(el('option', { value: i.id }, i.label));
  }).catch(() => {});

  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    form.querySelectorAll('.field-error').forEach(e => { e.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
    summary.innerHTML = '';
    const v = n => form.elements[n].value.trim();
    const tok = v('token');
    if (tok) sessionStorage.setItem('virtkg.token', tok);
    const local = [];
    if (!tok) local.push(['token', 'Enter your editor token.']);
    if (!v('id')) local.push(['id', 'An id is required.']);
    else if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(v('id'))) local.push(['id', 'Use letters, digits, - and _, starting with a letter.']);
    if (!v('label')) local.push(['label', 'A name is required.']);
    if (local.length) { local.forEach(([f, m]) => fieldError(form, f, m)); errorSummary(summary, local); return; }
    const body = { kind: v('kind'), id: v('id'), label: v('label') };
    if (v('comment')) body.comment = v('comment');
    if (v('source')) body.source = v('source');
    for (const [name] of PRODUCT_FIELDS) {
      const list = v(name).split(',').map(s => s.trim()).filter(Boolean);
      if (list.length) body[name] = list;
    }
    // Claims the product carries (disputes, conditions) have no form fields yet: an edit keeps them.
    if (current?.claims?.length) body.claims = current.claims;
    const headers = { 'Content-Type': 'application/json', Authorization: 'Bearer ' + tok, Accept: 'application/json' };
    if (editId && etag) headers['If-Match'] = etag;
    const r = await fetch(editId ? '/api/products/' + encodeURIComponent(editId) : '/api/products',
      { method: editId ? 'PUT' : 'POST', headers, body: JSON.stringify(body) });
    let p = {};
    try { p = await r.json(); } catch { /* empty body */ }
    if (r.status === 201 || (editId && r.status === 200)) {
      if (editId) etag = r.headers.get('ETag');
      summary.append(el('p', { class: 'ok', role: 'status', id: 'created' }, editId ? 'Saved. ' : 'Added. ',
        el('a', { href: '/id/' + encodeURIComponent(body.id), id: 'created-link' }, `Open ${body.label}`), ' · ',
        el('a', { href: '#/edit?id=' + encodeURIComponent(body.id), id: 'edit-link' }, 'Edit it')));
      indexPromise = undefined;
      return;
    }
    const errs = [];
    if (r.status === 412) {
      const reload = el('a', { href: '#/edit?id=' + encodeURIComponent(editId), id: 'reload-link' }, 'Reload the current version');
      reload.addEventListener('click', ev => { ev.preventDefault(); route(); });
      summary.append(el('div', { class: 'error', role: 'alert', id: 'error-summary' },
        el('strong', {}, 'Not saved: someone changed this product after you opened it. '), reload, ' and make your change again.'));
      return;
    }
    if (r.status === 401 || r.status === 403) errs.push(['token', (r.status === 401 ? 'Token missing or not recognised. ' : 'This token may not add products. ') + (p.detail || '')]);
    else if (r.status === 409) errs.push(['id', p.detail || 'That id is taken.']);
    else if (Array.isArray(p.report) && p.report.length) {
      for (const item of p.report) {
        const f = item.field || fieldOfPath(item.path, table) || null;
        const msg = [item.value ? `“${item.value}”: ` : '', item.message || item.detail || JSON.stringify(item),
          item.suggestions?.length ? `. Did you mean ${item.suggestions.map(s => s.id || s).join(', ')}?` : ''].join('');
        errs.push([f && form.elements[f] ? f : null, msg]);
      }
      if (p.detail) errs.unshift([null, p.detail]);
    } else errs.push([p.field || p.parameter || null, p.detail || `Request failed (${r.status})`]);
    errs.forEach(([f, m]) => f && fieldError(form, f, m));
    errorSummary(summary, errs);
  });
}

/** The form field a SHACL report's path (<property IRI>) stands for: the field table's, or one of the head fields. */
function fieldOfPath(path, table) {
  if (!path) return null;
  const iri = String(path).replace(/^<|>$/g, '');
  const f = table.find(x => x.writable && x.predicate === iri);
  if (f) return f.name;
  return { 'http://www.w3.org/2000/01/rdf-schema#label': 'label', 'http://www.w3.org/2000/01/rdf-schema#comment': 'comment',
    'http://www.w3.org/1999/02/22-rdf-syntax-ns#type': 'kind' }[iri] || null;
}
function fieldError(form, name, msg) {
  const input = form.elements[name];
  const out = form.querySelector('#err-' + name);
  if (!input || !out) return;
  input.setAttribute('aria-invalid', 'true');
  out.textContent = (out.textContent ? out.textContent + ' ' : '') + msg;
}
function errorSummary(summary, errs) {
  const box = el('div', { class: 'error', role: 'alert', id: 'error-summary' }, el('strong', {}, 'The product was not added:'));
  const ul = el('ul');
  for (const [f, m] of errs) ul.append(el('li', {}, f ? el('a', { href: '#', 'data-focus': 'f-' + f }, f) : '', f ? ': ' : '', m));
  ul.addEventListener('click', ev => {
    const a = ev.target.closest('[data-focus]');
    if (a) { ev.preventDefault(); document.getElementById(a.dataset.focus)?.focus(); }
  });
  box.append(ul);
  summary.append(box);
}

// A search submitted from a server-rendered page (/id/…) arrives as /?q=…
const q0 = new URLSearchParams(location.search).get('q');
if (q0 !== null && !location.hash) history.replaceState(null, '', '/#/?q=' + encodeURIComponent(q0));
route();
