import { createYjsBinding } from '@lexical/yjs';
import { $getNodeByKey, createEditor, type NodeKey, type NodeMap } from 'lexical';
import * as Y from 'yjs';

type SyncChild = (
  this: unknown,
  binding: unknown,
  index: number,
  key: NodeKey,
  prevNodeMap: NodeMap | null,
  dirtyElements: Map<NodeKey, boolean> | null,
  dirtyLeaves: Set<NodeKey> | null,
) => void;

let done = false;
let installed = false;

/**
 * @lexical/yjs (0.52) hands every Lexical update to Yjs by walking the whole tree: each paragraph
 * of 60,000 characters of minutes is compared at every keystroke, about 2 ms of a 16 ms frame.
 * A node that is in neither of the update's dirty sets and is the very object it was before has
 * not changed, and neither has anything under it (Lexical marks every ancestor of a change dirty):
 * it is skipped. The binding's element class is not exported; it is reached through a binding's
 * root. Called once by each side that binds an editor (the windows, the core).
 */
export function syncOnlyChangedNodes(): void {
  if (done) return;
  done = true;
  const doc = new Y.Doc();
  const probe = createYjsBinding({ editor: createEditor(), id: 'probe', doc, docMap: new Map([['probe', doc]]) });
  const proto = Object.getPrototypeOf(probe.root) as { _syncChildFromLexical?: SyncChild };
  const original = proto._syncChildFromLexical;
  doc.destroy();
  // Renamed upstream: the binding keeps working, only slower, and the test of this file fails.
  if (typeof original !== 'function') return;
  proto._syncChildFromLexical = function (binding, index, key, prevNodeMap, dirtyElements, dirtyLeaves) {
    if (
      prevNodeMap &&
      dirtyElements &&
      dirtyLeaves &&
      !dirtyElements.has(key) &&
      !dirtyLeaves.has(key) &&
      prevNodeMap.get(key) === $getNodeByKey(key)
    )
      return;
    original.call(this, binding, index, key, prevNodeMap, dirtyElements, dirtyLeaves);
  };
  installed = true;
}

/** Whether the walk is cut short (for the test that notices an upstream rename). */
export const syncsOnlyChangedNodes = () => installed;
