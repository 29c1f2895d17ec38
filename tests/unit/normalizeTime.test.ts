import { expect, it } from 'vitest';
import { normalizeTime } from '../../renderer/src/lib/dates';

it('reads the times a hurried hand types as HH:mm, and leaves the rest for the core to refuse', () => {
  expect(normalizeTime('14:52')).toBe('14:52');
  expect(normalizeTime(' 1452 ')).toBe('14:52');
  expect(normalizeTime('14：52')).toBe('14:52');
  expect(normalizeTime('9:05')).toBe('09:05');
  expect(normalizeTime('9.05')).toBe('09:05');
  expect(normalizeTime('')).toBe('');
  expect(normalizeTime('下午三点')).toBe('下午三点');
});
