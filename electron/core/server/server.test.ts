// Unit tests of the loopback server's pure parts: request checks, status mapping, serve options,
// and the default paths. The real HTTP round trips are in tests/e2e/server.e2e.ts.
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../shared/errors';
import { UsageError, parseServeArgs } from './args';
import { findRepoRoot, userDataDir } from './paths';
import {
  apiMethodFromPath,
  isAllowedHost,
  isAllowedOrigin,
  isAuthorized,
  newSessionToken,
  statusForError,
} from './security';

describe('request checks', () => {
  it('accepts only our loopback host names and port', () => {
    expect(isAllowedHost('127.0.0.1:4000', 4000)).toBe(true);
    expect(isAllowedHost('localhost:4000', 4000)).toBe(true);
    expect(isAllowedHost('LOCALHOST:4000', 4000)).toBe(true);
    expect(isAllowedHost('127.0.0.1:4001', 4000)).toBe(false);
    expect(isAllowedHost('127.0.0.1', 4000)).toBe(false);
    expect(isAllowedHost('evil.example:4000', 4000)).toBe(false);
    expect(isAllowedHost(undefined, 4000)).toBe(false);
  });

  it('accepts no Origin or our own, nothing else', () => {
    expect(isAllowedOrigin(undefined, 4000)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:4000', 4000)).toBe(true);
    expect(isAllowedOrigin('http://localhost:4000', 4000)).toBe(true);
    expect(isAllowedOrigin('null', 4000)).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1:4001', 4000)).toBe(false);
    expect(isAllowedOrigin('https://127.0.0.1:4000', 4000)).toBe(false);
    expect(isAllowedOrigin('http://evil.example', 4000)).toBe(false);
  });

  it('checks the bearer token exactly', () => {
    const token = newSessionToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(isAuthorized(`Bearer ${token}`, token)).toBe(true);
    expect(isAuthorized(`bearer ${token}`, token)).toBe(true);
    expect(isAuthorized(token, token)).toBe(false);
    expect(isAuthorized(`Bearer ${token.slice(1)}`, token)).toBe(false);
    expect(isAuthorized(`Bearer ${token}x`, token)).toBe(false);
    expect(isAuthorized('Bearer ', token)).toBe(false);
    expect(isAuthorized(undefined, token)).toBe(false);
  });

  it('maps every error code to a status', () => {
    for (const code of ERROR_CODES) expect(statusForError(code)).toBeGreaterThanOrEqual(400);
    expect(statusForError('invalid-input')).toBe(400);
    expect(statusForError('unauthorized')).toBe(401);
    expect(statusForError('unknown-method')).toBe(404);
    expect(statusForError('internal')).toBe(500);
  });

  it('extracts the method from /api/<method>', () => {
    expect(apiMethodFromPath('/api/annotations-create')).toBe('annotations-create');
    expect(apiMethodFromPath('/api/')).toBeNull();
    expect(apiMethodFromPath('/api/a/b')).toBeNull();
    expect(apiMethodFromPath('/api/../etc')).toBeNull();
  });
});

describe('parseServeArgs', () => {
  it('has safe defaults', () => {
    expect(parseServeArgs([])).toEqual({
      port: 0,
      project: null,
      empty: false,
      token: null,
      seeds: null,
      help: false,
    });
  });

  it('parses every option', () => {
    const token = 'abcdefghijklmnop_-12';
    expect(
      parseServeArgs(['--port', '8123', '--project', 'x.pizhu', '--empty', '--token', token, '--seeds', 's']),
    ).toEqual({ port: 8123, project: 'x.pizhu', empty: true, token, seeds: 's', help: false });
  });

  it('explains bad options', () => {
    expect(() => parseServeArgs(['--port', 'abc'])).toThrow(/--port must be an integer/);
    expect(() => parseServeArgs(['--port', '70000'])).toThrow(UsageError);
    expect(() => parseServeArgs(['--token', 'short'])).toThrow(/--token must be/);
    expect(() => parseServeArgs(['--bogus'])).toThrow(UsageError);
  });
});

describe('paths', () => {
  it('finds the repository from the source folder', () => {
    expect(findRepoRoot(import.meta.dirname)).toBe(findRepoRoot(`${import.meta.dirname}/../../..`));
    expect(findRepoRoot('/')).toBeNull();
  });

  it('uses the same user data folder as the Electron app', () => {
    expect(userDataDir('linux', {}, '/home/u')).toBe('/home/u/.config/Pizhu');
    expect(userDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/u')).toBe('/cfg/Pizhu');
    expect(userDataDir('linux', { XDG_CONFIG_HOME: 'relative' }, '/home/u')).toBe('/home/u/.config/Pizhu');
    expect(userDataDir('darwin', {}, '/Users/u')).toBe('/Users/u/Library/Application Support/Pizhu');
  });
});
