import type { LanStatus } from '../../../shared/contract/lan';
import type { Queue } from '../../../shared/contract/meetings';
import type { Browser } from 'playwright-core';
import { apiValue, launchBrowser, openAppIn, servedHost, startServe, type Served } from '../../e2e/support/serve';
import { latency } from './projector';
import { codeFor, lanOrigin, pairWithCode } from '../../support/lanDevice';
import { heldMeeting } from '../../support/meetingScenario';
import { type Area, type Figure, percentile, round } from '../figures';

const PHONES = 60;
const CHANGES = 30;

/** A phone as the core sees it: its token, its change-event stream, the queue it last fetched. */
interface Phone {
  token: string;
  /** Resolves at the next queue this phone fetched after a change event. */
  nextQueue(): Promise<number>;
  close(): void;
}

async function pairAndSignIn(served: Served, origin: string, participantId: number): Promise<string> {
  // The code the console (or the projector) shows at this moment: each phone takes the next one.
  const token = await pairWithCode(origin, codeFor(await apiValue<LanStatus>(served, 'lan.status', {}), 'participant'));
  const signed = (await (
    await fetch(`${origin}/api/device.checkIn`, {
      method: 'POST',
      headers: { 'x-bcsl-device': token },
      body: JSON.stringify({ participantId }),
    })
  ).json()) as { ok: boolean; error?: { message: string } };
  if (!signed.ok) throw new Error(`签到失败：${signed.error?.message}`);
  return token;
}

/**
 * A phone listening as its page does: the change-event stream, and on a change of the queue the
 * queue fetched anew. The time is taken when that answer has arrived (the bench's clock).
 */
async function listen(origin: string, token: string, meetingId: number): Promise<Phone> {
  const abort = new AbortController();
  const res = await fetch(`${origin}/api/events?device=${encodeURIComponent(token)}`, { signal: abort.signal });
  const reader = res.body!.getReader();
  let waiters: ((t: number) => void)[] = [];
  const decoder = new TextDecoder();
  void (async () => {
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (!data || !(JSON.parse(data) as { topics: string[] }).topics.includes('queue')) continue;
        await fetch(`${origin}/api/queue.get`, {
          method: 'POST',
          headers: { 'x-bcsl-device': token },
          body: JSON.stringify({ meetingId }),
        }).then((r) => r.json());
        const t = performance.now();
        for (const w of waiters.splice(0)) w(t);
      }
    }
  })();
  return {
    token,
    nextQueue: () => new Promise((resolve) => (waiters = [...waiters, resolve])),
    close: () => abort.abort(),
  };
}

