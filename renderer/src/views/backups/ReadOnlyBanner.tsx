/**
 * A banner across the app when the project is open read-only (its file or folder cannot be
 * written, or it was opened read-only on purpose): writes would fail with `project-read-only`,
 * so the user learns it before working, not after.
 */
import { useEffect, useState } from 'react';
import type { ProjectInfo } from '../../../../shared/domain';
import { useI18n, type MessageKey } from '../../i18n';
import type { Store } from '../../state/store';
import './backups.css';

export function ReadOnlyBanner({ store }: { store: Store }) {
  const { t } = useI18n();
  const [reason, setReason] = useState<ProjectInfo['readOnly']>(null);
  useEffect(() => {
    store.api
      .call('project-info', {})
      .then((info) => setReason(info.readOnly ?? null))
      .catch(() => undefined);
  }, [store]);
  if (!reason) return null;
  return (
    <p className="pz-readonly-banner" role="status" data-reason={reason}>
      {t(`readonly.banner.${reason}` as MessageKey)}
    </p>
  );
}
