import type { EditorConfig, LexicalNode } from 'lexical';
import type { JSX } from 'react';
import {
  SpeakerNodeBase,
  speakerInfoOf,
  type SerializedSpeakerNode,
  type SpeakerInfo,
} from '../../../../shared/minutesSync/speakerNode';

export type { SpeakerInfo };

/**
 * The header of a speaker's section: who spoke, as what, from when. A block of its own that
 * typing cannot split; the text below it, up to the next header, is that speaker's section.
 */
export class SpeakerNode extends SpeakerNodeBase<JSX.Element> {
  static override getType(): string {
    return 'speaker';
  }

  static override clone(node: SpeakerNode): SpeakerNode {
    return new SpeakerNode(node.__info, node.__key);
  }

  static override importJSON(json: SerializedSpeakerNode): SpeakerNode {
    return $createSpeakerNode(speakerInfoOf(json));
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const el = document.createElement('div');
    el.className = 'speaker-header';
    return el;
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
