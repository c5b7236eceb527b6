import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

// Our folders differ from electron-vite's defaults (src/main, src/preload, src/renderer), so every entry is named.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The model's training thread is an entry of its own, so the worker never loads the Electron main process.
      rollupOptions: { input: { index: resolve('src-main/index.ts'), modelWorker: resolve('src-main/service/modelWorker.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('src-main/preload.ts') },
        // A sandboxed preload must be CommonJS; in a "type": "module" package electron-vite would emit .mjs.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src-renderer'),
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: { index: resolve('src-renderer/index.html') } },
    },
  },
})
