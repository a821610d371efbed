#!/usr/bin/env node
// Runs @doyensec/electronegativity (Electron security audit) over electron/ offline and fails on
// any HIGH finding or any MEDIUM finding not accepted below with its reason. Part of `npm test`.
//
// Offline: the tool fetches translations and Electron's release list from the network. The
// release check (AvailableSecurityFixesGlobalCheck) is excluded — keeping Electron current is
// the dependency update's job — and its HTTP client is replaced by one that fails at once, so
// the audit never touches the network and never waits for it.
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const toolMain = require.resolve('@doyensec/electronegativity');
const got = require.resolve('got', { paths: [dirname(toolMain)] });
const offline = () => Promise.reject(new Error('offline: network disabled for the audit'));
require.cache[got] = { id: got, filename: got, loaded: true, exports: offline, children: [], paths: [] };

const electronVersion = require(resolve(root, 'node_modules/electron/package.json')).version;

/** MEDIUM findings accepted after review, by check and file, with the reason. */
const ACCEPTED = {
  'OPEN_EXTERNAL_JS_CHECK main/index.ts':
    'openExternal only receives URLs that pass isSafeExternalUrl (http/https, no credentials; guards.ts, tested in guards.test.ts)',
};

const run = require('@doyensec/electronegativity');
const quiet = console.log;
console.log = () => undefined; // the tool's "could not retrieve translations" notice
let result;
try {
  result = await run({
    input: resolve(root, process.argv[2] ?? 'electron'),
    isRelative: true,
    electronVersionOverride: electronVersion,
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  });
} finally {
  console.log = quiet;
}

const failures = [];
const accepted = [];
for (const issue of result.issues) {
  const file = issue.file.replace(/\\/g, '/').replace(/^.*?electron\//, '');
  const key = `${issue.id} ${file}`;
  const line = `${issue.severity.name ?? issue.severity} ${issue.id} ${file}:${issue.location.line}`;
  const severity = String(issue.severity.name ?? issue.severity).toUpperCase();
  if (severity === 'HIGH' || (severity === 'MEDIUM' && !ACCEPTED[key])) failures.push(line);
  else if (severity === 'MEDIUM') accepted.push(`${line} — accepted: ${ACCEPTED[key]}`);
}
console.log(
  `electronegativity ${electronVersion}: ${result.atomicChecks} atomic + ${result.globalChecks} global checks, ${result.issues.length} finding(s)`,
);
for (const a of accepted) console.log(`  ${a}`);
if (result.errors.length > 0) console.log(`  ${result.errors.length} file(s) could not be parsed`);
if (failures.length > 0) {
  for (const f of failures) console.error(`  FAIL ${f}`);
  process.exitCode = 1;
}
