import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

export interface Rendered {
  pages: number;
  words: Word[];
}

/**
 * A document as a real renderer lays it out: LibreOffice converts it to PDF, poppler reads the
 * pages and every word's box back (`pdfinfo`, `pdftotext -bbox`). Its own profile folder, so two
 * test files never share a LibreOffice instance.
 */
export const renderDocx = (docx: Buffer): Rendered => renderDocxs([docx])[0];

/** Several documents in one start of LibreOffice (its start is most of the time a render takes). */
export function renderDocxs(docxs: readonly Buffer[]): Rendered[] {
  for (const tool of ['soffice', 'pdftotext', 'pdfinfo'])
    if (!existsSync(`/usr/bin/${tool}`) && !process.env.PATH?.split(':').some((d) => existsSync(join(d, tool))))
      throw new Error(
        `找不到 ${tool}：文件的排版检查需要 LibreOffice 和 poppler（Debian/Ubuntu：apt-get install -y libreoffice-writer-nogui poppler-utils）`,
      );
  const dir = mkdtempSync(join(tmpdir(), 'bcsl-render-'));
  try {
    const files = docxs.map((docx, i) => {
      const file = join(dir, `doc${i}.docx`);
      writeFileSync(file, docx);
      return file;
    });
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        ...files,
      ],
      { stdio: 'ignore', timeout: 60_000 + 30_000 * files.length },
    );
    return files.map((file) => readPdf(file.replace(/\.docx$/, '.pdf')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function readPdf(pdf: string): Rendered {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const words: Word[] = [];
  let page = 0;
  for (const m of html.matchAll(
    /<page [^>]*>|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
  )) {
    if (m[0].startsWith('<page')) page++;
    else words.push({ page, text: decode(m[5]), x: +m[1], y: +m[2], right: +m[3], bottom: +m[4] });
  }
  return { pages, words };
}

const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');
