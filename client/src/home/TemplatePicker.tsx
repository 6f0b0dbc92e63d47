/*
 * The home page's template choice: a card per template from GET /api/templates, the built-ins first,
 * then those saved from boards under "Saved". One radio group across both, so arrow keys move
 * through every template as through one list.
 */
import type { TemplateSummary } from '../api/templatesApi'
import { groupTemplates } from '../api/templatesApi'

export type TemplatesState =
  | { kind: 'loading' }
  | { kind: 'loaded'; templates: TemplateSummary[] }
  | { kind: 'failed'; message: string }

export function TemplatePicker({
  state,
  chosen,
  onChoose,
}: {
  state: TemplatesState
  chosen: string
  onChoose: (id: string) => void
}) {
  if (state.kind === 'loading') return <p className="muted">Loading templates…</p>
  if (state.kind === 'failed') {
    return (
      <p className="form-error" role="alert">
        Could not load the templates ({state.message}). A new board starts from the customer lifecycle.
      </p>
    )
  }
  const { builtIn, saved } = groupTemplates(state.templates)
  const card = (template: TemplateSummary) => (
    <label key={template.id} className={`template${chosen === template.id ? ' template--active' : ''}`}>
      <input
        type="radio"
        name="template"
        value={template.id}
        checked={chosen === template.id}
        onChange={() => onChoose(template.id)}
      />
      <span className="template__name">{template.title}</span>
      {template.description && <span className="template__description">{template.description}</span>}
    </label>
  )
  return (
    <fieldset className="templates">
      <legend>Template</legend>
      <div className="templates__cards">{builtIn.map(card)}</div>
      {saved.length > 0 && (
        <fieldset className="templates templates--saved">
          <legend>Saved</legend>
          <div className="templates__cards">{saved.map(card)}</div>
        </fieldset>
      )}
    </fieldset>
  )
}
