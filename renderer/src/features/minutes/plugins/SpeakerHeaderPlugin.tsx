import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $insertNodeToNearestRoot, mergeRegister } from '@lexical/utils';
import {
  $addUpdateTag,
  $createParagraphNode,
  $getRoot,
  $getNodeByKey,
  $getSelection,
  CLICK_COMMAND,
  COLLABORATION_TAG,
  COMMAND_PRIORITY_LOW,
  $getNearestNodeFromDOMNode,
  $isElementNode,
  $isParagraphNode,
  $isRangeSelection,
  SKIP_DOM_SELECTION_TAG,
  SKIP_SCROLL_INTO_VIEW_TAG,
  SKIP_SELECTION_FOCUS_TAG,
  COMMAND_PRIORITY_EDITOR,
  createCommand,
  type LexicalCommand,
  type LexicalEditor,
  type LexicalNode,
  type ParagraphNode,
} from 'lexical';
import { useEffect, useRef } from 'react';
import { $createSpeakerNode, $isSpeakerNode, SpeakerNode, type SpeakerInfo } from '../SpeakerNode';

const HEADER_TAG = 'speaker-header';
/**
 * A header is written while the secretary may be working the queue: the update must not move
 * the focus into the editor (Space and N would then type instead of pausing) nor scroll it.
 */
const headerTags = [HEADER_TAG, SKIP_SELECTION_FOCUS_TAG, SKIP_SCROLL_INTO_VIEW_TAG];

function $hasHeader(speechId: number): boolean {
  return $getRoot()
    .getChildren()
    .some((n) => $isSpeakerNode(n) && n.speechId === speechId);
}

/** The caret at the end of this block (or nowhere yet: focusing later puts it at the end anyway). */
function $caretAtEndOf(block: LexicalNode | null): boolean {
  const selection = $getSelection();
  if (selection === null) return true;
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return false;
  if (!block || !$isElementNode(block)) return block === null;
  const { anchor } = selection;
  const node = anchor.getNode();
  if (!node.getTopLevelElement()?.is(block) && !node.is(block)) return false;
  if ($isElementNode(node))
    return anchor.offset === node.getChildrenSize() && (node.is(block) || node.is(block.getLastDescendant()));
  return node.is(block.getLastDescendant()) && anchor.offset === node.getTextContentSize();
}

/**
 * The caret is where the minutes end: at the end of the last text, or in the empty line after it.
 * Only there does it follow a new speaker; anywhere else the secretary is mending earlier words.
 */
function $caretAtEnd(): boolean {
  const selection = $getSelection();
  // Never placed (the editor not yet used): focusing it later puts the caret at the end anyway.
  if (selection === null) return true;
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return false;
  const root = $getRoot();
  const last = root.getLastChild();
  if (!last) return true;
  const { anchor } = selection;
  const node = anchor.getNode();
  const atEndOf = (block: LexicalNode | null) => {
    if (!block || !$isElementNode(block) || !node.getTopLevelElement()?.is(block)) return false;
    if ($isElementNode(node))
      return anchor.offset === node.getChildrenSize() && (node.is(block) || node.is(block.getLastDescendant()));
    return node.is(block.getLastDescendant()) && anchor.offset === node.getTextContentSize();
  };
  // A trailing empty line counts as the end, and so does the end of the text just above it.
  const trailingEmpty = $isParagraphNode(last) && last.getChildrenSize() === 0;
  return atEndOf(last) || (trailingEmpty && atEndOf(last.getPreviousSibling()));
}

/**
 * Appends the speaker's header at the end of the minutes. When the text ends in an empty line
 * (the secretary pressed Enter and waits), the header goes above it, so typing continues below
 * the new header; otherwise the header and a fresh line follow the text. A caret at the end of
 * the minutes moves under the new header; elsewhere it stays (a sentence still being mended).
 * Returns whether the caret followed, or null when the header was there already.
 */
function $appendHeader(info: SpeakerInfo): boolean | null {
  if ($hasHeader(info.speechId)) return null;
  const follow = $caretAtEnd();
  const root = $getRoot();
  const header = $createSpeakerNode(info);
  const last = root.getLastChild();
  let line: ParagraphNode;
  if ($isParagraphNode(last) && last.getChildrenSize() === 0) {
    last.insertBefore(header);
    line = last;
  } else {
    line = $createParagraphNode();
    root.append(header, line);
  }
  if (follow) line.select();
  return follow;
}

/** The empty line under a speaker's header, for the hint's 跳到新发言人. */
export function jumpUnderHeader(editor: LexicalEditor, speechId: number): void {
  editor.update(() => {
    const header = $getRoot()
      .getChildren()
      .find((n) => $isSpeakerNode(n) && n.speechId === speechId);
    const next = header?.getNextSibling();
    if ($isParagraphNode(next)) next.selectEnd();
    else if (header) header.insertAfter($createParagraphNode()).selectEnd();
  });
  editor.focus();
}

