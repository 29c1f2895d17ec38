import { mergeRegister } from '@lexical/utils';
import {
  $getRoot,
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_LOW,
  KEY_DOWN_COMMAND,
  SELECTION_CHANGE_COMMAND,
  type LexicalEditor,
  type NodeKey,
} from 'lexical';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { $isSpeakerNode } from '../SpeakerNode';

/** Minutes longer than this open with the earlier speakers folded. */
export const FOLD_FROM_CHARS = 10_000;
/** Speaker sections kept open at the end while the rest is folded. */
export const KEEP_SECTIONS = 3;

export interface FoldInfo {
  /** Speaker sections folded away (content before the first speaker counts as one). */
  sections: number;
  chars: number;
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
 * and exported, and comes back with 展开全部 or as soon as the caret or a mark jump goes there.
 */
export function useSectionFold(editor: LexicalEditor) {
  const hidden = useRef(new Set<NodeKey>());
  const [info, setInfo] = useState<FoldInfo | null>(null);

  const apply = useCallback(
    (next: Set<NodeKey>) => {
      for (const key of hidden.current)
        if (!next.has(key)) editor.getElementByKey(key)?.style.removeProperty('display');
      for (const key of next) editor.getElementByKey(key)?.style.setProperty('display', 'none');
      hidden.current = next;
    },
    [editor],
  );

  const expandAll = useCallback(() => {
    apply(new Set());
    setInfo(null);
  }, [apply]);

  /** Folds everything before the last KEEP_SECTIONS speakers, never the block holding the caret. */
  const foldEarlier = useCallback(() => {
    const next = new Set<NodeKey>();
    let sections = 0;
    let chars = 0;
    editor.getEditorState().read(() => {
      const children = $getRoot().getChildren();
      const headers = children.flatMap((n, i) => ($isSpeakerNode(n) ? [i] : []));
      if (headers.length <= KEEP_SECTIONS) return;
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
      for (let i = 0; i < boundary; i++) {
        next.add(children[i].getKey());
        chars += children[i].getTextContentSize();
      }
      sections = headers.filter((h) => h < boundary).length + (headers[0] > 0 && boundary > 0 ? 1 : 0);
    });
    apply(next);
    setInfo(next.size ? { sections, chars } : null);
  }, [editor, apply]);

  useEffect(() => {
    // Opening long minutes: fold once the editor has drawn them.
    const long = editor.getEditorState().read(() => $getRoot().getTextContentSize() > FOLD_FROM_CHARS);
    if (long) requestAnimationFrame(foldEarlier);
    return mergeRegister(
      // The caret went into folded text (undo, a mark jump): show everything.
      editor.registerCommand(
        SELECTION_CHANGE_COMMAND,
        () => {
          if (!hidden.current.size) return false;
          const selection = $getSelection();
          const top = $isRangeSelection(selection) ? selection.anchor.getNode().getTopLevelElement() : null;
          if (top && hidden.current.has(top.getKey())) expandAll();
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
      // The browser skips hidden text when moving the caret: Ctrl+Home, PageUp, and ↑ on the first
      // shown line mean "go further up", so unfold before the key does its work.
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (e: KeyboardEvent) => {
          if (!hidden.current.size) return false;
          const up =
            (e.key === 'Home' && (e.ctrlKey || e.metaKey)) ||
            e.key === 'PageUp' ||
            (e.key === 'ArrowUp' && $caretAtFoldEdge(hidden.current));
          if (up) expandAll();
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
    );
  }, [editor, foldEarlier, expandAll]);

  return useMemo(
    () => ({ info, foldEarlier, expandAll, isFolded: () => hidden.current.size > 0 }),
    [info, foldEarlier, expandAll],
  );
}
