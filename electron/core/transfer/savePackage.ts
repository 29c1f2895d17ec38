import { constants } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import type { Ctx } from '../context';
import { chosenDestination } from '../backup/destination';
import { fileProblem } from '../backup/fileProblem';
import { refused } from '../errors';
import { packageFile, packageFolder } from './exportPackage';

/** A 会议包 of the packages folder copied to where the desktop's save dialog chose (the trusted side only). */
export async function copyPackageTo(ctx: Ctx, name: string, dest: string): Promise<string> {
  const from = packageFile(packageFolder(ctx.dataFile), name);
  const path = chosenDestination(dest, ctx.dataFile);
  try {
    await copyFile(from, path, constants.COPYFILE_EXCL);
  } catch (e) {
    throw refused(`未能保存会议包：${fileProblem(e)}`);
  }
  return path;
}
