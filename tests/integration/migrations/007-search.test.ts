import { describe, expect, it } from 'vitest';
import { isoNow, migrateWithData, useTempFiles } from './kit';

const tempFile = useTempFiles();

describe('migration 007 (archive search), from version 6 with data in it', () => {
  it('indexes what is already there and keeps the index with later changes', () => {
    const now = isoNow();
    const v7 = migrateWithData(tempFile(), 7, (v6) => {
      v6.prepare(
        "INSERT INTO topic (title, description, source, received_on, year, created_at, updated_at) VALUES ('中央大街景区公厕不足', '游客反映', '热线', '2026-01-01', 2026, ?, ?)",
      ).run(now, now);
    });
    const find = (q: string) =>
      v7.prepare('SELECT kind, ref_id FROM search_index WHERE search_index MATCH ?').all(`"${q}"`);
    expect(find('景区公厕')).toEqual([{ kind: 'topic', ref_id: 1 }]);
    v7.prepare("UPDATE topic SET title = '松花江沿岸步道照明' WHERE id = 1").run();
    expect(find('景区公厕')).toEqual([]);
    expect(find('沿岸步道')).toEqual([{ kind: 'topic', ref_id: 1 }]);
    v7.close();
  });
});
