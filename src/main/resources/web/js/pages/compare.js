// The compare page (#/compare?ids=KVM,Xen): GET /api/compare side by side, each value stated or
// inferred with its sources, then the paper's sentences that speak of the compared products together.
import { api, el, idLink, serviceBadge, sourceText } from '../util.js';
import { searchIndex } from '../catalogue.js';

/** How many products one comparison takes (the API's limits). */
const MIN_IDS = 2;
const MAX_IDS = 4;

/** Renders the page into main; the picker offers the catalogue's products of the first one's kind. */
export default async function comparePage(main, params) {
  const ids = (params.get('ids') || '').split(',').map(s => s.trim()).filter(Boolean);
  main.innerHTML = '';
  main.append(el('h1', {}, ids.length ? 'Compare ' + ids.join(', ') : 'Compare products'));
  main.append(await picker(ids));
  if (ids.length < MIN_IDS) {
    main.append(el('p', { class: 'muted', id: 'compare-hint' },
      `Choose ${MIN_IDS} to ${MAX_IDS} technologies, or ${MIN_IDS} to ${MAX_IDS} cloud platforms, to see them side by side.`));
    return;
  }
  const r = await api('/api/compare?ids=' + encodeURIComponent(ids.join(',')));
  // Where a compared product stands today (discontinued, superseded), before the table.
  for (const caution of r.cautions || []) main.append(el('p', { class: 'caution', role: 'note' }, '⚠ ', caution));
  main.append(table(r), narrative(r));
}

async function picker(ids) {
  const all = (await searchIndex()).filter(i => i.group === 'Technology' || i.group === 'Cloud platform');
  const first = all.find(i => ids.length && i.id.toLowerCase() === ids[0].toLowerCase());
  const options = first ? all.filter(i => i.group === first.group) : all;
  const form = el('form', { class: 'toolbar', id: 'compare-form' });
  const input = el('input', { id: 'compare-ids', name: 'ids', value: ids.join(','), list: 'compare-options', size: 40,
    placeholder: 'e.g. KVM,Xen', autocomplete: 'off', 'aria-describedby': 'compare-ids-help' });
  const list = el('datalist', { id: 'compare-options' });
  for (const o of options) list.append(el('option', { value: o.id }, o.label));
  const add = el('select', { id: 'compare-add', 'aria-label': 'Add a product to compare' },
    el('option', { value: '' }, first ? `Compare with… (${first.group === 'Technology' ? 'technologies' : 'cloud platforms'})` : 'Add…'),
    ...options.filter(o => !ids.some(i => i.toLowerCase() === o.id.toLowerCase())).map(o => el('option', { value: o.id }, o.label)));
  add.addEventListener('change', () => {
    if (!add.value) return;
    location.hash = '#/compare?ids=' + encodeURIComponent([...ids, add.value].slice(0, MAX_IDS).join(','));
  });
  form.append(el('label', { for: 'compare-ids' }, 'Ids'), input, list, el('button', { type: 'submit' }, 'Compare'), add,
    el('span', { id: 'compare-ids-help', class: 'muted' }, ` comma-separated, ${MIN_IDS}–${MAX_IDS} of one kind`));
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    location.hash = '#/compare?ids=' + encodeURIComponent(input.value.split(',').map(s => s.trim()).filter(Boolean).join(','));
  });
  return form;
}

function table(r) {
  const head = el('tr', {}, el('th', { scope: 'col' }, 'Property'),
    ...r.items.map(i => el('th', { scope: 'col', 'data-id': i.id }, idLink(i.id, i.label))));
  const body = el('tbody');
  for (const row of r.properties) {
    const tr = el('tr', { 'data-property': row.property }, el('th', { scope: 'row' }, row.label || row.property));
    // A kind is a class of the ontology, documented on /ontology, not a resource with a page of its own.
    const link = row.property === 'kinds' ? v => el('a', { href: '/ontology#' + encodeURIComponent(v.id) }, v.label || v.id) : null;
    for (const i of r.items) tr.append(el('td', { 'data-id': i.id }, cell(row.values[i.id] || [], link)));
    body.append(tr);
  }
  return el('div', { class: 'scroll compare-scroll' },
    el('table', { class: 'data compare', id: 'compare-table' },
      el('caption', { class: 'muted' }, 'Each value is stated by a source or inferred by the reasoner; open “sources” to see where it comes from.'),
      el('thead', {}, head), body));
}

function cell(values, link) {
  if (!values.length) return el('span', { class: 'muted' }, '—');
  const ul = el('ul', { class: 'values' });
  for (const v of values) {
    const li = el('li', {}, v.id && !/^(true|false)$/.test(v.id) ? (link ? link(v) : idLink(v.id, v.label)) : String(v.label ?? v.id), ' ',
      el('span', { class: 'tag' + (v.basis === 'inferred' ? ' inferred' : ''), 'data-basis': v.basis }, v.basis));
    if (v.disputed) li.append(el('span', { class: 'badge disputed' }, 'disputed'));
    // A rented service (e.g. Amazon EC2) among open-source platforms: marked as every view marks it.
    li.append(serviceBadge(v));
    if (v.sources?.length) {
      const list = el('ul', { class: 'sources' });
      for (const s of v.sources) list.append(el('li', { class: 'source' }, ...sourceText(s)));
      li.append(el('details', {}, el('summary', {}, `sources (${v.sources.length})`), list));
    }
    ul.append(li);
  }
  return ul;
}

function narrative(r) {
  const section = el('section', { id: 'compare-narrative', 'aria-labelledby': 'compare-narrative-h' },
    el('h2', { id: 'compare-narrative-h' }, 'What the sources say about them together'));
  if (!r.narrative.length) {
    section.append(el('p', { class: 'muted' }, 'No sentence of the sources names two of them.'));
    return section;
  }
  const ul = el('ul', { class: 'sources' });
  for (const n of r.narrative) ul.append(el('li', {}, ...sourceText(n), ' ', el('span', { class: 'muted' }, '(' + n.mentions.join(', ') + ')')));
  section.append(ul);
  return section;
}
