import { describe, expect, it } from 'vitest'
import { formValues } from '../utils/forms'
import { MAX_FORM_BYTES, readFormData } from './forms.server'

function post(body: string, headers: Record<string, string> = {}) {
  return new Request('http://localhost/form', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(Buffer.byteLength(body)), ...headers },
    body,
  })
}

async function refusal(request: Request): Promise<{ status: number; text: string }> {
  try {
    await readFormData(request)
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown
    return { status: thrown.status, text: await thrown.text() }
  }
  throw new Error('The form was read')
}

describe('reading a posted form', () => {
  it('reads a 1 MB value of plain text, so the form can say the field is too long', async () => {
    const form = await readFormData(post(new URLSearchParams({ name: 'a'.repeat(1024 * 1024) }).toString()))
    expect(formValues(form).name).toHaveLength(1024 * 1024)
  })

  // Found by the hostile-input properties: a 1 MB value of non-ASCII text is over 2 MB once URL-encoded, and was
  // refused as a 400 "bad request" with no field errors. Too large is its own answer: 413, with a plain message.
  it('refuses a body over the limit as too large (413), whether it says so in advance or not', async () => {
    const body = new URLSearchParams({ name: 'ü'.repeat(1024 * 1024) }).toString()
    expect(body.length).toBeGreaterThan(MAX_FORM_BYTES)
    expect(await refusal(post(body))).toEqual({ status: 413, text: 'The form was too large' })
    expect(await refusal(post('name=x', { 'Content-Length': String(MAX_FORM_BYTES + 1) }))).toEqual({ status: 413, text: 'The form was too large' })
    expect(await refusal(post('name=x', { 'Content-Length': 'NaN' }))).toEqual({ status: 413, text: 'The form was too large' })
    const undeclared = new Request('http://localhost/form', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body })
    expect(await refusal(undeclared)).toEqual({ status: 413, text: 'The form was too large' })
  })

  it('refuses what is not a form with a plain 400', async () => {
    expect(await refusal(post('{"name":"x"}', { 'Content-Type': 'application/json' }))).toEqual({ status: 400, text: 'Send the form from the page' })
    expect(await refusal(post('--x\r\nbroken', { 'Content-Type': 'multipart/form-data; boundary=y' }))).toEqual({ status: 400, text: 'The form could not be read' })
  })

  it('keeps the first of duplicate keys, and __proto__ is only a key', async () => {
    const values = formValues(await readFormData(post('__proto__=x&name=first&name=second&constructor=y')))
    expect(values.name).toBe('first')
    expect(values.__proto__).toBe('x')
    expect(Object.getPrototypeOf(values)).toBeNull()
  })
})
