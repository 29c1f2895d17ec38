import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentFileName } from '../../electron/core/services/documents';
import { chineseDate, chineseNumeral } from '../../shared/domain/chineseText';
import { readMinutesDoc } from '../../shared/domain/minutesDoc';
import { allowed } from '../support/verdict';
import { attr, readDocx } from '../support/docx';
import { heldMeeting, type Scenario } from '../support/meetingScenario';
import { err, ok, tempCore } from '../support/tempCore';

/**
 * The three documents of a held meeting, each read back with independent readers (jszip for the
 * package's XML, mammoth for the text as Word gives it) and checked as a reader of GB/T 9704
 * would: page, margins, grid, fonts and sizes, numbering, footers, and every resolution and
 * speaker in order.
 */
let core: ReturnType<typeof tempCore>;
let s: Scenario;

beforeAll(async () => {
  core = tempCore({ now: () => new Date(2026, 4, 15, 10, 0) });
  ok(await core.invoke('app.loadDemo', {}));
  s = await heldMeeting(core, { speeches: 8, minutesChars: 5000, resolutions: 3 });
});
afterAll(() => core.dispose());

const exported = async (kind: '会议纪要' | '会议记录' | '协商意见办理清单') => {
  const out = ok(await core.invoke('document.export', { meetingId: s.meetingId, kind }));
  return { fileName: out.fileName, doc: await readDocx(out.dataBase64) };
};

/** Every GB/T 9704 document: A4, 37/28/35/26 mm, 22 lines, odd/even page numbers with the page field. */
function expectOfficialPage(doc: Awaited<ReturnType<typeof readDocx>>, landscape = false) {
  const [w, h] = [attr(doc.document, 'w:pgSz', 'w:w'), attr(doc.document, 'w:pgSz', 'w:h')];
  expect(landscape ? [h, w] : [w, h]).toEqual(['11906', '16838']);
  if (landscape) expect(attr(doc.document, 'w:pgSz', 'w:orient')).toBe('landscape');
  const margins = ['w:top', 'w:left', 'w:bottom', 'w:right'].map((a) => attr(doc.document, 'w:pgMar', a));
  expect(margins).toEqual(landscape ? ['1587', '2098', '1474', '1984'] : ['2098', '1587', '1984', '1474']);
  expect(attr(doc.document, 'w:docGrid', 'w:linePitch')).toBe('579');
  expect(doc.settings).toContain('<w:evenAndOddHeaders');
  expect(doc.footers.default).toMatch(/<w:jc w:val="right"\/>/);
  expect(doc.footers.even).toMatch(/<w:jc w:val="left"\/>/);
  for (const f of [doc.footers.default, doc.footers.even]) expect(f).toMatch(/PAGE[\s\S]*— |— [\s\S]*PAGE/);
}

const font = (xml: string) => /w:eastAsia="([^"]+)"/.exec(xml)?.[1];
const size = (xml: string) => /<w:sz w:val="(\d+)"\/>/.exec(xml)?.[1];

