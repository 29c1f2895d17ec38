import type { ReactNode } from 'react';
import { ErrorText } from '../components/Field';
import { RecoveryPage } from '../features/backup/RecoveryPage';
import { useCall } from '../lib/query';
import { t } from './text';

/** The app when its data file is open; the recovery page (the reason and the newest backup) when not. */
export function StartupGate({ children }: { children: ReactNode }) {
  const health = useCall('app.health', {});
  if (health.error) return <ErrorText error={health.error} />;
  if (!health.data) return null;
  if (health.data.state === 'unavailable') {
    // The audience's screen shows no file paths or restore buttons: the console window offers those.
    if (window.location.hash.startsWith('#/projector'))
      return <div className="projector-unavailable" aria-label={t.projectorUnavailable} />;
    return <RecoveryPage message={health.data.message} dataFile={health.data.dataFile} />;
  }
  return <>{children}</>;
}
