/** Chinese dates and numerals as official documents write them (GB/T 9704: Arabic dates, no leading zeros). */

/** A moment as the date on this machine's calendar (local time, as a meeting room reads it): '2026-03-05'. */
export function localIsoDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** 09:05 on this machine's clock (local time), from an instant in ms. */
export function hhmm(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** '2026-03-05' → '2026年3月5日'. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (enough for numbered items and issues). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n < 10) return digits[n];
  if (n < 20) return `十${n % 10 ? digits[n % 10] : ''}`;
  const units = ['千', '百', '十', ''];
  const parts = String(n).padStart(4, '0').split('').map(Number);
  let out = '';
  let zero = false;
  parts.forEach((d, i) => {
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += digits[d] + units[i];
  });
  return out;
}

/**
 * Quotation marks nested as Chinese typesetting nests them: “…‘…’…”. Double marks inside a
 * double pair become single ones (and doubles again one level further in); an unpaired closing
 * mark is left as it is.
 */
export function nestQuotes(text: string): string {
  let depth = 0;
  let out = '';
  for (const ch of text) {
    if (ch === '“' || ch === '‘') {
      out += depth % 2 === 0 ? '“' : '‘';
      depth++;
    } else if ((ch === '”' || ch === '’') && depth > 0) {
      depth--;
      out += depth % 2 === 0 ? '”' : '’';
    } else out += ch;
  }
  return out;
}
