import { app, BrowserWindow, dialog } from 'electron';
import { writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { SaveResult } from '../../shared/bridge';
import { safeFileName } from '../../shared/domain/fileNames';

const filters: Record<string, Electron.FileFilter> = {
  '.docx': { name: 'Word 文档', extensions: ['docx'] },
  '.xlsx': { name: 'Excel 工作簿', extensions: ['xlsx'] },
};

/** Asks where to save a document the core produced and writes it there; the dialog starts in 文档. */
export async function saveFileWithDialog(
  sender: Electron.WebContents,
  fileName: unknown,
  dataBase64: unknown,
): Promise<SaveResult> {
  if (typeof fileName !== 'string' || typeof dataBase64 !== 'string') return { saved: false, error: '文件内容无效' };
  const ext = extname(fileName).toLowerCase();
  const name = safeFileName(fileName.slice(0, fileName.length - ext.length), ext || '.docx');
  const win = BrowserWindow.fromWebContents(sender);
  const options = { defaultPath: join(app.getPath('documents'), name), filters: filters[ext] ? [filters[ext]] : [] };
  const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return { saved: false };
  try {
    await writeFile(choice.filePath, Buffer.from(dataBase64, 'base64'));
    return { saved: true, where: choice.filePath };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason =
      code === 'EACCES' || code === 'EPERM'
        ? '没有写入该位置的权限'
        : code === 'ENOSPC'
          ? '磁盘已满'
          : code === 'EBUSY'
            ? '文件正被其他程序（如 Word）打开'
            : '写入失败';
    return { saved: false, error: `未能保存“${name}”：${reason}。请换一个位置或关闭占用该文件的程序后重试。` };
  }
}

const backupFilters = [{ name: '冰城商量数据备份', extensions: ['db'] }];
const packageFilters = [{ name: '冰城商量会议包', extensions: ['db'] }];

/** Where to write a backup: a path, or null when cancelled. It stays in the main process. */
export async function askWhereToBackup(sender: Electron.WebContents, suggestedName: string): Promise<string | null> {
  const win = BrowserWindow.fromWebContents(sender);
  const options = {
    defaultPath: join(app.getPath('documents'), safeFileName(suggestedName.replace(/\.db$/i, ''), '.db')),
    filters: backupFilters,
  };
  const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  return choice.canceled || !choice.filePath ? null : choice.filePath;
}

/** Where to save a 会议包: a path, or null when cancelled. It stays in the main process. */
export async function askWhereToSavePackage(sender: Electron.WebContents, name: string): Promise<string | null> {
  const win = BrowserWindow.fromWebContents(sender);
  const options = {
    defaultPath: join(app.getPath('documents'), safeFileName(name.replace(/\.db$/i, ''), '.db')),
    filters: packageFilters,
  };
  const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  return choice.canceled || !choice.filePath ? null : choice.filePath;
}

/** Which backup to restore from, or which 会议包 to import: a path, or null when cancelled. It stays in the main process. */
export async function askWhichBackup(
  sender: Electron.WebContents,
  kind: 'backup' | 'package' = 'backup',
): Promise<string | null> {
  const win = BrowserWindow.fromWebContents(sender);
  const filters = kind === 'package' ? packageFilters : backupFilters;
  const options: Electron.OpenDialogOptions = { properties: ['openFile'], filters };
  const choice = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return choice.canceled || !choice.filePaths[0] ? null : choice.filePaths[0];
}
