// The minutes' mark, header and fold behaviours as Lexical commands, on an editor without a DOM.
// @lexical/headless is not installed; its createHeadlessEditor is createEditor marked headless
// (so that updates commit without a root element), which is what editorWith does.
import { $isMarkNode } from '@lexical/mark';
import { $dfs } from '@lexical/utils';
import {
  $createParagraphNode,
  $createTextNode,
  $getNodeByKey,
  $getRoot,
  $isParagraphNode,
  createEditor,
  KEY_DOWN_COMMAND,
  SELECTION_CHANGE_COMMAND,
  type LexicalEditor,
  type TextNode,
} from 'lexical';
import { describe, expect, it, vi } from 'vitest';
import { markKindOf, type MarkKind } from '../../shared/domain/minutesDoc';
import { minutesNodes } from '../../renderer/src/features/minutes/editorConfig';
import {
  APPLY_MARK_COMMAND,
  REMOVE_MARK_COMMAND,
  registerMarks,
} from '../../renderer/src/features/minutes/plugins/MarkPlugin';
import {
  FOLD_EARLIER_COMMAND,
  KEEP_SECTIONS,
  registerFold,
  TOGGLE_FOLD_COMMAND,
  UNFOLD_COMMAND,
  type Fold,
} from '../../renderer/src/features/minutes/plugins/FoldPlugin';
import {
  INSERT_HEADER_COMMAND,
  registerHeaderCommand,
} from '../../renderer/src/features/minutes/plugins/SpeakerHeaderPlugin';
import { $createSpeakerNode, $isSpeakerNode, type SpeakerInfo } from '../../renderer/src/features/minutes/SpeakerNode';

const speaker: SpeakerInfo = { speechId: 7, name: '李娟', affiliation: '经济界', kind: '预约发言', time: '09:30' };

function editorWith(text: string): { editor: LexicalEditor; key: string } {
  const editor = createEditor({
    namespace: 'test',
    nodes: minutesNodes,
    onError: (e) => {
      throw e;
    },
  });
  (editor as unknown as { _headless: boolean })._headless = true;
  let key = '';
  editor.update(
    () => {
      const node = $createTextNode(text);
      key = node.getKey();
      $getRoot().append($createParagraphNode().append(node));
    },
    { discrete: true },
  );
  return { editor, key };
}

/** A dispatched command's update commits in a microtask, as in the app: wait for it. */
const committed = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The marks in the document as [kind, text]. */
const marks = (editor: LexicalEditor) =>
  editor.getEditorState().read(() =>
    $dfs()
      .map(({ node }) => node)
      .filter($isMarkNode)
      .map((m) => [markKindOf(m.getIDs()[0]), m.getTextContent()] as [MarkKind | null, string]),
  );

const select = (editor: LexicalEditor, key: string, from: number, to: number) =>
  editor.update(() => $getNodeByKey<TextNode>(key)?.select(from, to), { discrete: true });

