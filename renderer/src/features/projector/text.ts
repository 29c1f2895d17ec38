/** What the projector says. Read from the back of the room, so short. */
export const t = {
  idleTitle: '有事好商量',
  joinTitle: '扫码加入本次会议',
  joinNote: '用手机相机扫描：签到、申请发言、提交书面意见',
  joinOff: '会场互联未开启',
  idleNote: '暂无进行中的会议',
  loadError: '无法读取投屏内容',
  issue: (form: string, issueNo: number, place: string) => [form, `第${issueNo}期`, place].filter(Boolean).join(' · '),
  currentItem: '当前议程',
  nextUp: '下一位',
  nextPrepare: '请下一位发言人准备',
  noneWaiting: '暂无等待发言的人',
  remaining: '剩余时间',
  over: '已超时',
  paused: '暂停',
  limit: (seconds: number) => {
    const m = Math.floor(seconds / 60);
    const s = seconds % 60;
    return `限时 ${s === 0 ? `${m} 分钟` : m === 0 ? `${s} 秒` : `${m} 分 ${s} 秒`}`;
  },
  estimatedEnd: '预计结束',
  minutes: (n: number) => `${n} 分钟`,
  overBy: (n: number) => `超时 ${n} 分钟`,
  done: '已完成',
  running: '进行中',
  noAgenda: '尚未安排议程',
  /** Rows left out of the agenda's window, above and below it. */
  earlier: (hidden: number, done: number) =>
    done === hidden ? `前 ${hidden} 项已完成` : `前面还有 ${hidden} 项（已完成 ${done} 项）`,
  later: (hidden: number) => `后面还有 ${hidden} 项`,
};
