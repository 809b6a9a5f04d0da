// The city picker: filtering, keyboard and pointer selection, highlights, shortcuts, count, a bounded DOM, ARIA.
import axe from 'axe-core';
import { describe, expect, test, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import CityPicker from '../../src/lib/components/CityPicker.svelte';
import { WINDOW_SIZE, cityPickerLabelsEn as labels, type PickerCity } from '../../src/lib/components/cityPicker';
import { bundledRows } from '../../src/lib/data/bundled';
import type { Lang } from '../../src/lib/i18n/format';
import { syntheticRows } from '../fixtures/synthetic';

const five: PickerCity[] = bundledRows().cities.map((row) => ({
  id: row.id,
  nameZh: row.name_zh,
  nameEn: row.name_en,
  bundled: true,
}));
const huaian: PickerCity = { id: 'huaian', nameZh: '淮安', nameEn: "Huai'an", imported: true };
const many: PickerCity[] = [
  ...five,
  ...syntheticRows(300, 0).cities.map((row) => ({ id: row.id, nameZh: row.name_zh, nameEn: row.name_en })),
];

interface Options {
  cities?: PickerCity[];
  selected?: string[];
  highlighted?: string[];
  lang?: Lang;
}

/** Renders the picker as the app will: it owns the selection and passes each change back in. */
function setup({ cities = [...five, huaian], selected = [], highlighted = [], lang = 'en' }: Options = {}) {
  const state = { selected, highlighted };
  const onchange = vi.fn((ids: string[]) => {
    state.selected = ids;
    result.rerender({ selected: ids });
  });
  const onhighlight = vi.fn((ids: string[]) => {
    state.highlighted = ids;
    result.rerender({ highlighted: ids });
  });
  const result = render(CityPicker, { cities, selected, highlighted, lang, onchange, onhighlight });
  const input = screen.getByRole('combobox', { name: labels.label });
  return { ...result, input, onchange, onhighlight, state };
}

const options = () => screen.queryAllByRole('option');
const optionNames = () => options().map((option) => option.dataset.city);

describe('the combobox', () => {
  test('carries the ARIA 1.2 combobox attributes and its key hint', () => {
    const { input } = setup();
    expect(input).toHaveAttribute('aria-autocomplete', 'list');
    expect(input).toHaveAttribute('aria-expanded', 'false');
    const list = document.getElementById(input.getAttribute('aria-controls')!);
    expect(list).toHaveAttribute('role', 'listbox');
    expect(list).toHaveAttribute('aria-multiselectable', 'true');
    expect(input).toHaveAccessibleDescription(labels.keys);
    expect(input).not.toHaveAttribute('aria-activedescendant');
  });

  test('typing opens the list and filters it, best match active', async () => {
    const { input } = setup();
    await fireEvent.input(input, { target: { value: 'hu' } });
    expect(input).toHaveAttribute('aria-expanded', 'true');
    // Prefix matches (Huai'an, Huaibei, Huangshi) before the one containing "hu" (Wuhu).
    expect(optionNames()).toEqual(['huaian', 'huaibei', 'huangshi', 'wuhu']);
    expect(input).toHaveAttribute('aria-activedescendant', options()[0]!.id);
  });

  test('Chinese and full-width input filter too', async () => {
    const { input } = setup({ lang: 'zh' });
    await fireEvent.input(input, { target: { value: '芜' } });
    expect(optionNames()).toEqual(['wuhu']);
    await fireEvent.input(input, { target: { value: 'ＣＨＡＮＧ' } });
    expect(optionNames()).toEqual(['changzhou']);
  });

  test('options show the name in the reader’s language, the other name, the id and the imported mark', async () => {
    const { input } = setup({ lang: 'zh' });
    await fireEvent.keyDown(input, { key: 'ArrowDown', altKey: true });
    // Pinyin order in Chinese: 常州 淮安 淮北 黄石 桐乡 芜湖.
    expect(optionNames()).toEqual(['changzhou', 'huaian', 'huaibei', 'huangshi', 'tongxiang', 'wuhu']);
    const option = screen.getByRole('option', { name: /淮安/ });
    expect(option).toHaveTextContent(/^淮安 Huai'an, huaian, ◆ imported by you ☆$/);
    // The star and the dots are for the eye; the accessible name is the names, the id and the imported mark.
    expect(option).toHaveAccessibleName("淮安 Huai'an, huaian, imported by you");
    expect(within(option).getByText('淮安')).toHaveAttribute('lang', 'zh-Hans');
  });

  test('Alt+ArrowDown opens without an active option; ArrowDown then moves, stopping at the ends', async () => {
    const { input } = setup();
    await fireEvent.keyDown(input, { key: 'ArrowDown', altKey: true });
    expect(input).toHaveAttribute('aria-expanded', 'true');
    expect(input).not.toHaveAttribute('aria-activedescendant');
    await fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input).toHaveAttribute('aria-activedescendant', options()[0]!.id);
    await fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input).toHaveAttribute('aria-activedescendant', options()[1]!.id);
    await fireEvent.keyDown(input, { key: 'End' });
    expect(input).toHaveAttribute('aria-activedescendant', options().at(-1)!.id);
    await fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input).toHaveAttribute('aria-activedescendant', options().at(-1)!.id);
    await fireEvent.keyDown(input, { key: 'Home' });
    expect(input).toHaveAttribute('aria-activedescendant', options()[0]!.id);
    await fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(input).toHaveAttribute('aria-activedescendant', options()[0]!.id);
    expect(options()[0]).toHaveClass('active');
  });

  test('ArrowUp on a closed list opens it at the last option', async () => {
    const { input } = setup();
    await fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(input).toHaveAttribute('aria-activedescendant', options().at(-1)!.id);
  });

  test('Home and End edit the text until an option is active', async () => {
    const { input } = setup();
    await fireEvent.input(input, { target: { value: '' } });
    expect(await fireEvent.keyDown(input, { key: 'Home' })).toBe(true); // not prevented: the caret moves
    await fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(await fireEvent.keyDown(input, { key: 'End' })).toBe(false);
  });

  test('Enter toggles the active option and keeps the list open; onchange gets ids in the cities’ order', async () => {
    const { input, onchange } = setup({ selected: ['wuhu'] });
    await fireEvent.input(input, { target: { value: 'huang' } });
    await fireEvent.keyDown(input, { key: 'Enter' });
    expect(onchange).toHaveBeenLastCalledWith(['wuhu', 'huangshi']);
    expect(screen.getByRole('option', { name: /Huangshi/ })).toHaveAttribute('aria-selected', 'true');
    expect(input).toHaveAttribute('aria-expanded', 'true');
    await fireEvent.keyDown(input, { key: 'Enter' });
    expect(onchange).toHaveBeenLastCalledWith(['wuhu']);
    expect(screen.getByRole('option', { name: /Huangshi/ })).toHaveAttribute('aria-selected', 'false');
  });

  test('ArrowDown then Enter selects the first city in reading order', async () => {
    const { input, onchange } = setup();
    await fireEvent.keyDown(input, { key: 'ArrowDown' });
    await fireEvent.keyDown(input, { key: 'ArrowDown' });
    await fireEvent.keyDown(input, { key: 'Enter' });
    // English order: Changzhou, Huai'an, …: the second is Huai'an.
    expect(onchange).toHaveBeenCalledExactlyOnceWith(['huaian']);
  });

  test('Enter with no active option does nothing and lets the form have the key', async () => {
    const { input, onchange } = setup();
    expect(await fireEvent.keyDown(input, { key: 'Enter' })).toBe(true);
    expect(onchange).not.toHaveBeenCalled();
  });

  test('an input method’s Enter is left to it', async () => {
    const { input, onchange } = setup();
    await fireEvent.input(input, { target: { value: 'wu' } });
    await fireEvent.keyDown(input, { key: 'Enter', isComposing: true });
    expect(onchange).not.toHaveBeenCalled();
  });

  test('Escape closes the list; a second Escape clears the text', async () => {
    const { input } = setup();
    await fireEvent.input(input, { target: { value: 'wu' } });
    await fireEvent.keyDown(input, { key: 'Escape' });
    expect(input).toHaveAttribute('aria-expanded', 'false');
    expect(input).not.toHaveAttribute('aria-activedescendant');
    expect(input).toHaveValue('wu');
    expect(options()).toHaveLength(0);
    await fireEvent.keyDown(input, { key: 'Escape' });
    expect(input).toHaveValue('');
    // With nothing left to undo, Escape is not consumed (a dialog around the picker may close).
    expect(await fireEvent.keyDown(input, { key: 'Escape' })).toBe(true);
  });

  test('Tab closes the list without taking the key', async () => {
    const { input } = setup();
    await fireEvent.input(input, { target: { value: 'wu' } });
    expect(await fireEvent.keyDown(input, { key: 'Tab' })).toBe(true);
    expect(input).toHaveAttribute('aria-expanded', 'false');
  });

  test('a press outside closes the list', async () => {
    const { input } = setup();
    await fireEvent.input(input, { target: { value: 'wu' } });
    await fireEvent.pointerDown(document.body);
    expect(input).toHaveAttribute('aria-expanded', 'false');
  });

  test('clicking an option toggles it, keeps the list open and makes it active', async () => {
    const { input, onchange } = setup();
    await fireEvent.click(input);
    const tongxiang = screen.getByRole('option', { name: /Tongxiang/ });
    expect(await fireEvent.mouseDown(tongxiang)).toBe(false); // focus stays in the field
    await fireEvent.click(tongxiang);
    expect(onchange).toHaveBeenLastCalledWith(['tongxiang']);
    expect(input).toHaveAttribute('aria-expanded', 'true');
    expect(input).toHaveAttribute('aria-activedescendant', tongxiang.id);
  });

  test('the disclosure button opens and closes the list', async () => {
    const { input } = setup();
    const button = screen.getByRole('button', { name: labels.showList });
    expect(button).toHaveAttribute('tabindex', '-1');
    await fireEvent.click(button);
    expect(input).toHaveAttribute('aria-expanded', 'true');
    expect(options()).toHaveLength(6);
    await fireEvent.click(button);
    expect(input).toHaveAttribute('aria-expanded', 'false');
  });

  test('a query matching nothing says so', async () => {
    const { input } = setup();
    await fireEvent.input(input, { target: { value: ' beijing ' } });
    expect(options()).toHaveLength(0);
    expect(screen.getByText(labels.noMatch('beijing'))).toBeInTheDocument();
  });
});

