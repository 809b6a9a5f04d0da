import { expect, test, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import CitySelector from '../../src/lib/components/CitySelector.svelte';
import { en } from '../../src/lib/i18n/en';

test('city buttons report their pressed state and toggle by click', async () => {
  const ontoggle = vi.fn();
  const onall = vi.fn();
  render(CitySelector, {
    cities: [
      { id: 'wuhu', name: 'Wuhu 芜湖' },
      { id: 'huaibei', name: 'Huaibei 淮北' },
    ],
    selected: ['wuhu'],
    messages: en,
    ontoggle,
    onall,
  });
  expect(screen.getByRole('button', { name: 'Wuhu 芜湖' })).toHaveAttribute('aria-pressed', 'true');
  expect(screen.getByRole('button', { name: 'Huaibei 淮北' })).toHaveAttribute('aria-pressed', 'false');
  await fireEvent.click(screen.getByRole('button', { name: 'Huaibei 淮北' }));
  expect(ontoggle).toHaveBeenCalledWith('huaibei');
  await fireEvent.click(screen.getByRole('button', { name: en.none }));
  expect(onall).toHaveBeenCalledWith(false);
});
