import path from 'node:path'
import { type Command, InvalidArgumentError } from 'commander'
import { startHttpBridge } from '../../bridge/http'
import { createService } from '../../service'
import { appPaths } from '../../service/paths'
import { openLastOrSample } from '../../service/sample'
import { defaultSettingsFile } from '../../service/settings'
import { dbOption } from '../common'

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the app on 127.0.0.1 for a browser; prints the address with its access token')
    .addOption(dbOption())
    .option('--port <n>', 'port (0: any free one)', parsePort, 0)
    .option('--open-last', 'open the last project used (or the sample project) instead of --db; used by npm start')
    .action(async (opts: { db: string; port: number; openLast?: boolean }) => {
      const { service, workspace } = createService({ settingsFile: defaultSettingsFile() })
      if (opts.openLast) openLastOrSample(workspace, path.join(path.dirname(defaultSettingsFile()), 'sample.factspan'), appPaths.corpus)
      else workspace.open(opts.db, true)
      const bridge = await startHttpBridge({ service, workspace, staticDir: appPaths.renderer, port: opts.port })
      console.log(`Factspan is serving ${workspace.path} at ${bridge.url}`)
      const stop = () => void bridge.close().then(() => (workspace.close(), process.exit(0)))
      process.on('SIGINT', stop)
      process.on('SIGTERM', stop)
    })
}

function parsePort(value: string): number {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('a port is a whole number from 0 to 65535')
  return port
}
