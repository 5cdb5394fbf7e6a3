import { createContext, useContext, type ReactNode } from 'react'

// The per-request CSP nonce, set on the server; the browser never needs to know it.
const NonceContext = createContext('')

export function NonceProvider({ value, children }: { value: string; children: ReactNode }) {
  return <NonceContext.Provider value={value}>{children}</NonceContext.Provider>
}

export const useNonce = () => useContext(NonceContext)
