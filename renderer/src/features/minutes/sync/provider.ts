import type { Provider } from '@lexical/yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { CLOSE, isDurable } from '../../../../../shared/minutesSync/protocol';
import {
  awarenessFrame,
  readFrame,
  step1Frame,
  step2Frame,
  updateFrame,
} from '../../../../../shared/minutesSync/frames';

export type LinkState = 'connecting' | 'connected' | 'offline';

/** What the save line shows: where the window's words are. */
export interface SyncState {
  link: LinkState;
  /** Every change of this window is in the data file. */
  durable: boolean;
  /** The last refusal from the core, in Chinese. */
  refused: string | null;
  /** The data file was replaced (a restored backup): the minutes must be reopened. */
  stale: boolean;
}

type Listener = (...args: never[]) => void;

/**
 * The core is on this machine (or this room's network): trying again is cheap, and every moment
 * offline is words that are only in this window. A quarter of a second at most.
 */
const RETRY_MS = [100, 150, 200, 250];
/** A link still not open after this long is given up and tried again (a core that hangs, a dropped packet). */
const OPEN_TIMEOUT_MS = 4000;

/**
 * A window's link to the core's shared minutes, in the shape Lexical's CollaborationPlugin wants:
 * the sync protocol over a WebSocket that reconnects by itself, the window's own copy in IndexedDB
 * (a window that loses the core keeps every keystroke and sends it when the core is back), the
 * core's acknowledgements (`durable`), and, while an input method composes, nothing sent or
 * applied: the composition is never broken and its pinyin never leaves the window.
 */
export class MinutesProvider {
  readonly awareness: Awareness;
  private socket: WebSocket | null = null;
  private local: IndexeddbPersistence | null = null;
  private listeners = new Map<string, Set<Listener>>();
  private wanted = false;
  private attempt = 0;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private acked = new Map<number, number>();
  private composing = false;
  private heldOut: Uint8Array[] = [];
  private heldIn: Uint8Array[] = [];
  /** What waits for the frame that shows the keystroke to be painted: the changes for the core, */
  private outgoing: Uint8Array[] = [];
  /** every change for the local copy (in order, the core's included), */
  private toStore: Uint8Array[] = [];
  /** and whether this window's caret moved. */
  private caretMoved = false;
  private flushQueued = false;
  private synced = false;
  state: SyncState = { link: 'connecting', durable: true, refused: null, stale: false };

  constructor(
    readonly doc: Y.Doc,
    private readonly options: {
      /** ws://…/sync/minutes/<id>?token=…&key=…, asked anew at each connect (a restart changes the port). */
      url: () => Promise<string>;
      /** The IndexedDB name of this window's copy. */
      localName: string;
      readOnly: boolean;
    },
  ) {
    this.awareness = new Awareness(doc);
    doc.on('update', this.onUpdate);
    this.awareness.on('update', this.onAwareness);
    // A tab closed or reloaded right after a keystroke: what waits for the frame goes now.
    window.addEventListener('pagehide', this.flushOut);
  }

  // ——— Provider ———

  connect(): void {
    this.wanted = true;
    this.local ??= this.openLocal();
    void this.open();
  }

  disconnect(): void {
    this.flushOut();
    this.wanted = false;
    clearTimeout(this.retry);
    removeAwarenessStates(this.awareness, [this.doc.clientID], 'disconnect');
    this.socket?.close();
    this.socket = null;
  }

