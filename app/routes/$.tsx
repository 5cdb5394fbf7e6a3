import { notFound } from '~/http/responses.server'

// Unknown addresses get the GOV.UK "Page not found" page.
export async function loader() {
  throw notFound()
}

export async function action() {
  throw notFound()
}

export default function NotFound() {
  return null
}
