// Colours and wording shared by the map, the table and the event view.

export const EVENT_TYPES = [
  'Battles',
  'Explosions/Remote violence',
  'Violence against civilians',
  'Protests',
  'Riots',
  'Strategic developments',
];

const TYPE_COLORS = {
  Battles: '#d62728',
  'Explosions/Remote violence': '#ff7f0e',
  'Violence against civilians': '#9467bd',
  Protests: '#2ca02c',
  Riots: '#8c564b',
  'Strategic developments': '#1f77b4',
};
export const UNKNOWN_COLOR = '#7f7f7f';
export const typeColor = (t) => TYPE_COLORS[t] ?? UNKNOWN_COLOR;

export const SERIES_COLORS = ['#e41a1c', '#377eb8', '#4daf4a', '#984ea3', '#ff7f00', '#a65628', '#f781bf', '#666666'];

export function fmtDate(date) {
  if (!date) return 'undated';
  const { start, end, precision } = date;
  const base = start === end || !end ? start : `${start} – ${end}`;
  return precision && precision !== 'day' ? `${base} (${precision})` : base;
}

/** A toll {low, best, high} as "18 (12–18)"; null as an em dash. */
export function fmtToll(t) {
  if (!t || t.best == null) return '—';
  const lo = t.low ?? t.best;
  const hi = t.high;
  if (lo === t.best && hi === t.best) return String(t.best);
  return `${t.best} (${lo}–${hi ?? '?'})`;
}

export function fmtPlace(loc) {
  if (!loc) return 'unknown place';
  const parts = [loc.name];
  if (loc.admin1 && loc.admin1 !== loc.name) parts.push(loc.admin1);
  if (loc.country_code) parts.push(loc.country_code);
  return parts.join(', ');
}

export function fmtActors(actors) {
  if (!actors?.length) return '';
  const name = (a) => a.canonical || a.text;
  const a1 = actors.filter((a) => a.role === 'actor1').map(name);
  const a2 = actors.filter((a) => a.role === 'actor2').map(name);
  if (a1.length && a2.length) return `${a1.join(', ')} vs ${a2.join(', ')}`;
  return [...a1, ...a2].join(', ') || name(actors[0]);
}

const QUALIFIERS = {
  exact: 'exact',
  at_least: 'at least',
  more_than: 'more than',
  about: 'about',
  at_most: 'at most',
  range: 'range',
};
export const fmtQualifier = (q) => QUALIFIERS[q] ?? q ?? '';

/** A claim's figure as stated: "at least 12", "12–18". */
export function fmtFigure(c) {
  const n = c.low === c.high || c.high == null ? `${c.low}` : `${c.low}–${c.high}`;
  switch (c.qualifier) {
    case 'at_least':
      return `at least ${c.low}`;
    case 'more_than':
      return `more than ${c.low}`;
    case 'about':
      return `about ${n}`;
    case 'at_most':
      return `at most ${c.high ?? c.low}`;
    default:
      return n;
  }
}
