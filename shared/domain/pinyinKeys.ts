import { pinyin } from 'pinyin-pro';

/**
 * Search keys for a Chinese name: full pinyin and initials, without tones or spaces.
 * Surnames are read as surnames (单 shan, 曾 zeng, 解 xie); when the ordinary reading differs,
 * both are kept so either spelling finds the person. Used by the core when a person is saved.
 */
export function pinyinKeys(name: string): string {
  const keys = new Set<string>();
  for (const mode of ['surname', 'normal'] as const) {
    const syllables = pinyin(name, { toneType: 'none', type: 'array', mode, nonZh: 'consecutive', v: true })
      .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
      .filter(Boolean);
    if (!syllables.length) continue;
    keys.add(syllables.join(''));
    keys.add(syllables.map((s) => s[0]).join(''));
  }
  return [...keys].join(' ');
}
