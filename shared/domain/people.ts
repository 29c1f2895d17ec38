/** The kinds of person in the directory (domain §1). */
export const personKinds = ['委员', '部门代表', '专家学者', '群众代表', '企业/管理单位代表', '工作人员'] as const;
export type PersonKind = (typeof personKinds)[number];

export const unitKinds = ['sector', 'committee', 'department'] as const;
export type UnitKind = (typeof unitKinds)[number];

export const unitKindNames: Record<UnitKind, string> = {
  sector: '界别',
  committee: '专委会',
  department: '职能部门',
};

/** The columns of the people spreadsheet, in template order. 姓名 and 类别 are required. */
export const importColumns = ['姓名', '类别', '界别', '专委会', '部门', '单位', '职务', '电话', '备注'] as const;
export type ImportColumn = (typeof importColumns)[number];

/** Headers people actually type, mapped to the template's columns. */
export const importColumnAliases: Record<string, ImportColumn> = {
  姓名: '姓名',
  名字: '姓名',
  类别: '类别',
  人员类别: '类别',
  身份: '类别',
  界别: '界别',
  专委会: '专委会',
  专门委员会: '专委会',
  部门: '部门',
  所属部门: '部门',
  职能部门: '部门',
  单位: '单位',
  工作单位: '单位',
  社区: '单位',
  职务: '职务',
  职称: '职务',
  '职务/职称': '职务',
  电话: '电话',
  手机: '电话',
  联系电话: '电话',
  备注: '备注',
};

/** Loose kind names seen in rosters ("政协委员", "部门") mapped to the directory's kinds. */
export function normalisePersonKind(raw: string): PersonKind | undefined {
  const s = raw.trim();
  if ((personKinds as readonly string[]).includes(s)) return s as PersonKind;
  const aliases: Record<string, PersonKind> = {
    政协委员: '委员',
    部门: '部门代表',
    部门负责人: '部门代表',
    专家: '专家学者',
    学者: '专家学者',
    群众: '群众代表',
    居民代表: '群众代表',
    企业代表: '企业/管理单位代表',
    管理单位代表: '企业/管理单位代表',
    企业: '企业/管理单位代表',
    工作人员: '工作人员',
    机关工作人员: '工作人员',
  };
  return aliases[s];
}
