/**
 * Renderer entry: picks the transport, starts the first API requests (the project's lists, and
 * the document and its annotations when the URL opens one: state/prefetch.ts), then loads the app
 * (boot.tsx). The core answers while the app's code is being parsed and compiled.
 */
import { createClient } from './api/client';
import { parseRoute } from './routes';
import { prefetch, type Prefetched } from './state/prefetch';
import { formatNumber } from './i18n/format';
import { initialLocale } from './i18n/locale';
import './styles.css';

// After createClient: it may take the session token out of the URL's fragment.
const api = createClient();
const route = parseRoute(location.hash);
// The app's code is asked for first: the same core process serves it and answers the API.
const app = import('./boot');
// Handed to the app once, then dropped: a module-level reference would keep the first answers
// (the document's whole annotation list among them) for as long as the page lives.
let early: Prefetched | null = prefetch(api, route);
// While the app's code and the first answers are on their way: ICU's first number format costs
// ~20 ms in a new renderer, and the first render needs one (formatters are cached, format.ts).
formatNumber(initialLocale(), 0);
void app.then(({ boot }) => {
  const prefetched = early!;
  early = null;
  boot(api, prefetched, route);
});