  on(type: string, cb: Listener): void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(cb);
  }

  off(type: string, cb: Listener): void {
    this.listeners.get(type)?.delete(cb);
  }

  /** Stops for good: the socket, the local copy, the listeners. */
  destroy(): void {
    this.disconnect();
    window.removeEventListener('pagehide', this.flushOut);
    this.doc.off('update', this.onUpdate);
    this.awareness.off('update', this.onAwareness);
    this.awareness.destroy();
    void this.local?.destroy();
  }

  /** Resolves once every change of this window is in the data file (or after `ms`, with false). */
  whenDurable(ms: number): Promise<boolean> {
    if (this.state.durable) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (ok: boolean) => {
        clearTimeout(timer);
        this.off('state', check);
        resolve(ok);
      };
      const check = () => this.state.durable && done(true);
      const timer = setTimeout(() => done(false), ms);
      this.on('state', check);
    });
  }

  /** While an input method composes, hold what goes out and what comes in; release both at its end. */
  setComposing(composing: boolean): void {
    if (this.composing === composing) return;
    this.composing = composing;
    if (composing) return;
    if (this.heldIn.length) {
      // One application: the binding reads each change's delta when its editor update commits.
      const update = Y.mergeUpdates(this.heldIn.splice(0));
      Y.applyUpdate(this.doc, update, this);
    }
    if (this.heldOut.length) {
      // One change for the whole composition: the core stores its outcome, never the pinyin.
      this.outgoing.push(Y.mergeUpdates(this.heldOut.splice(0)));
      this.flushOut();
    }
  }

  // ——— internals ———

  private openLocal(): IndexeddbPersistence {
    // It stores every change of the document, the core's included and in order, so a reload finds
    // a whole copy, never local changes whose ground is missing. Not at the keystroke itself but
    // just after its frame (flushOut): an IndexedDB write costs the frame about half a millisecond.
    const local = new IndexeddbPersistence(this.options.localName, this.doc);
    this.doc.off('update', local._storeUpdate);
    return local;
  }

  private async open(): Promise<void> {
    if (!this.wanted || this.socket) return;
    this.setState({ link: 'connecting' });
    let url: string;
    try {
      url = await this.options.url();
    } catch {
      return this.scheduleRetry();
    }
    if (!this.wanted || this.socket) return;
    let socket: WebSocket;
    try {
      socket = new WebSocket(url);
    } catch {
      return this.scheduleRetry(); // a refused address throws instead of failing: try again all the same
    }
    socket.binaryType = 'arraybuffer';
    this.socket = socket;
    const stuck = setTimeout(() => socket.readyState === WebSocket.CONNECTING && this.abandon(socket), OPEN_TIMEOUT_MS);
    socket.onopen = () => {
      clearTimeout(stuck);
      this.attempt = 0;
      this.setState({ link: 'connected', refused: null });
      this.emit('status', { status: 'connected' });
      socket.send(step1Frame(this.doc));
      if (this.awareness.getLocalState() !== null)
        socket.send(awarenessFrame(encodeAwarenessUpdate(this.awareness, [this.doc.clientID])));
    };
    socket.onmessage = (e: MessageEvent<ArrayBuffer>) => this.receive(new Uint8Array(e.data));
    socket.onclose = (e) => {
      clearTimeout(stuck);
      if (this.socket !== socket) return;
      this.socket = null;
      this.synced = false;
      const others = [...this.awareness.getStates().keys()].filter((id) => id !== this.doc.clientID);
      removeAwarenessStates(this.awareness, others, this);
      this.setState({ link: 'offline' });
      this.emit('status', { status: 'disconnected' });
      if (e.code === CLOSE.otherFile) return this.setState({ stale: true });
      if (e.code === CLOSE.unknownMeeting) return;
      this.scheduleRetry();
    };
  }

  /** Gives up a link that does not open, and tries again. */
  private abandon(socket: WebSocket): void {
    if (this.socket !== socket) return;
    this.socket = null;
    socket.onclose = null;
    socket.close();
    this.setState({ link: 'offline' });
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (!this.wanted) return;
    clearTimeout(this.retry);
    const wait = RETRY_MS[Math.min(this.attempt++, RETRY_MS.length - 1)];
    this.retry = setTimeout(() => void this.open(), wait);
  }

  private receive(bytes: Uint8Array): void {
    const msg = readFrame(bytes);
    switch (msg.kind) {
      case 'step1':
        // What this window has that the core lacks: offline keystrokes, a reloaded window's copy.
        if (!this.options.readOnly) this.send(step2Frame(this.doc, msg.stateVector));
        return;
      case 'update':
        if (this.composing) this.heldIn.push(msg.update);
        else Y.applyUpdate(this.doc, msg.update, this);
        if (msg.step2 && !this.synced) {
          this.synced = true;
          this.emit('sync', true);
        }
        return;
      case 'awareness':
        applyAwarenessUpdate(this.awareness, msg.update, this);
        return;
      case 'ack':
        this.acked = msg.stateVector;
        this.setState({ durable: this.isDurable() });
        return;
      case 'refused':
        this.setState({ refused: msg.reason });
        return;
    }
  }

  private onUpdate = (update: Uint8Array, origin: unknown) => {
    // What the local copy itself loaded is already in it.
    if (this.local && origin !== this.local) this.toStore.push(update);
    if (origin !== this && !this.options.readOnly) {
      this.setState({ durable: false });
      if (this.composing) this.heldOut.push(update);
      else this.outgoing.push(update);
    }
    this.queueFlush();
  };

  /**
   * A keystroke's news (to the core, to the local copy, the caret to the others) follow once the
   * frame showing it is painted, so they cost nothing inside it. A hidden window paints no
   * frames: the timer sends them all the same.
   */
  private queueFlush(): void {
    if (this.flushQueued) return;
    this.flushQueued = true;
    const flush = () => this.flushQueued && this.flushOut();
    requestAnimationFrame(() => setTimeout(flush, 0));
    setTimeout(flush, 50);
  }

  private flushOut = (): void => {
    this.flushQueued = false;
    if (this.outgoing.length) this.send(updateFrame(merged(this.outgoing)));
    if (this.toStore.length) this.local?._storeUpdate(merged(this.toStore), null);
    if (this.caretMoved) {
      this.caretMoved = false;
      this.send(awarenessFrame(encodeAwarenessUpdate(this.awareness, [this.doc.clientID])));
    }
  };

  private onAwareness = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    if (![...added, ...updated, ...removed].includes(this.doc.clientID)) return;
    this.caretMoved = true;
    this.queueFlush();
  };

  private send(bytes: Uint8Array): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(bytes);
  }

  private isDurable(): boolean {
    return isDurable(this.acked, Y.decodeStateVector(Y.encodeStateVector(this.doc)));
  }

  /** Tells the listeners only of a real change (a keystroke sets `durable` to what it already is). */
  private setState(patch: Partial<SyncState>): void {
    const keys = Object.keys(patch) as (keyof SyncState)[];
    if (keys.every((k) => this.state[k] === patch[k])) return;
    this.state = { ...this.state, ...patch };
    this.emit('state', this.state);
  }

  private emit(type: string, ...args: unknown[]): void {
    for (const cb of this.listeners.get(type) ?? []) (cb as (...a: unknown[]) => void)(...args);
  }
}

/** The changes waiting, taken out as one (most often there is only one). */
function merged(queue: Uint8Array[]): Uint8Array {
  const all = queue.splice(0);
  return all.length === 1 ? all[0] : Y.mergeUpdates(all);
}

/** The plugin's view of the provider (its own type is not exported in the shape we implement). */
export const asProvider = (p: MinutesProvider) => p as unknown as Provider;