describe('highlights', () => {
  test('Shift+Enter highlights the active city, selecting it too, and again removes the highlight', async () => {
    const { input, onchange, onhighlight } = setup({ selected: ['wuhu'] });
    await fireEvent.input(input, { target: { value: 'tong' } });
    await fireEvent.keyDown(input, { key: 'Enter', shiftKey: true });
    expect(onchange).toHaveBeenLastCalledWith(['wuhu', 'tongxiang']);
    expect(onhighlight).toHaveBeenLastCalledWith(['tongxiang']);
    expect(screen.getByRole('option', { name: /Tongxiang/ })).toHaveAccessibleName(/highlighted/);
    await fireEvent.keyDown(input, { key: 'Enter', shiftKey: true });
    expect(onhighlight).toHaveBeenLastCalledWith([]);
    expect(onchange).toHaveBeenCalledTimes(1);
  });

  test('the chip’s highlight button toggles the highlight and reports its pressed state', async () => {
    const { onhighlight } = setup({ selected: ['wuhu', 'huaibei'], highlighted: [] });
    const button = screen.getByRole('button', { name: labels.highlight('Wuhu') });
    expect(button).toHaveAttribute('aria-pressed', 'false');
    await fireEvent.click(button);
    expect(onhighlight).toHaveBeenLastCalledWith(['wuhu']);
    expect(button).toHaveAttribute('aria-pressed', 'true');
  });

  test('the star in an option highlights instead of selecting', async () => {
    const { input, onchange, onhighlight } = setup({ selected: ['wuhu'] });
    await fireEvent.input(input, { target: { value: 'wuhu' } });
    const star = screen.getByRole('option', { name: /Wuhu/ }).querySelector('[data-star]')!;
    await fireEvent.click(star);
    expect(onhighlight).toHaveBeenLastCalledWith(['wuhu']);
    expect(onchange).not.toHaveBeenCalled();
  });

  test('deselecting a highlighted city drops its highlight, and the focus goes to the field, not lost with the chip', async () => {
    const { input, onchange, onhighlight } = setup({ selected: ['wuhu', 'huaibei'], highlighted: ['wuhu'] });
    await fireEvent.click(screen.getByRole('button', { name: labels.remove('Wuhu') }));
    expect(onchange).toHaveBeenLastCalledWith(['huaibei']);
    expect(onhighlight).toHaveBeenLastCalledWith([]);
    expect(document.activeElement).toBe(input);
  });

  test('six highlights at most, one a hue: a seventh is refused by key, star and chip, and the count says why', async () => {
    const six = ['wuhu', 'huangshi', 'changzhou', 'tongxiang', 'huaibei', 'huaian'];
    const { input, onhighlight } = setup({ cities: [...five, huaian, { id: 'hefei', nameZh: '合肥', nameEn: 'Hefei', imported: true }], selected: [...six, 'hefei'], highlighted: six });
    expect(screen.getByText(labels.highlightsFull(6))).toBeInTheDocument();
    await fireEvent.input(input, { target: { value: 'hefei' } });
    await fireEvent.keyDown(input, { key: 'Enter', shiftKey: true });
    // The open list covers the count, so it says why at its top too.
    expect(document.querySelector('[data-refused]')).toHaveTextContent(labels.highlightsFull(6));
    await fireEvent.click(screen.getByRole('option', { name: /Hefei/ }).querySelector('[data-star]')!);
    expect(onhighlight).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: labels.highlight('Hefei') })).toBeDisabled();
    // Taking one away frees a hue.
    await fireEvent.click(screen.getByRole('button', { name: labels.highlight('Wuhu') }));
    expect(onhighlight).toHaveBeenLastCalledWith(six.slice(1));
    expect(screen.queryByText(labels.highlightsFull(6))).toBeNull();
    expect(screen.getByRole('button', { name: labels.highlight('Hefei') })).toBeEnabled();
  });
});

