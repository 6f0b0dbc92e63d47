import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: [
      'shared/**/*.test.ts',
      'server/**/*.test.ts',
      'client/**/*.test.{ts,tsx}',
      'bench/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 20_000,
    // The hostile-input fuzz test checks that memory returns to its baseline, which needs a real GC.
    execArgv: ['--expose-gc'],
  },
})
