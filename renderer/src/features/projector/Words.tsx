import { Fragment } from 'react';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * Text that wraps between words, not inside one ("夜间" stays whole): with `word-break: keep-all`
 * the only breaks between characters are these <wbr>, put between two words; the browser's own
 * rules still place breaks around punctuation and spaces.
 */
export function Words({ text }: { text: string }) {
  const parts = [...segmenter.segment(text)];
  return parts.map((p, i) => (
    <Fragment key={i}>
      {i > 0 && p.isWordLike && parts[i - 1].isWordLike && <wbr />}
      {p.segment}
    </Fragment>
  ));
}