describe('shortcuts, chips and the count', () => {
  test('All, None, Bundled and Imported replace the selection', async () => {
    const { onchange, onhighlight } = setup({ selected: ['wuhu'], highlighted: ['wuhu'] });
    const group = screen.getByRole('group', { name: labels.shortcuts });
    await fireEvent.click(within(group).getByRole('button', { name: labels.all }));
    expect(onchange).toHaveBeenLastCalledWith(['wuhu', 'huangshi', 'changzhou', 'tongxiang', 'huaibei', 'huaian']);
    await fireEvent.click(within(group).getByRole('button', { name: labels.imported }));
    expect(onchange).toHaveBeenLastCalledWith(['huaian']);
    expect(onhighlight).toHaveBeenLastCalledWith([]);
    await fireEvent.click(within(group).getByRole('button', { name: labels.bundled }));
    expect(onchange).toHaveBeenLastCalledWith(['wuhu', 'huangshi', 'changzhou', 'tongxiang', 'huaibei']);
    await fireEvent.click(within(group).getByRole('button', { name: labels.none }));
    expect(onchange).toHaveBeenLastCalledWith([]);
  });

  test('a shortcut that changes nothing reports nothing', async () => {
    const { onchange, onhighlight } = setup({ selected: [] });
    await fireEvent.click(screen.getByRole('button', { name: labels.none }));
    expect(onchange).not.toHaveBeenCalled();
    expect(onhighlight).not.toHaveBeenCalled();
  });

  test('Imported is offered only when a city was imported', () => {
    setup({ cities: five });
    expect(screen.queryByRole('button', { name: labels.imported })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: labels.bundled })).toBeInTheDocument();
  });

  test('the live count follows the selection', async () => {
    setup({ selected: ['wuhu', 'huaibei'] });
    const count = screen.getByText(labels.count(2, 6));
    expect(count).toHaveAttribute('aria-live', 'polite');
    expect(count).toHaveTextContent('2 of 6 cities selected');
    await fireEvent.click(screen.getByRole('button', { name: labels.all }));
    expect(count).toHaveTextContent('6 of 6 cities selected');
  });

  test('chips list the selected cities in reading order, each with its buttons', () => {
    setup({ selected: ['wuhu', 'changzhou'], lang: 'zh' });
    const chips = within(screen.getByRole('list', { name: labels.selectedCities })).getAllByRole('listitem');
    expect(chips.map((chip) => chip.querySelector('[lang]')?.textContent)).toEqual(['常州', '芜湖']);
    expect(within(chips[0]!).getAllByRole('button').map((button) => button.getAttribute('aria-label'))).toEqual([
      labels.highlight('常州'),
      labels.remove('常州'),
    ]);
  });

  test('more than eight selected: no chips, the count says it', () => {
    setup({ cities: many, selected: many.slice(0, 12).map((city) => city.id) });
    expect(screen.queryByRole('list', { name: labels.selectedCities })).not.toBeInTheDocument();
    expect(screen.getByText('12 of 305 cities selected')).toBeInTheDocument();
  });
});

