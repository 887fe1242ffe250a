/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

// Single fetch (v3_singleFetch) changes loader types; this tells TypeScript it is on.
declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

export {}
