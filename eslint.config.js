// ESLint flat config. Type-aware rules (typescript-eslint) for all TypeScript, using the two
// project tsconfigs: tsconfig.node.json (electron/, shared/, tests/, bench/, *.config.ts) and
// tsconfig.web.json (renderer/). Plain JS files (this one, scripts/*.mjs) are linted without types.
//
// Rules we insist on, and why:
// - consistent-type-imports: a value import of a core module from the renderer (or of the
//   renderer from the core) drags the whole module into the other bundle; `import type` cannot.
// - no-floating-promises: an unawaited API call loses its error, and the user thinks it saved.
// - no-explicit-any: every value crossing the boundary is `unknown` until validated.
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const tsFiles = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];

export default defineConfig(
  {
    ignores: ['out/', 'node_modules/', '.native/', 'dist/', 'coverage/', 'test-results/', '.pizhu-tmp/'],
  },
  js.configs.recommended,
  {
    files: tsFiles,
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.node.json', './tsconfig.web.json', './tsconfig.e2e.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'inline-type-imports', disallowTypeAnnotations: true },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Node side: the core, Electron main/preload, tests, benchmarks, build configs, scripts.
    files: ['electron/**', 'shared/**', 'tests/**', 'bench/**', 'scripts/**', '*.config.*', '.ci/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The renderer runs in a browser (or a sandboxed Electron window): no Node globals.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    extends: [reactHooks.configs.flat['recommended-latest']],
  },
  {
    // Tests assert on mocks (`expect(api.save).toHaveBeenCalled()`) and stub async interfaces
    // with functions that need no await: both rules only produce noise there.
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Plain JavaScript has no tsconfig: keep the syntax rules, drop the type-aware ones.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
  },
);
