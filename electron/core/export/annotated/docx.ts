/**
 * The annotated Word document (library `docx`): a title page part with the legend of codes
 * (colour, code path, count), then each document under a Heading 1, its text one paragraph per
 * line, and every annotation as a Word comment anchored to exactly its characters
 * (`commentRangeStart`/`commentRangeEnd` around them, overlapping ranges overlap). The comment
 * says the code path, the coder and the memo; its author is the coder. Code colours are run
 * shading (Word's highlight has only 16 fixed colours; shading shows the real colour in Word and
 * LibreOffice), overlapping colours averaged. Detected structure headings become Heading 2–4
 * paragraphs, so Word's navigation pane shows the outline; their text is unchanged.
 */
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  TextRun,
  type ICommentOptions,
  type ParagraphChild,
} from 'docx';
import type { ExportLocale } from '../../../../shared/contracts/annotated-export';
import { EXPORT_LABELS } from './labels';
import type { ExportDocument, ExportHeading, ExportModel } from './model';
import { tint, tokens } from './tokens';

const HEADINGS = [HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;

function shading(fill: string) {
  return { type: ShadingType.CLEAR, color: 'auto', fill };
}

/** Heading level per line start (code point offset of the line) for the document's headings. */
function headingLines(headings: readonly ExportHeading[]): Map<number, number> {
  return new Map(headings.filter((h) => h.heading).map((h) => [h.start, h.level]));
}

function documentParagraphs(doc: ExportDocument, labels: (typeof EXPORT_LABELS)[ExportLocale]): Paragraph[] {
  const out: Paragraph[] = [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      children: [new TextRun(doc.title)],
    }),
  ];
  const meta = [
    doc.sourceFile ? `${labels.source}: ${doc.sourceFile}` : '',
    labels.annotations(doc.annotations.length),
  ]
    .filter((s) => s !== '')
    .join(' · ');
  out.push(new Paragraph({ children: [new TextRun({ text: meta, color: '6B7077', size: 18 })] }));

  const headingAt = headingLines(doc.headings);
  let children: ParagraphChild[] = [];
  let lineStart = 0;
  let pos = 0;
  const flush = () => {
    const level = headingAt.get(lineStart);
    out.push(
      new Paragraph({
        children,
        ...(level !== undefined ? { heading: HEADINGS[Math.min(level, HEADINGS.length) - 1] } : {}),
      }),
    );
    children = [];
  };
  for (const t of tokens(doc.text, doc.annotations)) {
    switch (t.kind) {
      case 'text':
        children.push(
          new TextRun({
            text: t.text,
            ...(t.cover.length > 0 ? { shading: shading(tint(t.cover.map((a) => a.color))) } : {}),
          }),
        );
        pos += Array.from(t.text).length;
        break;
      case 'break':
        flush();
        pos += 1;
        lineStart = pos;
        break;
      case 'start':
        children.push(new CommentRangeStart(t.annotation.number));
        break;
      case 'end':
        children.push(
          new CommentRangeEnd(t.annotation.number),
          new TextRun({ children: [new CommentReference(t.annotation.number)] }),
        );
        break;
    }
  }
  flush();
  return out;
}

function comments(model: ExportModel, labels: (typeof EXPORT_LABELS)[ExportLocale]): ICommentOptions[] {
  return model.documents.flatMap((doc) =>
    doc.annotations.map((a) => ({
      id: a.number,
      author: a.coder,
      initials: Array.from(a.coder)[0] ?? '?',
      date: new Date(a.createdAt),
      children: [
        new Paragraph({ children: [new TextRun({ text: a.codePath, bold: true })] }),
        new Paragraph({ children: [new TextRun(`${labels.coder}: ${a.coder}`)] }),
        ...(a.memo.trim() === ''
          ? []
          : a.memo
              .split('\n')
              .map(
                (line, i) =>
                  new Paragraph({ children: [new TextRun(i === 0 ? `${labels.memo}: ${line}` : line)] }),
              )),
      ],
    })),
  );
}

export async function annotatedDocx(
  model: ExportModel,
  options: { locale: ExportLocale; title: string; exportedAt: string },
): Promise<Uint8Array> {
  const labels = EXPORT_LABELS[options.locale];
  const front: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(options.title)] }),
    new Paragraph({
      children: [
        new TextRun({
          text: labels.exported(options.exportedAt, labels.script[model.script]),
          color: '6B7077',
          size: 18,
        }),
      ],
    }),
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(labels.legend)] }),
    ...model.legend.map(
      (entry) =>
        new Paragraph({
          indent: { left: entry.depth * 360 },
          children: [
            new TextRun({ text: '\u3000\u3000', shading: shading(tint([entry.color])) }),
            new TextRun({ text: ' ' }),
            new TextRun({ text: entry.path, bold: entry.depth === 0 }),
            new TextRun({ text: `  ${entry.count}`, color: '6B7077' }),
          ],
        }),
    ),
  ];
  const lang = model.script === 'traditional' ? 'zh-TW' : 'zh-CN';
  const eastAsia = model.script === 'traditional' ? 'PMingLiU' : 'SimSun';
  const doc = new Document({
    creator: 'Pizhu 批注',
    title: options.title,
    styles: {
      default: {
        document: {
          run: {
            font: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia },
            size: 24,
            language: { value: 'en-US', eastAsia: lang },
          },
          paragraph: { spacing: { line: 360, after: 120 }, alignment: AlignmentType.BOTH },
        },
      },
    },
    comments: { children: comments(model, labels) },
    sections: [
      {
        children: [...front, ...model.documents.flatMap((d) => documentParagraphs(d, labels))],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
