/**
 * The minutes' sync protocol between a window and the core: y-protocols' sync and awareness
 * messages, plus two of our own. The same bytes travel over a WebSocket (browser mode) and an
 * Electron MessagePort (desktop), so neither side knows which transport it is on.
 *
 * - `sync` (0): y-protocols sync — SyncStep1 (a state vector: "send me what I lack"), SyncStep2 and
 *   Update (changes). The core applies a window's change only after it is committed to SQLite.
 * - `awareness` (1): y-protocols awareness (who is in the document, their caret); never stored.
 * - `ack` (100): the core's state vector after a commit. A window's edits are on disk once the
 *   vector's clock for the window's client id reaches the window's own (`isDurable`).
 * - `refused` (101): a change the core did not take (an archived meeting, a malformed message),
 *   with the Chinese reason; the document is unchanged.
 */
export const MESSAGE = { sync: 0, awareness: 1, ack: 100, refused: 101 } as const;
export type MessageKind = (typeof MESSAGE)[keyof typeof MESSAGE];

/** The one shared type of a meeting's document, as Lexical's CollaborationPlugin (V1) names it. */
export const ROOT_NAME = 'root';

/** A message larger than this is refused before it is decoded (a 60,000-character paste is ~1 MB). */
export const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

export const MINUTES_SOCKET_PREFIX = '/sync/minutes/';

/** The WebSocket path of a meeting's document (serve, and the desktop app's loopback endpoint). */
export const minutesSocketPath = (meetingId: number) => `${MINUTES_SOCKET_PREFIX}${meetingId}`;

/** Why the core closed a link, as WebSocket close codes: the window reconnects, reloads or gives up. */
export const CLOSE = {
  /** The room was closed (idle, a failed write, the core stopping): reconnect. */
  roomClosed: 4000,
  /** The data file is busy (a restore): reconnect a little later. */
  busy: 4503,
  /** No such meeting: give up. */
  unknownMeeting: 4404,
  /** The data file was replaced (a restored backup): reopen the minutes under the new document name. */
  otherFile: 4409,
} as const;

/**
 * Whether everything a window holds is in the core's acknowledged state vector: its own changes,
 * and those a reload brought back from its local copy under the client id of before (typed while
 * the core could not store them). `held` is the window's state vector.
 */
export function isDurable(acked: ReadonlyMap<number, number>, held: ReadonlyMap<number, number>): boolean {
  for (const [client, clock] of held) if ((acked.get(client) ?? 0) < clock) return false;
  return true;
}
