import { useRef, useState } from 'react';
import { screenModeNames, screenModes, type ScreenMode } from '../../../../shared/domain/meetings';
import { keyLabel, matches } from '../../components/shortcuts';
import { useShortcut } from '../../components/useHotkey';
import { useAction, useApi, useCall } from '../../lib/query';
import { consoleKeys, screenModeKeys } from './consoleKeys';
import { t } from './text';

/** One mode of the group; its key (1–4) works from anywhere outside a field. */
function ModeButton({
  mode,
  checked,
  focusable,
  onShow,
}: {
  mode: ScreenMode;
  checked: boolean;
  focusable: boolean;
  onShow(mode: ScreenMode): void;
}) {
  const key = screenModeKeys[mode];
  useShortcut(key, () => onShow(mode));
  return (
    <button
      type="button"
      role="radio"
      data-mode={mode}
      aria-checked={checked}
      className={checked ? 'on' : ''}
      tabIndex={focusable ? 0 : -1}
      onClick={() => onShow(mode)}
      title={key.keys.map(keyLabel).join()}
    >
      {screenModeNames[mode]}
      <kbd aria-hidden="true">{key.keys.map(keyLabel).join()}</kbd>
    </button>
  );
}

/** What the projector shows: this meeting, in one of four modes. The chair's tablet has no projector window to open. */
export function ScreenControl({ meetingId, opensWindow = true }: { meetingId: number; opensWindow?: boolean }) {
  const api = useApi();
  const screen = useCall('screen.get', {});
  const set = useAction('screen.set');
  const [message, setMessage] = useState<string | null>(null);
  const view = screen.data;
  const onThis = view?.meeting?.id === meetingId;
  const shownMessage = message ?? view?.message ?? '';
  const current = onThis ? view?.mode : undefined;
  const show = (mode: ScreenMode) =>
    set.mutate({ meetingId, mode, ...(mode === 'message' ? { message: shownMessage } : {}) });
  const group = useRef<HTMLDivElement>(null);
  // ← → walk the modes as a radio group does: the focus moves and the mode is shown at once.
  const onGroupKey = (e: React.KeyboardEvent) => {
    if (!matches(e, consoleKeys.screenArrows)) return;
    e.preventDefault();
    const from = screenModes.indexOf((e.target as HTMLElement).dataset.mode as ScreenMode);
    const to = screenModes[(from + (e.key === 'ArrowRight' ? 1 : screenModes.length - 1)) % screenModes.length];
    group.current?.querySelector<HTMLElement>(`[data-mode="${to}"]`)?.focus();
    show(to);
  };

  return (
    <section className="card screen-card" aria-label={t.screen.title}>
      <header className="card-head">
        <h2 className="card-title">{t.screen.title}</h2>
        {opensWindow && (
          <button type="button" className="button link" onClick={() => api.openProjector()}>
            {t.screen.open}
          </button>
        )}
      </header>
      <div className="segmented" role="radiogroup" aria-label={t.screen.modes} ref={group} onKeyDown={onGroupKey}>
        {screenModes.map((mode, i) => (
          <ModeButton
            key={mode}
            mode={mode}
            checked={current === mode}
            focusable={current ? current === mode : i === 0}
            onShow={show}
          />
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
        <button
          type="button"
          className="button"
          onClick={() => set.mutate({ meetingId, mode: 'message', message: shownMessage })}
        >
          {t.screen.show}
        </button>
      </div>
      {!onThis && view?.meeting && <p className="hint warn">{t.screen.elsewhere(view.meeting.title)}</p>}
    </section>
  );
}
