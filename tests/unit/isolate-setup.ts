// Per test file: points the isolation runner and the search chunk feed at the workers built by
// isolate-global-setup.ts.
import { inject } from 'vitest';
import { setIsolateWorkerEntry } from '../../electron/core/isolate/runner';
import { configureChunkWorker } from '../../electron/core/search/chunk-feed';

setIsolateWorkerEntry(inject('isolateWorker'));
configureChunkWorker({ entry: inject('searchChunkWorker') });
