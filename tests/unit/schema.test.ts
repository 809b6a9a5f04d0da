import { describe, expect, test } from 'vitest';
import { parseCsv } from '../../src/lib/data/csv';
import { figureSchema, validate } from '../../src/lib/data/schema';

const HEADER =
  'id,city,doc,category,measure,kind,period,qualifier,value,unit,scope_zh,scope_en,label_zh,label_en,quote,commitment,note_en,restates,part_of';
const ROW = 'x-2023-rd,x,x-doc,rd_intensity,share_of_gdp,target,2023,at_least,2.5,%,全社会,economy-wide,研发投入强度,R&D intensity,研发投入强度达到2.5%,plain,,,';

const check = (text: string) => validate(figureSchema, parseCsv(text));

describe('validate(figureSchema)', () => {
  test('types a valid row', () => {
    const { rows, errors } = check(`${HEADER}\n${ROW}\n`);
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({ id: 'x-2023-rd', value: 2.5, qualifier: 'at_least', kind: 'target', restates: '' });
  });

  test('accepts a UTF-8 byte order mark', () => {
    expect(check(`\uFEFF${HEADER}\n${ROW}\n`).errors).toEqual([]);
  });

  test('an empty file is one error on row 1', () => {
    expect(check('').errors).toEqual([expect.objectContaining({ row: 1, code: 'empty_file' })]);
  });

  test('a header without rows is an error', () => {
    expect(check(`${HEADER}\n`).errors).toEqual([expect.objectContaining({ row: 1, code: 'no_rows' })]);
  });

  test('a missing required column names the column', () => {
    const { errors } = check(`${HEADER.replace(',kind,', ',kinds,')}\n${ROW}\n`);
    expect(errors).toContainEqual(expect.objectContaining({ row: 1, column: 'kind', code: 'missing_column' }));
  });

  test('an unknown column is a warning, not an error', () => {
    const { errors, warnings } = check(`${HEADER},extra\n${ROW},1\n`);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([expect.objectContaining({ row: 1, column: 'extra', code: 'unknown_column' })]);
  });

  test('a bad kind is reported with row, column and value', () => {
    const { errors, rows } = check(`${HEADER}\n${ROW}\n${ROW.replace('x-2023-rd', 'y').replace(',target,', ',promise,')}\n`);
    expect(errors).toEqual([expect.objectContaining({ row: 3, column: 'kind', value: 'promise', code: 'not_in_vocabulary' })]);
    expect(rows).toHaveLength(1);
  });

  test('a non-numeric value is reported, with no silent zero', () => {
    const { errors, rows } = check(`${HEADER}\n${ROW.replace(',2.5,', ',3.5%,')}\n`);
    expect(errors).toEqual([expect.objectContaining({ row: 2, column: 'value', value: '3.5%', code: 'not_a_number' })]);
    expect(rows).toEqual([]);
  });

  test('a duplicate id points at the first use', () => {
    const { errors } = check(`${HEADER}\n${ROW}\n${ROW}\n`);
    expect(errors).toEqual([expect.objectContaining({ row: 3, column: 'id', value: 'x-2023-rd', code: 'duplicate_id' })]);
    expect(errors[0]!.message).toContain('row 2');
  });

  test('a not_stated row must leave value empty: missing is not zero', () => {
    const row = ROW.replace(',target,', ',not_stated,').replace(',at_least,2.5,', ',,0,');
    expect(check(`${HEADER}\n${row}\n`).errors).toEqual([
      expect.objectContaining({ row: 2, column: 'value', value: '0', code: 'must_be_empty' }),
    ]);
  });

  test('a stated figure needs a value', () => {
    const row = ROW.replace(',2.5,', ',,');
    expect(check(`${HEADER}\n${row}\n`).errors).toEqual([expect.objectContaining({ row: 2, column: 'value', code: 'required' })]);
  });

  test('headline categories only take headline measures', () => {
    const row = ROW.replace(',share_of_gdp,', ',ratio,');
    expect(check(`${HEADER}\n${row}\n`).errors).toEqual([
      expect.objectContaining({ row: 2, column: 'measure', value: 'ratio', code: 'headline_measure' }),
    ]);
  });

  test('a malformed period is rejected', () => {
    expect(check(`${HEADER}\n${ROW.replace(',2023,', ',FY23,')}\n`).errors).toEqual([
      expect.objectContaining({ row: 2, column: 'period', value: 'FY23', code: 'bad_format' }),
    ]);
  });
});
