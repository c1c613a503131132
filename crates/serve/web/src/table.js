// The table of events: sorted and paginated by the API (`sort`, `limit`, `offset`).
import { h } from './dom.js';
import { fmtDate, fmtToll, fmtPlace, fmtActors, typeColor } from './format.js';

const SORTABLE = { date: 'Date', fatalities: 'Fatalities', reports: 'Reports' };

export function createTable(container, { onSort, onPage, onPageSize, onSelect }) {
  const caption = h('caption', { class: 'sr-only' }, 'Fused events');
  const headRow = h('tr');
  const tbody = h('tbody', { 'data-testid': 'events-rows' });
  const table = h('table', { class: 'events-table', 'data-testid': 'events-table', 'aria-busy': 'true' }, caption, h('thead', null, headRow), tbody);
  const info = h('span', { 'data-testid': 'table-info', 'aria-live': 'polite' });
  const prev = h('button', { type: 'button', 'data-testid': 'page-prev', onclick: () => onPage(-1) }, '‹ Previous');
  const next = h('button', { type: 'button', 'data-testid': 'page-next', onclick: () => onPage(1) }, 'Next ›');
  const size = h(
    'select',
    { id: 'page-size', 'data-testid': 'page-size', onchange: (e) => onPageSize(Number(e.target.value)) },
    [10, 25, 50, 100].map((n) => h('option', { value: n }, String(n))),
  );
  const pager = h(
    'div',
    { class: 'pager' },
    prev,
    info,
    next,
    h('label', { for: 'page-size' }, 'Rows per page'),
    size,
  );
  container.append(h('div', { class: 'table-wrap' }, table), pager);

  function header(sort) {
    const key = sort.replace(/^-/, '');
    const desc = sort.startsWith('-');
    const th = (label, k) => {
      if (!k) return h('th', { scope: 'col' }, label);
      const active = key === k;
      const nextSort = active && !desc ? `-${k}` : k;
      return h(
        'th',
        { scope: 'col', 'aria-sort': active ? (desc ? 'descending' : 'ascending') : 'none' },
        h(
          'button',
          {
            type: 'button',
            class: 'sort',
            'data-testid': `sort-${k}`,
            title: `Sort by ${label.toLowerCase()}`,
            onclick: () => onSort(nextSort),
          },
          label,
          h('span', { class: 'sort-mark', 'aria-hidden': 'true' }, active ? (desc ? ' ▼' : ' ▲') : ' ↕'),
        ),
      );
    };
    headRow.replaceChildren(
      th(SORTABLE.date, 'date'),
      th('Type'),
      th('Place'),
      th('Actors'),
      th(SORTABLE.fatalities, 'fatalities'),
      th('Injuries'),
      th(SORTABLE.reports, 'reports'),
    );
  }

  function setBusy(busy) {
    table.setAttribute('aria-busy', busy ? 'true' : 'false');
  }

  function render(page, { sort, selected }) {
    header(sort);
    size.value = String(page.limit);
    tbody.replaceChildren(
      ...page.events.map((ev) =>
        h(
          'tr',
          {
            'data-testid': 'event-row',
            'data-event-id': ev.event_id,
            'data-date-start': ev.date?.start ?? '',
            'data-type': ev.event_type ?? '',
            'data-date-end': ev.date?.end ?? '',
            'data-fatalities': ev.fatalities?.best ?? '',
            'data-reports': ev.reports ?? '',
            class: ev.event_id === selected ? 'selected' : null,
          },
          h(
            'td',
            null,
            h('button', { type: 'button', class: 'linklike', 'data-testid': 'open-event', onclick: () => onSelect(ev.event_id) }, fmtDate(ev.date)),
          ),
          h('td', null, h('span', { class: 'swatch', style: `background:${typeColor(ev.event_type)}` }), ev.event_type ?? 'Unknown', ev.sub_event_type ? h('div', { class: 'muted small' }, ev.sub_event_type) : null),
          h('td', null, fmtPlace(ev.location)),
          h('td', null, fmtActors(ev.actors)),
          h('td', { class: 'num' }, fmtToll(ev.fatalities), ev.contested ? h('span', { class: 'badge contested', title: `contested: ${(ev.contested_kinds ?? []).join(', ')}` }, 'contested') : null),
          h('td', { class: 'num' }, fmtToll(ev.injuries)),
          h('td', { class: 'num' }, String(ev.reports ?? ev.doc_ids?.length ?? '')),
        ),
      ),
    );
    if (!page.events.length) tbody.append(h('tr', null, h('td', { colspan: 7, class: 'muted' }, 'No events match.')));
    const first = page.total ? page.offset + 1 : 0;
    const last = page.offset + page.events.length;
    info.textContent = `${first}–${last} of ${page.total} events`;
    table.dataset.total = String(page.total);
    table.dataset.offset = String(page.offset);
    prev.disabled = page.offset <= 0;
    next.disabled = last >= page.total;
  }

  function highlight(id) {
    for (const tr of tbody.querySelectorAll('tr[data-event-id]')) tr.classList.toggle('selected', tr.dataset.eventId === id);
  }

  return { render, setBusy, highlight };
}
