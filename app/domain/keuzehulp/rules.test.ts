import { describe, expect, it } from 'vitest'
import {
  capacityMatches,
  carriedSearchFields,
  capacityText,
  coversPc4,
  evidenceValidOn,
  isCapacityFresh,
  parsePostcode,
  readSearchState,
  resultsSummary,
  searchStateQuery,
  summariseCapacity,
  supersededApproved,
} from './rules'

const DAY = 24 * 60 * 60 * 1000
const today = new Date('2026-11-23T10:00:00Z')
const daysAgo = (n: number) => new Date(today.getTime() - n * DAY)

describe('keuzehulp-regels', () => {
  it('leest postcodes', () => {
    expect(parsePostcode('4001')).toBe('4001')
    expect(parsePostcode('4001 ab')).toBe('4001')
    expect(parsePostcode('4001AB')).toBe('4001')
    expect(parsePostcode('0123')).toBeNull()
    expect(parsePostcode('Tiel')).toBeNull()
  })

  it('werkgebied: hele gemeente of genoemde postcodegebieden', () => {
    expect(coversPc4({ coversWhole: true, pc4s: '' }, '4001')).toBe(true)
    expect(coversPc4({ coversWhole: false, pc4s: '4001, 4002' }, '4002')).toBe(true)
    expect(coversPc4({ coversWhole: false, pc4s: '4001' }, '4003')).toBe(false)
    expect(coversPc4({ coversWhole: false, pc4s: '4001' }, null)).toBe(true)
  })

  it('bewijs telt als het is goedgekeurd en vandaag geldig', () => {
    const ok = { verification: 'goedgekeurd', validFrom: daysAgo(10), validUntil: null }
    expect(evidenceValidOn(ok, today)).toBe(true)
    expect(evidenceValidOn({ ...ok, verification: 'in_controle' }, today)).toBe(false)
    expect(evidenceValidOn({ ...ok, validUntil: daysAgo(1) }, today)).toBe(false)
    expect(evidenceValidOn({ ...ok, validFrom: daysAgo(-1) }, today)).toBe(false)
  })

  it('capaciteit ouder dan 60 dagen is niet recent bevestigd', () => {
    expect(isCapacityFresh(daysAgo(60), today)).toBe(true)
    expect(isCapacityFresh(daysAgo(61), today)).toBe(false)
    const old = summariseCapacity(
      [{ accepting: 'ja', waitingWeeks: 1, freePlaces: 2, confirmedAt: daysAgo(70) }],
      today,
    )
    expect(old.kind).toBe('verouderd')
    expect(capacityText(old, () => 'datum').status).toBe('Niet recent bevestigd')
    expect(capacityMatches(old, { accepting: true, maxWait: null })).toBe(false)
    expect(summariseCapacity([], today)).toEqual({ kind: 'onbekend' })
  })

  it('neemt het meest open en kortste antwoord van de actuele meldingen', () => {
    const c = summariseCapacity(
      [
        { accepting: 'nee', waitingWeeks: null, freePlaces: 0, confirmedAt: daysAgo(2) },
        { accepting: 'ja', waitingWeeks: 4, freePlaces: 1, confirmedAt: daysAgo(5) },
        { accepting: 'ja', waitingWeeks: 2, freePlaces: 3, confirmedAt: daysAgo(8) },
      ],
      today,
    )
    expect(c).toMatchObject({ kind: 'actueel', accepting: 'ja', waitingWeeks: 2, freePlaces: 4 })
    // The date belongs to the waiting time shown, not to the newest report (the "nee" of 2 days ago).
    expect(c).toMatchObject({ confirmedAt: daysAgo(8) })
    expect(capacityMatches(c, { accepting: true, maxWait: 2 })).toBe(true)
    expect(capacityMatches(c, { accepting: true, maxWait: 1 })).toBe(false)
    expect(capacityText(c, () => '1 nov').detail).toBe('wachttijd ongeveer 2 weken, bevestigd op 1 nov')
  })

  it('alleen de nieuwste goedgekeurde versie van een bewijsstuk telt', () => {
    const v = (id: string, replacesId: string | null, verification: string) => ({
      id,
      replacesId,
      verification,
    })
    // v1 approved, v2 rejected, v3 approved: v1 no longer counts (also through the rejected v2 in between).
    expect(
      supersededApproved([
        v('v1', null, 'goedgekeurd'),
        v('v2', 'v1', 'afgekeurd'),
        v('v3', 'v2', 'goedgekeurd'),
      ]),
    ).toEqual(new Set(['v1', 'v2']))
    // A renewal still in its check leaves the approved version counting; a rejected one too.
    expect(supersededApproved([v('a1', null, 'goedgekeurd'), v('a2', 'a1', 'in_controle')])).toEqual(
      new Set(),
    )
    expect(supersededApproved([v('b1', null, 'goedgekeurd'), v('b2', 'b1', 'afgekeurd')])).toEqual(new Set())
  })

  it('de zoektoestand staat in de URL en komt er ongeschonden weer uit', () => {
    const s = readSearchState(
      new URLSearchParams('gemeente=GM0281&postcode=4001 AB&nieuw=1&wacht=4&sort=naam&pagina=2'),
    )
    expect(s).toMatchObject({
      gemeente: 'GM0281',
      postcode: '4001',
      nieuw: true,
      wacht: 4,
      sort: 'naam',
      pagina: 2,
    })
    expect(searchStateQuery(s)).toBe('?gemeente=GM0281&postcode=4001&nieuw=1&wacht=4&sort=naam&pagina=2')
    expect(readSearchState(new URLSearchParams('gemeente=kapot&wacht=-3&pagina=x'))).toMatchObject({
      gemeente: null,
      wacht: null,
      pagina: 1,
    })
  })

  it('het aantal resultaten in woorden, voor titel en kop: ook bij 0 en 1', () => {
    const base = { gemeente: 'Tiel', hulp: null, page: 1, pageCount: 1 }
    expect(resultsSummary({ ...base, total: 0 })).toBe('Geen aanbieders in Tiel')
    expect(resultsSummary({ ...base, total: 1 })).toBe('1 aanbieder in Tiel')
    expect(resultsSummary({ ...base, total: 12, hulp: 'Ambulante begeleiding' })).toBe(
      '12 aanbieders voor Ambulante begeleiding in Tiel',
    )
    expect(resultsSummary({ ...base, total: 0, hulp: 'Dagbesteding' })).toBe(
      'Geen aanbieders voor Dagbesteding in Tiel',
    )
    expect(resultsSummary({ ...base, total: 23, page: 2, pageCount: 2 })).toBe(
      '23 aanbieders in Tiel (pagina 2 van 2)',
    )
  })

  it('gemeente wijzigen neemt postcode, soort hulp, filters en sortering mee, maar niet de pagina', () => {
    const s = readSearchState(
      new URLSearchParams(
        'gemeente=GM0281&postcode=4001&hulp=s-abc&nieuw=1&wacht=4&identiteit=Christelijk&taal=Turks&doelgroep=Jeugd&sort=naam&pagina=3',
      ),
    )
    expect(carriedSearchFields(s)).toEqual([
      ['postcode', '4001'],
      ['hulp', 's-abc'],
      ['nieuw', '1'],
      ['wacht', '4'],
      ['identiteit', 'Christelijk'],
      ['taal', 'Turks'],
      ['doelgroep', 'Jeugd'],
      ['sort', 'naam'],
    ])
    expect(carriedSearchFields(readSearchState(new URLSearchParams('gemeente=GM0281')))).toEqual([])
  })
})
