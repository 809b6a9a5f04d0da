import { expect, test } from 'vitest';
import { scaleLinear } from 'd3-scale';

test('a chart scale maps numbers to pixels with d3-color stubbed out; a colour range fails loudly, in the tests as in the page', () => {
  expect(scaleLinear().domain([0, 10]).rangeRound([0, 101])(5)).toBe(51);
  expect(scaleLinear().domain([0, 10]).range([0, 100]).invert(25)).toBe(2.5);
  expect(() => scaleLinear<string>().domain([0, 1]).range(['red', 'blue'])(0.5)).toThrow(/colours come from CSS/);
});
