import { base64ToBytes } from './base64';
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

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface Api {
  transport: 'electron' | 'http';
  call<K extends CallName>(name: K, input: Input<K>): Promise<Output<K>>;
  subscribe(listener: (event: ChangeEvent) => void): () => void;
  openProjector(): void;
  /** Saves an exported document: a save dialog in Electron, a download in the browser. */
  saveFile(fileName: string, dataBase64: string): Promise<SaveResult>;
  /**
   * A file dialog for a backup (Electron). `undefined` when there is none (the browser): the page
   * then asks for the path in a text field.
   */
  chooseBackupFile?: (mode: 'save' | 'open', suggestedName: string) => Promise<string | null>;
  topicsOf(name: string): readonly Topic[];
  /** The address of a meeting's shared minutes: serve's own socket, or the desktop app's loopback endpoint. */
  minutesSocketUrl(meetingId: number, docKey: string): Promise<string>;
  /** Runs `handler` before the window closes (Electron; the browser has no such moment). Returns the unsubscribe. */
  onFlushRequest(handler: () => Promise<void>): () => void;
}

const TOKEN_KEY = 'bcsl.token';

/** Serve mode: the token arrives once in the address (?token=…) and is kept for this tab. */
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

function httpBridge(token: string): Bridge {
  return {
    async invoke(name, input) {
      let res: Response;
      try {
        res = await fetch(`/api/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-bcsl-token': token },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return {
          ok: false,
          error: { code: 'internal', message: '无法连接到冰城商量服务，请确认 npm run serve 仍在运行' },
        };
      }
      return (await res.json()) as CallResult<unknown>;
    },
    onEvent(listener) {
      const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
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
export function createApi(token: string | null): Api {
  const bridge = window.bcsl ?? (token ? httpBridge(token) : undefined);
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
    chooseBackupFile: bridge.chooseBackupFile ? (mode, name) => bridge.chooseBackupFile!(mode, name) : undefined,
    topicsOf: (name) => (name in contract ? contract[name as CallName].topics : []),
    onFlushRequest: (handler) => bridge.onFlushRequest?.(handler) ?? (() => {}),
    async minutesSocketUrl(meetingId, docKey) {
      const endpoint = bridge.minutesEndpoint
        ? await bridge.minutesEndpoint()
        : { origin: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`, token: token ?? '' };
      const query = new URLSearchParams({ token: endpoint.token, key: docKey });
      return `${endpoint.origin}${minutesSocketPath(meetingId)}?${query.toString()}`;
    },
  };
}
