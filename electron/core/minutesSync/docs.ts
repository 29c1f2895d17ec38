import { applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { MAX_MESSAGE_BYTES } from '../../../shared/minutesSync/protocol';
import { SPEECH } from '../../../shared/domain/speechState';
import { emptyMinutesDoc } from '../../../shared/domain/minutesDoc';
import { hhmm } from '../../../shared/domain/chineseText';
import { MEETING } from '../../../shared/domain/meetings';
import { isoNow, type Ctx, type MinutesDocsPort } from '../context';
import { findMinutes } from '../data/minutes';
import { findMeeting } from '../data/meeting';
import { appendUpdate, loadDoc, writeSnapshot } from '../data/minutesYjs';
import { getQueue } from '../services/queue';
import { readSettings } from '../services/settings';
import { minutesDocKey } from '../services/minutes';
import {
  ackFrame,
  awarenessFrame,
  readFrame,
  refusedFrame,
  step1Frame,
  step2Frame,
  updateFrame,
} from '../../../shared/minutesSync/frames';
import { keepRevision, writeProjection } from './projection';
import { MinutesRoom, type Peer } from './room';
import type { SpeakerInfo } from './nodes';
import type { Speech } from '../../../shared/contract/meetings';
import { REASON } from './reasons';

const firstStart = (s: Speech) => Math.min(...s.intervals.map((i) => Date.parse(i.from)));

/** A speech's header: who, as what, and the time it first took the floor (now, if it has not yet). */
const headerInfo = (s: Speech, now: string): SpeakerInfo => ({
  speechId: s.id,
  name: s.name,
  affiliation: s.affiliation,
  kind: s.kind,
  time: hhmm(s.intervals.length ? firstStart(s) : Date.parse(now)),
});

/** The projection follows the document this long after a change (the bar: a second). */
const PROJECT_AFTER_MS = 400;
/** Stored changes folded into one state once there are this many. */
const COMPACT_AFTER = 500;
/** A room nobody has open is closed after this long (folded and projected first). */
const IDLE_CLOSE_MS = 60_000;

/** A peer's link as the core sees it: what it sends in, and the end of it. */
export interface PeerLink {
  receive(bytes: Uint8Array): void;
  closed(): void;
}

/**
 * The core's shared minutes: one room per meeting with the minutes open (or being written to by
 * the core), the peers in it, the projection that the rest of the app reads, and the speaker
 * headers. Every window and device joins through `join`, whatever carries its bytes.
 */
export class MinutesDocs implements MinutesDocsPort {
  private readonly rooms = new Map<number, MinutesRoom>();
  private readonly projectTimers = new Map<number, NodeJS.Timeout>();
  private readonly idleTimers = new Map<number, NodeJS.Timeout>();
  private readonly lastProjected = new Map<number, string>();

  constructor(
    private readonly ctx: () => Ctx,
    /** The projection changed what other screens list (marks, revisions): they reload it. */
    private readonly listed: (meetingId: number) => void = () => {},
  ) {}

  /** The name of this file's copy of the meeting's document (services/minutes.ts minutesDocKey). */
  keyOf(meetingId: number): string {
    return minutesDocKey(this.ctx(), meetingId);
  }

  /** Whether this meeting exists (a link to an unknown meeting is refused before it opens). */
  exists(meetingId: number): boolean {
    return findMeeting(this.ctx(), meetingId) !== undefined;
  }

  /** A window joins a meeting's document: it is sent the core's state vector, and then speaks the protocol. */
  join(meetingId: number, send: (bytes: Uint8Array) => void, close: (reason: string) => void): PeerLink {
    const room = this.room(meetingId);
    const peer: Peer = { send, close };
    room.join(peer);
    this.cancelIdle(meetingId);
    send(step1Frame(room.doc));
    const others = [...room.awareness.getStates().keys()];
    if (others.length) send(awarenessFrame(encodeAwarenessUpdate(room.awareness, others)));
    return {
      receive: (bytes) => this.receive(room, peer, bytes),
      closed: () => {
        room.leave(peer);
        if (room.peers.size === 0 && this.rooms.get(meetingId) === room) this.closeWhenIdle(meetingId);
      },
    };
  }

  private receive(room: MinutesRoom, peer: Peer, bytes: Uint8Array): void {
    if (this.rooms.get(room.meetingId) !== room) return; // the room was closed under this link
    if (bytes.length > MAX_MESSAGE_BYTES) return peer.send(refusedFrame(REASON.tooLarge));
    const msg = readFrame(bytes);
    switch (msg.kind) {
      case 'step1':
        try {
          return peer.send(step2Frame(room.doc, msg.stateVector));
        } catch {
          return peer.send(refusedFrame(REASON.malformed));
        }
      case 'awareness':
        try {
          applyAwarenessUpdate(room.awareness, msg.update, peer);
        } catch {
          return peer.send(refusedFrame(REASON.malformed));
        }
        for (const p of room.peers) if (p !== peer) p.send(bytes);
        return;
      case 'update':
        return this.applyFromPeer(room, peer, msg.update);
      default: // bad, or a frame only the core sends
        return peer.send(refusedFrame(REASON.malformed));
    }
  }

  private applyFromPeer(room: MinutesRoom, peer: Peer, update: Uint8Array): void {
    let decoded: ReturnType<typeof Y.decodeUpdate>;
    try {
      decoded = Y.decodeUpdate(update);
    } catch {
      return peer.send(refusedFrame(REASON.malformed));
    }
    // A window with nothing the core lacks (its answer on joining): nothing to store or refuse.
    if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return peer.send(ackFrame(room.doc));
    if (this.archived(room.meetingId)) return peer.send(refusedFrame(REASON.archived));
    try {
      room.receive(update, peer);
    } catch (e) {
      // The change is in memory but not on disk: drop the room; every window reconnects and resends.
      console.error(`[会议记录] 第 ${room.meetingId} 次会议的修改未能写入`, e);
      peer.send(refusedFrame(REASON.notStored));
      this.drop(room.meetingId, REASON.notStored);
      return;
    }
    peer.send(ackFrame(room.doc));
  }

  // ——— what services ask (MinutesDocsPort) ———

  /**
   * Written within the call, so that the header reaches the windows before the call's answer
   * (and the console showing the new speaker): typing right away goes under it.
   */
  speakerStarted(meetingId: number): void {
    this.coreEdit(meetingId, () => this.writeFloorHeader(meetingId));
  }

  opinionHandedIn(meetingId: number, opinion: { markId: string; author: string; text: string }): void {
    this.coreEdit(meetingId, () => this.room(meetingId).addOpinion(opinion));
  }

  timesRecorded(meetingId: number, speechId: number): void {
    this.coreEdit(meetingId, () => this.writeRecordedHeader(meetingId, speechId));
  }

  speechUndone(meetingId: number, speechId: number): void {
    this.coreEdit(meetingId, () => this.room(meetingId).dropHeader(speechId));
  }

  replace(meetingId: number, json: string): void {
    this.flush(meetingId);
    keepRevision(this.ctx(), meetingId, '恢复前');
    this.room(meetingId).replace(json);
    this.project(meetingId);
    this.closeWhenIdle(meetingId);
  }

  /** The projection brought up to date now: before a read of the minutes, an export, a status change. */
  flush(meetingId?: number): void {
    const ids = meetingId === undefined ? [...this.projectTimers.keys()] : [meetingId];
    for (const id of ids) if (this.projectTimers.has(id)) this.guard(id, () => this.project(id));
  }

  /** Folds a meeting's changes into one state (at meeting end). */
  compact(meetingId: number): void {
    this.flush(meetingId);
    this.rooms.get(meetingId)?.compact();
  }

  /** Every room projected, folded and closed (a restore replaces the file; the core stops). */
  closeAll(reason: string): void {
    for (const id of [...this.rooms.keys()]) {
      this.guard(id, () => {
        this.project(id);
        this.rooms.get(id)?.compact();
      });
      this.drop(id, reason);
    }
  }

  // ——— rooms ———

  private room(meetingId: number): MinutesRoom {
    const open = this.rooms.get(meetingId);
    if (open) return open;
    const ctx = this.ctx();
    const now = () => isoNow(ctx);
    const room = new MinutesRoom(
      meetingId,
      {
        transaction: (fn) => ctx.db.transaction(fn)(),
        append: (update) => appendUpdate(ctx, meetingId, update, now()),
        compact: (state, upto) => writeSnapshot(ctx, meetingId, state, upto, now()),
      },
      loadDoc(ctx, meetingId),
      updateFrame,
    );
    this.rooms.set(meetingId, room);
    room.onChange = () => this.scheduleProjection(meetingId);
    if (room.isEmpty) this.bootstrap(room);
    this.lastProjected.set(meetingId, room.json());
    return room;
  }

  /**
   * A meeting without a shared document gets one: from its stored minutes (written by the archive
   * generator or an import), else a single empty line, so two windows never each add their own.
   */
  private bootstrap(room: MinutesRoom): void {
    room.replace(findMinutes(this.ctx(), room.meetingId)?.doc ?? emptyMinutesDoc());
  }

  private scheduleProjection(meetingId: number): void {
    if (this.projectTimers.has(meetingId)) return;
    this.projectTimers.set(
      meetingId,
      setTimeout(() => this.guard(meetingId, () => this.project(meetingId)), PROJECT_AFTER_MS),
    );
  }

  private project(meetingId: number): void {
    clearTimeout(this.projectTimers.get(meetingId));
    this.projectTimers.delete(meetingId);
    const room = this.rooms.get(meetingId);
    if (!room) return;
    const json = room.json();
    if (json !== this.lastProjected.get(meetingId)) {
      const ctx = this.ctx();
      const listed = ctx.db.transaction(() => writeProjection(ctx, meetingId, json))();
      this.lastProjected.set(meetingId, json);
      if (listed) this.listed(meetingId);
    }
    if (room.uncompacted >= COMPACT_AFTER) room.compact();
  }

  private writeFloorHeader(meetingId: number): void {
    const ctx = this.ctx();
    if (!readSettings(ctx).autoSpeakerHeader || this.archived(meetingId)) return;
    const floor = getQueue(ctx, meetingId).entries.find(
      (e) => e.state === SPEECH.speaking || e.state === SPEECH.paused,
    );
    if (!floor) return;
    this.room(meetingId).addHeader(headerInfo(floor, isoNow(ctx)));
  }

  private writeRecordedHeader(meetingId: number, speechId: number): void {
    const ctx = this.ctx();
    if (this.archived(meetingId)) return;
    const entries = getQueue(ctx, meetingId).entries;
    const speech = entries.find((e) => e.id === speechId);
    if (!speech?.intervals.length) return;
    const startOf = new Map(entries.filter((e) => e.intervals.length).map((e) => [e.id, firstStart(e)]));
    this.room(meetingId).placeHeader(headerInfo(speech, isoNow(ctx)), startOf, readSettings(ctx).autoSpeakerHeader);
  }

  private archived(meetingId: number): boolean {
    return findMeeting(this.ctx(), meetingId)?.status === MEETING.archived;
  }

  private closeWhenIdle(meetingId: number): void {
    const room = this.rooms.get(meetingId);
    if (!room || room.peers.size > 0) return;
    this.cancelIdle(meetingId);
    const timer = setTimeout(() => {
      this.idleTimers.delete(meetingId);
      if (this.rooms.get(meetingId) !== room || room.peers.size > 0) return;
      this.guard(meetingId, () => {
        this.project(meetingId);
        room.compact();
      });
      this.drop(meetingId, REASON.closed);
    }, IDLE_CLOSE_MS);
    timer.unref();
    this.idleTimers.set(meetingId, timer);
  }

  private cancelIdle(meetingId: number): void {
    clearTimeout(this.idleTimers.get(meetingId));
    this.idleTimers.delete(meetingId);
  }

  private drop(meetingId: number, reason: string): void {
    const room = this.rooms.get(meetingId);
    clearTimeout(this.projectTimers.get(meetingId));
    this.projectTimers.delete(meetingId);
    this.cancelIdle(meetingId);
    this.lastProjected.delete(meetingId);
    this.rooms.delete(meetingId);
    room?.close(reason);
  }

  /** The core's own edit of a document; a failed write drops the room (it is reloaded from the file). */
  private coreEdit(meetingId: number, fn: () => void): void {
    try {
      fn();
      // Within the call: what it changed of the minutes is the call's, not the next call's.
      this.project(meetingId);
    } catch (e) {
      console.error(`[会议记录] 第 ${meetingId} 次会议的发言人标题未能写入`, e);
      this.drop(meetingId, REASON.notStored);
      return;
    }
    this.closeWhenIdle(meetingId);
  }

  /** Work from a timer: a failure (a locked or vanished file) is logged and retried by the next change, never thrown into the loop. */
  private guard(meetingId: number, fn: () => void): void {
    try {
      fn();
    } catch (e) {
      console.error(`[会议记录] 第 ${meetingId} 次会议`, e);
    }
  }
}
