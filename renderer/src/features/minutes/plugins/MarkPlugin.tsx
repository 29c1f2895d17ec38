import { $isMarkNode, $unwrapMarkNode, $wrapSelectionInMarkNode, MarkNode } from '@lexical/mark';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $dfs, mergeRegister } from '@lexical/utils';
import {
  $getNodeByKey,
  $getSelection,
  $isRangeSelection,
  $onUpdate,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_NORMAL,
  createCommand,
  KEY_DOWN_COMMAND,
  type LexicalCommand,
  type LexicalEditor,
} from 'lexical';
import { useEffect } from 'react';
import { listSep } from '../../../components/text';
import { markId, markKindOf, markKinds, type MarkKind } from '../../../../../shared/domain/minutesDoc';

/** 标记: the selected text becomes a mark of this kind (the toolbar's buttons, Alt+1/2/3); false when nothing is selected. */
export const APPLY_MARK_COMMAND: LexicalCommand<MarkKind> = createCommand('APPLY_MARK_COMMAND');
/** 取消标记: a mark's text stays, unhighlighted (the toolbar, the marks panel). */
export const REMOVE_MARK_COMMAND: LexicalCommand<string> = createCommand('REMOVE_MARK_COMMAND');

/**
 * Marks the selected text as 建议, 回应/承诺 or 共识. The mark lives in the document (its id says
 * its kind); the core records it with its excerpt and speech when the document is saved.
 * Returns false when nothing is selected.
 */
export function $applyMark(kind: MarkKind): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || selection.isCollapsed() || !selection.getTextContent().trim()) return false;
  $wrapSelectionInMarkNode(selection, selection.isBackward(), markId(kind, crypto.randomUUID()));
  return true;
}

/** Removes a mark: its text stays, unhighlighted; the record goes at the next save. */
export function $removeMark(id: string): void {
  for (const { node } of $dfs()) {
    if (!$isMarkNode(node) || !node.hasID(id)) continue;
    node.deleteID(id);
    if (node.getIDs().length === 0) $unwrapMarkNode(node);
  }
}

/**
 * The marks' behaviour on an editor: the two commands, Alt+1/2/3, and each highlighted passage's
 * kind shown by colour and on hover. `onMarked` and `onChanged` run once the change is in the
 * editor's state (saving then includes it).
 */
export function registerMarks(
  editor: LexicalEditor,
  { onMarked, onChanged }: { onMarked(kind: MarkKind): void; onChanged(): void },
): () => void {
  return mergeRegister(
    editor.registerCommand(
      APPLY_MARK_COMMAND,
      (kind) => {
        if (!$applyMark(kind)) return false;
        $onUpdate(() => onMarked(kind));
        return true;
      },
      COMMAND_PRIORITY_EDITOR,
    ),
    editor.registerCommand(
      REMOVE_MARK_COMMAND,
      (id) => {
        $removeMark(id);
        $onUpdate(onChanged);
        return true;
      },
      COMMAND_PRIORITY_EDITOR,
    ),
    editor.registerCommand(
      KEY_DOWN_COMMAND,
      (e: KeyboardEvent) => {
        if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return false;
        const index = ['Digit1', 'Digit2', 'Digit3'].indexOf(e.code);
        if (index < 0) return false;
        e.preventDefault();
        editor.dispatchCommand(APPLY_MARK_COMMAND, markKinds[index]);
        return true;
      },
      COMMAND_PRIORITY_NORMAL,
    ),
    editor.registerMutationListener(MarkNode, (mutations) => {
      editor.getEditorState().read(() => {
        for (const [key, mutation] of mutations) {
          if (mutation === 'destroyed') continue;
          const el = editor.getElementByKey(key);
          const node = $getNodeByKey(key);
          if (!el || !$isMarkNode(node)) continue;
          const kinds = node.getIDs().map(markKindOf).filter(Boolean);
          el.dataset.kind = kinds[0] ?? '';
          el.title = kinds.join(listSep);
        }
      });
    }),
  );
}

/** The marks around the caret (for the toolbar's 取消标记). */
export function marksAtSelection(editor: LexicalEditor): string[] {
  return editor.getEditorState().read(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return [];
    const ids = new Set<string>();
    for (const node of [selection.anchor.getNode(), selection.focus.getNode()]) {
      for (let n: ReturnType<typeof node.getParent> | typeof node = node; n; n = n.getParent())
        if ($isMarkNode(n)) n.getIDs().forEach((id) => ids.add(id));
    }
    return [...ids];
  });
}

/** Selects a mark's text and scrolls it into the middle of the view. */
export function jumpToMark(editor: LexicalEditor, id: string): void {
  let key: string | null = null;
  editor.update(
    () => {
      for (const { node } of $dfs()) {
        if ($isMarkNode(node) && node.hasID(id)) {
          node.select(0, node.getChildrenSize());
          key = node.getKey();
          return;
        }
      }
    },
    {
      onUpdate: () => {
        const el = key ? editor.getElementByKey(key) : null;
        if (!el) return;
        el.scrollIntoView({ block: 'center' });
        el.classList.add('m-mark-flash');
        setTimeout(() => el.classList.remove('m-mark-flash'), 1200);
        editor.focus();
      },
    },
  );
}

/** The marks' commands and keys on the composer's editor (see registerMarks). */
export function MarkPlugin({ onMarked, onChanged }: { onMarked(kind: MarkKind): void; onChanged(): void }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerMarks(editor, { onMarked, onChanged }), [editor, onMarked, onChanged]);
  return null;
}
