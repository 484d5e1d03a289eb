import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'dist-cli/', 'coverage/', 'node_modules/', 'test-output/', '**/*.as.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The analysis core and the file formats are pure: no DOM, no RxJS, no I/O.
    files: ['src/core/**/*.ts', 'src/formats/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['fs', 'path', 'os', 'child_process'].map((name) => ({
            name,
            message: 'core and formats are pure: no I/O.',
          })),
          patterns: [
            { group: ['rxjs', 'rxjs/*'], message: 'core and formats are pure: no RxJS.' },
            { group: ['chart.js', 'chart.js/*'], message: 'core and formats are pure: no UI.' },
            { group: ['node:*'], message: 'core and formats are pure: no I/O.' },
            {
              group: ['**/sensors/**', '**/session/**', '**/storage/**', '**/ui/**', '**/cli/**'],
              message: 'core and formats import nothing from the other folders.',
            },
          ],
        },
      ],
    },
  },
);
