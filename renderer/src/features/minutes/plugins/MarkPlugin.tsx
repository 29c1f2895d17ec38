import { $isMarkNode, $unwrapMarkNode, $wrapSelectionInMarkNode, MarkNode } from '@lexical/mark';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $dfs } from '@lexical/utils';
import {
  $getNodeByKey,
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_NORMAL,
  KEY_DOWN_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { useEffect } from 'react';
import { listSep } from '../../../components/text';
import { markId, markKindOf, markKinds, type MarkKind } from '../../../../../shared/domain/minutesDoc';

/**
 * Marks the selected text as 建议, 回应/承诺 or 共识. The mark lives in the document (its id says
 * its kind); the core records it with its excerpt and speech when the document is saved.
 * `committed` runs once the change is in the editor's state (saving then includes it).
 * Returns false when nothing is selected.
 */
export function applyMark(editor: LexicalEditor, kind: MarkKind, committed: () => void): boolean {
  let applied = false;
  editor.update(
    () => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection) || selection.isCollapsed() || !selection.getTextContent().trim()) return;
      $wrapSelectionInMarkNode(selection, selection.isBackward(), markId(kind, crypto.randomUUID()));
      applied = true;
    },
    { onUpdate: () => applied && committed() },
  );
  return applied;
}

/** Removes a mark: its text stays, unhighlighted; the record goes at the next save. */
export function removeMark(editor: LexicalEditor, id: string, committed: () => void): void {
  editor.update(
    () => {
      for (const { node } of $dfs()) {
        if (!$isMarkNode(node) || !node.hasID(id)) continue;
        node.deleteID(id);
        if (node.getIDs().length === 0) $unwrapMarkNode(node);
      }
    },
    { onUpdate: committed },
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

/** Alt+1/2/3 mark the selection; each highlighted passage shows its kind by colour and on hover. */
export function MarkPlugin({ onMarked }: { onMarked(kind: MarkKind): void }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const offKeys = editor.registerCommand(
      KEY_DOWN_COMMAND,
      (e: KeyboardEvent) => {
        if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return false;
        const index = ['Digit1', 'Digit2', 'Digit3'].indexOf(e.code);
        if (index < 0) return false;
        e.preventDefault();
        const kind = markKinds[index];
        applyMark(editor, kind, () => onMarked(kind));
        return true;
      },
      COMMAND_PRIORITY_NORMAL,
    );
    const offMutations = editor.registerMutationListener(MarkNode, (mutations) => {
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
    });
    return () => {
      offKeys();
      offMutations();
    };
  }, [editor, onMarked]);
  return null;
}
