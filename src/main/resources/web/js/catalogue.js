// Everything the search box finds: technologies, platforms, and every labelled term of the
// vocabulary (GET /api/vocabulary), fetched in parallel once and shared by the pages that need it
// (search, the compare picker, the product form's id suggestions).
import { api, ID } from './util.js';

let indexPromise;

/** [{iri, id, label, group, kinds}] sorted by label; group is Technology, Cloud platform, Term, Class or Property. */
export function searchIndex() {
  indexPromise ??= Promise.all([
    api('/api/technologies?limit=500'),
    api('/api/platforms?limit=500'),
    api('/api/vocabulary'),
  ]).then(([techs, plats, terms]) => {
    const items = new Map();
    for (const t of techs.items) items.set(t.iri, { iri: t.iri, id: t.id, label: t.label, group: 'Technology', kinds: t.kinds });
    for (const p of plats.items) items.set(p.iri, { iri: p.iri, id: p.id, label: p.label, group: 'Cloud platform', kinds: p.kinds });
    for (const t of terms.items) {
      if (items.has(t.iri)) continue;
      const group = t.kind === 'class' ? 'Class' : t.kind === 'property' ? 'Property' : 'Term';
      items.set(t.iri, { iri: t.iri, id: t.id, label: t.label, group, kinds: [] });
    }
    return [...items.values()].sort((a, b) => a.label.localeCompare(b.label));
  }).catch(e => { indexPromise = undefined; throw e; });
  return indexPromise;
}

/** After a write (a product added or edited) the next search reads the catalogue again. */
export function forgetSearchIndex() {
  indexPromise = undefined;
}

/** True for resources of the data (/id/…), which have pages of their own. */
export function isResource(item) {
  return item.iri.startsWith(ID);
}
