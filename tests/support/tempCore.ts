import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../electron/core';

/** A core on a real SQLite file in a fresh temp folder, answers checked against the contract. */
export function tempCore(
  opts: { now?: () => Date; lanAddress?: string } = {},
): Core & { dir: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'bcsl-test-'));
  // 会场互联 on a loopback stand-in for the laptop's network, never on this machine's own LAN.
  const lan = { addresses: () => [opts.lanAddress ?? '127.0.0.2'], port: 0 };
  const core = createCore({ dataDir: dir, validateOutput: true, now: opts.now, lan });
  // Assigned, not spread: `db` is a getter that must follow a restore.
  return Object.assign(core, {
    dir,
    dispose() {
      core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

/** Every table's rows and the schema version: equal dumps mean the database did not change. */
export function dumpDatabase(core: Core): string {
  const tables = core.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
  const parts: Record<string, unknown> = { version: core.db.pragma('user_version', { simple: true }) };
  for (const t of tables) {
    // The full-text index's own tables include some without a rowid.
    const withoutRowid = /WITHOUT ROWID/i.test(
      (core.db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(t) as string | null) ?? '',
    );
    parts[t] = core.db.prepare(`SELECT * FROM "${t}" ORDER BY ${withoutRowid ? 1 : 'rowid'}`).all();
  }
  return JSON.stringify(parts);
}

/** Unwraps a call's answer or fails the test with the Chinese message. */
export function ok<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`调用失败 [${result.error.code}] ${result.error.message}`);
  return result.value;
}

/** The Chinese message of a refused call, or '' when it succeeded. */
export const err = (r: { ok: boolean; error?: { message: string } }) => (r.ok ? '' : r.error!.message);

/** A file as the desktop's dialog hands it to the core (the trusted side): the source a call names it by. */
export const chosen = (core: Core, path: string) => ({ handle: core.files.choose(path).handle });
