import { badInput } from '../errors';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A file's bytes from the base64 a call carries, refused in Chinese when it is not base64 or is empty. */
export function decodeBase64File(dataBase64: string): Buffer {
  if (!BASE64.test(dataBase64)) throw badInput('“文件内容”不是有效的文件内容（应为 base64 编码）');
  const data = Buffer.from(dataBase64, 'base64');
  if (!data.length) throw badInput('文件是空的');
  return data;
}
