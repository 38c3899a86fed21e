// Small helpers shared by the pages: fetch with problem+json errors, DOM building, sources as text.
export const ID = 'https://w3id.org/virtkg/id/';
export const VKG = 'https://w3id.org/virtkg/ontology#';

export function localId(iri) {
  return iri.startsWith(ID) ? iri.slice(ID.length) : iri.replace(/^.*[#/]/, '');
}

async function problem(r) {
  let detail = `${r.status} ${r.statusText}`;
  try {
    const text = await r.text();
    try { const p = JSON.parse(text); detail = p.detail || p.title || detail; } catch { if (text) detail = text.slice(0, 2000); }
  } catch { /* keep the status line */ }
  const e = new Error(detail);
  e.status = r.status;
  return e;
}

export async function api(path, init = {}) {
  const r = await fetch(path, { ...init, headers: { Accept: 'application/json', ...(init.headers || {}) } });
  if (!r.ok) throw await problem(r);
  return r.json();
}

/** The views of paper and present (the API's view parameter), as the matrix and the wizard offer them. */
export const VIEWS = { all: 'Paper and present (disputes shown)', current: 'Today (newest sources win)', paper: 'The paper only' };

/** el('a', {href: '/x'}, 'text', child…): attributes as given; children strings become text nodes. */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'value' && 'value' in e) e.value = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === '') continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

export function idLink(id, label) {
  return el('a', { href: '/id/' + encodeURIComponent(id) }, label || id);
}

/**
 * " commercial service" beside a value or platform the API marks commercialService: true (a rented
 * service, e.g. Amazon EC2, among open-source platforms), in the words and style of /id/{name}
 * (space included, so its text reads "Amazon EC2 commercial service" as there); '' otherwise.
 */
export function serviceBadge(v) {
  if (!v?.commercialService) return '';
  const mark = document.createDocumentFragment();
  mark.append(' ', el('span', { class: 'badge commercial-service' }, 'commercial service'));
  return mark;
}

/** A source as inline nodes: "Table 2, row CloudStack, column Hypervisor support: “Xen,KVM”" or "§3: “quote”". */
/** 'filed by who on day' from a filing graph's description (who, when), or '' when it names no one. */
export function filedBy(description) {
  if (!description?.wasAttributedTo) return '';
  const day = description.generatedAtTime ? ' on ' + String(description.generatedAtTime).slice(0, 10) : '';
  return `filed by ${description.wasAttributedTo}${day}`;
}

export function sourceText(s) {
  const parts = [];
  if (s.table) parts.push(el('strong', {}, `${s.table}, row ${s.row}, column ${s.column}`));
  else if (s.section) parts.push(el('strong', {}, s.section === 'abstract' ? 'Abstract' : `Section ${s.section}`));
  else if (s.role === 'ontology') parts.push(el('strong', {}, 'Ontology axiom'));
  // An outside document a note cites (recorded, never fetched): its address, as a link.
  else if (s.address && !s.graph) parts.push(el('a', { href: s.address }, s.address));
  // A claim someone filed: who and when, and the document it cites.
  else if (s.wasAttributedTo) {
    parts.push(el('strong', {}, filedBy(s)));
    if (/^https?:/.test(s.wasDerivedFrom || '')) parts.push(' (', el('a', { href: s.wasDerivedFrom }, s.wasDerivedFrom), ')');
  }
  else parts.push(el('strong', {}, s.graph ? s.graph.replace(/^https:\/\/w3id\.org\/virtkg\//, '') : 'source'));
  const text = s.cellText ?? s.quote ?? s.comment;
  if (text) parts.push(': ', el('q', {}, text));
  if (s.disputed) parts.push(' ', el('span', { class: 'badge', title: s.disputeNote || '' }, 'disputed'));
  return parts;
}
