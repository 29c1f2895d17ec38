import { useState } from 'react';
import {
  documentKinds,
  recordVersions,
  type DocumentKind,
  type RecordVersion,
  type ResolutionList,
} from '../../../../shared/contract/resolutions';
import { ErrorText } from '../../components/Field';
import { useToast } from '../../components/Toasts';
import { useFlushEditors } from '../../lib/beforeClose';
import { useApi } from '../../lib/query';
import { documentKind } from '../../lib/values';
import { t } from './text';

interface Job {
  kind: DocumentKind;
  version?: RecordVersion;
}

/**
 * The three Word documents (the 记录 in its 工作版 and 存档版). Each is built in the core; Electron asks where to save it, the
 * browser downloads it. "全部导出" runs them one after another and says which one it is on.
 */
export function DocumentsPanel({ meetingId, held, data }: { meetingId: number; held: string; data: ResolutionList }) {
  // The 成文日期: empty means the defaults the core applies (the meeting's day for the 纪要).
  const [date, setDate] = useState('');
  const api = useApi();
  const toast = useToast();
  const flushEditors = useFlushEditors();
  const [progress, setProgress] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const d = t.docs;

  const blocked = (kind: DocumentKind): string | null => {
    if (kind === documentKind.minutes) return null;
    if (!data.items.length) return d.needItems;
    if (kind === documentKind.summary && !data.confirmed) return d.needConfirm;
    return null;
  };

  async function run(jobs: readonly Job[]) {
    setError(null);
    try {
      await flushEditors(); // the minutes' last words belong in the 会议记录
      for (const [i, { kind, version }] of jobs.entries()) {
        setProgress(d.exporting(i + 1, jobs.length, d.jobName(kind, version)));
        const file = await api.call('document.export', {
          meetingId,
          kind,
          ...(date ? { date } : {}),
          ...(version ? { version } : {}),
        });
        const saved = await api.saveFile(file.fileName, file.dataBase64);
        if (saved.error) throw new Error(saved.error);
        if (saved.saved) toast(d.exported(file.fileName, saved.where));
      }
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
    }
  }

  // The 记录 comes in two versions, each its own file; the others in one.
  const jobsOf = (kind: DocumentKind): Job[] =>
    kind === documentKind.minutes ? recordVersions.map((version) => ({ kind, version })) : [{ kind }];
  const ready = documentKinds.filter((k) => !blocked(k)).flatMap(jobsOf);
  return (
    <section className="card documents-card" aria-label={d.title}>
      <h2 className="card-title">{d.title}</h2>
      <p className="muted small">{d.hint}</p>
      <ul className="document-list">
        {documentKinds.map((kind) => (
          <li key={kind}>
            <div>
              <strong>{kind}</strong>
              <p className="muted small">{blocked(kind) ?? d.kinds[kind]}</p>
            </div>
            <span className="button-row">
              {jobsOf(kind).map((job) => (
                <button
                  key={job.version ?? kind}
                  type="button"
                  className="button"
                  disabled={!!progress || !!blocked(kind)}
                  onClick={() => void run([job])}
                  aria-label={`${d.export}${d.jobName(kind, job.version)}`}
                  title={job.version ? d.versionHint : undefined}
                >
                  {job.version ? d.versions[job.version] : d.export}
                </button>
              ))}
            </span>
          </li>
        ))}
      </ul>
      <label className="field inline-field">
        <span>{d.date}</span>
        <input type="date" value={date} min={held} onChange={(e) => setDate(e.target.value)} />
        <span className="hint">{d.dateHint(held)}</span>
      </label>
      <button
        type="button"
        className="button primary"
        disabled={!!progress || ready.length === 0}
        onClick={() => void run(ready)}
      >
        {d.exportAll}
      </button>
      {progress && (
        <p className="export-progress" role="status" aria-live="polite">
          <span className="spinner" aria-hidden="true" /> {progress}
        </p>
      )}
      <ErrorText error={error} />
    </section>
  );
}
