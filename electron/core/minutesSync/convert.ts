import * as Y from 'yjs';
import { $replaceDocument, bindEditor } from './boundEditor';

/**
 * Lexical's JSON ⇄ a Yjs document, through a throw-away bound editor: for the migration of stored
 * minutes, a restored revision, and documents of meetings no window has open.
 */

/** The whole document as one Yjs update, as if typed into an empty shared document. */
export function jsonToUpdate(json: string): Uint8Array {
  const doc = new Y.Doc();
  const bound = bindEditor(doc);
  try {
    bound.editor.update(() => $replaceDocument(json), { discrete: true });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    bound.dispose();
    doc.destroy();
  }
}

/** The Lexical JSON of a document given as its updates. */
export function updatesToJson(updates: readonly Uint8Array[]): string {
  const doc = new Y.Doc();
  const bound = bindEditor(doc);
  try {
    if (updates.length) Y.applyUpdate(doc, Y.mergeUpdates([...updates]), 'load');
    return bound.json();
  } finally {
    bound.dispose();
    doc.destroy();
  }
}
