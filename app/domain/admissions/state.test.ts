import { describe, expect, it } from 'vitest'
import {
  ADMISSION_ACTIONS,
  ADMISSION_STATES,
  ADMISSION_TRANSITIONS,
  ENTRY_ACTIONS,
  ENTRY_STATES,
  ENTRY_TRANSITIONS,
  allowedEntryActions,
  findAdmissionTransition,
  findEntryTransition,
  isOpenEntryState,
  openKeyFor,
} from './state'
import { answerProblem, entryProblems, evidenceSatisfies, expiresBefore } from './requirements'

const expectedEntry: Record<string, string> = {
  'concept|indienen|aanbieder': 'ingediend',
  'aanvulling_gevraagd|indienen|aanbieder': 'ingediend',
  'ingediend|in_behandeling_nemen|inkoper': 'in_behandeling',
  'ingediend|aanvulling_vragen|inkoper': 'aanvulling_gevraagd',
  'in_behandeling|aanvulling_vragen|inkoper': 'aanvulling_gevraagd',
  'ingediend|toelaten|inkoper': 'toegelaten',
  'in_behandeling|toelaten|inkoper': 'toegelaten',
  'ingediend|afwijzen|inkoper': 'afgewezen',
  'in_behandeling|afwijzen|inkoper': 'afgewezen',
  'concept|intrekken|aanbieder': 'ingetrokken',
  'ingediend|intrekken|aanbieder': 'ingetrokken',
  'in_behandeling|intrekken|aanbieder': 'ingetrokken',
  'aanvulling_gevraagd|intrekken|aanbieder': 'ingetrokken',
}

describe('entry state machine', () => {
  const parties = ['aanbieder', 'inkoper'] as const
  for (const from of ENTRY_STATES) {
    for (const action of ENTRY_ACTIONS) {
      for (const by of parties) {
        const key = `${from}|${action}|${by}`
        const to = expectedEntry[key]
        it(`${to ? 'allows' : 'refuses'} ${action} by ${by} from ${from}`, () => {
          expect(findEntryTransition(from, action, by)?.to).toBe(to)
        })
      }
    }
  }

  it('has exactly the expected table', () => {
    expect(ENTRY_TRANSITIONS.map((t) => `${t.from}|${t.action}|${t.by}`).sort()).toEqual(
      Object.keys(expectedEntry).sort(),
    )
  })

  it('decisions and information requests carry a reason; submission and withdrawal do not need one', () => {
    for (const t of ENTRY_TRANSITIONS) {
      expect(t.needsReason).toBe(['toelaten', 'afwijzen', 'aanvulling_vragen'].includes(t.action))
    }
  })

  it('decided and withdrawn entries are final', () => {
    for (const s of ['toegelaten', 'afgewezen', 'ingetrokken']) {
      expect(allowedEntryActions(s)).toEqual([])
      expect(isOpenEntryState(s)).toBe(false)
    }
    for (const s of ['concept', 'ingediend', 'in_behandeling', 'aanvulling_gevraagd'])
      expect(isOpenEntryState(s)).toBe(true)
  })

  it('refuses an unknown state', () => {
    expect(findEntryTransition('onbekend', 'indienen')).toBeUndefined()
  })

  it('builds the open key from organisation, perceel and gemeente', () => {
    expect(openKeyFor('org', 'perceel', 'GM0281')).toBe('org:perceel:GM0281')
  })
})

const expectedAdmission: Record<string, string> = {
  'actief|schorsen': 'geschorst',
  'geschorst|herstellen': 'actief',
  'actief|beeindigen': 'beeindigd',
  'geschorst|beeindigen': 'beeindigd',
}

describe('admission state machine', () => {
  for (const from of ADMISSION_STATES) {
    for (const action of ADMISSION_ACTIONS) {
      const to = expectedAdmission[`${from}|${action}`]
      it(`${to ? 'allows' : 'refuses'} ${action} from ${from}`, () => {
        expect(findAdmissionTransition(from, action)?.to).toBe(to)
      })
    }
  }
  it('every admission move needs a reason', () => {
    expect(ADMISSION_TRANSITIONS.every((t) => t.needsReason)).toBe(true)
  })
})

