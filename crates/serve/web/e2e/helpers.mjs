// Shared set-up of the browser tests: the desk's address, Chromium, and the API as a test sees it.
import { chromium } from 'playwright-core';

export const BASE = (process.env.SITREP_URL || '').replace(/\/$/, '');
if (!BASE) throw new Error('SITREP_URL is not set: run the tests through scripts/e2e.sh, or set it to a running `sitrep serve`');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** GET a JSON API path from the test (not the page). */
export async function api(path, init) {
  const res = await fetch(BASE + path, init);
  const body = await res.json();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

export async function allEvents(params = {}) {
  const out = [];
  for (let offset = 0; ; offset += 500) {
    const q = new URLSearchParams({ ...params, limit: '500', offset: String(offset) });
    const page = await api(`/api/events?${q}`);
    out.push(...page.events);
    if (out.length >= page.total || !page.events.length) return { total: page.total, events: out };
  }
}

export const located = (events) => events.filter((e) => Number.isFinite(e.location?.lat) && Number.isFinite(e.location?.lon));

/** A fresh page on the desk, loaded and idle; collects page errors in page.errors. */
export async function openDesk(browser, hash = '') {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  context.setDefaultTimeout(10000);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') page.errors.push(m.text());
  });
  await page.goto(`${BASE}/${hash}`);
  await idle(page);
  return page;
}

/** Waits until the table and the map have their data. */
export async function idle(page) {
  await page.locator('[data-testid=events-table][aria-busy=false]').waitFor();
  await page.locator('[data-testid=map][aria-busy=false]').waitFor();
}

/** The rows of the table as the page shows them. */
export function rows(page) {
  return page.locator('[data-testid=event-row]').evaluateAll((trs) =>
    trs.map((tr) => ({
      id: tr.dataset.eventId,
      start: tr.dataset.dateStart,
      end: tr.dataset.dateEnd,
      fatalities: tr.dataset.fatalities === '' ? null : Number(tr.dataset.fatalities),
      reports: Number(tr.dataset.reports),
    })),
  );
}

/** The text of all <mark>s of one claim index inside a container, joined in order. */
export function markedText(container, attr, index) {
  return container.locator(`mark[data-testid=${attr}]`).evaluateAll(
    (marks, i) => marks.filter((m) => m.dataset.claims.split(' ').includes(String(i))).map((m) => m.textContent).join(''),
    index,
  );
}

/**
 * Clicks an event's circle on the map, at a point of it that no other circle covers (circles of
 * nearby events overlap). Fails if the circle is missing or wholly covered.
 */
export async function clickMarker(page, eventId) {
  await page.locator('[data-testid=map]').scrollIntoViewIfNeeded();
  const marker = page.locator(`[data-testid=map-marker][data-event-id="${eventId}"]`);
  await marker.waitFor();
  const point = await marker.evaluate((el) => {
    const r = el.getBoundingClientRect();
    for (let fy = 0.5, i = 0; i < 9; i++, fy = 0.5 + (i % 2 ? 1 : -1) * Math.ceil(i / 2) * 0.1)
      for (let fx = 0.5, j = 0; j < 9; j++, fx = 0.5 + (j % 2 ? 1 : -1) * Math.ceil(j / 2) * 0.1) {
        const x = r.left + r.width * fx;
        const y = r.top + r.height * fy;
        if (document.elementFromPoint(x, y) === el) return { x, y };
      }
    return null;
  });
  if (!point) throw new Error(`the circle of ${eventId} is covered by others`);
  await page.mouse.click(point.x, point.y);
}
