import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { Mark } from '../../../../shared/contract/minutes';
import { UNFOLD_COMMAND } from './plugins/FoldPlugin';
import { jumpToMark, REMOVE_MARK_COMMAND } from './plugins/MarkPlugin';
import { labelled } from '../../components/text';
import { t } from './text';

/** Every marked passage in document order, as the core recorded it: jump to it, or unmark it. */
export function MarksPanel({ marks, readOnly }: { marks: readonly Mark[]; readOnly: boolean }) {
  const [editor] = useLexicalComposerContext();
  return (
    <aside className="marks-panel" aria-label={t.marks.title}>
      <h3 className="card-title">
        {t.marks.title} <span className="muted">{t.marks.count(marks.length)}</span>
      </h3>
      {marks.length === 0 ? (
        <p className="muted small">{t.marks.empty}</p>
      ) : (
        <ol className="marks-list">
          {marks.map((m) => (
            <li key={m.id} data-kind={m.kind}>
              <button
                type="button"
                className="mark-item"
                title={t.marks.jump}
                onClick={() => {
                  // A mark in folded text: unfold first, so that it can scroll into view.
                  editor.dispatchCommand(UNFOLD_COMMAND, undefined);
                  jumpToMark(editor, m.id);
                }}
              >
                <span className="mark-kind" data-kind={m.kind}>
                  {t.marks.kinds[m.kind]}
                </span>
                <span className="mark-speaker">{m.speaker ?? t.marks.noSpeaker}</span>
                <span className="mark-excerpt">{m.excerpt}</span>
              </button>
              {!readOnly && (
                <button
                  type="button"
                  className="mini subtle"
                  aria-label={labelled(t.marks.remove, m.excerpt.slice(0, 20))}
                  onClick={() => editor.dispatchCommand(REMOVE_MARK_COMMAND, m.id)}
                >
                  {t.marks.remove}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}
