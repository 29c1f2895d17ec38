import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, DATA_FILE_NAME } from '../../../electron/core';
import { ensureDailyBackup } from '../../../electron/core/backup/autoBackup';
import { generateArchive } from '../../../electron/core/generate/archive';
import { type Area, type Figure, median, percentile, round, timeMany } from '../figures';
import { ok } from '../../support/tempCore';

const MEETINGS = 1000;
const CHARS = 30_000;

/**
 * An archive of 1,000 meetings (about 30 M characters of minutes): searching it through the
 * index and by a LIKE scan of the same rows with the same limit, and opening it cold.
 */
export const archiveArea: Area = {
  name: 'archive',
  async run(): Promise<Figure[]> {
    const dir = mkdtempSync(join(tmpdir(), 'bcsl-bench-'));
    try {
      let core = createCore({ dataDir: dir });
      ok(await core.invoke('app.loadDemo', {}));
      const generated = generateArchive(core.ctx, { meetings: MEETINGS, minutesChars: CHARS });
      const names = core.db
        .prepare('SELECT name FROM person WHERE length(name) = 3 LIMIT 20')
        .pluck()
        .all() as string[];
      // What secretaries look for: a subject, a meeting, a speaker, a phrase from the minutes, something never said.
      const long = [
        '老旧小区加装电梯',
        '松花江沿岸步道',
        '冰雪旅游服务',
        '菜市场改造提升',
        '社区养老服务站',
        '第137次协商',
        '第512次协商',
        '第888次协商',
        ...names.slice(0, 6),
        '冬季保温设施',
        '牵头部门会同区政府',
        '数据接入城管平台',
        '对开放卫生间的商户',
        '地铁三号线换乘',
        '学区划片调整',
      ];
      const short = ['公厕', '电梯', '步道', '厕', '冰', '停车'];
      const timed = async (q: string, repeat = 5) => {
        const times: number[] = [];
        for (let i = 0; i < repeat; i++) {
          const t0 = performance.now();
          ok(await core.invoke('archive.search', { q }));
          times.push(performance.now() - t0);
        }
        return times;
      };
      for (const q of long.slice(0, 3)) await timed(q, 1); // warm-up
      // One query at a time, as a person searches.
      const indexed: number[] = [];
      for (const q of long) indexed.push(...(await timed(q)));
      const shortTimes: number[] = [];
      for (const q of short) shortTimes.push(...(await timed(q)));
      // Index against scan on equal terms: every record that holds the phrase, counted, over the
      // same rows (the app's own search stops at its first 50, which would flatter the scan).
      const viaIndex = core.db.prepare('SELECT count(*) FROM search_index WHERE search_index MATCH ?').pluck();
      const viaScan = core.db
        .prepare("SELECT count(*) FROM search_index WHERE title LIKE ? ESCAPE '\\' OR body LIKE ? ESCAPE '\\'")
        .pluck();
      const likeTimes: number[] = [];
      const ratios: number[] = [];
      for (const q of long) {
        let t0 = performance.now();
        const found = viaScan.get(`%${q}%`, `%${q}%`);
        const scanMs = performance.now() - t0;
        t0 = performance.now();
        const indexedFound = viaIndex.get(`"${q}"`);
        const indexMs = performance.now() - t0;
        if (found !== indexedFound) throw new Error(`“${q}”：索引找到 ${indexedFound} 条，扫描找到 ${found} 条`);
        likeTimes.push(scanMs);
        ratios.push(scanMs / indexMs);
      }
      // Members' records over the same archive: a year's table, and its spreadsheet.
      const year = ok(await core.invoke('records.list', {})).year;
      const recordTimes = await timeMany(10, () => core.invoke('records.list', { year }), 2);
      const x0 = performance.now();
      ok(await core.invoke('records.export', { year }));
      const exportMs = performance.now() - x0;
      core.close();

      const size = statSync(join(dir, DATA_FILE_NAME)).size;
      // Cold open: open the file, check and apply migrations, answer the first screen's query.
      const t0 = performance.now();
      core = createCore({ dataDir: dir });
      ok(await core.invoke('meeting.list', {}));
      const openMs = performance.now() - t0;

      // A backup of the whole archive while the app goes on answering, then a restore of it.
      const during: number[] = [];
      let backingUp = true;
      const probe = (async () => {
        while (backingUp) {
          const q0 = performance.now();
          ok(await core.invoke('meeting.list', {}));
          during.push(performance.now() - q0);
          await new Promise((r) => setTimeout(r, 20));
        }
      })();
      const b0 = performance.now();
      const backup = ok(await core.invoke('backup.create', {}));
      const backupMs = performance.now() - b0;
      backingUp = false;
      await probe;
      // The daily copy: the same backup, then the integrity check of the copy (on the main thread).
      const d0 = performance.now();
      if (!(await ensureDailyBackup(core.ctx))) throw new Error('今日自动备份未执行');
      const dailyMs = performance.now() - d0;
      const r0 = performance.now();
      ok(await core.invoke('backup.restore', { name: backup.name }));
      const restoreMs = performance.now() - r0;
      core.close();

      return [
        {
          key: 'search.p95_ms',
          label: `检索 ${MEETINGS} 次会议的档案（${(generated.chars / 1e6).toFixed(1)} M 字记录，${(size / 1e6).toFixed(0)} MB），三字及以上，p95`,
          value: round(percentile(indexed, 95)),
          unit: 'ms',
          bar: { max: 30 },
        },
        { key: 'search.median_ms', label: '同上，中位数', value: round(median(indexed)), unit: 'ms' },
        {
          key: 'search.short_p95_ms',
          label: '一两个字的检索（扫描），p95',
          value: round(percentile(shortTimes, 95)),
          unit: 'ms',
        },
        {
          key: 'search.like_median_ms',
          label: '找出全部含该词的记录：LIKE 扫描同一数据，中位数',
          value: round(median(likeTimes)),
          unit: 'ms',
        },
        {
          key: 'search.speedup_vs_like',
          label: '找出全部含该词的记录：索引比扫描快（逐词之比的中位数，结果相同）',
          value: round(median(ratios)),
          unit: 'x',
          bar: { min: 20 },
        },
        {
          key: 'archive.open_ms',
          label: '打开档案（打开、迁移检查、首个查询）',
          value: round(openMs),
          unit: 'ms',
          bar: { max: 150 },
        },
        {
          key: 'records.list_median_ms',
          label: `履职档案：一年的委员表（${year}年，档案共 ${MEETINGS} 次会议），中位数`,
          value: round(median(recordTimes)),
          unit: 'ms',
        },
        { key: 'records.export_ms', label: '履职档案：导出该年度 .xlsx', value: round(exportMs), unit: 'ms' },
        {
          key: 'backup.archive_ms',
          label: `在线备份整个档案（${(size / 1e6).toFixed(0)} MB）`,
          value: round(backupMs),
          unit: 'ms',
        },
        {
          key: 'backup.call_p95_during_ms',
          label: `备份进行中，界面读取会议列表 p95（${during.length} 次）`,
          value: round(percentile(during, 95)),
          unit: 'ms',
        },
        {
          key: 'backup.daily_ms',
          label: '每日自动备份：在线备份加副本完整性检查（检查期间界面等待）',
          value: round(dailyMs),
          unit: 'ms',
        },
        {
          key: 'backup.restore_ms',
          label: '从该备份恢复（先在线备份当前数据，再换上、校验、打开）',
          value: round(restoreMs),
          unit: 'ms',
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