describe('requirement checks', () => {
  const yesNo = { id: 'q1', kind: 'knockout_yesno', text: 'Meldcode?', requiredAnswer: true, minimum: null }
  const num = { id: 'q2', kind: 'knockout_number', text: 'Jaren ervaring?', requiredAnswer: null, minimum: 2 }
  const open = { id: 'q3', kind: 'open', text: 'Toelichting', requiredAnswer: null, minimum: null }

  it('explains a failing knock-out answer', () => {
    expect(answerProblem(yesNo, 'ja')).toBeNull()
    expect(answerProblem(yesNo, 'nee')).toMatch(/moet "ja" zijn/)
    expect(answerProblem(yesNo, '')).toMatch(/Beantwoord/)
    expect(answerProblem(num, '2')).toBeNull()
    expect(answerProblem(num, '1')).toMatch(/minimum is 2/)
    expect(answerProblem(num, 'twee')).toMatch(/heel getal/)
    expect(answerProblem(open, '')).toMatch(/Beantwoord/)
    expect(answerProblem(open, 'tekst')).toBeNull()
  })

  const required = {
    id: 'r1',
    evidenceTypeId: 't1',
    typeName: 'HKZ',
    validUntilAtLeast: null,
    issuedWithinMonths: null,
  }
  const on = new Date('2026-11-23T10:00:00Z')
  const item = {
    id: 'e1',
    typeId: 't1',
    validFrom: new Date('2025-01-01T00:00:00Z'),
    validUntil: new Date('2027-01-01T00:00:00Z'),
    issuedAt: null,
    verification: 'goedgekeurd',
  }

  it('checks evidence type, rejection, validity and issue date', () => {
    expect(evidenceSatisfies(item, required, on).ok).toBe(true)
    expect(evidenceSatisfies({ ...item, typeId: 'x' }, required, on).ok).toBe(false)
    expect(evidenceSatisfies({ ...item, verification: 'afgekeurd' }, required, on).ok).toBe(false)
    expect(evidenceSatisfies({ ...item, validUntil: new Date('2026-01-01') }, required, on).ok).toBe(false)
    expect(evidenceSatisfies({ ...item, validFrom: new Date('2027-01-01') }, required, on).ok).toBe(false)
    expect(evidenceSatisfies(item, { ...required, validUntilAtLeast: new Date('2028-01-01') }, on).ok).toBe(
      false,
    )
    expect(evidenceSatisfies(item, { ...required, issuedWithinMonths: 6 }, on).ok).toBe(false)
    expect(
      evidenceSatisfies(
        { ...item, issuedAt: new Date('2026-10-01') },
        { ...required, issuedWithinMonths: 6 },
        on,
      ).ok,
    ).toBe(true)
    expect(expiresBefore(item, new Date('2027-02-01'))).toBe(true)
    expect(expiresBefore(item, new Date('2026-12-01'))).toBe(false)
  })

  it('lists everything that blocks a submission', () => {
    const base = {
      gemeenten: ['GM0281'],
      allowedGemeenten: ['GM0281', 'GM0216'],
      products: ['p1'],
      allowedProducts: ['p1'],
      answers: { q1: 'ja', q2: '3' },
      questions: [yesNo, num],
      required: [required],
      attached: { r1: item },
      requireAgb: true,
      agbCode: '12345678',
    }
    expect(entryProblems(base, on)).toEqual([])
    const problems = entryProblems(
      {
        ...base,
        gemeenten: ['GM9999'],
        products: [],
        answers: { q1: 'nee' },
        attached: {},
        agbCode: null,
      },
      on,
    ).map((p) => p.key)
    expect(problems).toEqual(['gemeenten', 'producten', 'vraag-q1', 'vraag-q2', 'bewijs-r1', 'agb'])
  })
})
