// The SPARQL editor is the server's page /sparql (YASGUI); the web UI has none of its own.

/** The editor with a query in a new tab, run at once: YASGUI reads `#query=` (its share-link form) and clears it. */
export function sparqlHref(query) {
  return '/sparql#query=' + encodeURIComponent(query);
}

/** #/sparql: old bookmarks of `#/sparql`, `#/sparql?query=…` and `#/sparql?describe=…` go on to the editor. */
export default function sparqlRedirect(main, params) {
  const describe = params.get('describe');
  const query = describe ? `DESCRIBE <${describe}>` : params.get('query');
  location.replace(query ? sparqlHref(query) : '/sparql');
}
