import JSZip from 'jszip';
import { nestQuotes } from '../../../shared/domain/chineseText';
import { withWideCharacterRuns } from './wideCharacters';
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  RelativeHorizontalPosition,
  RelativeVerticalPosition,
  Table,
  TableAnchorType,
  TableCell,
  TableRow,
  Tab,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
  type ISectionOptions,
} from 'docx';

/**
 * The page of GB/T 9704-2012 (党政机关公文格式), shared by every document the app writes:
 * A4, 天头 37 mm, 订口 28 mm, a 156 × 225 mm text block of 22 lines × 28 characters in 3号仿宋,
 * page numbers "— 1 —" in 4号宋体 outside the text block, odd right and even left.
 *
 * 22 lines come from a line grid and exact 28.95 pt line spacing; 28 characters from condensing
 * each 3号 character by 0.25 pt (16 pt characters need 448 pt, the line has 442). Word's own
 * character grid (linesAndChars with a negative charSpace) does the same in Word, but LibreOffice
 * then gives each character two grid cells and sets 14 a line; condensed runs read alike in
 * Word, WPS and LibreOffice.
 */

/** Millimetres to twips (1/1440 inch), the unit of Word's page geometry. */
export const mm = (value: number) => Math.round((value * 1440) / 25.4);

export const PAGE = {
  width: mm(210),
  height: mm(297),
  top: mm(37),
  left: mm(28),
  bottom: mm(35),
  right: mm(26),
} as const;

/** Font names as Chinese government templates spell them (Word substitutes when one is missing). */
export const FONT = {
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  title: '方正小标宋简体',
  pageNumber: '宋体',
  latin: 'Times New Roman',
} as const;

/** Sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt. */
export const SIZE = { er: 44, san: 32, si: 28 } as const;

/** 225 mm / 22 lines ≈ 28.95 pt per line, as twips; the grid also fits 28 characters in 156 mm. */
export const LINE_PITCH = 579;
/** Condensing of a 3号 character, in twips (−0.25 pt): 28 of them fit the 156 mm line. */
const BODY_CONDENSE = -5;
const CHAR = 315; // one 3号 character as condensed, in twips (16 pt − 0.25 pt)

export const RED = 'C00000';

type RunStyle = Pick<IRunOptions, 'bold' | 'italics' | 'color' | 'shading' | 'underline' | 'strike' | 'snapToGrid'> & {
  font?: string;
  size?: number;
};

/** Characters XML 1.0 cannot hold (Word refuses the file): C0 controls, U+FFFE/FFFF, lone surrogates. */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Chinese as written in the mainland: a renderer picks the Simplified Chinese glyph of a shared character, never the Japanese one. */
export const LANGUAGE = { value: 'zh-CN', eastAsia: 'zh-CN' } as const;

/**
 * A run of text in the body font unless told otherwise; digits and Latin in Times New Roman;
 * quotation marks nested “‘’” (a title in quotes that has quotes of its own).
 */
export function run(text: string, style: RunStyle = {}): TextRun {
  const { font = FONT.body, size = SIZE.san, ...rest } = style;
  return new TextRun({
    text: nestQuotes(text.replace(NOT_XML, '')),
    language: LANGUAGE,
    font: { eastAsia: font, ascii: FONT.latin, hAnsi: FONT.latin, hint: 'eastAsia' },
    size,
    characterSpacing: size === SIZE.san ? BODY_CONDENSE : undefined,
    ...rest,
  });
}

/** A tab character (to the next tab stop). */
const tab = (size: number = SIZE.san) => new TextRun({ children: [new Tab()], size });

const exact = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
/** One 3号 character, for indents counted in characters. */
export const CHARS = (n: number) => n * CHAR;

/** The document title: 2号小标宋, centred (red for a 纪要's masthead). */
export function title(text: string, color?: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: 780, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    // The 2号 title keeps its own line height, off the body's line grid.
    children: [run(text, { font: FONT.title, size: SIZE.er, color, snapToGrid: false })],
  });
}

/** A centred line in the body's pitch (第X期 under a title, a subtitle). */
export function centred(runs: TextRun[]): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact, children: runs });
}

