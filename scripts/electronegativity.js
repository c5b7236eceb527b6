#!/usr/bin/env node
// npm test's Electron security check: @doyensec/electronegativity over the sources, failing on any finding of
// medium severity or higher. The tool itself exits 0 whatever it finds, so its findings are read here.
// Offline: the one check that downloads Electron's release list is left out, and the Electron version is ours.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const run = require('@doyensec/electronegativity/dist/runner.js')
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version
// Built bundles repeat the sources, and electronegativity's parser cannot read every construct of a minified bundle.
const SKIPPED = /^(out|build|node_modules|test-results|playwright-report|bench\/results)\//
const FAILING = new Set(['MEDIUM', 'HIGH', 'CRITICAL'])

// The tool fetches updated translations first, and says so on stdout when it cannot: that is no finding.
const log = console.log
console.log = (...args) => {
  if (!String(args[0]).startsWith('Could not retrieve updated translations')) log(...args)
}
const result = await run({
  input: root,
  isRelative: true,
  electronVersionOverride: electronVersion,
  excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
})
console.log = log

const findings = result.issues.filter((issue) => !SKIPPED.test(issue.file))
const failing = findings.filter((issue) => FAILING.has(issue.severity.name))
const parseErrors = result.errors.filter((error) => !error.tolerable && !SKIPPED.test(path.relative(root, error.file)))
for (const issue of findings) {
  const where = issue.file === 'N/A' ? 'the whole app' : `${issue.file}:${issue.location.line}`
  console.log(`${issue.severity.name.padEnd(13)} ${issue.id} at ${where}: ${issue.description}`)
}
for (const error of parseErrors) console.log(`cannot read ${path.relative(root, error.file)}: ${error.message}`)
console.log(`electronegativity ${result.atomicChecks + result.globalChecks} checks on Electron ${electronVersion}: ${findings.length} findings, ${failing.length} of medium severity or higher`)
if (failing.length > 0 || parseErrors.length > 0) process.exitCode = 1
