import { createHeadlessEditor } from '@lexical/headless';
import {
  createBinding,
  syncLexicalUpdateToYjs,
  syncYjsChangesToLexical,
  type Binding,
  type Provider,
} from '@lexical/yjs';
import { SKIP_COLLAB_TAG, type LexicalEditor } from 'lexical';
import type * as Y from 'yjs';
import { ROOT_NAME } from '../../../shared/minutesSync/protocol';
import { coreMinutesNodes } from './nodes';

/** The binding wants a provider only for carets: the core has none. */
const noProvider = {
  awareness: {
    getLocalState: () => null,
    getStates: () => new Map(),
    on() {},
    off() {},
    setLocalState() {},
    setLocalStateField() {},
  },
  connect() {},
  disconnect() {},
  on() {},
  off() {},
} as unknown as Provider;

export interface BoundEditor {
  editor: LexicalEditor;
  binding: Binding;
  /** Commits what the document received, so the next edit is not merged into it (and lost to Yjs). */
  flush(): void;
  dispose(): void;
}

/**
 * A headless Lexical editor bound to a Y.Doc exactly as the windows' CollaborationPlugin binds
 * theirs. Bind while the document is empty: the binding only follows changes made after it.
 */
export function bindEditor(doc: Y.Doc): BoundEditor {
  const editor = createHeadlessEditor({
    namespace: 'minutes',
    nodes: coreMinutesNodes,
    onError: (e) => console.error('[会议记录]', e),
  });
  const binding = createBinding(editor, noProvider, 'minutes', doc, new Map([['minutes', doc]]));
  const root = binding.root.getSharedType();
  const observer = (events: Y.YEvent<Y.XmlText>[], tr: Y.Transaction) => {
    if (tr.origin !== binding) syncYjsChangesToLexical(binding, noProvider, events, false);
  };
  root.observeDeep(observer as never);
  const stop = editor.registerUpdateListener((u) => {
    if (u.tags.has(SKIP_COLLAB_TAG)) return;
    syncLexicalUpdateToYjs(
      binding,
      noProvider,
      u.prevEditorState,
      u.editorState,
      u.dirtyElements,
      u.dirtyLeaves,
      u.normalizedNodes,
      u.tags,
    );
  });
  void ROOT_NAME; // createBinding's default root is the same 'root' the windows use
  return {
    editor,
    binding,
    flush: () => editor.read(() => {}),
    dispose() {
      stop();
      root.unobserveDeep(observer as never);
    },
  };
}
