import type { CallName } from '../../../shared/contract';
import type { QueryCtx } from '../context';
import { findSpeakRequest } from '../data/speakRequest';
import { findSpeech } from '../data/speech';

/** Calls whose `id` is a speech of the queue. */
const SPEECH_CALLS = new Set<CallName>([
  'queue.start',
  'queue.pause',
  'queue.resume',
  'queue.end',
  'queue.extend',
  'queue.move',
  'queue.moveToTop',
  'queue.undoStart',
  'queue.skip',
]);

/**
 * The meeting a device's call is about, read from its input: a device of the room works on its
 * own meeting only. `undefined`: the call names no meeting (the device's own calls, the screen).
 * A speech or request that does not exist belongs to no meeting (0): the call is refused.
 */
export function meetingOfCall(ctx: QueryCtx, name: CallName, input: Record<string, unknown>): number | undefined {
  if (typeof input.meetingId === 'number') return input.meetingId;
  const id = typeof input.id === 'number' ? input.id : undefined;
  if (name === 'meeting.get') return id;
  if (id !== undefined && SPEECH_CALLS.has(name)) return findSpeech(ctx, id)?.meeting_id ?? 0;
  if (id !== undefined && name === 'speakRequest.decide') return findSpeakRequest(ctx, id)?.meetingId ?? 0;
  return undefined;
}
