import { markId, markKinds, type MarkKind } from '../../../shared/domain/minutesDoc';

/**
 * Realistic minutes for the bench, the tests and the archive generator: speaker sections with
 * paragraphs of consultation prose, lists, bold and italic runs and marked passages, as the
 * editor stores them (Lexical JSON). Seeded, so every run writes the same document.
 */

const openings = [
  '我谈三点意见。',
  '结合调研情况，我提几点建议。',
  '我代表界别委员发言。',
  '刚才几位委员讲得很好，我补充两点。',
  '我从群众的角度谈一谈。',
];
const subjects = [
  '景区公厕',
  '指引标识',
  '冬季保温设施',
  '无障碍设施',
  '沿街商户',
  '移动公厕',
  '城管平台',
  '客流热力数据',
  '保洁责任',
  '补贴标准',
  '节假日高峰',
  '导航软件标注',
  '运行监测',
  '冰雪季游客服务',
];
const verbs = [
  '要统筹规划',
  '应加快完善',
  '需进一步明确',
  '可以探索',
  '建议尽快推进',
  '要压实责任',
  '应纳入年度计划',
  '要建立长效机制',
];
const details = [
  '做到布局合理、指引清晰、冬季可用',
  '把群众反映集中的问题逐项列出清单',
  '由牵头部门会同区政府和管理办公室共同推进',
  '在主街两侧每三百米设置一处指引牌',
  '数据接入城管平台统一监测、及时预警',
  '对开放卫生间的商户给予适当补贴',
  '在圣索菲亚教堂广场等节点增设移动公厕',
  '新建公厕采用节水和防冻技术',
  '定期向社会公布办理进展，接受群众监督',
];
const closings = [
  '以上意见供参考。',
  '希望有关部门认真研究。',
  '请市城管局在会后予以答复。',
  '这件事关系群众切身利益。',
];
const commitments = [
  '市城管局将于三季度前完成主街指引牌更新',
  '步行街管理办公室将牵头组建沿街商户厕所开放联盟',
  '公厕运行数据年内接入城管平台',
];
const consensus = [
  '与会各方一致认为，应以小切口推动景区公厕服务提质',
  '会议同意将三项建议纳入议定事项，明确牵头单位和办理时限',
];

export interface Section {
  speechId: number;
  name: string;
  affiliation: string;
  kind: string;
  /** HH:mm */
  time: string;
}

export interface MinutesOptions {
  sections: readonly Section[];
  /** Characters of text to write (about; speaker headers not counted). */
  chars: number;
  /** Marks to place, spread over the sections, kinds in turn. */
  marks?: number;
  seed?: number;
}

type Json = Record<string, unknown>;

const text = (t: string, format = 0): Json => ({
  type: 'text',
  version: 1,
  detail: 0,
  format,
  mode: 'normal',
  style: '',
  text: t,
});
const paragraph = (children: Json[]): Json => ({
  type: 'paragraph',
  version: 1,
  direction: null,
  format: '',
  indent: 0,
  textFormat: 0,
  textStyle: '',
  children,
});
const heading = (tag: string, t: string): Json => ({
  type: 'heading',
  version: 1,
  direction: null,
  format: '',
  indent: 0,
  tag,
  children: [text(t)],
});
const list = (items: string[], listType: 'bullet' | 'number'): Json => ({
  type: 'list',
  version: 1,
  direction: null,
  format: '',
  indent: 0,
  listType,
  start: 1,
  tag: listType === 'number' ? 'ol' : 'ul',
  children: items.map((t, i) => ({
    type: 'listitem',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    value: i + 1,
    children: [text(t)],
  })),
});
const mark = (id: string, t: string): Json => ({
  type: 'mark',
  version: 1,
  direction: null,
  format: '',
  indent: 0,
  ids: [id],
  children: [text(t)],
});
const speaker = (s: Section): Json => ({ type: 'speaker', version: 1, ...s });

export function generateMinutesDoc({ sections, chars, marks = 0, seed = 1 }: MinutesOptions): string {
  let s = seed >>> 0 || 1;
  const rand = (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
  const pick = <T>(xs: readonly T[]) => xs[rand(xs.length)];
  const sentence = () => `${pick(subjects)}${pick(verbs)}，${pick(details)}。`;

  const children: Json[] = [heading('h2', '会议记录')];
  let written = 0;
  let marked = 0;
  const perSection = Math.max(1, Math.ceil(chars / Math.max(1, sections.length)));
  const marksPerSection = Math.ceil(marks / Math.max(1, sections.length));

  sections.forEach((section, i) => {
    children.push(speaker(section));
    let here = 0;
    let sectionMarks = 0;
    let p = 0;
    while (here < perSection && written < chars) {
      let len = 0;
      if (p % 5 === 4) {
        const items = [sentence(), sentence(), sentence()];
        children.push(list(items, rand(2) ? 'number' : 'bullet'));
        len += items.join('').length;
      } else {
        const parts: Json[] = [];
        const opening = p === 0 ? pick(openings) : '';
        if (opening) {
          parts.push(text(opening, 1));
          len += opening.length;
        }
        while (len < 140) {
          if (marked < marks && sectionMarks < marksPerSection && rand(3) === 0) {
            const kind: MarkKind = markKinds[marked % markKinds.length];
            const t =
              kind === '回应/承诺' ? `${pick(commitments)}。` : kind === '共识' ? `${pick(consensus)}。` : sentence();
            parts.push(mark(markId(kind, `ref${seed}-${i}-${marked}-${rand(1e6)}`), t));
            marked++;
            sectionMarks++;
            len += t.length;
          } else {
            const t = sentence();
            parts.push(text(t, rand(12) === 0 ? 2 : 0));
            len += t.length;
          }
        }
        children.push(paragraph(parts));
      }
      const closing = p % 7 === 6 ? pick(closings) : '';
      if (closing) {
        children.push(paragraph([text(closing)]));
        len += closing.length;
      }
      here += len;
      written += len;
      p++;
    }
  });
  children.push(paragraph([]));
  return JSON.stringify({ root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children } });
}

/** A paragraph's pieces: plain text, or a passage under a mark of that kind. */
export type Piece = string | { kind: MarkKind; text: string };

/**
 * Minutes written out exactly: a speaker header for each section, a paragraph for each list of
 * pieces (what a test or a scenario needs to say word for word).
 */
export function writtenMinutesDoc(blocks: readonly (Section | readonly Piece[])[], seed = 1): string {
  let n = 0;
  const children = blocks.map((b) =>
    'speechId' in b
      ? speaker(b)
      : paragraph(
          b.map((p) => (typeof p === 'string' ? text(p) : mark(markId(p.kind, `written-${seed}-${++n}`), p.text))),
        ),
  );
  return JSON.stringify({ root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children } });
}
