import { useState } from 'react';
import { screenModeNames, screenModes } from '../../../../shared/domain/meetings';
import { ErrorText } from '../../components/Field';
import { useAction, useApi, useCall } from '../../lib/query';
import { t } from './text';

/** What the projector shows: this meeting, in one of four modes. */
export function ScreenControl({ meetingId }: { meetingId: number }) {
  const api = useApi();
  const screen = useCall('screen.get', {});
  const set = useAction('screen.set');
  const [message, setMessage] = useState<string | null>(null);
  const view = screen.data;
  const onThis = view?.meeting?.id === meetingId;
  const shownMessage = message ?? view?.message ?? '';

  return (
    <section className="card screen-card" aria-label={t.screen.title}>
      <header className="card-head">
        <h2 className="card-title">{t.screen.title}</h2>
        <button type="button" className="button link" onClick={() => api.openProjector()}>
          {t.screen.open}
        </button>
      </header>
      <div className="segmented" role="radiogroup" aria-label="投屏模式">
        {screenModes.map((mode) => (
          <button
            type="button"
            key={mode}
            role="radio"
            aria-checked={onThis && view?.mode === mode}
            className={onThis && view?.mode === mode ? 'on' : ''}
            onClick={() => set.mutate({ meetingId, mode, ...(mode === 'message' ? { message: shownMessage } : {}) })}
          >
            {screenModeNames[mode]}
          </button>
        ))}
      </div>
      <div className="screen-message">
        <input
          aria-label={t.screen.message}
          placeholder={t.screen.messagePlaceholder}
          value={shownMessage}
          maxLength={60}
          onChange={(e) => setMessage(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && set.mutate({ meetingId, mode: 'message', message: shownMessage })}
        />
        <button type="button" className="button" onClick={() => set.mutate({ meetingId, mode: 'message', message: shownMessage })}>
          {t.screen.show}
        </button>
      </div>
      {!onThis && view?.meeting && <p className="hint warn">当前投屏的是另一次会议：{view.meeting.title}</p>}
      <ErrorText error={set.error} />
    </section>
  );
}
