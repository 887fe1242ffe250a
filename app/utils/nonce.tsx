import { createContext, useContext } from 'react'

/** The CSP nonce of this response, so every inline script Remix renders carries it. */
export const NonceContext = createContext<string | undefined>(undefined)
export const useNonce = () => useContext(NonceContext)
