import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, ListNode } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createHeadingNode, $isHeadingNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $getNearestNodeOfType } from '@lexical/utils';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { useEffect, useState, type ReactNode } from 'react';
import { markKinds } from '../../../../../shared/domain/minutesDoc';
import type { SpeakerInfo } from '../SpeakerNode';
import { t } from '../text';
import { APPLY_MARK_COMMAND, marksAtSelection, REMOVE_MARK_COMMAND } from './MarkPlugin';
import { INSERT_HEADER_COMMAND } from './SpeakerHeaderPlugin';

type Block = 'paragraph' | 'h1' | 'h2' | 'bullet' | 'number';

function $currentBlock(): Block {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return 'paragraph';
  const anchor = selection.anchor.getNode();
  const list = $getNearestNodeOfType(anchor, ListNode);
  if (list) return list.getListType() === 'number' ? 'number' : 'bullet';
  const top = anchor.getKey() === 'root' ? null : anchor.getTopLevelElement();
  if ($isHeadingNode(top)) return top.getTag() === 'h1' ? 'h1' : 'h2';
  return 'paragraph';
}

function setBlock(editor: LexicalEditor, block: Block): void {
  if (block === 'bullet') return void editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined);
  if (block === 'number') return void editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined);
  editor.update(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    $setBlocksType(selection, () => (block === 'paragraph' ? $createParagraphNode() : $createHeadingNode(block)));
  });
}

interface Props {
  readOnly: boolean;
  floor: SpeakerInfo | null;
  onNeedSelection(): void;
  extra?: ReactNode;
}

/** Block style, bold/italic, undo/redo, the three marks, the current speaker's header. */
export function ToolbarPlugin({ readOnly, floor, onNeedSelection, extra }: Props) {
  const [editor] = useLexicalComposerContext();
  const [block, setBlockState] = useState<Block>('paragraph');
  const [format, setFormat] = useState({ bold: false, italic: false });
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);
  const [inMark, setInMark] = useState<string[]>([]);

  useEffect(() => {
    const offUpdate = editor.registerUpdateListener(({ editorState }) => {
      editorState.read(() => {
        const b = $currentBlock();
        setBlockState((prev) => (prev === b ? prev : b));
        const selection = $getSelection();
        const bold = $isRangeSelection(selection) && selection.hasFormat('bold');
        const italic = $isRangeSelection(selection) && selection.hasFormat('italic');
        setFormat((prev) => (prev.bold === bold && prev.italic === italic ? prev : { bold, italic }));
      });
      const ids = marksAtSelection(editor);
      setInMark((prev) => (prev.join() === ids.join() ? prev : ids));
    });
    const offUndo = editor.registerCommand(CAN_UNDO_COMMAND, (v) => (setCanUndo(v), false), COMMAND_PRIORITY_LOW);
    const offRedo = editor.registerCommand(CAN_REDO_COMMAND, (v) => (setCanRedo(v), false), COMMAND_PRIORITY_LOW);
    return () => {
      offUpdate();
      offUndo();
      offRedo();
    };
  }, [editor]);

  const tb = t.toolbar;
  // mousedown, not click: the editor keeps its selection while a button is pressed.
  const keep = (e: React.MouseEvent) => e.preventDefault();
  if (readOnly)
    return (
      <div className="minutes-toolbar" role="toolbar" aria-label={t.title}>
        {extra}
      </div>
    );
  return (
    <div className="minutes-toolbar" role="toolbar" aria-label={t.title}>
      <select aria-label={tb.block} value={block} onChange={(e) => setBlock(editor, e.target.value as Block)}>
        <option value="paragraph">{tb.paragraph}</option>
        <option value="h1">{tb.h1}</option>
        <option value="h2">{tb.h2}</option>
        <option value="bullet">{tb.bullet}</option>
        <option value="number">{tb.number}</option>
      </select>
      <span className="tb-group">
        <button
          type="button"
          className={`tb-btn tb-bold${format.bold ? ' on' : ''}`}
          title={tb.bold}
          aria-label={tb.bold}
          aria-pressed={format.bold}
          onMouseDown={keep}
          onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold')}
        >
          B
        </button>
        <button
          type="button"
          className={`tb-btn tb-italic${format.italic ? ' on' : ''}`}
          title={tb.italic}
          aria-label={tb.italic}
          aria-pressed={format.italic}
          onMouseDown={keep}
          onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic')}
        >
          I
        </button>
        <button
          type="button"
          className="tb-btn"
          title={tb.undo}
          aria-label={tb.undo}
          disabled={!canUndo}
          onMouseDown={keep}
          onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}
        >
          ↶
        </button>
        <button
          type="button"
          className="tb-btn"
          title={tb.redo}
          aria-label={tb.redo}
          disabled={!canRedo}
          onMouseDown={keep}
          onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}
        >
          ↷
        </button>
      </span>
      <span className="tb-group">
        {markKinds.map((kind) => (
          <button
            type="button"
            key={kind}
            className="tb-btn tb-mark"
            data-kind={kind}
            title={t.markHint(kind, t.markKey[kind])}
            onMouseDown={keep}
            onClick={() => editor.dispatchCommand(APPLY_MARK_COMMAND, kind) || onNeedSelection()}
          >
            {kind}
          </button>
        ))}
        {inMark.length > 0 && (
          <button
            type="button"
            className="tb-btn"
            onMouseDown={keep}
            onClick={() => inMark.forEach((id) => editor.dispatchCommand(REMOVE_MARK_COMMAND, id))}
          >
            {tb.unmark}
          </button>
        )}
      </span>
      <span className="tb-group">
        <button
          type="button"
          className="tb-btn"
          title={floor ? tb.insertSpeakerHint : tb.noSpeaker}
          disabled={!floor}
          onMouseDown={keep}
          onClick={() => floor && editor.dispatchCommand(INSERT_HEADER_COMMAND, floor)}
        >
          {tb.insertSpeaker}
        </button>
      </span>
      {extra}
    </div>
  );
}
