// What a reader sees first: the first painted frame of any link is the state it asks for, and the page read without
// JavaScript fits the screen and holds all three headline views.
import { describe, expect, test } from 'vitest';
import { en } from '../../src/lib/i18n/en';
import { zh } from '../../src/lib/i18n/zh';
import { APP_URL, useBrowser } from './page';

const browser = useBrowser();

/**
 * The page's text, language and width at the first animation frame (which runs just before a paint) that shows
 * anything. A busy browser may paint a blank frame or two while it parses the head; blank is allowed ("nothing rather
 * than something else"), so the first frame with text is the one a reader sees first.
 */
async function firstFrame(query: string, locale = 'en-GB', width = 1280): Promise<{ text: string; lang: string; scrollWidth: number }> {
  const context = await browser().newContext({ locale, viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const record = () => {
      const text = document.body?.innerText.trim() ?? '';
      if (text === '') return void requestAnimationFrame(record);
      const seen = { text, lang: document.documentElement.lang, scrollWidth: document.documentElement.scrollWidth };
      (window as unknown as { firstFrame: typeof seen }).firstFrame = seen;
    };
    requestAnimationFrame(record);
  });
  await page.goto(APP_URL + query);
  await page.waitForSelector('html[data-hydrated]');
  await page.waitForFunction(() => 'firstFrame' in window);
  const seen = await page.evaluate(() => (window as unknown as { firstFrame: { text: string; lang: string; scrollWidth: number } }).firstFrame);
  await context.close();
  return seen;
}

describe('the first frame is the page the link asked for', () => {
  test('the plain link paints the prerendered English R&D view', async () => {
    const { text } = await firstFrame('');
    expect(text).toContain(en.views.rd.title);
  });

  test('?lang=zh&view=firms paints the Chinese firms view, never the English R&D page first', async () => {
    const { text, lang } = await firstFrame('?lang=zh&view=firms');
    expect(text).toContain(zh.views.firms.title);
    expect(text).not.toContain(en.views.rd.title);
    expect(lang).toBe('zh-CN');
  });

  test('?embed=1&view=market paints the embedded market chart, without the site around it', async () => {
    const { text } = await firstFrame('?embed=1&view=market');
    expect(text).toContain(en.views.market.title);
    expect(text).not.toContain(en.siteDek);
  });

  test('on a 375 px phone the first frame already fits the screen, for the plain link and another state', async () => {
    for (const query of ['', '?lang=zh&view=firms']) {
      const { text, scrollWidth } = await firstFrame(query, 'en-GB', 375);
      expect(text.length, query).toBeGreaterThan(200);
      expect(scrollWidth, query).toBeLessThanOrEqual(375);
    }
  });

  test('a reader whose browser prefers Chinese gets Chinese in the first frame of the plain link', async () => {
    const { text } = await firstFrame('', 'zh-CN');
    expect(text).toContain(zh.views.rd.title);
    expect(text).not.toContain(en.views.rd.title);
  });
});

describe('without JavaScript', () => {
  for (const width of [320, 375, 1280]) {
    test(`at ${width} px: no sideways scrolling, all three views, both languages, charts as wide as the column`, async () => {
      const context = await browser().newContext({ viewport: { width, height: 900 }, javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(APP_URL + '?view=firms&lang=zh');
      const facts = await page.evaluate(() => {
        const column = document.querySelector('.noscript-page')!;
        const style = getComputedStyle(column);
        const inner = column.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        const visible = (el: Element) => el.getBoundingClientRect().width > 0;
        return {
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          chartShares: [...document.querySelectorAll('svg[data-chart]')].filter(visible).map((svg) => svg.getBoundingClientRect().width / inner),
          views: [...document.querySelectorAll('[data-view]')].filter(visible).map((v) => v.getAttribute('data-view')),
          controls: [...document.querySelectorAll('button, select, input, [role="tab"]')].filter(visible).length,
          text: document.body.innerText,
        };
      });
      expect(facts.overflow).toBeLessThanOrEqual(0);
      expect(facts.views).toEqual(['rd', 'firms', 'market']);
      expect(facts.chartShares.length).toBeGreaterThanOrEqual(3);
      for (const share of facts.chartShares) expect(share).toBeGreaterThanOrEqual(0.85);
      expect(facts.controls, 'controls that need script are hidden').toBe(0);
      for (const text of [zh.siteDek, en.siteDek, zh.views.firms.title, en.views.firms.title, en.noScript]) expect(facts.text).toContain(text);
      await context.close();
    });
  }
});
