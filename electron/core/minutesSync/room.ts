import { Awareness, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { StoredDoc } from '../data/minutesYjs';
import { $replaceDocument, bindEditor, type BoundEditor } from './boundEditor';
import { $appendHeader, $appendOpinion, $dropHeader, $placeHeader } from './headers';
import type { SpeakerInfo } from './nodes';

/** Loading stored state into the room: not a change, nothing to store or send. */
const LOAD = Symbol('load');

/** What a room needs from the core: the store, in transactions, and the meeting's state. */
export interface RoomStore {
  /** Runs `fn` in one SQLite transaction (nested: a savepoint); throws when the commit fails. */
  transaction<T>(fn: () => T): T;
  append(update: Uint8Array): number;
  compact(state: Uint8Array, uptoSeq: number): void;
}

/** One participant of the document: a window's socket, or a port. */
export interface Peer {
  send(message: Uint8Array): void;
  /** Ends the link; the window reconnects and resynchronises. */
  close(reason: string): void;
}

/**
 * One meeting's shared minutes in the core: the Y.Doc every window edits, a headless Lexical
 * editor bound to it (the core's own hand: headers, restores, the projection), and its peers.
 * A change is stored before anyone hears of it: `receive` appends the change's effect to SQLite
 * in a transaction and only then broadcasts it and acknowledges it.
 */
export class MinutesRoom {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  readonly peers = new Set<Peer>();
  /** Awareness client ids each peer speaks for, removed when it leaves. */
  private readonly controlled = new Map<Peer, Set<number>>();
  private readonly bound: BoundEditor;
  private lastSeq: number;
  private stored = 0;
  /** Changes stored but not yet sent to the other peers (sent after the commit). */
  private outbox: { update: Uint8Array; from: unknown }[] = [];
  /** Called after every stored change (the projection is scheduled from it). */
  onChange: () => void = () => {};

  constructor(
    readonly meetingId: number,
    private readonly store: RoomStore,
    state: StoredDoc,
    private readonly broadcastFrame: (update: Uint8Array) => Uint8Array,
  ) {
    // Bind first: the binding only follows changes made after it (docs/research/yjs-minutes.md).
    this.bound = bindEditor(this.doc);
    this.awareness.setLocalState(null);
    const all = state.snapshot ? [state.snapshot, ...state.updates] : state.updates;
    if (all.length) Y.applyUpdate(this.doc, Y.mergeUpdates(all), LOAD);
    this.bound.flush();
    this.lastSeq = state.lastSeq;
    this.stored = state.updates.length;
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === LOAD) return;
      // The update event carries only what changed: a window resending what the core has stores nothing.
      this.lastSeq = this.store.append(update);
      this.stored += 1;
      this.outbox.push({ update, from: origin });
    });
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      const ids = this.controlled.get(origin as Peer);
      if (ids) {
        for (const id of [...added, ...updated]) ids.add(id);
        for (const id of removed) ids.delete(id);
      }
    });
  }

  /** Whether the document has any content at all (a brand-new meeting's has none). */
  get isEmpty(): boolean {
    return this.doc.store.clients.size === 0;
  }

  /** Changes stored since the last compaction. */
  get uncompacted(): number {
    return this.stored;
  }

  join(peer: Peer): void {
    this.peers.add(peer);
    this.controlled.set(peer, new Set());
  }

  leave(peer: Peer): void {
    this.peers.delete(peer);
    const ids = this.controlled.get(peer);
    this.controlled.delete(peer);
    if (ids?.size) removeAwarenessStates(this.awareness, [...ids], 'left');
  }

  /**
   * A peer's change, already decoded once by the caller (a malformed one never gets here): stored,
   * then applied for everyone. On a failed commit the room must be reloaded.
   */
  receive(update: Uint8Array, from: Peer): void {
    this.commit(() => Y.applyUpdate(this.doc, update, from));
    // The binding reads each change's delta when its editor update commits: commit now, before
    // the next message (ws delivers several in one tick) changes the document under it.
    this.bound.flush();
  }

  /** The core's own edit (a header, a restore), through its bound editor. */
  edit(fn: () => void): void {
    this.bound.flush(); // pitfall: an edit merged into a pending remote update never reaches Yjs
    this.commit(() => {
      this.bound.editor.update(fn, { discrete: true });
    });
  }

  /** Inserts the speaker's header once; false when it is there already. */
  addHeader(info: SpeakerInfo): boolean {
    let added = false;
    this.edit(() => void (added = $appendHeader(info)));
    return added;
  }

  /** A speech's header after its times were recorded afterwards (headers.ts $placeHeader). */
  placeHeader(info: SpeakerInfo, startOf: ReadonlyMap<number, number>, insert: boolean): void {
    this.edit(() => $placeHeader(info, startOf, insert));
  }

  dropHeader(speechId: number): void {
    this.edit(() => $dropHeader(speechId));
  }

  addOpinion(o: { markId: string; author: string; text: string }): void {
    this.edit(() => $appendOpinion(o));
  }

  /** The whole document replaced by `json`, as one change every window receives. */
  replace(json: string): void {
    this.edit(() => $replaceDocument(json));
  }

  /** The document as Lexical's JSON, for the projection. */
  json(): string {
    return this.bound.json();
  }

  /** Folds the stored changes into one state. */
  compact(): void {
    if (this.stored === 0) return;
    this.store.transaction(() => this.store.compact(Y.encodeStateAsUpdate(this.doc), this.lastSeq));
    this.stored = 0;
  }

  close(reason: string): void {
    for (const p of [...this.peers]) p.close(reason);
    this.bound.dispose();
    this.awareness.destroy();
    this.doc.destroy();
  }

  private commit(fn: () => void): void {
    try {
      this.store.transaction(fn);
    } catch (e) {
      this.outbox = [];
      throw e;
    }
    const sent = this.outbox;
    this.outbox = [];
    if (!sent.length) return;
    for (const { update, from } of sent) {
      const frame = this.broadcastFrame(update);
      for (const p of this.peers) if (p !== from) p.send(frame);
    }
    this.onChange();
  }
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}
