import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MinutesState } from '../../../../shared/contract/minutes';
import type { MarkKind } from '../../../../shared/domain/minutesDoc';
import { ErrorText } from '../../components/Field';
import { useToast } from '../../components/Toasts';
import { useApi, useCall } from '../../lib/query';
import { clockTime } from '../../lib/dates';
import type { Autosaver, SaveState } from './autosave';
import { minutesConfig } from './editorConfig';
import { draftDecision } from './draftDecision';
import { LocalDraft, type Draft } from './localDraft';
import { MarksPanel } from './MarksPanel';
import { AutosavePlugin, LOAD_TAG, type SaveSession } from './plugins/AutosavePlugin';
import { MarkPlugin } from './plugins/MarkPlugin';
import { jumpUnderHeader, SpeakerHeaderPlugin } from './plugins/SpeakerHeaderPlugin';
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
import { t } from './text';
import './minutes.css';

interface Props {
  meetingId: number;
  readOnly: boolean;
  /** The speech on the floor, if any: its header is inserted when it starts. */
  floor: SpeakerInfo | null;
  /** Speeches whose start was undone: their headers go. */
  undone: ReadonlySet<number>;
}

interface Loaded {
  state: MinutesState;
  /** What the editor opens with: the stored text, or a newer local draft of it. */
  doc: string | null;
  /** The opened text is not stored yet (a restored draft): save it at once. */
  unsaved: boolean;
  /** Where saving starts from: a draft based on an older version saves over the stored text, keeping it as a revision. */
  session: SaveSession;
  notice: string | null;
  olderDraft: Draft | null;
  /** Bumped to open another text (a restored revision): the editor is rebuilt around it. */
  generation: number;
}

/** The stored minutes as they open, nothing else to tell. */
const fromState = (state: MinutesState): Omit<Loaded, 'generation'> => ({
  state,
  doc: state.doc,
  unsaved: false,
  session: { version: state.version, overwrite: false },
  notice: null,
  olderDraft: null,
});

/**
 * Reads the stored minutes and any local draft, and decides what the editor opens with. A draft
 * kept after the last save (a failed save, a reload while saving) is the newest text: it opens,
 * and its first save keeps the stored text as a revision if that moved on meanwhile. An older
 * draft is offered, not imposed, and so is one kept before a backup was restored into the file.
 * An archived meeting opens as stored.
 */
async function openMinutes(
  api: ReturnType<typeof useApi>,
  meetingId: number,
  draft: LocalDraft,
  generation: number,
): Promise<Loaded> {
  const state = await api.call('minutes.get', { meetingId });
  const kept = draft.read();
  const stored = { ...fromState(state), generation };
  const notice = state.recoveredFrom ? t.recovered(clockTime(state.recoveredFrom)) : null;
  const decision = draftDecision(state, kept, draft.generation);
  if (decision === 'none' || !kept) {
    draft.drop();
    return { ...stored, notice };
  }
  if (decision === 'archived') return { ...stored, notice: t.draftArchived(clockTime(kept.at)) };
  if (decision === 'open') {
    const session = { version: kept.baseVersion, overwrite: kept.baseVersion !== state.version };
    return { ...stored, doc: kept.doc, unsaved: true, session, notice: t.draftRestored(clockTime(kept.at)) };
  }
  return { ...stored, notice, olderDraft: kept };
}

/** The live minutes of one meeting: the editor, its toolbar, the marks beside it, the save status below. */
export const MinutesEditor = memo(function MinutesEditor({ meetingId, readOnly, floor, undone }: Props) {
  const api = useApi();
  const status = useCall('app.status', {});
  const dataFile = status.data?.dataFile;
  const generation = status.data?.fileGeneration;
  const draft = useMemo(
    () => (dataFile ? new LocalDraft(dataFile, meetingId, generation) : null),
    [dataFile, meetingId, generation],
  );
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<Error | null>(null);

  useEffect(() => {
    if (!draft) return;
    let live = true;
    openMinutes(api, meetingId, draft, 0).then(
      (l) => live && setLoaded(l),
      (e: Error) => live && setLoadError(e),
    );
    return () => {
      live = false;
    };
  }, [api, meetingId, draft]);

  if (loadError) return <ErrorText error={loadError} />;
  if (!loaded || !draft)
    return (
      <section className="card minutes-card" aria-busy="true">
        {t.loading}
      </section>
    );
  return (
    <LexicalComposer key={loaded.generation} initialConfig={minutesConfig(loaded.doc, !readOnly)}>
      <MinutesBody
        meetingId={meetingId}
        readOnly={readOnly}
        floor={floor}
        undone={undone}
        loaded={loaded}
        draft={draft}
        reopen={(state) => setLoaded({ ...fromState(state), generation: loaded.generation + 1 })}
      />
    </LexicalComposer>
  );
});

