// #/explain?s=…&p=…&o=…: why a triple holds (linked from the "why?" of inferred facts on /id pages).
import { api, el, idLink } from '../util.js';
import { explanationTree } from '../explanation.js';

export default async function explain(main, params) {
  const [s, p, o] = ['s', 'p', 'o'].map(k => params.get(k) || '');
  const r = await api(`/api/explain?s=${encodeURIComponent(s)}&p=${encodeURIComponent(p)}&o=${encodeURIComponent(o)}`);
  main.innerHTML = '';
  main.append(el('h1', {}, 'Why ', el('code', {}, `${s} ${p} ${o}`), '?'));
  main.append(el('p', {}, r.status === 'asserted' ? 'A source states it:' : 'The reasoner derived it from these facts (rule names are OWL 2 RL rules):'));
  main.append(explanationTree(r.explanation));
  main.append(el('p', {}, idLink(s, '← back to ' + s)));
}
