import type { CallName } from './index';

/**
 * Who makes a call. The secretary's own windows (the desktop app, serve on loopback) make every
 * call. Devices in the room (会场互联) each hold one role, and a role makes only the calls on its
 * list: the router refuses every other call before its handler runs.
 */
export const lanRoles = ['chair', 'recorder', 'participant', 'projector'] as const;
export type LanRole = (typeof lanRoles)[number];
export type Role = 'secretary' | LanRole;

export const roleLabels: Record<Role, string> = {
  secretary: '会议秘书',
  chair: '主持人',
  recorder: '记录员',
  participant: '参会者',
  projector: '投屏',
};

/**
 * Each LAN role's calls. Nothing of the directory beyond the meeting's participants (which
 * meeting.get carries), no settings, backups, other meetings, topics or follow-up.
 */
export const roleCalls: Record<LanRole, readonly CallName[]> = {
  // The chair's tablet: the floor, the queue, the projector's mode; the minutes read-only.
  chair: [
    'meeting.get',
    'queue.get',
    'queue.start',
    'queue.pause',
    'queue.resume',
    'queue.end',
    'queue.next',
    'queue.extend',
    'queue.move',
    'queue.moveToTop',
    'queue.undoStart',
    'queue.skip',
    'screen.get',
    'screen.set',
    'minutes.get',
    'mark.list',
    'speakRequest.list',
    'speakRequest.decide',
    'device.me',
  ],
  // A second recorder: the same minutes (edited over the sync socket), their marks and revisions.
  recorder: ['meeting.get', 'queue.get', 'minutes.get', 'minutes.revisions', 'mark.list', 'device.me'],
  // A member's or resident's phone: the meeting (its participants, to find one's own name), the
  // queue, signing in, asking to speak, a written opinion.
  participant: [
    'meeting.get',
    'queue.get',
    'device.me',
    'device.checkIn',
    'device.requestSpeech',
    'device.handInOpinion',
  ],
  // A room PC driving the projector: what the screen shows.
  projector: ['screen.get', 'device.me'],
};

/** The calls only a device makes (about itself): the secretary's windows have no device. */
export const deviceCalls: readonly CallName[] = [
  'device.me',
  'device.checkIn',
  'device.requestSpeech',
  'device.handInOpinion',
];

/** Whether a caller of this role may make this call. */
export function mayCall(role: Role, name: CallName): boolean {
  return role === 'secretary' ? !deviceCalls.includes(name) : roleCalls[role].includes(name);
}
