// The worker entry when the app runs from its TypeScript sources (vitest, `npm run serve` under
// tsx): the built app starts out/main/backupWorker.js instead (electron.vite.config.ts).
import { register } from 'tsx/esm/api';

register();
await import('./backupWorker.ts');
