// The hash router: '#/matrix?view=paper' runs the page registered for 'matrix' with its parameters.
// A page is a module whose default export renders into <main>; it may return a function the router
// calls when the user leaves it (e.g. to close a live connection).
import { el } from './util.js';

export const main = document.getElementById('main');
const pages = new Map();
let leave = null;
let navigated = false;

/** Registers the page for a path ('' is the home page). */
export function page(path, render) {
  pages.set(path, render);
}

export function parseHash() {
  const h = location.hash.replace(/^#\/?/, '');
  const [path, query] = h.split('?');
  return { path: path || '', params: new URLSearchParams(query || '') };
}

function notFound() {
  main.innerHTML = '<h1>Not found</h1><p>No such page. <a href="#/">Back to search</a>.</p>';
}

/** Renders the page the address names (again, when called without a hash change). */
export async function route() {
  const { path, params } = parseHash();
  if (leave) { try { leave(); } catch { /* the page is gone either way */ } leave = null; }
  const render = pages.get(path) || notFound;
  document.querySelectorAll('.top nav a').forEach(a => {
    const target = a.getAttribute('href').replace(/^#\/?/, '');
    if (a.getAttribute('href').startsWith('#') && target === path) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  main.innerHTML = '<p class="loading">Loading…</p>';
  try {
    const done = await render(main, params, path);
    if (typeof done === 'function') leave = done;
  } catch (e) {
    main.innerHTML = '';
    main.append(el('h1', {}, 'Something went wrong'), el('p', { class: 'error', role: 'alert' }, e.message));
  }
  // Focus moves to the new content on navigation, not on the first load.
  if (navigated) main.focus({ preventScroll: true });
  navigated = true;
}

export function start() {
  window.addEventListener('hashchange', route);
  route();
}
