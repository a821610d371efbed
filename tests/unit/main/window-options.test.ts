// The window's security settings: any weakening must fail here first.
import { describe, expect, it } from 'vitest';
import { buildWebPreferences, buildWindowOptions } from '../../../electron/main/window-options';

describe('window options', () => {
  const prefs = buildWebPreferences({ preloadPath: '/app/out/preload/index.cjs', isDev: false });

  it('isolates and sandboxes the renderer', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and extras off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
    expect(prefs.spellcheck).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
  });

  it('uses the CommonJS preload it is given', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
  });

  it('allows DevTools only in development', () => {
    expect(prefs.devTools).toBe(false);
    expect(buildWebPreferences({ preloadPath: 'p', isDev: true }).devTools).toBe(true);
  });

  it('starts hidden (shown on ready-to-show) with the same preferences', () => {
    const options = buildWindowOptions({ preloadPath: 'p', isDev: false });
    expect(options.show).toBe(false);
    expect(options.webPreferences).toEqual(buildWebPreferences({ preloadPath: 'p', isDev: false }));
  });
});
