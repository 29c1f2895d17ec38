import type ExcelJS from 'exceljs';

/**
 * What was odd about a cell: a formula (its stored result is what gets imported, with a warning),
 * a formula with no stored result, or an error value (#N/A). `detail` is the formula or the error.
 */
export interface CellIssue {
  col: number;
  kind: 'formula' | 'no_value' | 'error';
  detail: string;
}

/**
 * A cell's value as the text a person sees in Excel, for every kind exceljs gives: plain values,
 * dates, rich text, hyperlinks, formulas (plain or shared, with or without a stored result) and
 * errors. Anything else becomes empty text with an issue, never "[object Object]".
 */
export function cellText(value: ExcelJS.CellValue, col: number): { text: string; issue?: CellIssue } {
  if (value === null || value === undefined) return { text: '' };
  if (value instanceof Date) return { text: dateText(value) };
  if (typeof value !== 'object') return { text: String(value).trim() };
  if ('formula' in value || 'sharedFormula' in value) {
    const formula = String(
      ('formula' in value && value.formula) || ('sharedFormula' in value && value.sharedFormula) || '',
    );
    const detail = formula ? `=${formula}` : '公式';
    const result = value.result;
    if (result === undefined || result === null) return { text: '', issue: { col, kind: 'no_value', detail } };
    // A stored error result, or a number that is not one (the streaming reader reads "#N/A" as NaN).
    if ((typeof result === 'object' && 'error' in result) || (typeof result === 'number' && Number.isNaN(result))) {
      const error = typeof result === 'object' && 'error' in result ? String(result.error) : '错误值';
      return { text: '', issue: { col, kind: 'error', detail: error } };
    }
    const text = cellText(result as ExcelJS.CellValue, col).text;
    return { text, issue: { col, kind: 'formula', detail } };
  }
  if ('error' in value) return { text: '', issue: { col, kind: 'error', detail: String(value.error) } };
  if ('richText' in value)
    return {
      text: value.richText
        .map((r) => r.text ?? '')
        .join('')
        .trim(),
    };
  if ('text' in value) return cellText((value as { text: ExcelJS.CellValue }).text, col);
  return { text: '', issue: { col, kind: 'error', detail: '无法识别的内容' } };
}

/** Excel stores dates without a zone; exceljs reads them as UTC midnight. */
const dateText = (d: Date) => (Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10));
