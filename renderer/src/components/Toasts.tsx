/** Confirmations and errors, announced to screen readers; errors stay until dismissed. */
import { historyLabel, translateError, useI18n } from '../i18n';
import { useStore, type Store } from '../state/store';

export function Toasts({ store }: { store: Store }) {
  const { t } = useI18n();
  const toasts = useStore(store, (s) => s.toasts);
  return (
    <div className="pz-toasts" aria-live="polite">
      {toasts.map((toast) => {
        let text = '';
        if (toast.error) text = translateError(t, toast.error);
        else if (toast.message) {
          const params = { ...toast.message.params };
          // History kinds are keys themselves.
          if (typeof params.kind === 'string') params.kind = historyLabel(t, params.kind);
          text = t(toast.message.key, params);
        }
        return (
          <div
            key={toast.id}
            className={`pz-toast pz-toast-${toast.tone}`}
            role={toast.tone === 'error' ? 'alert' : 'status'}
          >
            <span>{text}</span>
            <button type="button" className="pz-link" onClick={() => store.dismissToast(toast.id)}>
              {t('error.dismiss')}
            </button>
          </div>
        );
      })}
    </div>
  );
}
