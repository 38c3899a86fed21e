// #/ontology?c=Hypervisor: the class hierarchy (GET /api/classes) as a tree; a class shows its
// definition, super- and subclasses and instances (GET /api/classes/{id}/instances).
import { api, el, idLink } from '../util.js';

export default async function ontology(main, params) {
  const r = await api('/api/classes');
  const classes = new Map(r.items.map(c => [c.id, { ...c, direct: c.superClasses.filter(s => s !== c.id), n: c.instances, children: [] }]));
  // The server reduced each class's superclasses to the direct ones; the tree hangs each class under them.
  for (const c of classes.values()) {
    c.direct = c.direct.filter(s => classes.has(s));
    for (const s of c.direct) classes.get(s).children.push(c);
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
  for (const root of roots) tree.append(node(root, 0));
  main.append(el('div', { class: 'ontology' }, el('nav', { 'aria-label': 'Classes' }, tree), detail));

  async function show(c) {
    history.replaceState(null, '', '#/ontology?c=' + encodeURIComponent(c.id));
    detail.innerHTML = '';
    detail.dataset.class = c.id;
    detail.append(el('h2', {}, c.label), el('p', {}, el('code', {}, 'vkg:' + c.id)));
    if (c.comment) detail.append(el('p', {}, c.comment));
    if (c.direct.length) detail.append(el('p', {}, 'Subclass of: ', ...c.direct.flatMap((s, i) => [i ? ', ' : '', classLink(classes.get(s))])));
    if (c.children.length) detail.append(el('p', {}, 'Subclasses: ', ...c.children.flatMap((s, i) => [i ? ', ' : '', classLink(s)])));
    detail.append(el('h3', {}, `Instances (${c.n})`));
    // One column (narrow screens): the details sit below the whole tree, out of sight; bring them in.
    const top = detail.getBoundingClientRect().top;
    if (top < 0 || top > window.innerHeight - 80) detail.scrollIntoView({ block: 'start' });
    if (!c.n) return;
    const inst = await api(`/api/classes/${encodeURIComponent(c.id)}/instances?limit=500`);
    if (detail.dataset.class !== c.id) return; // another class was chosen meanwhile
    const ul = el('ul', { class: 'cards' });
    for (const i of inst.items) ul.append(el('li', {}, idLink(i.id, i.label)));
    if (inst.next) detail.append(el('p', { class: 'muted' }, `The first ${inst.items.length} of ${inst.total}, by name.`));
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
