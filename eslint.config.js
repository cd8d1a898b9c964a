// Flat ESLint config: typescript-eslint's recommended rules on all source, generated and
// third-party folders ignored. Type-aware rules are left out to keep `npm run lint` fast.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'server/node_modules/**', 'demo-output/**', 'test-results/**', 'stats.html', 'scripts/zz-*', 'scripts/_*', '**/*.tmp.ts', '.eval/**'],
  },
  tseslint.configs.recommended,
  {
    rules: {
      // `_unused` names document deliberately ignored parameters.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
);
