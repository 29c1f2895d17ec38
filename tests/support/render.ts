import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A word as a renderer laid it out: its text and its box on the page, in points. */
export interface Word {
  page: number;
  text: string;
  x: number;
  y: number;
  right: number;
  bottom: number;
}

/**
 * A document as a real renderer lays it out: LibreOffice converts it to PDF, poppler reads the
 * pages and every word's box back (`pdfinfo`, `pdftotext -bbox`). Its own profile folder, so two
 * test files never share a LibreOffice instance.
 */
export function renderDocx(docx: Buffer): { pages: number; words: Word[] } {
  for (const tool of ['soffice', 'pdftotext', 'pdfinfo'])
    if (!existsSync(`/usr/bin/${tool}`) && !process.env.PATH?.split(':').some((d) => existsSync(join(d, tool))))
      throw new Error(
        `找不到 ${tool}：文件的排版检查需要 LibreOffice 和 poppler（Debian/Ubuntu：apt-get install -y libreoffice-writer-nogui poppler-utils）`,
      );
  const dir = mkdtempSync(join(tmpdir(), 'bcsl-render-'));
  try {
    const file = join(dir, 'doc.docx');
    writeFileSync(file, docx);
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        file,
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
    const pdf = join(dir, 'doc.pdf');
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
    execFileSync('pdftotext', ['-bbox', pdf, join(dir, 'words.html')]);
    const html = readFileSync(join(dir, 'words.html'), 'utf8');
    const words: Word[] = [];
    let page = 0;
    for (const m of html.matchAll(
      /<page [^>]*>|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    )) {
      if (m[0].startsWith('<page')) page++;
      else words.push({ page, text: decode(m[5]), x: +m[1], y: +m[2], right: +m[3], bottom: +m[4] });
    }
    return { pages, words };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');
