// `npm run db:generate`: regenerates prisma/postgresql/schema.prisma from prisma/schema.prisma, then the Prisma
// clients for both (prisma/generated/sqlite and prisma/generated/postgresql). Works offline.
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { generateClients } from './tooling/generate.ts'

export { generateClients, prismaGenerate } from './tooling/generate.ts'

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  generateClients().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  })
}
