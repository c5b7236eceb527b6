// Builds the two baseline pages (bench/editor/browser/*.html) for the editor benchmark; buildPages.ts sets outDir.
import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const browser = resolve(import.meta.dirname, 'browser')

export default defineConfig({
  root: browser,
  base: '/',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    emptyOutDir: true,
    rollupOptions: { input: { recogito: resolve(browser, 'recogito.html'), marks: resolve(browser, 'marks.html') } },
  },
})
