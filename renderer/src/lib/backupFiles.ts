import type { CallResult } from '../../../shared/contract';
import type { BackupFile, ChosenFile } from '../../../shared/contract/backup';
import type { ElectronBridge } from '../../../shared/bridge';
import { ApiError } from './apiError';

/**
 * Backups to and from elsewhere, without a page ever naming a path. The desktop app: its own
 * dialogs, the path staying in the main process. The browser: the file given is uploaded to serve
 * (its handle comes back) and a backup of the folder is downloaded.
 */
export type BackupFiles =
  | {
      kind: 'dialogs';
      /** The open dialog's choice (a backup, or a 会议包 to import) as a handle; null when cancelled. */
      choose(kind?: FileKind): Promise<ChosenFile | null>;
      /** The save dialog, then the backup written there; null when cancelled. */
      saveAs(suggestedName: string): Promise<BackupFile | null>;
      /** The save dialog, then a 会议包 of the packages folder copied there: its path; null when cancelled. */
      savePackage(name: string): Promise<string | null>;
    }
  | {
      kind: 'browser';
      upload(file: File, onProgress: (fraction: number) => void, signal: AbortSignal): Promise<ChosenFile>;
      /** A file of the backups or the packages folder, by name, saved by the browser. */
      download(name: string, kind?: FileKind): void;
    };

export type FileKind = 'backup' | 'package';

const valueOf = <T>(result: CallResult<T>): T => {
  if (!result.ok) throw new ApiError(result.error.code, result.error.message);
  return result.value;
};

export function dialogBackupFiles(
  bridge: Pick<ElectronBridge, 'chooseBackupFile' | 'saveBackupAs' | 'savePackageAs'>,
): BackupFiles {
  return {
    kind: 'dialogs',
    choose: async (kind = 'backup') => valueOf(await bridge.chooseBackupFile(kind)),
    saveAs: async (name) => valueOf(await bridge.saveBackupAs(name)),
    savePackage: async (name) => valueOf(await bridge.savePackageAs(name)),
  };
}

const CANCELLED = '已取消上传';
const OFFLINE = '上传未能完成：无法连接到冰城商量服务，请确认 npm run serve 仍在运行';

/** serve's /files/ (electron/core/http/backupFiles.ts), with the tab's token. */
export function browserBackupFiles(token: string): BackupFiles {
  return {
    kind: 'browser',
    // XMLHttpRequest rather than fetch: only it tells how much of the body has gone up.
    upload: (file, onProgress, signal) =>
      new Promise((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', '/files/upload');
        xhr.setRequestHeader('x-bcsl-token', token);
        xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name));
        xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
        xhr.onerror = () => reject(new ApiError('internal', OFFLINE));
        xhr.onabort = () => reject(new ApiError('cancelled', CANCELLED));
        signal.addEventListener('abort', () => xhr.abort());
        xhr.onload = () => {
          try {
            resolve(valueOf(JSON.parse(xhr.responseText) as CallResult<ChosenFile>));
          } catch (e) {
            reject(e instanceof ApiError ? e : new ApiError('internal', OFFLINE));
          }
        };
        xhr.send(file);
      }),
    download(name, kind = 'backup') {
      const folder = kind === 'package' ? 'packages' : 'backups';
      const href = `/files/${folder}/${encodeURIComponent(name)}?token=${encodeURIComponent(token)}`;
      Object.assign(document.createElement('a'), { href, download: name }).click();
    },
  };
}
