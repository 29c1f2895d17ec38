import type { PlanItem } from '../../../shared/contract/plan';
import { chineseDate } from '../../../shared/domain/chineseText';
import { blankLine, body, dateLine, officialDocument, table, textWidth, title, toBuffer } from './gbt9704';

export interface AnnualPlanInput {
  orgName: string;
  office: string;
  year: number;
  items: readonly PlanItem[];
  /** 成文日期, ISO. */
  date: string;
}

const headers = ['序号', '协商议题', '协商形式', '牵头单位', '计划时间'];

/** 年度协商计划: a ruled table of the decided topics, month by month, in the GB/T 9704 page. */
export async function annualPlanDocx(plan: AnnualPlanInput): Promise<Buffer> {
  const width = textWidth();
  // Each header on one line in 4号 (280 twips a character, 160 of cell margins): 序号 900, 计划时间 1300.
  const widths = [900, 0, 1500, 1900, 1300];
  widths[1] = width - widths.reduce((a, b) => a + b, 0);
  const rows = plan.items.map((item, i) => [
    String(i + 1),
    item.title,
    item.meetingForm,
    item.leadCommittee,
    `${item.month}月`,
  ]);
  const doc = officialDocument({
    title: `${plan.year}年度协商计划`,
    creator: plan.office,
    children: [
      title(`${plan.orgName}${plan.year}年度协商计划`),
      blankLine(),
      body(`${plan.year}年度共确定协商议题${plan.items.length}项，按计划时间排列如下。`),
      blankLine(),
      table(headers, rows, widths),
      blankLine(true),
      dateLine(plan.office, true),
      dateLine(chineseDate(plan.date)),
    ],
  });
  return toBuffer(doc);
}
