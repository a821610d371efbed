/** Mounts the app with the transport and the requests that main.tsx started. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { ApiClient } from '../../shared/api';
import { App } from './App';
import { I18nProvider } from './i18n';
import type { Route } from './routes';
import type { Prefetched } from './state/prefetch';
import { Store } from './state/store';

export function boot(api: ApiClient, early: Prefetched, route: Route): void {
  const store = new Store(api, early);
  void store.init();
  // A document in the URL is opened before the first render: its text (most often here already)
  // then shows in that render, instead of a frame of the empty view first. App's route effect
  // asks for the same document again, which changes nothing.
  if (route.kind === 'document') void store.openDocument(route.id, route.focus);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nProvider>
        <App store={store} />
      </I18nProvider>
    </StrictMode>,
  );
}
