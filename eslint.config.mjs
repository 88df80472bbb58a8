// @nuxt/eslint generates the project-aware config in .nuxt/; this adds Chorus's own rules.
import withNuxt from './.nuxt/eslint.config.mjs'

export default withNuxt({
  ignores: ['bench/results/**', 'test-results/**', 'playwright-report/**'],
}, {
  rules: {
    'vue/multi-word-component-names': 'off',
    '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
  },
})
