import type { CallResult, ChangeEvent } from '../contract';
import type { BackupFile, ChosenFile } from '../contract/backup';

/**
 * The bridge between a window and Electron's main process, in one place: the IPC channel names
 * that the preload (electron/preload), the main process (electron/main) and nothing else use, and
 * the interface the preload exposes to the page as `window.bcsl` (read by renderer/src/lib/api.ts).
 * Types and plain strings only: the sandboxed preload bundles this file, and the renderer may
 * import shared/ but never electron/.
 */
export const CHANNELS = {
  /** invoke: one call of the contract, `(name, input)` → CallResult. */
  call: 'bcsl:call',
  /** main → every window: a ChangeEvent after a call changed something. */
  event: 'bcsl:event',
  /** invoke: open (or focus) the projector window. */
  openProjector: 'bcsl:open-projector',
  /** invoke: save an exported document through a save dialog, `(fileName, dataBase64)` → SaveResult. */
  saveFile: 'bcsl:save-file',
  /** invoke: an open dialog, `(kind: 'backup' | 'package')` → CallResult of a ChosenFile (its handle), or of null when cancelled. */
  chooseBackupFile: 'bcsl:choose-backup-file',
  /** invoke: a save dialog, then a 会议包 of the packages folder copied there by the main process, `(name)` → CallResult of the path or null. */
  savePackageAs: 'bcsl:save-package-as',
  /** invoke: a save dialog, then a backup written there by the main process, `(suggestedName)` → CallResult of a BackupFile or null. */
  saveBackupAs: 'bcsl:save-backup-as',
  /** main → window: store what is unsaved, the window is about to close. */
  flush: 'bcsl:flush',
  /** window → main: done storing (or failed to), the window may close. */
  flushed: 'bcsl:flushed',
  /** invoke: where the window reaches the shared minutes → MinutesEndpoint. */
  minutesEndpoint: 'bcsl:minutes-endpoint',
} as const;

/** The name under which the preload exposes the bridge: `window.bcsl`. */
export const BRIDGE_KEY = 'bcsl';

export interface SaveResult {
  saved: boolean;
  /** Where it went: a path (Electron) or the browser's downloads. */
  where?: string;
  error?: string;
}

/** Where a window reaches the minutes' sync socket: `${origin}/sync/minutes/<id>?token=…`. */
export interface MinutesEndpoint {
  /** ws://127.0.0.1:<port> */
  origin: string;
  token: string;
}

/** What the Electron preload exposes to the page, every member present. */
export interface ElectronBridge {
  invoke(name: string, input: unknown): Promise<CallResult<unknown>>;
  /** Returns the unsubscribe. */
  onEvent(listener: (event: ChangeEvent) => void): () => void;
  openProjector(): Promise<void>;
  saveFile(fileName: string, dataBase64: string): Promise<SaveResult>;
  /** The path stays in the main process: the page gets a handle to name the file by. */
  chooseBackupFile(kind?: 'backup' | 'package'): Promise<CallResult<ChosenFile | null>>;
  savePackageAs(name: string): Promise<CallResult<string | null>>;
  saveBackupAs(suggestedName: string): Promise<CallResult<BackupFile | null>>;
  /** Electron asks before a window closes: store what is unsaved, then it closes. Returns the unsubscribe. */
  onFlushRequest(handler: () => Promise<void>): () => void;
  /** The desktop app's loopback endpoint of the shared minutes. */
  minutesEndpoint(): Promise<MinutesEndpoint>;
}
