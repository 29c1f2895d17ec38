import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MESSAGE } from '../../../../../shared/minutesSync/protocol';

/** The window's frames of the minutes' sync protocol (shared/minutesSync/protocol.ts). */

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

export const step1Frame = (doc: Y.Doc) =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE.sync);
    syncProtocol.writeSyncStep1(e, doc);
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

export type FromCore =
  | { kind: 'step1'; reply: (doc: Y.Doc) => Uint8Array }
  | { kind: 'update'; update: Uint8Array; step2: boolean }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'ack'; stateVector: Map<number, number> }
  | { kind: 'refused'; reason: string }
  | { kind: 'unknown' };

export function readFromCore(bytes: Uint8Array): FromCore {
  const d = decoding.createDecoder(bytes);
  const kind = decoding.readVarUint(d);
  if (kind === MESSAGE.sync) {
    const sub = decoding.readVarUint(d);
    const payload = decoding.readVarUint8Array(d);
    if (sub === syncProtocol.messageYjsSyncStep1)
      return {
        kind: 'step1',
        reply: (doc) =>
          frame((e) => {
            encoding.writeVarUint(e, MESSAGE.sync);
            syncProtocol.writeSyncStep2(e, doc, payload);
          }),
      };
    return { kind: 'update', update: payload, step2: sub === syncProtocol.messageYjsSyncStep2 };
  }
  if (kind === MESSAGE.awareness) return { kind: 'awareness', update: decoding.readVarUint8Array(d) };
  if (kind === MESSAGE.ack) return { kind: 'ack', stateVector: Y.decodeStateVector(decoding.readVarUint8Array(d)) };
  if (kind === MESSAGE.refused) return { kind: 'refused', reason: decoding.readVarString(d) };
  return { kind: 'unknown' };
}
