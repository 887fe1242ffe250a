import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

export default tseslint.config(
  {
    ignores: [
      'build/**',
      'public/build/**',
      'prisma/generated/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.cache/**',
      'data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Code reads configuration through app/utils/env.server.ts only.
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Gebruik env uit ~/utils/env.server' },
      ],
    },
  },
  {
    files: [
      'app/utils/env.server.ts',
      'app/server.ts',
      'prisma/**',
      'e2e/**',
      '**/*.test.ts',
      'remix.config.js',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
)
