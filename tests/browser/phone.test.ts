// The app on a phone, as a reader holds it: nothing scrolls sideways, the card closes from its corner, reference
// labels never sit on row labels, and a value sort heads each measure and unit.
import { describe, expect, test } from 'vitest';
import { openApp, useBrowser } from './page';

const browser = useBrowser();

describe('on a phone', () => {
  for (const width of [320, 375, 414])
    for (const lang of ['en', 'zh'])
      test(`at ${width} px in ${lang}: no view scrolls sideways`, async () => {
        const { page, errors } = await openApp(browser(), { width, query: `?lang=${lang}` });
        for (const view of ['rd', 'firms', 'market', 'explorer']) {
          await page.locator(`[role="tab"][aria-controls="view-panel"]`).nth(['rd', 'firms', 'market', 'explorer'].indexOf(view)).click();
          await page.waitForSelector(`[data-view="${view}"]`);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, view).toBeLessThanOrEqual(0);
          // Nor does any chart's text run past the chart's right edge (a label wrapped too late, a "not stated" line).
          const overrun = await page.evaluate(() =>
            [...document.querySelectorAll('svg[data-chart]')].flatMap((svg) => {
              const right = svg.getBoundingClientRect().right;
              return [...svg.querySelectorAll('text')].filter((t) => t.getBoundingClientRect().right > right + 1).map((t) => t.textContent);
            }),
          );
          expect(overrun, view).toEqual([]);
        }
        expect(errors).toEqual([]);
      });

  test('the card’s close button is in its top-right corner, big enough to tap, and the card leaves its mark uncovered', async () => {
    const { page } = await openApp(browser(), { width: 375 });
    const mark = page.locator('[data-mark]').first();
    await mark.click();
    const card = (await page.locator('[data-card]').boundingBox())!;
    const close = (await page.locator('[data-card] button').first().boundingBox())!;
    const bar = (await mark.locator('rect.bar, rect.missing').first().boundingBox())!;
    expect(close.x).toBeGreaterThanOrEqual(card.x + card.width / 2);
    expect(close.y + close.height).toBeLessThanOrEqual(card.y + card.height / 4);
    expect(Math.min(close.width, close.height)).toBeGreaterThanOrEqual(44);
    expect(card.y >= bar.y + bar.height || card.y + card.height <= bar.y).toBe(true);
  });

  test('the table view’s caption runs across the column, not a character or two a line', async () => {
    const { page } = await openApp(browser(), { width: 375, query: '?lang=zh&view=market&table=1' });
    const caption = (await page.locator('[data-view="market"] caption').boundingBox())!;
    expect(caption.width).toBeGreaterThan(200);
    expect(caption.height).toBeLessThan(50);
  });

  test('no national reference label’s box meets a row label’s box', async () => {
    const { page } = await openApp(browser(), { width: 375 });
    const overlaps = await page.evaluate(() => {
      const boxes = (selector: string) => [...document.querySelectorAll(selector)].map((el) => el.getBoundingClientRect());
      const meet = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      const labels = boxes('[data-view="rd"] text.label, [data-view="rd"] text.value, [data-view="rd"] text.heading');
      return boxes('[data-view="rd"] .rules text').filter((ref) => labels.some((label) => meet(ref, label))).length;
    });
    expect(overlaps).toBe(0);
  });

  test('the explorer sorts from one labelled menu, and a value sort heads every measure and unit', async () => {
    const { page } = await openApp(browser(), { width: 375, query: '?view=explorer' });
    await expect(page.locator('thead').isVisible()).resolves.toBe(false);
    await page.getByLabel('Sort', { exact: true }).selectOption('value:desc');
    await page.getByRole('button', { name: /Show all/ }).click();
    // Read the rows once "Show all" has drawn them, not while the first page is still on screen.
    await page.getByRole('button', { name: /Show all/ }).waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.querySelectorAll('[data-view="explorer"] tbody tr[data-run-heading]').length > 10);
    const runs = await page.evaluate(() => {
      let heading = '';
      const units = new Map<string, Set<string>>();
      for (const row of document.querySelectorAll('[data-view="explorer"] tbody tr')) {
        if (row.hasAttribute('data-run-heading')) heading = row.textContent ?? '';
        else if (row.hasAttribute('data-row')) {
          const value = row.querySelector('td.num')?.textContent ?? '';
          // One unit, whatever the number: "1 organisation" and "5 organisations", "1 person" and "5 people" are the same unit.
          const unit = value.replace(/[\d.,≥>~≤\s]+/g, '').trim().replace(/^person$/, 'people').replace(/s$/, '');
          if (!units.has(heading)) units.set(heading, new Set());
          units.get(heading)!.add(unit);
        }
      }
      return [...units].map(([heading, set]) => [heading, [...set]] as const);
    });
    expect(runs.length).toBeGreaterThan(10);
    for (const [heading, units] of runs) expect(units.length, `${heading}: ${units.join(" | ")}`).toBe(1);
  });
});
