// Whether a value made again is the same as the one before, so the page can keep the earlier object: Svelte redraws
// nothing under an object it has already drawn, and with hundreds of cities most of a chart is unchanged by a toggle.

/** The same items in the same order. */
export const sameList = (a: readonly unknown[], b: readonly unknown[]): boolean => a.length === b.length && a.every((item, i) => item === b[i]);

/**
 * Two plain objects with the same fields (each has every field of the other) holding the same values: lists are
 * compared item by item, and `same` may compare a field its own way.
 */
export function sameFields<T extends object>(a: T, b: T, same: (field: string, x: unknown, y: unknown) => boolean = sameValue): boolean {
  const fields = Object.keys(a);
  if (fields.length !== Object.keys(b).length) return false;
  for (const field of fields) {
    if (!Object.hasOwn(b, field)) return false;
    if (!same(field, (a as Record<string, unknown>)[field], (b as Record<string, unknown>)[field])) return false;
  }
  return true;
}

const sameValue = (_field: string, x: unknown, y: unknown): boolean => x === y || (Array.isArray(x) && Array.isArray(y) && sameList(x, y));

/** `list`, or `previous` when it holds the same items: a derived list that gives back the same array changes nothing. */
export const keepIfSame = <T>(list: T[], previous: T[]): T[] => (sameList(list, previous) ? previous : list);

/** The same members, in any order. */
export const sameSet = <T>(a: ReadonlySet<T> | undefined, b: ReadonlySet<T> | undefined): boolean =>
  a === b || (!!a && !!b && a.size === b.size && [...a].every((item) => b.has(item)));

/**
 * `next` with each item that is `same` as the item of its key in `previous` replaced by that earlier item, and
 * `previous` itself when nothing changed, order included.
 */
export function keepUnchangedBy<T>(next: T[], previous: readonly T[], key: (item: T) => string, same: (a: T, b: T) => boolean): T[] {
  if (previous.length === 0) return next;
  const earlier = new Map(previous.map((item) => [key(item), item]));
  let changed = next.length !== previous.length;
  const kept = next.map((item, i) => {
    const old = earlier.get(key(item));
    const keep = old !== undefined && same(item, old);
    if (!keep || old !== previous[i]) changed = true;
    return keep ? old : item;
  });
  return changed ? kept : (previous as T[]);
}
