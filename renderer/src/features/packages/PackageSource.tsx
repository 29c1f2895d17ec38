import type { PackagePreview } from '../../../../shared/contract/packages';
import { clockDateTime } from '../../lib/dates';
import { t } from './text';

/** Where the package was made: the computer, the organisation, when, with which version of the app. */
export function PackageSource({
  source,
  fileName,
}: {
  source: NonNullable<PackagePreview['source']>;
  fileName: string;
}) {
  const i = t.import;
  return (
    <section className="card package-card" aria-label={i.source}>
      <h2 className="card-title">{i.source}</h2>
      <dl className="info-list wide-dt">
        <dt>{i.file}</dt>
        <dd>{fileName}</dd>
        <dt>{i.installation}</dt>
        <dd>{source.installation}</dd>
        <dt>{i.organisation}</dt>
        <dd>{source.organisation}</dd>
        <dt>{i.exportedAt}</dt>
        <dd>{clockDateTime(source.exportedAt)}</dd>
        <dt>{i.version}</dt>
        <dd>{source.appVersion}</dd>
      </dl>
    </section>
  );
}
