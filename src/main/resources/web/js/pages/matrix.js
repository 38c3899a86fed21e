// #/matrix: every technology x platform (GET /api/compatibility/matrix) in one of the three views of
// paper and present; a cell opens why and where the sources say so (GET /api/compatibility).
import { api, el, filedBy, idLink, serviceBadge, sourceText, VIEWS } from '../util.js';
import { explanationTree, sourceList } from '../explanation.js';

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


export default async function matrix(main, params) {
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
  main.append(el('p', { class: 'toolbar' }, el('label', { for: 'view' }, 'View: '), viewSelect, ' ',
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
  // A commercial service's column (include=services) says so in words, on a line of its own beside the label.
  for (const p of m.platforms) hr.append(el('th', { scope: 'col', 'data-column': p.id },
    el('span', {}, el('a', { href: '/id/' + p.id, tabindex: '-1' }, p.label), p.commercialService ? [el('br'), serviceBadge(p)] : '')));
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
        'aria-label': `${t.label} on ${p.label}${p.commercialService ? ' (commercial service)' : ''}: ${STATUS[k].text}`, 'aria-pressed': 'false', tabindex: r === 0 && c === 0 ? '0' : '-1',
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
    panel.append(el('p', { id: 'cell-products' }, idLink(r.platform.id, r.platform.label), serviceBadge(r.platform), ' · ',
      idLink(r.technology.id, r.technology.label)));
    if (r.note) panel.append(el('p', { class: 'note' }, r.note));
    if (r.basis) panel.append(el('p', { class: 'muted', id: 'cell-basis' }, r.basis === 'stated' ? 'Stated by a source.' : 'Inferred by the reasoner: no source states it.'));
    if (r.against) panel.append(el('p', { class: 'note', id: 'cell-against' }, 'Against: ' + r.against.claim + '.'), sourceList(r.against.sources));
    for (const [title, notes] of [['Disputes', r.disputes], ['Conditions', r.conditions]]) {
      if (!notes?.length) continue;
      panel.append(el('h3', {}, title));
      const ul = el('ul', { class: 'notes' });
      for (const n of notes) {
        const filed = filedBy(n.filedBy);
        ul.append(el('li', { class: 'note-' + n.kind }, n.note, filed ? ` (${filed})` : '', n.sources?.length ? [' — ', ...sourceText(n.sources[0])] : ''));
      }
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
      if (l && l.status) panel.append(el('p', { class: 'muted' }, `${side === 'technology' ? r.technology.label : r.platform.label}: ${l.status}`,
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
