import type { UnitKind } from '../../../../shared/domain/people';

export const t = {
  people: '人员',
  peopleCount: (n: number) => `共 ${n} 人`,
  addPerson: '新增人员',
  editPerson: '编辑人员',
  importPeople: '导入名单',
  searchPlaceholder: '搜索姓名或拼音，如 zw、zhangwei（按 / 聚焦）',
  allKinds: '全部类别',
  allSectors: '全部界别',
  showRetired: '显示已停用',
  search: '搜索人员',
  filters: '筛选条件',
  list: '人员名单',
  noMatch: (q: string) => `没有找到与“${q}”匹配的人员`,
  noMatchHint: '可以输入姓名中的字、拼音全拼或首字母。',
  emptyPeople: '名录中还没有人员',
  emptyPeopleHint: '逐个新增，或从 Excel/CSV 名单批量导入。',
  retired: '已停用',
  saved: '已保存',
  retiredDone: (name: string) => `已停用“${name}”，历史记录保留`,
  restoredDone: (name: string) => `已恢复“${name}”`,
  none: '（无）',
  col: { name: '姓名', kind: '类别', affiliation: '界别 / 部门', unit: '单位', title: '职务', phone: '电话' },
  field: {
    name: '姓名',
    kind: '类别',
    sector: '界别',
    committee: '专委会',
    department: '所属部门',
    unit: '单位',
    title: '职务 / 职称',
    phone: '电话',
    note: '备注',
  },
  retireHint: '停用后不再出现在选择列表中，已有的会议记录不受影响。',
  import: {
    title: '从 Excel 或 CSV 导入人员',
    intro:
      '第一行为列名：姓名、类别为必填，其余可选（界别、专委会、部门、单位、职务、电话、备注）。界别、专委会、部门须已在名录中（全称或简称均可）。',
    template: '下载 CSV 模板',
    choose: '选择文件…',
    reading: (name: string) => `正在读取“${name}”…`,
    result: (imported: number, rows: number) => `已导入 ${imported} 人（共 ${rows} 行）`,
    rejectedTitle: (n: number) => `${n} 行未导入，原因如下。请修改后只导入这些行：`,
    allGood: '所有行都已导入。',
    warningsTitle: (n: number) => `${n} 行已导入，但请核对：`,
    warningRows: '已导入、请核对的行',
    note: '说明',
    row: '行号',
    reason: '原因',
    close: '完成',
    again: '再导入一个文件',
    file: '选择名单文件',
    formats: '支持 .xlsx 和 .csv（UTF-8 或 GBK 编码）',
    report: '导入结果',
    rejectedRows: '未导入的行',
  },
};

export const unitText: Record<
  UnitKind,
  { title: string; add: string; edit: string; empty: string; emptyHint: string; what: string }
> = {
  sector: {
    title: '界别',
    add: '新增界别',
    edit: '编辑界别',
    empty: '还没有界别',
    emptyHint: '新增界别，或在首次使用时载入示例数据。',
    what: '界别',
  },
  committee: {
    title: '专门委员会',
    add: '新增专委会',
    edit: '编辑专委会',
    empty: '还没有专委会',
    emptyHint: '新增承办协商的专门委员会。',
    what: '专委会',
  },
  department: {
    title: '职能部门',
    add: '新增部门',
    edit: '编辑部门',
    empty: '还没有职能部门',
    emptyHint: '新增在会上答复、会后办理的政府部门。',
    what: '部门',
  },
};

export const unitsCount = (n: number) => `共 ${n} 个`;
export const noConvenors = '本界别还没有委员。先在“人员”中添加委员，再设召集人。';

export const unitCols = {
  position: '序号',
  name: '名称',
  shortName: '简称',
  people: '人数',
  convenors: '召集人',
  note: '备注',
  status: '状态',
};
export const unitFields = { name: '名称', shortName: '简称', note: '备注', convenors: '召集人（本界别委员）' };
