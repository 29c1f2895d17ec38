import { importColumns } from '../../../../shared/domain/people';

/** A CSV template with a BOM, so Excel opens the Chinese headers correctly. */
export function downloadTemplate(): void {
  const rows = [
    importColumns.join(','),
    '张三,委员,民建,经济委员会,,黑龙江某某集团,董事长,13800000000,',
    '李四,部门代表,,,市交通运输局,,副局长,,',
    '王五,群众代表,,,,道里区中央大街社区,居民,,',
  ];
  const blob = new Blob(['\uFEFF' + rows.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = '人员导入模板.csv';
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
