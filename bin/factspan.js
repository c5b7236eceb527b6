#!/usr/bin/env node
// The factspan command: the CLI's TypeScript, run on the same service code the desktop app uses.
import { register } from 'tsx/esm/api'

register()
await import('../src-main/cli/main.ts')
