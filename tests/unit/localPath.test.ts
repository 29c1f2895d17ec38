import { describe, expect, it } from 'vitest';
import { localPathProblem } from '../../electron/core/backup/localPath';

/** What a path from a page may name: a plain file on this computer, never the network or a device. */
describe('localPathProblem', () => {
  it('accepts ordinary full paths on each system', () => {
    expect(localPathProblem('D:\\备份\\冰城商量-备份.db', 'win32')).toBeNull();
    expect(localPathProblem('C:/Users/秘书/Desktop/上次会议备份.db', 'win32')).toBeNull();
    expect(localPathProblem('/home/秘书/备份/上次会议备份.db', 'linux')).toBeNull();
    expect(localPathProblem('/Volumes/U盘/备份.db', 'darwin')).toBeNull();
  });

  it('refuses network paths, which would reach another computer', () => {
    for (const p of ['\\\\server\\share\\备份.db', '//server/share/备份.db', '\\\\192.168.1.5\\c$\\x.db'])
      expect(localPathProblem(p, 'win32'), p).toMatch(/^不能使用网络路径/);
    expect(localPathProblem('\\\\server\\share\\备份.db', 'linux')).toMatch(/^不能使用网络路径/);
  });

  it('refuses device paths, device names and NTFS streams', () => {
    for (const p of ['\\\\.\\PhysicalDrive0', '\\\\?\\C:\\备份.db', '//./pipe/x', '//?/C:/x.db'])
      expect(localPathProblem(p, 'win32'), p).toMatch(/^不能使用设备路径/);
    for (const p of ['C:\\备份\\CON', 'C:\\nul.db', 'D:\\COM1\\备份.db', 'C:\\lpt9.txt'])
      expect(localPathProblem(p, 'win32'), p).toMatch(/系统设备名/);
    expect(localPathProblem('C:\\备份.db:隐藏', 'win32')).toMatch(/不允许的字符/);
    expect(localPathProblem('/tmp/a\0b.db', 'linux')).toMatch(/不允许的字符/);
  });
});
