import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_MESSAGE_BYTES, MINUTES_SOCKET_PREFIX, CLOSE } from '../../../shared/minutesSync/protocol';
import { readFrame } from '../../../shared/minutesSync/frames';
import type { MinutesDocs } from './docs';

export interface SocketGate {
  docs: MinutesDocs;
  /** The Host header names us (no DNS rebinding). */
  hostOk(host: string): boolean;
  /**
   * Who links: the per-run token (`?token=`) or a room device's (`?device=`); browsers cannot set
   * headers on a WebSocket. `null`: refused. A read-only link (the chair's tablet) only reads.
   */
  authorise(token: string | null, device: string | null, meetingId: number): { readOnly: boolean } | null;
  /** A task holding the data file (a restore): links wait until it is done. */
  busy(): string | undefined;
}

/**
 * The minutes' sync protocol over WebSocket, on an HTTP server of ours: serve's, or the desktop
 * app's loopback endpoint. Host and token are checked before the upgrade; the meeting and the
 * data file's document name (`?key=`) after it, with a close code the window acts on.
 */
export function attachMinutesSocket(server: Server, gate: SocketGate): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const host = req.headers.host ?? '';
    const url = new URL(req.url ?? '/', 'http://local');
    if (!url.pathname.startsWith(MINUTES_SOCKET_PREFIX)) return refuse(socket, 404, 'Not Found');
    if (!gate.hostOk(host)) return refuse(socket, 403, 'Forbidden');
    const meetingId = Number(url.pathname.slice(MINUTES_SOCKET_PREFIX.length));
    const access = gate.authorise(url.searchParams.get('token'), url.searchParams.get('device'), meetingId);
    if (!access) return refuse(socket, 401, 'Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => open(ws, url, access.readOnly));
  });

  function open(ws: WebSocket, url: URL, readOnly: boolean): void {
    const meetingId = Number(url.pathname.slice(MINUTES_SOCKET_PREFIX.length));
    const busy = gate.busy();
    if (busy) return ws.close(CLOSE.busy, busy);
    if (!Number.isSafeInteger(meetingId) || meetingId <= 0 || !gate.docs.exists(meetingId))
      return ws.close(CLOSE.unknownMeeting, '没有这次会议');
    if (url.searchParams.get('key') !== gate.docs.keyOf(meetingId))
      return ws.close(CLOSE.otherFile, '数据文件已更换，请重新打开会议记录');
    const link = gate.docs.join(
      meetingId,
      (bytes) => ws.readyState === ws.OPEN && ws.send(bytes),
      (reason) => ws.close(CLOSE.roomClosed, reason),
    );
    ws.on('message', (data, isBinary) => {
      const bytes = isBinary ? toBytes(data) : new Uint8Array(0);
      // A reader asks and hears, never changes: its changes are not even decoded as such.
      if (readOnly && !readsOnly(bytes)) return;
      link.receive(bytes);
    });
    ws.on('close', () => link.closed());
    ws.on('error', () => ws.terminate());
  }
  server.on('close', () => wss.close());
  return wss;
}

/** A step 1 (what do you have?) or a caret: all a read-only link may send. */
function readsOnly(bytes: Uint8Array): boolean {
  const kind = readFrame(bytes).kind;
  return kind === 'step1' || kind === 'awareness';
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.length);
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
