import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $getRoot,
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_LOW,
  createCommand,
  KEY_DOWN_COMMAND,
  SELECTION_CHANGE_COMMAND,
  type LexicalCommand,
  type LexicalEditor,
  type NodeKey,
} from 'lexical';
import { useEffect } from 'react';
import { $isSpeakerNode } from '../SpeakerNode';

/** Minutes longer than this open with the earlier speakers folded. */
export const FOLD_FROM_CHARS = 10_000;
/** Speaker sections kept open at the end while the rest is folded. */
export const KEEP_SECTIONS = 3;

/** 折叠前文: everything before the last KEEP_SECTIONS speakers' sections leaves the page (not where the caret is). */
export const FOLD_EARLIER_COMMAND: LexicalCommand<void> = createCommand('FOLD_EARLIER_COMMAND');
/** 展开全部: the folded text comes back. */
export const UNFOLD_COMMAND: LexicalCommand<void> = createCommand('UNFOLD_COMMAND');
/** The toolbar's fold button: folds when nothing is folded, else unfolds. */
export const TOGGLE_FOLD_COMMAND: LexicalCommand<void> = createCommand('TOGGLE_FOLD_COMMAND');

export interface Fold {
  /** Speaker sections folded away (content before the first speaker counts as one). */
  sections: number;
  chars: number;
  /** The top-level blocks off the page. */
  keys: ReadonlySet<NodeKey>;
}

/**
 * What folding would take off the page now: the top-level blocks before the last KEEP_SECTIONS
 * speakers' headers, stopping before the section that holds either end of the selection. Null
 * when there is nothing to fold.
 */
export function $foldEarlier(): Fold | null {
  const children = $getRoot().getChildren();
  const headers = children.flatMap((n, i) => ($isSpeakerNode(n) ? [i] : []));
  if (headers.length <= KEEP_SECTIONS) return null;
  let boundary = headers[headers.length - KEEP_SECTIONS];
  // Never fold away text inside the selection: both its ends stay shown.
  const selection = $getSelection();
  if ($isRangeSelection(selection)) {
    for (const point of [selection.anchor, selection.focus]) {
      const top = point.getNode().getTopLevelElement();
      const at = top ? children.findIndex((n) => n.is(top)) : -1;
      if (at >= 0 && at < boundary) boundary = Math.max(0, ...headers.filter((h) => h <= at));
    }
  }
  if (boundary === 0) return null;
  const keys = new Set<NodeKey>();
  let chars = 0;
  for (let i = 0; i < boundary; i++) {
    keys.add(children[i].getKey());
    chars += children[i].getTextContentSize();
  }
  const sections = headers.filter((h) => h < boundary).length + (headers[0] > 0 ? 1 : 0);
  return { sections, chars, keys };
}

/** The caret is in the first text shown: above it are only the section's header and folded text. */
function $caretAtFoldEdge(hidden: ReadonlySet<NodeKey>): boolean {
  const selection = $getSelection();
  let node = $isRangeSelection(selection)
    ? selection.anchor.getNode().getTopLevelElement()?.getPreviousSibling()
    : null;
  while (node && $isSpeakerNode(node)) node = node.getPreviousSibling();
  return !!node && hidden.has(node.getKey());
}

/**
 * Folds the earlier part of long minutes out of the page (display: none on its top-level
 * blocks), keeping the last speakers' sections and wherever the caret is. The browser's own
 * editing work grows with the text on the page (Chromium measures the caret's offset from the
 * start of the editable text at every keystroke); folded text is still in the document, saved
 * and exported: the fold is the view's alone and never changes the editor's state. It comes
 * back with 展开全部, or as soon as the caret goes there (undo, a mark jump, Ctrl+Home, PageUp,
 * ↑ on the first line shown). `onChange` hears every fold and unfold.
 */
export function registerFold(editor: LexicalEditor, onChange: (fold: Fold | null) => void): () => void {
  let hidden: ReadonlySet<NodeKey> = new Set();
  const show = (fold: Fold | null) => {
    const next = fold?.keys ?? new Set<NodeKey>();
    for (const key of hidden) if (!next.has(key)) editor.getElementByKey(key)?.style.removeProperty('display');
    for (const key of next) editor.getElementByKey(key)?.style.setProperty('display', 'none');
    hidden = next;
    onChange(fold);
  };
  const fold = () => {
    show($foldEarlier());
    return true;
  };
  const unfold = () => {
    show(null);
    return true;
  };
  return mergeRegister(
    editor.registerCommand(FOLD_EARLIER_COMMAND, fold, COMMAND_PRIORITY_EDITOR),
    editor.registerCommand(UNFOLD_COMMAND, unfold, COMMAND_PRIORITY_EDITOR),
    editor.registerCommand(TOGGLE_FOLD_COMMAND, () => (hidden.size ? unfold() : fold()), COMMAND_PRIORITY_EDITOR),
    // The caret went into folded text (undo, a mark jump): show everything.
    editor.registerCommand(
      SELECTION_CHANGE_COMMAND,
      () => {
        if (!hidden.size) return false;
        const selection = $getSelection();
        const top = $isRangeSelection(selection) ? selection.anchor.getNode().getTopLevelElement() : null;
        if (top && hidden.has(top.getKey())) unfold();
        return false;
      },
      COMMAND_PRIORITY_LOW,
    ),
    // The browser skips hidden text when moving the caret: Ctrl+Home, PageUp, and ↑ on the first
    // shown line mean "go further up", so unfold before the key does its work.
    editor.registerCommand(
      KEY_DOWN_COMMAND,
      (e: KeyboardEvent) => {
        if (!hidden.size) return false;
        const up =
          (e.key === 'Home' && (e.ctrlKey || e.metaKey)) ||
          e.key === 'PageUp' ||
          (e.key === 'ArrowUp' && $caretAtFoldEdge(hidden));
        if (up) unfold();
        return false;
      },
      COMMAND_PRIORITY_LOW,
    ),
    // Unregistered (the editor goes, or is set up again): nothing stays hidden without a record of it.
    () => {
      if (hidden.size) show(null);
    },
  );
}

/** The fold's commands and keys on the composer's editor (see registerFold); long minutes open folded. */
export function FoldPlugin({ onChange }: { onChange(fold: Fold | null): void }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const off = registerFold(editor, onChange);
    // Opening long minutes: fold once the editor has drawn them.
    const long = editor.getEditorState().read(() => $getRoot().getTextContentSize() > FOLD_FROM_CHARS);
    const frame = long ? requestAnimationFrame(() => editor.dispatchCommand(FOLD_EARLIER_COMMAND, undefined)) : 0;
    return () => {
      cancelAnimationFrame(frame);
      off();
    };
  }, [editor, onChange]);
  return null;
}