describe('mark commands', () => {
  it('APPLY_MARK_COMMAND wraps the selection in a mark of that kind and reports it once committed', async () => {
    const { editor, key } = editorWith('建议增设公厕指引牌');
    const onMarked = vi.fn();
    const off = registerMarks(editor, { onMarked, onChanged: vi.fn() });
    select(editor, key, 2, 9);

    expect(editor.dispatchCommand(APPLY_MARK_COMMAND, '建议')).toBe(true);
    expect(onMarked).not.toHaveBeenCalled();
    await committed();
    expect(marks(editor)).toEqual([['建议', '增设公厕指引牌']]);
    expect(onMarked).toHaveBeenCalledExactlyOnceWith('建议');
    off();
  });

  it('refuses a collapsed selection: nothing is marked and nothing reported', async () => {
    const { editor, key } = editorWith('共识');
    const onMarked = vi.fn();
    const off = registerMarks(editor, { onMarked, onChanged: vi.fn() });
    select(editor, key, 1, 1);

    expect(editor.dispatchCommand(APPLY_MARK_COMMAND, '共识')).toBe(false);
    await committed();
    expect(marks(editor)).toEqual([]);
    expect(onMarked).not.toHaveBeenCalled();
    off();
  });

  it('REMOVE_MARK_COMMAND unwraps the mark and keeps its text', async () => {
    const { editor, key } = editorWith('请部门回应');
    const onChanged = vi.fn();
    const off = registerMarks(editor, { onMarked: vi.fn(), onChanged });
    select(editor, key, 0, 5);
    editor.dispatchCommand(APPLY_MARK_COMMAND, '回应/承诺');
    await committed();
    const id = editor.getEditorState().read(() => {
      const mark = $dfs().find(({ node }) => $isMarkNode(node))?.node ?? null;
      return $isMarkNode(mark) ? mark.getIDs()[0] : '';
    });
    expect(markKindOf(id)).toBe('回应/承诺');

    expect(editor.dispatchCommand(REMOVE_MARK_COMMAND, id)).toBe(true);
    await committed();
    expect(marks(editor)).toEqual([]);
    expect(editor.getEditorState().read(() => $getRoot().getTextContent())).toBe('请部门回应');
    expect(onChanged).toHaveBeenCalledOnce();
    off();
  });

  it('is gone once unregistered: the command is then not handled', async () => {
    const { editor, key } = editorWith('建议');
    const off = registerMarks(editor, { onMarked: vi.fn(), onChanged: vi.fn() });
    off();
    select(editor, key, 0, 2);
    expect(editor.dispatchCommand(APPLY_MARK_COMMAND, '建议')).toBe(false);
    await committed();
    expect(marks(editor)).toEqual([]);
  });
});

describe('header command', () => {
  const headers = (editor: LexicalEditor) =>
    editor.getEditorState().read(() =>
      $getRoot()
        .getChildren()
        .filter($isSpeakerNode)
        .map((n) => n.speechId),
    );

  it('INSERT_HEADER_COMMAND puts the speaker’s header in once, however often it is dispatched', async () => {
    const { editor } = editorWith('开场');
    const off = registerHeaderCommand(editor);
    expect(editor.dispatchCommand(INSERT_HEADER_COMMAND, speaker)).toBe(true);
    await committed();
    editor.dispatchCommand(INSERT_HEADER_COMMAND, speaker);
    await committed();
    expect(headers(editor)).toEqual([7]);
    // Without a caret the header goes at the end, followed by a fresh line to type in.
    const last = editor.getEditorState().read(() => $isParagraphNode($getRoot().getLastChild()));
    expect(last).toBe(true);
    off();
    expect(editor.dispatchCommand(INSERT_HEADER_COMMAND, { ...speaker, speechId: 8 })).toBe(false);
  });
});

