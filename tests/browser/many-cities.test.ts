// An analyst's 300 cities through the real file input: find one by typing part of its Chinese name, highlight it,
// and read it labelled among all the others in every headline view, on a desktop and a phone, accessibly.
import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { manyCitiesCsv } from '../../scripts/many-cities.js';
import { syntheticRows } from '../fixtures/synthetic';
import { axeViolations, fixture, importFile, openApp, useBrowser } from './page';

const browser = useBrowser();
const rows = syntheticRows(300, 20, 1);
const file = fixture('cities-300.csv', manyCitiesCsv(rows));

const HEADLINE: Record<string, string> = { rd: 'rd_intensity', firms: 'high_tech_firms', market: 'tech_market' };
// A city with a stated figure in each of the three headline views, so each view has a bar to label.
const city = rows.cities.find((c) =>
  Object.values(HEADLINE).every((category) => rows.figures.some((f) => f.city === c.id && f.category === category && f.value !== null && !f.restates)),
)!;

describe('300 imported cities', () => {
  test('typing part of a Chinese name finds the city; Shift+Enter highlights it; every view labels it among the strips', async () => {
    const { page, errors } = await openApp(browser());
    await importFile(page, file);
    await expect(page.locator('[data-import-ok]').textContent()).resolves.toContain('292 more cities added');
    // The long list of imported cities is folded, so the page does not grow by metres.
    await expect(page.locator('[data-imported-list]').getAttribute('open')).resolves.toBeNull();

    const box = page.getByRole('combobox', { name: 'Cities' });
    await box.fill(city.name_zh.slice(1));
    const option = page.getByRole('option', { name: new RegExp(city.name_zh) });
    await expect(option.count()).resolves.toBe(1);
    for (let i = 0; i < 40 && (await box.getAttribute('aria-activedescendant')) !== (await option.getAttribute('id')); i++) await box.press('ArrowDown');
    await box.press('Shift+Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('focus')).toBe(city.id);
    await expect(page.getByRole('list', { name: 'Highlighted cities' }).textContent()).resolves.toContain(city.name_en);

    for (const [view, tab] of [['rd', 'R&D intensity'], ['firms', 'High-tech firms'], ['market', 'Technology market']] as const) {
      await page.getByRole('tab', { name: tab }).click();
      const panel = page.locator(`[data-view="${view}"]`);
      await expect(panel.locator('[data-strip]').count(), view).resolves.toBeGreaterThan(0);
      // Its own labelled bar, in its colour, beside the grey dots of everyone else.
      await expect(panel.locator('g.row').filter({ hasText: city.name_en }).count(), view).resolves.toBeGreaterThan(0);
      const height = await panel.locator('svg[data-chart]').evaluateAll((svgs) => svgs.reduce((sum, s) => sum + s.getBoundingClientRect().height, 0));
      expect(height, view).toBeLessThan(2500);
    }
    expect(errors).toEqual([]);

    // Every dot is a mark with its card: Tab reaches a strip, the arrow keys walk its dots in value order, and the
    // focused dot's quote and document show; Enter pins it.
    const stop = () => page.locator('[data-view="market"] [data-strip] circle[data-mark]').first();
    await stop().focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    const key = (await stop().getAttribute('data-mark'))!;
    const figure = rows.figures.find((f) => f.id === key)!;
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-mark'))).toBe(key);
    await expect(page.locator(`[data-card="${key}"]`).textContent()).resolves.toContain(figure.quote);
    await page.keyboard.press('Enter');
    await expect(page.locator(`[data-card="${key}"]`).getAttribute('data-pinned')).resolves.toBe('true');
    await page.keyboard.press('Escape');
    // The pointer finds the dot nearest it anywhere on a strip: hovering a dot shows its card, the keyboard stop's own
    // dot included, and a click pins it and moves the stop there.
    await stop().focus();
    await page.keyboard.press('End');
    // Keyboard focus would hold the card; the pointer's turn.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const strip = page.locator('[data-view="market"] [data-strip]').first();
    await strip.scrollIntoViewIfNeeded();
    const where = await strip.evaluate((g) => {
      const svg = (g as SVGGElement).ownerSVGElement!.getBoundingClientRect();
      // A strip's dots are drawn within its band, which is moved into place whole.
      const band = (g as SVGGElement).transform.baseVal.consolidate()?.matrix.f ?? 0;
      const [, x, y] = /M([\d.-]+),([\d.-]+)/.exec(g.querySelector('path.dots')!.getAttribute('d')!)!;
      const stopDot = g.querySelector('circle.stop')!;
      return {
        dot: { x: svg.left + Number(x) + 4.5, y: svg.top + band + Number(y) },
        stop: { x: svg.left + Number(stopDot.getAttribute('cx')), y: svg.top + band + Number(stopDot.getAttribute('cy')) },
        stopKey: stopDot.getAttribute('data-mark'),
      };
    });
    await page.mouse.move(where.stop.x, where.stop.y);
    await expect(page.locator(`[data-card="${where.stopKey}"]`).count()).resolves.toBe(1);
    await page.mouse.move(where.dot.x, where.dot.y);
    await expect.poll(() => page.locator('[data-card]').count()).toBe(1);
    const hovered = (await page.locator('[data-card]').getAttribute('data-card'))!;
    expect(hovered).not.toBe(where.stopKey);
    await page.mouse.click(where.dot.x, where.dot.y);
    await expect(page.locator(`[data-card="${hovered}"]`).getAttribute('data-pinned')).resolves.toBe('true');
    await expect(stop().getAttribute('data-mark')).resolves.toBe(hovered);
    await page.keyboard.press('Escape');
    await expect(axeViolations(page)).resolves.toEqual([]);

    // The hidden table twin is in the accessibility tree, all its first page of rows, even metres below the top.
    await page.evaluate(() => window.scrollTo(0, 0));
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value: string } }[] };
    expect(nodes.filter((node) => node.role?.value === 'row').length).toBeGreaterThan(100);
    // And each strip is a slider a screen reader can name and place.
    expect(nodes.filter((node) => node.role?.value === 'slider').length).toBeGreaterThan(0);

    // The table stars the city's rows, and a long table offers its pages; the explorer stars its rows too.
    await page.getByRole('tab', { name: 'Technology market' }).click();
    await page.getByRole('button', { name: /table/i }).first().click();
    await page.locator(`[data-highlighted-pages="${city.id}"] button`).first().click();
    await expect(page.locator('[data-view="market"] tr.highlighted').first().textContent()).resolves.toContain(`★ ◆ ${city.name_en}`);
    await page.getByRole('tab', { name: 'All figures' }).click();
    await page.locator('[data-view="explorer"] input[type="search"]').fill(city.name_zh);
    await expect(page.locator('[data-view="explorer"] tr.highlighted').first().textContent()).resolves.toContain(city.name_en);

    // A highlighted city that states nothing for a view is named there, not silently left out.
    const silent = rows.cities.find((c) => !rows.figures.some((f) => f.city === c.id && f.category === 'high_tech_firms'))!;
    await page.goto(`${page.url().split('?')[0]}?view=firms&focus=${silent.id}`);
    await expect(page.locator('[data-focus-unstated]').textContent()).resolves.toContain(silent.name_en);

    await page.setViewportSize({ width: 375, height: 800 });
    for (const tab of ['R&D intensity', 'High-tech firms', 'Technology market', 'All figures']) {
      await page.getByRole('tab', { name: tab }).click();
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), { message: tab }).toBeLessThanOrEqual(375);
    }
  });
});

