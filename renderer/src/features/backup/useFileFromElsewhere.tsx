import { useRef, useState } from 'react';
import type { ChosenFile } from '../../../../shared/contract/backup';
import { useToast } from '../../components/Toasts';
import type { FileKind } from '../../lib/backupFiles';
import { useApi } from '../../lib/query';
import { UploadProgress } from './UploadProgress';

/**
 * A file from elsewhere (a backup to restore, a 会议包 to import), as a handle: the desktop's open
 * dialog, or in the browser a hidden file input and an upload with its progress and 取消. What
 * fails (the upload, or `onChosen` itself) is toasted in Chinese.
 */
export function useFileFromElsewhere(
  kind: FileKind,
  label: string,
  onChosen: (file: ChosenFile) => Promise<void> | void,
) {
  const files = useApi().backupFiles;
  const toast = useToast();
  const [upload, setUpload] = useState<{ name: string; fraction: number; abort: AbortController } | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const choose = async () => {
    if (files.kind === 'browser') return input.current?.click();
    try {
      const chosen = await files.choose(kind);
      if (chosen) await onChosen(chosen);
    } catch (e) {
      toast((e as Error).message, 'error');
    }
  };
  const onFile = async (file: File | undefined) => {
    if (input.current) input.current.value = '';
    if (!file || files.kind !== 'browser') return;
    const abort = new AbortController();
    setUpload({ name: file.name, fraction: 0, abort });
    try {
      await onChosen(await files.upload(file, (fraction) => setUpload((u) => u && { ...u, fraction }), abort.signal));
    } catch (e) {
      if (!abort.signal.aborted) toast((e as Error).message, 'error');
    } finally {
      setUpload(null);
    }
  };

  return {
    choose,
    uploading: upload !== null,
    /** The hidden input the browser's file chooser belongs to (nothing on the desktop). */
    picker:
      files.kind === 'browser' ? (
        <input
          ref={input}
          type="file"
          accept=".db"
          hidden
          aria-label={label}
          onChange={(e) => void onFile(e.target.files?.[0])}
        />
      ) : null,
    progress: upload ? <UploadProgress {...upload} onCancel={() => upload.abort.abort()} /> : null,
  };
}
