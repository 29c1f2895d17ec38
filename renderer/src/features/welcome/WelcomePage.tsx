import { useNavigate } from 'react-router';
import { useAction, useCall } from '../../lib/query';
import { t } from './text';

/** First start with an empty data file: offer the demo or a blank start. */
export function WelcomePage() {
  const navigate = useNavigate();
  const loadDemo = useAction('app.loadDemo');
  const settings = useCall('settings.get', {});
  const saveSettings = useAction('settings.save');

  const startBlank = () => {
    if (!settings.data) return;
    saveSettings.mutate({ ...settings.data, welcomeDismissed: true }, { onSuccess: () => navigate('/settings') });
  };

  return (
    <section className="welcome">
      <div className="welcome-card">
        <p className="welcome-kicker">{t.kicker}</p>
        <h1>{t.title}</h1>
        <p className="muted-text">{t.intro}</p>
        <div className="welcome-choices">
          <button
            type="button"
            className="choice"
            disabled={loadDemo.isPending}
            onClick={() => loadDemo.mutate({}, { onSuccess: () => navigate('/directory/people') })}
          >
            <strong>{loadDemo.isPending ? t.loading : t.demo}</strong>
            <span>{t.demoHint}</span>
          </button>
          <button type="button" className="choice" onClick={startBlank} disabled={saveSettings.isPending}>
            <strong>{t.blank}</strong>
            <span>{t.blankHint}</span>
          </button>
        </div>
      </div>
    </section>
  );
}