describe('会议纪要', () => {
  it('is refused until the chair has confirmed the resolutions, in Chinese', async () => {
    const other = await heldMeeting(core, { title: '未确认的会议', resolutions: 1, confirm: false });
    expect(err(await core.invoke('document.export', { meetingId: other.meetingId, kind: '会议纪要' }))).toContain(
      '尚未经主持人确认',
    );
    const none = ok(
      await core.invoke('meeting.create', {
        topicId: null,
        form: '冰城商量',
        title: '没有议定事项',
        startsAt: '2026-06-01T09:00',
      }),
    ).id;
    expect(err(await core.invoke('document.export', { meetingId: none, kind: '协商意见办理清单' }))).toContain(
      '还没有协商意见',
    );
  });

  it('has the red masthead, 第X期, the office and date, the overview, the numbered resolutions, attendance and the 版记', async () => {
    const { fileName, doc } = await exported('会议纪要');
    expect(fileName).toBe('第1期-中央大街景区公厕布局、指引和冬季运行-会议纪要.docx');
    expectOfficialPage(doc);

    const [titleP, issue, officeLine] = doc.paragraphs;
    expect(titleP.text).toBe('冰城商量协商议政会议纪要');
    expect(font(titleP.xml)).toBe('方正小标宋简体');
    expect(size(titleP.xml)).toBe('44');
    expect(titleP.xml).toContain('<w:color w:val="C00000"/>');
    expect(titleP.xml).toContain('<w:jc w:val="center"/>');
    expect(issue.text).toBe('第1期');
    // Office at the left, the date at the right (a right tab), a red rule under them: the day of
    // the meeting, not of the chair's confirmation (a day later here).
    expect(officeLine.text).toBe('政协哈尔滨市委员会办公厅2026年5月14日');
    expect(officeLine.xml).toContain('<w:tab w:val="right"');
    expect(officeLine.xml).toMatch(/<w:bottom [^>]*w:color="C00000"/);

    const texts = doc.paragraphs.map((p) => p.text);
    const overview = texts.find((t) => t.startsWith('2026年5月14日上午'))!;
    expect(overview).toContain('在市政协三楼协商议事厅召开冰城商量第1期协商议政会议');
    // The customary sentences: the chair with unit and title, then the groups and their total.
    expect(overview).toMatch(new RegExp(`[^。]+${s.chair}主持会议。`));
    expect(overview).toMatch(/。政协委员、有关部门负责同志、专家学者和群众代表共\d+人参加会议。$/);
    const lead = texts.indexOf('现将会议议定事项纪要如下：');
    expect(lead).toBeGreaterThan(texts.indexOf(overview));

    // Resolutions 一、二、三、 in order, each followed by its departments and deadline.
    s.list.items.forEach((r, i) => {
      const at = texts.indexOf(`${chineseNumeral(i + 1)}、${r.text}`);
      expect(at, `第${i + 1}项`).toBeGreaterThan(lead);
      expect(texts[at + 1]).toBe(
        `主办单位：${r.leadDepartment}；协办单位：${r.coDepartments.join('、')}；办理时限：${chineseDate(r.deadline!)}。`,
      );
      const numberRun = doc.paragraphs[at].xml.split('</w:r>')[0];
      expect(font(numberRun)).toBe('黑体');
      expect(size(doc.paragraphs[at].xml)).toBe('32');
      expect(font(doc.paragraphs[at].xml.split('</w:r>')[1])).toBe('仿宋_GB2312');
    });

    // 出席 / 列席 / 请假: the label in 3号黑体 two characters in, names aligned after the colon.
    const present = doc.paragraphs.find((p) => p.text.startsWith('出席：'))!;
    expect(font(present.xml)).toBe('黑体');
    expect(attr(present.xml, 'w:ind', 'w:hanging')).toBe(String(3 * 315));
    expect(attr(present.xml, 'w:ind', 'w:left')).toBe(String(5 * 315));
    expect(present.text).toContain(s.chair);
    const attending = texts.find((t) => t.startsWith('列席：'))!;
    expect(attending.split('：')[1].split('、')).toHaveLength(7);
    expect(
      texts
        .find((t) => t.startsWith('请假：'))!
        .split('：')[1]
        .split('、'),
    ).toHaveLength(1);

    // 版记: 抄送 and 印发 in 4号 between rules as wide as the text block (0.35 mm outside, 0.25 mm
    // between), the last thing in the document, positioned at the bottom of the text block.
    const note = doc.tables[doc.tables.length - 1];
    expect(note.map((row) => row[0])).toEqual([expect.stringMatching(/^抄送：/), expect.stringMatching(/印发$/)]);
    const noteXml = /<w:tbl>(?:(?!<w:tbl>)[\s\S])*?抄送[\s\S]*?<\/w:tbl>/.exec(doc.document)![0];
    expect(noteXml).toMatch(/<w:tblpPr [^>]*w:tblpYSpec="bottom"/);
    expect(noteXml).toMatch(/<w:tblpPr [^>]*w:vertAnchor="margin"/);
    expect(attr(noteXml, 'w:tblW', 'w:w')).toBe(String(11906 - 1587 - 1474));
    expect(noteXml).toMatch(/<w:top w:val="single" w:color="000000" w:sz="8"\/>/);
    expect(noteXml).toMatch(/<w:bottom w:val="single" w:color="000000" w:sz="8"\/>/);
    expect(noteXml).toMatch(/<w:insideH w:val="single" w:color="000000" w:sz="6"\/>/);
    expect(size(noteXml)).toBe('28');
    // The last thing in the body: the table, then the paragraph Word needs after it, one point high.
    expect(doc.document).toMatch(
      /印发<\/w:t>[\s\S]*<\/w:tbl><w:p><w:pPr><w:spacing w:after="0" w:before="0" w:line="20" w:lineRule="exact"\/><w:rPr>[^]*?<w:sz w:val="2"\/>[^]*?<\/w:rPr><\/w:pPr><\/w:p><w:sectPr/,
    );
    // The office one character in from the left, the date one character in from the right (tabs count from the margin).
    const tabs = [...officeLine.xml.matchAll(/<w:tab w:val="(\w+)" w:pos="(\d+)"\/>/g)].map((m) => [m[1], m[2]]);
    expect(tabs).toEqual([
      ['left', '315'],
      ['right', String(11906 - 1587 - 1474 - 315)],
    ]);
    expect(attr(officeLine.xml, 'w:ind', 'w:left')).toBeUndefined();
    for (const d of new Set(s.list.items.flatMap((r) => [r.leadDepartment, ...r.coDepartments])))
      expect(note[0][0]).toContain(d);

    // Body text: 3号仿宋, condensed to 28 characters a line, exact 28.95 pt lines, two characters in.
    expect(font(doc.paragraphs[texts.indexOf(overview)].xml)).toBe('仿宋_GB2312');
    expect(doc.paragraphs[texts.indexOf(overview)].xml).toContain('<w:spacing w:val="-5"/>');
    expect(attr(doc.paragraphs[texts.indexOf(overview)].xml, 'w:spacing', 'w:line')).toBe('579');
    expect(attr(doc.paragraphs[texts.indexOf(overview)].xml, 'w:ind', 'w:firstLine')).toBe('630');
    // mammoth reads it as Word would: every resolution is in the text.
    for (const r of s.list.items) expect(doc.text).toContain(r.text);
  });
});

