// The event view: the fused event, each figure (claim) in its sentence, who said it, and the
// competing figures of the other reports.
import { h, safeLink } from './dom.js';
import { fmtDate, fmtToll, fmtPlace, fmtFigure, fmtQualifier, typeColor } from './format.js';
import { highlightedText, sentenceWithSpan, spanMatches } from './highlight.js';

const KIND_ORDER = ['killed', 'injured', 'captured', 'missing', 'displaced', 'arrested'];
const FUSED = { killed: 'fatalities', injured: 'injuries' };

function docLabel(doc) {
  if (!doc) return 'unknown report';
  const bits = [doc.title || doc.doc_id];
  if (doc.outlet) bits.push(doc.outlet);
  if (doc.published) bits.push(doc.published);
  return bits.join(' · ');
}

export function renderEvent(ev, { onClose }) {
  const docs = new Map((ev.documents ?? []).map((d) => [d.doc_id, d]));
  const claims = (ev.claims ?? []).map((c, i) => ({ ...c, index: i }));
  const docOrder = [...(ev.doc_ids ?? []), ...docs.keys()].filter((v, i, a) => a.indexOf(v) === i);
  const contestedKinds = new Set(ev.contested_kinds ?? []);

  const docSections = new Map();
  const reveal = (claim) => {
    const sec = docSections.get(claim.doc_id);
    if (!sec) return;
    sec.open = true;
    const mark = sec.querySelector(`mark[data-claims~="${claim.index}"]`);
    if (mark) {
      mark.scrollIntoView({ block: 'center', behavior: 'smooth' });
      mark.classList.add('flash');
      setTimeout(() => mark.classList.remove('flash'), 1200);
    }
  };

  const actorList = (ev.actors ?? []).map((a) =>
    h('li', null, h('span', { class: 'role' }, a.role), ' ', a.canonical || a.text, a.canonical && a.canonical !== a.text ? h('span', { class: 'muted' }, ` (“${a.text}”)`) : null),
  );

  const summary = h(
    'dl',
    { class: 'facts' },
    h('dt', null, 'Date'),
    h('dd', { 'data-testid': 'event-date' }, fmtDate(ev.date)),
    h('dt', null, 'Place'),
    h('dd', { 'data-testid': 'event-place' }, fmtPlace(ev.location), ev.location?.precision ? h('span', { class: 'muted' }, ` (${ev.location.precision})`) : null),
    h('dt', null, 'Fatalities'),
    h('dd', { 'data-testid': 'event-fatalities' }, fmtToll(ev.fatalities), ev.contested && contestedKinds.has('killed') ? h('span', { class: 'badge contested' }, 'contested') : null),
    h('dt', null, 'Injuries'),
    h('dd', null, fmtToll(ev.injuries), contestedKinds.has('injured') ? h('span', { class: 'badge contested' }, 'contested') : null),
    h('dt', null, 'Reports'),
    h('dd', null, String(ev.reports ?? docOrder.length)),
    actorList.length ? [h('dt', null, 'Actors'), h('dd', null, h('ul', { class: 'actors' }, actorList))] : null,
  );

  // Figures, grouped by kind: every report's figure side by side.
  const kinds = [...new Set(claims.map((c) => c.kind))].sort((a, b) => KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b));
  const figureGroups = kinds.map((kind) => {
    const group = claims
      .filter((c) => c.kind === kind)
      .sort((a, b) => docOrder.indexOf(a.doc_id) - docOrder.indexOf(b.doc_id) || a.span?.[0] - b.span?.[0]);
    const reportsHere = new Set(group.map((c) => c.doc_id));
    const fused = FUSED[kind] ? ev[FUSED[kind]] : null;
    return h(
      'section',
      { class: 'figure-group', 'data-testid': 'figure-group', 'data-kind': kind },
      h(
        'h4',
        null,
        kind,
        fused ? h('span', { class: 'fused', 'data-testid': 'fused-toll' }, ` fused: best ${fused.best ?? '—'}, low ${fused.low ?? '—'}, high ${fused.high ?? '—'}`) : null,
        contestedKinds.has(kind) ? h('span', { class: 'badge contested', 'data-testid': 'contested' }, 'contested') : null,
      ),
      reportsHere.size > 1 ? h('p', { class: 'muted small' }, `${reportsHere.size} reports give competing figures.`) : null,
      h('ol', { class: 'claims' }, group.map((c) => renderClaim(c, docs.get(c.doc_id), reveal))),
    );
  });

  const reports = docOrder.map((id, i) => {
    const doc = docs.get(id);
    const mine = claims.filter((c) => c.doc_id === id && Array.isArray(c.span));
    const body = doc?.text != null
      ? h(
          'div',
          { class: 'report-text', 'data-testid': 'report-text' },
          highlightedText(
            doc.text,
            mine.map((c) => ({ start: c.span[0], end: c.span[1], id: c.index })),
            (ids) => ({ 'data-testid': 'doc-highlight', 'data-claims': ids.join(' '), title: ids.map((k) => `${claims[k].kind}: ${fmtFigure(claims[k])}`).join('; ') }),
          ),
        )
      : h('p', { class: 'muted' }, 'The text of this report is not available.');
    const det = h(
      'details',
      { class: 'report', 'data-testid': 'report', 'data-doc-id': id, open: i === 0 && docOrder.length === 1 },
      h('summary', null, docLabel(doc ?? { doc_id: id }), h('span', { class: 'muted small' }, ` — ${mine.length} figure${mine.length === 1 ? '' : 's'}`)),
      doc?.url ? h('p', { class: 'small' }, safeLink(doc.url)) : null,
      body,
    );
    docSections.set(id, det);
    return det;
  });

  return h(
    'article',
    { class: 'event-view', 'data-testid': 'event-view', 'data-event-id': ev.event_id },
    h(
      'header',
      { class: 'event-head' },
      h('h3', { 'data-testid': 'event-title' }, h('span', { class: 'swatch', style: `background:${typeColor(ev.event_type)}` }), ev.event_type ?? 'Unknown type', ev.sub_event_type ? h('span', { class: 'muted' }, ` — ${ev.sub_event_type}`) : null),
      h('button', { type: 'button', class: 'close', 'aria-label': 'Close event', 'data-testid': 'event-close', onclick: onClose }, '×'),
    ),
    h('p', { class: 'muted small event-id' }, ev.event_id),
    summary,
    h('h4', { class: 'section' }, `Figures (${claims.length})`),
    claims.length ? figureGroups : h('p', { class: 'muted' }, 'No figures were stated.'),
    h('h4', { class: 'section' }, `Reports (${docOrder.length})`),
    reports,
  );
}

