// Per test file: points the isolation runner at the worker built by isolate-global-setup.ts.
import { inject } from 'vitest';
import { setIsolateWorkerEntry } from '../../electron/core/isolate/runner';

setIsolateWorkerEntry(inject('isolateWorker'));
