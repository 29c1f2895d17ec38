import { CollaborationPlugin } from '@lexical/react/LexicalCollaborationPlugin';
import { LexicalCollaboration } from '@lexical/react/LexicalCollaborationContext';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import * as Y from 'yjs';
import type { MinutesState } from '../../../../shared/contract/minutes';
import type { MarkKind } from '../../../../shared/domain/minutesDoc';
import { syncOnlyChangedNodes } from '../../../../shared/minutesSync/syncOnlyChanged';
import { ErrorText } from '../../components/Field';
import { useToast } from '../../components/Toasts';
import { useGuardedEditor } from '../../lib/beforeClose';
import { useApi, useCall } from '../../lib/query';
import { minutesConfig } from './editorConfig';
import { MarksPanel } from './MarksPanel';
import { MarkPlugin } from './plugins/MarkPlugin';
import { HeaderFollowPlugin, jumpUnderHeader } from './plugins/SpeakerHeaderPlugin';
import { useMinutesKeys } from './plugins/useMinutesKeys';
import { ToolbarPlugin } from './plugins/ToolbarPlugin';
import {
  FOLD_EARLIER_COMMAND,
  FOLD_FROM_CHARS,
  FoldPlugin,
  TOGGLE_FOLD_COMMAND,
  UNFOLD_COMMAND,
  type Fold,
} from './plugins/FoldPlugin';
import { RevisionsDrawer } from './RevisionsDrawer';
import { SaveStatus } from './SaveStatus';
import type { SpeakerInfo } from './SpeakerNode';
import { asProvider, MinutesProvider } from './sync/provider';
import { onLengthSettled, useProviderState } from './sync/useProviderState';
import { t } from './text';
import './minutes.css';

interface Props {
  meetingId: number;
  readOnly: boolean;
  /** The speech on the floor, if any: 插入发言人 puts its header at the caret. */
  floor: SpeakerInfo | null;
  /** Why the minutes are read-only here, when it is not the archive (the chair's tablet). */
  readOnlyNote?: string;
}

// A keystroke hands Yjs only the paragraph it changed, not all of long minutes.
syncOnlyChangedNodes();

/** Waits this long for the core to confirm a window's last words before it closes anyway (they stay in its local copy). */
const CLOSE_WAIT_MS = 3000;

/**
 * The live minutes of one meeting: a shared document (Yjs) that every window and device edits at
 * once, kept by the core. The editor, its toolbar, the marks beside it, where the words are below.
 */
export const MinutesEditor = memo(function MinutesEditor({ meetingId, readOnly, floor, readOnlyNote }: Props) {
  const api = useApi();
  const [opened, setOpened] = useState<{ state: MinutesState; mount: number } | null>(null);
  const [loadError, setLoadError] = useState<Error | null>(null);

  const open = useCallback(
    (mount: number) =>
      api.call('minutes.get', { meetingId }).then(
        (state) => setOpened({ state, mount }),
        (e: Error) => setLoadError(e),
      ),
    [api, meetingId],
  );
  useEffect(() => void open(0), [open]);

  if (loadError) return <ErrorText error={loadError} />;
  if (!opened)
    return (
      <section className="card minutes-card" aria-busy="true">
        {t.loading}
      </section>
    );
  const editable = !readOnly && !opened.state.readOnly;
  return (
    <LexicalCollaboration>
      <LexicalComposer key={`${opened.state.docKey}-${opened.mount}`} initialConfig={minutesConfig(editable)}>
        <MinutesBody
          meetingId={meetingId}
          readOnly={!editable}
          floor={floor}
          readOnlyNote={readOnlyNote}
          state={opened.state}
          reopen={() => void open(opened.mount + 1)}
        />
      </LexicalComposer>
    </LexicalCollaboration>
  );
});

