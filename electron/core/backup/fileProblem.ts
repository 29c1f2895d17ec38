/** Why a file operation failed, in words a secretary can act on. */
export function fileProblem(e: unknown): string {
  const code = (e as { code?: string }).code ?? '';
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return '磁盘空间不足';
  if (code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_READONLY' || code === 'EROFS')
    return '没有写入该位置的权限';
  if (code === 'ENOENT' || code === 'SQLITE_CANTOPEN') return '文件夹不存在或无法访问';
  if (code === 'EBUSY' || code === 'SQLITE_BUSY') return '文件正被其他程序占用';
  return '写入失败';
}