export interface ParagraphOptions {
  /** Twips; the default is the body's two-character first-line indent. */
  indent?: { left?: number; hanging?: number; firstLine?: number };
  align?: 'left' | 'center' | 'right' | 'both';
  /** Keep with the next paragraph (headings, a speaker's line). */
  keepNext?: boolean;
}

/** A paragraph at the body's pitch: exact 28.95 pt lines, justified, two characters in. */
export function paragraph(
  runs: TextRun[],
  { indent = { firstLine: CHARS(2) }, align = 'both', keepNext = false }: ParagraphOptions = {},
): Paragraph {
  return new Paragraph({
    alignment:
      align === 'both'
        ? AlignmentType.JUSTIFIED
        : AlignmentType[align === 'left' ? 'LEFT' : align === 'center' ? 'CENTER' : 'RIGHT'],
    spacing: exact,
    indent,
    keepNext,
    children: runs,
  });
}

/** A body paragraph of plain text (or runs) with the two-character first-line indent. */
export function body(content: string | TextRun[], options: ParagraphOptions = {}): Paragraph {
  return paragraph(typeof content === 'string' ? [run(content)] : content, options);
}

/** Heading fonts inside the body: 一、 黑体, （一） 楷体, 1. and （1） 仿宋 — all 3号. */
export const HEADING_FONT: Record<1 | 2 | 3 | 4, string> = {
  1: FONT.heading1,
  2: FONT.heading2,
  3: FONT.body,
  4: FONT.body,
};

/** The 成文日期 (or an office above it): right-aligned, four characters in from the right. */
export function dateLine(text: string, keepNext = false): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.RIGHT,
    spacing: exact,
    keepNext,
    indent: { right: 4 * CHAR },
    children: [run(text)],
  });
}

/** An empty line of the body's pitch; `keepNext` holds it to what follows (the lines before a 版记). */
export const blankLine = (keepNext = false) => new Paragraph({ spacing: exact, keepNext, children: [] });

/**
 * The paragraph Word needs after a table that ends the document (the 版记). One point high and
 * off the line grid: at a full line's height it would spill onto a page of its own, a blank last
 * page with only its number, whenever the 版记 reaches the foot.
 */
export const endOfDocument = () =>
  new Paragraph({
    spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    // Its mark's size: the paragraph has no text.
    run: { size: 2, snapToGrid: false },
    children: [],
  });

/**
 * 出席：names — the label in 3号黑体 two characters in, the names in 3号仿宋; wrapped lines
 * line up after the colon.
 */
export function labelledList(label: string, value: string, keepNext = false): Paragraph {
  const width = [...label].length;
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: exact,
    // Before a 版记 the whole list moves with it rather than leave its last line behind.
    keepNext,
    keepLines: keepNext,
    indent: { left: CHARS(2 + width), hanging: CHARS(width) },
    children: [run(label, { font: FONT.heading1 }), run(value)],
  });
}

/**
 * One line with text at both ends, one character in from each side (the office and the date
 * under a masthead). Tab stops count from the margin, so the paragraph itself has no indent and
 * its rule (版头分隔线, red under a 纪要's masthead) runs the full width of the text block.
 */
export function spreadLine(
  left: string,
  right: string,
  options: { rule?: string; landscape?: boolean } = {},
): Paragraph {
  const width = textWidth(options.landscape);
  return new Paragraph({
    spacing: exact,
    tabStops: [
      { type: TabStopType.LEFT, position: CHARS(1) },
      { type: TabStopType.RIGHT, position: width - CHARS(1) },
    ],
    border: options.rule
      ? { bottom: { style: BorderStyle.SINGLE, size: 12, color: options.rule, space: 4 } }
      : undefined,
    children: [tab(), run(left), tab(), run(right)],
  });
}

/**
 * 版记 at the foot of the last page: lines in 4号仿宋 between rules as wide as the text block,
 * the first and last 0.35 mm, those between 0.25 mm. A table positioned at the bottom of the
 * text block (Word's 表格定位: vertical, bottom, relative to the margin), so it stays at the
 * foot whatever the length of the text above; a reader without table positioning (LibreOffice
 * 7) shows it, rules and all, right after the text.
 */
