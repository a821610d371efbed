/**
 * A registered view loaded on first use: its code (and what only it needs, e.g. echarts for the
 * analysis view) is a chunk of its own, so opening the library or a document parses and compiles
 * only what those need. The app shell renders views inside a `Suspense` boundary.
 */
import { lazy, type ComponentType } from 'react';
import type { ViewProps } from './view-props';

export function lazyView(load: () => Promise<ComponentType<ViewProps>>): ComponentType<ViewProps> {
  return lazy(async () => ({ default: await load() }));
}
