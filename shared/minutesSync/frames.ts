import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MESSAGE } from './protocol';

/** The frames of the minutes' sync protocol (protocol.ts), built and read alike by windows and the core. */

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

/** "Here is my state vector: send me what I lack." */
export const step1Frame = (doc: Y.Doc) =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE.sync);
    syncProtocol.writeSyncStep1(e, doc);
  });

/** What the other side lacks, given its state vector. */
export const step2Frame = (doc: Y.Doc, stateVector: Uint8Array) =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE.sync);
    syncProtocol.writeSyncStep2(e, doc, stateVector);
  });

export const updateFrame = (update: Uint8Array) =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE.sync);
    syncProtocol.writeUpdate(e, update);
  });

export const awarenessFrame = (update: Uint8Array) =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE.awareness);
    encoding.writeVarUint8Array(e, update);
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

/** A frame decoded far enough to act on; anything truncated or unknown is `bad`. */
export type Frame =
  | { kind: 'step1'; stateVector: Uint8Array }
  | { kind: 'update'; update: Uint8Array; step2: boolean }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'ack'; stateVector: Map<number, number> }
  | { kind: 'refused'; reason: string }
  | { kind: 'bad' };

export function readFrame(bytes: Uint8Array): Frame {
  try {
    const d = decoding.createDecoder(bytes);
    const kind = decoding.readVarUint(d);
    if (kind === MESSAGE.sync) {
      const sub = decoding.readVarUint(d);
      const payload = decoding.readVarUint8Array(d);
      if (sub === syncProtocol.messageYjsSyncStep1) return { kind: 'step1', stateVector: payload };
      // SyncStep2 (what the sender has that we lack) is an update like any other.
      if (sub === syncProtocol.messageYjsSyncStep2 || sub === syncProtocol.messageYjsUpdate)
        return { kind: 'update', update: payload, step2: sub === syncProtocol.messageYjsSyncStep2 };
    }
    if (kind === MESSAGE.awareness) return { kind: 'awareness', update: decoding.readVarUint8Array(d) };
    if (kind === MESSAGE.ack) return { kind: 'ack', stateVector: Y.decodeStateVector(decoding.readVarUint8Array(d)) };
    if (kind === MESSAGE.refused) return { kind: 'refused', reason: decoding.readVarString(d) };
  } catch {
    // fall through: truncated or garbage
  }
  return { kind: 'bad' };
}
