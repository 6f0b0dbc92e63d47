import { beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_PERSONA_ID, type PersonaId } from '../../../shared/src/board/ids'
import { readPersonas } from '../../../shared/src/board/schema'
import { resetUi } from '../state/ui'
import { PIN_GAP, PIN_STEP } from './personaCommands'
import { type CommandContext, runCommand } from './registry'
import { testContext } from './testContext'

let ctx: CommandContext
beforeEach(() => {
  resetUi()
  ctx = testContext()
})

const names = () => readPersonas(ctx.doc).map((p) => p.name)
const persona = (id: PersonaId) => readPersonas(ctx.doc).find((p) => p.id === id)!
function add(name: string): PersonaId {
  runCommand('persona.add', ctx, { title: name })
  return readPersonas(ctx.doc).at(-1)!.id
}

describe('persona commands', () => {
  it('add personas at the end of the list, each one undoable', () => {
    add('Ana')
    add('Ben')
    expect(names()).toEqual(['Customer', 'Ana', 'Ben'])
    ctx.history?.undo()
    expect(names()).toEqual(['Customer', 'Ana'])
    ctx.history?.undo()
    expect(names()).toEqual(['Customer'])
  })

  it('change name, role, initials and color', () => {
    const ana = add('Ana')
    runCommand('persona.update', ctx, {
      persona: ana,
      personaPatch: { name: 'Ana Lima', role: 'Buyer', initials: 'AL', color: 'teal' },
    })
    expect(persona(ana)).toMatchObject({ name: 'Ana Lima', role: 'Buyer', initials: 'AL', color: 'teal' })
  })

  it('refuse a photo that cannot be stored and take one that can', () => {
    const ana = add('Ana')
    const huge = `data:image/jpeg;base64,${'A'.repeat(70_000)}`
    expect(runCommand('persona.update', ctx, { persona: ana, personaPatch: { photo: huge } })).toBe(false)
    expect(persona(ana).photo).toBeUndefined()
    const small = 'data:image/jpeg;base64,AAAA'
    expect(runCommand('persona.update', ctx, { persona: ana, personaPatch: { photo: small } })).toBe(true)
    expect(persona(ana).photo).toBe(small)
  })

  it('type into goals as a minimal splice', () => {
    const ana = add('Ana')
    runCommand('persona.setText', ctx, { persona: ana, personaText: 'goals', text: 'Pay less' })
    runCommand('persona.setText', ctx, { persona: ana, personaText: 'goals', text: 'Pay much less' })
    expect(persona(ana).goals).toBe('Pay much less')
    expect(persona(ana).needs).toBe('')
  })

  it('move a persona up and down, and not past either end', () => {
    const ana = add('Ana')
    const ben = add('Ben')
    expect(runCommand('persona.move', ctx, { persona: ben, step: -1 })).toBe(true)
    expect(names()).toEqual(['Customer', 'Ben', 'Ana'])
    expect(runCommand('persona.move', ctx, { persona: ana, step: 1 })).toBe(false)
    runCommand('persona.move', ctx, { persona: DEFAULT_PERSONA_ID, step: 1 })
    expect(names()).toEqual(['Ben', 'Customer', 'Ana'])
    expect(runCommand('persona.move', ctx, { persona: ben, step: -1 })).toBe(false)
  })

  it('remove any persona but the default one', () => {
    const ana = add('Ana')
    expect(runCommand('persona.remove', ctx, { persona: DEFAULT_PERSONA_ID })).toBe(false)
    expect(runCommand('persona.remove', ctx, { persona: ana })).toBe(true)
    expect(names()).toEqual(['Customer'])
  })

  it('pin cards beside the grid, one under the other', () => {
    const ana = add('Ana')
    const width = ctx.getLayout().width
    runCommand('persona.pin', ctx, { persona: DEFAULT_PERSONA_ID, on: true })
    runCommand('persona.pin', ctx, { persona: ana, on: true })
    expect(persona(DEFAULT_PERSONA_ID)).toMatchObject({ pinned: true, pinX: width + PIN_GAP, pinY: PIN_GAP })
    expect(persona(ana)).toMatchObject({ pinned: true, pinX: width + PIN_GAP, pinY: PIN_GAP + PIN_STEP })
    runCommand('persona.pin', ctx, { persona: ana, on: false })
    expect(persona(ana).pinned).toBe(false)
  })
})
