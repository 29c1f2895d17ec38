import * as Y from 'yjs';
import { readMinutesDoc } from '../../../shared/domain/minutesDoc';
import { minutesVersion, saveMinutes } from '../data/minutes';
import { loadDoc, writeSnapshot } from '../data/minutesYjs';
import { refused } from '../errors';
import { $getRoot } from 'lexical';
import { bindEditor } from '../minutesSync/boundEditor';
import { updatesToJson } from '../minutesSync/convert';
import { $isSpeakerNode } from '../minutesSync/nodes';
import type { MergeRun } from './mergePackage';
import type { OpenedPackage } from './readPackage';

/** Shown to the windows that had the minutes open when an import brought them up to date. */
export const IMPORTING = '会议记录已由导入的会议包更新，请重新打开';

/**
 * The minutes are a Yjs document: the package's state and the receiver's are merged as Yjs merges
 * any two replicas (every change of both kept once), stored as one snapshot, and projected into
 * the minutes row. Nothing is written when the package brings no change the receiver lacks.
 */
export function mergeMinutes(
  pkg: OpenedPackage,
  run: MergeRun,
  meetings: ReadonlyMap<number, number>,
  speeches: ReadonlyMap<number, number>,
): { meeting: number; kind: 'add' | 'update' }[] {
  const out: { meeting: number; kind: 'add' | 'update' }[] = [];
  let roomsClosed = false;
  for (const row of pkg.rows.get('minutes_yjs_snapshot') ?? []) {
    const pkgMeeting = row.meeting_id as number;
    const local = meetings.get(pkgMeeting)!;
    const theirs = new Uint8Array(row.state as Buffer);
    if (local < 0) {
      out.push({ meeting: pkgMeeting, kind: 'add' });
      continue;
    }
    const readCtx = { db: run.db } as Parameters<typeof loadDoc>[0];
    let stored = loadDoc(readCtx, local);
    const hadDoc = stored.snapshot !== null || stored.updates.length > 0;
    if (hadDoc && !brings(stored, theirs)) continue;
    // What the other side changed may be only its own relabelling of the headers (after an earlier
    // import from here): nothing to show, nothing stored, so that a round trip ends identical.
    const here = localSpeeches(run, local);
    if (
      hadDoc &&
      relabelled(Y.mergeUpdates([...parts(stored), theirs]), speeches, here).doc === updatesToJson(parts(stored))
    )
      continue;
    out.push({ meeting: pkgMeeting, kind: hadDoc ? 'update' : 'add' });
    if (!run.apply) continue;
    const ctx = run.ctx!;
    if (!roomsClosed) {
      // An open room holds the document in memory: folded into the file first, its windows reconnect to the merged one.
      ctx.minutesDocs.closeAll(IMPORTING);
      roomsClosed = true;
      stored = loadDoc(readCtx, local);
    }
    const { state, doc } = relabelled(Y.mergeUpdates([...parts(stored), theirs]), speeches, here);
    writeSnapshot(ctx, local, state, stored.lastSeq, run.now);
    const read = readMinutesDoc(doc);
    if (!read.ok) throw refused(`不能导入该会议包：会议记录无法读取（${read.reason}）`);
    saveMinutes(ctx, local, {
      doc,
      plain: read.value.plain,
      chars: read.value.chars,
      version: minutesVersion(ctx, local) + 1,
      savedAt: run.now,
      session: ctx.session,
      clean: true,
    });
  }
  return out;
}

const parts = (s: ReturnType<typeof loadDoc>) => [...(s.snapshot ? [s.snapshot] : []), ...s.updates];

/** Whether the package's state holds anything the receiver's lacks (an insertion or a deletion). */
function brings(stored: ReturnType<typeof loadDoc>, theirs: Uint8Array): boolean {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, Y.mergeUpdates(parts(stored)));
    const before = Y.encodeStateAsUpdate(doc);
    Y.applyUpdate(doc, theirs);
    return !Buffer.from(before).equals(Buffer.from(Y.encodeStateAsUpdate(doc)));
  } finally {
    doc.destroy();
  }
}

/** This meeting's speeches here: id → the speaker's name. */
const localSpeeches = (run: MergeRun, meetingId: number) =>
  new Map(
    (
      run.db
        .prepare('SELECT s.id, p.name FROM speech s JOIN person p ON p.id = s.person_id WHERE s.meeting_id = ?')
        .all(meetingId) as { id: number; name: string }[]
    ).map((r) => [r.id, r.name]),
  );

/**
 * The speaker headers name their speech by its id, written by the exporting installation: each one
 * still naming a package speech is set to this installation's id, as one edit of the shared
 * document (an attribute of the header, so that later packages merge around it). A header already
 * relabelled by an earlier import names a speech of this meeting here, under its speaker's name.
 */
function relabelled(
  merged: Uint8Array,
  speeches: ReadonlyMap<number, number>,
  here: ReadonlyMap<number, string>,
): { state: Uint8Array; doc: string } {
  const ydoc = new Y.Doc();
  const bound = bindEditor(ydoc);
  try {
    Y.applyUpdate(ydoc, merged, 'load');
    bound.flush();
    bound.editor.update(
      () => {
        for (const node of $getRoot().getChildren()) {
          if (!$isSpeakerNode(node)) continue;
          const info = node.getLatest().__info;
          const to = speeches.get(info.speechId);
          if (to === undefined || to === info.speechId || here.get(info.speechId) === info.name) continue;
          // Replaced, never mutated: the binding compares __info by reference.
          node.getWritable().__info = { ...info, speechId: to };
        }
      },
      { discrete: true },
    );
    return { state: Y.encodeStateAsUpdate(ydoc), doc: bound.json() };
  } finally {
    bound.dispose();
    ydoc.destroy();
  }
}
