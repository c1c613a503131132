// The map: one circle per located event (area by fatalities, colour by event type) over offline
// country outlines (Natural Earth 1:110m, shipped as /assets/countries.json). No tile server.
import L from 'leaflet';
import { h } from './dom.js';
import { EVENT_TYPES, typeColor, UNKNOWN_COLOR, fmtDate, fmtToll, fmtPlace } from './format.js';

export function radiusFor(best) {
  if (best == null || best <= 0) return 5;
  return Math.min(40, 5 + 3 * Math.sqrt(best));
}

export function createMap(container, { onSelect }) {
  const map = L.map(container, {
    center: [15, 20],
    zoom: 2,
    minZoom: 1,
    maxZoom: 14,
    zoomSnap: 0.5,
    worldCopyJump: false,
    maxBounds: [
      [-90, -540],
      [90, 540],
    ],
  });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Outlines: Natural Earth');

  // Outlines in their own pane, under the markers.
  map.createPane('countries');
  map.getPane('countries').style.zIndex = '350';
  const countryRenderer = L.svg({ pane: 'countries' });
  fetch('/assets/countries.json')
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${r.status}`))))
    .then((gj) => {
      L.geoJSON(gj, {
        pane: 'countries',
        renderer: countryRenderer,
        interactive: false,
        style: { color: '#9aa5ad', weight: 0.7, fillColor: '#f4f1ea', fillOpacity: 1 },
      }).addTo(map);
      container.dataset.outlines = 'loaded';
    })
    .catch(() => {
      container.dataset.outlines = 'failed';
    });

  container.after(legend());

  const markers = L.layerGroup().addTo(map);
  const byId = new Map();
  let selected = null;
  let fitted = false;

  function styleFor(ev, isSelected) {
    const hasFigure = ev.fatalities?.best != null;
    return {
      radius: radiusFor(ev.fatalities?.best),
      color: isSelected ? '#111' : typeColor(ev.event_type),
      weight: isSelected ? 3 : 1.5,
      fillColor: typeColor(ev.event_type),
      fillOpacity: hasFigure ? 0.55 : 0.1,
      dashArray: ev.contested ? '4 3' : null,
    };
  }

  function setEvents(events) {
    markers.clearLayers();
    byId.clear();
    const located = events.filter((e) => Number.isFinite(e.location?.lat) && Number.isFinite(e.location?.lon));
    // Big circles first, so that small ones stay on top and clickable.
    located.sort((a, b) => radiusFor(b.fatalities?.best) - radiusFor(a.fatalities?.best));
    for (const ev of located) {
      const m = L.circleMarker([ev.location.lat, ev.location.lon], styleFor(ev, ev.event_id === selected));
      m.bindTooltip(
        h(
          'div',
          { class: 'map-tip' },
          h('strong', null, ev.event_type ?? 'Unknown type'),
          h('div', null, fmtPlace(ev.location)),
          h('div', null, fmtDate(ev.date)),
          h('div', null, `Fatalities: ${fmtToll(ev.fatalities)}${ev.contested ? ' (contested)' : ''}`),
        ),
      );
      m.on('click', () => onSelect(ev.event_id));
      m.addTo(markers);
      const el = m.getElement();
      if (el) {
        el.setAttribute('data-testid', 'map-marker');
        el.setAttribute('data-event-id', ev.event_id);
        el.setAttribute('role', 'button');
        el.setAttribute('tabindex', '0');
        el.setAttribute('aria-label', `${ev.event_type ?? 'Event'} at ${fmtPlace(ev.location)}, ${fmtDate(ev.date)}`);
        el.addEventListener('keydown', (e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            onSelect(ev.event_id);
          }
        });
      }
      byId.set(ev.event_id, { marker: m, ev });
    }
    container.dataset.markerCount = String(located.length);
    container.dataset.unlocated = String(events.length - located.length);
    if (!fitted && located.length) {
      fitted = true;
      fitTo(located);
    }
    return { located: located.length, unlocated: events.length - located.length };
  }

  function fitTo(located) {
    const b = L.latLngBounds(located.map((e) => [e.location.lat, e.location.lon]));
    map.fitBounds(b.pad(0.2), { maxZoom: 6, animate: false });
  }

  function select(id) {
    const prev = byId.get(selected);
    if (prev) prev.marker.setStyle(styleFor(prev.ev, false));
    selected = id;
    const cur = byId.get(id);
    if (cur) {
      cur.marker.setStyle(styleFor(cur.ev, true));
      cur.marker.bringToFront();
    }
  }

  new ResizeObserver(() => map.invalidateSize()).observe(container);
  return { map, setEvents, select, fitAll: () => fitTo([...byId.values()].map((v) => v.ev)) };
}

/** The legend, below the map (an overlay would hide circles). */
export function legend() {
  const swatch = (color) => h('span', { class: 'swatch', style: `background:${color}` });
  return h(
    'div',
    { class: 'map-legend', 'data-testid': 'map-legend' },
    h('span', { class: 'legend-title' }, 'Event type:'),
    h('ul', null, EVENT_TYPES.map((t) => h('li', null, swatch(typeColor(t)), t)), h('li', null, swatch(UNKNOWN_COLOR), 'Unknown')),
    h('span', { class: 'legend-note' }, 'Circle area grows with fatalities; hollow: no figure; dashed: contested.'),
  );
}
