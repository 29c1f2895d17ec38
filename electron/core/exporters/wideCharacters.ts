/**
 * Characters a government font cannot show. 仿宋_GB2312, 楷体_GB2312 and 方正小标宋简体 hold the
 * 6,763 characters of GB2312 only, so a name such as 刘䶮 (CJK Extension A) prints as a box in
 * Word. Word picks a run's East Asian font once for the whole run, so such characters get runs of
 * their own, in a face that has them: the common GBK characters in the font's own family (仿宋 for
 * 仿宋_GB2312), Extension A and the rest of the plane in 宋体, the supplementary planes in
 * SimSun-ExtB.
 */

/** GB2312's characters, as the WHATWG GBK decoder maps its 94 × 94 table (unassigned cells fall in the private use area). */
const GB2312: ReadonlySet<string> = (() => {
  const bytes: number[] = [];
  for (let row = 0xa1; row <= 0xf7; row++) for (let cell = 0xa1; cell <= 0xfe; cell++) bytes.push(row, cell);
  const chars = new Set<string>();
  try {
    for (const ch of new TextDecoder('gb2312').decode(Uint8Array.from(bytes))) {
      const code = ch.codePointAt(0)!;
      if (code !== 0xfffd && (code < 0xe000 || code > 0xf8ff)) chars.add(ch);
    }
  } catch {
    // A runtime without the GBK decoder: treat the unified ideographs GBK covers as printable.
  }
  return chars;
})();

/** The face for a character the run's font lacks, or null when the font has it (a font with no family face holds GBK). */
export function wideFace(ch: string, font: string, familyFace: string | undefined): string | null {
  const code = ch.codePointAt(0)!;
  if (code < 0x2e80 || GB2312.has(ch)) return null;
  if (GB2312.size === 0 && code >= 0x4e00 && code <= 0x9fa5) return null;
  if (code > 0xffff) return 'SimSun-ExtB';
  if (code >= 0x4e00 && code <= 0x9fa5) return familyFace ?? null;
  return '宋体';
}

/** `text` as consecutive pieces that share one face (null: the run's own font). */
export function splitByFace(text: string, font: string, familyFace: string | undefined) {
  const pieces: { text: string; face: string | null }[] = [];
  for (const ch of text) {
    const face = wideFace(ch, font, familyFace);
    const last = pieces[pieces.length - 1];
    if (last && last.face === face) last.text += ch;
    else pieces.push({ text: ch, face });
  }
  return pieces;
}

const RUN = /<w:r>(<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)<w:t( xml:space="preserve")?>([^<]*)<\/w:t><\/w:r>/gs;
const EAST_ASIA = /w:eastAsia="([^"]*)"/;

/**
 * A document part with every text run that holds characters outside its font's repertoire split
 * into runs in a face that has them (the run's other properties unchanged).
 * `families` gives each government font its family's fuller face (仿宋_GB2312 → 仿宋).
 */
export function withWideCharacterRuns(xml: string, families: Record<string, string>): string {
  return xml.replace(RUN, (whole, rPr: string, _space: string | undefined, text: string) => {
    const font = EAST_ASIA.exec(rPr)?.[1];
    if (!font) return whole;
    const pieces = splitByFace(text, font, families[font]);
    if (pieces.length === 1 && pieces[0].face === null) return whole;
    return pieces
      .map(({ text: t, face }) => {
        const props = face ? rPr.replace(EAST_ASIA, `w:eastAsia="${face}"`) : rPr;
        return `<w:r>${props}<w:t xml:space="preserve">${t}</w:t></w:r>`;
      })
      .join('');
  });
}