describe('fold commands', () => {
  /**
   * An opening paragraph, then `sections` speakers each with one paragraph of text: the keys of
   * the top-level blocks in order, and of each section's text.
   */
  function minutesWith(sections: number) {
    const { editor } = editorWith('开场白');
    const text: string[] = [];
    editor.update(
      () => {
        for (let i = 1; i <= sections; i++) {
          const line = $createTextNode(`第${i}位发言`);
          text.push(line.getKey());
          $getRoot().append(
            $createSpeakerNode({ ...speaker, speechId: i, name: `发言人${i}` }),
            $createParagraphNode().append(line),
          );
        }
      },
      { discrete: true },
    );
    const blocks = editor.getEditorState().read(() =>
      $getRoot()
        .getChildren()
        .map((n) => n.getKey()),
    );
    const folds: (Fold | null)[] = [];
    const off = registerFold(editor, (f) => folds.push(f));
    return { editor, blocks, text, folds, off, last: () => folds.at(-1) };
  }
  const doc = (editor: LexicalEditor) => JSON.stringify(editor.getEditorState().toJSON());

  it('FOLD_EARLIER_COMMAND folds everything before the last three speakers, and leaves the document as it is', () => {
    const m = minutesWith(5);
    const before = doc(m.editor);
    expect(m.editor.dispatchCommand(FOLD_EARLIER_COMMAND, undefined)).toBe(true);
    // The opening paragraph and speakers 1 and 2 (header and text each): 5 blocks, 3 sections.
    expect([...m.last()!.keys]).toEqual(m.blocks.slice(0, 5));
    const folded = m.editor
      .getEditorState()
      .read(() => m.blocks.slice(0, 5).reduce((n, k) => n + ($getNodeByKey(k)?.getTextContentSize() ?? 0), 0));
    expect(folded).toBeGreaterThan('开场白第1位发言第2位发言'.length);
    expect(m.last()).toMatchObject({ sections: 3, chars: folded });
    expect(doc(m.editor)).toBe(before);
    m.off();
  });

  it('folds nothing with three speakers or fewer', () => {
    const m = minutesWith(KEEP_SECTIONS);
    expect(m.editor.dispatchCommand(FOLD_EARLIER_COMMAND, undefined)).toBe(true);
    expect(m.folds).toEqual([null]);
    m.off();
  });

  it('keeps the section holding the caret shown', () => {
    const m = minutesWith(6);
    select(m.editor, m.text[1], 1, 1); // in speaker 2's text
    m.editor.dispatchCommand(FOLD_EARLIER_COMMAND, undefined);
    // Only the opening and speaker 1: speaker 2's header and text stay with the caret.
    expect([...m.last()!.keys]).toEqual(m.blocks.slice(0, 3));
    expect(m.last()!.sections).toBe(2);
    m.off();
  });

  it('TOGGLE_FOLD_COMMAND folds, then unfolds; UNFOLD_COMMAND unfolds', () => {
    const m = minutesWith(5);
    const before = doc(m.editor);
    m.editor.dispatchCommand(TOGGLE_FOLD_COMMAND, undefined);
    expect(m.last()?.keys.size).toBe(5);
    m.editor.dispatchCommand(TOGGLE_FOLD_COMMAND, undefined);
    expect(m.last()).toBeNull();
    m.editor.dispatchCommand(TOGGLE_FOLD_COMMAND, undefined);
    m.editor.dispatchCommand(UNFOLD_COMMAND, undefined);
    expect(m.folds.map((f) => f?.keys.size ?? 0)).toEqual([5, 0, 5, 0]);
    expect(doc(m.editor)).toBe(before);
    m.off();
  });

  it('unfolds when the caret goes into folded text', () => {
    const m = minutesWith(5);
    select(m.editor, m.text[4], 0, 0);
    m.editor.dispatchCommand(FOLD_EARLIER_COMMAND, undefined);
    expect(m.last()?.keys.size).toBe(5);
    // A selection in the shown text changes nothing; one in folded text (undo, a mark jump) unfolds.
    m.editor.dispatchCommand(SELECTION_CHANGE_COMMAND, undefined);
    expect(m.last()).not.toBeNull();
    select(m.editor, m.text[0], 1, 1);
    m.editor.dispatchCommand(SELECTION_CHANGE_COMMAND, undefined);
    expect(m.last()).toBeNull();
    m.off();
  });

  it('unfolds for the keys that go further up: Ctrl+Home, PageUp, ↑ on the first line shown', () => {
    const m = minutesWith(5);
    const key = (e: Partial<KeyboardEvent>) =>
      m.editor.dispatchCommand(KEY_DOWN_COMMAND, { preventDefault() {}, stopPropagation() {}, ...e } as KeyboardEvent);
    const fold = () => m.editor.dispatchCommand(FOLD_EARLIER_COMMAND, undefined);

    select(m.editor, m.text[4], 0, 0); // speaker 5: two sections below the fold's edge
    fold();
    key({ key: 'ArrowUp' });
    key({ key: 'Home' });
    key({ key: 'a', ctrlKey: true });
    expect(m.last()).not.toBeNull();
    key({ key: 'Home', ctrlKey: true });
    expect(m.last()).toBeNull();

    fold();
    key({ key: 'PageUp' });
    expect(m.last()).toBeNull();

    select(m.editor, m.text[2], 0, 0); // speaker 3: the first text shown
    fold();
    expect(m.last()).not.toBeNull();
    key({ key: 'ArrowUp' });
    expect(m.last()).toBeNull();
    m.off();
  });

  it('is gone once unregistered: the commands are then not handled', () => {
    const m = minutesWith(5);
    m.editor.dispatchCommand(FOLD_EARLIER_COMMAND, undefined);
    m.off();
    // Unregistering shows the folded text again.
    expect(m.last()).toBeNull();
    expect(m.editor.dispatchCommand(FOLD_EARLIER_COMMAND, undefined)).toBe(false);
    expect(m.editor.dispatchCommand(TOGGLE_FOLD_COMMAND, undefined)).toBe(false);
  });
});