/** 会场互联 with 60 phones: pairing and signing in, and a queue change reaching every one. */
export const lanArea: Area = {
  name: 'lan',
  async run(): Promise<Figure[]> {
    const served = await startServe({ demo: true, lanAddress: '127.0.0.2' });
    const phones: Phone[] = [];
    let browser: Browser | undefined;
    try {
      const host = servedHost(served);
      const { meetingId } = await heldMeeting(host, {
        speeches: 4,
        minutesChars: 2000,
        resolutions: 0,
        confirm: false,
      });
      // 60 participants for 60 phones: the demo's people and residents to make up the number.
      let people = await apiValue<{ id: number; retired: boolean }[]>(served, 'person.list', {});
      for (let i = people.length; i < PHONES; i++)
        await apiValue(served, 'person.save', {
          name: `居民代表${i + 1}`,
          kind: '群众代表',
          unit: '道里区',
          title: '',
        });
      people = (await apiValue<{ id: number; retired: boolean }[]>(served, 'person.list', {}))
        .filter((p) => !p.retired)
        .slice(0, PHONES);
      await apiValue(served, 'participant.add', { meetingId, personIds: people.map((p) => p.id), role: '委员' });
      await apiValue(served, 'meeting.setStatus', { id: meetingId, status: '进行中' });
      const status = await apiValue<LanStatus>(served, 'lan.start', { meetingId });
      const origin = lanOrigin(status);
      const participants = (
        await apiValue<{ participants: { id: number; personId: number }[] }>(served, 'meeting.get', { id: meetingId })
      ).participants;
      for (const p of participants) await apiValue(served, 'participant.update', { id: p.id, attendance: '未签到' });
      if (participants.length < PHONES) throw new Error(`只有 ${participants.length} 位参会人员，不足 ${PHONES} 位`);

      const t0 = performance.now();
      const tokens: string[] = [];
      for (let i = 0; i < PHONES; i++) tokens.push(await pairAndSignIn(served, origin, participants[i].id));
      const checkin = performance.now() - t0;

      // Two waiting speeches change places: one queue change. First with no phone listening, as
      // the console's own call; then with all 60 listening and fetching the queue anew.
      const waiting = (await apiValue<Queue>(served, 'queue.get', { meetingId })).entries.filter(
        (e) => e.state === '等待',
      );
      if (waiting.length < 2) throw new Error('队列中等待发言的人不足两位');
      const move = (i: number) => apiValue(served, 'queue.move', { id: waiting[i % 2].id, toIndex: 1 });
      const alone: number[] = [];
      for (let i = 0; i < CHANGES + 3; i++) {
        const start = performance.now();
        await move(i);
        if (i >= 3) alone.push(performance.now() - start);
      }
      for (const token of tokens) phones.push(await listen(origin, token, meetingId));
      const fanout: number[] = [];
      const withPhones: number[] = [];
      for (let i = 0; i < CHANGES + 3; i++) {
        const arrivals = phones.map((p) => p.nextQueue());
        const start = performance.now();
        await move(i);
        const answered = performance.now() - start;
        const last = Math.max(...(await Promise.all(arrivals)));
        if (i >= 3) {
          fanout.push(last - start);
          withPhones.push(answered);
        }
      }
      // The projector's bar with the 60 phones listening: a console action until the projector shows it.
      browser = await launchBrowser();
      const { page } = await openAppIn(browser, served, '/projector');
      await apiValue(served, 'screen.set', { meetingId, mode: 'message', message: '请将手机调至静音' });
      await page.waitForSelector('[data-mode="message"]');
      const projector: number[] = [];
      for (let i = 0; i < 13; i++) {
        const text = `第 ${i} 条提示语`;
        const ms = await latency(page, served, {
          call: 'screen.set',
          input: { mode: 'message', message: text },
          selector: '[data-testid="projector-message"]',
          text,
        });
        if (i >= 3) projector.push(ms);
      }
      // 下一位 on the speaker screen: every phone fetches the queue anew at the same moment.
      for (const p of participants.slice(0, 12))
        await apiValue(served, 'queue.add', { meetingId, personId: p.personId, kind: '即席发言' });
      await apiValue(served, 'screen.set', { meetingId, mode: 'speaker' });
      await page.waitForSelector('[data-mode="speaker"]');
      const order = (await apiValue<Queue>(served, 'queue.get', { meetingId })).entries.filter(
        (e) => e.state === '等待',
      );
      for (let i = 0; i < 10; i++)
        projector.push(
          await latency(page, served, {
            call: 'queue.next',
            input: { meetingId },
            selector: '[data-testid="projector-speaker"]',
            text: order[i].name,
          }),
        );
      return [
        {
          key: 'lan.projector_p95_ms',
          label: `控制台操作到投屏显示，p95（10 次提示语、10 次下一位），${PHONES} 部手机同时在线并刷新队列`,
          value: round(percentile(projector, 95)),
          unit: 'ms',
          bar: { max: 100 },
        },
        {
          key: 'lan.fanout_p95_ms',
          label: `控制台调整队列到 ${PHONES} 部手机都收到新队列，p95（${CHANGES} 次，本机回环，基准进程时钟）`,
          value: round(percentile(fanout, 95)),
          unit: 'ms',
          bar: { max: 200 },
        },
        {
          key: 'lan.console_move_p95_ms',
          label: `控制台调整队列的调用（HTTP）耗时，p95，${PHONES} 部手机在线并同时刷新时`,
          value: round(percentile(withPhones, 95)),
          unit: 'ms',
        },
        {
          key: 'lan.console_move_alone_p95_ms',
          label: '同上，没有手机在线时',
          value: round(percentile(alone, 95)),
          unit: 'ms',
        },
        {
          key: 'lan.checkin_60_ms',
          label: `${PHONES} 部手机依次扫码配对并签到，合计`,
          value: round(checkin),
          unit: 'ms',
          bar: { max: 10_000 },
        },
      ];
    } finally {
      for (const p of phones) p.close();
      await browser?.close();
      await served.stop();
    }
  },
};