function MinutesBody({
  meetingId,
  readOnly,
  floor,
  readOnlyNote,
  state,
  reopen,
}: Props & { state: MinutesState; reopen(): void }) {
  const [editor] = useLexicalComposerContext();
  const api = useApi();
  const toast = useToast();
  const marks = useCall('mark.list', { meetingId });
  const provider = useRef<MinutesProvider | null>(null);
  // Only what the body shows is state here: a keystroke re-renders the save line alone.
  const [linked, setLinked] = useState<MinutesProvider | null>(null);
  const refused = useProviderState(linked, (s) => s.refused);
  const stale = useProviderState(linked, (s) => s.stale);
  const [long, setLong] = useState(state.chars > FOLD_FROM_CHARS);
  const [showRevisions, setShowRevisions] = useState(false);
  const [fold, setFold] = useState<Fold | null>(null);
  // A new speaker's header while the caret stays elsewhere: a line offers the jump.
  const [behind, setBehind] = useState<SpeakerInfo | null>(null);

  // One provider per mount: the plugin re-creates it whenever the factory's identity changes.
  const providerFactory = useCallback(
    (id: string, docs: Map<string, Y.Doc>) => {
      const doc = new Y.Doc();
      docs.set(id, doc);
      const p = new MinutesProvider(doc, {
        url: () => api.minutesSocketUrl(meetingId, state.docKey),
        localName: `bcsl-minutes-${state.docKey}`,
        readOnly,
      });
      provider.current = p;
      setLinked(p);
      return asProvider(p);
    },
    [api, meetingId, state.docKey, readOnly],
  );
  useEffect(() => () => provider.current?.destroy(), []);
  useEffect(() => {
    if (stale) reopen();
  }, [stale, reopen]);

  // While an input method composes, nothing goes out or comes in: released just after it ends.
  useEffect(
    () =>
      editor.registerRootListener((root, prev) => {
        const start = () => provider.current?.setComposing(true);
        const end = () => setTimeout(() => provider.current?.setComposing(false), 0);
        prev?.removeEventListener('compositionstart', start);
        prev?.removeEventListener('compositionend', end);
        root?.addEventListener('compositionstart', start);
        root?.addEventListener('compositionend', end);
      }),
    [editor],
  );

  // Long minutes folded once they have arrived (the length is read a moment after typing, not at every key).
  const folded = useRef(false);
  useEffect(
    () =>
      onLengthSettled(editor, (size) => {
        setLong(size > FOLD_FROM_CHARS);
        if (!folded.current && size > FOLD_FROM_CHARS) {
          folded.current = true;
          requestAnimationFrame(() => editor.dispatchCommand(FOLD_EARLIER_COMMAND, undefined));
        }
      }),
    [editor],
  );

  const waitDurable = useCallback(async () => {
    if (!(await (provider.current?.whenDurable(CLOSE_WAIT_MS) ?? true))) throw new Error(t.save.notYet);
  }, []);
  useGuardedEditor({ flush: waitDurable, close: waitDurable });
  useMinutesKeys(editor, () => void waitDurable().catch(() => toast(t.save.notYet, 'error')), readOnly);
  const onMarked = useCallback((kind: MarkKind) => toast(t.marked(kind)), [toast]);
  useEffect(() => editor.setEditable(!readOnly), [editor, readOnly]);

  const unfold = useCallback(() => editor.dispatchCommand(UNFOLD_COMMAND, undefined), [editor]);

  return (
    <section className="card minutes-card" aria-label={t.title}>
      <ToolbarPlugin
        readOnly={readOnly}
        floor={floor}
        onNeedSelection={() => toast(t.selectFirst, 'error')}
        extra={
          <span className="tb-right">
            {(fold || long) && (
              <button
                type="button"
                className="tb-btn"
                title={fold ? undefined : t.toolbar.foldHint}
                onClick={() => editor.dispatchCommand(TOGGLE_FOLD_COMMAND, undefined)}
              >
                {fold ? t.toolbar.unfold : t.toolbar.fold}
              </button>
            )}
            <button type="button" className="tb-btn" onClick={() => setShowRevisions(true)}>
              {t.toolbar.revisions}
            </button>
          </span>
        }
      />
      {readOnly && <div className="minutes-banner">{readOnlyNote ?? t.readOnly}</div>}
      {refused && !readOnly && (
        <div className="minutes-banner error" role="alert" data-testid="sync-refused">
          {t.save.refusedBanner(refused.replace(/。$/, ''))}
        </div>
      )}
      {behind && (
        <div className="minutes-banner info" role="status" data-testid="caret-behind">
          {t.caretBehind(behind.name)}
          <button
            type="button"
            className="mini"
            onClick={() => {
              unfold();
              jumpUnderHeader(editor, behind.speechId);
              setBehind(null);
            }}
          >
            {t.jumpToSpeaker}
          </button>
          <button type="button" className="mini subtle" onClick={() => setBehind(null)}>
            {t.dismiss}
          </button>
        </div>
      )}
      <div className="minutes-body">
        <div className="minutes-scroll">
          {fold && (
            <div className="fold-bar" role="status">
              {t.folded(fold.sections, fold.chars)}
              <button type="button" className="mini" onClick={unfold}>
                {t.toolbar.unfold}
              </button>
            </div>
          )}
          <RichTextPlugin
            contentEditable={<ContentEditable className="minutes-content" aria-label={t.title} spellCheck={false} />}
            placeholder={<div className="minutes-placeholder">{t.placeholder}</div>}
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        <MarksPanel marks={marks.data ?? []} readOnly={readOnly} />
      </div>
      <SaveStatus provider={linked} readOnly={readOnly} chars={state.chars} />
      <CollaborationPlugin
        id={`minutes-${meetingId}`}
        providerFactory={providerFactory}
        shouldBootstrap={false}
        username={t.recorderName}
      />
      <ListPlugin />
      <MarkPlugin onMarked={onMarked} onChanged={() => undefined} />
      <FoldPlugin onChange={setFold} />
      <HeaderFollowPlugin
        onArrived={(info, followed) => {
          if (long || fold) editor.dispatchCommand(FOLD_EARLIER_COMMAND, undefined);
          setBehind(followed ? null : info);
        }}
      />
      {showRevisions && (
        <RevisionsDrawer
          meetingId={meetingId}
          readOnly={readOnly}
          onClose={() => setShowRevisions(false)}
          onRestored={() => {
            unfold();
            toast(t.revisions.restored);
          }}
        />
      )}
    </section>
  );
}
