import { describe, expect, it } from 'vitest';
import { base64Bytes, importMessages, maxImportBase64, megabytes } from '../../shared/domain/importLimits';

describe('import bounds said in units a person understands', () => {
  it('sizes in MB, rounded up to a tenth so a file just over the bound never reads as equal to it', () => {
    expect(megabytes(7.2 * 1024 * 1024)).toBe('7.2 MB');
    expect(megabytes(30 * 1024 * 1024)).toBe('30 MB');
    expect(megabytes(30 * 1024 * 1024 + 1)).toBe('30.1 MB');
    expect(importMessages.tooLarge(31 * 1024 * 1024)).toBe('文件过大（31 MB），最多 30 MB');
  });

  it('rows and cells in 万 from ten thousand on', () => {
    expect(importMessages.tooManyRows(21_000)).toBe('表格行数过多（2.1 万行），最多 5000 行');
    expect(importMessages.tooManyRows(6000)).toBe('表格行数过多（6000 行），最多 5000 行');
    expect(importMessages.tooManyRows(50_000, true)).toBe('表格行数过多（超过 5 万行），最多 5000 行');
    expect(importMessages.tooManyCells(200_000, true)).toMatch(/^表格单元格过多（超过 20 万个），最多 20 万个/);
  });

  it('the base64 bound is exactly the byte bound', () => {
    expect(base64Bytes(maxImportBase64)).toBeGreaterThanOrEqual(30 * 1024 * 1024);
    expect(base64Bytes(maxImportBase64)).toBeLessThan(30 * 1024 * 1024 + 3);
  });
});
