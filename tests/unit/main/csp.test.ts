// The production CSP header: strict, and applied only to the app's own files.
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  CSP_DIRECTIVES,
  isAppResource,
  withCspHeader,
} from '../../../electron/main/csp';

const directive = (name: string) => CSP_DIRECTIVES.find(([d]) => d === name)?.[1];

describe('content security policy', () => {
  it('denies by default and allows scripts only from the app itself', () => {
    expect(directive('default-src')).toBe("'none'");
    expect(directive('script-src')).toBe("'self'");
    expect(directive('object-src')).toBe("'none'");
    expect(directive('base-uri')).toBe("'none'");
    expect(directive('frame-ancestors')).toBe("'none'");
  });

  it('never allows eval, inline scripts or remote hosts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*|https?:/);
    expect(directive('script-src')).not.toMatch(/unsafe-inline/);
  });

  it('replaces any existing CSP header, whatever its case, and keeps the rest', () => {
    const headers = withCspHeader({
      'content-security-policy': ['default-src *'],
      'Content-Type': 'text/html',
    });
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['Content-Type']).toEqual(['text/html']);
    expect(withCspHeader(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('applies to files inside the renderer folder only', () => {
    const app = 'file:///opt/pizhu/out/renderer/index.html';
    expect(isAppResource(app, app)).toBe(true);
    expect(isAppResource('file:///opt/pizhu/out/renderer/assets/worker-1.js', app)).toBe(true);
    expect(isAppResource('file:///opt/pizhu/out/main/index.js', app)).toBe(false);
    expect(isAppResource('https://example.org/', app)).toBe(false);
    expect(isAppResource('not a url', app)).toBe(false);
  });
});