function renderClaim(c, doc, reveal) {
  const matches = doc?.text != null ? spanMatches(doc.text, c) : null;
  const quote = doc?.text != null ? sentenceWithSpan(doc.text, c.span, { 'data-testid': 'claim-span' }) : null;
  return h(
    'li',
    { class: 'claim', 'data-testid': 'claim', 'data-doc-id': c.doc_id, 'data-kind': c.kind, 'data-claim-index': c.index },
    h(
      'div',
      { class: 'claim-head' },
      h('strong', { class: 'figure', 'data-testid': 'claim-figure' }, fmtFigure(c), ' ', c.kind),
      h('span', { class: 'badge' }, fmtQualifier(c.qualifier)),
      c.cumulative ? h('span', { class: 'badge cumulative', 'data-testid': 'claim-cumulative', title: 'a running total over a campaign or period' }, 'cumulative') : null,
    ),
    h(
      'div',
      { class: 'claim-meta small' },
      h('span', { 'data-testid': 'claim-source' }, c.source ? `said by ${c.source}` : 'no source named'),
      c.victims ? ` · victims: ${c.victims}` : '',
      c.side ? ` · side: ${c.side}` : '',
      c.perpetrators ? ' · perpetrators' : '',
    ),
    h('div', { class: 'claim-doc small muted' }, docLabel(doc ?? { doc_id: c.doc_id })),
    h('blockquote', { class: 'evidence' }, quote ?? h('mark', { 'data-testid': 'claim-span' }, c.text)),
    matches === false ? h('p', { class: 'warn small', 'data-testid': 'span-mismatch' }, 'The span does not match the claim’s text.') : null,
    doc?.text != null ? h('button', { type: 'button', class: 'linklike small', onclick: () => reveal(c) }, 'Show in the report') : null,
  );
}