export function editionNote(lines: { left: string; right?: string }[]): Table {
  const width = textWidth();
  const heavy = { style: BorderStyle.SINGLE, size: 8, color: '000000' }; // 1 pt ≈ 0.35 mm
  const light = { style: BorderStyle.SINGLE, size: 6, color: '000000' }; // 0.75 pt ≈ 0.26 mm
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [width],
    float: {
      horizontalAnchor: TableAnchorType.MARGIN,
      relativeHorizontalPosition: RelativeHorizontalPosition.CENTER,
      verticalAnchor: TableAnchorType.MARGIN,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
    },
    borders: { top: heavy, bottom: heavy, insideHorizontal: light, left: none, right: none, insideVertical: none },
    rows: lines.map((line) => {
      // 抄送：… wraps under its first name, after the colon, not under 抄送.
      const label = line.right ? undefined : /^[^：]{1,6}：/.exec(line.left)?.[0];
      const hang = label ? [...label].length * 280 : 0;
      return new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            width: { size: width, type: WidthType.DXA },
            margins: { left: 0, right: 0, top: 60, bottom: 60 },
            children: [
              new Paragraph({
                keepNext: true,
                indent: { left: 280 + hang, hanging: hang || undefined, right: 280 },
                tabStops: [{ type: TabStopType.RIGHT, position: width - 280 }],
                spacing: { line: 400, lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 },
                children: [
                  run(line.left, { size: SIZE.si, snapToGrid: false }),
                  ...(line.right ? [tab(SIZE.si), run(line.right, { size: SIZE.si, snapToGrid: false })] : []),
                ],
              }),
            ],
          }),
        ],
      });
    }),
  });
}

function pageNumber(side: 'odd' | 'even'): Footer {
  const oneChar = 280; // one 4号 character
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: oneChar } : { left: oneChar },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: { eastAsia: FONT.pageNumber, ascii: FONT.pageNumber, hAnsi: FONT.pageNumber },
            size: SIZE.si,
            snapToGrid: false,
          }),
        ],
      }),
    ],
  });
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const cellBorders = { top: thin, bottom: thin, left: thin, right: thin };

/**
 * A ruled table in 4号 text with a bold header row that repeats on every page; its last row keeps
 * with what follows (the office and date under it never stand alone on a page).
 */
export function table(headers: string[], rows: string[][], widths: number[]): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  const cell = (text: string, i: number, head: boolean, keepNext = false) =>
    new TableCell({
      width: { size: widths[i], type: WidthType.DXA },
      borders: cellBorders,
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 80, right: 80, top: 40, bottom: 40 },
      children: text.split('\n').map(
        (line) =>
          new Paragraph({
            alignment: head || i === 0 ? AlignmentType.CENTER : AlignmentType.LEFT,
            spacing: { line: 400, lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 },
            keepNext,
            // 4号 table text off the body's line grid: rows as tall as their text, not a 28.95 pt step.
            children: [run(line, { size: SIZE.si, font: head ? FONT.heading1 : FONT.body, snapToGrid: false })],
          }),
      ),
    });
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h, i) => cell(h, i, true)) }),
      ...rows.map(
        (r, at) =>
          new TableRow({ cantSplit: true, children: r.map((text, i) => cell(text, i, false, at === rows.length - 1)) }),
      ),
    ],
  });
}

/** Width of the text block in twips, for tables (landscape swaps the page). */
export const textWidth = (landscape = false) =>
  landscape ? PAGE.height - PAGE.top - PAGE.bottom : PAGE.width - PAGE.left - PAGE.right;

const bodyRun = {
  font: { eastAsia: FONT.body, ascii: FONT.latin, hAnsi: FONT.latin },
  size: SIZE.san,
  language: LANGUAGE,
};

