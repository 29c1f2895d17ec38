import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isParagraphNode,
  $isTextNode,
  type ElementNode,
  type TextNode,
} from 'lexical';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { bindEditor, type BoundEditor } from '../../electron/core/minutesSync/boundEditor';
import { syncsOnlyChangedNodes } from '../../shared/minutesSync/syncOnlyChanged';

/** Two copies of the minutes joined by Yjs alone: what the first one edits, the second must show. */
function pair(): { a: BoundEditor; b: BoundEditor; stop(): void } {
  const docA = new Y.Doc();
  const docB = new Y.Doc();
  const a = bindEditor(docA);
  const b = bindEditor(docB);
  docA.on('update', (u: Uint8Array) => Y.applyUpdate(docB, u, 'a'));
  return {
    a,
    b,
    stop() {
      a.dispose();
      b.dispose();
    },
  };
}

function fill(e: BoundEditor, paragraphs: number): void {
  e.editor.update(
    () => {
      for (let i = 0; i < paragraphs; i++) {
        const p = $createParagraphNode();
        p.append($createTextNode(`第${i}段：委员建议加快推进公厕指引标识更新。`));
        if (i % 7 === 0) p.append($createTextNode('（重点）').toggleFormat('bold'));
        $getRoot().append(p);
      }
    },
    { discrete: true },
  );
}

/** A small, repeatable source of choices. */
function random(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s % n;
  };
}

const shown = (e: BoundEditor) => {
  e.flush();
  return JSON.stringify(e.editor.getEditorState().toJSON());
};

let stop = () => {};
afterEach(() => stop());

describe('the windows hand only what changed to the shared minutes', () => {
  it('keeps every kind of edit anywhere in long minutes: the other copy ends up identical', () => {
    const p = pair();
    stop = p.stop;
    fill(p.a, 300);
    expect(shown(p.b)).toBe(shown(p.a));
    const pick = random(7);
    for (let step = 0; step < 300; step++) {
      p.a.editor.update(
        () => {
          const paragraphs = $getRoot().getChildren().filter($isParagraphNode) as ElementNode[];
          const para = paragraphs[pick(paragraphs.length)];
          const texts = para.getChildren().filter($isTextNode) as TextNode[];
          const text = texts[pick(Math.max(texts.length, 1))];
          switch (pick(7)) {
            case 0: // typing in the middle of a paragraph
              text?.spliceText(pick(text.getTextContentSize() + 1), 0, '增补', false);
              break;
            case 1: // deleting a few characters
              if (text && text.getTextContentSize() > 3) text.spliceText(pick(text.getTextContentSize() - 2), 2, '');
              break;
            case 2: // a new paragraph after this one
              para.insertAfter($createParagraphNode().append($createTextNode(`新段${step}`)));
              break;
            case 3: // a paragraph removed
              if (paragraphs.length > 50) para.remove();
              break;
            case 4: // bold on part of a text
              if (text && text.getTextContentSize() > 4) {
                const [, middle] = text.splitText(2, 4);
                middle.toggleFormat('bold');
              }
              break;
            case 5: // two paragraphs joined
              {
                const next = para.getNextSibling();
                if ($isParagraphNode(next)) {
                  para.append(...next.getChildren());
                  next.remove();
                }
              }
              break;
            default: // typing at the end, as during a meeting
              $getRoot().getLastChild<ElementNode>()?.append($createTextNode('记'));
          }
        },
        { discrete: true },
      );
      if (step % 25 === 0) expect(shown(p.b)).toBe(shown(p.a));
    }
    expect(shown(p.b)).toBe(shown(p.a));
  });

  it('compares only the changed paragraph when one key is typed at the end of 300', () => {
    const p = pair();
    stop = p.stop;
    fill(p.a, 300);
    expect(syncsOnlyChangedNodes()).toBe(true);
    // The binding's text class, reached through one of its text nodes.
    const collabText = [...p.a.binding.collabNodeMap.values()].find((n) => n.constructor.name.includes('Text'));
    const compare = vi.spyOn(
      Object.getPrototypeOf(collabText) as { syncPropertiesAndTextFromLexical(): void },
      'syncPropertiesAndTextFromLexical',
    );
    p.a.editor.update(
      () => {
        const last = $getRoot().getLastChild<ElementNode>()!.getLastChild<TextNode>()!;
        last.spliceText(last.getTextContentSize(), 0, '好', false);
      },
      { discrete: true },
    );
    expect(compare.mock.calls.length).toBeLessThanOrEqual(2);
    expect(shown(p.b)).toBe(shown(p.a));
  });
});