function MinutesBody({
  meetingId,
  readOnly,
  floor,
  undone,
  loaded,
  draft,
  reopen,
}: Props & { loaded: Loaded; draft: LocalDraft; reopen(state: MinutesState): void }) {
  const [editor] = useLexicalComposerContext();
  const api = useApi();
  const toast = useToast();
  const settings = useCall('settings.get', {});
  const marks = useCall('mark.list', { meetingId });
  const stored = useCall('minutes.status', { meetingId });
  const session = useMemo<SaveSession>(() => ({ ...loaded.session }), [loaded]);
  const saver = useRef<Autosaver | null>(null);
  const [save, setSave] = useState<SaveState>({
    phase: loaded.unsaved ? 'dirty' : 'saved',
    savedAt: loaded.state.savedAt ? Date.parse(loaded.state.savedAt) : null,
    error: null,
    waitingFor: null,
    failures: 0,
  });
  const [chars, setChars] = useState(loaded.state.chars);
  const [notice, setNotice] = useState(loaded.notice);
  const [olderDraft, setOlderDraft] = useState(loaded.olderDraft);
  const [showRevisions, setShowRevisions] = useState(false);
  const [fold, setFold] = useState<Fold | null>(null);
  // A new speaker's header while the caret stays elsewhere: a line offers the jump.
  const [behind, setBehind] = useState<SpeakerInfo | null>(null);

  const onReady = useCallback(
    (s: Autosaver) => {
      saver.current = s;
      if (loaded.unsaved) s.changed();
    },
    [loaded],
  );
  const saveNow = useCallback(() => void saver.current?.flush(), []);
  useMinutesKeys(editor, saveNow, readOnly);
  const onMarked = useCallback(
    (kind: MarkKind) => {
      toast(t.marked(kind));
      saveNow();
    },
    [toast, saveNow],
  );

  useEffect(() => editor.setEditable(!readOnly), [editor, readOnly]);

  // A new speaker in long minutes: keep only the last few sections on the page.
  const long = chars > FOLD_FROM_CHARS;
  const refold = () => {
    if (long || fold) editor.dispatchCommand(FOLD_EARLIER_COMMAND, undefined);
  };
  const unfold = useCallback(() => editor.dispatchCommand(UNFOLD_COMMAND, undefined), [editor]);

  // Another window saved newer text and nothing here is unsaved: follow it.
  const storedVersion = stored.data?.version;
  useEffect(() => {
    const idle = () => {
      const s = saver.current;
      return s && !s.hasUnsaved && s.current.phase !== 'saving' && s.current.phase !== 'blocked' ? s : null;
    };
    if (storedVersion === undefined || storedVersion <= session.version || !idle()) return;
    let live = true;
    api.call('minutes.get', { meetingId }).then(
      (state) => {
        const s = idle();
        if (!live || !s || !state.doc || state.version <= session.version) return;
        unfold(); // the new text has new nodes: nothing of the old fold applies
        // A parsed state has no selection: the caret, and the focus, stay where they are.
        editor.setEditorState(editor.parseEditorState(state.doc), { tag: LOAD_TAG });
        session.version = state.version;
        setChars(state.chars);
        s.reset(state.savedAt ? Date.parse(state.savedAt) : null);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [storedVersion, session, editor, api, meetingId, unfold]);

  /** The user chose an older draft: it is saved over the stored text, which stays as a revision. */
  function loadDraft(d: Draft) {
    unfold();
    editor.setEditorState(editor.parseEditorState(d.doc));
    session.version = d.baseVersion;
    session.overwrite = true;
    saver.current?.changed();
    setOlderDraft(null);
  }

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
      {readOnly && <div className="minutes-banner">{t.readOnly}</div>}
      {notice && (
        <div className="minutes-banner info" role="status">
          {notice}
          <button type="button" className="mini" onClick={() => setNotice(null)}>
            {t.dismiss}
          </button>
        </div>
      )}
      {olderDraft && (
        <div className="minutes-banner warn" role="alert">
          {t.draftOlder(clockTime(olderDraft.at))}
          <button type="button" className="mini" onClick={() => loadDraft(olderDraft)}>
            {t.loadDraft}
          </button>
          <button
            type="button"
            className="mini subtle"
            onClick={() => {
              draft.drop();
              setOlderDraft(null);
            }}
          >
            {t.discardDraft}
          </button>
        </div>
      )}
      {save.phase === 'failed' && save.error && (
        <div className="minutes-banner error" role="alert" data-testid="save-failed">
          {t.save.failedBanner(save.error.replace(/。$/, ''))}
          <button type="button" className="mini" onClick={saveNow}>
            {t.save.retryNow}
          </button>
        </div>
      )}
      {save.phase === 'blocked' && save.error && (
        <div className="minutes-banner error" role="alert" data-testid="save-blocked">
          {save.waitingFor === 'user'
            ? t.save.conflictBanner(save.error.replace(/。$/, ''))
            : t.save.refusedBanner(save.error.replace(/。$/, ''))}
          {save.waitingFor === 'user' && (
            <button
              type="button"
              className="mini"
              title={t.save.overwriteHint}
              onClick={() => {
                session.overwrite = true;
                saver.current?.unblock();
              }}
            >
              {t.save.overwrite}
            </button>
          )}
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
      <SaveStatus state={save} chars={chars} />
      <HistoryPlugin />
      <ListPlugin />
      <MarkPlugin onMarked={onMarked} onChanged={saveNow} />
      <FoldPlugin onChange={setFold} />
      <SpeakerHeaderPlugin
        floor={floor}
        undone={undone}
        enabled={!readOnly && (settings.data?.autoSpeakerHeader ?? false)}
        onInserted={(info, followed) => {
          refold();
          setBehind(followed ? null : info);
        }}
      />
      {!readOnly && (
        <AutosavePlugin
          meetingId={meetingId}
          session={session}
          draft={draft}
          onState={setSave}
          onSaved={(r) => setChars(r.chars)}
          onReady={onReady}
        />
      )}
      {showRevisions && (
        <RevisionsDrawer
          meetingId={meetingId}
          readOnly={readOnly}
          onClose={() => setShowRevisions(false)}
          beforeRestore={async () => {
            if ((await saver.current?.flush()) === 'failed') throw new Error(t.save.failed);
            return session.version;
          }}
          onRestored={(state) => {
            toast(t.revisions.restored);
            reopen(state);
          }}
        />
      )}
    </section>
  );
}
