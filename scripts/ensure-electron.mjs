// Runs electron-vite (`node scripts/ensure-electron.mjs dev|preview …`) once Electron's binary is on disk.
//
// Why: electron 45 downloads its binary lazily, when require('electron') runs, but electron-vite 6
// reads node_modules/electron/path.txt itself and stops with "Electron uninstall". It also ignores
// ELECTRON_OVERRIDE_DIST_PATH (it only knows ELECTRON_EXEC_PATH), so this script starts
// electron-vite itself and hands it the binary it found.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(join(root, 'package.json'));
const windows = process.platform === 'win32';

function fail(lines) {
  console.error(lines.join('\n'));
  process.exit(1);
}

/** How to run npm start with one environment variable set, in this platform's usual shell. */
function withEnv(name, value) {
  return windows ? `$env:${name}="${value}"; npm start` : `${name}=${value} npm start`;
}

let electronDir;
try {
  electronDir = dirname(require.resolve('electron/package.json'));
} catch {
  fail(['无法启动：找不到 electron 包，请先在项目目录运行 npm install。']);
}
const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'));
// The same platform and arch choice as electron's install.js.
const platform = process.env.ELECTRON_INSTALL_PLATFORM || process.env.npm_config_platform || process.platform;
const arch = process.env.ELECTRON_INSTALL_ARCH || process.env.npm_config_arch || process.arch;
const pathFile = join(electronDir, 'path.txt');
const defaultName =
  {
    win32: 'electron.exe',
    darwin: 'Electron.app/Contents/MacOS/Electron',
    mas: 'Electron.app/Contents/MacOS/Electron',
  }[platform] ?? 'electron';
const executableName = () => (existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : defaultName);

const waysForward = [
  '可以这样继续：',
  '  1. 换一个本机网络能访问的下载镜像，例如：',
  `       ${withEnv('ELECTRON_MIRROR', 'https://npmmirror.com/mirrors/electron/')}`,
  `  2. 使用磁盘上已有的 Electron ${version} 运行文件：`,
  `       ${withEnv('ELECTRON_OVERRIDE_DIST_PATH', '<electron 可执行文件所在的文件夹>')}`,
  `     或把官方的 electron-v${version}-${platform}-${arch}.zip 解压到 node_modules/electron/dist，`,
  `     再把 node_modules/electron/path.txt 的内容写成 ${defaultName}。`,
  '不装 Electron 也可以在浏览器里使用：npm run serve -- --demo',
];

/** Electron's installer, with its stderr kept: on failure it prints a stack trace and exits 1. */
function runInstaller() {
  // Loaded into the installer with --import: names each URL it fetches, adds the network cause
  // ("connect ECONNREFUSED …") that Node's "fetch failed" leaves out of the stack, and reports
  // progress (electron's own progress bar needs a terminal, and stderr here is a pipe).
  const hook = `const f = globalThis.fetch, say = (s) => process.stderr.write('\\0' + s + '\\n');
globalThis.fetch = async (url, options) => {
  say('url ' + url);
  let res;
  try { res = await f(url, options); }
  catch (e) { throw e?.cause?.message ? new TypeError(e.message + ' (' + e.cause.message + ')', { cause: e.cause }) : e; }
  if (!res.ok || !res.body) return res;
  const total = Number(res.headers.get('content-length')) || 0;
  let got = 0, last = 0;
  const count = new TransformStream({ transform(chunk, c) {
    got += chunk.length;
    if (Date.now() - last > 500) { last = Date.now(); say('progress ' + got + ' ' + total); }
    c.enqueue(chunk);
  } });
  return new Response(res.body.pipeThrough(count), { status: res.status, statusText: res.statusText, headers: res.headers });
};`;
  const args = [`--import=data:text/javascript,${encodeURIComponent(hook)}`, join(electronDir, 'install.js')];
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let url;
    let pending = '';
    const showProgress = process.stdout.isTTY;
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => {
      pending += d;
      const lines = pending.split('\n');
      pending = lines.pop();
      for (const line of lines) {
        if (!line.startsWith('\0')) output += line + '\n';
        else if (line.startsWith('\0url ')) url = line.slice(5);
        else if (showProgress && line.startsWith('\0progress ')) {
          const [got, total] = line
            .slice(10)
            .split(' ')
            .map((n) => (Number(n) / 1e6).toFixed(0));
          process.stdout.write(`\r  已下载 ${got}${total !== '0' ? ` / ${total}` : ''} MB`);
        }
      }
    });
    child.on('error', (error) => done({ ok: false, url, output: error.message }));
    child.on('close', (code) => {
      if (showProgress) process.stdout.write('\n');
      done({ ok: code === 0, url, output: output + pending });
    });
  });
}

/** The one line that says why: the error's own line from the stack, not the frames. */
function reason(output) {
  const lines = output
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l && !/^\s+at /.test(l));
  return lines.find((l) => /^\w*Error\b/.test(l)) ?? lines.at(-1) ?? '（安装程序没有给出原因）';
}

function startElectronVite(electronExecPath) {
  const pkg = JSON.parse(readFileSync(require.resolve('electron-vite/package.json'), 'utf8'));
  const bin = join(
    dirname(require.resolve('electron-vite/package.json')),
    typeof pkg.bin === 'string' ? pkg.bin : pkg.bin['electron-vite'],
  );
  const env = { ...process.env, ELECTRON_EXEC_PATH: electronExecPath };
  const child = spawn(process.execPath, [bin, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
  // Ctrl+C reaches the whole group; a signal sent to this process alone is passed on.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('close', (code) => process.exit(code ?? 1));
}

// An explicit binary (electron-vite's ELECTRON_EXEC_PATH, or Electron's ELECTRON_OVERRIDE_DIST_PATH)
// is used as it is and never downloaded: install.js would unpack into node_modules/electron/dist,
// not into the override folder, and the user asked for the binary on disk.
const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
const explicit = process.env.ELECTRON_EXEC_PATH || (override && join(override, executableName()));
if (explicit) {
  if (!existsSync(explicit)) {
    const variable = process.env.ELECTRON_EXEC_PATH ? 'ELECTRON_EXEC_PATH' : 'ELECTRON_OVERRIDE_DIST_PATH';
    fail([`无法启动：${variable} 指定的 Electron 运行文件不存在：${explicit}`, ...waysForward]);
  }
  startElectronVite(explicit);
} else {
  const installed = () => existsSync(pathFile) && existsSync(join(electronDir, 'dist', executableName()));
  if (!installed()) {
    console.log(`正在下载 Electron ${version} 运行文件（约 100 MB，仅首次启动需要）…`);
    const result = await runInstaller();
    if (!result.ok) {
      fail([
        result.url
          ? `无法启动：Electron ${version} 运行文件下载失败。`
          : `无法启动：Electron ${version} 运行文件安装失败。`,
        ...(result.url ? [`  下载地址：${result.url}`] : []),
        `  原因：${reason(result.output)}`,
        ...waysForward,
      ]);
    }
    if (!installed())
      fail([
        `无法启动：Electron 安装程序已结束，但 ${join(electronDir, 'dist', executableName())} 不存在。`,
        ...waysForward,
      ]);
  }
  startElectronVite(join(electronDir, 'dist', executableName()));
}
