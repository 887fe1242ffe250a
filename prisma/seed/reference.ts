import type { Db } from '../../app/utils/db.server'
import { readGemeenten, readPc4 } from '../reference/load'
import { searchKey } from '../../app/utils/search'

/** All municipalities and the PC4 table (CBS, CC BY 4.0; see prisma/reference/README.md). */
export async function seedReference(db: Db) {
  const gemeenten = readGemeenten()
  await db.gemeente.createMany({
    data: gemeenten.map((g) => ({
      code: g.code,
      name: g.name,
      searchName: searchKey(g.name),
      province: g.province,
    })),
  })
  const pc4 = readPc4()
  for (let i = 0; i < pc4.length; i += 1000) {
    await db.pc4.createMany({
      data: pc4
        .slice(i, i + 1000)
        .map((p) => ({ code: p.pc4, gemeenteCode: p.gemeenteCode, place: p.place })),
    })
  }
}
