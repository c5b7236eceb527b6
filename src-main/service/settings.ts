import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { z } from 'zod'

// Per user, not per project: who is annotating on this machine and which projects they opened.
const Settings = z.object({
  annotator: z.string().optional(),
  recentProjects: z.array(z.string()).default([]),
})
export type Settings = z.infer<typeof Settings>

const MAX_RECENT = 10

export class SettingsFile {
  private settings: Settings

  constructor(readonly file: string) {
    this.settings = readSettings(file)
  }

  get annotator(): string {
    return this.settings.annotator ?? defaultAnnotator()
  }

  get annotatorConfirmed(): boolean {
    return this.settings.annotator !== undefined
  }

  get recentProjects(): string[] {
    return this.settings.recentProjects
  }

  get lastProject(): string | undefined {
    return this.settings.recentProjects[0]
  }

  setAnnotator(name: string): void {
    this.update({ annotator: name })
  }

  rememberProject(projectPath: string): void {
    const absolute = path.resolve(projectPath)
    this.update({ recentProjects: [absolute, ...this.recentProjects.filter((p) => p !== absolute)].slice(0, MAX_RECENT) })
  }

  private update(change: Partial<Settings>): void {
    this.settings = { ...this.settings, ...change }
    fs.mkdirSync(path.dirname(this.file), { recursive: true })
    // Write then rename, so a crash mid-write never leaves a truncated settings file.
    const temporary = `${this.file}.${process.pid}.tmp`
    fs.writeFileSync(temporary, JSON.stringify(this.settings, null, 2))
    fs.renameSync(temporary, this.file)
  }
}

function readSettings(file: string): Settings {
  let raw: string
  try {
    raw = fs.readFileSync(file, 'utf8')
  } catch {
    return Settings.parse({})
  }
  const parsed = Settings.safeParse(safeJson(raw))
  // A damaged settings file costs the user their recent list, never a start-up.
  return parsed.success ? parsed.data : Settings.parse({})
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw)
  } catch {
    return undefined
  }
}

export function defaultAnnotator(): string {
  try {
    return os.userInfo().username || 'annotator'
  } catch {
    return 'annotator'
  }
}

/**
 * Where browser mode and the CLI keep settings: $FACTSPAN_HOME, else the XDG config folder. As the XDG spec says, an
 * empty or relative $XDG_CONFIG_HOME is ignored: `XDG_CONFIG_HOME= npm start` would otherwise keep settings and the
 * sample project in ./factspan, beside wherever it was started.
 */
export function defaultSettingsFile(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(os.homedir(), '.config')
  const home = env.FACTSPAN_HOME || path.join(xdg, 'factspan')
  return path.join(home, 'settings.json')
}
