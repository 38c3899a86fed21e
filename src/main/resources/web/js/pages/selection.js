// #/select: the selection wizard. Its requirements, their headings and options come from the
// server's own table (GET /api/selection/requirements); the ranking is POST /api/selection.
import { api, el, idLink, serviceBadge, sourceText, VIEWS } from '../util.js';

let requirementsPromise;
/** The requirements the server judges, each with its options (read once). */
function requirements() {
  requirementsPromise ??= api('/api/selection/requirements').catch(e => { requirementsPromise = undefined; throw e; });
  return requirementsPromise;
}

export default async function selection(main) {
  const { items, weights, defaultWeight } = await requirements();
  // Strongest first: must, should, nice.
  const weightNames = Object.keys(weights).sort((a, b) => weights[b] - weights[a]);
  const weightSelect = name => weightChoice(name, weightNames, defaultWeight);
  const choices = items.filter(r => r.values);   // ticked from the values the property takes
  const yesNo = items.filter(r => !r.values);    // containerBased: yes, no or no preference
  main.innerHTML = '';
  main.append(el('h1', {}, 'Selection wizard'));
  main.append(el('p', { class: 'muted' }, 'Tick what you need and how much it matters. A requirement is satisfied when the knowledge graph says so, violated only when a source excludes it, and otherwise unknown; pairs that do not satisfy a “must” are left out.'));
  const form = el('form', { class: 'grid', id: 'selection-form' });
  for (const { name, label, values } of choices) {
    const fs = el('fieldset', {}, el('legend', {}, label), weightSelect(name));
    const box = el('div', { class: 'checks' });
    const entries = values.map(v => [v.id, v.label]).sort((a, b) => a[1].localeCompare(b[1]));
    for (const [id, l] of entries) {
      const cid = `sel-${name}-${id}`;
      box.append(el('label', { for: cid }, el('input', { type: 'checkbox', id: cid, name, value: id }), ' ', l));
    }
    if (!entries.length) box.append(el('p', { class: 'muted' }, 'No values in the knowledge base.'));
    fs.append(box);
    form.append(fs);
  }
  for (const { name, label } of yesNo) {
    const fs = el('fieldset', {}, el('legend', {}, label), weightSelect(name));
    for (const [v, l] of [['', 'No preference'], ['true', 'Yes'], ['false', 'No']])
      fs.append(el('label', { style: 'display:block' }, el('input', { type: 'radio', name, value: v, ...(v === '' ? { checked: '' } : {}) }), ' ', l));
    form.append(fs);
  }
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
    const weighted = (name, v) => { const w = fd.get('weight-' + name); return w && w !== defaultWeight ? { value: v, weight: w } : v; };
    for (const { name } of choices) { const v = fd.getAll(name); if (v.length) body[name] = weighted(name, v); }
    for (const { name } of yesNo) if (fd.get(name)) body[name] = weighted(name, fd.get(name) === 'true');
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

// The weight of a group of requirements, from the server's named weights: the default first
// (should), then the others (must leaves out pairs that do not satisfy it).
function weightChoice(name, names, byDefault) {
  const sel = el('select', { name: 'weight-' + name, 'aria-label': 'Weight', class: 'weight' });
  for (const w of [byDefault, ...names.filter(n => n !== byDefault)])
    sel.append(el('option', { value: w, ...(w === byDefault ? { selected: '' } : {}) }, w));
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
  if (r.requirements.length) out.append(el('p', { class: 'muted', id: 'selection-scoring' },
    'Score: each requirement a pair satisfies adds its weight, each it violates takes it away, an unknown one counts 0 (so a score can be below 0).'));
  const ol = el('ol', { class: 'results' });
  for (const c of r.items) {
    const li = el('li', { class: 'candidate' });
    // A pair on a rented service (include=services, or named in the filter) says so beside its platform.
    li.append(el('strong', {}, idLink(c.platform.id, c.platform.label), serviceBadge(c.platform), ' + ', idLink(c.technology.id, c.technology.label)), ' ',
      el('span', { class: 'muted' }, `score ${c.score} of ${c.maxScore}: ${c.satisfied} satisfied, ${c.violated} violated, ${c.unknown} unknown`),
      c.compatibility.basis === 'inferred' ? el('span', { class: 'badge inferred' }, 'compatibility inferred') : '', ' ',
      c.compatibility.disputed ? el('span', { class: 'badge disputed' }, 'compatibility disputed') : '', ' ',
      el('a', { href: `#/matrix?${(r.include || []).includes('services') ? 'include=services&' : ''}t=${encodeURIComponent(c.technology.id)}&p=${encodeURIComponent(c.platform.id)}` }, 'why compatible?'));
    // Where a product of the pair stands today (not in the score: said beside it).
    for (const caution of c.cautions || []) li.append(el('p', { class: 'caution', role: 'note' }, '⚠ ', caution));
    // Today's view resting on the paper's word alone, as the compatibility check says it.
    if (c.compatibility.note) li.append(el('p', { class: 'muted paper-alone', role: 'note' }, c.compatibility.note));
    const ul = el('ul', { class: 'reqs' });
    for (const q of c.requirements) {
      const item = el('li', {}, el('span', { class: 'st st-' + q.status }, REQ[q.status] || q.status), ' ', el('span', {}, q.reason),
        q.disputed ? el('span', { class: 'badge disputed' }, 'disputed') : '');
      if (q.sources?.length) item.append(' ', el('span', { class: 'muted' }, '— ', ...sourceText(q.sources[0])));
      // Why it is disputed, in the page rather than a tooltip a touch screen cannot show.
      if (q.disputed && q.disputes?.length) item.append(el('div', { class: 'dispute-note' }, 'Disputed: ', q.disputes.join(' ')));
      ul.append(item);
    }
    li.append(ul);
    ol.append(li);
  }
  out.append(ol);
}
