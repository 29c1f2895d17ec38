import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../core';
import { AppError } from '../core/errors';
import { defaultDataDir } from '../core/paths';
import { startServer } from './server';

const USAGE = `用法：npm run serve -- [--data 目录] [--port 端口] [--demo]
  --data DIR   数据目录（默认 ${defaultDataDir()}）
  --port N     端口（默认 5178；0 表示随机）
  --demo       数据为空时载入示例数据`;

async function main() {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      port: { type: 'string', default: '5178' },
      demo: { type: 'boolean', default: false },
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
  if (!existsSync(resolve(staticDir, 'index.html'))) throw new Error('找不到界面文件（out/renderer），请先运行 npm run build');

  const dataDir = resolve(values.data ?? defaultDataDir());
  const core = createCore({ dataDir });
  if (values.demo) {
    // app.loadDemo itself refuses a data file that already has a directory: that is not an error here.
    const loaded = await core.invoke('app.loadDemo', {});
    if (loaded.ok) console.log('已载入示例数据');
    else if (loaded.error.code === 'refused') console.log('数据目录中已有名录，未载入示例数据');
    else throw new Error(loaded.error.message);
  }
  const token = randomBytes(18).toString('base64url');
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

main().catch((e) => {
  console.error(e instanceof AppError || e instanceof Error ? e.message : e);
  process.exit(1);
});
