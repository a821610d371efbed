/**
 * 备忘: every memo of the project in one place — the project memo (edited here), document memos,
 * code memos and annotation memos — filtered by kind and by text (Simplified and Traditional
 * match each other, done by the core). Each memo links to its owner.
 */
import { useEffect, useState } from 'react';
import type { MemoEntry, MemoKind } from '../../../../shared/domain';
import { useI18n } from '../../i18n';
import { useFormat } from '../../i18n';
import { asPizhuError, useStore } from '../../state/store';
import type { ViewProps } from '../view-props';
import { mutate } from '../codebook/actions';
import '../codebook/codebook.css';

const KINDS: MemoKind[] = ['project', 'document', 'code', 'annotation'];

export function MemosView({ store, navigate }: ViewProps) {
  const { t } = useI18n();
  const fmt = useFormat();
  const revision = useStore(store, (s) => s.historyRevision);
  const history = useStore(store, (s) => s.history);
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<MemoKind | 'all'>('all');
  const [memos, setMemos] = useState<MemoEntry[] | null>(null);
  const coders = useStore(store, (s) => s.coders);
  // Annotation memos of one coder only ('' = every coder); other memos have no coder.
  const [coderId, setCoderId] = useState('');
  const shown = (memos ?? []).filter((m) => !coderId || m.kind !== 'annotation' || m.coderId === coderId);
  const [project, setProject] = useState<{ text: string; key: number } | null>(null);

  // Reload on filter changes and after any undo/redo or other write (the history state changes).
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      store.api
        .call('memos-list', { query, ...(kind === 'all' ? {} : { kinds: [kind] }) })
        .then((list) => live && setMemos(list))
        .catch((err: unknown) => store.toast({ tone: 'error', error: asPizhuError(err) }));
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [store, query, kind, history]);

  useEffect(() => {
    void store.api
      .call('memos-list', { kinds: ['project'] })
      .then((list) => setProject({ text: list[0]?.text ?? '', key: revision }));
  }, [store, revision]);

  const open = (m: MemoEntry) => {
    if (m.kind === 'document' && m.documentId) navigate.toDocument(m.documentId);
    else if (m.kind === 'annotation' && m.documentId)
      navigate.toDocument(m.documentId, { annotationId: m.ownerId });
    else if (m.kind === 'code') navigate.toView('codebook');
  };

  return (
    <section className="pz-memos" aria-labelledby="pz-memos-title">
      <header className="pz-memos-head">
        <h1 id="pz-memos-title">{t('memos.title')}</h1>
        {memos ? <span className="pz-muted">{t('memos.count', { count: memos.length })}</span> : null}
      </header>
      <div className="pz-memo-project pz-field">
        <label htmlFor="pz-project-memo">{t('memos.project')}</label>
        {project ? (
          <textarea
            id="pz-project-memo"
            key={project.key}
            rows={4}
            defaultValue={project.text}
            placeholder={t('memos.projectPlaceholder')}
            onBlur={(e) => {
              const memo = e.currentTarget.value;
              if (memo !== project.text)
                void mutate(store, 'memos-update-project', { memo }).then((r) => {
                  if (r) setProject({ text: r.memo.text, key: project.key });
                });
            }}
          />
        ) : null}
      </div>
      <div className="pz-memos-filters">
        <input
          type="search"
          value={query}
          placeholder={t('memos.search')}
          aria-label={t('memos.search')}
          onChange={(e) => setQuery(e.target.value)}
        />
        {coders.length > 1 ? (
          <select
            value={coderId}
            onChange={(e) => setCoderId(e.target.value)}
            aria-label={t('coders.viewLabel')}
          >
            <option value="">{t('coders.viewAll')}</option>
            {coders.map((c) => (
              <option key={c.id} value={c.id}>
                {t('coders.viewOne', { name: c.name })}
              </option>
            ))}
          </select>
        ) : null}
        <div role="radiogroup" aria-label={t('memos.kind.all')}>
          {(['all', ...KINDS] as const).map((k) => (
            <button
              key={k}
              type="button"
              role="radio"
              aria-checked={kind === k}
              className={`pz-tab${kind === k ? ' is-current' : ''}`}
              onClick={() => setKind(k)}
            >
              {t(`memos.kind.${k}`)}
            </button>
          ))}
        </div>
      </div>
      {memos && shown.length === 0 ? <p className="pz-muted">{t('memos.none')}</p> : null}
      <ul className="pz-memo-list">
        {shown.map((m) => (
          <li key={`${m.kind}:${m.ownerId}`} className="pz-memo-item" data-kind={m.kind}>
            <div className="pz-memo-owner">
              <span className="pz-memo-kind">{t(`memos.kind.${m.kind}`)}</span>
              {m.kind === 'project' ? (
                <strong>{t('memos.project')}</strong>
              ) : (
                <button type="button" className="pz-link" onClick={() => open(m)}>
                  {m.ownerLabel.length > 60 ? `${m.ownerLabel.slice(0, 60)}…` : m.ownerLabel}
                </button>
              )}
              {m.updatedAt ? (
                <span className="pz-muted pz-small">
                  {t('memos.updated', { time: fmt.dateTime(m.updatedAt) })}
                </span>
              ) : null}
            </div>
            {m.fields ? (
              <dl className="pz-memo-text">
                {(['definition', 'inclusion', 'exclusion', 'example'] as const)
                  .filter((f) => m.fields![f] !== '')
                  .map((f) => (
                    <div key={f}>
                      <dt className="pz-muted pz-small">{t(`codebook.${f}`)}</dt>
                      <dd>{m.fields![f]}</dd>
                    </div>
                  ))}
              </dl>
            ) : (
              <p className="pz-memo-text">{m.text}</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
