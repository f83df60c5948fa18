// Putting elements on the test page and taking them off again, without waiting for animation frames.
import {fixtureSync} from '@open-wc/testing';
import {LitElement, nothing, render, type TemplateResult} from 'lit';

const mounted: HTMLElement[] = [];

/**
 * Renders a template into the page and waits for every Lit element in it to update. Used instead of
 * open-wc's fixture(), which waits for an animation frame when the root is not a Lit element, and
 * frames do not come to a page in a background tab (test files run two at a time).
 * Everything mounted is taken off the page after each test.
 */
export async function mount(template: TemplateResult): Promise<HTMLElement> {
  const container = document.createElement('div');
  document.body.append(container);
  mounted.push(container);
  render(template, container);
  const root = container.firstElementChild as HTMLElement;
  const elements = [root, ...root.querySelectorAll('*')].filter(
    (node): node is LitElement => node instanceof LitElement,
  );
  await Promise.all(elements.map((element) => element.updateComplete));
  return root;
}

afterEach(() => {
  for (const container of mounted.splice(0)) {
    render(nothing, container);
    container.remove();
  }
});

/**
 * fixtureSync, then waits for the `ready` promise of every `tag` element in the template (the root
 * included). Not fixture(): it waits for an animation frame, which never comes while the page is a
 * background tab (the runner runs two test files at once). Returns the template's root.
 */
export async function fixtureReady(template: unknown, tag: string): Promise<HTMLElement> {
  const root = fixtureSync<HTMLElement>(template as never);
  const elements = [...(root.matches(tag) ? [root] : []), ...root.querySelectorAll(tag)];
  await Promise.all(elements.map((el) => (el as HTMLElement & {ready: Promise<unknown>}).ready));
  return root;
}
