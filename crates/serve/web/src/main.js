// The web desk of sitrep serve: wires the map, the timeline, the table, the event view and the
// paste box to the API and to one shared state (date range, sort, page, selected event).
import 'leaflet/dist/leaflet.css';
import './app.css';
import { h } from './dom.js';
import { getAllEvents, getEvents, getEvent, getTimeline, getHealth } from './api.js';
import { createMap } from './map.js';
import { createTimeline } from './timeline.js';
import { createTable } from './table.js';
import { renderEvent } from './event.js';
import { createPaste } from './paste.js';

const $ = (id) => document.getElementById(id);

const state = { from: null, to: null, type: null, country: null, actor: null, q: null, sort: 'date', limit: 10, offset: 0, selected: null };
// The filters every query shares (empty ones are left out by the API client).
const filters = () => ({ from: state.from, to: state.to, type: state.type, country: state.country, actor: state.actor, q: state.q });

function showError(err) {
  const el = $('error');
  if (!err) {
    el.hidden = true;
    el.textContent = '';
    return;
  }
  el.hidden = false;
  el.textContent = `Error: ${err.message ?? err}`;
}

// Each loader drops answers to requests that a newer one has replaced.
function latest(fn) {
  let seq = 0;
  return async (...args) => {
    const mine = ++seq;
    const out = await fn(...args);
    return mine === seq ? out : undefined;
  };
}

function start() {
  const mapEl = $('map');
  const map = createMap(mapEl, { onSelect: selectEvent });
  const timeline = createTimeline($('timeline'), {
    onRange: (from, to) => setRange(from, to, { fromBrush: true }),
    onSelectEvent: selectEvent,
  });
  const table = createTable($('table'), {
    onSort: (sort) => {
      state.sort = sort;
      state.offset = 0;
      loadTable();
    },
    onPage: (dir) => {
      state.offset = Math.max(0, state.offset + dir * state.limit);
      loadTable();
    },
    onPageSize: (n) => {
      state.limit = n;
      state.offset = 0;
      loadTable();
    },
    onSelect: selectEvent,
  });
  createPaste($('panel-paste'));

  // Tabs of the side panel.
  const tabs = [$('tab-event'), $('tab-paste')];
  function showTab(tab) {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      $(t.getAttribute('aria-controls')).hidden = !on;
    }
  }
  for (const t of tabs) {
    t.addEventListener('click', () => showTab(t));
    t.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        const other = tabs[(tabs.indexOf(t) + 1) % tabs.length];
        showTab(other);
        other.focus();
      }
    });
  }

  const fetchTable = latest(() => getEvents({ ...filters(), sort: state.sort, limit: state.limit, offset: state.offset }));
  async function loadTable() {
    table.setBusy(true);
    try {
      const page = await fetchTable();
      if (!page) return;
      table.render(page, state);
      showError(null);
    } catch (err) {
      showError(err);
    } finally {
      table.setBusy(false);
    }
  }

  const fetchMap = latest(() => getAllEvents(filters()));
  async function loadMap() {
    mapEl.setAttribute('aria-busy', 'true');
    try {
      const all = await fetchMap();
      if (!all) return;
      const { located, unlocated } = map.setEvents(all.events);
      map.select(state.selected);
      $('map-note').textContent = `${located} event${located === 1 ? '' : 's'} on the map${unlocated ? `, ${unlocated} without a place` : ''}`;
    } catch (err) {
      showError(err);
    } finally {
      mapEl.setAttribute('aria-busy', 'false');
    }
  }

  async function loadTimeline() {
    try {
      timeline.setData(await getTimeline({}));
      timeline.setRange(state.from, state.to);
    } catch (err) {
      showError(err);
    }
  }

  function setRange(from, to, { fromBrush = false } = {}) {
    if (from && to && from > to) [from, to] = [to, from];
    state.from = from || null;
    state.to = to || null;
    state.offset = 0;
    $('range-from').value = state.from ?? '';
    $('range-to').value = state.to ?? '';
    if (!fromBrush) timeline.setRange(state.from, state.to);
    const note = $('filter-note');
    note.textContent = state.from || state.to ? `dated ${state.from ?? '…'} to ${state.to ?? '…'}` : 'all dates';
    document.body.dataset.from = state.from ?? '';
    document.body.dataset.to = state.to ?? '';
    loadTable();
    loadMap();
  }

  $('range-form').addEventListener('submit', (e) => {
    e.preventDefault();
    setRange($('range-from').value, $('range-to').value);
  });
  $('range-clear').addEventListener('click', () => setRange(null, null));

  // Type, country, actor and words narrow the table and the map like the date range does.
  function setFilters() {
    const val = (id) => $(id).value.trim() || null;
    state.type = val('filter-type');
    state.country = val('filter-country')?.toUpperCase() ?? null;
    state.actor = val('filter-actor');
    state.q = val('filter-q');
    state.offset = 0;
    loadTable();
    loadMap();
  }
  $('filter-form').addEventListener('submit', (e) => {
    e.preventDefault();
    if (!$('filter-form').reportValidity()) return;
    setFilters();
  });
  $('filter-type').addEventListener('change', setFilters);
  $('filter-clear').addEventListener('click', () => {
    $('filter-form').reset();
    setFilters();
  });
  $('zoom-in').addEventListener('click', () => timeline.zoomToRange());
  $('zoom-out').addEventListener('click', () => timeline.resetZoom());
  $('map-fit').addEventListener('click', () => map.fitAll());

  const fetchEvent = latest((id) => getEvent(id));
  async function selectEvent(id) {
    state.selected = id;
    map.select(id);
    table.highlight(id);
    showTab($('tab-event'));
    const panel = $('panel-event');
    panel.setAttribute('aria-busy', 'true');
    if (id && location.hash !== `#event=${encodeURIComponent(id)}`) history.replaceState(null, '', `#event=${encodeURIComponent(id)}`);
    try {
      const ev = await fetchEvent(id);
      if (!ev) return;
      panel.replaceChildren(renderEvent(ev, { onClose: closeEvent }));
      panel.scrollTop = 0;
      panel.closest('aside').scrollTop = 0;
    } catch (err) {
      panel.replaceChildren(h('p', { class: 'error', 'data-testid': 'event-error' }, `Could not load ${id}: ${err.message}`));
    } finally {
      panel.setAttribute('aria-busy', 'false');
    }
  }
  function closeEvent() {
    state.selected = null;
    map.select(null);
    table.highlight(null);
    history.replaceState(null, '', location.pathname + location.search);
    $('panel-event').replaceChildren(h('p', { class: 'muted' }, 'Click a circle on the map or a date in the table to see the event’s evidence.'));
  }

  getHealth()
    .then((hh) => {
      $('health').textContent = `v${hh.version} · ${hh.counts?.documents ?? '?'} reports · ${hh.counts?.events ?? '?'} events · ${hh.counts?.clusters ?? '?'} fused`;
    })
    .catch(showError);

  setRange(null, null);
  loadTimeline();
  const fromHash = () => {
    const m = /^#event=(.+)$/.exec(location.hash);
    if (m && decodeURIComponent(m[1]) !== state.selected) selectEvent(decodeURIComponent(m[1]));
  };
  window.addEventListener('hashchange', fromHash);
  fromHash();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
