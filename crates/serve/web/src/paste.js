// "Paste a report": runs the pipeline on a pasted text (POST /api/extract; nothing is stored)
// and shows the events found, each figure highlighted in the text.
import { h } from './dom.js';
import { extract } from './api.js';
import { fmtDate, fmtToll, fmtPlace, fmtActors, fmtFigure, fmtQualifier, typeColor } from './format.js';
import { highlightedText, spanMatches } from './highlight.js';

const EXAMPLE = `Gunmen kill nine in raid on village market

June 14, 2024

Gunmen on motorcycles killed at least nine people and wounded 14 others in an attack on a market in Konduga, Borno State, on Thursday, police spokesman Nahum Daso said.

A local official said 11 people had died, including two children. Residents said the attackers also abducted five women.`;

export function createPaste(container) {
  const text = h('textarea', { id: 'paste-text', name: 'text', rows: 10, required: true, 'data-testid': 'paste-text', placeholder: 'Paste the text of a news report here…' });
  const title = h('input', { id: 'paste-title', name: 'title', type: 'text', 'data-testid': 'paste-title' });
  const published = h('input', { id: 'paste-published', name: 'published', type: 'date', 'data-testid': 'paste-published' });
  const submit = h('button', { type: 'submit', class: 'primary', 'data-testid': 'paste-submit' }, 'Extract');
  const example = h('button', { type: 'button', 'data-testid': 'paste-example', onclick: () => { text.value = EXAMPLE; title.value = ''; published.value = ''; text.focus(); } }, 'Use an example');
  const status = h('p', { class: 'status', 'data-testid': 'paste-status', role: 'status' });
  const result = h('div', { class: 'paste-result', 'data-testid': 'paste-result' });

  const form = h(
    'form',
    { class: 'paste-form', 'data-testid': 'paste-form' },
    h('label', { for: 'paste-text' }, 'Report text'),
    text,
    h('div', { class: 'row' }, h('div', null, h('label', { for: 'paste-title' }, 'Headline (optional)'), title), h('div', null, h('label', { for: 'paste-published' }, 'Published (optional)'), published)),
    h('div', { class: 'row buttons' }, submit, example),
    h('p', { class: 'muted small' }, 'The report is analysed on the server and not stored.'),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = { text: text.value };
    if (!body.text.trim()) {
      status.textContent = 'Paste a report first.';
      return;
    }
    if (title.value.trim()) body.title = title.value.trim();
    if (published.value) body.published = published.value;
    submit.disabled = true;
    result.setAttribute('aria-busy', 'true');
    status.textContent = 'Extracting…';
    status.classList.remove('error');
    try {
      const out = await extract(body);
      // The spans are offsets into the text the server saw: the one it sends back.
      render(out, out.text ?? body.text);
      const n = out.events?.length ?? 0;
      status.textContent = `${n} event${n === 1 ? '' : 's'} found.`;
    } catch (err) {
      result.replaceChildren();
      status.textContent = `Extraction failed: ${err.message}`;
      status.classList.add('error');
    } finally {
      submit.disabled = false;
      result.setAttribute('aria-busy', 'false');
    }
  });

  function render(out, fullText) {
    const events = out.events ?? [];
    const claims = events.flatMap((ev, e) => (ev.claims ?? []).map((c) => ({ ...c, event: e })));
    claims.forEach((c, i) => (c.index = i));
    const list = events.map((ev, e) =>
      h(
        'li',
        { class: 'paste-event', 'data-testid': 'paste-event' },
        h('div', null, h('span', { class: 'swatch', style: `background:${typeColor(ev.event_type)}` }), h('strong', null, ev.event_type ?? 'Unknown type'), ev.sub_event_type ? ` — ${ev.sub_event_type}` : ''),
        h('div', { class: 'small' }, `${fmtDate(ev.date)} · ${fmtPlace(ev.location)}`),
        ev.actors?.length ? h('div', { class: 'small' }, fmtActors(ev.actors)) : null,
        h('div', { class: 'small' }, `Fatalities ${fmtToll(ev.fatalities)} · injuries ${fmtToll(ev.injuries)}`),
        h(
          'ul',
          { class: 'paste-claims' },
          claims
            .filter((c) => c.event === e)
            .map((c) =>
              h(
                'li',
                { 'data-testid': 'paste-claim', 'data-claim-index': c.index },
                h('strong', null, `${fmtFigure(c)} ${c.kind}`),
                ` (${fmtQualifier(c.qualifier)}${c.cumulative ? ', cumulative' : ''})`,
                c.source ? ` — said by ${c.source}` : '',
                spanMatches(fullText, c) ? null : h('span', { class: 'warn', 'data-testid': 'span-mismatch' }, ' span does not match'),
              ),
            ),
        ),
      ),
    );
    result.replaceChildren(
      h('h4', null, out.title ? `Events in “${out.title}”` : 'Events found'),
      events.length ? h('ol', { class: 'paste-events' }, list) : h('p', { class: 'muted' }, 'No event was found in this text.'),
      h('h4', null, `Figures in the text (${claims.length})`),
      h(
        'div',
        { class: 'report-text', 'data-testid': 'paste-text-view' },
        highlightedText(
          fullText,
          claims.filter((c) => Array.isArray(c.span)).map((c) => ({ start: c.span[0], end: c.span[1], id: c.index })),
          (ids) => ({ 'data-testid': 'paste-highlight', 'data-claims': ids.join(' '), title: ids.map((k) => `${claims[k].kind}: ${fmtFigure(claims[k])}`).join('; ') }),
        ),
      ),
    );
  }

  container.append(form, status, result);
}
