/**
 * 备份 (restore view): the project's backups with time, kind, size and their documents' and
 * annotations' counts (`backups-list`); "look inside" shows a backup's documents and codes read
 * from a read-only copy (`backups-inspect`); "restore" asks first, then `backups-restore` saves
 * the current state as a "before restore" backup and replaces the project, and the app reloads
 * its state. A failed automatic backup (e.g. a full disk) is shown as a warning here.
 */
import { useCallback, useEffect, useState } from 'react';
import type { BackupContents, BackupInfo, BackupList } from '../../../../shared/contracts/backups';
import { useI18n, type MessageKey } from '../../i18n';
import { asPizhuError } from '../../state/store';
import type { ViewProps } from '../view-props';
import { formatSize, formatTime } from './format';
import './backups.css';

export function BackupsView({ store }: ViewProps) {
  const { t, locale } = useI18n();
  const [list, setList] = useState<BackupList | null>(null);
  const [contents, setContents] = useState<BackupContents | null>(null);
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    store.api
      .call('backups-list', {})
      .then(setList)
      .catch((err: unknown) => store.toast({ tone: 'error', error: asPizhuError(err) }));
  }, [store]);
  useEffect(load, [load]);

  const time = (b: BackupInfo) => formatTime(b.createdAt, locale);
  const inspect = (b: BackupInfo) => {
    store.api
      .call('backups-inspect', { id: b.id })
      .then(setContents)
      .catch((err: unknown) => store.toast({ tone: 'error', error: asPizhuError(err) }));
  };
  const restore = async (b: BackupInfo) => {
    setBusy(true);
    try {
      const r = await store.api.call('backups-restore', { id: b.id });
      setConfirming(null);
      setContents(null);
      await store.refreshProject();
      store.toast({
        tone: 'info',
        message: { key: 'backups.restored', params: { time: time(b), safety: r.safetyCopy } },
      });
      load();
    } catch (err) {
      store.toast({ tone: 'error', error: asPizhuError(err) });
    } finally {
      setBusy(false);
    }
  };

  if (!list) return <p className="pz-center pz-muted">{t('status.loading')}</p>;
  const shown = list.backups.find((b) => b.id === contents?.id);
  return (
    <section className="pz-backups" aria-labelledby="pz-backups-title">
      <header>
        <h1 id="pz-backups-title">{t('backups.title')}</h1>
        <p className="pz-muted">{t('backups.intro')}</p>
        <p className="pz-muted pz-backups-folder">{t('backups.folder', { folder: list.folder })}</p>
      </header>
      {list.backupWarning ? (
        <p className="pz-backups-warning" role="alert">
          {t('backups.warning', { detail: list.backupWarning })}
        </p>
      ) : null}
      {list.readOnly ? <p className="pz-backups-warning">{t('backups.readOnly')}</p> : null}
      {list.backups.length === 0 ? (
        <p className="pz-muted">{t('backups.empty')}</p>
      ) : (
        <table className="pz-table pz-backups-table">
          <thead>
            <tr>
              <th>{t('backups.time')}</th>
              <th>{t('backups.kind')}</th>
              <th className="pz-num">{t('backups.size')}</th>
              <th className="pz-num">{t('backups.documents')}</th>
              <th className="pz-num">{t('backups.annotations')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.backups.map((b) => (
              <tr key={b.id} data-backup-id={b.id} data-kind={b.kind}>
                <td>{time(b)}</td>
                <td>{t(`backups.kind.${b.kind}` as MessageKey)}</td>
                <td className="pz-num">{formatSize(b.size, locale)}</td>
                <td className="pz-num">{b.documentCount ?? '—'}</td>
                <td className="pz-num">{b.annotationCount ?? '—'}</td>
                <td className="pz-backups-actions">
                  <button type="button" onClick={() => inspect(b)}>
                    {t('backups.inspect')}
                  </button>
                  <button
                    type="button"
                    disabled={list.readOnly !== null || busy}
                    onClick={() => setConfirming(b)}
                  >
                    {t('backups.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirming ? (
        <div className="pz-backups-confirm" role="alertdialog" aria-label={t('backups.restore')}>
          <p>{t('backups.restoreConfirm', { time: time(confirming) })}</p>
          <button
            type="button"
            className="pz-danger"
            disabled={busy}
            onClick={() => void restore(confirming)}
          >
            {t('backups.restoreYes')}
          </button>
          <button type="button" onClick={() => setConfirming(null)}>
            {t('backups.cancel')}
          </button>
        </div>
      ) : null}
      {contents && shown ? (
        <div className="pz-backups-contents" aria-label={t('backups.contents', { time: time(shown) })}>
          <h2>{t('backups.contents', { time: time(shown) })}</h2>
          <p className="pz-muted">{t('backups.docCount', { count: contents.documents.length })}</p>
          <ul>
            {contents.documents.map((d, i) => (
              <li key={i}>
                {d.title}{' '}
                <span className="pz-muted">
                  ({d.length.toLocaleString(locale)} · {d.annotationCount})
                </span>
              </li>
            ))}
          </ul>
          <h3>{t('backups.codes')}</h3>
          <ul>
            {contents.codes.map((c, i) => (
              <li key={i}>
                {c.name} <span className="pz-muted">({c.annotationCount})</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
