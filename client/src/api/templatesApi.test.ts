import { describe, expect, it } from 'vitest'
import { errorText, groupTemplates } from './templatesApi'

describe('templates API helpers', () => {
  it('groups built-in and saved templates, keeping the order within each', () => {
    const t = (id: string) => ({ id, title: id, description: '' })
    expect(groupTemplates([t('customer-lifecycle'), t('saved-b'), t('blank'), t('saved-a')])).toEqual({
      builtIn: [t('customer-lifecycle'), t('blank')],
      saved: [t('saved-b'), t('saved-a')],
    })
  })

  it("reads a JSON error body's message, and keeps any other text as it is", () => {
    expect(errorText('{"error":"title: expected a string"}')).toBe('title: expected a string')
    expect(errorText('<html>Bad gateway</html>')).toBe('<html>Bad gateway</html>')
    expect(errorText('{"status":1}')).toBe('{"status":1}')
  })
})