describe('会议记录', () => {
  it('opens with the cover table and keeps every speaker in order, with headings, lists, emphasis and marks', async () => {
    const { fileName, doc } = await exported('会议记录');
    expect(fileName).toBe('第1期-中央大街景区公厕布局、指引和冬季运行-会议记录.docx');
    expectOfficialPage(doc);
    expect(doc.paragraphs[0].text).toBe('会议记录');
    expect(doc.tables[0].map((row) => row[0])).toEqual([
      '项目',
      '会议名称',
      '时间',
      '地点',
      '主持人',
      '记录人',
      '出席',
      '列席',
      '请假',
    ]);
    expect(doc.tables[0][2][1]).toBe('2026年5月14日 9:00');
    expect(doc.tables[0][4][1]).toBe(s.chair);

    // Each speaker's section opens with a line of who and when, in the order they spoke.
    const texts = doc.paragraphs.map((p) => p.text);
    const headers = s.sections.map((x) =>
      texts.indexOf(`【${x.kind}】${x.name}${x.affiliation ? `（${x.affiliation}）` : ''}\u3000${x.time}`),
    );
    expect(headers.every((i) => i > 0)).toBe(true);
    expect([...headers].sort((a, b) => a - b)).toEqual(headers);
    const header = doc.paragraphs[headers[0]];
    expect(header.xml).toContain('w:eastAsia="黑体"');
    expect(header.xml).toContain('<w:keepNext/>');

    // The typed text, whole and in order, as mammoth reads it.
    const stored = allowed(readMinutesDoc(ok(await core.invoke('minutes.get', { meetingId: s.meetingId })).doc!));
    const sentences = stored.plain
      .split('\n')
      .filter((l) => l && !l.startsWith('【'))
      .slice(0, 40);
    let from = 0;
    for (const line of sentences) {
      const plainLine = line.replace(/\s+/g, '');
      const at = doc.text
        .replace(/〔(建议|回应\/承诺|共识)〕/g, '')
        .replace(/\s+/g, '')
        .indexOf(plainLine.slice(0, 30), from);
      expect(at, line.slice(0, 20)).toBeGreaterThanOrEqual(from);
      from = at;
    }
    // The typed heading (a 小标题, level two) in 楷体; bold and italic runs kept; list items numbered in the text.
    const h = doc.paragraphs.find((p) => p.text === '会议记录' && p !== doc.paragraphs[0])!;
    expect(font(h.xml)).toBe('楷体_GB2312');
    // The bold opening sentence of a speech (the generator writes one per section) is a bold run.
    expect(doc.document).toMatch(
      /<w:r><w:rPr>(?:(?!<\/w:rPr>).)*<w:b\/>(?:(?!<\/w:rPr>).)*<\/w:rPr><w:t[^>]*>(我谈三点意见|结合调研情况|我代表界别委员发言|刚才几位委员讲得很好|我从群众的角度谈一谈)/,
    );
    expect(doc.document).toContain('<w:i/>');
    expect(texts.some((t) => /^1\. /.test(t) || /^● /.test(t))).toBe(true);
    // Marks stay recognisable: a label and shading.
    for (const kind of ['建议', '回应/承诺', '共识']) expect(doc.text).toContain(`〔${kind}〕`);
    expect(doc.document).toMatch(/<w:shd [^>]*w:fill="DCE6F7"/);
  });
});

describe('协商意见办理清单', () => {
  it('is a landscape table of the resolutions with departments, deadlines, status and reply class', async () => {
    const { fileName, doc } = await exported('协商意见办理清单');
    expect(fileName).toBe('第1期-中央大街景区公厕布局、指引和冬季运行-协商意见办理清单.docx');
    expectOfficialPage(doc, true);
    expect(doc.paragraphs[0].text).toBe('冰城商量第1期协商意见办理清单');
    const [head, ...rows] = doc.tables[0];
    expect(head).toEqual(['序号', '协商意见', '主办单位', '协办单位', '办理时限', '办理状态', '答复类别']);
    expect(rows).toEqual(
      s.list.items.map((r, i) => [
        String(i + 1),
        r.text,
        r.leadDepartment,
        r.coDepartments.join('\n'),
        chineseDate(r.deadline!),
        '待交办',
        '—',
      ]),
    );
    expect(doc.document).toContain('<w:tblHeader/>');
    // The date right-aligned four characters in, as on any document.
    const date = doc.paragraphs.find((p) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(p.text))!;
    expect(date.xml).toContain('<w:jc w:val="right"/>');
    expect(attr(date.xml, 'w:ind', 'w:right')).toBe('1260');
  });
});

