import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultSettingsFile } from '../../src-main/service/settings'

describe('where the settings live', () => {
  const fallback = path.join(os.homedir(), '.config', 'factspan', 'settings.json')

  it('is $FACTSPAN_HOME, else $XDG_CONFIG_HOME/factspan, else ~/.config/factspan', () => {
    expect(defaultSettingsFile({ FACTSPAN_HOME: '/srv/fs', XDG_CONFIG_HOME: '/x' })).toBe('/srv/fs/settings.json')
    expect(defaultSettingsFile({ XDG_CONFIG_HOME: '/x' })).toBe('/x/factspan/settings.json')
    expect(defaultSettingsFile({})).toBe(fallback)
  })

  it('ignores an empty or relative $XDG_CONFIG_HOME and an empty $FACTSPAN_HOME, as a newcomer may set them', () => {
    // `XDG_CONFIG_HOME= npm start` once kept the sample project in ./factspan, beside where it was started.
    expect(defaultSettingsFile({ XDG_CONFIG_HOME: '' })).toBe(fallback)
    expect(defaultSettingsFile({ XDG_CONFIG_HOME: 'relative/config' })).toBe(fallback)
    expect(defaultSettingsFile({ FACTSPAN_HOME: '', XDG_CONFIG_HOME: '' })).toBe(fallback)
  })
})
