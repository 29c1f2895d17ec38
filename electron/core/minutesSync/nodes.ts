import { ListItemNode, ListNode } from '@lexical/list';
import { MarkNode } from '@lexical/mark';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { DecoratorNode, type LexicalNode, type NodeKey, type SerializedLexicalNode, type Spread } from 'lexical';
import { speakerHeaderText, type SpeakerNodeJson } from '../../../shared/domain/minutesDoc';

export type SpeakerInfo = Omit<SpeakerNodeJson, 'type'>;
type SerializedSpeakerNode = Spread<SpeakerInfo, SerializedLexicalNode>;

/**
 * The core's twin of the window's SpeakerNode (renderer/src/features/minutes/SpeakerNode.tsx):
 * the same type and the same `__info` field, which is what the Yjs binding stores, without the
 * React rendering. `__info` is replaced, never mutated: the binding compares it by reference.
 */
export class SpeakerNode extends DecoratorNode<null> {
  __info: SpeakerInfo;

  static override getType(): string {
    return 'speaker';
  }

  static override clone(node: SpeakerNode): SpeakerNode {
    return new SpeakerNode(node.__info, node.__key);
  }

  static override importJSON(json: SerializedSpeakerNode): SpeakerNode {
    const { speechId, name, affiliation, kind, time } = json;
    return new SpeakerNode({ speechId, name, affiliation, kind, time });
  }

  constructor(info: SpeakerInfo = { speechId: 0, name: '', affiliation: '', kind: '', time: '' }, key?: NodeKey) {
    super(key);
    this.__info = info;
  }

  override exportJSON(): SerializedSpeakerNode {
    return { type: 'speaker', version: 1, ...this.getLatest().__info };
  }

  get speechId(): number {
    return this.getLatest().__info.speechId;
  }

  override createDOM(): HTMLElement {
    throw new Error('the core renders no DOM');
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

  override decorate(): null {
    return null;
  }
}

export const $isSpeakerNode = (node: LexicalNode | null | undefined): node is SpeakerNode =>
  node instanceof SpeakerNode;

/** The node types of the minutes, as the windows register them (renderer/src/features/minutes/editorConfig.ts). */
export const coreMinutesNodes = [HeadingNode, QuoteNode, ListNode, ListItemNode, MarkNode, SpeakerNode];
