import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { BLUR_COMMAND, COMMAND_PRIORITY_LOW } from 'lexical';
import { useEffect, useMemo } from 'react';
import { ApiError } from '../../../lib/api';
import { useBeforeClose } from '../../../lib/beforeClose';
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
 * the page hides and before the window closes; a failing save keeps a local draft.
 */
export function AutosavePlugin({ meetingId, session, draft, onState, onSaved, onReady }: Props) {
  const [editor] = useLexicalComposerContext();
  const api = useApi();

  const saver = useMemo(
    () =>
      new Autosaver({
        serialize: () => JSON.stringify(editor.getEditorState().toJSON()),
        async save(doc, closing) {
          try {
            const r = await api.call('minutes.save', { meetingId, doc, baseVersion: session.version, closing, overwrite: session.overwrite || undefined });
            session.version = r.version;
            session.overwrite = false;
            draft.drop();
            onSaved(r);
          } catch (e) {
            const code = e instanceof ApiError ? e.code : 'internal';
            const message = e instanceof Error ? e.message : String(e);
            throw new SaveError(message, code === 'conflict' ? 'user' : code === 'bad_input' || code === 'refused' || code === 'not_found' ? 'change' : 'timer');
          }
        },
        keepDraft: (doc) => draft.keep(doc, session.version),
        onState,
        now: () => Date.now(),
        setTimeout: (fn, ms) => window.setTimeout(fn, ms),
        clearTimeout: (h) => window.clearTimeout(h as number),
      }),
    // One saver per mounted editor: its inputs are fixed for the editor's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [editor],
  );

  useEffect(() => onReady(saver), [saver, onReady]);

  /** Stores what is left and marks the editor closed cleanly; a failed store stays as a local draft. */
  const closeEditor = useMemo(
    () => async () => {
      const outcome = await saver.flush(true);
      if (outcome === 'clean') await api.call('minutes.close', { meetingId, version: session.version }).catch(() => undefined);
      if (saver.hasUnsaved) draft.keep(JSON.stringify(editor.getEditorState().toJSON()), session.version);
    },
    [saver, api, meetingId, session, draft, editor],
  );

  useEffect(() => {
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
      if (saver.hasUnsaved || saver.current.phase === 'saving') draft.keep(JSON.stringify(editor.getEditorState().toJSON()), session.version);
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
      // Leaving the meeting page.
      void closeEditor().finally(() => saver.dispose());
    };
  }, [editor, saver, session, draft, closeEditor]);

  useBeforeClose(closeEditor);

  return null;
}
