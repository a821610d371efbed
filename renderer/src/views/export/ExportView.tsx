/**
 * The export view (导出): one card per format (coded dataset CSV / JSONL / XLSX, sentence dataset
 * CSV / JSONL / Parquet, REFI-QDA project and codebook), the formula-guard option for CSV and
 * XLSX, and the dataset card saved beside each file. Formats are a list: a feature adds one entry.
 */
import { useState } from 'react';
import type { ExportFileFormat } from '../../../../shared/contracts/interop';
import { saveFile } from '../../api/client';
import { translateError, useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n/catalog';
import { asPizhuError } from '../../state/store';
import type { ViewProps } from '../view-props';
import './export.css';

interface FormatCard {
  format: ExportFileFormat;
  /** Whether the formula guard applies. */
  guard: boolean;
}

export const EXPORT_CARDS: FormatCard[] = [
  { format: 'csv', guard: true },
  { format: 'jsonl', guard: false },
  { format: 'xlsx', guard: true },
  { format: 'sentences-csv', guard: true },
  { format: 'sentences-jsonl', guard: false },
  { format: 'parquet', guard: false },
  { format: 'qdpx', guard: false },
  { format: 'qdc', guard: false },
];

type Status =
  | { kind: 'busy' }
  | { kind: 'done'; file: string; count: number; card: string | null }
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string };

export function ExportView({ store }: ViewProps) {
  const { t } = useI18n();
  const [guard, setGuard] = useState(true);
  const [status, setStatus] = useState<Partial<Record<ExportFileFormat, Status>>>({});

  const run = async (card: FormatCard) => {
    setStatus((s) => ({ ...s, [card.format]: { kind: 'busy' } }));
    try {
      const file = await store.api.call('export-file', { format: card.format, formulaGuard: guard });
      const path = await saveFile(file.fileName, file.content, file.mimeType, file.encoding ?? 'utf-8');
      if (path === null) {
        setStatus((s) => ({ ...s, [card.format]: { kind: 'cancelled' } }));
        return;
      }
      const cardPath = file.card
        ? await saveFile(file.card.fileName, file.card.content, 'text/markdown')
        : null;
      setStatus((s) => ({
        ...s,
        [card.format]: { kind: 'done', file: path, count: file.rowCount, card: cardPath },
      }));
    } catch (err) {
      setStatus((s) => ({
        ...s,
        [card.format]: { kind: 'error', message: translateError(t, asPizhuError(err)) },
      }));
    }
  };

  return (
    <section className="pz-export" aria-labelledby="pz-export-title">
      <header className="pz-library-head">
        <h1 id="pz-export-title">{t('exportView.title')}</h1>
        <span className="pz-muted">{t('exportView.intro')}</span>
      </header>
      <label className="pz-export-guard">
        <input
          type="checkbox"
          checked={guard}
          onChange={(e) => setGuard(e.target.checked)}
          data-testid="formula-guard"
        />{' '}
        {t('exportView.guard')}
        <span className="pz-muted pz-small"> {t('exportView.guardNote')}</span>
      </label>
      <ul className="pz-export-cards">
        {EXPORT_CARDS.map((card) => {
          const s = status[card.format];
          return (
            <li key={card.format} className="pz-export-card" data-format={card.format}>
              <h2>{t(`exportView.f.${card.format}` as MessageKey)}</h2>
              <p className="pz-muted">{t(`exportView.d.${card.format}` as MessageKey)}</p>
              <button type="button" onClick={() => void run(card)} disabled={s?.kind === 'busy'}>
                {s?.kind === 'busy' ? t('exportView.exporting') : t('exportView.export')}
              </button>
              <p className="pz-export-status" role="status">
                {s?.kind === 'done' ? (
                  <>
                    <span className="pz-ok">{t('exportView.done', { file: s.file, count: s.count })}</span>
                    {s.card ? (
                      <span className="pz-muted pz-small">
                        {' '}
                        · {t('exportView.cardSaved', { file: s.card })}
                      </span>
                    ) : null}
                  </>
                ) : s?.kind === 'cancelled' ? (
                  <span className="pz-muted">{t('exportView.cancelled')}</span>
                ) : s?.kind === 'error' ? (
                  <span className="pz-error">{s.message}</span>
                ) : null}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
