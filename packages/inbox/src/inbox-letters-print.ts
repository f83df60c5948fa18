// Prints a letter on its own, not the inbox around it: the letter goes into a frame of its own with print
// CSS (A4, 2 cm margins, Arial; 12 pt, 14 pt for easy read, 18 pt for large print), and the frame prints.
// The page is built with DOM text nodes, never from an HTML string, so a name like "<script>" prints as
// those characters. Its styles are a constructed style sheet, not a <style> element: the inbox page's
// Content-Security-Policy (style-src 'self') also governs the frame, and blocks inline styles there.
import {letterPointSize, type LetterModel} from '@care-feedback/core/provider';

const printCss = (points: number) => `
@page { size: A4; margin: 2cm; }
html { background: #fff; color: #000; }
body { margin: 0; font-family: Arial, Helvetica, sans-serif; font-size: ${points}pt; line-height: 1.5; }
h1 { font-size: 1.2em; margin: 1em 0 0.5em; break-after: avoid; }
p { margin: 0 0 0.8em; }
ul { margin: 0 0 0.8em; padding-left: 1.5em; }
li { margin: 0 0 0.4em; }
p, li { orphans: 3; widows: 3; }
`;

/** Fills `doc` with the letter alone, ready to print. */
export function writeLetterPage(doc: Document, model: LetterModel, title: string): void {
  doc.documentElement.lang = 'en-GB';
  doc.head.replaceChildren();
  doc.body.replaceChildren();
  const meta = doc.createElement('meta');
  meta.setAttribute('charset', 'utf-8');
  const titleElement = doc.createElement('title');
  titleElement.textContent = title;
  doc.head.append(meta, titleElement);
  // The frame's own CSSStyleSheet: a sheet from another document cannot be adopted.
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  const sheet = new (view?.CSSStyleSheet ?? CSSStyleSheet)();
  sheet.replaceSync(printCss(letterPointSize(model)));
  doc.adoptedStyleSheets = [sheet];
  const main = doc.createElement('main');
  for (const block of model.blocks) {
    if (block.type === 'heading') {
      const heading = doc.createElement('h1');
      heading.textContent = block.text;
      main.append(heading);
    } else if (block.type === 'list') {
      const list = doc.createElement('ul');
      for (const item of block.items) {
        const li = doc.createElement('li');
        li.textContent = item;
        list.append(li);
      }
      main.append(list);
    } else {
      const paragraph = doc.createElement('p');
      block.lines.forEach((line, i) => {
        if (i > 0) paragraph.append(doc.createElement('br'));
        paragraph.append(doc.createTextNode(line));
      });
      main.append(paragraph);
    }
  }
  doc.body.append(main);
}

/**
 * Puts the letter in a frame inside `container` (replacing one there before) and opens the browser's
 * print dialog for it. The frame stays, out of sight, so printing again needs no rebuilding.
 */
export function printLetter(container: Element, model: LetterModel, title: string, frameTitle: string): HTMLIFrameElement {
  container.querySelector('iframe.letter-print-frame')?.remove();
  const frame = container.ownerDocument.createElement('iframe');
  frame.className = 'letter-print-frame';
  frame.title = frameTitle;
  frame.tabIndex = -1;
  frame.setAttribute('aria-hidden', 'true');
  container.append(frame);
  const doc = frame.contentDocument!;
  writeLetterPage(doc, model, title);
  frame.contentWindow!.focus();
  frame.contentWindow!.print();
  return frame;
}
