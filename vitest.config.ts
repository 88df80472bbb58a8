import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const alias = {
  '#shared': fileURLToPath(new URL('./shared', import.meta.url)),
  '~~': fileURLToPath(new URL('.', import.meta.url)),
}

/** Unit tests are pure; integration tests start a real built server and real databases. */
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      // Unit tests that convert Word files (mammoth workers, LibreOffice read-back) take seconds on a
      // loaded 2-core machine: 30 s each, not Vitest's 5 s, so CI judges them and not the machine.
      { resolve: { alias }, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/integration/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
