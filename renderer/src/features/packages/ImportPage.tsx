import { useState } from 'react';
import type { Output } from '../../../../shared/contract';
import type { ChosenFile } from '../../../../shared/contract/backup';
import { EmptyState } from '../../components/EmptyState';
import { ErrorText } from '../../components/Field';
import { useCall } from '../../lib/query';
import { useFileFromElsewhere } from '../backup/useFileFromElsewhere';
import { ImportDrawer } from './ImportDrawer';
import { ImportResult } from './ImportResult';
import { PackageMeetings } from './PackageMeetings';
import { PackageSource } from './PackageSource';
import { ADD, choiceOf, PeopleChoices, peopleAdded } from './PeopleChoices';
import { t } from './text';
import './packages.css';

type Preview = Output<'package.preview'>;

/**
 * 系统 → 导入会议包: a file from another installation (the desktop's dialog, or an upload in the
 * browser), its preview (where from, each meeting new / the same / changed, the name matches to
 * decide), a confirmation, then what the import did. The page never names a path.
 */
export function ImportPage() {
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [acceptOther, setAcceptOther] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<Output<'package.import'> | null>(null);
  const preview = useCall('package.preview', { handle: file?.handle ?? '' }, { enabled: !!file && !result });

  const take = (chosen: ChosenFile) => {
    setFile(chosen);
    setChoices({});
    setAcceptOther(false);
    setResult(null);
  };
  const elsewhere = useFileFromElsewhere('package', t.import.chooseFile, take);

  const i = t.import;
  const data = file && !result ? preview.data : undefined;
  return (
    <section className="page package-page">
      <header className="page-head">
        <div>
          <h1>{i.title}</h1>
          <p className="page-sub">{i.sub}</p>
        </div>
        <div className="page-actions">
          <button
            type="button"
            className={`button${file ? '' : ' primary'}`}
            onClick={() => void elsewhere.choose()}
            disabled={elsewhere.uploading}
          >
            {file ? i.chooseAnother : i.choose}
          </button>
        </div>
        {elsewhere.picker}
      </header>
      {elsewhere.progress}
      {!file && !elsewhere.uploading && <EmptyState title={i.empty}>{i.emptyHint}</EmptyState>}
      {file && !result && preview.isFetching && !data && (
        <p className="hint" role="status">
          {i.reading}
        </p>
      )}
      {file && !result && <ErrorText error={preview.error} />}
      {file && data && (
        <PreviewBody
          preview={data}
          fileName={file.name}
          choices={choices}
          onChoose={(uid, value) => setChoices((c) => ({ ...c, [uid]: value }))}
          acceptOther={acceptOther}
          onAcceptOther={setAcceptOther}
          onImport={() => setConfirming(true)}
        />
      )}
      {result && <ImportResult result={result} onAnother={() => void elsewhere.choose()} />}
      {confirming && file && data && (
        <ImportDrawer
          meetings={data.meetings.length}
          input={{
            handle: file.handle,
            people: data.people
              .filter((p) => p.match === 'name')
              .map((p) => {
                const value = choiceOf(p, choices);
                return value === ADD
                  ? { uid: p.uid, action: 'add' as const }
                  : { uid: p.uid, action: 'merge' as const, intoId: Number(value) };
              }),
            ...(data.otherOrganisation ? { acceptOtherOrganisation: acceptOther } : {}),
          }}
          onClose={() => setConfirming(false)}
          onDone={(r) => {
            setConfirming(false);
            setResult(r);
          }}
        />
      )}
    </section>
  );
}

/** The preview of a readable package, or why it cannot be imported. */
function PreviewBody({
  preview,
  fileName,
  choices,
  onChoose,
  acceptOther,
  onAcceptOther,
  onImport,
}: {
  preview: Preview;
  fileName: string;
  choices: Record<string, string>;
  onChoose: (uid: string, value: string) => void;
  acceptOther: boolean;
  onAcceptOther: (on: boolean) => void;
  onImport: () => void;
}) {
  const i = t.import;
  if (preview.problem || !preview.source)
    return (
      <div className="package-refused" role="alert">
        <strong>{i.refusedTitle(fileName)}</strong>
        <p>{preview.problem}</p>
        <p className="package-refused-hint">{i.refusedHint}</p>
      </div>
    );
  // The preview counts without the secretary's choices: the people added are the ones chosen so.
  const added = { ...preview.added, person: peopleAdded(preview.people, choices) };
  const unchanged = Object.values(added).every((n) => !n) && Object.keys(preview.updated).length === 0;
  const willAdd = i.willAdd(added);
  const willUpdate = i.willUpdate(preview.updated);
  const blocked = !!preview.otherOrganisation && !acceptOther;
  return (
    <>
      <div className="package-grid">
        <PackageSource source={preview.source} fileName={fileName} />
        <PackageMeetings meetings={preview.meetings} />
      </div>
      <PeopleChoices people={preview.people} choices={choices} onChoose={onChoose} disabled={false} />
      <section className="card package-card package-go">
        {preview.otherOrganisation && (
          <div className="package-other" role="alert">
            <p>{i.otherOrg(preview.otherOrganisation)}</p>
            <label className="check">
              <input type="checkbox" checked={acceptOther} onChange={(e) => onAcceptOther(e.target.checked)} />
              {i.acceptOther}
            </label>
          </div>
        )}
        <div className="package-counts">
          {unchanged ? (
            <p className="package-line">{i.nothingNew}</p>
          ) : (
            <>
              {willAdd && <p className="package-line">{willAdd}</p>}
              {willUpdate && <p className="package-line">{willUpdate}</p>}
            </>
          )}
        </div>
        <button type="button" className="button primary" onClick={onImport} disabled={blocked}>
          {i.go}
        </button>
      </section>
    </>
  );
}
