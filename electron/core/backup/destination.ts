import { existsSync } from 'node:fs';
import { extname, isAbsolute, resolve } from 'node:path';
import { badInput, refused } from '../errors';
import { sameFile } from './copy';
import { localPathProblem } from './localPath';

/**
 * Where a file the desktop's save dialog chose may be written (a backup, a 会议包): a plain local
 * path, absolute, ending in .db, not the data file itself, never over an existing file.
 */
export function chosenDestination(file: string, dataFile: string): string {
  const problem = localPathProblem(file);
  if (problem) throw badInput(problem);
  if (!isAbsolute(file)) throw badInput('请选择完整的文件位置');
  const path = resolve(extname(file).toLowerCase() === '.db' ? file : `${file}.db`);
  if (sameFile(path, dataFile)) throw badInput('不能写到数据文件本身，请换一个文件名');
  if (existsSync(path)) throw refused(`“${path}”已存在：不会覆盖已有文件，请换一个文件名`);
  return path;
}
