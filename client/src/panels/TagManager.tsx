/*
 * "Manage tags": the board's tag list, in the personas panel. Add a tag, rename it, recolor it, remove
 * it (which takes it off every note). Each change runs a tag.* command.
 */
import { useState } from 'react'
import { MAX_TAG_NAME_CHARS } from '../../../shared/src/board/records/tag'
import { TAG_COLORS, type TagColor } from '../../../shared/src/board/style'
import { TAG_INK } from '../../../shared/src/scene/palette'
import { useBoardSession } from '../board/session'
import { runCommand } from '../commands/registry'
import { useBoardAnatomy } from '../doc/hooks'
import { CommitInput } from './CommitInput'

export function TagManager() {
  const { commands, readOnly } = useBoardSession()
  const { tags } = useBoardAnatomy()
  const [name, setName] = useState('')
  const [color, setColor] = useState<TagColor>('blue')
  return (
    <section className="tag-manager" aria-labelledby="tag-manager-title">
      <h2 id="tag-manager-title" className="side-panel__title">
        Manage tags
      </h2>
      <ul className="tag-manager__list">
        {tags.map((tag) => (
          <li key={tag.id} className="tag-row">
            <span className="tag-dot" style={{ background: TAG_INK[tag.color] }} aria-hidden="true" />
            <CommitInput
              id={`tag-${tag.id}-name`}
              hideLabel
              label={`Tag name: ${tag.name}`}
              value={tag.name}
              maxLength={MAX_TAG_NAME_CHARS}
              readOnly={readOnly}
              onCommit={(title) => runCommand('tag.rename', commands, { tag: tag.id, title })}
            />
            <select
              aria-label={`Color of ${tag.name}`}
              value={tag.color}
              disabled={readOnly}
              onChange={(e) =>
                runCommand('tag.recolor', commands, { tag: tag.id, tagColor: e.target.value as TagColor })
              }
            >
              {TAG_COLORS.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
            {!readOnly && (
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove tag ${tag.name}`}
                onClick={() => runCommand('tag.remove', commands, { tag: tag.id })}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {!readOnly && (
        <form
          className="tag-manager__add"
          onSubmit={(e) => {
            e.preventDefault()
            if (runCommand('tag.add', commands, { title: name, tagColor: color })) setName('')
          }}
        >
          <label htmlFor="tag-add-name" className="sr-only">
            New tag name
          </label>
          <input
            id="tag-add-name"
            className="panel-input"
            value={name}
            maxLength={MAX_TAG_NAME_CHARS}
            placeholder="New tag"
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => e.stopPropagation()}
          />
          <select
            aria-label="New tag color"
            value={color}
            onChange={(e) => setColor(e.target.value as TagColor)}
          >
            {TAG_COLORS.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
          <button type="submit" className="button" disabled={name.trim() === ''}>
            Add tag
          </button>
        </form>
      )}
    </section>
  )
}
