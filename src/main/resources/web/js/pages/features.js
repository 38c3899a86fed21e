// #/features?platform=OpenStack: a platform's feature x driver matrix from its imported support
// matrices (Nova's), GET /api/platforms/{id}/features; a cell shows its history and source.
import { api, el, idLink } from '../util.js';

const ANSWER = {
  supported: { sym: '✓', cls: 'asserted' }, partial: { sym: '◐', cls: 'inferred' },
  unsupported: { sym: '✗', cls: 'unsupported' }, unknown: { sym: '?', cls: 'unknown' },
};

export default async function features(main, params) {
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
