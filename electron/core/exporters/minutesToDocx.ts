import { ShadingType, TextRun, type Paragraph } from 'docx';
import {
  cleanText,
  markKindOf,
  TEXT_FORMAT,
  type DocNode,
  type ElementNodeJson,
  type MarkKind,
  type SpeakerNodeJson,
  type TextNodeJson,
} from '../../../shared/domain/minutesDoc';
import { CHARS, FONT, HEADING_FONT, paragraph, run } from './gbt9704';

/** Marked passages keep a label and a light shading, so a reader of the Word file sees them. */
const markShade: Record<MarkKind, string> = { 建议: 'DCE6F7', '回应/承诺': 'FBE3C8', 共识: 'D5EFDF' };
export const markLabel = (kind: MarkKind) => `〔${kind}〕`;

interface Inline {
  font: string;
  bold: boolean;
  /** The kinds of the marks around the text, innermost last. */
  marks: readonly MarkKind[];
}

/** The editor's headings by level: 标题 h1 → 一级, 小标题 h2 → 二级, anything deeper → 三级. */
const headingLevel = (tag?: string) => (tag === 'h1' ? 1 : tag === 'h2' ? 2 : 3);

/**
 * The minutes as typed, in the GB/T 9704 page: headings 一级 黑体 / 二级 楷体 / 三级 仿宋,
 * paragraphs with the two-character indent, lists numbered or bulleted in the text itself (every
 * reader shows the same numbers), bold, italic, underline and strikethrough kept, each speaker's
 * section opening with a line of who spoke and when (a 部门回应 naming whom it answers), marks labelled
 * 〔建议〕 and shaded — or, for the clean 存档版, neither.
 */
export function minutesToParagraphs(
  root: ElementNodeJson,
  options: { answers?: ReadonlyMap<number, readonly string[]>; clean?: boolean } = {},
): Paragraph[] {
  const { answers = new Map<number, readonly string[]>(), clean = false } = options;
  const out: Paragraph[] = [];
  const labelled = new Set<string>();

  const inlineRuns = (nodes: readonly DocNode[], style: Inline, runs: TextRun[] = []): TextRun[] => {
    for (const node of nodes) {
      if (node.type === 'text' || node.type === 'tab') {
        const { text, format = 0 } = node as TextNodeJson;
        const kind = style.marks[style.marks.length - 1];
        runs.push(
          run(cleanText(text), {
            font: style.font,
            bold: style.bold || (format & TEXT_FORMAT.bold) !== 0,
            italics: (format & TEXT_FORMAT.italic) !== 0,
            underline: format & TEXT_FORMAT.underline ? {} : undefined,
            strike: (format & TEXT_FORMAT.strikethrough) !== 0,
            shading: kind && !clean ? { type: ShadingType.CLEAR, fill: markShade[kind], color: 'auto' } : undefined,
          }),
        );
      } else if (node.type === 'linebreak') {
        runs.push(new TextRun({ break: 1 }));
      } else if (node.type === 'mark') {
        const kinds: MarkKind[] = [];
        for (const id of (node as ElementNodeJson).ids ?? []) {
          const kind = markKindOf(id);
          if (!kind) continue;
          kinds.push(kind);
          // The label once per mark, before its first words (a mark over two lines is one mark).
          if (!clean && !labelled.has(id)) {
            labelled.add(id);
            runs.push(run(markLabel(kind), { font: FONT.heading2, bold: true }));
          }
        }
        inlineRuns((node as ElementNodeJson).children, { ...style, marks: [...style.marks, ...kinds] }, runs);
      } else if ('children' in node) {
        inlineRuns(node.children, style, runs);
      }
    }
    return runs;
  };

  const body: Inline = { font: FONT.body, bold: false, marks: [] };

  const list = (node: ElementNodeJson, depth: number) => {
    let n = 0;
    for (const item of node.children) {
      if (item.type !== 'listitem') continue;
      const children = (item as ElementNodeJson).children;
      const inline = children.filter((c) => c.type !== 'list');
      if (inline.length) {
        n++;
        const prefix = node.listType === 'number' ? `${n}.` : '●';
        out.push(
          paragraph([run(`${prefix} `), ...inlineRuns(inline, body)], {
            indent: { left: CHARS(2 + 2 * (depth + 1)), hanging: CHARS(2) },
          }),
        );
      }
      for (const sub of children) if (sub.type === 'list') list(sub as ElementNodeJson, depth + 1);
    }
  };

  for (const node of root.children) {
    if (node.type === 'speaker') {
      const s = node as SpeakerNodeJson;
      const who = [
        run(`【${cleanText(s.kind)}】`, { font: FONT.heading2 }),
        run(cleanText(s.name), { font: FONT.heading1 }),
      ];
      if (s.affiliation) who.push(run(`（${cleanText(s.affiliation)}）`, { font: FONT.heading2 }));
      const answered = answers.get(s.speechId);
      if (answered?.length) who.push(run(`（回应${answered.join('、')}的发言）`, { font: FONT.heading2 }));
      out.push(paragraph([...who, run(`\u3000${s.time}`)], { indent: {}, keepNext: true }));
    } else if (node.type === 'heading') {
      const h = node as ElementNodeJson;
      out.push(
        paragraph(inlineRuns(h.children, { ...body, font: HEADING_FONT[headingLevel(h.tag)] }), { keepNext: true }),
      );
    } else if (node.type === 'list') {
      list(node as ElementNodeJson, 0);
    } else if (node.type === 'quote') {
      out.push(
        paragraph(inlineRuns((node as ElementNodeJson).children, { ...body, font: FONT.heading2 }), {
          indent: { left: CHARS(2), firstLine: CHARS(2) },
        }),
      );
    } else if ('children' in node) {
      out.push(paragraph(inlineRuns(node.children, body)));
    }
  }
  return out;
}
