import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ScreenView } from '../../../../shared/contract/meetings';
import { QrCode } from '../../components/QrCode';
import { t } from './text';

/**
 * 扫码加入 on the projector: the members' pairing QR code, large enough to scan from the middle
 * of the room. It changes as each phone joins (a change event) and when it expires (a timer).
 */
export function JoinScreen({ view }: { view: ScreenView }) {
  const client = useQueryClient();
  const expiresAt = view.join?.expiresAt;
  useEffect(() => {
    if (!expiresAt) return;
    const timer = setTimeout(
      () => void client.invalidateQueries({ queryKey: ['screen.get'] }),
      Math.max(1000, Date.parse(expiresAt) - Date.now() + 500),
    );
    return () => clearTimeout(timer);
  }, [client, expiresAt]);
  if (!view.join)
    return (
      <p className="projector-message" data-testid="projector-join">
        {t.joinOff}
      </p>
    );
  return (
    <div className="projector-join" data-testid="projector-join">
      <QrCode text={view.join.url} size={640} label={t.joinTitle} />
      <div className="projector-join-text">
        <h1>{t.joinTitle}</h1>
        <p>{t.joinNote}</p>
        <p className="projector-join-url">{view.join.url}</p>
      </div>
    </div>
  );
}
