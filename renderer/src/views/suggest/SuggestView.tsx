/**
 * The 建议规则 view: the project's suggestion rules (view, edit, add, disable, import/export) and
 * a run over the whole corpus with progress, cancel and accept-all above a threshold. Reviewing
 * suggestion by suggestion happens in the document view (SuggestBar).
 */
import { useI18n } from '../../i18n';
import type { ViewProps } from '../view-props';
import { CorpusRun } from './CorpusRun';
import { RulesTable } from './RulesTable';
import './suggest.css';

export function SuggestView({ store }: ViewProps) {
  const { t } = useI18n();
  return (
    <div className="pz-suggest-view">
      <h1>{t('suggest.rules')}</h1>
      <p className="pz-muted">{t('suggest.rulesIntro')}</p>
      <CorpusRun store={store} />
      <RulesTable store={store} />
    </div>
  );
}
