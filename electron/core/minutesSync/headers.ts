import { $createMarkNode } from '@lexical/mark';
import { $createParagraphNode, $createTextNode, $getRoot, $isParagraphNode } from 'lexical';
import { $isSpeakerNode, SpeakerNode, type SpeakerInfo } from './nodes';

const $headerOf = (speechId: number) =>
  $getRoot()
    .getChildren()
    .find((n): n is SpeakerNode => $isSpeakerNode(n) && n.speechId === speechId);

/**
 * The speaker's header and a fresh line at the very end of the minutes, once per speech. Never
 * before a line that looks empty here: a window may be typing into it this moment, and its words
 * would land under the new speaker. The window whose caret was at the end moves it under the
 * header.
 */
export function $appendHeader(info: SpeakerInfo): boolean {
  if ($headerOf(info.speechId)) return false;
  $getRoot().append(new SpeakerNode({ ...info }), $createParagraphNode());
  return true;
}

/**
 * A speech whose times were entered or corrected afterwards. A header it has shows the new start
 * (where it stands: its section's words stay under it). Without one, and when `insert`, it gets
 * one before the first header of a speech that started later, so the sections keep the order
 * of speaking; after all of them it goes at the end, as $appendHeader puts it.
 */
export function $placeHeader(info: SpeakerInfo, startOf: ReadonlyMap<number, number>, insert: boolean): void {
  const header = $headerOf(info.speechId);
  if (header) {
    // Replaced, never mutated: the binding compares __info by reference.
    if (header.__info.time !== info.time)
      header.getWritable().__info = { ...header.getLatest().__info, time: info.time };
    return;
  }
  if (!insert) return;
  const start = startOf.get(info.speechId) ?? Infinity;
  const later = $getRoot()
    .getChildren()
    .find((n): n is SpeakerNode => $isSpeakerNode(n) && (startOf.get(n.speechId) ?? -Infinity) > start);
  if (!later) return void $appendHeader(info);
  const placed = new SpeakerNode({ ...info });
  later.insertBefore(placed);
  placed.insertAfter($createParagraphNode());
}

/**
 * A start taken back within seconds leaves no header: its header goes, the lines of its section
 * (if anything was typed) joining the section before; the empty line under it goes too.
 */
export function $dropHeader(speechId: number): void {
  const header = $headerOf(speechId);
  if (!header) return;
  const next = header.getNextSibling();
  if ($isParagraphNode(next) && next.getChildrenSize() === 0 && !next.getNextSibling()) next.remove();
  header.remove();
  if ($getRoot().getChildrenSize() === 0) $getRoot().append($createParagraphNode());
}

/**
 * A written opinion handed in from a phone: one paragraph at the end of the minutes, its text
 * marked as a suggestion (建议), so it sits with the marks and can be taken into a resolution
 * like any other. Its author is named before it.
 */
export function $appendOpinion(o: { markId: string; author: string; text: string }): void {
  const mark = $createMarkNode([o.markId]).append($createTextNode(o.text.replace(/\s*\n+\s*/g, ' ')));
  const paragraph = $createParagraphNode().append($createTextNode(`书面意见（${o.author}）：`), mark);
  $getRoot().append(paragraph, $createParagraphNode());
}
