// Browser tests of the web desk against a running `sitrep serve` over the sample reports
// (scripts/e2e.sh sets it up). Every expectation is checked against the JSON API itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, api, allEvents, located, openDesk, idle, rows, markedText, clickMarker } from './helpers.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('the page loads without errors and the health line shows the counts', async () => {
  const page = await openDesk(browser);
  const health = await api('/api/health');
  await assert.doesNotReject(page.locator('[data-testid=health]').getByText(`${health.counts.events} events`).waitFor());
  assert.equal(await page.locator('[data-testid=error]').isVisible(), false);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the map shows one circle per located event, over the country outlines', async () => {
  const page = await openDesk(browser);
  const { events } = await allEvents();
  const want = located(events);
  assert.ok(want.length > 0, 'the sample database has located events');
  const ids = await page.locator('[data-testid=map-marker]').evaluateAll((els) => els.map((e) => e.dataset.eventId).sort());
  assert.deepEqual(ids, want.map((e) => e.event_id).sort());
  assert.equal(await page.locator('[data-testid=map]').getAttribute('data-marker-count'), String(want.length));
  await page.locator('[data-testid=map][data-outlines=loaded]').waitFor();
  assert.ok((await page.locator('.leaflet-countries-pane path').count()) > 100, 'country outlines are drawn');
  // Colour by type: every type on the map is in the legend.
  const legend = await page.locator('[data-testid=map-legend]').textContent();
  for (const t of new Set(want.map((e) => e.event_type).filter(Boolean))) assert.ok(legend.includes(t), `legend lists ${t}`);
  // Size by fatalities: a bigger toll draws a bigger circle.
  const sized = want.filter((e) => e.fatalities?.best != null).sort((a, b) => a.fatalities.best - b.fatalities.best);
  const small = sized[0];
  const big = sized[sized.length - 1];
  if (big.fatalities.best > small.fatalities.best) {
    const w = async (id) => (await page.locator(`[data-testid=map-marker][data-event-id="${id}"]`).boundingBox()).width;
    assert.ok((await w(big.event_id)) > (await w(small.event_id)), 'circle size grows with fatalities');
  }
  await page.context().close();
});

