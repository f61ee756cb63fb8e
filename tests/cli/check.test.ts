import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkReport } from '../../src/cli/check-report.ts'
import { loadContent } from '../../src/content/load.ts'
import { run, workspace } from './helpers.ts'

// The sample's scheduled article goes live on 2027-01-05; count by the clock, not by hand.
const live = () => (Date.now() >= Date.parse('2027-01-05T08:00:00Z') ? 5 : 4)

/** Three broken files in a copy of the sample. */
async function withProblems() {
  const { root, content } = await workspace()
  await writeFile(join(content, 'bad-date.md'), '---\ntitle: Bad\ndate: 2024-02-30\n---\nText.\n')
  await writeFile(join(content, 'no-dateline.txt'), '\nJust a paragraph.\n')
  await writeFile(join(content, 'empty.md'), '')
  return { root, content }
}

describe('dateline check', () => {
  it('exits 0 on the sample and prints the summary with the files and the time taken', async () => {
    const { root } = await workspace()
    const r = await run(['check'], root)
    expect(r.code).toBe(0)
    const n = live()
    expect(r.stdout).toMatch(
      new RegExp(
        `^${n} published, ${5 - n} scheduled, 1 drafts, 0 expired, 0 ignored, 0 problems, 0 warnings; 6 files checked in \\d+(\\.\\d)? m?s\n$`,
      ),
    )
    expect(r.stderr).toBe('')
  })

  it('lists every problem as path:line: message and exits 1', async () => {
    const { root } = await withProblems()
    const r = await run(['check', '--content', 'content'], root)
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('content/bad-date.md:3: "date" is not a date ("2024-02-30")')
    expect(r.stdout).toMatch(/^content\/no-dateline\.txt:2: the first line must be the dateline/m)
    expect(r.stdout).toMatch(/^content\/empty\.md: the file is empty/m)
    expect(r.stdout).toMatch(/ 3 problems, 0 warnings; 9 files checked in [^\n]+\n$/)
  })

  it('reads CONTENT_DIR when --content is not given', async () => {
    const { content } = await workspace()
    const r = await run(['check'], '/', { CONTENT_DIR: content })
    expect(r.code).toBe(0)
  })

  it('names a missing content folder', async () => {
    const r = await run(['check', '--content', 'nowhere'], '/tmp')
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('content folder "nowhere" not found')
  })
})

describe('dateline check --json', () => {
  it('prints only the report as JSON, and exits 1 on any problem', async () => {
    const { root } = await withProblems()
    const r = await run(['check', '--json'], root)
    expect(r.code).toBe(1)
    expect(r.stderr).toBe('')
    const report = JSON.parse(r.stdout)
    expect(Object.keys(report)).toEqual(['problems', 'warnings', 'counts', 'warningKinds', 'files'])
    expect(report.problems).toEqual(
      expect.arrayContaining([
        { file: 'content/bad-date.md', line: 3, message: expect.stringContaining('"date" is not a date') },
        { file: 'content/empty.md', message: expect.stringContaining('the file is empty') },
      ]),
    )
    expect(report.problems).toHaveLength(3)
    const n = live()
    expect(report.counts).toEqual({
      files: 9,
      published: n,
      scheduled: 5 - n,
      drafts: 1,
      expired: 0,
      ignored: 0,
      problems: 3,
      rejected: 3,
      warnings: 0,
    })
    expect(report.warnings).toEqual([])
    // Every file with its outcome, in file order.
    expect(report.files).toHaveLength(9)
    expect(report.files).toContainEqual({ file: 'content/empty.md', outcome: 'problem', warnings: [] })
    expect(report.files.filter((f: { outcome: string }) => f.outcome === 'draft')).toEqual([
      expect.objectContaining({ reason: 'draft: true' }),
    ])
  })

  it('exits 0 on clean content and carries the warnings that text mode prints to stderr', async () => {
    const { root, content } = await workspace()
    const { rm } = await import('node:fs/promises')
    await rm(join(content, 'site.yaml'))
    const r = await run(['check', '--json'], root)
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    const report = JSON.parse(r.stdout)
    expect(report.problems).toEqual([])
    expect(report.warnings).toEqual([{ message: expect.stringContaining('site.yaml not found') }])
    const text = await run(['check'], root)
    expect(text.stderr).toContain(`[dateline] warning: ${report.warnings[0].message}`)
  })
})

describe('checkReport', () => {
  it('puts site.yaml problems first, leaves out unknown lines, and counts as of the given time', async () => {
    const { content } = await withProblems()
    await writeFile(join(content, 'site.yaml'), 'items: many\n')
    const result = await loadContent(content)
    const report = checkReport(result, Date.parse('2030-01-01T00:00:00Z'))
    expect(report.problems[0].file).toMatch(/site\.yaml$/)
    expect(report.problems[0]).toHaveProperty('line')
    const empty = report.problems.find((p) => p.file.endsWith('empty.md'))
    expect(empty && Object.keys(empty)).toEqual(['file', 'message'])
    expect(report.counts).toMatchObject({ files: 9, published: 5, scheduled: 0, drafts: 1, problems: 4 })
  })
})
