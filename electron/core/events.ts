import type { ChangeEvent } from '../../shared/contract';

export type Listener = (event: ChangeEvent) => void;

/** Fan-out of change events to every window (Electron) or stream (serve). */
export class EventHub {
  private listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: ChangeEvent): void {
    for (const l of this.listeners) {
      try {
        l(event);
      } catch (e) {
        console.error('事件分发失败', e);
      }
    }
  }
}
