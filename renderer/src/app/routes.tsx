import { createHashRouter, Navigate } from 'react-router';
import { ArchivePage } from '../features/archive/ArchivePage';
import { BackupPage } from '../features/backup/BackupPage';
import { ImportPage } from '../features/packages/ImportPage';
import { PeoplePage } from '../features/directory/PeoplePage';
import { FollowUpPage } from '../features/followup/FollowUpPage';
import { MeetingPage } from '../features/meetings/MeetingPage';
import { MeetingsPage } from '../features/meetings/MeetingsPage';
import { UnitsPage } from '../features/directory/UnitsPage';
import { ProjectorPage } from '../features/projector/ProjectorPage';
import { RecordsPage } from '../features/records/RecordsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { BoardPage } from '../features/topics/BoardPage';
import { PlanPage } from '../features/topics/PlanPage';
import { TopicPage } from '../features/topics/TopicPage';
import { WelcomePage } from '../features/welcome/WelcomePage';
import { useCall } from '../lib/query';
import { Shell } from './Shell';

/** The start page: the welcome on first run, the topic board afterwards. */
function Home() {
  const status = useCall('app.status', {});
  if (!status.data) return null;
  return <Navigate to={status.data.firstRun ? '/welcome' : '/topics'} replace />;
}

export const router = createHashRouter([
  { path: '/projector', element: <ProjectorPage /> },
  { path: '/welcome', element: <WelcomePage /> },
  {
    path: '/',
    element: <Shell />,
    children: [
      { index: true, element: <Home /> },
      { path: 'topics', element: <BoardPage /> },
      { path: 'topics/plan', element: <PlanPage /> },
      { path: 'topics/:id', element: <TopicPage /> },
      { path: 'meetings', element: <MeetingsPage /> },
      { path: 'meetings/:id', element: <MeetingPage /> },
      { path: 'followup', element: <FollowUpPage /> },
      { path: 'archive', element: <ArchivePage /> },
      { path: 'records', element: <RecordsPage /> },
      { path: 'directory/people', element: <PeoplePage /> },
      { path: 'directory/sectors', element: <UnitsPage kind="sector" key="sector" /> },
      { path: 'directory/committees', element: <UnitsPage kind="committee" key="committee" /> },
      { path: 'directory/departments', element: <UnitsPage kind="department" key="department" /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: 'backup', element: <BackupPage /> },
      { path: 'packages/import', element: <ImportPage /> },
      { path: '*', element: <Navigate to="/" replace /> },
    ],
  },
]);
