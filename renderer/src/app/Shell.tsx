import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { ShortcutHelpProvider } from '../components/ShortcutHelp';
import { useShortcut } from '../components/useHotkey';
import { appHelp, appKeys } from './appKeys';
import { useApi, useCall } from '../lib/query';
import { t } from './text';

interface NavItem {
  to: string;
  label: string;
  match?: (path: string) => boolean;
}

const nav: { group: string; items: NavItem[] }[] = [
  {
    group: t.nav.topics,
    items: [
      // The board stays lit on a topic's page, but not on the plan.
      {
        to: '/topics',
        label: t.nav.board,
        match: (path: string) => path.startsWith('/topics') && !path.startsWith('/topics/plan'),
      },
      { to: '/topics/plan', label: t.nav.plan },
    ],
  },
  {
    group: t.nav.meetingsGroup,
    items: [
      { to: '/meetings', label: t.nav.meetings },
      { to: '/followup', label: t.nav.followup },
      { to: '/archive', label: t.nav.archive },
      { to: '/records', label: t.nav.records },
    ],
  },
  {
    group: t.nav.directory,
    items: [
      { to: '/directory/people', label: t.nav.people },
      { to: '/directory/sectors', label: t.nav.sectors },
      { to: '/directory/committees', label: t.nav.committees },
      { to: '/directory/departments', label: t.nav.departments },
    ],
  },
  {
    group: t.nav.system,
    items: [
      { to: '/settings', label: t.nav.settings },
      { to: '/backup', label: t.nav.backup },
      { to: '/packages/import', label: t.nav.importPackage },
    ],
  },
];

export function Shell() {
  const api = useApi();
  const { pathname } = useLocation();
  const settings = useCall('settings.get', {});
  const health = useCall('app.health', {});
  useShortcut(appKeys.projector, () => api.openProjector());
  return (
    <ShortcutHelpProvider app={appHelp} help={appKeys.help}>
      <div className="shell">
        <aside className="sidebar">
          <div className="brand">
            <span className="brand-mark">{t.brandMark}</span>
            <div>
              <div className="brand-name">{t.appName}</div>
              <div className="brand-org" title={settings.data?.orgName}>
                {settings.data?.orgName ?? t.tagline}
              </div>
            </div>
          </div>
          <nav aria-label={t.mainNav}>
            {nav.map((g) => (
              <div key={g.group} className="nav-group">
                <div className="nav-title">{g.group}</div>
                {g.items.map((i) => (
                  <NavLink
                    key={i.to}
                    to={i.to}
                    className={({ isActive }) => `nav-item${(i.match ? i.match(pathname) : isActive) ? ' active' : ''}`}
                  >
                    {i.label}
                  </NavLink>
                ))}
              </div>
            ))}
          </nav>
          <button
            type="button"
            className="button ghost projector-button"
            onClick={() => api.openProjector()}
            title={t.projectorHint}
          >
            ▣ {t.projector}
          </button>
        </aside>
        <main className="content">
          {health.data?.state === 'ok' && health.data.warning && (
            <div className="damage-banner" role="alert">
              {health.data.warning}
              <Link to="/backup">{t.openBackups}</Link>
            </div>
          )}
          <Outlet />
        </main>
      </div>
    </ShortcutHelpProvider>
  );
}
