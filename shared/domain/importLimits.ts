/**
 * How much a roster import reads. A directory of a few thousand people fits with room to spare;
 * the byte bound leaves room for a roster with a photo per person (600 photos ≈ 20 MB).
 * Messages speak in MB, 万行 and 万个 so a person can tell how far over the file is.
 */
export const importLimits = {
  bytes: 30 * 1024 * 1024,
  rows: 5000,
  cells: 200_000,
} as const;

/** The base64 length of the largest file allowed (what the contract bounds). */
export const maxImportBase64 = Math.ceil(importLimits.bytes / 3) * 4;

/** Bytes a base64 text decodes to, without decoding it. */
export const base64Bytes = (length: number) => Math.floor((length * 3) / 4);

/** Rounded up to a tenth, so a file just over the bound never reads as equal to it. */
export const megabytes = (bytes: number) => `${Math.ceil(bytes / 1024 / 102.4) / 10} MB`;

/** 5000 行, 2.1 万行, 20 万个: 万 once a count reaches ten thousand. */
export const countIn = (n: number, unit: string) =>
  n >= 10_000 ? `${Number((n / 10_000).toFixed(1))} 万${unit}` : `${n} ${unit}`;

export const importMessages = {
  tooLarge: (bytes: number) => `文件过大（${megabytes(bytes)}），最多 ${megabytes(importLimits.bytes)}`,
  tooManyRows: (rows: number, more = false) =>
    `表格行数过多（${more ? '超过 ' : ''}${countIn(rows, '行')}），最多 ${countIn(importLimits.rows, '行')}`,
  tooManyCells: (cells: number, more = false) =>
    `表格单元格过多（${more ? '超过 ' : ''}${countIn(cells, '个')}），最多 ${countIn(importLimits.cells, '个')}。请只保留名单所在的工作表和列`,
  noRows: '文件中没有数据行：第一行是列名，下面没有人员',
};