describe('typography', () => {
  it('nests quotes “‘’” and tags every run and the styles as Simplified Chinese', async () => {
    const quoted = await heldMeeting(core, {
      speeches: 3,
      minutesChars: 600,
      resolutions: 1,
      title: '点亮“无灯街路” 照亮居民夜归路',
    });
    const out = ok(await core.invoke('document.export', { meetingId: quoted.meetingId, kind: '会议纪要' }));
    const doc = await readDocx(out.dataBase64);
    expect(doc.text).toContain('围绕“点亮‘无灯街路’ 照亮居民夜归路”进行协商');
    const runs = [...doc.document.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].filter(([r]) => /<w:t[ >]/.test(r));
    expect(runs.length).toBeGreaterThan(10);
    for (const [r] of runs) expect(r).toContain('<w:lang w:val="zh-CN" w:eastAsia="zh-CN"/>');
    // Word's font table names an alternative for each government font, with GB2312's character set.
    const fonts = (await doc.zip.file('word/fontTable.xml')?.async('string')) ?? '';
    for (const [name, alt] of [
      ['仿宋_GB2312', '仿宋'],
      ['楷体_GB2312', '楷体'],
      ['方正小标宋简体', '华文中宋'],
    ])
      expect(fonts).toMatch(new RegExp(`<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/>`));
    const styles = (await doc.zip.file('word/styles.xml')?.async('string')) ?? '';
    expect(
      /<w:docDefaults>[\s\S]*<w:lang w:val="zh-CN" w:eastAsia="zh-CN"\/>[\s\S]*<\/w:docDefaults>/.test(styles),
    ).toBe(true);
  });
});

describe('成文日期', () => {
  it('is the meeting’s day unless the secretary dates the 纪要 otherwise, never before the meeting', async () => {
    const dated = ok(
      await core.invoke('document.export', { meetingId: s.meetingId, kind: '会议纪要', date: '2026-05-20' }),
    );
    const doc = await readDocx(dated.dataBase64);
    expect(doc.paragraphs[2].text).toBe('政协哈尔滨市委员会办公厅2026年5月20日');
    expect(doc.text).toContain('2026年5月20日印发');
    expect(
      err(await core.invoke('document.export', { meetingId: s.meetingId, kind: '会议纪要', date: '2026-04-23' })),
    ).toBe('成文日期（2026-04-23）不能早于会议日期（2026-05-14）');
  });
});

describe('attendance in the 纪要', () => {
  it('lists each group only when it has someone, all three alike', async () => {
    const m = await heldMeeting(core, { speeches: 3, minutesChars: 300, resolutions: 1, title: '出席名单的写法' });
    const detail = ok(await core.invoke('meeting.get', { id: m.meetingId }));
    // Everyone who is not the chair or a member sends apologies: nobody 列席, some 请假.
    for (const p of detail.participants.filter((x) => x.role !== '主持人' && x.role !== '委员'))
      ok(await core.invoke('participant.update', { id: p.id, attendance: '请假' }));
    ok(await core.invoke('resolution.confirm', { meetingId: m.meetingId, by: m.chair }));
    const out = ok(await core.invoke('document.export', { meetingId: m.meetingId, kind: '会议纪要' }));
    const texts = (await readDocx(out.dataBase64)).paragraphs.map((p) => p.text);
    expect(texts.some((t) => t.startsWith('出席：'))).toBe(true);
    expect(texts.some((t) => t.startsWith('列席：'))).toBe(false);
    expect(texts.find((t) => t.startsWith('请假：'))).toMatch(/^请假：\S+/);
    expect(texts.some((t) => t.endsWith('：无'))).toBe(false);
  });
});

describe('file names', () => {
  it('replace what Windows forbids and stay under 120 characters', () => {
    expect(documentFileName({ issueNo: 3, title: '关于“公厕/指引”的协商: A*B?' }, '会议纪要')).toBe(
      '第3期-关于“公厕-指引”的协商- A-B--会议纪要.docx',
    );
    const long = documentFileName({ issueNo: 12, title: '很长的议题'.repeat(40) }, '协商意见办理清单');
    expect([...long].length).toBeLessThan(120);
    expect(long.endsWith('-协商意见办理清单.docx')).toBe(true);
  });
});
