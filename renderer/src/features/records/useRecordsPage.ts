import { useDeferredValue, useMemo, useState } from 'react';
import type { MemberRecord } from '../../../../shared/contract/memberRecords';
import type { PersonKind } from '../../../../shared/domain/people';
import { useToast } from '../../components/Toasts';
import { useApi, useCall } from '../../lib/query';
import { personKind } from '../../lib/values';
import { nextSort, sortRecords, type Sort, type SortKey } from './sortRecords';
import { t } from './text';

function totalOf(rows: readonly MemberRecord[]) {
  const sum = (f: (r: MemberRecord) => number) => rows.reduce((n, r) => n + f(r), 0);
  return {
    invited: sum((r) => r.meetingsInvited),
    attended: sum((r) => r.meetingsAttended),
    leave: sum((r) => r.leave),
    absent: sum((r) => r.absent),
    speeches: sum((r) => r.speeches),
    seconds: sum((r) => r.speakingSeconds),
    suggestions: sum((r) => r.suggestions),
    adopted: sum((r) => r.suggestionsAdopted),
  };
}

export type RecordsTotal = ReturnType<typeof totalOf>;

/** The records page's state: the year, kind and search asked for, the sorted rows and their total, the export. */
export function useRecordsPage() {
  const api = useApi();
  const toast = useToast();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [kind, setKind] = useState<PersonKind>(personKind.member);
  const [q, setQ] = useState('');
  const [sort, setSort] = useState<Sort>({ key: 'name', desc: false });
  const [open, setOpen] = useState<MemberRecord | null>(null);
  const [exporting, setExporting] = useState(false);
  const query = useDeferredValue(q.trim());
  // Without a chosen year the core answers the newest year with meetings (else this one).
  const records = useCall('records.list', { year, kind, q: query || undefined }, { placeholderData: (prev) => prev });
  const data = records.data;
  const rows = useMemo(() => sortRecords(data?.rows ?? [], sort), [data, sort]);
  const total = totalOf(rows);
  const shownYear = data?.year ?? year ?? new Date().getFullYear();
  const years = [...new Set([...(data?.years ?? []), shownYear])].sort((a, b) => b - a);

  async function exportXlsx() {
    setExporting(true);
    try {
      const file = await api.call('records.export', { year: shownYear, kind });
      const saved = await api.saveFile(file.fileName, file.dataBase64);
      if (saved.error) throw new Error(saved.error);
      if (saved.saved) toast(t.exported(file.fileName, saved.where));
    } catch (e) {
      toast(t.exportFailed(e instanceof Error ? e.message : String(e)), 'error');
    } finally {
      setExporting(false);
    }
  }

  const sortBy = (k: SortKey) => setSort(nextSort(sort, k));

  return {
    kind,
    setKind,
    q,
    setQ,
    query,
    sort,
    sortBy,
    open,
    setOpen,
    exporting,
    exportXlsx,
    records,
    data,
    rows,
    total,
    shownYear,
    years,
    setYear,
  };
}
