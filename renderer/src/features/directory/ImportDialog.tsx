import { useRef, useState } from 'react';
import type { ImportReport } from '../../../../shared/contract/directory';
import { importLimits, importMessages } from '../../../../shared/domain/importLimits';
import { Drawer } from '../../components/Drawer';
import { ErrorText } from '../../components/Field';
import { bytesToBase64 } from '../../lib/base64';
import { useAction } from '../../lib/query';
import { downloadTemplate } from './template';
import { t } from './text';

const ti = t.import;

export function ImportDialog({ onClose }: { onClose: () => void }) {
  const importPeople = useAction('person.import', { errorInPlace: true });
  const fileRef = useRef<HTMLInputElement>(null);
  const fileName = useRef('');
  // A file over the bound is refused here, before it is read and sent (the core says the same).
  const [tooLarge, setTooLarge] = useState<string | null>(null);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    fileName.current = file.name;
    if (fileRef.current) fileRef.current.value = '';
    if (file.size > importLimits.bytes) {
      importPeople.reset();
      setTooLarge(importMessages.tooLarge(file.size));
      return;
    }
    setTooLarge(null);
    importPeople.mutate({ fileName: file.name, dataBase64: bytesToBase64(await file.arrayBuffer()) });
  };
  const report = importPeople.data;

  return (
    <Drawer
      title={ti.title}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button link" onClick={downloadTemplate}>
            {ti.template}
          </button>
          <span className="spacer" />
          {report && (
            <button type="button" className="button" onClick={() => fileRef.current?.click()}>
              {ti.again}
            </button>
          )}
          <button type="button" className="button primary" onClick={onClose}>
            {ti.close}
          </button>
        </>
      }
    >
      <p className="muted-text">{ti.intro}</p>
      <div className="dropzone">
        {/* The native file control would speak the browser's language; a button speaks ours. */}
        <input
          ref={fileRef}
          type="file"
          accept=".xlsx,.csv"
          aria-label={ti.file}
          hidden
          onChange={(e) => void onFile(e.target.files?.[0])}
        />
        <button
          type="button"
          className="button primary"
          disabled={importPeople.isPending}
          onClick={() => fileRef.current?.click()}
        >
          {ti.choose}
        </button>
        <span className="hint"> {ti.formats}</span>
        {importPeople.isPending && (
          <p className="progress" role="status">
            <span className="spinner" /> {ti.reading(fileName.current)}
          </p>
        )}
      </div>
      <ErrorText error={tooLarge ?? importPeople.error} />
      {report && (
        <div className="import-report" aria-label={ti.report}>
          <p className="import-summary">{ti.result(report.imported, report.rows)}</p>
          {report.rejected.length === 0 ? (
            <p className="ok-text">{ti.allGood}</p>
          ) : (
            <>
              <p className="warn-text">{ti.rejectedTitle(report.rejected.length)}</p>
              <RowTable label={ti.rejectedRows} head={ti.reason} rows={report.rejected} />
            </>
          )}
          {report.warnings.length > 0 && (
            <>
              <p className="warn-text">{ti.warningsTitle(report.warnings.length)}</p>
              <RowTable label={ti.warningRows} head={ti.note} rows={report.warnings} />
            </>
          )}
        </div>
      )}
    </Drawer>
  );
}

/** Rows of the file with what is to be said about each: the ones refused, or imported with a warning. */
function RowTable({ label, head, rows }: { label: string; head: string; rows: ImportReport['warnings'] }) {
  return (
    <table className="table compact import-rows" aria-label={label}>
      <thead>
        <tr>
          <th>{ti.row}</th>
          <th>{t.col.name}</th>
          <th>{head}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={`${r.row}-${i}`}>
            <td className="num">{r.row}</td>
            <td>{r.name}</td>
            <td>{r.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
