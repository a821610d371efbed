// Navigation, window.open, <webview> and permission guards.
import { describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import {
  attachNavigationGuards,
  createAppUrlMatcher,
  decideNavigation,
  denyPermissionCheck,
  denyPermissionRequest,
  isSafeExternalUrl,
} from '../../../electron/main/guards';

describe('isSafeExternalUrl', () => {
  it.each([
    'https://example.org',
    'http://example.org/a?b=1#c',
    'https://www.gov.cn/zhengce/',
    'https://例子.中国/路径',
  ])('accepts %s', (url) => expect(isSafeExternalUrl(url)).toBe(true));

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\nscript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'ftp://example.org',
    'mailto:a@b.c',
    'chrome://settings',
    'about:blank',
    'https://user:pass@evil.example',
    'https://google.com@evil.example',
    '/relative/path',
    '//example.org',
    'https://',
    'http://',
    'not a url',
    '',
    'https://' + 'a'.repeat(9000) + '.org',
  ])('rejects %j', (url) => expect(isSafeExternalUrl(url)).toBe(false));

  it.each([
    undefined,
    null,
    42,
    {},
    [],
    { toString: () => 'https://example.org' },
    new URL('https://example.org'),
  ])('rejects non-strings (%j)', (value) => expect(isSafeExternalUrl(value)).toBe(false));
});

describe('app URL matcher', () => {
  const prod = createAppUrlMatcher('file:///opt/pizhu/out/renderer/index.html');
  const dev = createAppUrlMatcher('http://localhost:5173/');

  it('accepts the app page itself, with any hash or query', () => {
    expect(prod('file:///opt/pizhu/out/renderer/index.html')).toBe(true);
    expect(prod('file:///opt/pizhu/out/renderer/index.html#/document/1')).toBe(true);
    expect(prod('file:///opt/pizhu/out/renderer/index.html?x=1')).toBe(true);
  });

  it('refuses other local files and everything remote', () => {
    expect(prod('file:///opt/pizhu/out/renderer/other.html')).toBe(false);
    expect(prod('file:///etc/passwd')).toBe(false);
    expect(prod('file:///opt/pizhu/out/renderer/../../../../etc/passwd')).toBe(false);
    expect(prod('https://example.org/index.html')).toBe(false);
    expect(prod('about:blank')).toBe(false);
    expect(prod(undefined)).toBe(false);
    expect(prod('::::')).toBe(false);
  });

  it('in development accepts only the dev server origin', () => {
    expect(dev('http://localhost:5173/')).toBe(true);
    expect(dev('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(dev('http://localhost:5174/')).toBe(false);
    expect(dev('http://127.0.0.1:5173/')).toBe(false);
    expect(dev('https://localhost:5173/')).toBe(false);
    expect(dev('file:///opt/pizhu/out/renderer/index.html')).toBe(false);
  });

  it('decides navigation: app allowed, web links to the OS browser, the rest denied', () => {
    expect(decideNavigation('file:///opt/pizhu/out/renderer/index.html#x', prod)).toBe('allow');
    expect(decideNavigation('https://example.org', prod)).toBe('open-external');
    expect(decideNavigation('file:///etc/passwd', prod)).toBe('deny');
    expect(decideNavigation('javascript:alert(1)', prod)).toBe('deny');
  });
});

type Listener = (...args: unknown[]) => unknown;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    on: (name: string, fn: Listener) => listeners.set(name, fn),
    setWindowOpenHandler: (fn: typeof openHandler) => {
      openHandler = fn;
    },
  };
  const event = (url?: string, isMainFrame?: boolean) => ({ url, isMainFrame, preventDefault: vi.fn() });
  return {
    contents: contents as unknown as WebContents,
    emit: (name: string, ...args: unknown[]) => listeners.get(name)?.(...args),
    has: (name: string) => listeners.has(name),
    open: (url: string) => openHandler?.({ url }),
    event,
  };
}

describe('attachNavigationGuards', () => {
  const appUrl = 'file:///opt/pizhu/out/renderer/index.html';

  function setup() {
    const fake = fakeContents();
    const openExternal = vi.fn();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    attachNavigationGuards(fake.contents, { isAppUrl: createAppUrlMatcher(appUrl), openExternal });
    return { fake, openExternal };
  }

  it('lets the app page load and blocks everything else', () => {
    const { fake, openExternal } = setup();
    const ok = fake.event(appUrl + '#/x');
    fake.emit('will-navigate', ok);
    expect(ok.preventDefault).not.toHaveBeenCalled();

    const bad = fake.event('file:///etc/passwd');
    fake.emit('will-navigate', bad);
    expect(bad.preventDefault).toHaveBeenCalled();
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('opens clicked web links in the OS browser instead of navigating', () => {
    const { fake, openExternal } = setup();
    const link = fake.event('https://www.gov.cn/');
    fake.emit('will-navigate', link);
    expect(link.preventDefault).toHaveBeenCalled();
    expect(openExternal).toHaveBeenCalledWith('https://www.gov.cn/');
  });

  it('reads the URL from the legacy second argument too', () => {
    const { fake } = setup();
    const e = { preventDefault: vi.fn() };
    fake.emit('will-navigate', e, 'file:///etc/passwd');
    expect(e.preventDefault).toHaveBeenCalled();
  });

  it('blocks redirects and subframe navigation away from the app', () => {
    const { fake, openExternal } = setup();
    const redirect = fake.event('https://evil.example/');
    fake.emit('will-redirect', redirect);
    expect(redirect.preventDefault).toHaveBeenCalled();
    const sub = fake.event('https://evil.example/', false);
    fake.emit('will-frame-navigate', sub);
    expect(sub.preventDefault).toHaveBeenCalled();
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('denies every window.open and sends only http(s) to the OS browser', () => {
    const { fake, openExternal } = setup();
    expect(fake.open('https://example.org')).toEqual({ action: 'deny' });
    expect(fake.open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(fake.open(appUrl)).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(openExternal).toHaveBeenCalledWith('https://example.org');
  });

  it('prevents <webview> from attaching', () => {
    const { fake } = setup();
    expect(fake.has('will-attach-webview')).toBe(true);
    const e = fake.event();
    fake.emit('will-attach-webview', e, {}, {});
    expect(e.preventDefault).toHaveBeenCalled();
  });
});

describe('permissions', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'clipboard-sanitized-write',
    'openExternal',
    'fullscreen',
  ])('denies %s requests', (permission) => {
    const callback = vi.fn();
    denyPermissionRequest({}, permission, callback);
    expect(callback).toHaveBeenCalledWith(false);
  });

  it('denies permission checks', () => {
    expect(denyPermissionCheck()).toBe(false);
  });
});

describe('denyAllPermissions', () => {
  it('installs deny-all request, check and device handlers', async () => {
    const { denyAllPermissions } = await import('../../../electron/main/guards');
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    };
    denyAllPermissions(session as never);
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as typeof denyPermissionRequest;
    const callback = vi.fn();
    request({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect((session.setPermissionCheckHandler.mock.calls[0]?.[0] as () => boolean)()).toBe(false);
    expect((session.setDevicePermissionHandler.mock.calls[0]?.[0] as () => boolean)()).toBe(false);
  });
});
