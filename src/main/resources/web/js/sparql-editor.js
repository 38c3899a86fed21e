// The SPARQL editor at GET /sparql: YASGUI (from its WebJar, loaded before this module) over this
// server's endpoints. Everything it needs comes from this server: the prefixes it completes are
// virtkg's own (given by the page), the query library comes from /api/queries, and the remote
// autocompleters (prefix.cc, Linked Open Vocabularies) are switched off.
const root = document.getElementById('yasgui');
const endpoint = root.dataset.endpoint;
const prefixes = JSON.parse(root.dataset.prefixes);
const { Yasqe } = window;

// Prefix completion from the page's list instead of prefix.cc; only variables besides. The
// defaults are changed in place because Yasgui merges its own copy of them with every tab's config.
Yasqe.forkAutocompleter('prefixes', {
  name: 'virtkg-prefixes',
  persistenceId: null,
  get: () => Promise.resolve(Object.entries(prefixes).map(([p, ns]) => `${p}: <${ns}>`).sort()),
}, false);
Yasqe.defaults.autocompleters.splice(0, Yasqe.defaults.autocompleters.length, 'virtkg-prefixes', 'variables');
Yasqe.defaults.prefixCcApi = endpoint; // never fetched: the prefixes completer above replaces the one that would
Yasqe.defaults.value = `PREFIX vkg: <${prefixes.vkg}>
PREFIX rdfs: <${prefixes.rdfs}>
SELECT ?platform ?label (COUNT(?t) AS ?technologies) WHERE {
  ?platform vkg:supports ?t ; rdfs:label ?label .
} GROUP BY ?platform ?label ORDER BY DESC(?technologies)`;

// A link to /sparql#query=… (the web UI's "describe" links, YASGUI's own share links) opens that
// query in a tab and runs it. Only against this server's endpoints: a link naming another endpoint,
// or extra request headers, gets them dropped, so following a link never sends a query elsewhere.
const ours = [endpoint, '/asserted/sparql'];
const fromLink = tab => {
  if (!ours.includes(tab.requestConfig.endpoint)) tab.requestConfig.endpoint = endpoint;
  tab.requestConfig.headers = {};
  return tab;
};

const yasgui = new window.Yasgui(root, {
  requestConfig: { endpoint, method: 'POST' },
  populateFromUrl: fromLink,
  copyEndpointOnNewTab: true,
  persistenceId: 'virtkg-sparql',
  endpointCatalogueOptions: {
    // The endpoint field offers this server's two endpoints, never DBpedia or Wikidata.
    getData: () => [{ endpoint }, { endpoint: '/asserted/sparql' }],
    keys: ['endpoint'],
  },
});
window.virtkgYasgui = yasgui; // for the browser tests and the curious

// The query library: choosing one puts its text into the current tab. Parameters stay unbound
// variables here; /api/queries/{name} binds them.
const pick = document.getElementById('library');
const about = document.getElementById('library-description');
fetch('/api/queries', { headers: { Accept: 'application/json' } })
  .then(r => { if (!r.ok) throw new Error(`GET /api/queries: ${r.status}`); return r.json(); })
  .then(lib => {
    pick.firstElementChild.textContent = '— choose a query from the library —';
    for (const q of lib.items) {
      const o = document.createElement('option');
      o.value = q.name;
      o.textContent = `${q.name}: ${q.summary}`;
      pick.append(o);
    }
    pick.disabled = false;
    pick.addEventListener('change', () => {
      const q = lib.items.find(x => x.name === pick.value);
      if (!q) return;
      const tab = yasgui.getTab();
      tab.setQuery(q.sparql);
      tab.setName(q.name);
      about.textContent = q.description + (q.params?.length
        ? ` Its parameters (${q.params.map(p => '?' + p.name).join(', ')}) are unbound here; ${q.href} binds them.` : '');
    });
  })
  .catch(e => { pick.firstElementChild.textContent = 'The query library could not be loaded'; about.textContent = e.message; });
