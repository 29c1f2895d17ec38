import { randomUUID } from 'node:crypto';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { isoNow, type Ctx } from '../context';
import { latestVersion } from '../db/migrations';
import { runInWorker } from '../backup/worker/run';
import { plainFileIn, stamp } from '../backup/files';
import { makePrivateDir, makePrivateFile } from '../db/privateFiles';
import { findMinutes } from '../data/minutes';
import { loadDoc, writeSnapshot } from '../data/minutesYjs';
import { storeValue, storedValue } from '../data/settings';
import { notFound } from '../errors';
import { jsonToUpdate } from '../minutesSync/convert';
import { readSettings } from '../services/settings';
import { PACKAGE_FORMAT } from './manifest';
import type { WritePackageInput } from './writePackage';

/** This installation's identity in the packages it writes: made once, kept in the data file. */
export const INSTALLATION_ID = 'installationId';

/** Packages are written here, beside the data file (private, as the data file is). */
export const packageFolder = (dataFile: string) => join(dirname(dataFile), 'packages');

/** A package of the folder by its name: a plain file name, nothing else (a page names no path). */
export const packageFile = (folder: string, name: string) =>
  plainFileIn(folder, name, `会议包文件夹中没有“${name}”，请重新导出`);

export interface Exported {
  name: string;
  bytes: number;
  meetings: number;
  counts: Record<string, number>;
  checksum: string;
}

/**
 * Writes one package of the given meetings into the packages folder. What this installation keeps
 * of it (its identity, the shared documents made for minutes never opened) is written first in one
 * transaction; the file itself is built in the worker, from the committed data, like a backup.
 */
export async function exportPackage(ctx: Ctx, meetingIds: readonly number[]): Promise<Exported> {
  const ids = [...new Set(meetingIds)];
  const meetings = ids.map((id) => {
    const m = ctx.db.prepare('SELECT id, uid, title, starts_at AS startsAt FROM meeting WHERE id = ?').get(id) as
      { id: number; uid: string; title: string; startsAt: string } | undefined;
    if (!m) throw notFound('会议', id);
    return m;
  });
  const now = isoNow(ctx);
  const installation = ctx.db.transaction(() => {
    for (const m of meetings) ensureSharedDoc(ctx, m.id, now);
    const known = storedValue(ctx, INSTALLATION_ID) as string | undefined;
    if (known) return known;
    const made = randomUUID();
    storeValue(ctx, INSTALLATION_ID, made);
    return made;
  })();

  const folder = packageFolder(ctx.dataFile);
  makePrivateDir(folder);
  // Named in local time, as backups are (a package exported at 09:30 says 093000).
  const base = `会议包-${stamp(ctx.now())}-${meetings.length}场`;
  let name = `${base}.db`;
  for (let n = 2; existsSync(join(folder, name)); n++) name = `${base}-${n}.db`;
  const path = join(folder, name);
  // Written under a temporary name, so that the folder never shows a half-written package.
  const partial = `${path}.partial`;
  makePrivateFile(partial, { create: true });
  try {
    const head: WritePackageInput['head'] = {
      format: PACKAGE_FORMAT,
      installation: { id: installation, name: hostname() },
      organisation: readSettings(ctx).orgName,
      appVersion: ctx.appVersion,
      schemaVersion: latestVersion,
      exportedAt: now,
      meetings: meetings.map(({ uid, title, startsAt }) => ({ uid, title, startsAt })),
    };
    const manifest = await ctx.slot.reading(() =>
      runInWorker('writePackage', { source: ctx.dataFile, dest: partial, meetingIds: ids, head }),
    );
    renameSync(partial, path);
    return {
      name,
      bytes: statSync(path).size,
      meetings: meetings.length,
      counts: manifest.counts,
      checksum: manifest.checksum,
    };
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
}

/**
 * A meeting whose minutes were never opened has them only as its projection: the shared document
 * is made here, once, as the minutes room would make it, so that every later package of this
 * meeting carries the same document history (and two of them merge instead of doubling the text).
 */
function ensureSharedDoc(ctx: Ctx, meetingId: number, now: string): void {
  const stored = loadDoc(ctx, meetingId);
  if (stored.snapshot || stored.updates.length) return;
  const minutes = findMinutes(ctx, meetingId);
  if (minutes) writeSnapshot(ctx, meetingId, jsonToUpdate(minutes.doc), 0, now);
}
