/**
 * .docx → text with mammoth, through HTML so that soft line breaks (<w:br/>), empty paragraphs and
 * table cells keep their structure (html-text.ts). Runs in the isolation worker (isolate/tasks.ts);
 * formats.ts checks the zip's central directory before handing the bytes over.
 */
import mammoth from 'mammoth';
import { PizhuError } from '../../../shared/errors';
import { htmlText } from './html-text';

export async function docxText(bytes: Uint8Array, fileName: string): Promise<string> {
  let html: string;
  try {
    // Through HTML so that soft line breaks (<w:br/>) and table cells keep their structure.
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { ignoreEmptyParagraphs: false }))
      .value;
  } catch (err) {
    throw new PizhuError(
      'import-unreadable',
      `${fileName} is not a readable .docx: ${err instanceof Error ? err.message : String(err)}`,
      { file: fileName },
    );
  }
  return htmlText(html, { docx: true });
}
