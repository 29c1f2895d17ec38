import { ListItemNode, ListNode } from '@lexical/list';
import { MarkNode } from '@lexical/mark';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { InitialConfigType } from '@lexical/react/LexicalComposer';
import { SpeakerNode } from './SpeakerNode';

/** The node types the stored document may hold (shared/domain/minutesDoc reads the same set). */
export const minutesNodes = [HeadingNode, QuoteNode, ListNode, ListItemNode, MarkNode, SpeakerNode];

const theme: InitialConfigType['theme'] = {
  paragraph: 'm-p',
  heading: { h1: 'm-h1', h2: 'm-h2', h3: 'm-h3' },
  quote: 'm-quote',
  list: { ul: 'm-ul', ol: 'm-ol', listitem: 'm-li', nested: { listitem: 'm-li-nested' } },
  text: { bold: 'm-bold', italic: 'm-italic', underline: 'm-underline', strikethrough: 'm-strike' },
  mark: 'm-mark',
  markOverlap: 'm-mark-overlap',
};

/**
 * The editor of a shared document: it starts with nothing (null, not even an empty line: that
 * would be a change each window adds) and shows what the core's document holds once synced.
 */
export function minutesConfig(editable: boolean): InitialConfigType {
  return {
    namespace: 'minutes',
    nodes: minutesNodes,
    theme,
    editable,
    editorState: null,
    onError(error) {
      // Never throw inside the editor during a meeting: log and keep the text.
      console.error('[会议记录编辑器]', error);
    },
  };
}
