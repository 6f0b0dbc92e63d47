/*
 * One persona in the personas panel: its avatar (photo or initials in its color), name, role,
 * initials, color, goals/needs/frustrations, photo, "Pin on board", and its place in the list. Every
 * change runs a persona.* command; the card itself only reads the persona it is given.
 */
import { useState } from 'react'
import { DEFAULT_PERSONA_ID } from '../../../shared/src/board/ids'
import { PERSONA_TEXT_KEYS, type Persona } from '../../../shared/src/board/records/persona'
import { photoProblem } from '../../../shared/src/board/schema'
import { PERSONA_COLORS } from '../../../shared/src/board/style'
import { PERSONA_INK } from '../../../shared/src/scene/palette'
import { useBoardSession } from '../board/session'
import { type CommandArgs, canRun, getCommand, runCommand } from '../commands/registry'
import { CommitInput } from './CommitInput'
import { PersonaTextField } from './PersonaTextField'
import { downscalePhoto } from './photo'

const initialsOf = (persona: Persona): string =>
  persona.initials ||
  persona.name
    .split(/\s+/)
    .map((word) => word[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase()

interface Props {
  persona: Persona
  index: number
  count: number
}

export function PersonaCard({ persona, index, count }: Props) {
  const { commands, readOnly } = useBoardSession()
  const [photoError, setPhotoError] = useState<string | null>(null)
  const id = persona.id
  const base = `persona-${id}`
  const update = (personaPatch: CommandArgs['personaPatch']) =>
    runCommand('persona.update', commands, { persona: id, personaPatch })
  const can = (commandId: string, args: CommandArgs) => {
    const command = getCommand(commandId)
    return command ? canRun(command, commands, args) : false
  }

  const pickPhoto = async (file: File | undefined) => {
    if (!file) return
    setPhotoError(null)
    try {
      const photo = await downscalePhoto(file)
      const problem = photoProblem(photo)
      if (problem) setPhotoError(problem)
      else update({ photo })
    } catch {
      setPhotoError('That file could not be read as an image (pick a PNG, JPEG or WebP picture).')
    }
  }

  return (
    <li className="persona-card" style={{ borderLeftColor: PERSONA_INK[persona.color] }}>
      <section aria-label={`Persona: ${persona.name}`}>
        <div className="persona-card__head">
          {persona.photo ? (
            <img className="persona-avatar" src={persona.photo} alt={persona.name} />
          ) : (
            <span
              className="persona-avatar"
              style={{ background: PERSONA_INK[persona.color] }}
              aria-hidden="true"
            >
              {initialsOf(persona)}
            </span>
          )}
          <h3 className="persona-card__name">{persona.name}</h3>
          {!readOnly && (
            <div className="persona-card__order">
              <button
                type="button"
                className="icon-button"
                aria-label={`Move ${persona.name} up`}
                disabled={!can('persona.move', { persona: id, step: -1 })}
                onClick={() => runCommand('persona.move', commands, { persona: id, step: -1 })}
              >
                ↑
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={`Move ${persona.name} down`}
                disabled={!can('persona.move', { persona: id, step: 1 })}
                onClick={() => runCommand('persona.move', commands, { persona: id, step: 1 })}
              >
                ↓
              </button>
            </div>
          )}
        </div>
        <div className="persona-card__fields">
          <CommitInput
            id={`${base}-name`}
            label="Name"
            value={persona.name}
            maxLength={200}
            readOnly={readOnly}
            onCommit={(name) => name.trim() && update({ name })}
          />
          <CommitInput
            id={`${base}-role`}
            label="Role"
            value={persona.role ?? ''}
            maxLength={80}
            readOnly={readOnly}
            placeholder="e.g. First-time buyer"
            onCommit={(role) => update({ role: role.trim() || null })}
          />
          <CommitInput
            id={`${base}-initials`}
            label="Initials"
            value={persona.initials ?? ''}
            maxLength={3}
            readOnly={readOnly}
            onCommit={(initials) => update({ initials: initials.trim() || null })}
          />
        </div>
        <fieldset className="persona-colors" disabled={readOnly}>
          <legend className="persona-colors__legend">Color</legend>
          {PERSONA_COLORS.map((color) => (
            <label key={color} className="persona-swatch" style={{ background: PERSONA_INK[color] }}>
              <input
                className="persona-swatch__input"
                type="radio"
                name={`${base}-color`}
                value={color}
                checked={persona.color === color}
                onChange={() => update({ color })}
              />
              <span className="sr-only">{color}</span>
            </label>
          ))}
        </fieldset>
        {PERSONA_TEXT_KEYS.map((key) => (
          <PersonaTextField key={key} persona={id} field={key} />
        ))}
        {!readOnly && (
          <div className="persona-card__photo">
            <label htmlFor={`${base}-photo`} className="panel-label">
              Photo
            </label>
            <input
              id={`${base}-photo`}
              type="file"
              accept="image/png,image/jpeg,image/webp"
              onChange={(e) => {
                void pickPhoto(e.target.files?.[0])
                e.target.value = ''
              }}
            />
            {persona.photo && (
              <button type="button" className="button button--ghost" onClick={() => update({ photo: null })}>
                Remove photo
              </button>
            )}
            {photoError && (
              <p className="persona-card__error" role="alert">
                {photoError}
              </p>
            )}
          </div>
        )}
        <div className="persona-card__foot">
          <label className="persona-card__pin">
            <input
              type="checkbox"
              checked={persona.pinned}
              disabled={readOnly}
              onChange={(e) => runCommand('persona.pin', commands, { persona: id, on: e.target.checked })}
            />
            Pin on board
          </label>
          {!readOnly && (
            <button
              type="button"
              className="button button--ghost persona-card__remove"
              // The default persona always exists, so an emotion curve always has someone to score for.
              disabled={id === DEFAULT_PERSONA_ID || count <= 1 || !can('persona.remove', { persona: id })}
              title={id === DEFAULT_PERSONA_ID ? 'The default persona cannot be removed' : undefined}
              onClick={() => runCommand('persona.remove', commands, { persona: id })}
            >
              Remove {persona.name}
            </button>
          )}
        </div>
        <span className="sr-only">
          {index + 1} of {count}
        </span>
      </section>
    </li>
  )
}
