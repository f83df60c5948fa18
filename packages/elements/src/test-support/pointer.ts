// Focus and real-mouse helpers for the elements' browser tests.
import {sendMouse} from '@web/test-runner-commands';

/** The focused element, looking inside open shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The middle of an element on screen, in whole CSS pixels, for sendMouse. */
export function centre(element: Element): [number, number] {
  const box = element.getBoundingClientRect();
  return [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)];
}

/** A real mouse click in the middle of an element. */
export async function click(target: Element): Promise<void> {
  await sendMouse({type: 'click', position: centre(target)});
}
