import type { Settings } from '../../../../shared/contract/settings';
import { useCall } from '../../lib/query';
import { defaultStepNames } from '../../../../shared/domain/settings';

/** The six step names of this organisation (区委/市委/县委 read right), from settings. */
export function useStepNames(): Settings['stepNames'] {
  const settings = useCall('settings.get', {});
  return settings.data?.stepNames ?? defaultStepNames('市');
}

/** Who usually decides at each step, offered as the default "决定机构或人". */
export function defaultBody(step: number, stepNames: readonly string[], office: string, committee?: string): string {
  switch (step) {
    case 2:
      return committee || '专委会';
    case 4:
      return '主席会议';
    case 5:
      return stepNames[4].replace(/(审题|审议)$/, '') || '党委常委会议';
    case 6:
      return '政协常委会议';
    default:
      return office;
  }
}
