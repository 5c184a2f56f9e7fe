// ESLint for the whole repository: Nuxt's flat config with its stylistic rules, set to the code's style
// (no semicolons, single quotes, two spaces, stroustrup braces, trailing commas on multiline literals).
import { createConfigForNuxt } from '@nuxt/eslint-config/flat'

export default createConfigForNuxt({
  features: {
    stylistic: true,
  },
})
  .prepend({
    ignores: ['.output/', '.nuxt/', '.data/', 'node_modules/', 'bench/results/', 'test-results/', 'playwright-report/', 'patches/'],
  })
  .append({
    name: 'plaza/style',
    rules: {
      // A string that holds a single quote is written in double quotes rather than escaped.
      '@stylistic/quotes': ['error', 'single', { avoidEscape: true, allowTemplateLiterals: 'always' }],
      // Keys are quoted only where they must be ('data-testid'), not all keys of that object.
      '@stylistic/quote-props': ['error', 'as-needed'],
      'vue/quote-props': ['error', 'as-needed'],
      // A long type union starts on the line after its `=`, each member after a leading `|`.
      '@stylistic/operator-linebreak': ['error', 'before', { overrides: { '=': 'after' } }],
      // A variable a callback reads, declared before the callback and assigned once after it, stays `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // Templates keep short elements and their attributes on one line, as the components are written.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      // nuxt.config.ts is ordered for a reader (modules, then their options, then Nitro), not alphabetically.
      'nuxt/nuxt-config-keys-order': 'off',
      // Dropping keys from a copied query object is clearer than rebuilding it.
      '@typescript-eslint/no-dynamic-delete': 'off',
      // The text schemas match control characters on purpose, to refuse them.
      'no-control-regex': 'off',
    },
  })
  .append({
    name: 'plaza/tests',
    files: ['tests/**', 'bench/**'],
    rules: {
      // Tests read JSON response bodies of whatever shape the API sent, and assert on them.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  })
