import { useState } from 'react';
import { t } from './text';

/** Pairs this device with the code of the QR it was opened from: one tap, an optional name. */
export function JoinPage({ code, onJoined }: { code: string; onJoined(token: string): void }) {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const join = async () => {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch('/lan/pair', { method: 'POST', body: JSON.stringify({ code, name }) });
      const body = (await res.json()) as { ok: boolean; value?: { token: string }; error?: { message: string } };
      if (body.ok && body.value) onJoined(body.value.token);
      else setError(body.error?.message ?? t.scanAgain);
    } catch {
      setError(t.offline);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="room room-join">
      <h1>{t.joinTitle}</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void join();
        }}
      >
        <label className="room-field">
          <span>{t.deviceName}</span>
          <input value={name} maxLength={30} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        </label>
        <button type="submit" className="room-button primary" disabled={busy}>
          {busy ? t.joining : t.join}
        </button>
      </form>
      {error && (
        <p className="room-error" role="alert">
          {t.joinFailed(error)}
        </p>
      )}
    </main>
  );
}
