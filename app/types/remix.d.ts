import '@remix-run/node'

declare module '@remix-run/node' {
  interface AppLoadContext {
    cspNonce?: string
    clientAddress?: string
  }
  // Single fetch: loaders and actions return plain data (or data() for a status), typed as such.
  interface Future {
    v3_singleFetch: true
  }
}
