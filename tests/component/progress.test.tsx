import { fireEvent, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ProgressView } from '../../src-renderer/views/ProgressView'
import { renderWith, setUp } from './render'

describe('the progress view, against the real service', () => {
  it('draws each annotator’s figures and gives them as tables', async () => {
    const { backend, app } = setUp('reviewer')
    // 𠮷 is one code point: the span 1–3 quotes 2月.
    const lines = [
      { id: 'd1', text: '𠮷2月', spans: [{ start: 1, end: 3, label: 'date', annotator: 'alice' }, { start: 1, end: 3, label: 'date', annotator: 'bob' }] },
      { id: 'd2', text: '复工率91.9%', spans: [{ start: 0, end: 8, label: 'metric', annotator: 'bob' }] },
    ]
    const base64 = Buffer.from(lines.map((l) => JSON.stringify(l)).join('\n')).toString('base64')
    expect((await backend.service['import.files']({ files: [{ name: 'team.jsonl', base64 }] })).errors).toEqual([])
    backend.service['documents.setStatus']({ ids: ['d1'], annotator: 'alice', status: 'done' })
    backend.service['documents.setStatus']({ ids: ['d1', 'd2'], annotator: 'bob', status: 'done' })
    renderWith(app, <ProgressView />)

    const status = await screen.findByRole('figure', { name: 'Documents by status (2 documents)' })
    // By hand: alice finished d1 and has nothing in d2; bob finished both.
    expect(within(status).getByRole('img').getAttribute('aria-label')).toBe(
      'Documents by status (2 documents): alice 1 done, 0 in progress, 1 new; bob 2 done, 0 in progress, 0 new',
    )
    fireEvent.click(within(status).getByText('Figures'))
    expect(within(status).getByRole('row', { name: 'bob 2 0 0' })).toBeTruthy()
    const spans = screen.getByRole('figure', { name: 'Spans per label' })
    expect(within(spans).getByRole('img').getAttribute('aria-label')).toContain('metric: alice 0, bob 1')
    // Only d1 is finished by both: one document counted, one left out.
    expect(screen.getByRole('figure', { name: 'Agreement per label on finished documents (1 counted, 1 left out)' })).toBeTruthy()
    expect(screen.getByRole('list', { name: 'Annotators' }).textContent).toBe('alicebob')
  })
})
