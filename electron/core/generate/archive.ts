import { readMinutesDoc } from '../../../shared/domain/minutesDoc';
import { followUpStates } from '../../../shared/domain/followUp';
import type { Ctx } from '../context';
import { orRefuse } from '../errors';
import { isoNow } from '../context';
import { insertMeeting, nextIssueNo } from '../data/meeting';
import { addDecidedTopic } from '../data/topic';
import { appendFollowUpEvent, writeFollowUp } from '../data/followUp';
import { addParticipant } from '../data/participant';
import { activePeopleWithAffiliation } from '../data/people';
import { addHeldSpeeches, type HeldSpeech } from '../data/speech';
import { saveMinutes } from '../data/minutes';
import { insertMarks } from '../data/mark';
import { confirmResolutions, insertResolution, linkMark } from '../data/resolution';
import { indexMinutes } from '../data/searchIndex';
import { activeUnitIds } from '../data/units';
import { generateMinutesDoc, type Section } from './minutesText';

/**
 * A realistic archive of past meetings for the bench and for trying the app at scale: for each
 * meeting a decided topic, participants from the directory, ended speeches, minutes with marks,
 * confirmed resolutions with departments and deadlines, and their follow-up at some stage. Rows
 * are written directly (one transaction per meeting, the app's own tables and rules), because a
 * thousand meetings through the calls would take minutes. Needs a directory (load the demo first).
 */
export interface ArchiveOptions {
  meetings: number;
  /** Characters of minutes per meeting. */
  minutesChars?: number;
  speeches?: number;
  resolutions?: number;
  firstYear?: number;
  seed?: number;
  /** Called after each meeting is written (serve's --generate prints it). */
  onProgress?: (done: number) => void;
}

const subjects = [
  '老旧小区加装电梯',
  '冬季人行道积雪清理',
  '中央大街景区公厕',
  '松花江沿岸步道',
  '社区养老服务站',
  '中小学课后服务',
  '菜市场改造提升',
  '背街小巷停车',
  '冰雪旅游服务',
  '农贸市场食品安全',
  '公交线路优化',
  '社区卫生服务中心',
];
const forms = ['冰城商量', '专题协商', '对口协商', '界别协商'] as const;

