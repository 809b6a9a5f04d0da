import { describe, expect, test } from 'vitest';
import { en } from '../../src/lib/i18n/en';
import { zh } from '../../src/lib/i18n/zh';

type Leaf = { path: string; value: unknown };

const catalogues = { en, zh } as Record<string, Record<string, unknown>>;

/** Every leaf of a catalogue (strings, functions, anything not a plain object), with its dotted path. */
function leaves(node: Record<string, unknown>, prefix = ''): Leaf[] {
  return Object.entries(node).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? leaves(value as Record<string, unknown>, path)
      : [{ path, value }];
  });
}

/** Calls a message function with sample arguments of its arity; list functions get an array. */
function callWithSamples(path: string, fn: (...args: unknown[]) => unknown): unknown {
  if (/andList$|periodLengths$/i.test(path)) return fn(['A', 'B', 'C']);
  if (path === 'issueText') return fn({ code: 'not_a_number', message: 'x1' });
  return fn(...Array.from({ length: fn.length }, (_, i) => `x${i + 1}`));
}

const CJK = /[\u3400-\u9fff]/;

const SEPARATORS = new Set(['sentenceSep']);

describe('message catalogues', () => {
  test('en and zh have the same keys, at every depth', () => {
    const enPaths = leaves(en).map((l) => l.path).sort();
    const zhPaths = leaves(zh).map((l) => l.path).sort();
    expect(enPaths.filter((p) => !zhPaths.includes(p)), 'keys missing in zh').toEqual([]);
    expect(zhPaths.filter((p) => !enPaths.includes(p)), 'keys missing in en').toEqual([]);
  });

  test('a key is a function in one language exactly when it is one in the other, with the same arity', () => {
    const zhLeaves = new Map(leaves(zh).map((l) => [l.path, l.value]));
    for (const { path, value } of leaves(en)) {
      const other = zhLeaves.get(path);
      expect(typeof other, path).toBe(typeof value);
      if (typeof value === 'function') expect((other as () => unknown).length, path).toBe(value.length);
    }
  });

  for (const [lang, catalogue] of Object.entries(catalogues)) {
    test(`${lang}: every string is non-empty and every function returns a non-empty string`, () => {
      for (const { path, value } of leaves(catalogue)) {
        if (typeof value === 'function') {
          const out = callWithSamples(path, value as (...args: unknown[]) => unknown);
          expect(typeof out, path).toBe('string');
          expect((out as string).trim(), path).not.toBe('');
        } else {
          expect(typeof value, path).toBe('string');
          // Separators are punctuation or whitespace by design (Chinese joins sentences with nothing).
          if (!SEPARATORS.has(path)) expect((value as string).trim(), path).not.toBe('');
        }
      }
    });
  }

  test('zh wraps and separates with full-width punctuation', () => {
    expect(zh.aside('芜湖', '2023年')).toBe('芜湖（2023年）');
    expect(zh.labelled('期内新增', '芜湖')).toBe('期内新增：芜湖');
    expect(zh.listSep).toBe('；');
    expect(zh.issueText({ code: 'not_a_number', message: 'Expected a plain number' })).toMatch(/纯数字/);
    expect(en.issueText({ code: 'not_a_number', message: 'Expected a plain number' })).toBe('Expected a plain number');
    // Allowed values come as a machine detail, never parsed out of the English sentence.
    expect(zh.issueText({ code: 'not_in_vocabulary', message: 'whatever', detail: 'target, actual' })).toMatch(/允许的值：target, actual。$/);
    // A code named like an Object.prototype member is just an unknown code.
    expect(zh.issueText({ code: 'constructor', message: 'plain message' })).toBe('plain message');
  });

  test('zh text is actually Chinese', () => {
    // Codes, standard names and language autonyms are the same in every language.
    // Separators and wrappers are punctuation around the caller's text; issueText passes the code through.
    const allow = new Set(['lang', 'langNames.en', 'citeDialog.gbt', 'listSep', 'sentenceSep', 'fullStop', 'aside', 'labelled', 'issueText', 'importPanel.detail', 'cityPicker.separator']);
    const notChinese = leaves(zh)
      .filter(({ path }) => !allow.has(path))
      .map(({ path, value }) => ({
        path,
        text: typeof value === 'function' ? callWithSamples(path, value as (...args: unknown[]) => unknown) : value,
      }))
      .filter(({ text }) => typeof text !== 'string' || !CJK.test(text))
      .map(({ path }) => path);
    expect(notChinese).toEqual([]);
    expect(zh.lang).toBe('zh');
  });

  test('zh joins lists with 、 and 和', () => {
    expect(zh.andList(['芜湖', '黄石', '常州'])).toBe('芜湖、黄石和常州');
    expect(zh.andList(['芜湖', '黄石'])).toBe('芜湖和黄石');
    expect(zh.andList(['芜湖'])).toBe('芜湖');
    expect(zh.andList([])).toBe('');
  });
});
