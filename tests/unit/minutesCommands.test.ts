// The minutes' mark and header behaviours as Lexical commands, on an editor without a DOM.
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
  INSERT_HEADER_COMMAND,
  registerHeaderCommand,
} from '../../renderer/src/features/minutes/plugins/SpeakerHeaderPlugin';
import { $isSpeakerNode, type SpeakerInfo } from '../../renderer/src/features/minutes/SpeakerNode';

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
