import type { PackageOrigin, PackagePreview } from '../../../shared/contract/packages';
import { storeValue, storedValue } from '../data/settings';
import { isoNow, type Ctx } from '../context';
import { AppError, notFound, refused } from '../errors';
import { handlers } from '../handler';
import { exportPackage } from '../transfer/exportPackage';
import { mergePackage, type PersonChoice } from '../transfer/mergePackage';
import { readPackage, type OpenedPackage } from '../transfer/readPackage';
import { readSettings } from './settings';

/**
 * An imported meeting's origin, kept under its uid in the settings (the app's own bookkeeping): the
 * package that last brought it or changes to it. A package bringing nothing new leaves it as it was.
 */
const originKey = (meetingUid: string) => `package.origin.${meetingUid}`;
function keepOrigin(ctx: Ctx, meetingUid: string, origin: PackageOrigin): void {
  const known = storedValue(ctx, originKey(meetingUid)) as PackageOrigin | undefined;
  if (known?.installationId === origin.installationId && known.exportedAt === origin.exportedAt) return;
  storeValue(ctx, originKey(meetingUid), origin);
}

/** The exporting organisation when it is not this installation's, else ''. */
const otherOrganisation = (pkg: OpenedPackage, orgName: string) =>
  pkg.manifest.organisation === orgName ? '' : pkg.manifest.organisation;

const emptyPreview = (problem: string): PackagePreview => ({
  problem,
  otherOrganisation: '',
  source: null,
  meetings: [],
  people: [],
  added: {},
  updated: {},
});

export const packageHandlers = handlers({
  'package.export': (input, ctx) => exportPackage(ctx, input.meetingIds),

  'package.preview': (input, ctx) => {
    let pkg: OpenedPackage;
    try {
      pkg = readPackage(ctx.files.pathOf(input.handle));
    } catch (e) {
      // A package that cannot be imported is still shown, with the reason.
      if (e instanceof AppError && e.code === 'refused') return emptyPreview(e.message);
      throw e;
    }
    const { manifest: m } = pkg;
    const outcome = mergePackage(pkg, { db: ctx.db, apply: false, choices: new Map(), now: isoNow(ctx) });
    return {
      problem: '',
      otherOrganisation: otherOrganisation(pkg, readSettings(ctx).orgName),
      source: {
        installationId: m.installation.id,
        installation: m.installation.name,
        organisation: m.organisation,
        appVersion: m.appVersion,
        schemaVersion: m.schemaVersion,
        exportedAt: m.exportedAt,
      },
      ...outcome,
    };
  },

  'package.import': (input, ctx) => {
    const pkg = readPackage(ctx.files.pathOf(input.handle));
    const other = otherOrganisation(pkg, readSettings(ctx).orgName);
    if (other && !input.acceptOtherOrganisation)
      throw refused(`这个会议包来自“${other}”，不是本组织（${readSettings(ctx).orgName}）的：确认后才能导入，未导入`);
    const choices = new Map<string, PersonChoice>(input.people.map((p) => [p.uid, p]));
    const { meetings, added, updated } = mergePackage(pkg, {
      db: ctx.db,
      apply: true,
      choices,
      ctx,
      now: isoNow(ctx),
    });
    const { manifest: m } = pkg;
    for (const meeting of meetings)
      if (meeting.status !== 'identical')
        keepOrigin(ctx, meeting.uid, {
          installationId: m.installation.id,
          installation: m.installation.name,
          organisation: m.organisation,
          exportedAt: m.exportedAt,
          importedAt: isoNow(ctx),
        });
    return { meetings, added, updated };
  },

  'package.origin': (input, ctx) => {
    const uid = ctx.db.prepare('SELECT uid FROM meeting WHERE id = ?').pluck().get(input.meetingId) as
      string | undefined;
    if (uid === undefined) throw notFound('会议', input.meetingId);
    return (storedValue(ctx, originKey(uid)) as PackageOrigin | undefined) ?? null;
  },
});
