// Colour goes where the reader looks: the bundled five, or the highlighted cities, each told apart from the others.
import { expect, test } from 'vitest';
import { cityColour } from '../../src/lib/components/palette';
import { MAX_HIGHLIGHTS } from '../../src/lib/state/url';

test('with no highlight the bundled cities keep their hues and every imported city shares the imported one', () => {
  expect(cityColour('wuhu')).toBe('var(--city-wuhu)');
  expect(cityColour('c0001')).toBe('var(--city-imported)');
  expect(cityColour('c0002')).toBe('var(--city-imported)');
});

test('highlighted imported cities each get a hue of their own, never one a highlighted bundled city shows', () => {
  const focus = new Set(['huangshi', 'c0012', 'constructor', 'c0300']);
  const colours = [...focus].map((city) => cityColour(city, focus));
  expect(new Set(colours).size).toBe(focus.size);
  expect(colours[0]).toBe('var(--city-huangshi)');
  expect(cityColour('wuhu', focus)).toBe('var(--city-context)');
  expect(cityColour('c0013', focus)).toBe('var(--city-context)');
});

test('as many cities as may be highlighted at once each show a hue no other does, whichever mix of bundled and imported', () => {
  for (const bundled of [0, 2, 5]) {
    const focus = new Set([...['wuhu', 'huangshi', 'changzhou', 'tongxiang', 'huaibei'].slice(0, bundled), ...['c1', 'c2', 'c3', 'c4', 'c5', 'c6']].slice(0, MAX_HIGHLIGHTS));
    expect(new Set([...focus].map((city) => cityColour(city, focus))).size).toBe(MAX_HIGHLIGHTS);
  }
});
