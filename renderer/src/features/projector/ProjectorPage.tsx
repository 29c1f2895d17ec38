import { useEffect, useState } from 'react';
import { useCall } from '../../lib/query';

/**
 * The projector window's idle screen: the organisation's name and the time. Meetings, the
 * agenda and the speaker with the countdown take this screen over once meetings exist.
 */
export function ProjectorPage() {
  const settings = useCall('settings.get', {});
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <main className="projector">
      <div className="projector-idle">
        <p className="projector-org">{settings.data?.orgName ?? ''}</p>
        <h1>有事好商量</h1>
        <p className="projector-clock">{now.toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' })}</p>
        <p className="projector-note">暂无进行中的会议</p>
      </div>
    </main>
  );
}
