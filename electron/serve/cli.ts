import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore, LAN_PORT, type Core } from '../core';
import { generateArchive } from '../core/generate/archive';
import { AppError } from '../core/errors';
import { defaultDataDir } from '../core/paths';
import { startServer } from './server';

const USAGE = `用法：npm run serve -- [--data 目录] [--port 端口] [--demo] [--generate N] [--check] [--no-backup] [--lan-address 地址] [--lan-port 端口]
  --data DIR     数据目录（默认 ${defaultDataDir()}）
  --port N       端口（默认 5178；0 表示随机）
  --demo         数据为空时载入示例数据
  --generate N   生成 N 次历史会议（议题、参会、发言、记录、协商意见、督办），用于试用大规模档案；需要基础信息（可与 --demo 同用）
  --check        启动时检查数据文件完整性（PRAGMA integrity_check）
  --no-backup    不做每日自动备份（默认每天一份，保留 14 份，在数据目录的 backups 文件夹中）
  --lan-address A  会场互联监听的地址（可多次给出；默认本机的局域网地址；测试用 127.0.0.2 等）
  --lan-port N     会场互联的端口（默认 ${LAN_PORT}；0 表示随机）`;

async function main() {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      port: { type: 'string', default: '5178' },
      demo: { type: 'boolean', default: false },
      generate: { type: 'string' },
      check: { type: 'boolean', default: false },
      'no-backup': { type: 'boolean', default: false },
      'lan-address': { type: 'string', multiple: true },
      'lan-port': { type: 'string', default: String(LAN_PORT) },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`端口“${values.port}”无效\n${USAGE}`);
  const staticDir = resolve(import.meta.dirname, '../../out/renderer');
  if (!existsSync(resolve(staticDir, 'index.html')))
    throw new Error('找不到界面文件（out/renderer），请先运行 npm run build');

  const generate = values.generate === undefined ? 0 : Number(values.generate);
  if (!Number.isInteger(generate) || generate < 0 || generate > 5000)
    throw new Error(`--generate 应为 0 到 5000 之间的整数，而不是“${values.generate}”\n${USAGE}`);

  const dataDir = resolve(values.data ?? defaultDataDir());
  const lanPort = Number(values['lan-port']);
  if (!Number.isInteger(lanPort) || lanPort < 0 || lanPort > 65535)
    throw new Error(`会场互联端口“${values['lan-port']}”无效\n${USAGE}`);
  const lanAddresses = values['lan-address'];
  const core = createCore({
    dataDir,
    lan: { port: lanPort, staticDir, addresses: lanAddresses ? () => lanAddresses : undefined },
  });
  if (core.unavailable) {
    // Serve anyway: the window explains and offers the newest backup. Nothing is moved or deleted.
    console.warn(`注意：${core.unavailable}\n界面中将提供从备份恢复的选项。`);
  } else await prepareData(core, values.demo, generate, values.check);
  // Also after a damaged start: once a backup is restored, the daily copies resume.
  if (!values['no-backup']) core.startAutoBackup();
  // BCSL_SERVE_TOKEN: the token of an earlier run, so that its open tabs carry on after a restart
  // (the tests restart a killed core under the same address). Otherwise a fresh one per run.
  const token = process.env.BCSL_SERVE_TOKEN || randomBytes(18).toString('base64url');
  const { url, server } = await startServer({ core, token, staticDir, port });
  console.log(`冰城商量（浏览器模式）已启动\n数据文件：${core.dataFile}\n在浏览器中打开：${url}`);

  const stop = () => {
    server.close();
    server.closeAllConnections();
    core.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function prepareData(core: Core, demo: boolean, generate: number, check: boolean) {
  if (check) {
    const r = await core.invoke('backup.check', {});
    if (!r.ok) throw new Error(r.error.message);
    console.log(
      r.value.ok
        ? `数据文件完整性检查通过（${r.value.ms} ms）`
        : `数据文件完整性检查发现问题：\n${r.value.problems.join('\n')}`,
    );
  }
  if (demo) {
    // app.loadDemo itself refuses a data file that already has a directory: that is not an error here.
    const loaded = await core.invoke('app.loadDemo', {});
    if (loaded.ok) console.log('已载入示例数据');
    else if (loaded.error.code === 'refused') console.log('数据目录中已有名录，未载入示例数据');
    else throw new Error(loaded.error.message);
  }
  if (generate) {
    // Made-up meetings must never mix into a real archive: only a data file without meetings takes them.
    const existing = core.db.prepare('SELECT count(*) FROM meeting').pluck().get() as number;
    if (existing)
      throw new Error(
        `--generate 只用于试用的数据目录：此数据文件中已有 ${existing} 次会议，未生成。请用 --data 指定一个新的目录。`,
      );
    const started = performance.now();
    let last = 0;
    const made = generateArchive(core.ctx, {
      meetings: generate,
      onProgress: (done) => {
        // A line every tenth, so a long run shows it is moving.
        if (done - last >= Math.max(1, Math.ceil(generate / 10)) || done === generate) {
          console.log(`正在生成历史会议：${done}/${generate}`);
          last = done;
        }
      },
    });
    console.log(
      `已生成 ${made.meetings} 次历史会议，会议记录共 ${(made.chars / 10_000).toFixed(1)} 万字，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒`,
    );
  }
}

main().catch((e) => {
  console.error(e instanceof AppError || e instanceof Error ? e.message : e);
  process.exit(1);
});
