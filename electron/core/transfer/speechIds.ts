/**
 * The minutes' speaker headers name their speech by its local id: a document that moved to
 * another installation names the speeches there (the text itself is unchanged).
 */
export function remapSpeechIds(json: string, speeches: ReadonlyMap<number, number>): string {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    return json; // unreadable as it came: the projection's own check reports it
  }
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: unknown; speechId?: unknown; children?: unknown; root?: unknown };
    if (n.type === 'speaker' && typeof n.speechId === 'number') n.speechId = speeches.get(n.speechId) ?? n.speechId;
    if (Array.isArray(n.children)) n.children.forEach(walk);
    if (n.root) walk(n.root);
  };
  walk(doc);
  return JSON.stringify(doc);
}
