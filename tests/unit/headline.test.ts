import { describe, expect, test } from 'vitest';
import { readDataset, toTables } from '../../src/lib/data/dataset';
import { buildView, periodLength } from '../../src/lib/data/views/headline';
import { en } from '../../src/lib/i18n/en';

const H = 'id,city,doc,category,measure,kind,period,qualifier,value,unit,scope_zh,scope_en,label_zh,label_en,quote,commitment,note_en,restates,part_of';
const fixture = toTables(
  readDataset({
    targets: [
      H,
      'a-rd,a,a-doc,rd_intensity,share_of_gdp,target,2023,exactly,3.5,%,全社会,economy-wide,研发投入强度,R&D intensity,强度达到3.5%,strive,,,',
      'b-rd,b,b-doc,rd_intensity,share_of_gdp,target,2021,exactly,2,%,全社会,economy-wide,研发投入强度,R&D intensity,强度达到2%,plain,,,',
      'c-rd,c,c-doc,rd_intensity,share_of_gdp,target,2023,exactly,4,%,规上工业,industrial firms above designated size,规上R&D,Industrial R&D,比重达到4%,plain,,,',
      'd-rd,d,d-doc,rd_intensity,share_of_gdp,not_stated,2023,,,%,全社会,economy-wide,研发投入强度,R&D intensity,加大研发投入,plain,,,',
      'a-new,a,a-doc,high_tech_firms,new,target,2023,at_least,300,家,全市,city,新增,New firms,新增300家以上,plain,,,',
      'a-new-2,a,a-doc,high_tech_firms,new,target,2023,at_least,300,家,全市,city,新增,New firms,再次新增300家以上,plain,,a-new,',
      'b-stock,b,b-doc,high_tech_firms,stock,actual,2022,exactly,291,家,全市,city,总数,Total,有291家,plain,,,',
      'b-quota,b,b-doc,high_tech_firms,net_increase,guidance,2023,exactly,96,家,全市,city,净增,Net increase,净增96家,plain,,,',
    ].join('\n'),
    documents: [
      'id,city,title_zh,title_en,issuer_zh,issuer_en,date,kind,period,source_file',
      ...['a', 'b', 'c', 'd'].map((c) => `${c}-doc,${c},${c}文件,Doc ${c},局,Bureau,2023,work_plan,2023,${c}.txt`),
    ].join('\n'),
    cities: ['id,name_zh,name_en,province_zh,province_en,level_zh,level_en', ...['a', 'b', 'c', 'd'].map((c) => `${c},${c}市,City ${c.toUpperCase()},省,P,地级市,prefecture`)].join('\n'),
    nationalRd: 'year,value,unit,source_zh,source_en,note\n2021,2.44,%,公报,Bulletin,\n2023,2.65,%,公报,Bulletin,',
  }),
);
const options = { cities: ['a', 'b', 'c', 'd'], lang: 'en' as const, sort: 'name' as const, messages: en };

describe('buildView', () => {
  test('R&D view keeps the not-stated city as an explicit empty mark', () => {
    const view = buildView(fixture, 'rd', options);
    const missing = view.marks.find((m) => m.city === 'd');
    expect(missing).toMatchObject({ kind: 'not_stated', value: null });
  });

  test('a narrower scope is called not comparable in notes and summary', () => {
    const view = buildView(fixture, 'rd', options);
    expect(view.notes.join(' ')).toContain('City C’s figure covers industrial firms above designated size only');
    expect(view.summary).toContain('City C’s figure has a different or unstated scope and is not comparable');
    expect(view.summary).not.toContain('City C aims highest');
    expect(view.summary).toContain('City D states no figure');
  });

  test('targets for different years are not ranked; within one year the highest comparable target is named', () => {
    expect(buildView(fixture, 'rd', options).summary).toContain('The targets are for different years, so none is ranked highest.');
    const sameYear = buildView(fixture, 'rd', { ...options, cities: ['a', 'c', 'd'] });
    expect(sameYear.summary).toContain('City A aims highest: 3.5% (2023)');
  });

  test('combined figures and figures without a stated scope are set apart, never ranked', () => {
    const odd = toTables(
      readDataset({
        targets: [
          H,
          'a-new,a,a-doc,high_tech_firms,new,target,2023,at_least,300,家,全市,city,新增,New firms and SMEs (one combined figure),新增300家以上,plain,,,',
          'b-new,b,b-doc,high_tech_firms,new,target,2023,exactly,200,家,全市,city,新增,New firms,新增200家,plain,,,',
          'c-new,c,c-doc,high_tech_firms,new,target,2023,exactly,250,家,,,新增,New firms,新增250家,plain,,,',
        ].join('\n'),
        documents: [
          'id,city,title_zh,title_en,issuer_zh,issuer_en,date,kind,period,source_file',
          ...['a', 'b', 'c'].map((c) => `${c}-doc,${c},${c}文件,Doc ${c},局,Bureau,2023,work_plan,2023,${c}.txt`),
        ].join('\n'),
        cities: ['id,name_zh,name_en,province_zh,province_en,level_zh,level_en', ...['a', 'b', 'c'].map((c) => `${c},${c}市,City ${c.toUpperCase()},省,P,地级市,prefecture`)].join('\n'),
        nationalRd: 'year,value,unit,source_zh,source_en,note\n2021,2.44,%,公报,Bulletin,',
      }),
    );
    const view = buildView(odd, 'firms', { ...options, cities: ['a', 'b', 'c'] });
    expect(view.notes.join(' ')).toContain('City A: “New firms and SMEs (one combined figure)” counts several kinds of firm in one number');
    expect(view.notes.join(' ')).toContain('City C’s figure does not say what it covers');
    expect(view.summary).toContain('City B aims highest: 200 (2023)');
  });

  test('periods that differ are named in a visible note, which warns about non-annual lengths only when there are some', () => {
    const note = buildView(fixture, 'rd', options).notes[0]!;
    expect(note).toMatch(/^Different years: 2021 \(City B\); 2023 \(City A and City C\)\.$/);
    expect(periodLength('2022-2023')).toBe('multi_year');
    expect(periodLength('2023H1')).toBe('half_year');
    expect(periodLength('2023-01/2023-05')).toBe('months');
    expect(en.notes.periods('x', en.notes.periodLengths(['multi-year', 'part-year']))).toBe(
      'Different periods: x. A multi-year or part-year figure is not an annual one.',
    );
  });

  test('national references come with the R&D view and widen its scale', () => {
    const view = buildView(fixture, 'rd', options);
    expect(view.references.map((r) => r.label)).toEqual(['China 2021: 2.44%', 'China 2023: 2.65%']);
    expect(view.panels[0]!.max).toBe(4);
  });

  test('firms: flows, stocks and quotas get separate panels, and restatements count once', () => {
    const view = buildView(fixture, 'firms', options);
    expect(view.panels.map((p) => p.key)).toEqual(['new', 'net_increase', 'stock']);
    expect(view.marks.map((m) => m.id)).not.toContain('a-new-2');
    expect(view.notes.join(' ')).toMatch(/quota from the province \(City B\)/);
  });

  test('deselected cities disappear from marks, notes and summary', () => {
    const view = buildView(fixture, 'rd', { ...options, cities: ['b', 'c'] });
    expect(view.marks.map((m) => m.city)).toEqual(['b', 'c']);
    expect(view.summary).not.toContain('City A');
  });

  test('sorting by value puts the largest first and the missing last', () => {
    const view = buildView(fixture, 'rd', { ...options, sort: 'value' });
    expect(view.panels[0]!.marks.map((m) => m.city)).toEqual(['c', 'a', 'b', 'd']);
  });
});
