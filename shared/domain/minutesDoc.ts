/**
 * The minutes document as stored: Lexical's serialized editor state (JSON). This module reads it
 * without Lexical, for the core (plain-text projection, marks, validation) and the exporters.
 * Only the node types the editor registers are accepted; anything else is refused, so a stored
 * document always converts to Word.
 */

import { allow, refuse, type Verdict } from './verdict';

export const markKinds = ['建议', '回应/承诺', '共识'] as const;
export type MarkKind = (typeof markKinds)[number];

/** A mark's id carries its kind: `jy-…` 建议, `cn-…` 回应/承诺, `gs-…` 共识. */
const kindCodes: Record<MarkKind, string> = { 建议: 'jy', '回应/承诺': 'cn', 共识: 'gs' };
const MARK_ID = /^(jy|cn|gs)-[0-9a-z-]{8,40}$/;

export function markId(kind: MarkKind, unique: string): string {
  return `${kindCodes[kind]}-${unique}`;
}

export function markKindOf(id: string): MarkKind | null {
  if (!MARK_ID.test(id)) return null;
  const code = id.slice(0, 2);
  return markKinds.find((k) => kindCodes[k] === code) ?? null;
}

/** Lexical's text format bits (TextNode.__format). */
export const TEXT_FORMAT = { bold: 1, italic: 2, strikethrough: 4, underline: 8 } as const;

export interface TextNodeJson {
  type: 'text' | 'tab';
  text: string;
  format: number;
}
export interface SpeakerNodeJson {
  type: 'speaker';
  speechId: number;
  name: string;
  affiliation: string;
  kind: string;
  /** Local clock time the speech started, HH:mm. */
  time: string;
}
export interface ElementNodeJson {
  type: 'root' | 'paragraph' | 'heading' | 'quote' | 'list' | 'listitem' | 'mark';
  children: DocNode[];
  tag?: string;
  listType?: 'bullet' | 'number' | 'check';
  ids?: string[];
}
export type DocNode = TextNodeJson | SpeakerNodeJson | ElementNodeJson | { type: 'linebreak' };

export interface DocMark {
  id: string;
  kind: MarkKind;
  excerpt: string;
  /** The speech whose section holds the mark (the nearest speaker header above it). */
  speechId: number | null;
  /** Document order, from 1. */
  order: number;
}

export interface DocSummary {
  root: ElementNodeJson;
  /** One line per block, speaker headers included: what search and previews read. */
  plain: string;
  /** Characters typed, without whitespace and without the speaker headers. */
  chars: number;
  marks: DocMark[];
  /** Speech ids of the speaker headers, in document order. */
  speechIds: number[];
}

/** Thrown inside the walk only: readMinutesDoc turns it into a refused verdict. */
class Unreadable extends Error {}

const BLOCKS = new Set(['paragraph', 'heading', 'quote', 'list', 'listitem']);
const INLINE_ELEMENTS = new Set(['mark']);
const MAX_DEPTH = 40;
const MAX_EXCERPT = 2000;
/** Characters a Word document cannot hold; pasted text sometimes carries them. */
const UNPRINTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function speakerHeaderText(s: Pick<SpeakerNodeJson, 'name' | 'affiliation' | 'kind' | 'time'>): string {
  const who = s.affiliation ? `${s.name}（${s.affiliation}）` : s.name;
  return `【${s.kind}】${who} ${s.time}`;
}

export function cleanText(s: string): string {
  return s.replace(UNPRINTABLE, ' ');
}

/** Parses and checks a stored or submitted document: its summary, or the Chinese reason it cannot be read. */
export function readMinutesDoc(json: string): Verdict<DocSummary> {
  try {
    return allow(summarize(json));
  } catch (e) {
    if (e instanceof Unreadable) return refuse(e.message);
    throw e;
  }
}

