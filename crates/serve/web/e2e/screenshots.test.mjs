// The README's screenshots of the desk (only when SCREENSHOTS_DIR is set: SCREENSHOTS=1 scripts/e2e.sh).
import { test, before, after } from 'node:test';
import path from 'node:path';
import { launch, allEvents, located, openDesk, clickMarker, idle } from './helpers.mjs';

const dir = process.env.SCREENSHOTS_DIR;
let browser;
before(async () => {
  if (dir) browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('screenshots of the desk', { skip: !dir && 'SCREENSHOTS_DIR is not set' }, async () => {
  const page = await openDesk(browser);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.locator('[data-testid=map][data-outlines=loaded]').waitFor();
  const { events } = await allEvents();
  const target = located(events).sort((a, b) => b.reports - a.reports)[0];
  await clickMarker(page, target.event_id);
  await page.locator(`[data-testid=event-view][data-event-id="${target.event_id}"]`).waitFor();
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(dir, 'desk.png') });

  // The brush over the last part of the period, with the table filtered.
  const box = await page.locator('[data-testid=timeline-brush]').boundingBox();
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.55, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.98, y, { steps: 8 });
  await page.mouse.up();
  await page.waitForFunction(() => document.body.dataset.from);
  await idle(page);
  await page.locator('[data-testid=timeline]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(dir, 'timeline.png'), fullPage: true });

  await page.locator('[data-testid=tab-paste]').click();
  await page.locator('[data-testid=paste-example]').click();
  await page.locator('[data-testid=paste-submit]').click();
  await page.locator('[data-testid=paste-result][aria-busy=false]').waitFor();
  await page.locator('aside').screenshot({ path: path.join(dir, 'paste.png') });
  await page.context().close();
});
