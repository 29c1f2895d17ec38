import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where serve mode keeps its data when --data is not given: the same per-user folder an
 * installed desktop app would use on each system.
 */
export function defaultDataDir(appName = 'bingcheng-shangliang'): string {
  const home = homedir();
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), appName);
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', appName);
  return join(process.env.XDG_DATA_HOME || join(home, '.local', 'share'), appName);
}
