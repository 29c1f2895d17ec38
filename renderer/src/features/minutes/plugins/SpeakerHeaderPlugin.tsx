import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $insertNodeToNearestRoot } from '@lexical/utils';
import { $createParagraphNode, $getRoot, $getSelection, $isParagraphNode, $isRangeSelection, SKIP_SCROLL_INTO_VIEW_TAG, SKIP_SELECTION_FOCUS_TAG, type LexicalEditor } from 'lexical';
import { useEffect } from 'react';
import { $createSpeakerNode, $isSpeakerNode, type SpeakerInfo } from '../SpeakerNode';

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

/**
 * Appends the speaker's header at the end of the minutes. When the text ends in an empty line
 * (the secretary pressed Enter and waits), the header goes above it, so typing continues below
 * the new header; otherwise the header and a fresh line follow the text. The caret is not moved:
 * a sentence still being finished stays where it is.
 */
function $appendHeader(info: SpeakerInfo): void {
  if ($hasHeader(info.speechId)) return;
  const root = $getRoot();
  const header = $createSpeakerNode(info);
  const last = root.getLastChild();
  if ($isParagraphNode(last) && last.getChildrenSize() === 0) last.insertBefore(header);
  else root.append(header, $createParagraphNode());
}

/** Runs `fn` now, or once the input method has finished composing: an update mid-composition would break it. */
function whenNotComposing(editor: LexicalEditor, fn: () => void): () => void {
  if (!editor.isComposing()) {
    fn();
    return () => {};
  }
  const root = editor.getRootElement();
  const run = () => setTimeout(fn, 0);
  root?.addEventListener('compositionend', run, { once: true });
  return () => root?.removeEventListener('compositionend', run);
}

/** Inserts a header when a new speaker takes the floor (the setting 自动插入发言人标题). */
export function SpeakerHeaderPlugin({ floor, enabled, onInserted }: { floor: SpeakerInfo | null; enabled: boolean; onInserted(): void }) {
  const [editor] = useLexicalComposerContext();
  const speechId = floor?.speechId;
  useEffect(() => {
    if (!floor || !enabled || !editor.isEditable()) return;
    return whenNotComposing(editor, () => editor.update(() => $appendHeader(floor), { tag: headerTags, onUpdate: onInserted }));
    // The header is written once per speech: a new speech id is what matters, not a re-render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, speechId, enabled]);
  return null;
}

/** The toolbar's 插入发言人: the current speaker's header at the caret (or at the end). */
export function insertHeaderAtCaret(editor: LexicalEditor, info: SpeakerInfo): void {
  editor.update(
    () => {
      if ($hasHeader(info.speechId)) return;
      const selection = $getSelection();
      if ($isRangeSelection(selection)) $insertNodeToNearestRoot($createSpeakerNode(info));
      else $appendHeader(info);
    },
    { tag: HEADER_TAG },
  );
}
