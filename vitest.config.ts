import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    testTimeout: 30_000,
    projects: [
      // Node: the store, formats, service, CLI, and the pure modules of the renderer.
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      // A DOM without layout (jsdom): the views and dialogs against the real service through an in-process transport.
      { plugins: [react()], test: { name: 'component', include: ['tests/component/**/*.test.tsx'], environment: 'jsdom', testTimeout: 30_000 } },
    ],
  },
})
