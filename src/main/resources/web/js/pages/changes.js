// #/changes: the change log, newest first, with new changes arriving live over server-sent events.
import { api, el } from '../util.js';

export default async function changes(main) {
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
  const newest = r.items.length ? r.items[0].id : 0;
  const stream = new EventSource('/api/changes/stream?since=' + newest);
  stream.addEventListener('open', () => { live.textContent = 'Live: new changes appear at the top.'; });
  stream.addEventListener('error', () => { live.textContent = 'The live feed was interrupted; reconnecting…'; });
  stream.addEventListener('change', ev => {
    const c = JSON.parse(ev.data);
    if (!tbody.querySelector(`tr[data-id="${c.id}"]`)) tbody.prepend(row(c));
  });
  // Leaving the page closes the stream.
  return () => stream.close();
}
