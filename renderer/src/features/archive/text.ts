/** Words of the archive search. */
export const t = {
  title: '档案检索',
  sub: '在议题、会议、会议记录和协商意见中查找中文词句，一个字也可以。',
  box: '检索词',
  placeholder: '例如：公厕指引、冬季保温、人名、期数……',
  all: '全部',
  year: '年度',
  form: '形式',
  department: '主办单位',
  kinds: '类别',
  none: (q: string) => `没有找到“${q}”`,
  noneHint: '换一个词，或去掉筛选条件再试。',
  results: '检索结果',
  count: (n: number, ms: number, more: boolean) => `${more ? '前 50 条' : `${n} 条`}结果（${ms} 毫秒）`,
};
