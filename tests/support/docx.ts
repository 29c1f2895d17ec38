import JSZip from 'jszip';
import mammoth from 'mammoth';

/**
 * Reads a .docx back with independent readers (jszip for the package parts, mammoth for the
 * text as Word would give it), so document tests check the file, not the code that wrote it.
 */
export async function readDocx(data: Buffer | string) {
  const buffer = typeof data === 'string' ? Buffer.from(data, 'base64') : data;
  const zip = await JSZip.loadAsync(buffer);
  const part = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const document = await part('word/document.xml');
  const rels = await part('word/_rels/document.xml.rels');
  const footerRefs = [...document.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)];
  const footers: Record<string, string> = {};
  for (const [, type, rid] of footerRefs) {
    const target =
      new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
      new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)?.[1];
    footers[type] = target ? await part(`word/${target}`) : '';
  }
  const text = (await mammoth.extractRawText({ buffer })).value;
  return {
    zip,
    document,
    settings: await part('word/settings.xml'),
    footers,
    text,
    tables: tablesOf(document),
    paragraphs: paragraphsOf(document),
  };
}

const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

/** Each table as rows of cell texts (lines in a cell joined by "\n"). */
function tablesOf(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map(([, t]) =>
    [...t.matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map(([, r]) =>
      [...r.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([, c]) =>
        [...c.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => textOf(p)).join('\n'),
      ),
    ),
  );
}

/** Body paragraphs (outside tables) with their XML, for checking fonts, sizes and alignment. */
function paragraphsOf(xml: string): { text: string; xml: string }[] {
  const outside = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  return [...outside.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({ text: textOf(p), xml: p }));
}

/** An attribute of the first element with that tag, e.g. attr(doc, 'w:pgMar', 'w:top'). */
export function attr(xml: string, tag: string, name: string): string | undefined {
  const el = new RegExp(`<${tag}\\b[^>]*>`).exec(xml)?.[0];
  return el ? new RegExp(`${name}="([^"]*)"`).exec(el)?.[1] : undefined;
}
