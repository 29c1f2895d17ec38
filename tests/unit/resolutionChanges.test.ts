import { describe, expect, it } from 'vitest';
import { changedClauses, changesSince, confirmedLine } from '../../shared/domain/resolutions';

/** What the chair reads after a change to a confirmed list: only what differs, in whole clauses. */
const base = {
  text: '冬季保温设施要压实责任，把群众反映集中的问题逐项列出清单。',
  leadDepartment: '市城市管理和行政执法局',
  coDepartments: ['市文化广电和旅游局'],
  deadline: '2026-09-30',
};
const line = (o: Partial<typeof base> = {}) => confirmedLine({ ...base, ...o });

describe('changedClauses', () => {
  it('shows a sentence added as the clause it changed', () => {
    expect(
      changedClauses(
        line(),
        line({ text: '冬季保温设施要压实责任，把群众反映集中的问题逐项列出清单，每年冬季前完成一次检查。' }),
      ),
    ).toEqual(['把群众反映集中的问题逐项列出清单。', '把群众反映集中的问题逐项列出清单，每年冬季前完成一次检查。']);
  });

  it('shows words added after a full stop with the sentence they follow', () => {
    expect(changedClauses(line(), line({ text: `${base.text}（修改）` }))).toEqual([
      '把群众反映集中的问题逐项列出清单。',
      '把群众反映集中的问题逐项列出清单。（修改）',
    ]);
  });

  it('names the field that changed, with its label', () => {
    expect(changedClauses(line(), line({ deadline: '2026-10-31' }))).toEqual(['时限：2026-09-30', '时限：2026-10-31']);
    expect(changedClauses(line(), line({ leadDepartment: '市住房和城乡建设局' }))).toEqual([
      '主办：市城市管理和行政执法局',
      '主办：市住房和城乡建设局',
    ]);
    expect(changedClauses(line(), line({ coDepartments: [] }))).toEqual(['协办：市文化广电和旅游局', '协办：无']);
  });

  it('puts a text change and a field change side by side', () => {
    expect(changedClauses(line(), line({ text: '全部重写的一句。', deadline: '2026-12-31' }))).toEqual([
      `${base.text}；时限：2026-09-30`,
      '全部重写的一句。；时限：2026-12-31',
    ]);
  });

  it('keeps whole lines for an item added or removed', () => {
    expect(changesSince([line()], [line(), line({ text: '新增一项。' })])).toEqual([
      { position: 2, before: null, after: line({ text: '新增一项。' }) },
    ]);
    expect(changesSince([line(), line()], [line()])).toEqual([{ position: 2, before: line(), after: null }]);
  });
});
