// Builds what the editor benchmark loads into Chromium: the baseline pages, and the probe as one classic script
// that can run in any page before the page's own code.
import path from 'node:path'
import { build } from 'vite'
import pagesConfig from './vite.config'

export interface BuiltPages {
  /** Holds recogito.html, marks.html and their assets. */
  pagesDir: string
  /** The probe's source, for addInitScript. */
  probeScript: string
}

export async function buildPages(outDir: string): Promise<BuiltPages> {
  const pagesDir = path.join(outDir, 'pages')
  const probeDir = path.join(outDir, 'probe')
  await build({ ...pagesConfig, configFile: false, build: { ...pagesConfig.build, outDir: pagesDir } })
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: probeDir,
      emptyOutDir: true,
      minify: false,
      lib: { entry: path.join(import.meta.dirname, 'browser', 'probe.tsx'), formats: ['iife'], name: 'factspanBenchProbe', fileName: () => 'probe.js' },
    },
  })
  return { pagesDir, probeScript: path.join(probeDir, 'probe.js') }
}
