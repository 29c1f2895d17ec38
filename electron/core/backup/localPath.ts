import { posix, win32 } from 'node:path';

/**
 * Whether a path a caller names is a plain file on this computer, and if not, why, in Chinese.
 * A UNC path (\\server\share, //server/share) would make the app reach the network, with the
 * user's Windows credentials, on a page's say-so; a device path (\\.\, \\?\), a device name
 * (CON, NUL, COM1…) or an NTFS stream (备份.db:隐藏) is never a backup.
 */
export function localPathProblem(path: string, platform: NodeJS.Platform = process.platform): string | null {
  const windows = platform === 'win32';
  if (/\0/.test(path)) return '路径中含有不允许的字符';
  if (/^[\\/]{2}[.?][\\/]/.test(path)) return '不能使用设备路径，请选择本机上的普通文件';
  if (/^[\\/]{2}[^\\/]/.test(path) && (windows || path.startsWith('\\\\')))
    return '不能使用网络路径（\\\\服务器\\共享）：请先把文件复制到本机，再从本机选择';
  if (!(windows ? win32 : posix).isAbsolute(path)) return null; // the caller asks for a full path itself
  if (windows) {
    // A colon anywhere after the drive's is an alternate data stream.
    if (path.slice(2).includes(':')) return '路径中含有不允许的字符（:）';
    const names = path.split(/[\\/]/).filter(Boolean);
    if (names.some((n) => /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i.test(n.trim())))
      return '不能使用系统设备名（如 CON、NUL、COM1）作为文件或文件夹名';
  }
  return null;
}
