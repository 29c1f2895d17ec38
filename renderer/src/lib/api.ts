import { ApiError } from './apiError';
import { base64ToBytes } from './base64';
import { browserBackupFiles, dialogBackupFiles, type BackupFiles } from './backupFiles';
import { BRIDGE_KEY, type ElectronBridge, type SaveResult } from '../../../shared/bridge';
import { minutesSocketPath } from '../../../shared/minutesSync/protocol';
import {
  contract,
  topics,
  type CallName,
  type CallResult,
  type ChangeEvent,
  type Input,
  type Output,
  type Topic,
} from '../../../shared/contract';

export type { SaveResult };

/** The Electron preload's bridge (shared/bridge), or the HTTP one, which calls and listens only. */
type Bridge = Pick<ElectronBridge, 'invoke' | 'onEvent'> & Partial<ElectronBridge>;

declare global {
  interface Window {
    /** `window.bcsl`: exposed by electron/preload under the same key. */
    [BRIDGE_KEY]?: ElectronBridge;
  }
}

export { ApiError };

export interface Api {
  transport: 'electron' | 'http';
  call<K extends CallName>(name: K, input: Input<K>): Promise<Output<K>>;
  subscribe(listener: (event: ChangeEvent) => void): () => void;
  openProjector(): void;
  /** Saves an exported document: a save dialog in Electron, a download in the browser. */
  saveFile(fileName: string, dataBase64: string): Promise<SaveResult>;
  /** Backups to and from elsewhere: the desktop's dialogs, or the browser's upload and download. */
  backupFiles: BackupFiles;
  topicsOf(name: string): readonly Topic[];
  /** The address of a meeting's shared minutes: serve's own socket, or the desktop app's loopback endpoint. */
  minutesSocketUrl(meetingId: number, docKey: string): Promise<string>;
  /** Runs `handler` before the window closes (Electron; the browser has no such moment). Returns the unsubscribe. */
  onFlushRequest(handler: () => Promise<void>): () => void;
}

const TOKEN_KEY = 'bcsl.token';
const DEVICE_KEY = 'bcsl.device';

/**
 * Who this page calls as. The secretary's: serve's per-run token, which arrives once in the
 * address (?token=…) and is kept for this tab. A device of the room (会场互联): the token it was
 * given when it paired, kept on the device (it survives a reload and a flaky Wi-Fi).
 */
export type Credential = { kind: 'token' | 'device'; value: string };

export function takeToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export const deviceToken = (): string | null => localStorage.getItem(DEVICE_KEY);
export const keepDeviceToken = (token: string | null) =>
  token ? localStorage.setItem(DEVICE_KEY, token) : localStorage.removeItem(DEVICE_KEY);

/** How each credential travels: a header on calls, a query parameter where browsers allow no header. */
const carry = {
  token: { header: 'x-bcsl-token', param: 'token' },
  device: { header: 'x-bcsl-device', param: 'device' },
} as const;

function httpBridge(credential: Credential): Bridge {
  const { header, param } = carry[credential.kind];
  const token = credential.value;
  return {
    async invoke(name, input) {
      let res: Response;
      try {
        res = await fetch(`/api/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [header]: token },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return {
          ok: false,
          error: {
            code: 'internal',
            message:
              credential.kind === 'device'
                ? '连接不到会议秘书的电脑，请确认本设备连在会场的无线网络上'
                : '无法连接到冰城商量服务，请确认 npm run serve 仍在运行',
          },
        };
      }
      return (await res.json()) as CallResult<unknown>;
    },
    onEvent(listener) {
      const source = new EventSource(`/api/events?${param}=${encodeURIComponent(token)}`);
      source.addEventListener('change', (e) => listener(JSON.parse((e as MessageEvent<string>).data) as ChangeEvent));
      // Events sent while the stream was down are lost: after a reconnect, treat everything as changed.
      let opened = false;
      source.addEventListener('open', () => {
        if (opened) listener({ topics: [...topics], call: 'reconnect' });
        opened = true;
      });
      return () => source.close();
    },
  };
}

/** One client, two transports: the Electron preload when present, HTTP otherwise. */
export function createApi(credential: string | Credential | null): Api {
  const given = typeof credential === 'string' ? ({ kind: 'token', value: credential } as const) : credential;
  const token = given?.kind === 'token' ? given.value : null;
  const bridge = window.bcsl ?? (given ? httpBridge(given) : undefined);
  if (!bridge) throw new ApiError('refused', '缺少访问令牌');
  return {
    transport: window.bcsl ? 'electron' : 'http',
    async call(name, input) {
      const result = await bridge.invoke(name, input);
      if (!result.ok) throw new ApiError(result.error.code, result.error.message);
      return result.value as never;
    },
    subscribe: (listener) => bridge.onEvent(listener),
    openProjector() {
      if (bridge.openProjector) void bridge.openProjector();
      else window.open(`/?token=${encodeURIComponent(token ?? '')}#/projector`, 'bcsl-projector');
    },
    async saveFile(fileName, dataBase64) {
      if (bridge.saveFile) return bridge.saveFile(fileName, dataBase64);
      const url = URL.createObjectURL(new Blob([base64ToBytes(dataBase64)]));
      const a = Object.assign(document.createElement('a'), { href: url, download: fileName });
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return { saved: true, where: '浏览器的下载文件夹' };
    },
    backupFiles:
      bridge.chooseBackupFile && bridge.saveBackupAs && bridge.savePackageAs
        ? dialogBackupFiles({
            chooseBackupFile: bridge.chooseBackupFile,
            saveBackupAs: bridge.saveBackupAs,
            savePackageAs: bridge.savePackageAs,
          })
        : browserBackupFiles(token ?? ''),
    topicsOf: (name) => (name in contract ? contract[name as CallName].topics : []),
    onFlushRequest: (handler) => bridge.onFlushRequest?.(handler) ?? (() => {}),
    async minutesSocketUrl(meetingId, docKey) {
      const endpoint = bridge.minutesEndpoint
        ? await bridge.minutesEndpoint()
        : { origin: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`, token: given?.value ?? '' };
      const query = new URLSearchParams({ [carry[given?.kind ?? 'token'].param]: endpoint.token, key: docKey });
      return `${endpoint.origin}${minutesSocketPath(meetingId)}?${query.toString()}`;
    },
  };
}