/**
 * The core writes a new speaker's header into the shared document (electron/core/minutesSync).
 * When it arrives here and the caret was at the end of the minutes, the caret moves under it, so
 * typing goes on in the new section; anywhere else the caret stays (a sentence still being
 * mended) and `onArrived` says so. Never while an input method composes: the update waits.
 */
export function registerHeaderFollow(
  editor: LexicalEditor,
  onArrived: (info: SpeakerInfo, followed: boolean) => void,
): () => void {
  return editor.registerMutationListener(
    SpeakerNode,
    (mutations, { updateTags }) => {
      if (!updateTags.has(COLLABORATION_TAG)) return;
      const created = [...mutations].filter(([, m]) => m === 'created').map(([key]) => key);
      // One new header is a speaker starting; many are the document arriving when it opens.
      if (created.length !== 1) return;
      // Where the caret is now, the new header and the line under it aside: at the end of the text
      // before them (it follows), already in that line (it is there), or elsewhere (it stays).
      const seen = editor.getEditorState().read(() => {
        const node = $getNodeByKey(created[0]);
        if (!$isSpeakerNode(node) || node.getNextSibling()?.getNextSibling()) return null;
        const selection = $getSelection();
        const under = node.getNextSibling();
        const inLineUnder =
          $isRangeSelection(selection) &&
          under !== null &&
          selection.anchor.getNode().getTopLevelElement()?.is(under) === true;
        return { info: node.__info, inLineUnder, atEnd: inLineUnder || $caretAtEndOf(node.getPreviousSibling()) };
      });
      if (!seen) return;
      const { info } = seen;
      if (seen.inLineUnder) return onArrived(info, true);
      if (!seen.atEnd) return onArrived(info, false);
      const focused = editor.getRootElement()?.contains(document.activeElement) ?? false;
      // Away from the editor, the caret moves in the document only: placing it on the page would
      // focus the editor, and Space and N would type instead of working the queue.
      const tag = focused ? headerTags : [...headerTags, SKIP_DOM_SELECTION_TAG];
      editor.update(
        () => {
          const header = $getRoot()
            .getChildren()
            .find((n) => $isSpeakerNode(n) && n.speechId === info.speechId);
          const next = header?.getNextSibling();
          // The empty line the caret waited in stays above the header: another window may be typing into it.
          if ($isParagraphNode(next)) next.selectEnd();
        },
        { tag, onUpdate: () => onArrived(info, true) },
      );
    },
    { skipInitialization: true },
  );
}

/**
 * A click on a header (a block the caret cannot enter) puts the caret at the start of its
 * section, so typing goes on there instead of nowhere.
 */
export function registerHeaderClick(editor: LexicalEditor): () => void {
  return editor.registerCommand(
    CLICK_COMMAND,
    (e: MouseEvent) => {
      const el = (e.target as HTMLElement | null)?.closest?.('.speaker-header');
      if (!el) return false;
      const node = $getNearestNodeFromDOMNode(el);
      if (!$isSpeakerNode(node)) return false;
      const next = node.getNextSibling();
      if ($isParagraphNode(next)) next.selectStart();
      else node.insertAfter($createParagraphNode()).selectStart();
      return true;
    },
    COMMAND_PRIORITY_LOW,
  );
}

/** The header-follow and the header click on the composer's editor. */
export function HeaderFollowPlugin({ onArrived }: { onArrived(info: SpeakerInfo, followed: boolean): void }) {
  const [editor] = useLexicalComposerContext();
  const ref = useRef(onArrived);
  ref.current = onArrived;
  useEffect(() => registerHeaderFollow(editor, (info, followed) => ref.current(info, followed)), [editor]);
  useEffect(() => registerHeaderCommand(editor), [editor]);
  useEffect(() => (editor.isEditable() ? registerHeaderClick(editor) : undefined), [editor]);
  return null;
}

/** 插入发言人: this speaker's header at the caret (or at the end), once per speech. */
export const INSERT_HEADER_COMMAND: LexicalCommand<SpeakerInfo> = createCommand('INSERT_HEADER_COMMAND');

/** The header of this speech at the caret, or at the end without one; nothing when it has one already. */
export function $insertHeaderAtCaret(info: SpeakerInfo): void {
  if ($hasHeader(info.speechId)) return;
  $addUpdateTag(HEADER_TAG);
  const selection = $getSelection();
  if ($isRangeSelection(selection)) $insertNodeToNearestRoot($createSpeakerNode(info));
  else $appendHeader(info);
}

/** The header's command on an editor (the toolbar dispatches it). */
export function registerHeaderCommand(editor: LexicalEditor): () => void {
  return mergeRegister(
    editor.registerCommand(
      INSERT_HEADER_COMMAND,
      (info) => {
        $insertHeaderAtCaret(info);
        return true;
      },
      COMMAND_PRIORITY_EDITOR,
    ),
  );
}
