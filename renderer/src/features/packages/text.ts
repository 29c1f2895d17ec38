import type { PackageMeeting } from '../../../../shared/contract/packages';

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** The tables a package adds to or brings up to date, as the secretary calls them. */
const tableNames: Record<string, string> = {
  sector: '界别',
  committee: '专委会',
  department: '部门',
  person: '人员',
  topic: '议题',
  topic_event: '议题决定',
  topic_sector: '议题界别',
  meeting: '会议',
  meeting_status_log: '会议状态记录',
  participant: '参会人员',
  agenda_item: '议程项',
  speech: '发言',
  speech_interval: '发言计时',
  speech_answer: '回应关联',
  lan_session: '会场互联',
  lan_device: '会场设备',
  speak_request: '发言申请',
  written_opinion: '书面意见',
  device_event: '设备记录',
  mark: '标记',
  minutes_revision: '会议记录版本',
  minutes: '会议记录',
  resolution: '协商意见',
  resolution_co: '协办单位',
  resolution_mark: '意见来源',
  resolution_speech: '意见来源',
  resolution_confirmation: '主持人确认',
  meeting_summary: '会议纪要',
  followup_event: '督办记录',
  followup: '督办状态',
};

/** “会议 1、发言 6、…” of a count by table, in the order above; '' when nothing. */
const counts = (byTable: Record<string, number>) => {
  const merged = new Map<string, number>();
  const order = [...Object.keys(tableNames), ...Object.keys(byTable).filter((k) => !(k in tableNames))];
  for (const k of order) {
    if (!byTable[k]) continue;
    const name = tableNames[k] ?? k;
    merged.set(name, (merged.get(name) ?? 0) + byTable[k]);
  }
  return [...merged].map(([name, n]) => `${name} ${n}`).join('、');
};

export const t = {
  export: {
    open: '导出会议包…',
    title: '导出会议包',
    lead: '选择要带到另一台电脑的会议。会议包中有会议的全部记录：参会人员、议程、发言及计时、会议记录、协商意见和督办记录。',
    thisYear: (year: number, n: number) => `选择 ${year} 年度（${n} 次）`,
    none: '全部不选',
    list: '要导出的会议',
    chosen: (n: number) => (n ? `已选择 ${n} 次会议` : '尚未选择会议'),
    go: (n: number) => (n ? `导出 ${n} 次会议` : '导出'),
    going: '正在导出…',
    empty: '还没有可以导出的会议',
    emptyHint: '先在“会议”中新建或召开一次会议，再回来导出。',
    one: '导出会议包',
    oneHint: '把这次会议的全部记录导出为一个会议包，带到另一台电脑上导入',
    done: (meetings: number, bytes: number, name: string) => `已导出 ${meetings} 次会议（${size(bytes)}）：${name}`,
    downloading: '，浏览器正在下载',
    savedTo: (path: string) => `，已保存到 ${path}`,
    keptInFolder: '，保存在会议包文件夹中',
  },
  import: {
    title: '导入会议包',
    sub: '把另一台电脑（如会场笔记本）导出的会议包合并到本机：先预览，确认后一次导入。本机已有的数据不会被删除。',
    choose: '选择会议包文件…',
    chooseAnother: '选择其他文件…',
    chooseFile: '选择要导入的会议包文件',
    empty: '还没有选择会议包',
    emptyHint:
      '在另一台电脑的“会议”页点“导出会议包…”，把得到的文件（会议包-….db）拷到这台电脑，再点“选择会议包文件…”。',
    reading: '正在读取会议包…',
    refusedTitle: (name: string) => `“${name}”不能导入`,
    refusedHint: '本机数据没有任何改动。请在原来的电脑上重新导出会议包，或选择其他文件。',
    source: '来源',
    installation: '导出的电脑',
    organisation: '组织',
    exportedAt: '导出时间',
    version: '程序版本',
    file: '文件',
    meetings: '包中的会议',
    meetingCols: { title: '会议', time: '时间', status: '本机情况' },
    status: {
      new: '新会议',
      identical: '已有，相同',
      differs: '已有，有更新',
    } satisfies Record<PackageMeeting['status'], string>,
    differs: (what: string[]) => `将更新：${what.join('、')}`,
    people: '人员对应',
    peopleLead: '以下人员在本机名录中有同名同单位的人，请逐一选择合并到已有人员，还是作为新人员添加：',
    peopleCols: { name: '姓名', unit: '单位', action: '处理' },
    choiceOf: (name: string) => `${name}的处理`,
    mergeInto: (name: string, id: number) => `合并到已有人员：${name}（编号 ${id}）`,
    addNew: '作为新人员添加',
    knownPeople: (n: number) => `${n} 人以前导入过，自动对应到本机的人员。`,
    newPeople: (names: string[]) => `${names.length} 人本机没有，将作为新人员添加：${names.join('、')}`,
    noUnit: '—',
    otherOrg: (org: string) => `这个会议包来自“${org}”，不是本组织的。`,
    acceptOther: '我已确认，仍要导入其他组织的会议包',
    willAdd: (c: Record<string, number>) => (counts(c) ? `将新增：${counts(c)}` : ''),
    willUpdate: (c: Record<string, number>) => (counts(c) ? `将更新：${counts(c)}` : ''),
    nothingNew: '本机已有这个会议包的全部内容，导入不会改变任何内容。',
    go: '导入…',
    confirm: {
      title: '导入会议包',
      lead: (n: number) => `将把 ${n} 次会议合并到本机：`,
      oneTransaction: '导入在一个事务中完成：要么全部导入，要么什么都不改变。',
      twice: '同一个会议包再导入一次不会改变任何内容。',
      keep: '本机已有的会议、人员和督办记录都保留，不会被删除或覆盖。',
      go: '确认导入',
      going: '正在导入…',
    },
    result: {
      title: '导入完成',
      added: (c: Record<string, number>) => `新增：${counts(c) || '无'}`,
      updated: (c: Record<string, number>) => `更新：${counts(c) || '无'}`,
      unchanged: '本机已有这个会议包的全部内容，没有改变任何内容。',
      open: '打开会议',
      status: { new: '已新增', identical: '没有变化', differs: '已更新' } satisfies Record<
        PackageMeeting['status'],
        string
      >,
      another: '导入其他会议包…',
    },
  },
  origin: {
    label: '来源',
    from: (installation: string, date: string) => `来自：${installation}，${date}`,
    organisation: (org: string) => `（${org}）`,
  },
  cancel: '取消',
  size,
  time: (startsAt: string) => startsAt.replace('T', ' '),
};
