import { DecoratorNode, type NodeKey, type SerializedLexicalNode, type Spread } from 'lexical';
import { speakerHeaderText, type SpeakerNodeJson } from '../domain/minutesDoc';

export type SpeakerInfo = Omit<SpeakerNodeJson, 'type'>;
export type SerializedSpeakerNode = Spread<SpeakerInfo, SerializedLexicalNode>;

const NOBODY: SpeakerInfo = { speechId: 0, name: '', affiliation: '', kind: '', time: '' };

/**
 * The header of a speaker's section, as the shared document stores it: the type `speaker` and
 * one field, `__info`, which is what the Yjs binding syncs. The window's node
 * (renderer/src/features/minutes/SpeakerNode.tsx) adds its rendering; the core's
 * (electron/core/minutesSync/nodes.ts) renders nothing. `__info` is replaced, never mutated: the
 * binding compares it by reference.
 */
export abstract class SpeakerNodeBase<T> extends DecoratorNode<T> {
  __info: SpeakerInfo;

  constructor(info: SpeakerInfo = NOBODY, key?: NodeKey) {
    super(key);
    this.__info = info;
  }

  override exportJSON(): SerializedSpeakerNode {
    return { type: 'speaker', version: 1, ...this.getLatest().__info };
  }

  get speechId(): number {
    return this.getLatest().__info.speechId;
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): false {
    return false;
  }

  override getTextContent(): string {
    return `${speakerHeaderText(this.__info)}\n`;
  }
}

/** The speaker's fields of a serialized header (importJSON). */
export const speakerInfoOf = ({ speechId, name, affiliation, kind, time }: SerializedSpeakerNode): SpeakerInfo => ({
  speechId,
  name,
  affiliation,
  kind,
  time,
});
