import { useToast } from '../../components/Toasts';
import { useAction, useApi } from '../../lib/query';
import { t } from './text';

/**
 * 导出会议包 of some meetings: the core writes it into its packages folder, then the browser
 * downloads it, or the desktop's save dialog copies it where the secretary says. Resolves true
 * once it is written (what follows is only where the copy goes).
 */
export function useExportPackage() {
  const files = useApi().backupFiles;
  const toast = useToast();
  const make = useAction('package.export');
  const exportMeetings = async (meetingIds: number[]): Promise<boolean> => {
    let made;
    try {
      made = await make.mutateAsync({ meetingIds });
    } catch {
      return false; // refused: the error channel has toasted why
    }
    const done = t.export.done(made.meetings, made.bytes, made.name);
    if (files.kind === 'browser') {
      files.download(made.name, 'package');
      toast(done + t.export.downloading);
      return true;
    }
    try {
      const path = await files.savePackage(made.name);
      toast(done + (path ? t.export.savedTo(path) : t.export.keptInFolder));
    } catch (e) {
      toast((e as Error).message, 'error');
    }
    return true;
  };
  return { exportMeetings, pending: make.isPending };
}
