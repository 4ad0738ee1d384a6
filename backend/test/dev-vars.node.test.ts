import { describe, expect, it } from 'vitest'
import { parseDevVars } from '../../scripts/lib/dev-vars.mjs'

describe('reading backend/.dev.vars as wrangler does', () => {
  it('should unquote values, drop comments, and count empty ones as unset', () => {
    const vars = parseDevVars(
      [
        '# Leave empty to use the local DashScope simulator.',
        'QWEN_API_KEY=""',
        'BETTER_AUTH_SECRET="a secret with spaces"',
        "GOOGLE_CLIENT_ID='id-123'",
        'GITHUB_CLIENT_ID=',
        'PLAIN=value # a comment',
      ].join('\n')
    )
    expect(vars).toEqual({
      BETTER_AUTH_SECRET: 'a secret with spaces',
      GOOGLE_CLIENT_ID: 'id-123',
      PLAIN: 'value',
    })
  })
})
