import { describe, expect, it } from 'vitest'
import { parseCreateBoardBody } from './createBoardBody'

describe('parseCreateBoardBody', () => {
  it('accepts an empty object, a trimmed title and a known template', () => {
    expect(parseCreateBoardBody({})).toEqual({ ok: true, value: {} })
    expect(parseCreateBoardBody({ title: '  Returns ', template: 'blank' })).toEqual({
      ok: true,
      value: { title: 'Returns', template: 'blank' },
    })
    expect(parseCreateBoardBody({ title: 'x'.repeat(200) }).ok).toBe(true)
    // A saved template's id passes the shape check; whether it exists is the handler's to say.
    expect(parseCreateBoardBody({ template: 'saved-AAAAAAAAAAAAAAAA' })).toEqual({
      ok: true,
      value: { template: 'saved-AAAAAAAAAAAAAAAA' },
    })
  })

  it.each([
    ['a non-object', [1, 2], /expected an object/],
    ['null', null, /expected an object/],
    ['a blank title', { title: '   ' }, /title/],
    ['a title over 200 characters', { title: 'x'.repeat(201) }, /title/],
    ['a title that is not a string', { title: 42 }, /title/],
    [
      'an unknown template',
      { template: 'kanban' },
      /template: unknown template "kanban" \(expected one of "customer-lifecycle", "saas-onboarding", "ecommerce-purchase", "service-blueprint", "blank" or a saved template.s id/,
    ],
    ['a malformed saved id', { template: 'saved-../../x' }, /template: unknown template "saved-..\/..\/x"/],
    ['a template that is not a string', { template: 7 }, /template: unknown template 7 \(expected one of/],
    ['an unknown field', { title: 'A', colour: 'red' }, /unrecognized key\(s\) "colour"/],
  ])('refuses %s, naming the problem', (_what, body, message) => {
    const parsed = parseCreateBoardBody(body)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.error).toMatch(/^invalid request body: /)
    if (!parsed.ok) expect(parsed.error).toMatch(message)
  })
})
