/// <reference lib="dom" />
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import react from '@vitejs/plugin-react'
import { build } from 'vite'
import { startHttpBridge, type HttpBridge } from '../../src-main/bridge/http'
import { createService } from '../../src-main/service'
import { importFiles } from '../../src-main/service/import'
import type { Workspace } from '../../src-main/service/workspace'
import type { AgreementReport } from '../../src-main/shared/agreementReport'
import { expect, ROOT, test } from './fixtures'

// Three annotators on two documents, 𠮷 first: alice and bob agree but for one boundary, carol differs more.
const DOCUMENTS = [
  { id: 'yoshinoya', text: '𠮷野家2月25日复工率91.9%' },
  { id: 'binjiang', text: '杭州高新区(滨江)防疫惠企28条' },
]
const LAYERS: Record<string, Record<string, Array<[number, number, string]>>> = {
  alice: { yoshinoya: [[0, 3, 'organization'], [3, 8, 'date'], [8, 16, 'metric']], binjiang: [[0, 5, 'organization'], [9, 16, 'measure']] },
  bob: { yoshinoya: [[0, 3, 'organization'], [3, 8, 'date'], [8, 15, 'metric']], binjiang: [[0, 9, 'organization'], [9, 16, 'measure']] },
  carol: { yoshinoya: [[0, 3, 'organization'], [3, 8, 'metric']], binjiang: [[9, 16, 'measure'], [13, 15, 'metric']] },
}
const SHOTS = '/tmp/shots'

let dir: string
let workspace: Workspace
let bridge: HttpBridge
let report: AgreementReport

test.beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factspan-e2e-agreement-'))
  const harness = path.join(dir, 'harness')
  await build({
    root: path.join(ROOT, 'tests/e2e/agreement-harness'),
    plugins: [react()],
    logLevel: 'warn',
    build: { outDir: harness, emptyOutDir: true },
  })
  const created = createService({ settingsFile: path.join(dir, 'settings.json'), projectPath: path.join(dir, 'review.factspan'), createProject: true })
  workspace = created.workspace
  const lines = DOCUMENTS.map((doc) =>
    JSON.stringify({
      id: doc.id,
      text: doc.text,
      spans: Object.entries(LAYERS).flatMap(([annotator, layer]) => (layer[doc.id] ?? []).map(([start, end, label]) => ({ start, end, label, annotator }))),
    }),
  )
  const imported = importFiles(workspace.database(), [{ name: 'layers.jsonl', bytes: new TextEncoder().encode(lines.join('\n')) }], { annotator: 'alice' })
  expect(imported.errors).toEqual([])
  // Agreement counts what every annotator finished: all three finished both documents.
  for (const annotator of Object.keys(LAYERS)) created.service['documents.setStatus']({ ids: DOCUMENTS.map((d) => d.id), annotator, status: 'done' })
  report = created.service['review.agreement']({})
  bridge = await startHttpBridge({ service: created.service, workspace, staticDir: harness })
  fs.mkdirSync(SHOTS, { recursive: true })
})

