import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { archiveArea } from './areas/archive';
import { directoryArea } from './areas/directory';
import { exportArea } from './areas/export';
import { lanArea } from './areas/lan';
import { minutesArea } from './areas/minutes';
import { projectorArea } from './areas/projector';
import { queueArea } from './areas/queue';
import { stallArea } from './areas/stall';
import { topicsArea } from './areas/topics';
import { transferArea } from './areas/transfer';
import { type Area, type Figure, passes } from './figures';

/**
 * `npm run bench` prints one table; `-- --json FILE` also writes the figures as one flat JSON
 * object under the keys of quality-bars.md; `-- --only AREA` runs one area. Figures of parts not
 * built yet are absent, never faked.
 */
const areas: Area[] = [
  directoryArea,
  topicsArea,
  queueArea,
  projectorArea,
  minutesArea,
  exportArea,
  archiveArea,
  lanArea,
  stallArea,
  transferArea,
];

const { values } = parseArgs({ options: { json: { type: 'string' }, only: { type: 'string' } } });
const chosen = values.only ? areas.filter((a) => a.name === values.only) : areas;
if (!chosen.length) {
  console.error(`没有名为“${values.only}”的测试区域。可用：${areas.map((a) => a.name).join('、')}`);
  process.exit(2);
}

const figures: Figure[] = [];
for (const area of chosen) {
  process.stderr.write(`正在测量 ${area.name} …\n`);
  figures.push(...(await area.run()));
}

const rows = figures.map((f) => {
  const ok = passes(f);
  const bar = f.bar
    ? [f.bar.max !== undefined ? `≤ ${f.bar.max}` : '', f.bar.min !== undefined ? `≥ ${f.bar.min}` : '']
        .join(' ')
        .trim() + (f.unit && f.unit !== 'x' ? ` ${f.unit}` : f.unit)
    : '';
  return [
    f.key,
    f.label,
    `${f.value}${f.unit === 'x' ? '×' : ` ${f.unit}`}`,
    bar,
    ok === undefined ? '' : ok ? '✓' : '✗',
  ];
});
const header = ['key', '测量项', '结果', '标准', ''];
// CJK characters and full-width punctuation take two columns in a terminal.
const wide = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
const width = (s: string) => [...s].reduce((w, ch) => w + (wide.test(ch) ? 2 : 1), 0);
const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
const line = (cells: string[]) => '| ' + cells.map((c, i) => c + ' '.repeat(widths[i] - width(c))).join(' | ') + ' |';
console.log(line(header));
console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
rows.forEach((r) => console.log(line(r)));

if (values.json) {
  writeFileSync(values.json, JSON.stringify(Object.fromEntries(figures.map((f) => [f.key, f.value])), null, 2) + '\n');
  console.log(`\n已写入 ${values.json}`);
}
const failed = figures.filter((f) => passes(f) === false);
if (failed.length) console.log(`\n未达标：${failed.map((f) => f.key).join('、')}`);