describe('300 imported cities, saved as images', () => {
  test('a square too small to read is held back with the size its labels would shrink to; the reader may still save it', async () => {
    const { page, errors } = await openApp(browser(), { query: '?view=firms' });
    await importFile(page, file);
    await page.waitForSelector('[data-import-ok]');
    await page.click('[data-action="image"]');
    await page.click('[data-action="png-square"]');
    const warning = page.locator('[data-warning="square"]');
    await expect(warning.textContent()).resolves.toMatch(/labels would shrink to [1-8] px/);
    const [saved] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="png-square-anyway"]')]);
    expect(saved.suggestedFilename()).toMatch(/^tech-targets-firms-square-.*\.png$/);
    await expect(warning.count()).resolves.toBe(0);
    // The warning's button is gone: focus is back on the square's own.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('png-square');
    // In the SVG, a strip's lowest dot is whole: the chart lets it reach past its edge, as on the page.
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="svg"]')]);
    const text = await readFile((await svg.path())!, 'utf8');
    expect(text).toMatch(/<svg[^>]*data-chart[^>]*overflow="visible"/);
    // The wide image is saved at once: it is laid out at its own width, its text at full size.
    const [wide] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="png-wide"]')]);
    expect(wide.suggestedFilename()).toMatch(/-wide-/);
    expect(errors).toEqual([]);
  });
});

describe('highlighting with the five', () => {
  test("a pinned card's Highlight button keeps that city's colour, greys the others, stars its button and goes into the link", async () => {
    const { page, errors } = await openApp(browser());
    const firstRow = page.locator('[data-view="rd"] g.row[data-mark]').first();
    await firstRow.locator('.hit').click();
    const button = page.locator('[data-card] [data-highlight]');
    await expect(button.getAttribute('aria-pressed')).resolves.toBe('false');
    const name = (await page.locator('[data-card] .head strong').textContent())!;
    await button.click();
    await expect(button.getAttribute('aria-pressed')).resolves.toBe('true');
    await expect.poll(() => new URL(page.url()).searchParams.get('focus')).toBeTruthy();
    const city = new URL(page.url()).searchParams.get('focus');
    await expect(page.locator(`button[data-city="${city}"]`).textContent()).resolves.toContain('★');
    // Every other city's bars turn the neutral context tone; the highlighted one keeps its colour.
    const colours = await page.locator('[data-view="rd"] g.row[data-mark]').evaluateAll((rows) =>
      rows.flatMap((row) => {
        const bar = row.querySelector('.bar');
        return bar ? [{ label: row.querySelector('.label')?.textContent ?? '', stroke: getComputedStyle(bar).color }] : [];
      }),
    );
    const own = colours.filter((c) => c.label.includes(name));
    const others = colours.filter((c) => !c.label.includes(name));
    expect(own.length).toBeGreaterThan(0);
    expect(new Set(others.map((c) => c.stroke)).size).toBe(1);
    expect(others[0]!.stroke).not.toBe(own[0]!.stroke);
    await button.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('focus')).toBeNull();
    expect(errors).toEqual([]);
  });
});
