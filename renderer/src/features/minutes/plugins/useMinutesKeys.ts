import { COMMAND_PRIORITY_LOW, KEY_ESCAPE_COMMAND, type LexicalEditor } from 'lexical';
import { useEffect } from 'react';
import { useToast } from '../../../components/Toasts';
import { useShortcut } from '../../../components/useHotkey';
import { consoleKeys } from '../../meetings/consoleKeys';
import { t } from '../text';

/**
 * The console's keys that belong to the minutes: Esc leaves the editor (so single keys drive the
 * queue again) and says so, E comes back to where the caret was, Ctrl+S saves at once (and keeps
 * the browser's "save page" away).
 */
export function useMinutesKeys(editor: LexicalEditor, saveNow: () => void, readOnly: boolean): void {
  const toast = useToast();
  useShortcut(consoleKeys.save, saveNow, !readOnly);
  useShortcut(consoleKeys.editor, () => editor.focus(), !readOnly);
  useEffect(
    () =>
      editor.registerCommand(
        KEY_ESCAPE_COMMAND,
        (e) => {
          if (e?.isComposing) return false; // Esc cancels the input method's composition first
          editor.blur();
          toast(t.leftEditor);
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor, toast],
  );
}
