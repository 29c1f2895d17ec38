import { markKindOf, type DocNode, type ElementNodeJson, type SpeakerNodeJson, type TextNodeJson } from './minutesDoc';

/**
 * The 纪要's narrative (domain: 会议认为… 会议指出… 会议强调/要求…): drafted from what the meeting
 * itself recorded, then edited by the secretary. One paragraph per line.
 */

export interface SummarySources {
  /** Passages marked 共识 in the minutes, in document order. */
  consensus: readonly string[];
  /** What the chair said in the 主持人总结, as recorded (without the consensus already quoted). */
  chairSummary: string;
  /** The resolutions' lead departments, in order. */
  departments: readonly string[];
  office: string;
}

const bare = (s: string) =>
  s
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[。；，、;,.\s]+$/u, '');

export function draftSummary(s: SummarySources): string {
  const lines: string[] = [];
  // 与会各方一致认为… under 会议认为 would say it twice.
  const consensus = s.consensus
    .map((c) => bare(c).replace(/^(与会各方|与会人员|大家)?(一致)?认为[，,]?/u, ''))
    .filter(Boolean);
  if (consensus.length) lines.push(`会议认为，${consensus.join('；')}。`);
  const chair = bare(s.chairSummary);
  if (chair) lines.push(`会议指出，${chair}。`);
  const departments = [...new Set(s.departments.filter(Boolean))];
  if (departments.length)
    lines.push(
      `会议要求，${departments.join('、')}按照议定事项抓好落实，在办理时限内书面答复；${s.office || '政协办公室'}做好跟踪督办。`,
    );
  return lines.join('\n');
}

/** Paragraphs that close a 纪要 (会议强调、会议要求) follow the agreed items; the others open them. */
export function splitSummary(body: string): { before: string[]; after: string[] } {
  const paragraphs = body
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean);
  const closing = (p: string) => /^会议(强调|要求)/.test(p);
  const first = paragraphs.findIndex(closing);
  return first < 0
    ? { before: paragraphs, after: [] }
    : { before: paragraphs.slice(0, first), after: paragraphs.slice(first) };
}

/** What the minutes hold under the speaker headers of one kind (主持人总结), passages marked 共识 left out. */
export function sectionsOfKind(root: ElementNodeJson, kind: string): string {
  const out: string[] = [];
  let inside = false;
  const textOf = (node: DocNode): string => {
    if (node.type === 'text') return (node as TextNodeJson).text;
    if (node.type === 'linebreak') return ' ';
    if (node.type === 'mark' && ((node as ElementNodeJson).ids ?? []).some((id) => markKindOf(id) === '共识'))
      return '';
    return 'children' in node ? node.children.map(textOf).join('') : '';
  };
  for (const node of root.children) {
    if (node.type === 'speaker') inside = (node as SpeakerNodeJson).kind === kind;
    else if (inside) out.push(bare(textOf(node)));
  }
  // A passage left out leaves its neighbours' punctuation side by side (实在。，要把…): keep the first.
  return out
    .filter(Boolean)
    .join('，')
    .replace(/([。；，、])[。；，、]+/gu, '$1')
    .replace(/^[。；，、]+/u, '');
}
