/**
 * File storage behind a small interface, so an S3-compatible store can replace the directory later.
 *
 * Files are stored under a random key (32 hex characters), never under the user's file name; the name a user chose is
 * only kept, sanitised, as `StoredFile.displayName`. `put` streams: it hashes (SHA-256) and counts while writing to a
 * temporary `.part` file and only renames it to its key when the whole stream was written. When the source stream
 * fails (a refused upload, a dropped connection) the partial file is removed and the error is passed on.
 */
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { getEnv } from './env.server'

export type StoredObject = { storageKey: string; size: number; sha256: string }

export interface FileStorage {
  /** Streams `data` into storage under a new random key. Nothing remains when `data` throws. */
  put(data: AsyncIterable<Uint8Array> | Uint8Array): Promise<StoredObject>
  /** The stored bytes as a Node stream; throws `StorageNotFound` when the key is unknown. */
  get(storageKey: string): Promise<Readable>
  /** Removes the object; deleting an unknown key is not an error. */
  delete(storageKey: string): Promise<void>
  /** Whether the object exists (for checks and tests). */
  exists(storageKey: string): Promise<boolean>
  /** All stored keys (for the consistency check of the benchmark and tests). */
  list(): Promise<string[]>
  /** Keys of objects written before `before` (candidates for the orphan sweep). */
  keysOlderThan(before: Date): Promise<string[]>
  /** Removes unfinished writes left by a process that died mid-upload, older than `before`; returns how many. */
  removeStalePartials(before: Date): Promise<number>
  /**
   * Marks the storage as belonging to the database `owner` when it belongs to none yet. Returns the owner it
   * belongs to (so a caller can see that it is another database's).
   */
  claimOwner(owner: string): Promise<string>
}

export class StorageNotFound extends Error {}

const KEY = /^[a-f0-9]{32}$/
const PARTIAL = /^[a-f0-9]{32}\.part$/

/** A directory on disk: `<dir>/<first two characters of the key>/<key>`. */
export class DirectoryStorage implements FileStorage {
  constructor(private readonly dir: string) {}

  private pathOf(storageKey: string): string {
    // Keys are ours (random hex); anything else could be a path trick and is never a stored file.
    if (!KEY.test(storageKey)) throw new StorageNotFound(storageKey)
    return path.join(this.dir, storageKey.slice(0, 2), storageKey)
  }

  async put(data: AsyncIterable<Uint8Array> | Uint8Array): Promise<StoredObject> {
    const storageKey = randomBytes(16).toString('hex')
    const target = this.pathOf(storageKey)
    await mkdir(path.dirname(target), { recursive: true })
    const partial = `${target}.part`
    const hash = createHash('sha256')
    let size = 0
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length
        hash.update(chunk)
        callback(null, chunk)
      },
    })
    const source = data instanceof Uint8Array ? Readable.from([data]) : Readable.from(data)
    try {
      await pipeline(source, counter, createWriteStream(partial, { flags: 'wx', mode: 0o600 }))
      await rename(partial, target)
    } catch (error) {
      await rm(partial, { force: true })
      throw error
    }
    return { storageKey, size, sha256: hash.digest('hex') }
  }

  async get(storageKey: string): Promise<Readable> {
    const file = this.pathOf(storageKey)
    try {
      await stat(file)
    } catch {
      throw new StorageNotFound(storageKey)
    }
    return createReadStream(file)
  }

  async delete(storageKey: string): Promise<void> {
    if (!KEY.test(storageKey)) return
    await rm(this.pathOf(storageKey), { force: true })
  }

  async exists(storageKey: string): Promise<boolean> {
    if (!KEY.test(storageKey)) return false
    try {
      await stat(this.pathOf(storageKey))
      return true
    } catch {
      return false
    }
  }

  /** Every file name in the shard folders, with its full path. */
  private async entries(): Promise<{ name: string; file: string }[]> {
    const found: { name: string; file: string }[] = []
    let shards: string[]
    try {
      shards = await readdir(this.dir)
    } catch {
      return found
    }
    for (const shard of shards) {
      if (!/^[a-f0-9]{2}$/.test(shard)) continue
      for (const name of await readdir(path.join(this.dir, shard))) {
        found.push({ name, file: path.join(this.dir, shard, name) })
      }
    }
    return found
  }

  async list(): Promise<string[]> {
    return (await this.entries()).filter((e) => KEY.test(e.name)).map((e) => e.name)
  }

  private async olderThan(entries: { name: string; file: string }[], before: Date) {
    const old: { name: string; file: string }[] = []
    for (const e of entries) {
      const info = await stat(e.file).catch(() => null)
      if (info && info.mtime < before) old.push(e)
    }
    return old
  }

  async keysOlderThan(before: Date): Promise<string[]> {
    const keyed = (await this.entries()).filter((e) => KEY.test(e.name))
    return (await this.olderThan(keyed, before)).map((e) => e.name)
  }

  async removeStalePartials(before: Date): Promise<number> {
    const partials = (await this.entries()).filter((e) => PARTIAL.test(e.name))
    const stale = await this.olderThan(partials, before)
    for (const e of stale) await rm(e.file, { force: true })
    return stale.length
  }

  async claimOwner(owner: string): Promise<string> {
    const marker = path.join(this.dir, OWNER_FILE)
    await mkdir(this.dir, { recursive: true })
    try {
      // 'wx': only the first claim writes; a second process reads what the first wrote.
      await writeFile(marker, `${owner}\n`, { flag: 'wx' })
      return owner
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error
      return (await readFile(marker, 'utf8')).trim()
    }
  }
}

/** Names the database a storage directory belongs to (not a storage key, so never listed or swept). */
const OWNER_FILE = 'database.txt'

let cached: { dir: string; storage: FileStorage } | undefined

/** The configured storage (STORAGE_DIR). */
export function getStorage(): FileStorage {
  const dir = path.resolve(getEnv().STORAGE_DIR)
  if (!cached || cached.dir !== dir) cached = { dir, storage: new DirectoryStorage(dir) }
  return cached.storage
}

/** Reads a whole stored object into memory: only for small files (tests, e-mail attachments). */
export async function readAll(storageKey: string, storage: FileStorage = getStorage()): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of await storage.get(storageKey)) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}
