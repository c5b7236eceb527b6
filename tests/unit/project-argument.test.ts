import { describe, expect, it } from 'vitest'
import { projectArgument } from '../../src-main/service/projectArgument'

describe('the project a second desktop instance hands to the first', () => {
  it('is the .factspan file its command line names, resolved where it was run', () => {
    expect(projectArgument(['/opt/electron/electron', '/work/factspan', 'reports.factspan'], '/home/ann/data')).toBe('/home/ann/data/reports.factspan')
    expect(projectArgument(['/usr/bin/factspan-app', '--no-sandbox', '/srv/項目/𠮷野家.factspan'], '/tmp')).toBe('/srv/項目/𠮷野家.factspan')
  })

  it('is none when the command line names no project', () => {
    expect(projectArgument(['/opt/electron/electron', '/work/factspan'], '/home/ann')).toBeNull()
    expect(projectArgument(['/opt/electron/electron', '.', '--user-data-dir=/tmp/x.factspan'], '/home/ann')).toBeNull()
  })
})
