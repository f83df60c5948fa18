// Writes a letter model as a Word document (.docx) a provider can open, change and post, with the `docx`
// library. Every part of the letter goes in as a text run, which the library escapes, so "</w:t>" or
// "<script>" in a name is text in the document, never XML.
import {AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun} from 'docx';
import {letterPointSize, type LetterModel} from '@care-feedback/core/provider';

/** Characters XML 1.0 cannot hold at all; stored text may have them (it is kept byte for byte). */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const xmlSafe = (text: string) => text.replace(NOT_XML, '\ufffd');

export async function letterDocx(model: LetterModel, title: string): Promise<ArrayBuffer> {
  const points = letterPointSize(model);
  // docx measures text in half-points and spacing in twentieths of a point.
  const size = points * 2;
  const after = Math.round(points * 0.75 * 20);
  const children: Paragraph[] = [];
  for (const block of model.blocks) {
    if (block.type === 'heading') {
      children.push(
        new Paragraph({
          heading: HeadingLevel.HEADING_2,
          spacing: {before: after, after},
          children: [new TextRun({text: xmlSafe(block.text), bold: true, size: size + 4})],
        }),
      );
    } else if (block.type === 'list') {
      for (const item of block.items)
        children.push(
          new Paragraph({
            numbering: {reference: 'letter-bullets', level: 0},
            spacing: {after: Math.round(after / 2)},
            children: [new TextRun({text: xmlSafe(item), size})],
          }),
        );
    } else {
      children.push(
        new Paragraph({
          spacing: {after, line: Math.round(points * 1.4 * 20)},
          children: block.lines.map((line, i) => new TextRun({text: xmlSafe(line), size, break: i > 0 ? 1 : 0})),
        }),
      );
    }
  }
  const document = new Document({
    title: xmlSafe(title),
    creator: 'care-feedback',
    styles: {
      default: {document: {run: {font: 'Arial', size}}, heading2: {run: {font: 'Arial', size: size + 4, bold: true, color: '000000'}}},
    },
    numbering: {
      config: [
        {
          reference: 'letter-bullets',
          levels: [{level: 0, format: LevelFormat.BULLET, text: '\u2022', alignment: AlignmentType.LEFT, style: {paragraph: {indent: {left: 720, hanging: 360}}}}],
        },
      ],
    },
    sections: [{properties: {page: {margin: {top: 1134, bottom: 1134, left: 1134, right: 1134}}}, children}],
  });
  const bytes = await Packer.toBuffer(document);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
