// A piece of the inbox's state that says when it has changed: the Lit controller listens to render
// again, and a Node test can listen without a browser. No Lit and no DOM here.

export type Listener = () => void;

export class Observable {
  private readonly listeners = new Set<Listener>();

  /** Calls `listener` after every change; the function it returns stops that. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  protected notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
