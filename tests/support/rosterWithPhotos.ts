import { crc32, deflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { syntheticRoster } from '../bench/roster';

/**
 * A roster as some offices keep it: one row per person and a photo beside each. The photos are
 * real PNGs of noise (noise does not compress, so the file's size is what the photos weigh):
 * 600 people with 110 × 105 photos make a .xlsx of about 20 MB.
 */
export async function rosterWithPhotos(people = 600, side = { width: 110, height: 105 }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow(['姓名', '类别', '单位', '职务', '照片']);
  syntheticRoster(people).forEach((p, i) => {
    ws.addRow([p.name, p.kind, p.unit, p.title]);
    const image = wb.addImage({
      buffer: noisePng(side.width, side.height, i + 1) as unknown as ExcelJS.Buffer,
      extension: 'png',
    });
    ws.addImage(image, { tl: { col: 4, row: i + 1 }, ext: { width: 40, height: 40 } });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A valid RGB PNG of deterministic noise (each row starts with filter byte 0), stored without compression. */
function noisePng(width: number, height: number, seed: number): Buffer {
  let s = seed;
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let i = 0; i < raw.length; i++) {
    // xorshift32: noise that deflate cannot shrink.
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    raw[i] = i % (width * 3 + 1) === 0 ? 0 : s & 0xff;
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 0 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