describe('305 cities', () => {
  test('the DOM holds a bounded window of options, and keys reach every match', async () => {
    const { input } = setup({ cities: many });
    await fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(options()).toHaveLength(WINDOW_SIZE);
    expect(options()[0]).toHaveAttribute('aria-setsize', '305');
    expect(screen.getByText(labels.more(1, WINDOW_SIZE, 305))).toBeInTheDocument();
    await fireEvent.keyDown(input, { key: 'End' });
    expect(options()).toHaveLength(WINDOW_SIZE);
    const last = document.getElementById(input.getAttribute('aria-activedescendant')!);
    expect(last).toHaveAttribute('aria-posinset', '305');
    expect(screen.getByText(labels.more(306 - WINDOW_SIZE, 305, 305))).toBeInTheDocument();
    // Walking up past the window's top slides it by one; the active option is always in the DOM.
    await fireEvent.keyDown(input, { key: 'Home' });
    for (let step = 0; step < WINDOW_SIZE + 5; step++) await fireEvent.keyDown(input, { key: 'ArrowDown' });
    const active = document.getElementById(input.getAttribute('aria-activedescendant')!);
    expect(active).toHaveAttribute('aria-posinset', String(WINDOW_SIZE + 6));
    expect(options()).toHaveLength(WINDOW_SIZE);
  });

  test('typing narrows to the city wanted', async () => {
    const { input, onchange } = setup({ cities: many });
    await fireEvent.input(input, { target: { value: 'c0201' } });
    expect(optionNames()).toEqual(['c0201']);
    await fireEvent.keyDown(input, { key: 'Enter' });
    expect(onchange).toHaveBeenLastCalledWith(['c0201']);
  });
});

test('axe finds no violations with the list open (contrast is checked in the browser tier)', async () => {
  const { input, container } = setup({ selected: ['wuhu', 'huaian'], highlighted: ['wuhu'] });
  await fireEvent.input(input, { target: { value: 'hu' } });
  await fireEvent.keyDown(input, { key: 'ArrowDown' });
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((n) => n.html).join(' | ')}`)).toEqual(
    [],
  );
});
