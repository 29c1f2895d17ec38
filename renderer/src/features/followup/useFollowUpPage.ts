import { useState } from 'react';
import type { FollowUpItem } from '../../../../shared/contract/followUp';
import type { FollowUpAction, FollowUpState } from '../../../../shared/domain/followUp';
import { useCall } from '../../lib/query';
import { useUnits } from '../../lib/useUnits';

/** The follow-up board's state: the filters asked for, the board they give, the step being taken, the history open. */
export function useFollowUpPage() {
  const [year, setYear] = useState<number | undefined>(undefined);
  const [departmentId, setDepartmentId] = useState<number | undefined>(undefined);
  const [state, setState] = useState<FollowUpState | undefined>(undefined);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [acting, setActing] = useState<{ item: FollowUpItem; action: FollowUpAction } | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const departments = useUnits('department');
  const board = useCall('followup.list', { year, departmentId, state, overdueOnly: overdueOnly || undefined });
  const data = board.data;
  const overdue = data?.items.filter((i) => i.overdue).length ?? 0;
  const thisYear = new Date().getFullYear();
  const years = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2];
  /** One resolution's history at a time: its button opens it, or closes it again. */
  const toggleHistory = (resolutionId: number) => setOpen(open === resolutionId ? null : resolutionId);

  return {
    filters: { year, setYear, departmentId, setDepartmentId, state, setState, overdueOnly, setOverdueOnly },
    years,
    departments,
    board,
    data,
    overdue,
    acting,
    setActing,
    open,
    toggleHistory,
  };
}

export type FollowUpPageState = ReturnType<typeof useFollowUpPage>;
