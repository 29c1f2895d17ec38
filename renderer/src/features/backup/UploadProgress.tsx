import { t } from './text';

/** A backup going up to serve: how far, and a way to stop it. */
export function UploadProgress({ name, fraction, onCancel }: { name: string; fraction: number; onCancel: () => void }) {
  const percent = Math.round(fraction * 100);
  return (
    <div className="backup-upload" role="status">
      <span>{fraction < 1 ? t.uploading(name, percent) : t.reading(name)}</span>
      <progress max={100} value={percent} aria-label={t.uploadProgress} />
      <button type="button" className="button" onClick={onCancel} disabled={fraction >= 1}>
        {t.cancel}
      </button>
    </div>
  );
}
