import { ListItemNode, ListNode } from '@lexical/list';
import { MarkNode } from '@lexical/mark';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { LexicalNode } from 'lexical';
import {
  SpeakerNodeBase,
  speakerInfoOf,
  type SerializedSpeakerNode,
  type SpeakerInfo,
} from '../../../shared/minutesSync/speakerNode';

export type { SpeakerInfo };

/** The core's speaker header: the shared node, rendering nothing (the core has no DOM). */
export class SpeakerNode extends SpeakerNodeBase<null> {
  static override getType(): string {
    return 'speaker';
  }

  static override clone(node: SpeakerNode): SpeakerNode {
    return new SpeakerNode(node.__info, node.__key);
  }

  static override importJSON(json: SerializedSpeakerNode): SpeakerNode {
    return new SpeakerNode(speakerInfoOf(json));
  }

  override createDOM(): HTMLElement {
    throw new Error('the core renders no DOM');
  }

  override decorate(): null {
    return null;
  }
}

export const $isSpeakerNode = (node: LexicalNode | null | undefined): node is SpeakerNode =>
  node instanceof SpeakerNode;

/** The node types of the minutes, as the windows register them (renderer/src/features/minutes/editorConfig.ts). */
export const coreMinutesNodes = [HeadingNode, QuoteNode, ListNode, ListItemNode, MarkNode, SpeakerNode];
