import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MESSAGE } from '../../../shared/minutesSync/protocol';
import type { MinutesRoom } from './room';

/** The core's frames of the minutes' sync protocol (shared/minutesSync/protocol.ts). */

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

export const syncStep1 = (doc: Y.Doc) =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE.sync);
    syncProtocol.writeSyncStep1(e, doc);
  });

export const updateFrame = (update: Uint8Array) =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE.sync);
    syncProtocol.writeUpdate(e, update);
  });

export const awarenessFrame = (room: MinutesRoom, clients: number[]) =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE.awareness);
    encoding.writeVarUint8Array(e, encodeAwarenessUpdate(room.awareness, clients));
  });

/** "Everything up to this state vector is on disk." */
export const ackFrame = (doc: Y.Doc) =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE.ack);
    encoding.writeVarUint8Array(e, Y.encodeStateVector(doc));
  });

export const refusedFrame = (reason: string) =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE.refused);
    encoding.writeVarString(e, reason);
  });

/** A window's message, decoded far enough to act on; anything else is `bad`. */
export type Incoming =
  | { kind: 'step1'; stateVector: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'bad' };

export function decodeIncoming(bytes: Uint8Array): Incoming {
  try {
    const d = decoding.createDecoder(bytes);
    const kind = decoding.readVarUint(d);
    if (kind === MESSAGE.sync) {
      const sub = decoding.readVarUint(d);
      const payload = decoding.readVarUint8Array(d);
      if (sub === syncProtocol.messageYjsSyncStep1) return { kind: 'step1', stateVector: payload };
      // A window's SyncStep2 (what it has that the core lacks) is an update like any other.
      if (sub === syncProtocol.messageYjsSyncStep2 || sub === syncProtocol.messageYjsUpdate)
        return { kind: 'update', update: payload };
    }
    if (kind === MESSAGE.awareness) return { kind: 'awareness', update: decoding.readVarUint8Array(d) };
  } catch {
    // fall through: truncated or garbage
  }
  return { kind: 'bad' };
}

/** SyncStep2: what the window lacks, given its state vector. */
export const syncStep2 = (doc: Y.Doc, stateVector: Uint8Array) =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE.sync);
    syncProtocol.writeSyncStep2(e, doc, stateVector);
  });
