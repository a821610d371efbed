// Imports the REFI-QDA fixtures that imitate ATLAS.ti, MAXQDA and NVivo (tests/fixtures/refi/SOURCES.md)
// into empty projects and checks the counts of codes, sources and codings, the positions (CRLF and
// UTF-16 counting), and the report of what could not be carried over.
import { describe, expect, it } from 'vitest';
import { emptyProject, fixture, importBytes, openCoreDb } from './helpers';
import type { InteropReport } from '../../../shared/contracts/interop';
import { readRefi } from '../../../electron/core/interop/refi-read';

function warning(report: InteropReport, kind: string) {
  return report.warnings.find((w) => w.kind === kind);
}

function quotes(core: ReturnType<typeof emptyProject>): string[] {
  return (
    openCoreDb(core).prepare('SELECT quote FROM annotations ORDER BY quote').all() as { quote: string }[]
  ).map((r) => r.quote);
}

describe('REFI-QDA fixtures', () => {
  it('ATLAS.ti: Sources/, CRLF counted as two, notes, a picture source skipped', async () => {
    const model = readRefi(fixture('atlas-ti-23.qdpx'), 'atlas-ti-23.qdpx');
    expect(model.origin).toBe('ATLAS.ti for Windows 23.2.3.27778');
    expect(model.codes).toHaveLength(4);
    expect(model.documents).toHaveLength(2);
    expect(model.annotations).toHaveLength(6);
    const core = emptyProject();
    try {
      const report = await importBytes(core, 'atlas-ti-23.qdpx', fixture('atlas-ti-23.qdpx'));
      expect(report.documents).toEqual({ added: 2, matched: 0 });
      // 成效, 问题, 建议 exist in a new project; 问题 > 财政压力 is new.
      expect(report.codes).toEqual({ added: 1, matched: 3, mapped: 0 });
      expect(report.annotations.added).toBe(6);
      expect(report.coders).toEqual({ added: 1, matched: 0 });
      expect(warning(report, 'unsupported-source')?.items).toEqual(['photo.jpg']);
      expect(quotes(core)).toEqual(
        [
          '今年财政收入增长明显',
          '基层财政压力较大，放权不到位',
          '二、存在的问题',
          'budgets are tight.',
          'budgets are tight.',
          'We recommend more transfers.',
        ].sort(),
      );
      const db = openCoreDb(core);
      const memo = db.prepare("SELECT memo FROM annotations WHERE quote LIKE '基层%'").get() as {
        memo: string;
      };
      expect(memo.memo).toBe('放权问题需要追问');
      expect(
        (db.prepare("SELECT text FROM memos WHERE id = 'project'").get() as { text: string }).text,
      ).toContain('Second round of coding.');
      const doc = db
        .prepare("SELECT text, cleaning, source_format FROM documents WHERE title = '工作报告.docx'")
        .get() as {
        text: string;
        cleaning: string;
        source_format: string;
      };
      expect(doc.text).not.toContain('\r');
      expect(JSON.parse(doc.cleaning)).toEqual(['crlf-to-lf']);
      expect(doc.source_format).toBe('qdpx');
    } finally {
      core.close();
    }
  });

  it('MAXQDA: any .qde name, BOM, CRLF counted as one, variables, empty <Sets/>, id-only user, missing source', async () => {
    const core = emptyProject();
    try {
      const report = await importBytes(core, 'maxqda-2022.qdpx', fixture('maxqda-2022.qdpx'));
      expect(report.origin).toBe('MAXQDA 2022 (Release 22.8.0)');
      expect(report.documents).toEqual({ added: 1, matched: 0 });
      expect(report.codes).toEqual({ added: 4, matched: 1, mapped: 0 });
      expect(report.annotations.added).toBe(3);
      expect(warning(report, 'missing-source')?.items).toEqual(['访谈 missing']);
      expect(warning(report, 'selection-without-coding')?.count).toBe(1);
      expect(warning(report, 'positions-converted')?.count).toBe(1);
      expect(report.attributes).toEqual({ added: 2, values: 2 });
      expect(quotes(core)).toEqual(['下放审批权限', '加强基层财政保障', '完善转移支付'].sort());
      const db = openCoreDb(core);
      const coders = (
        db
          .prepare('SELECT DISTINCT c.name FROM annotations a JOIN coders c ON c.id = a.coder_id ORDER BY 1')
          .all() as {
          name: string;
        }[]
      ).map((r) => r.name);
      expect(coders).toEqual(['Li Wei', 'ZH']);
      const doc = db.prepare('SELECT memo, cleaning FROM documents').get() as {
        memo: string;
        cleaning: string;
      };
      expect(doc.memo).toContain('«县长讲话»: 标题，未编码');
      expect(JSON.parse(doc.cleaning)).toEqual(['strip-bom', 'crlf-to-lf']);
      const values = db
        .prepare(
          'SELECT a.name, v.value FROM document_attributes v JOIN attributes a ON a.id = v.attribute_id ORDER BY 1',
        )
        .all();
      expect(values).toEqual([
        { name: '地区', value: '河南' },
        { name: '年份', value: '2019' },
      ]);
      const paths = db
        .prepare("SELECT count(*) AS n FROM codes WHERE name IN ('财政', '转移支付', '放权')")
        .get() as { n: number };
      expect(paths.n).toBe(3);
    } finally {
      core.close();
    }
  });

  it('NVivo: UTF-16 positions over characters outside the BMP, inline text, cases and PDF skipped, sets', async () => {
    const core = emptyProject();
    try {
      const report = await importBytes(core, 'nvivo-14.qdpx', fixture('nvivo-14.qdpx'));
      expect(report.documents.added).toBe(2);
      expect(report.annotations.added).toBe(4);
      expect(warning(report, 'cases-skipped')?.count).toBe(1);
      expect(warning(report, 'unsupported-source')?.items).toEqual(['report.pdf']);
      expect(warning(report, 'positions-converted')?.items[0]).toContain('utf-16');
      expect(report.sets).toEqual({ added: 1, members: 2 });
      expect(quotes(core)).toEqual(['the visit', '增加转移支付', '财政压力大', '𠀋𪚥村'].sort());
      const a = openCoreDb(core)
        .prepare("SELECT start_offset, end_offset FROM annotations WHERE quote = '财政压力大'")
        .get();
      expect(a).toEqual({ start_offset: 13, end_offset: 18 }); // code points: 𠀋 and 𪚥 count one each
    } finally {
      core.close();
    }
  });

  it('a flat codebook: older namespace, A::B hierarchy, #rgb colours, 300 levels deep', async () => {
    const model = readRefi(fixture('flat-deep.qdc'), 'flat-deep.qdc');
    expect(model.format).toBe('qdc');
    const core = emptyProject();
    try {
      const report = await importBytes(core, 'flat-deep.qdc', fixture('flat-deep.qdc'));
      // 问题 and 建议 exist; 财政压力, 放权不到位 and 300 层 codes are added.
      expect(report.codes).toEqual({ added: 302, matched: 2, mapped: 0 });
      const db = openCoreDb(core);
      const sub = db
        .prepare(
          "SELECT c.color FROM codes c JOIN codes p ON p.id = c.parent_id WHERE c.name = '财政压力' AND p.name = '问题'",
        )
        .get() as { color: string };
      expect(sub.color).toBe('#cc3333');
      const deepest = db.prepare("SELECT parent_id FROM codes WHERE name = '层299'").get() as {
        parent_id: string;
      };
      expect(deepest.parent_id).not.toBeNull();
      const definition = db.prepare("SELECT definition FROM codes WHERE name = '建议'").get() as {
        definition: string;
      };
      expect(definition.definition).toBe('政策建议');
    } finally {
      core.close();
    }
  });
});
