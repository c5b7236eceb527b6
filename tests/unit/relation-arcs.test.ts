import { describe, expect, it } from 'vitest'
import { arcBetween, bowOf } from '../../src-renderer/editor/arcs'

describe('relation arcs', () => {
  it('bow higher for longer links, never above the room between rows', () => {
    // 6 + 100 × 0.08 = 14; 6 + 400 × 0.08 = 38, capped at the 16px between rows.
    expect(bowOf(100, 16)).toBe(14)
    expect(bowOf(-400, 16)).toBe(16)
  })

  it('run from the top middle of one span to the other, their top between the two', () => {
    // Ends: x 10 + 40/2 = 30 and 200 + 20/2 = 210; y 100 + 35 × 0.18 = 106.3 on both; bow min(16, 6 + 180 × 0.08 = 20.4) = 16,
    // so the controls sit at 90.3 and the curve's top at 106.3 − 16 × 0.75 = 94.3.
    const arc = arcBetween({ left: 10, top: 100, height: 35, width: 40 }, { left: 200, top: 100, height: 35, width: 20 }, 16)
    expect(arc.path).toBe('M 30 106.3 C 30 90.3, 210 90.3, 210 106.3')
    expect(arc).toMatchObject({ labelX: 120, labelY: 94.3 })
  })
})
