import { Paragraph } from 'docx';
import type { RecordVersion, Resolution } from '../../../shared/contract/resolutions';
import { chineseDate, chineseNumeral } from '../../../shared/domain/chineseText';
import type { ElementNodeJson } from '../../../shared/domain/minutesDoc';
import {
  blankLine,
  body,
  centred,
  dateLine,
  editionNote,
  endOfDocument,
  FONT,
  labelledList,
  officialDocument,
  RED,
  run,
  spreadLine,
  table,
  textWidth,
  title,
  toBuffer,
} from './gbt9704';
import { splitSummary } from '../../../shared/domain/meetingSummary';
import { minutesToParagraphs } from './minutesToDocx';

/** What the three documents say about a meeting, read once from the data file. */
export interface MeetingFacts {
  orgName: string;
  office: string;
  form: string;
  issueNo: number;
  /** The meeting's name (its topic, usually). */
  title: string;
  /** Local wall-clock start, 2026-05-14T09:00. */
  startsAt: string;
  place: string;
  chair: string;
  /** The chair with unit and title: 市政协副主席韩立国. */
  chairStyled: string;
  recorder: string;
  /** 出席: the chair and members present; 列席: the others present; 请假. */
  present: string[];
  attending: string[];
  leave: string[];
  /** Those present, counted by role, in the order roles are listed. */
  counts: { role: string; count: number }[];
  /** 打收条: each department response with the speakers it answers. */
  answers: { responseId: number; department: string; speakers: string[] }[];
}

/** 冰城商量 → 冰城商量协商议政会议纪要; other forms → 专题协商会议纪要. */
export function summaryTitle(form: string): string {
  return form === '冰城商量' ? '冰城商量协商议政会议纪要' : `${form}会议纪要`;
}

const when = (startsAt: string) => {
  const hour = Number(startsAt.slice(11, 13));
  return `${chineseDate(startsAt)}${hour < 12 ? '上午' : '下午'}`;
};
const clockTime = (startsAt: string) => `${Number(startsAt.slice(11, 13))}:${startsAt.slice(14, 16)}`;
const names = (list: readonly string[]) => list.join('、') || '无';

function departmentsLine(r: Resolution): string {
  const parts = [`主办单位：${r.leadDepartment || '（未定）'}`];
  if (r.coDepartments.length) parts.push(`协办单位：${r.coDepartments.join('、')}`);
  parts.push(`办理时限：${r.deadline ? chineseDate(r.deadline) : '（未定）'}`);
  return `${parts.join('；')}。`;
}

/**
 * 会议纪要: the red masthead title, 第X期, the office and date over a red rule; the overview;
 * 现将会议议定事项纪要如下：; the resolutions 一、二、… with 主办/协办/时限; 出席/列席/请假;
 * the 版记 at the foot of the last page.
 */
export async function meetingSummaryDocx(
  m: MeetingFacts,
  resolutions: readonly Resolution[],
  date: string,
  narrative = '',
): Promise<Buffer> {
  const { before, after } = splitSummary(narrative);
  // A resolution typed on several lines keeps them as paragraphs; the number opens the first.
  const items: Paragraph[] = resolutions.flatMap((r, i) => {
    const [first, ...rest] = r.text.split('\n').filter((line) => line.trim());
    return [
      body([run(`${chineseNumeral(i + 1)}、`, { font: FONT.heading1 }), run(first ?? '')]),
      ...rest.map((line) => body(line)),
      body([run(departmentsLine(r), { font: FONT.heading2 })]),
    ];
  });
  const copyTo = [...new Set(resolutions.flatMap((r) => [r.leadDepartment, ...r.coDepartments]).filter(Boolean))];
  const doc = officialDocument({
    title: summaryTitle(m.form),
    creator: m.office,
    children: [
      title(summaryTitle(m.form), RED),
      centred([run(`第${m.issueNo}期`)]),
      spreadLine(m.office, chineseDate(date), { rule: RED }),
      blankLine(),
      body(overviewOf(m)),
      ...before.map((p) => body(p)),
      body('现将会议议定事项纪要如下：'),
      ...items,
      ...after.map((p) => body(p)),
      // The last lines go with the 版记: it never starts a page of its own.
      blankLine(true),
      // Each group only when it has someone, all three alike (no 列席：无 beside a missing 请假).
      ...attendanceLines(m),
      editionNote([
        { left: `抄送：${copyTo.join('，') || '无'}。` },
        { left: m.office, right: `${chineseDate(date)}印发` },
      ]),
      endOfDocument(),
    ],
  });
  return toBuffer(doc);
}

/** How the groups present are named in the overview (政协委员、有关部门负责同志…). */
const GROUP_NAMES: Record<string, string> = {
  委员: '政协委员',
  部门代表: '有关部门负责同志',
  专家学者: '专家学者',
  群众代表: '群众代表',
  '企业/管理单位': '企业和管理单位代表',
  列席: '列席人员',
};

