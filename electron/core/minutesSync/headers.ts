import { $createParagraphNode, $getRoot, $isParagraphNode } from 'lexical';
import { $isSpeakerNode, SpeakerNode, type SpeakerInfo } from './nodes';

const $headerOf = (speechId: number) =>
  $getRoot()
    .getChildren()
    .find((n): n is SpeakerNode => $isSpeakerNode(n) && n.speechId === speechId);

/**
 * The speaker's header at the end of the minutes, once per speech. A trailing empty line (the
 * secretary pressed Enter and waits) goes under the header, so typing there continues below it;
 * otherwise the header and a fresh line follow the text.
 */
export function $appendHeader(info: SpeakerInfo): boolean {
  if ($headerOf(info.speechId)) return false;
  const root = $getRoot();
  const header = new SpeakerNode({ ...info });
  const last = root.getLastChild();
  if ($isParagraphNode(last) && last.getChildrenSize() === 0) last.insertBefore(header);
  else root.append(header, $createParagraphNode());
  return true;
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
