/** Characters Windows refuses in file names, and control characters. */
const forbidden = /[\\/:*?"<>|\u0000-\u001f]/g;

/**
 * A file name staff can save on any machine: forbidden characters become '-', and the whole name
 * (extension included) stays under 120 characters by shortening the part before the extension.
 */
export function safeFileName(name: string, extension: string, max = 119): string {
  const ext = extension.startsWith('.') ? extension : `.${extension}`;
  let base =
    name
      .replace(forbidden, '-')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[. ]+$/, '') || '未命名';
  const room = max - ext.length;
  if ([...base].length > room) base = [...base].slice(0, room).join('');
  return base + ext;
}