export function generateArchive(ctx: Ctx, o: ArchiveOptions): { meetings: number; chars: number } {
  const { meetings, minutesChars = 30_000, speeches = 20, resolutions = 5, firstYear = 2022, seed = 7 } = o;
  const people = activePeopleWithAffiliation(ctx);
  const departments = activeUnitIds(ctx, 'department');
  if (people.length < 10 || !departments.length)
    throw new Error('生成档案需要基础信息（人员和职能部门），请先载入示例数据（npm run serve 加 --demo）');
  const now = isoNow(ctx);
  let s = seed >>> 0 || 1;
  const rand = (n: number) => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0), s % n);

  let chars = 0;
  const oneMeeting = (i: number) => {
    const year = firstYear + Math.floor((i * 4) / Math.max(1, meetings));
    const month = 1 + (i % 12);
    const day = 1 + (i % 27);
    const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const subject = subjects[i % subjects.length];
    const title = `${subject}（第${i + 1}次协商）`;
    const form = forms[i % forms.length];
    const topicId = addDecidedTopic(
      ctx,
      {
        title: subject,
        description: `群众反映${subject}问题集中`,
        source: '委员',
        receivedOn: `${year}-01-05`,
        narrowedTitle: title,
        meetingForm: form,
        planMonth: month,
      },
      now,
    );
    const chair = people[rand(people.length)];
    const meetingId = insertMeeting(
      ctx,
      {
        topicId,
        form,
        title,
        issueNo: nextIssueNo(ctx, year, form),
        startsAt: `${date}T09:00`,
        place: '市政协三楼协商议事厅',
        chairId: chair.id,
        committeeId: null,
        recorderId: null,
      },
      now,
      '已归档',
    );
    addParticipant(ctx, meetingId, chair.id, '主持人', '出席');
    const held: (HeldSpeech & { name: string; affiliation: string })[] = [];
    for (let k = 0; k < speeches; k++) {
      const p = people[rand(people.length)];
      addParticipant(ctx, meetingId, p.id, p.kind === '部门代表' ? '部门代表' : '委员', '出席');
      const kind = p.kind === '部门代表' ? '部门回应' : '预约发言';
      const startedAt = `${date}T${String(9 + Math.floor(k / 6)).padStart(2, '0')}:${String((k % 6) * 9).padStart(2, '0')}:00.000Z`;
      // 3 to 8 minutes within the 9-minute slot (not from rand: the same seed gives the same archive as before).
      const seconds = 180 + ((i * 7 + k * 53) % 300);
      const stoppedAt = new Date(Date.parse(startedAt) + seconds * 1000).toISOString();
      held.push({ personId: p.id, kind, limitSeconds: 480, startedAt, stoppedAt, name: p.name, affiliation: p.aff });
    }
    const speechIds = addHeldSpeeches(ctx, meetingId, held);
    const sections: Section[] = held.map((h, k) => ({
      speechId: speechIds[k],
      name: h.name,
      affiliation: h.affiliation,
      kind: h.kind,
      time: h.startedAt.slice(11, 16),
    }));
    const doc = generateMinutesDoc({ sections, chars: minutesChars, marks: resolutions + 3, seed: seed + i });
    const summary = orRefuse(readMinutesDoc(doc));
    chars += summary.chars;
    saveMinutes(ctx, meetingId, {
      doc,
      plain: summary.plain,
      chars: summary.chars,
      version: 1,
      savedAt: now,
      session: 'generated',
      clean: true,
    });
    insertMarks(ctx, meetingId, summary.marks, now);
    const suggestions = summary.marks.filter((m) => m.kind === '建议');
    for (let r = 0; r < resolutions; r++) {
      const text = suggestions[r]?.excerpt ?? `${subject}第${r + 1}项议定事项：加强日常管理。`;
      const deadline = `${year}-${String(Math.min(12, month + 3)).padStart(2, '0')}-28`;
      // Appended in order: the resolution's position is r + 1.
      const resolutionId = insertResolution(
        ctx,
        meetingId,
        { text, leadDepartmentId: departments[rand(departments.length)], deadline },
        now,
      );
      if (suggestions[r]) linkMark(ctx, resolutionId, suggestions[r].id);
      // Follow-up at some stage along the path, each step dated after the last.
      const stage = rand(followUpStates.length);
      const steps = (['交办', '受理', '答复', '评价', '办结'] as const).slice(0, stage);
      steps.forEach((action, n) => {
        const on = `${year}-${String(Math.min(12, month + 1)).padStart(2, '0')}-${String(1 + n * 5).padStart(2, '0')}`;
        appendFollowUpEvent(
          ctx,
          resolutionId,
          {
            action,
            date: on,
            by: '政协办公厅',
            note: '',
            replyText: action === '答复' ? '已按建议办理' : undefined,
            replyClass: action === '答复' ? 'A' : undefined,
            evaluation: action === '评价' ? '满意' : undefined,
          },
          now,
        );
      });
      if (stage > 0) {
        const last = `${year}-${String(Math.min(12, month + 1)).padStart(2, '0')}-${String(1 + (stage - 1) * 5).padStart(2, '0')}`;
        const sent = `${year}-${String(Math.min(12, month + 1)).padStart(2, '0')}-01`;
        writeFollowUp(
          ctx,
          resolutionId,
          {
            state: followUpStates[stage],
            sentOn: sent,
            repliedOn: stage >= 3 ? last : null,
            replyText: stage >= 3 ? '已按建议办理' : '',
            replyClass: stage >= 3 ? 'A' : null,
            evaluation: stage >= 4 ? '满意' : null,
            urged: 0,
            reportedOn: null,
            lastDate: last,
          },
          now,
        );
      }
    }
    // A generated archive keeps no confirmed lines: a later change there shows every item as new.
    confirmResolutions(ctx, meetingId, chair.name, now, []);
    indexMinutes(ctx, meetingId);
  };
  for (let i = 0; i < meetings; i++) {
    ctx.db.transaction(() => oneMeeting(i))();
    o.onProgress?.(i + 1);
  }
  return { meetings, chars };
}
