// Values worked out once and kept, in a Map that is cleared when full: a long session cannot grow it without bound.

/** The most values a cache keeps before it starts again. */
const MAX_REMEMBERED = 4000;

/** Keeps `value` under `key` in `cache` (cleared first if full) and gives it back: `cache.get(k) ?? remember(cache, k, make())`. */
export function remember<K, V>(cache: Map<K, V>, key: K, value: V): V {
  if (cache.size >= MAX_REMEMBERED) cache.clear();
  cache.set(key, value);
  return value;
}
