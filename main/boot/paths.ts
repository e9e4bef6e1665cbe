import os from 'node:os';
import path from 'node:path';

export const DB_FILE_NAME = 'priemnaya.sqlite';

/**
 * Where the office's data lives when no --db is given: the same folder Electron uses as userData for
 * this product, so the desktop app, browser mode and the CLI open one file. PRIEMNAYA_DATA_DIR overrides.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.PRIEMNAYA_DATA_DIR) return path.resolve(env.PRIEMNAYA_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32')
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Priemnaya');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Priemnaya');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Priemnaya');
}

export function defaultDbFile(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(defaultDataDir(env), DB_FILE_NAME);
}