test('clicking a circle opens the event with each figure highlighted in its report', async () => {
  const page = await openDesk(browser);
  const { events } = await allEvents();
  // The located event with the most reports (then claims): its competing figures are shown.
  const target = located(events).sort((a, b) => b.reports - a.reports || b.doc_ids.length - a.doc_ids.length)[0];
  const detail = await api(`/api/events/${encodeURIComponent(target.event_id)}`);
  assert.ok(detail.claims.length > 0, `${target.event_id} has claims`);

  await clickMarker(page, target.event_id);
  const view = page.locator(`[data-testid=event-view][data-event-id="${target.event_id}"]`);
  await view.waitFor();
  await page.locator('[data-testid=event-panel][aria-busy=false]').waitFor();

  const cards = view.locator('[data-testid=claim]');
  assert.equal(await cards.count(), detail.claims.length, 'one card per claim');
  for (const [i, claim] of detail.claims.entries()) {
    const card = view.locator(`[data-testid=claim][data-claim-index="${i}"]`);
    assert.equal(await card.getAttribute('data-doc-id'), claim.doc_id);
    assert.equal(await card.locator('mark[data-testid=claim-span]').textContent(), claim.text, `claim ${i}: highlighted span = claim text`);
    const source = await card.locator('[data-testid=claim-source]').textContent();
    assert.ok(claim.source ? source.includes(claim.source) : /no source/.test(source), `claim ${i}: source shown`);
    assert.equal(await card.locator('[data-testid=claim-cumulative]').count(), claim.cumulative ? 1 : 0, `claim ${i}: cumulative flag`);
    // The same span is marked in the full report text.
    const report = view.locator(`[data-testid=report][data-doc-id="${claim.doc_id}"]`);
    assert.equal(await markedText(report, 'doc-highlight', i), claim.text, `claim ${i}: marked in its report`);
  }
  assert.equal(await view.locator('[data-testid=span-mismatch]').count(), 0);
  // Competing figures: every report that gives a figure is there, with the fused toll.
  const docsWithClaims = new Set(detail.claims.map((c) => c.doc_id));
  const shownDocs = new Set(await cards.evaluateAll((els) => els.map((e) => e.dataset.docId)));
  assert.deepEqual([...shownDocs].sort(), [...docsWithClaims].sort());
  assert.equal(await view.locator('[data-testid=report]').count(), detail.documents.length);
  if (detail.fatalities && detail.claims.some((c) => c.kind === 'killed')) {
    const fused = await view.locator('[data-testid=figure-group][data-kind=killed] [data-testid=fused-toll]').textContent();
    assert.match(fused, new RegExp(`best ${detail.fatalities.best}\\b`));
  }
  // The marker is the selected one, the table row too if on this page.
  assert.match(page.url(), /#event=/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('every event shows each of its figures highlighted exactly (byte spans over non-ASCII text)', async () => {
  const page = await openDesk(browser);
  const { events } = await allEvents();
  let checked = 0;
  let nonAscii = 0;
  for (const ev of events.slice(0, 60)) {
    const detail = await api(`/api/events/${encodeURIComponent(ev.event_id)}`);
    await page.evaluate((id) => {
      location.hash = `event=${encodeURIComponent(id)}`;
    }, ev.event_id);
    const view = page.locator(`[data-testid=event-view][data-event-id="${ev.event_id}"]`);
    await view.waitFor();
    const texts = await view.locator('mark[data-testid=claim-span]').allTextContents();
    assert.equal(texts.length, detail.claims.length, `${ev.event_id}: one highlight per claim`);
    for (const [i, c] of detail.claims.entries()) {
      const card = view.locator(`[data-testid=claim][data-claim-index="${i}"]`);
      assert.equal(await card.locator('mark[data-testid=claim-span]').textContent(), c.text, `${ev.event_id} claim ${i}`);
      const doc = detail.documents.find((d) => d.doc_id === c.doc_id);
      if (doc && /[^\x00-\x7f]/.test(Buffer.from(doc.text).subarray(0, c.span[0]).toString())) nonAscii++;
      checked++;
    }
    assert.equal(await view.locator('[data-testid=span-mismatch]').count(), 0, `${ev.event_id}: spans match`);
  }
  assert.ok(checked > 0, 'some figures were checked');
  assert.ok(nonAscii > 0, 'some figures follow non-ASCII text');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a contested event shows its flag (opened from the address)', async (t) => {
  const { events } = await allEvents();
  const contested = events.find((e) => e.contested);
  if (!contested) return t.skip('no contested event in this database');
  const page = await openDesk(browser, `#event=${encodeURIComponent(contested.event_id)}`);
  const view = page.locator(`[data-testid=event-view][data-event-id="${contested.event_id}"]`);
  await view.waitFor();
  for (const kind of contested.contested_kinds ?? []) {
    await view.locator(`[data-testid=figure-group][data-kind="${kind}"] [data-testid=contested]`).waitFor();
  }
  await page.context().close();
});

test('the timeline shows a bar per day and the running tolls', async () => {
  const page = await openDesk(browser);
  const tl = await api('/api/timeline');
  await page.locator('[data-testid=timeline]').waitFor();
  const bars = await page.locator('[data-testid=timeline-bar]').evaluateAll((els) => els.map((e) => e.dataset.date));
  assert.deepEqual(bars, tl.days.map((d) => d.date));
  const killed = tl.series.filter((se) => se.kind === 'killed');
  assert.equal(await page.locator('[data-testid=series-line]').count(), Math.min(8, killed.length));
  const points = killed.sort((a, b) => Math.max(...b.points.map((p) => p.value)) - Math.max(...a.points.map((p) => p.value))).slice(0, 8);
  assert.equal(await page.locator('[data-testid=series-point]').count(), points.reduce((n, se) => n + se.points.length, 0));
  const legend = await page.locator('[data-testid=series-legend]').textContent();
  for (const se of points) assert.ok(legend.includes(se.key), `legend names ${se.key}`);
  // Another kind of toll redraws the lines.
  const other = [...new Set(tl.series.map((se) => se.kind))].find((k) => k !== 'killed');
  if (other) {
    await page.locator('[data-testid=series-kind]').selectOption(other);
    assert.equal(await page.locator('[data-testid=series-line]').count(), Math.min(8, tl.series.filter((se) => se.kind === other).length));
  }
  await page.context().close();
});

test('dragging across the timeline filters the table and the map to that range', async () => {
  const page = await openDesk(browser);
  const all = await api('/api/events?limit=1');
  await page.locator('[data-testid=page-size]').selectOption('100');
  await idle(page);
  assert.equal(await page.locator('[data-testid=event-row]').count(), Math.min(100, all.total));

  const brush = page.locator('[data-testid=timeline-brush]');
  const box = await brush.boundingBox();
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.3, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, y, { steps: 5 });
  await page.mouse.move(box.x + box.width * 0.75, y, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction(() => document.body.dataset.from && document.body.dataset.to);
  await idle(page);

  const from = await page.locator('[data-testid=range-from]').inputValue();
  const to = await page.locator('[data-testid=range-to]').inputValue();
  assert.match(from, /^\d{4}-\d{2}-\d{2}$/);
  assert.ok(from <= to);
  assert.ok(await page.locator('[data-testid=brush-selection]').isVisible());
  const want = await allEvents({ from, to });
  assert.ok(want.total < all.total, `the range ${from}..${to} leaves some events out`);
  assert.equal(await page.locator('[data-testid=events-table]').getAttribute('data-total'), String(want.total));
  const shown = await rows(page);
  assert.equal(shown.length, Math.min(100, want.total));
  for (const r of shown) assert.ok(r.start && r.start <= to && (r.end || r.start) >= from, `${r.id} (${r.start}..${r.end}) is within ${from}..${to}`);
  const markers = await page.locator('[data-testid=map-marker]').evaluateAll((els) => els.map((e) => e.dataset.eventId).sort());
  assert.deepEqual(markers, located(want.events).map((e) => e.event_id).sort(), 'the map shows the range too');

  // A click on the timeline clears the range.
  await page.mouse.click(box.x + box.width * 0.1, y);
  await page.waitForFunction(() => !document.body.dataset.from);
  await idle(page);
  assert.equal(await page.locator('[data-testid=events-table]').getAttribute('data-total'), String(all.total));
  assert.equal(await page.locator('[data-testid=range-from]').inputValue(), '');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('typed dates filter the table the same way', async () => {
  const page = await openDesk(browser);
  const { events } = await allEvents();
  const dates = events.filter((e) => e.date).map((e) => e.date.start).sort();
  const from = dates[Math.floor(dates.length / 2)];
  const to = dates[dates.length - 1];
  await page.locator('[data-testid=range-from]').fill(from);
  await page.locator('[data-testid=range-to]').fill(to);
  await page.locator('[data-testid=range-apply]').click();
  await page.waitForFunction((f) => document.body.dataset.from === f, from);
  await idle(page);
  const want = await api(`/api/events?from=${from}&to=${to}&limit=1`);
  assert.equal(await page.locator('[data-testid=events-table]').getAttribute('data-total'), String(want.total));
  await page.context().close();
});

test('type, country, actor and words filter the table and the map like the API', async () => {
  const page = await openDesk(browser);
  const total = () => page.locator('[data-testid=events-table]').getAttribute('data-total');
  const waitTotal = (n) =>
    page.waitForFunction((want) => document.querySelector('[data-testid=events-table]')?.getAttribute('data-total') === want, String(n));

  // Choosing a type applies at once.
  await page.locator('[data-testid=filter-type]').selectOption('Protests');
  const protests = await allEvents({ type: 'Protests' });
  assert.ok(protests.total > 0);
  await waitTotal(protests.total);
  await idle(page);
  const types = await page.locator('[data-testid=event-row]').evaluateAll((trs) => trs.map((tr) => tr.dataset.type));
  assert.ok(types.length > 0 && types.every((t) => t === 'Protests'), JSON.stringify(types));
  const markers = await page.locator('[data-testid=map-marker]').evaluateAll((els) => els.map((e) => e.dataset.eventId).sort());
  assert.deepEqual(markers, located(protests.events).map((e) => e.event_id).sort());

  // Country, actor and words together, as the API reads them.
  await page.locator('[data-testid=filter-type]').selectOption('');
  await page.locator('[data-testid=filter-country]').fill('ng');
  await page.locator('[data-testid=filter-actor]').fill('boko');
  await page.locator('[data-testid=filter-q]').fill('soldiers');
  await page.locator('[data-testid=filter-apply]').click();
  const want = await api('/api/events?country=NG&actor=boko&q=soldiers&limit=1');
  assert.ok(want.total > 0 && want.total < (await allEvents()).total);
  await waitTotal(want.total);

  // Clearing brings everything back.
  await page.locator('[data-testid=filter-clear]').click();
  await waitTotal((await allEvents()).total);
  assert.notEqual(await total(), String(want.total));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('pasting a report highlights each of its figures', async () => {
  const page = await openDesk(browser);
  await page.locator('[data-testid=tab-paste]').click();
  // A report with accented letters and curly quotes: byte offsets differ from string indices.
  const text = fs.readFileSync(path.join(repo, 'samples/reports/mali_convoy_and_bus.txt'), 'utf8');
  await page.getByLabel('Report text').fill(text);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/extract') && r.request().method() === 'POST'),
    page.locator('[data-testid=paste-submit]').click(),
  ]);
  assert.equal(response.status(), 200);
  const out = await response.json();
  await page.locator('[data-testid=paste-result][aria-busy=false]').waitFor();
  const claims = out.events.flatMap((e) => e.claims);
  assert.ok(claims.length > 0, 'the report has figures');
  assert.equal(await page.locator('[data-testid=paste-event]').count(), out.events.length);
  assert.equal(await page.locator('[data-testid=paste-claim]').count(), claims.length);
  const view = page.locator('[data-testid=paste-text-view]');
  assert.equal(await view.textContent(), text, 'the whole report is shown, as text');
  for (const [i, c] of claims.entries()) assert.equal(await markedText(view, 'paste-highlight', i), c.text, `figure ${i} highlighted`);
  assert.ok(/[^\x00-\x7f]/.test(text.slice(0, Buffer.from(text).subarray(0, claims.at(-1).span[0]).toString().length)), 'non-ASCII text before a figure');
  assert.equal(await page.locator('[data-testid=span-mismatch]').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('pasted markup is shown as text, never run', async () => {
  const page = await openDesk(browser);
  await page.locator('[data-testid=tab-paste]').click();
  const text = 'Clashes in <b id="injected">Gao</b> <img src=x onerror="window.__pwned=1">\n\nFive soldiers were killed in Gao on Monday, the army said.';
  await page.getByLabel('Report text').fill(text);
  await page.locator('[data-testid=paste-submit]').click();
  await page.locator('[data-testid=paste-status]').getByText(/found|failed/).waitFor();
  assert.equal(await page.locator('#injected').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  const shown = await page.locator('[data-testid=paste-text-view]').textContent();
  assert.equal(shown, text);
  await page.context().close();
});

test('sorting the table follows the API order, both ways', async () => {
  const page = await openDesk(browser);
  for (const key of ['fatalities', 'reports', 'date']) {
    for (const sort of [key, `-${key}`]) {
      await page.locator(`[data-testid=sort-${key}]`).click();
      await page.waitForFunction(
        (s) => document.querySelector(`[data-testid=sort-${s.replace('-', '')}]`).closest('th').getAttribute('aria-sort') === (s.startsWith('-') ? 'descending' : 'ascending'),
        sort,
      );
      await idle(page);
      const want = await api(`/api/events?sort=${sort}&limit=10`);
      const shown = await rows(page);
      assert.deepEqual(shown.map((r) => r.id), want.events.map((e) => e.event_id), `order for sort=${sort}`);
      if (key !== 'date') {
        const vals = shown.map((r) => r[key]).filter((v) => v != null);
        const sorted = [...vals].sort((a, b) => (sort.startsWith('-') ? b - a : a - b));
        assert.deepEqual(vals, sorted, `${sort} is monotonic`);
      }
    }
  }
  await page.context().close();
});

test('paging the table walks through every event once', async () => {
  const page = await openDesk(browser);
  const all = await allEvents();
  const size = 10;
  assert.ok(all.total > size, `the sample database has more than ${size} events (${all.total})`);
  assert.ok(await page.locator('[data-testid=page-prev]').isDisabled());
  const seen = [];
  for (let offset = 0; offset < all.total; offset += size) {
    const shown = await rows(page);
    const want = await api(`/api/events?limit=${size}&offset=${offset}`);
    assert.deepEqual(shown.map((r) => r.id), want.events.map((e) => e.event_id), `page at offset ${offset}`);
    const info = await page.locator('[data-testid=table-info]').textContent();
    assert.equal(info, `${offset + 1}–${offset + shown.length} of ${all.total} events`);
    seen.push(...shown.map((r) => r.id));
    if (offset + size < all.total) {
      await page.locator('[data-testid=page-next]').click();
      await page.waitForFunction((o) => document.querySelector('[data-testid=events-table]').dataset.offset === String(o), offset + size);
      await idle(page);
    }
  }
  assert.ok(await page.locator('[data-testid=page-next]').isDisabled());
  assert.deepEqual([...seen].sort(), all.events.map((e) => e.event_id).sort(), 'every event exactly once');
  const last = Math.floor((all.total - 1) / size) * size;
  await page.locator('[data-testid=page-prev]').click();
  await page.waitForFunction((o) => document.querySelector('[data-testid=events-table]').dataset.offset === String(o), last - size);
  await idle(page);
  await page.context().close();
});

test('a table row opens its event', async () => {
  const page = await openDesk(browser);
  const first = (await rows(page))[0];
  await page.locator(`[data-testid=event-row][data-event-id="${first.id}"] [data-testid=open-event]`).click();
  await page.locator(`[data-testid=event-view][data-event-id="${first.id}"]`).waitFor();
  await page.locator(`[data-testid=event-row][data-event-id="${first.id}"].selected`).waitFor();
  await page.context().close();
});
