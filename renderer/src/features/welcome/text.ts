/** Words of the first-run welcome. */
export const t = {
  kicker: '有事好商量 · 冰城商量',
  title: '欢迎使用冰城商量协商议事系统',
  intro: '选题、会议、发言队列、投屏、会议记录、纪要与督办，都在这台电脑上完成，无需网络。先准备基础信息：',
  loading: '正在载入…',
  demo: '载入示例数据',
  demoHint: '31 个界别、9 个专门委员会、12 个职能部门和 42 位人员，适合先熟悉操作。',
  blank: '从空白开始',
  blankHint: '先填写组织名称与层级，再新增或从 Excel 导入人员名单。',
};
