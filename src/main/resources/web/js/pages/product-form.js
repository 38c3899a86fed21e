// #/add and #/edit?id=X: the product form. Its facts are the server's field table (GET /api/fields);
// a create is POST /api/products, an edit a PUT with the ETag read as If-Match.
import { api, el } from '../util.js';
import { searchIndex, forgetSearchIndex, isResource } from '../catalogue.js';
import { route } from '../router.js';

// The product's facts are the server's field table (GET /api/fields), the one the API reads and
// writes products with: the writable fields are the form's inputs, each shown for its kind.
let fieldsPromise;
function fieldTable() {
  fieldsPromise ??= api('/api/fields').then(r => r.fields).catch(e => { fieldsPromise = undefined; throw e; });
  return fieldsPromise;
}
const KINDS = ['Hypervisor', 'Type1Hypervisor', 'Type2Hypervisor', 'ContainerTechnology', 'ContainerHypervisor', 'CloudPlatform'];

// The kinds a product may have: those above, and every class below one of them, such as a term an
// admin added through /api/terms (GET /api/classes gives each class's direct superclasses).
async function productKinds() {
  const side = new Map(KINDS.map(k => [k, k === 'CloudPlatform' ? 'platform' : 'technology']));
  try {
    const classes = new Map((await api('/api/classes')).items.map(c => [c.id, c.superClasses]));
    const sideOf = (id, seen = new Set()) => {
      if (side.has(id)) return side.get(id);
      if (seen.has(id)) return null;
      seen.add(id);
      for (const s of classes.get(id) || []) { const found = s !== id && sideOf(s, seen); if (found) return found; }
      return null;
    };
    for (const id of [...classes.keys()].sort()) { const found = sideOf(id); if (found) side.set(id, found); }
  } catch { /* the listed kinds still work */ }
  return side;
}

export default async function productForm(main, params, path) {
  // #/edit?id=X edits a product added through the API: the form is filled from GET /api/products/X,
  // and the PUT carries the ETag read with it, so an edit never overwrites someone else's.
  const editId = path === 'edit' ? params.get('id') : null;
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
  const kinds = await productKinds();
  if (current?.kind && !kinds.has(current.kind)) kinds.set(current.kind, 'technology');
  const kind = el('select', {}, ...[...kinds.keys()].map(k => el('option', { value: k }, k)));
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
  const sideOf = k => kinds.get(k) || 'technology';
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
    for (const i of all) if (isResource(i)) dl.append(el('option', { value: i.id }, i.label));
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
      forgetSearchIndex();
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
