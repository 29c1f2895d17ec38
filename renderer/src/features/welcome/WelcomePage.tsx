import { useNavigate } from 'react-router';
import { ErrorText } from '../../components/Field';
import { useAction, useCall } from '../../lib/query';

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
        <p className="welcome-kicker">有事好商量 · 冰城商量</p>
        <h1>欢迎使用冰城商量协商议事系统</h1>
        <p className="muted-text">
          选题、会议、发言队列、投屏、会议记录、纪要与督办，都在这台电脑上完成，无需网络。先准备基础信息：
        </p>
        <div className="welcome-choices">
          <button
            type="button"
            className="choice"
            disabled={loadDemo.isPending}
            onClick={() => loadDemo.mutate({}, { onSuccess: () => navigate('/directory/people') })}
          >
            <strong>{loadDemo.isPending ? '正在载入…' : '载入示例数据'}</strong>
            <span>31 个界别、9 个专门委员会、12 个职能部门和 42 位人员，适合先熟悉操作。</span>
          </button>
          <button type="button" className="choice" onClick={startBlank} disabled={saveSettings.isPending}>
            <strong>从空白开始</strong>
            <span>先填写组织名称与层级，再新增或从 Excel 导入人员名单。</span>
          </button>
        </div>
        <ErrorText error={loadDemo.error ?? saveSettings.error} />
      </div>
    </section>
  );
}
