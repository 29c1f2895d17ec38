import {
  DecoratorNode,
  type EditorConfig,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';
import type { JSX } from 'react';
import type { SpeakerNodeJson } from '../../../../shared/domain/minutesDoc';
import { speakerHeaderText } from '../../../../shared/domain/minutesDoc';

export type SpeakerInfo = Omit<SpeakerNodeJson, 'type'>;
type SerializedSpeakerNode = Spread<SpeakerInfo, SerializedLexicalNode>;

/**
 * The header of a speaker's section: who spoke, as what, from when. A block of its own that
 * typing cannot split; the text below it, up to the next header, is that speaker's section.
 */
export class SpeakerNode extends DecoratorNode<JSX.Element> {
  __info: SpeakerInfo;

  static override getType(): string {
    return 'speaker';
  }

  static override clone(node: SpeakerNode): SpeakerNode {
    return new SpeakerNode(node.__info, node.__key);
  }

  static override importJSON(json: SerializedSpeakerNode): SpeakerNode {
    const { speechId, name, affiliation, kind, time } = json;
    return $createSpeakerNode({ speechId, name, affiliation, kind, time });
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

  override createDOM(_config: EditorConfig): HTMLElement {
    const el = document.createElement('div');
    el.className = 'speaker-header';
    return el;
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

  override decorate(): JSX.Element {
    const { name, affiliation, kind, time } = this.__info;
    return (
      <span className="speaker-header-text" data-speech={this.__info.speechId}>
        <span className="sh-kind">{kind}</span>
        <strong>{name}</strong>
        {affiliation && <span className="sh-aff">{affiliation}</span>}
        <time>{time}</time>
      </span>
    );
  }
}

export function $createSpeakerNode(info: SpeakerInfo): SpeakerNode {
  return new SpeakerNode(info);
}

export function $isSpeakerNode(node: LexicalNode | null | undefined): node is SpeakerNode {
  return node instanceof SpeakerNode;
}
