import { describe, expect, it } from 'vitest'
import { DEFAULT_RULES } from '../../src/content/rules.ts'
import { DEFAULT_MAX_FILE_SIZE, parseSiteConfig, RECOMMENDED_KEYS } from '../../src/content/site-yaml.ts'

const parse = (yaml: string | undefined) => parseSiteConfig(yaml, 'content/site.yaml')

describe('parseSiteConfig', () => {
  it('uses defaults and warns, naming the recommended keys, when site.yaml is missing', () => {
    const { config, problems, warnings } = parse(undefined)
    expect(problems).toEqual([])
    expect(config).toEqual({
      site: {
        title: 'dateline',
        description: 'The latest articles from dateline',
        language: 'en',
        author: { name: 'dateline' },
        timezone: 'UTC',
        items: 20,
      },
      maxFileSize: 2 * 1024 * 1024,
      rules: DEFAULT_RULES,
    })
    expect(DEFAULT_MAX_FILE_SIZE).toBe(2 * 1024 * 1024)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('content/site.yaml')
    expect(RECOMMENDED_KEYS).toEqual(['title', 'description', 'language', 'author'])
    for (const key of RECOMMENDED_KEYS) expect(warnings[0]).toContain(key)
  })

  it('uses defaults without a warning for an empty file', () => {
    const { config, problems, warnings } = parse('# nothing yet\n')
    expect(problems).toEqual([])
    expect(warnings).toEqual([])
    expect(config.site.title).toBe('dateline')
  })

  it('takes the default for a key written without a value', () => {
    const r = parse('title: Paper\ndescription:\nlanguage:\n')
    expect(r.problems).toEqual([])
    expect(r.config.site.description).toBe('The latest articles from Paper')
    expect(r.config.site.language).toBe('en')
  })

  it('reads the cache lifetimes and the WebSub hub', () => {
    const r = parse('hub: https://hub.example.com/\ncache:\n  max_age: 300\n  stale_if_error: 0\n')
    expect(r.problems).toEqual([])
    expect(r.config.site.hub).toBe('https://hub.example.com/')
    expect(r.config.site.cache).toEqual({ maxAge: 300, staleIfError: 0 })
  })

  it('reports a bad cache lifetime and a bad hub on their own lines', () => {
    const r = parse('hub: not a url\ncache:\n  max_age: 10 minutes\n  page_max_age: -1\n  ttl: 5\n')
    expect(r.problems.map((p) => [p.line, p.message])).toEqual([
      [1, 'hub: must be the http(s) URL of a WebSub hub'],
      [3, 'cache.max_age: must be a whole number of seconds from 0 to 31536000 (a year)'],
      [4, 'cache.page_max_age: must be a whole number of seconds from 0 to 31536000 (a year)'],
      [
        5,
        'unknown key "cache.ttl"; the keys are max_age, s_maxage, stale_while_revalidate, stale_if_error, page_max_age',
      ],
    ])
  })

  it('reads every key', () => {
    const { config, problems } = parse(
      [
        'title: Harbour News',
        'description: News from the harbour',
        'language: pt-br',
        'author:',
        '  name: Desk',
        '  email: desk@example.com',
        '  url: https://example.com/desk',
        'timezone: Europe/Paris',
        'copyright: © 2024 Harbour',
        'items: 50',
        'image: /logo.png',
        'max_file_size: 512KB',
      ].join('\n'),
    )
    expect(problems).toEqual([])
    expect(config).toEqual({
      site: {
        title: 'Harbour News',
        description: 'News from the harbour',
        language: 'pt-BR',
        author: { name: 'Desk', email: 'desk@example.com', url: 'https://example.com/desk' },
        timezone: 'Europe/Paris',
        copyright: '© 2024 Harbour',
        items: 50,
        image: '/logo.png',
      },
      maxFileSize: 512 * 1024,
      rules: DEFAULT_RULES,
    })
  })

  it('takes the site title as author and in the description when they are missing', () => {
    const { config } = parse('title: Harbour News\n')
    expect(config.site.author).toEqual({ name: 'Harbour News' })
    expect(config.site.description).toBe('The latest articles from Harbour News')
  })

  it('reads an author written as a name, and a number as text', () => {
    expect(parse('author: Jo Bloggs\n').config.site.author).toEqual({ name: 'Jo Bloggs' })
    expect(parse('title: 1984\n').config.site.title).toBe('1984')
  })

  it.each([
    ['2MB', 2 * 1024 * 1024],
    ['1.5 mb', 1.5 * 1024 * 1024],
    ['100kb', 100 * 1024],
    ['1000', 1000],
    ['1000 b', 1000],
  ])('reads max_file_size %j', (value, bytes) => {
    const { config, problems } = parse(`max_file_size: ${value}\n`)
    expect(problems).toEqual([])
    expect(config.maxFileSize).toBe(bytes)
  })

  it.each(['0', 'huge', '-5', '2GB'])('rejects max_file_size %j', (value) => {
    const { problems } = parse(`title: T\nmax_file_size: ${value}\n`)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ file: 'content/site.yaml', line: 2 })
    expect(problems[0].message).toMatch(/^max_file_size: must be a size/)
  })

  it.each([
    ['items: 0', 'items'],
    ['items: 2.5', 'items'],
    ['items: 1001', 'items'],
    ['items: many', 'items'],
    ['language: "not a tag!!"', 'language'],
    ['timezone: Mars/Base', 'timezone'],
    ['title: ""', 'title'],
  ])('reports %j with its key and line', (line, key) => {
    const { problems } = parse(`description: D\n\n${line}\n`)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ file: 'content/site.yaml', line: 3 })
    expect(problems[0].message.startsWith(`${key}: `)).toBe(true)
  })

  it('reports every mistake at once, each with its key and line', () => {
    const yaml = [
      'title: Harbour News', // 1
      'items: 0', // 2
      'language: "not a tag!!"', // 3
      'timezone: Mars/Base', // 4
      'colour: blue', // 5
      'author:', // 6
      '  name: Desk', // 7
      '  email: not-an-email', // 8
    ].join('\n')
    const { problems } = parse(yaml)
    const byLine = Object.fromEntries(problems.map((p) => [p.line, p.message]))
    expect(problems).toHaveLength(5)
    expect(byLine[2]).toMatch(/^items: must be a whole number between 1 and 1000/)
    expect(byLine[3]).toMatch(/^language: must be a BCP 47 language tag/)
    expect(byLine[4]).toMatch(/^timezone: must be an IANA time zone/)
    expect(byLine[5]).toMatch(/unknown key "colour"/)
    expect(byLine[5]).toMatch(/the keys are title, description/)
    expect(byLine[8]).toMatch(/^author\.email: must be an e-mail address/)
    expect(problems.every((p) => p.file === 'content/site.yaml')).toBe(true)
  })

  it('lists the problems in file order', () => {
    const { problems } = parse(
      'items: 0\ntimezone: Mars/Base\nlanguage: "!!"\ncolour: red\nitems_per_page: 3\n',
    )
    expect(problems.map((p) => p.line)).toEqual([1, 2, 3, 4, 5])
  })

  it('reports each unknown key on its own line', () => {
    const { problems } = parse('title: T\nsubtitle: S\nitems: 5\nfeed_size: 3\n')
    expect(problems.map((p) => [p.line, p.message.match(/"(\w+)"/)?.[1]])).toEqual([
      [2, 'subtitle'],
      [4, 'feed_size'],
    ])
  })

  it('reports a bad author url', () => {
    const { problems } = parse('author:\n  name: A\n  url: ftp://example.com\n')
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ line: 3 })
    expect(problems[0].message).toMatch(/^author\.url: must be an http\(s\) URL/)
  })

  it('refuses a value YAML would read as other than written (an unknown tag), with its line', () => {
    const { problems, config } = parse('description: D\ntitle: !important Riverside\n')
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ line: 2 })
    expect(problems[0].message).toMatch(/^YAML: .*!important/)
    expect(config.site.title).toBe('dateline')
  })

  it('reports YAML syntax errors with their line', () => {
    const { problems, config } = parse('title: T\nitems: [1,\n')
    expect(problems.length).toBeGreaterThan(0)
    expect(problems[0].message).toMatch(/^YAML: /)
    expect(problems[0].line).toBeGreaterThanOrEqual(2)
    expect(config.site.title).toBe('dateline')
  })

  it('reports a file that is not a mapping', () => {
    const { problems } = parse('- title\n- items\n')
    expect(problems).toHaveLength(1)
    expect(problems[0].message).toMatch(/^site\.yaml: /)
  })
})
