export const t = {
  appName: '冰城商量',
  tagline: '协商议事',
  nav: {
    directory: '基础信息',
    people: '人员',
    sectors: '界别',
    committees: '专委会',
    departments: '职能部门',
    system: '系统',
    settings: '设置',
  },
  projector: '投屏',
  projectorHint: '打开投屏窗口（Ctrl+Shift+P）',
  noToken: '请使用启动时终端中显示的完整地址（包含 token）打开冰城商量。',
  noTokenTitle: '缺少访问令牌',
  loadError: '无法读取数据',
  retry: '重试',
};