const andList = (items: readonly string[]) =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join('、')}和${items[items.length - 1]}`;

/**
 * The overview in the customary sentences: when, who convened where, the topic; the chair with
 * unit and title; who took part by group and in all; the departments that answered, and how many
 * speakers they answered.
 */
export function overviewOf(m: MeetingFacts): string {
  const groups = m.counts.filter((c) => c.role !== '主持人');
  const total = groups.reduce((n, c) => n + c.count, 0);
  const answered = new Set(m.answers.flatMap((a) => a.speakers)).size;
  const departments = [...new Set(m.answers.map((a) => a.department).filter(Boolean))];
  return [
    `${when(m.startsAt)}，${m.orgName}在${m.place || '会场'}召开${m.form}第${m.issueNo}期协商议政会议，围绕“${m.title}”进行协商。`,
    m.chair ? `${m.chairStyled || m.chair}主持会议。` : '',
    total ? `${andList(groups.map((c) => GROUP_NAMES[c.role] ?? c.role))}共${total}人参加会议。` : '',
    answered ? `${departments.join('、') || '有关部门'}负责同志对${answered}位发言人提出的问题逐一作了回应。` : '',
  ].join('');
}

function attendanceLines(m: MeetingFacts): Paragraph[] {
  const groups: [string, string[]][] = [
    ['出席：', m.present],
    ['列席：', m.attending],
    ['请假：', m.leave],
  ];
  return groups
    .filter(([, people]) => people.length > 0)
    .map(([label, people]) => labelledList(label, names(people), true));
}

/** 会议记录: a cover table of the meeting's facts, then the minutes; each 部门回应 names the speeches it answers. */
export async function meetingRecordDocx(
  m: MeetingFacts,
  minutes: ElementNodeJson | null,
  version: RecordVersion = '工作版',
): Promise<Buffer> {
  const width = textWidth();
  const cover = table(
    ['项目', '内容'],
    [
      ['会议名称', `${m.form}第${m.issueNo}期：${m.title}`],
      ['时间', `${chineseDate(m.startsAt)} ${clockTime(m.startsAt)}`],
      ['地点', m.place || '—'],
      ['主持人', m.chair || '—'],
      ['记录人', m.recorder || '—'],
      ['出席', names(m.present)],
      ['列席', names(m.attending)],
      ['请假', names(m.leave)],
    ],
    [1500, width - 1500],
  );
  const answers = new Map(m.answers.map((a) => [a.responseId, a.speakers]));
  const archive = version === '存档版';
  const doc = officialDocument({
    title: `${m.form}第${m.issueNo}期会议记录（${version}）`,
    creator: m.office,
    children: [
      title('会议记录'),
      centred([run(`（${version}）`, { font: FONT.heading2 })]),
      blankLine(),
      cover,
      blankLine(),
      ...(minutes ? minutesToParagraphs(minutes, { answers, clean: archive }) : [body('（本次会议没有会议记录。）')]),
      ...(archive ? signatureLines() : []),
    ],
  });
  return toBuffer(doc);
}

/** 存档版 ends with lines to sign by hand, the two kept together on one page. */
function signatureLines(): Paragraph[] {
  // Six full-width spaces underlined: room for a name or a date written by hand; each line fits in 28 characters.
  const blank = () => run('\u3000'.repeat(6), { underline: {} });
  const line = (who: string, keepNext = false) =>
    body([run(`${who}（签名）：`), blank(), run('\u3000\u3000日期：'), blank()], { keepNext });
  return [blankLine(true), line('记录人', true), line('审核人')];
}

/** The follow-up of a resolution as the list shows it (status and reply class come with the follow-up). */
export interface ListedResolution extends Resolution {
  status: string;
  replyClass: string;
}

/** 协商意见办理清单: one landscape table of the resolutions, departments, deadlines, status and reply class. */
export async function resolutionListDocx(
  m: MeetingFacts,
  resolutions: readonly ListedResolution[],
  date: string,
): Promise<Buffer> {
  const width = textWidth(true);
  // In twips, for 4号 (280 a character) and the cell's 160 of margins: each header and a date
  // (2026年12月31日: 8 digits, 3 characters and the spaces between them, about 2,300) on one
  // line; the resolutions take the rest.
  const widths = [800, 0, 1600, 1600, 2500, 1300, 1300];
  widths[1] = width - widths.reduce((a, b) => a + b, 0);
  const rows = resolutions.map((r, i) => [
    String(i + 1),
    r.text,
    r.leadDepartment || '—',
    r.coDepartments.join('\n') || '—',
    r.deadline ? chineseDate(r.deadline) : '—',
    r.status,
    r.replyClass || '—',
  ]);
  const doc = officialDocument({
    title: `${m.form}第${m.issueNo}期协商意见办理清单`,
    creator: m.office,
    landscape: true,
    children: [
      title(`${m.form}第${m.issueNo}期协商意见办理清单`),
      centred([run(`（${m.title}）`, { font: FONT.heading2 })]),
      blankLine(),
      table(['序号', '协商意见', '主办单位', '协办单位', '办理时限', '办理状态', '答复类别'], rows, widths),
      blankLine(true),
      dateLine(m.office, true),
      dateLine(chineseDate(date)),
    ],
  });
  return toBuffer(doc);
}
