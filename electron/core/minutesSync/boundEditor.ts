import { createHeadlessEditor } from '@lexical/headless';
import {
  createYjsBinding,
  syncLexicalUpdateToYjs,
  syncYjsChangesToLexical,
  type Binding,
  type Provider,
} from '@lexical/yjs';
import {
  $getRoot,
  $parseSerializedNode,
  SKIP_COLLAB_TAG,
  type LexicalEditor,
  type SerializedEditorState,
  type SerializedLexicalNode,
} from 'lexical';
import type * as Y from 'yjs';
import { ROOT_NAME } from '../../../shared/minutesSync/protocol';
import { syncOnlyChangedNodes } from '../../../shared/minutesSync/syncOnlyChanged';
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
  /** The document as Lexical's JSON. */
  json(): string;
  dispose(): void;
}

/**
 * A headless Lexical editor bound to a Y.Doc exactly as the windows' CollaborationPlugin binds
 * theirs. Bind while the document is empty: the binding only follows changes made after it.
 */
export function bindEditor(doc: Y.Doc): BoundEditor {
  syncOnlyChangedNodes();
  const editor = createHeadlessEditor({
    namespace: 'minutes',
    nodes: coreMinutesNodes,
    onError: (e) => console.error('[会议记录]', e),
  });
  const binding = createYjsBinding({
    editor,
    id: 'minutes',
    doc,
    docMap: new Map([['minutes', doc]]),
    rootName: ROOT_NAME,
  });
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
  const flush = () => editor.read(() => {});
  return {
    editor,
    binding,
    flush,
    json() {
      flush();
      return editor.read(() => JSON.stringify(editor.getEditorState().toJSON()));
    },
    dispose() {
      stop();
      root.unobserveDeep(observer as never);
    },
  };
}

/** Inside an update: the whole document becomes `json` (Lexical's serialized state), as one change. */
export function $replaceDocument(json: string): void {
  const parsed = JSON.parse(json) as SerializedEditorState;
  const root = $getRoot();
  root.clear();
  for (const child of parsed.root.children) root.append($parseSerializedNode(child as SerializedLexicalNode));
}
