import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { BLUR_COMMAND, COMMAND_PRIORITY_LOW } from 'lexical';
import { useEffect, useRef } from 'react';
import { ApiError } from '../../../lib/api';
import { useGuardedEditor } from '../../../lib/beforeClose';
import { useApi } from '../../../lib/query';
import { Autosaver, SaveError, type SaveState } from '../autosave';
import type { LocalDraft } from '../localDraft';

/** Updates made while loading a text carry this tag: they are not edits to save. */
export const LOAD_TAG = 'minutes-load';

export interface SaveSession {
  /** The stored version this editor's text builds on; moves forward with each save. */
  version: number;
  /** Save over another window's newer text next time (the user chose so). */
  overwrite: boolean;
}

interface Props {
  meetingId: number;
  session: SaveSession;
  draft: LocalDraft;
  onState(state: SaveState): void;
  onSaved(result: { chars: number }): void;
  /** Hands the saver to the editor's other parts (marking saves at once, a restore flushes first). */
  onReady(saver: Autosaver): void;
}

/**
 * Saves the minutes as the Autosaver decides: after each real edit, on leaving the editor, when
 * the page hides and before the window closes; a failing save keeps a local draft. The saver
 * lives exactly as long as this effect: created and disposed together, never reused after.
 */
export function AutosavePlugin(props: Props) {
  const [editor] = useLexicalComposerContext();
  const api = useApi();
  // The latest props, read when a save runs (the saver outlives renders).
  const latest = useRef(props);
  latest.current = props;
  const live = useRef<{ saver: Autosaver; close(): Promise<void> } | null>(null);

  useEffect(() => {
    const serialize = () => JSON.stringify(editor.getEditorState().toJSON());
    const { meetingId, session, draft } = latest.current;
    const saver = new Autosaver({
      serialize,
      async save(doc, closing) {
        try {
          const r = await api.call('minutes.save', {
            meetingId,
            doc,
            baseVersion: session.version,
            closing,
            overwrite: session.overwrite || undefined,
          });
          session.version = r.version;
          session.overwrite = false;
          draft.drop();
          latest.current.onSaved(r);
        } catch (e) {
          const code = e instanceof ApiError ? e.code : 'internal';
          const message = e instanceof Error ? e.message : String(e);
          throw new SaveError(
            message,
            code === 'conflict'
              ? 'user'
              : code === 'bad_input' || code === 'refused' || code === 'not_found'
                ? 'change'
                : 'timer',
          );
        }
      },
      keepDraft: (doc) => draft.keep(doc, session.version),
      onState: (state) => latest.current.onState(state),
      whenIdle: () =>
        new Promise<void>((resolve) =>
          window.requestIdleCallback
            ? window.requestIdleCallback(() => resolve(), { timeout: 200 })
            : window.setTimeout(resolve, 0),
        ),
      now: () => Date.now(),
      setTimeout: (fn, ms) => window.setTimeout(fn, ms),
      clearTimeout: (h) => window.clearTimeout(h as number),
    });
    latest.current.onReady(saver);

    /** Stores what is left and marks the editor closed cleanly; what cannot be stored stays as a local draft. */
    const close = async () => {
      const outcome = await saver.flush(true);
      if (outcome !== 'failed')
        await api.call('minutes.close', { meetingId, version: session.version }).catch(() => undefined);
      else draft.keep(serialize(), session.version);
    };
    live.current = { saver, close };

    const offUpdate = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, tags }) => {
      if (tags.has(LOAD_TAG) || (dirtyElements.size === 0 && dirtyLeaves.size === 0)) return;
      saver.changed();
    });
    const offBlur = editor.registerCommand(
      BLUR_COMMAND,
      () => {
        void saver.flush();
        return false;
      },
      COMMAND_PRIORITY_LOW,
    );
    const onHide = () => {
      if (document.visibilityState === 'hidden') void saver.flush();
    };
    // The page is going away (reload, tab closed): a save may not finish, the local draft will.
    const onLeave = () => {
      if (saver.hasUnsaved || saver.current.phase === 'saving') draft.keep(serialize(), session.version);
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onLeave);
    window.addEventListener('beforeunload', onLeave);
    return () => {
      offUpdate();
      offBlur();
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onLeave);
      window.removeEventListener('beforeunload', onLeave);
      live.current = null;
      // Leaving the meeting page: store the rest, then this saver is done.
      void close().finally(() => saver.dispose());
    };
  }, [editor, api]);

  useGuardedEditor({
    flush: async () => live.current?.saver.flush(),
    close: async () => live.current?.close(),
  });

  return null;
}
