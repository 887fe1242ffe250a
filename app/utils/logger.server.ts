import { AsyncLocalStorage } from 'node:async_hooks'
import { getEnv } from './env.server'

type Level = 'debug' | 'info' | 'warn' | 'error'
const order: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 }

/** The request id travels with the request through async calls, so every log line of a request carries it. */
// Kept on globalThis: the server and the Remix build each load this module, and both must see the same store.
const globalForLog = globalThis as unknown as {
  __portaalRequestContext?: AsyncLocalStorage<{ requestId: string }>
}
export const requestContext = (globalForLog.__portaalRequestContext ??= new AsyncLocalStorage<{
  requestId: string
}>())

function write(level: Level, msg: string, fields: Record<string, unknown> = {}) {
  const env = getEnv()
  if (order[level] < order[env.LOG_LEVEL]) return
  const requestId = requestContext.getStore()?.requestId
  const record = {
    time: new Date().toISOString(),
    level,
    msg,
    ...(requestId ? { requestId } : {}),
    ...fields,
  }
  const stream = level === 'error' || level === 'warn' ? process.stderr : process.stdout
  if (env.NODE_ENV === 'production') {
    stream.write(JSON.stringify(record) + '\n')
  } else {
    const extra = Object.entries({ ...(requestId ? { requestId } : {}), ...fields })
      .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
      .join(' ')
    stream.write(
      `${record.time.slice(11, 19)} ${level.toUpperCase().padEnd(5)} ${msg}${extra ? ' ' + extra : ''}\n`,
    )
  }
}

export const log = {
  debug: (msg: string, fields?: Record<string, unknown>) => write('debug', msg, fields),
  info: (msg: string, fields?: Record<string, unknown>) => write('info', msg, fields),
  warn: (msg: string, fields?: Record<string, unknown>) => write('warn', msg, fields),
  error: (msg: string, fields?: Record<string, unknown>) => write('error', msg, fields),
}