function summarize(json: string): DocSummary {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new Unreadable('会议记录内容不是有效的文档数据');
  }
  const root = (parsed as { root?: unknown } | null)?.root;
  if (!isObject(root) || root.type !== 'root') throw new Unreadable('会议记录内容缺少文档根节点');

  const lines: string[] = [];
  const marks = new Map<string, DocMark & { block: number }>();
  const speechIds: number[] = [];
  let chars = 0;
  let speech: number | null = null;
  let block = 0;
  let line = '';

  const endLine = () => {
    lines.push(line);
    line = '';
    block++;
  };

  const walk = (node: unknown, depth: number, openMarks: readonly string[]): void => {
    if (depth > MAX_DEPTH) throw new Unreadable('会议记录的层级过深，无法保存');
    if (!isObject(node) || typeof node.type !== 'string') throw new Unreadable('会议记录内容有损坏的节点');
    const type = node.type;
    if (type === 'text' || type === 'tab') {
      if (typeof node.text !== 'string') throw new Unreadable('会议记录的文字节点缺少文字');
      if (node.format !== undefined && typeof node.format !== 'number') throw new Unreadable('会议记录的文字格式无效');
      const text = cleanText(node.text);
      line += text;
      chars += countChars(text);
      for (const id of openMarks) {
        const m = marks.get(id)!;
        const joiner = m.excerpt && m.block !== block ? '\n' : '';
        if (m.excerpt.length < MAX_EXCERPT) m.excerpt = (m.excerpt + joiner + text).slice(0, MAX_EXCERPT);
        m.block = block;
      }
      return;
    }
    if (type === 'linebreak') {
      line += '\n';
      return;
    }
    if (type === 'speaker') {
      if (depth !== 1) throw new Unreadable('发言人标题只能位于正文顶层');
      const id = node.speechId;
      if (!Number.isInteger(id) || (id as number) <= 0) throw new Unreadable('发言人标题缺少有效的发言编号');
      for (const key of ['name', 'affiliation', 'kind', 'time'] as const) {
        if (typeof node[key] !== 'string') throw new Unreadable('发言人标题的内容不完整');
      }
      speech = id as number;
      speechIds.push(speech);
      line = speakerHeaderText(node as unknown as SpeakerNodeJson);
      endLine();
      return;
    }
    if (!BLOCKS.has(type) && !INLINE_ELEMENTS.has(type))
      throw new Unreadable(`会议记录含有无法识别的内容（${String(type).slice(0, 20)}）`);
    const children = node.children;
    if (!Array.isArray(children)) throw new Unreadable('会议记录内容有损坏的段落');
    let inner = openMarks;
    if (type === 'mark') {
      const ids = node.ids;
      if (!Array.isArray(ids)) throw new Unreadable('标记缺少编号');
      const fresh: string[] = [];
      for (const id of ids) {
        const kind = typeof id === 'string' ? markKindOf(id) : null;
        if (!kind) throw new Unreadable('标记的编号无效');
        if (!marks.has(id)) marks.set(id, { id, kind, excerpt: '', speechId: speech, order: marks.size + 1, block });
        if (!openMarks.includes(id)) fresh.push(id);
      }
      inner = fresh.length ? [...openMarks, ...fresh] : openMarks;
    }
    // A list holds items; an item's nested list is its own lines.
    const isLeafBlock = type === 'paragraph' || type === 'heading' || type === 'quote' || type === 'listitem';
    for (const child of children) {
      if (type === 'listitem' && isObject(child) && child.type === 'list' && line) endLine();
      walk(child, depth + 1, inner);
    }
    if (isLeafBlock && (line || type !== 'listitem' || children.length === 0)) endLine();
  };

  const children = root.children;
  if (!Array.isArray(children)) throw new Unreadable('会议记录内容缺少正文');
  for (const child of children) walk(child, 1, []);

  return {
    root: root as unknown as ElementNodeJson,
    plain: lines.join('\n'),
    chars,
    marks: [...marks.values()].map(({ block: _block, ...m }) => ({ ...m, excerpt: m.excerpt.trim() })),
    speechIds,
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Characters without whitespace, counting a CJK character or a surrogate pair as one. */
export function countChars(s: string): number {
  let n = 0;
  for (const ch of s) if (!/\s/.test(ch)) n++;
  return n;
}

/** A document of plain paragraphs, as Lexical writes one ('' is an empty line). */
export function paragraphsDoc(lines: readonly string[]): string {
  const text = (t: string) => ({ type: 'text', version: 1, detail: 0, format: 0, mode: 'normal', style: '', text: t });
  const paragraph = (t: string) => ({
    type: 'paragraph',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    textFormat: 0,
    textStyle: '',
    children: t ? [text(t)] : [],
  });
  return JSON.stringify({
    root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: lines.map(paragraph) },
  });
}

/** An empty document, as Lexical writes one (a root with one empty paragraph). */
export const emptyMinutesDoc = (): string => paragraphsDoc(['']);
