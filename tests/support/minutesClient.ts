import * as Y from 'yjs';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import type { Core } from '../../electron/core';
import { $replaceDocument, bindEditor, type BoundEditor } from '../../electron/core/minutesSync/boundEditor';
import { readFrame, step1Frame, step2Frame, updateFrame } from '../../shared/minutesSync/frames';
import { isDurable } from '../../shared/minutesSync/protocol';

const REMOTE = 'remote';

/**
 * A window's side of the minutes' sync protocol without a browser: a Y.Doc bound to a headless
 * Lexical editor exactly as CollaborationPlugin binds a window's, speaking the same bytes. Over
 * the core in this process (`inProcess`) or a WebSocket (`overSocket`).
 */
export class MinutesClient {
  readonly doc = new Y.Doc();
  readonly bound: BoundEditor;
  readonly refusals: string[] = [];
  acked = new Map<number, number>();
  synced = false;
  private send: (bytes: Uint8Array) => void = () => {};
  private waiters: (() => void)[] = [];

  constructor() {
    this.bound = bindEditor(this.doc);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE) this.send(updateFrame(update));
    });
  }

  attach(send: (bytes: Uint8Array) => void): void {
    this.send = send;
    send(step1Frame(this.doc));
  }

  receive(bytes: Uint8Array): void {
    const msg = readFrame(bytes);
    if (msg.kind === 'step1') this.send(step2Frame(this.doc, msg.stateVector));
    else if (msg.kind === 'update') {
      Y.applyUpdate(this.doc, msg.update, REMOTE);
      if (msg.step2) this.synced = true;
      this.bound.flush(); // as the core does: commit before the next message
    } else if (msg.kind === 'ack') this.acked = msg.stateVector;
    else if (msg.kind === 'refused') this.refusals.push(msg.reason);
    for (const w of this.waiters.splice(0)) w();
  }

  /** Every change of this client is on disk (the core's acknowledgement says so). */
  get durable(): boolean {
    return isDurable(this.acked, Y.decodeStateVector(Y.encodeStateVector(this.doc)));
  }

  text(): string {
    return this.bound.editor.read(() => $getRoot().getTextContent());
  }

  /** Types at the end of the last paragraph, as a secretary does. */
  type(chars: string): void {
    this.bound.flush();
    this.bound.editor.update(
      () => {
        const root = $getRoot();
        let last = root.getLastChild();
        if (!last || last.getType() !== 'paragraph') {
          last = $createParagraphNode();
          root.append(last);
        }
        (last as ReturnType<typeof $createParagraphNode>).append($createTextNode(chars));
      },
      { discrete: true },
    );
  }

  /** The whole document replaced by Lexical JSON (a prepared text pasted in). */
  replace(json: string): void {
    this.bound.flush();
    this.bound.editor.update(() => $replaceDocument(json), { discrete: true });
  }

  async until(what: () => boolean, ms = 5000): Promise<void> {
    const end = Date.now() + ms;
    while (!what()) {
      if (Date.now() > end) throw new Error('等待会议记录同步超时');
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 20);
      });
    }
  }
}

/** A client joined to the core in this process (no socket): messages are delivered asynchronously, as over a wire. */
export function inProcess(core: Core, meetingId: number): MinutesClient & { leave(): void } {
  const client = new MinutesClient();
  let closed = false;
  const link = core.minutesDocs.join(
    meetingId,
    (bytes) => queueMicrotask(() => !closed && client.receive(bytes)),
    // After what was sent before the close, as a socket delivers it.
    () => queueMicrotask(() => (closed = true)),
  );
  client.attach((bytes) => queueMicrotask(() => !closed && link.receive(bytes)));
  return Object.assign(client, {
    leave() {
      closed = true;
      link.closed();
    },
  });
}

/** Writes a whole minutes document the way a window does, and waits until the core has it on disk and projected. */
export async function writeMinutesDoc(core: Core, meetingId: number, json: string): Promise<void> {
  const client = inProcess(core, meetingId);
  await client.until(() => client.synced);
  client.replace(json);
  await client.until(() => client.durable);
  client.leave();
  core.minutesDocs.flush(meetingId);
}

/** A client over the served app's WebSocket, as a browser tab joins (Node's own WebSocket). */
export async function overSocket(
  url: string,
): Promise<MinutesClient & { leave(): void; closeCode: () => number | null }> {
  const client = new MinutesClient();
  const socket = new WebSocket(url);
  socket.binaryType = 'arraybuffer';
  let code: number | null = null;
  socket.onmessage = (e: MessageEvent<ArrayBuffer>) => client.receive(new Uint8Array(e.data));
  socket.onclose = (e) => (code = e.code);
  await new Promise<void>((resolve, reject) => {
    socket.onopen = () => resolve();
    socket.onerror = () => reject(new Error(`无法连接会议记录：${url}`));
  });
  client.attach((bytes) => socket.readyState === WebSocket.OPEN && socket.send(bytes));
  return Object.assign(client, { leave: () => socket.close(), closeCode: () => code });
}

/** The served app's socket address of a meeting's minutes. */
export const socketUrl = (origin: string, token: string, meetingId: number, docKey: string) =>
  `${origin.replace(/^http/, 'ws')}/sync/minutes/${meetingId}?${new URLSearchParams({ token, key: docKey }).toString()}`;

/** writeMinutesDoc over the served app's socket. */
export async function writeMinutesOverSocket(url: string, json: string): Promise<void> {
  const client = await overSocket(url);
  await client.until(() => client.synced);
  client.replace(json);
  await client.until(() => client.durable);
  client.leave();
}