test.afterAll(async () => {
  await bridge?.close()
  workspace?.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const format = (value: number | null) => (value === null ? '—' : value.toFixed(3))

test('shows the measures of every pair and of the group, as the service computes them', async ({ page }) => {
  await page.goto(bridge.url)
  const panel = page.getByRole('region', { name: 'Agreement' })
  await expect(panel.getByText('alice, bob, carol over 2 documents (32 characters).')).toBeVisible()
  const table = panel.getByRole('table', { name: 'Agreement on all labels' })
  const rows = table.getByRole('row')
  await expect(rows).toHaveCount(5)
  await expect(rows.nth(0)).toHaveText(['Annotators', 'Spans', 'F1 exact', 'F1 overlap', 'κ', 'αU'].join(''))
  const [aliceBob] = report.pairs
  await expect(table.getByRole('row', { name: /^alice × bob/ }).getByRole('cell')).toHaveText([
    '5 / 5',
    format(aliceBob.overall.exactF1.f1),
    format(aliceBob.overall.overlapF1.f1),
    format(aliceBob.overall.cohenKappa),
    format(aliceBob.overall.unitizedAlpha),
  ])
  const group = report.group.overall
  await expect(table.getByRole('row', { name: /^All 3/ }).getByRole('cell')).toHaveText(['14', format(group.exactF1), format(group.overlapF1), format(group.fleissKappa), format(group.unitizedAlpha)])

  await page.screenshot({ path: path.join(SHOTS, 'agreement-panel.png'), fullPage: true })
})

test('fits a narrow side panel: the tables wrap or scroll inside it, nothing spills over', async ({ page }) => {
  await page.setViewportSize({ width: 420, height: 900 })
  await page.goto(bridge.url)
  const panel = page.getByRole('region', { name: 'Agreement' })
  await expect(panel.getByRole('table', { name: 'date: κ' })).toBeVisible()
  expect(await panel.evaluate((section) => section.scrollWidth <= section.clientWidth)).toBe(true)
  await page.screenshot({ path: path.join(SHOTS, 'agreement-panel-narrow.png'), fullPage: true })
})

test('switches label and heatmap measure with the keyboard alone', async ({ page }) => {
  await page.goto(bridge.url)
  const panel = page.getByRole('region', { name: 'Agreement' })
  await expect(panel.getByRole('table', { name: 'Agreement on all labels' })).toBeVisible()

  await page.keyboard.press('Tab') // Measure again
  await page.keyboard.press('Tab')
  await expect(panel.getByRole('checkbox', { name: 'Count every document, finished or not' })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(panel.getByRole('combobox', { name: 'Label' })).toBeFocused()
  await page.keyboard.press('ArrowDown') // metric
  await page.keyboard.press('ArrowDown') // measure
  const measure = panel.getByRole('table', { name: 'Agreement on measure' })
  await expect(measure).toBeVisible()
  // Everyone tagged 防疫惠企28条 as a measure, exactly.
  await expect(measure.getByRole('row', { name: /^All 3/ }).getByRole('cell')).toHaveText(['3', '1.000', '1.000', /^\d\.\d{3}$/, '1.000'])

  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter') // F1 overlap
  await expect(panel.getByRole('button', { name: 'F1 overlap' })).toHaveAttribute('aria-pressed', 'true')
  await expect(panel.getByRole('button', { name: 'κ' })).toHaveAttribute('aria-pressed', 'false')
  await expect(panel.getByRole('table', { name: 'date: F1 overlap' })).toBeVisible()
  await page.screenshot({ path: path.join(SHOTS, 'agreement-panel-keyboard.png'), fullPage: true })
})

test('draws one annotator × annotator heatmap per label, every cell with its value as text, darker for closer agreement', async ({ page }) => {
  await page.goto(bridge.url)
  const panel = page.getByRole('region', { name: 'Agreement' })
  const organization = panel.getByRole('table', { name: 'organization: κ' })
  await expect(organization).toBeVisible()
  await expect(panel.getByRole('table', { name: /: κ$/ })).toHaveCount(1 + report.labels.length)

  const aliceRow = organization.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'alice', exact: true }) }).getByRole('cell')
  const kappa = (a: number, b: number) => format(report.pairs.find((p) => p.annotators[0] === ['alice', 'bob', 'carol'][a] && p.annotators[1] === ['alice', 'bob', 'carol'][b])!.labels.organization.cohenKappa)
  await expect(aliceRow).toHaveText([/same annotator/, kappa(0, 1), kappa(0, 2)])
  const lightness = (cell: number) =>
    aliceRow.nth(cell).evaluate((td) => {
      const [r, g, b] = getComputedStyle(td).backgroundColor.match(/\d+/g)!.map(Number)
      return r + g + b
    })
  // Alice and bob share 𠮷野家 and overlap on 杭州高新区; carol tagged only 𠮷野家.
  expect(Number(kappa(0, 1))).toBeGreaterThan(Number(kappa(0, 2)))
  expect(await lightness(1)).toBeLessThan(await lightness(2))
})

test('compares only the annotators it is given, and says why it cannot measure an unknown one', async ({ page }) => {
  await page.goto(`${bridge.url}&annotators=carol,alice`)
  const panel = page.getByRole('region', { name: 'Agreement' })
  const table = panel.getByRole('table', { name: 'Agreement on all labels' })
  await expect(table.getByRole('row')).toHaveCount(3)
  await expect(table.getByRole('rowheader')).toHaveText(['carol × alice', 'All 2'])

  await page.goto(`${bridge.url}&annotators=alice,dora`)
  await expect(page.getByRole('alert')).toHaveText(/Could not measure agreement: no spans by "dora" in this project/)
})
