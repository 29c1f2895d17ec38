import { createHashRouter, Navigate } from 'react-router';
import { PeoplePage } from '../features/directory/PeoplePage';
import { UnitsPage } from '../features/directory/UnitsPage';
import { ProjectorPage } from '../features/projector/ProjectorPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { WelcomePage } from '../features/welcome/WelcomePage';
import { useCall } from '../lib/query';
import { Shell } from './Shell';

/** The start page: the welcome on first run, the people list afterwards. */
function Home() {
  const status = useCall('app.status', {});
  if (!status.data) return null;
  return <Navigate to={status.data.firstRun ? '/welcome' : '/directory/people'} replace />;
}

export const router = createHashRouter([
  { path: '/projector', element: <ProjectorPage /> },
  { path: '/welcome', element: <WelcomePage /> },
  {
    path: '/',
    element: <Shell />,
    children: [
      { index: true, element: <Home /> },
      { path: 'directory/people', element: <PeoplePage /> },
      { path: 'directory/sectors', element: <UnitsPage kind="sector" key="sector" /> },
      { path: 'directory/committees', element: <UnitsPage kind="committee" key="committee" /> },
      { path: 'directory/departments', element: <UnitsPage kind="department" key="department" /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: '*', element: <Navigate to="/" replace /> },
    ],
  },
]);
