/** Renderer entry: picks the transport, loads the project, mounts the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from './api/client';
import { App } from './App';
import { I18nProvider } from './i18n';
import { Store } from './state/store';
import './styles.css';

const store = new Store(createClient());
void store.init();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <App store={store} />
    </I18nProvider>
  </StrictMode>,
);
