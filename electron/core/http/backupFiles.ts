import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Ctx } from '../context';
import { backupFolder, folderFile } from '../backup/files';
import { UploadTooLarge } from '../backup/chosenFiles';
import { AppError } from '../errors';
import { packageFile, packageFolder } from '../transfer/exportPackage';
import { decodePath, sendBadAddress, sendJson } from './respond';

/**
 * Backups up and down through the browser (serve only, never the room's listener): a page names
 * no path. An upload lands in the staging folder and is answered with its handle; a download
 * streams a file of the backups folder, named as backup.list names it.
 */

/** The paths: POST to upload, GET /files/backups/<name> to download. */
export const UPLOAD_PATH = '/files/upload';
export const DOWNLOAD_PREFIX = '/files/backups/';
/** GET /files/packages/<name>: a 会议包 of the packages folder, as package.export names it. */
export const PACKAGE_PREFIX = '/files/packages/';

export async function receiveUpload(ctx: Ctx, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const given = decodePath(String(req.headers['x-file-name'] ?? ''));
  if (given === null) return sendBadAddress(res);
  try {
    sendJson(res, 200, { ok: true, value: await ctx.files.receive(req, given) });
  } catch (e) {
    if (!(e instanceof UploadTooLarge)) throw e;
    res.setHeader('connection', 'close');
    sendJson(res, 413, { ok: false, error: { code: 'bad_input', message: e.message } });
  }
}

export const sendBackupFile = (ctx: Ctx, res: ServerResponse, encodedName: string) =>
  sendFolderFile(res, encodedName, 'backup.db', (name) => folderFile(backupFolder(ctx.dataFile), name));

export const sendPackageFile = (ctx: Ctx, res: ServerResponse, encodedName: string) =>
  sendFolderFile(res, encodedName, 'package.db', (name) => packageFile(packageFolder(ctx.dataFile), name));

/** Streams the file `find` names (it throws not_found for any name that is not a plain file of its folder). */
function sendFolderFile(res: ServerResponse, encodedName: string, fallback: string, find: (name: string) => string) {
  const name = decodePath(encodedName);
  if (name === null) return sendBadAddress(res);
  let path: string;
  try {
    path = find(name);
  } catch (e) {
    if (e instanceof AppError) return sendJson(res, 404, { ok: false, error: e.toCallError() });
    throw e;
  }
  res.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-length': String(statSync(path).size),
    // The name as the folder has it, in UTF-8 (RFC 6266), with an ASCII fallback for old agents.
    'content-disposition': `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  createReadStream(path).pipe(res);
}
