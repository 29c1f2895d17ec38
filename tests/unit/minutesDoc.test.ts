import { describe, expect, it } from 'vitest';
import {
  countChars,
  emptyMinutesDoc,
  markId,
  markKindOf,
  readMinutesDoc as verdictOf,
} from '../../shared/domain/minutesDoc';
import { allowed } from '../support/verdict';

const readMinutesDoc = (json: string) => allowed(verdictOf(json));
import { generateMinutesDoc } from '../../electron/core/generate/minutesText';

const t = (text: string, format = 0) => ({
  type: 'text',
  text,
  format,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
});
const p = (...children: unknown[]) => ({ type: 'paragraph', children, version: 1 });
const doc = (...children: unknown[]) => JSON.stringify({ root: { type: 'root', children, version: 1 } });
const speaker = (speechId: number, name: string) => ({
  type: 'speaker',
  speechId,
  name,
  affiliation: '九三学社',
  kind: '预约发言',
  time: '09:32',
  version: 1,
});
const mark = (ids: string[], ...children: unknown[]) => ({ type: 'mark', ids, children, version: 1 });

const jy = markId('建议', 'aaaaaaaa-1');
const cn = markId('回应/承诺', 'bbbbbbbb-2');

describe('the minutes document', () => {
  it('projects one line per block, speaker headers included, and counts typed characters', () => {
    const s = readMinutesDoc(
      doc(
        { type: 'heading', tag: 'h2', children: [t('会议记录')] },
        speaker(7, '孙晓梅'),
        p(t('建议增设'), t('指引牌', 1), { type: 'linebreak' }, t('第二行')),
        {
          type: 'list',
          listType: 'number',
          children: [
            { type: 'listitem', children: [t('一项')] },
            { type: 'listitem', children: [t('二项')] },
          ],
        },
        p(),
      ),
    );
    expect(s.plain).toBe('会议记录\n【预约发言】孙晓梅（九三学社） 09:32\n建议增设指引牌\n第二行\n一项\n二项\n');
    expect(s.chars).toBe(4 + 7 + 3 + 4);
    expect(s.speechIds).toEqual([7]);
  });

  it('finds marks in order with their kind, excerpt and the speech whose section holds them', () => {
    const s = readMinutesDoc(
      doc(
        p(mark([markId('共识', 'cccccccc-3')], t('开场共识'))),
        speaker(3, '孙晓梅'),
        p(t('前文'), mark([jy], t('每300米'), t('设指引牌', 1)), t('后文')),
        speaker(9, '刘建军'),
        p(mark([cn], t('三季度前完成'))),
        p(mark([cn], t('年内接入平台'))),
        p(mark([jy, cn], t('重叠'))),
      ),
    );
    expect(s.marks.map((m) => [m.kind, m.excerpt, m.speechId, m.order])).toEqual([
      ['共识', '开场共识', null, 1],
      ['建议', '每300米设指引牌\n重叠', 3, 2],
      ['回应/承诺', '三季度前完成\n年内接入平台\n重叠', 9, 3],
    ]);
  });

  it('refuses what the editor cannot have written, in Chinese', () => {
    expect(() => readMinutesDoc('not json')).toThrow('不是有效的文档数据');
    expect(() => readMinutesDoc('{"root":1}')).toThrow('根节点');
    expect(() => readMinutesDoc(doc({ type: 'image', src: 'x' }))).toThrow('无法识别的内容（image）');
    expect(() => readMinutesDoc(doc(p(mark(['xx-1'], t('a')))))).toThrow('标记的编号无效');
    expect(() => readMinutesDoc(doc(p(speaker(1, '甲'))))).toThrow('顶层');
    expect(() => readMinutesDoc(doc(p({ type: 'text', text: 5 })))).toThrow('缺少文字');
    let deep: unknown = t('x');
    for (let i = 0; i < 60; i++) deep = mark([jy], deep);
    expect(() => readMinutesDoc(doc(p(deep)))).toThrow('层级过深');
  });

  it('replaces characters Word cannot hold in the projection', () => {
    expect(readMinutesDoc(doc(p(t('甲\u000b乙')))).plain).toBe('甲 乙');
  });

  it('reads its own empty document and mark ids', () => {
    expect(readMinutesDoc(emptyMinutesDoc())).toMatchObject({ plain: '', chars: 0, marks: [] });
    expect(markKindOf(jy)).toBe('建议');
    expect(markKindOf(cn)).toBe('回应/承诺');
    expect(markKindOf('jy-short')).toBeNull();
    expect(countChars('中 文\n𠀋a')).toBe(4);
  });

  it('the generated reference minutes reach the size asked for, with marks in each kind', () => {
    const sections = Array.from({ length: 40 }, (_, i) => ({
      speechId: i + 1,
      name: `发言人${i + 1}`,
      affiliation: '界别',
      kind: '预约发言',
      time: '09:00',
    }));
    const s = readMinutesDoc(generateMinutesDoc({ sections, chars: 60_000, marks: 30 }));
    expect(s.chars).toBeGreaterThanOrEqual(60_000);
    expect(s.chars).toBeLessThan(66_000);
    expect(s.speechIds).toHaveLength(40);
    expect(s.marks).toHaveLength(30);
    expect(new Set(s.marks.map((m) => m.kind))).toEqual(new Set(['建议', '回应/承诺', '共识']));
  });
});
