// Derivations and sources as lists: shared by the matrix's explanation panel and the "why?" page.
import { el, ID, VKG, localId, sourceText } from './util.js';

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

/** The derivation tree of /api/explain (or a compatibility answer's explanation) down to stated facts. */
export function explanationTree(x, depth = 0) {
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
