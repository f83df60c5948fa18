// The base of every care-* event: bubbles out of shadow roots, as DESIGN.md asks.

export class CareEvent<T> extends CustomEvent<T> {
  constructor(type: string, detail: T, options: {cancelable?: boolean} = {}) {
    super(type, {detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false});
  }
}
