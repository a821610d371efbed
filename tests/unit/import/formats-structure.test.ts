/**
 * Issue 9 item 9: structure that carries meaning survives conversion. A .docx soft line break
 * (`<w:br/>`) is a line break; HTML table cells are separated by a tab and rows by a line break
 * (in .docx tables too); `<pre>` keeps its text verbatim, leading spaces included.
 */
import { describe, expect, it } from 'vitest';
import { extractText } from '../../../electron/core/import/formats';
import { htmlText } from '../../../electron/core/import/html-text';
import { docxBytes, para } from './docx-fixture';

describe('.docx', () => {
  it('soft line breaks become \\n, paragraphs stay lines', async () => {
    const r = await extractText(
      'br.docx',
      docxBytes(para('一、工作成效\n（一）财政收入增长') + para('二、存在的问题')),
    );
    expect(r.text).toBe('一、工作成效\n（一）财政收入增长\n二、存在的问题');
  });

  it('empty paragraphs stay empty lines; table cells are tab-separated', async () => {
    const table =
      '<w:tbl><w:tr><w:tc>' +
      para('年份') +
      '</w:tc><w:tc>' +
      para('收入') +
      '</w:tc></w:tr>' +
      '<w:tr><w:tc>' +
      para('2021') +
      '</w:tc><w:tc>' +
      para('3.5亿') +
      '</w:tc></w:tr></w:tbl>';
    const r = await extractText(
      't.docx',
      docxBytes(para('标题') + '<w:p/>' + para('正文') + table + para('结尾')),
    );
    expect(r.text).toBe('标题\n\n正文\n年份\t收入\n2021\t3.5亿\n结尾');
  });
});

describe('.html', () => {
  it('table cells are separated by a tab, rows by a line break', () => {
    const html =
      '<table><tr><th>Header abc</th><th>表头</th></tr><tr><td>cell one</td><td>单元格</td></tr></table><p>后文</p>';
    expect(htmlText(html)).toBe('Header abc\t表头\ncell one\t单元格\n后文');
  });

  it('<pre> is kept verbatim, leading spaces included', () => {
    const html = '<p>代码：</p><pre>\n  第一行\n    缩进  两个空格\n\n末行</pre><p>完</p>';
    expect(htmlText(html)).toBe('代码：\n  第一行\n    缩进  两个空格\n\n末行\n完');
  });

  it('<br> breaks a line; white space outside <pre> is collapsed', () => {
    expect(htmlText('<p>第一行<br>第二行</p><p>  多个   空格  </p>')).toBe('第一行\n第二行\n多个 空格');
  });
});
