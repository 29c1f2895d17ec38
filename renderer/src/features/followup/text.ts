import type { FollowUpAction } from '../../../../shared/domain/followUp';

export const t = {
  title: '跟踪督办',
  sub: (n: number, overdue: number) => `共 ${n} 项协商意见${overdue ? `，其中 ${overdue} 项逾期未答复` : ''}`,
  empty: '还没有需要督办的协商意见',
  emptyHint: '会议的协商意见经主持人确认后，会出现在这里，从“交办”开始跟踪办理。',
  filters: { year: '年度', department: '主办单位', state: '状态', all: '全部', overdueOnly: '只看逾期' },
  byState: '按状态',
  byDepartment: '按主办单位',
  dept: { name: '主办单位', total: '合计', open: '未办结', overdue: '逾期' },
  overdue: '逾期',
  deadline: '时限',
  urged: (n: number) => `督办 ${n} 次`,
  reported: (d: string) => `已向群众反馈（${d}）`,
  meeting: (form: string, issue: number) => `${form}第${issue}期`,
  history: '办理记录',
  noHistory: '还没有办理记录',
  actions: {
    交办: '交办',
    受理: '受理',
    答复: '答复',
    评价: '评价',
    办结: '办结',
    反馈: '向群众反馈',
  } satisfies Record<FollowUpAction, string>,
  form: {
    title: (action: string, n: string) => `${action}：${n}`,
    date: '日期',
    by: '经办人或单位',
    note: '说明',
    noteFor: { 评价: '不满意时须写明督办意见', 反馈: '向群众反馈的内容或方式' } as Partial<
      Record<FollowUpAction, string>
    >,
    replyText: '答复内容',
    replyClass: '答复类别',
    evaluation: '评价',
    done: (action: string) => `已${action}`,
  },
};