/** A whole document in the GB/T 9704 page, with odd/even page numbers. */
export function officialDocument(options: {
  title: string;
  creator: string;
  children: ISectionOptions['children'];
  landscape?: boolean;
}): Document {
  const { landscape = false } = options;
  return new Document({
    title: options.title,
    creator: options.creator,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: { document: { run: bodyRun, paragraph: { spacing: exact } } },
      // Normal carries the body font and size itself: readers that size the character grid from
      // Normal (LibreOffice) rather than from the defaults then get the 3号 grid too.
      paragraphStyles: [
        { id: 'Normal', name: 'Normal', quickFormat: true, run: bodyRun, paragraph: { spacing: exact } },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            // Portrait sides and an orientation: docx swaps the sides itself for landscape.
            size: {
              width: PAGE.width,
              height: PAGE.height,
              orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: landscape
              ? {
                  top: PAGE.left,
                  bottom: PAGE.right,
                  left: PAGE.top,
                  right: PAGE.bottom,
                  header: mm(15),
                  footer: mm(18),
                }
              : {
                  top: PAGE.top,
                  bottom: PAGE.bottom,
                  left: PAGE.left,
                  right: PAGE.right,
                  header: mm(15),
                  footer: mm(23),
                },
          },
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
        },
        footers: { default: pageNumber('odd'), even: pageNumber('even') },
        children: options.children,
      },
    ],
  });
}

/**
 * What Word and WPS put in place of a government font that is not installed: the face a Chinese
 * office has everywhere, and the GB2312 character set, so any substitute is a Chinese face (a
 * reader in Word's font table; the document's own runs name the government font).
 */
export const FONT_FALLBACKS: Record<string, { alt: string; family: 'roman' | 'modern' | 'script' | 'swiss' }> = {
  [FONT.body]: { alt: '仿宋', family: 'modern' },
  [FONT.heading2]: { alt: '楷体', family: 'script' },
  [FONT.title]: { alt: '华文中宋', family: 'roman' },
  [FONT.heading1]: { alt: 'SimHei', family: 'modern' },
  [FONT.pageNumber]: { alt: 'SimSun', family: 'roman' },
  // The faces that take over characters outside GB2312, and theirs in turn.
  仿宋: { alt: 'FangSong', family: 'modern' },
  楷体: { alt: 'KaiTi', family: 'script' },
  华文中宋: { alt: '宋体', family: 'roman' },
  'SimSun-ExtB': { alt: '宋体', family: 'roman' },
};

/**
 * Each GB2312-only government font's fuller face, for the GBK characters GB2312 lacks: the same
 * face Word falls back to when the font is missing.
 */
const FAMILY_FACE: Record<string, string> = Object.fromEntries(
  [FONT.body, FONT.heading2, FONT.title].map((font) => [font, FONT_FALLBACKS[font].alt]),
);

const xmlAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The font table docx leaves empty, filled with the fonts above and their alternatives. */
async function fillFontTable(zip: JSZip): Promise<void> {
  const part = zip.file('word/fontTable.xml');
  if (!part) return;
  const xml = await part.async('string');
  const fonts = Object.entries(FONT_FALLBACKS)
    .map(
      ([name, f]) =>
        `<w:font w:name="${xmlAttr(name)}"><w:altName w:val="${xmlAttr(f.alt)}"/><w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="variable"/></w:font>`,
    )
    .join('');
  const empty = /<w:fonts([^>]*)\/>\s*$/;
  const filled = empty.test(xml)
    ? xml.replace(empty, `<w:fonts$1>${fonts}</w:fonts>`)
    : xml.replace(/<\/w:fonts>\s*$/, `${fonts}</w:fonts>`);
  zip.file('word/fontTable.xml', filled);
}

/** Characters outside a run's font (刘䶮) in runs of a face that has them, in the body and the footers. */
async function withWideCharacters(zip: JSZip): Promise<void> {
  for (const name of Object.keys(zip.files).filter((n) => /^word\/(document|footer\d*|header\d*)\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    zip.file(name, withWideCharacterRuns(xml, FAMILY_FACE));
  }
}

/** The packed document with what docx cannot write itself: the font table, and runs for wide characters. */
export async function toBuffer(doc: Document): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await Packer.toBuffer(doc));
  await fillFontTable(zip);
  await withWideCharacters(zip);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
