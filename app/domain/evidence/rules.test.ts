import { describe, expect, it } from 'vitest'
import { fromAmsterdamLocal } from '~/utils/time'
import {
  checkRequirement,
  dueReminderMark,
  evidenceStatus,
  monthsBefore,
  professionalCountsLabel,
  reminderMessage,
  satisfiesRequirement,
} from './rules'

const d = (y: number, m: number, day: number, h = 0) => fromAmsterdamLocal(y, m, day, h)
const today = d(2026, 11, 23, 10)

describe('evidenceStatus', () => {
  const base = { validFrom: d(2025, 1, 1), verification: 'goedgekeurd' }
  it('geldig, verloopt binnenkort (≤ 90 days), verlopen, nog niet geldig', () => {
    expect(evidenceStatus({ ...base, validUntil: d(2027, 6, 1) }, today).validity).toBe('geldig')
    expect(evidenceStatus({ ...base, validUntil: null }, today).validity).toBe('geldig')
    expect(evidenceStatus({ ...base, validUntil: d(2027, 2, 21) }, today)).toMatchObject({
      validity: 'verloopt_binnenkort',
      daysLeft: 90,
    })
    expect(evidenceStatus({ ...base, validUntil: d(2027, 2, 22) }, today).validity).toBe('geldig')
    expect(evidenceStatus({ ...base, validUntil: d(2026, 11, 23) }, today)).toMatchObject({
      validity: 'verloopt_binnenkort',
      daysLeft: 0,
    })
    expect(evidenceStatus({ ...base, validUntil: d(2026, 11, 22) }, today).validity).toBe('verlopen')
    expect(evidenceStatus({ ...base, validFrom: d(2026, 12, 1), validUntil: null }, today).validity).toBe(
      'nog_niet_geldig',
    )
  })
  it('labels with text, including the rejection reason', () => {
    expect(evidenceStatus({ ...base, validUntil: d(2026, 12, 3) }, today).label).toBe(
      'Verloopt binnenkort (over 10 dagen) · Goedgekeurd',
    )
    expect(
      evidenceStatus(
        {
          validFrom: d(2025, 1, 1),
          validUntil: null,
          verification: 'afgekeurd',
          rejectionReason: 'Onleesbaar',
        },
        today,
      ).label,
    ).toBe('Geldig · Afgekeurd: Onleesbaar')
    expect(evidenceStatus({ ...base, verification: 'in_controle', validUntil: null }, today).label).toBe(
      'Geldig · In controle',
    )
  })
})

describe('satisfiesRequirement', () => {
  const item = {
    typeId: 'hkz',
    validFrom: d(2025, 1, 1),
    validUntil: d(2027, 1, 1),
    issuedAt: null,
    verification: 'goedgekeurd',
  }
  const req = { evidenceTypeId: 'hkz', validUntilAtLeast: null, issuedWithinMonths: null }
  it('needs the same type, not rejected, valid on the date (through the last day)', () => {
    expect(satisfiesRequirement(item, req, today)).toBe(true)
    expect(satisfiesRequirement({ ...item, typeId: 'iso' }, req, today)).toBe(false)
    expect(satisfiesRequirement({ ...item, verification: 'afgekeurd' }, req, today)).toBe(false)
    expect(satisfiesRequirement({ ...item, verification: 'in_controle' }, req, today)).toBe(true)
    expect(
      satisfiesRequirement({ ...item, verification: 'in_controle' }, req, today, { requireApproved: true }),
    ).toBe(false)
    expect(satisfiesRequirement(item, req, d(2027, 1, 1, 23))).toBe(true)
    expect(satisfiesRequirement(item, req, d(2027, 1, 2))).toBe(false)
    expect(satisfiesRequirement(item, req, d(2024, 12, 31))).toBe(false)
  })
  it('valid until at least a date; an item without end date always is', () => {
    expect(satisfiesRequirement(item, { ...req, validUntilAtLeast: d(2027, 1, 1) }, today)).toBe(true)
    expect(satisfiesRequirement(item, { ...req, validUntilAtLeast: d(2027, 1, 2) }, today)).toBe(false)
    expect(
      satisfiesRequirement(
        { ...item, validUntil: null },
        { ...req, validUntilAtLeast: d(2030, 1, 1) },
        today,
      ),
    ).toBe(true)
  })
  it('issued within N months (issue date, else valid from)', () => {
    const vog = {
      typeId: 'vog',
      validFrom: d(2026, 5, 23),
      validUntil: null,
      issuedAt: d(2026, 5, 23),
      verification: 'goedgekeurd',
    }
    const within6 = { evidenceTypeId: 'vog', validUntilAtLeast: null, issuedWithinMonths: 6 }
    expect(satisfiesRequirement(vog, within6, today)).toBe(true)
    expect(satisfiesRequirement({ ...vog, issuedAt: d(2026, 5, 22) }, within6, today)).toBe(false)
    expect(satisfiesRequirement({ ...vog, issuedAt: null, validFrom: d(2026, 1, 1) }, within6, today)).toBe(
      false,
    )
  })
  it('with applyRecency false, ignores "issued within N months" but still checks approval and validity', () => {
    const vog = {
      typeId: 'vog',
      validFrom: d(2025, 1, 10),
      validUntil: null,
      issuedAt: d(2025, 1, 10),
      verification: 'goedgekeurd',
    }
    const within6 = { evidenceTypeId: 'vog', validUntilAtLeast: d(2027, 1, 1), issuedWithinMonths: 6 }
    const ongoing = { applyRecency: false, requireApproved: true }
    // By default (entry submission and decision) a 22-month-old VOG is too old.
    expect(satisfiesRequirement(vog, within6, today)).toBe(false)
    expect(satisfiesRequirement(vog, within6, today, ongoing)).toBe(true)
    expect(satisfiesRequirement({ ...vog, verification: 'in_controle' }, within6, today, ongoing)).toBe(false)
    expect(satisfiesRequirement({ ...vog, verification: 'afgekeurd' }, within6, today, ongoing)).toBe(false)
    expect(satisfiesRequirement({ ...vog, validUntil: d(2026, 11, 22) }, within6, today, ongoing)).toBe(false)
    expect(satisfiesRequirement({ ...vog, validUntil: d(2026, 12, 31) }, within6, today, ongoing)).toBe(false)
    expect(satisfiesRequirement({ ...vog, validFrom: d(2026, 12, 1) }, within6, today, ongoing)).toBe(false)
  })
  it('monthsBefore clamps to the end of a month', () => {
    expect(monthsBefore(new Date('2026-05-31T12:00:00Z'), 3).toISOString()).toBe('2026-02-28T12:00:00.000Z')
  })
})

describe('checkRequirement', () => {
  it('picks the item valid longest, or names the gap', () => {
    const a = {
      id: 'a',
      typeId: 't',
      validFrom: d(2025, 1, 1),
      validUntil: d(2027, 1, 1),
      issuedAt: null,
      verification: 'goedgekeurd',
    }
    const b = { ...a, id: 'b', validUntil: d(2028, 1, 1) }
    const req = {
      evidenceTypeId: 't',
      validUntilAtLeast: null,
      issuedWithinMonths: null,
      typeName: 'HKZ-certificaat',
    }
    expect(checkRequirement([a, b], req, today).match?.id).toBe('b')
    expect(checkRequirement([], req, today).gap).toBe('Er is nog geen HKZ-certificaat aangeleverd.')
    expect(checkRequirement([{ ...a, validUntil: d(2026, 1, 1) }], req, today).gap).toBe(
      'HKZ-certificaat: Dit bewijsstuk is verlopen.',
    )
  })
})

describe('dueReminderMark', () => {
  const until = d(2027, 1, 1)
  it('follows the 90/30/7/0 marks', () => {
    expect(dueReminderMark(until, d(2026, 10, 2))).toBeNull() // 91 days
    expect(dueReminderMark(until, d(2026, 10, 3))).toBe(90)
    expect(dueReminderMark(until, d(2026, 12, 1))).toBe(90) // 31 days
    expect(dueReminderMark(until, d(2026, 12, 2))).toBe(30)
    expect(dueReminderMark(until, d(2026, 12, 25))).toBe(7)
    expect(dueReminderMark(until, d(2027, 1, 1, 23))).toBe(0)
    expect(dueReminderMark(until, d(2027, 1, 5))).toBe(0) // a late run still sends the last one
    expect(dueReminderMark(until, d(2027, 1, 20))).toBeNull()
  })
})

describe('reminderMessage', () => {
  const until = d(2027, 1, 1)
  it('names the real days left, not the reminder mark', () => {
    // 45 days left falls under the 90-day mark, but the provider is told 45.
    const m = reminderMessage('HKZ-certificaat', until, d(2026, 11, 17, 10))
    expect(m.subject).toBe('Uw bewijsstuk HKZ-certificaat verloopt over 45 dagen')
    expect(m.summary).toBe('Herinnering: HKZ-certificaat verloopt over 45 dagen')
    expect(m.text).toContain('is nog 45 dagen geldig, tot en met 1 januari 2027.')
    expect(reminderMessage('VOG', until, d(2026, 12, 31, 23)).subject).toBe(
      'Uw bewijsstuk VOG verloopt over 1 dag',
    )
  })
  it('on the last day: verloopt vandaag, valid through today', () => {
    const m = reminderMessage('HKZ-certificaat', until, d(2027, 1, 1, 23))
    expect(m.subject).toBe('Uw bewijsstuk HKZ-certificaat verloopt vandaag')
    expect(m.text).toContain('is vandaag (1 januari 2027) voor het laatst geldig')
    expect(m.text).toContain('Vanaf morgen is het niet meer geldig.')
  })
  it('after the last day: is verlopen, never "vandaag"', () => {
    for (const when of [d(2027, 1, 2), d(2027, 1, 8, 12)]) {
      const m = reminderMessage('HKZ-certificaat', until, when)
      expect(m.subject).toBe('Uw bewijsstuk HKZ-certificaat is verlopen')
      expect(m.summary).toBe('Herinnering: HKZ-certificaat is verlopen')
      expect(m.text).toContain('was geldig tot en met 1 januari 2027 en is nu verlopen.')
      expect(m.text).not.toMatch(/vandaag|verloopt/)
    }
  })
})

describe('professionalCountsLabel', () => {
  it('names both counts and the share, rounded down so 100% means everyone', () => {
    expect(professionalCountsLabel(45, 42)).toBe('42 van 45 professionals geregistreerd (93%)')
    expect(professionalCountsLabel(100, 29)).toBe('29 van 100 professionals geregistreerd (29%)')
    expect(professionalCountsLabel(1200, 1199)).toBe('1.199 van 1.200 professionals geregistreerd (99%)')
    expect(professionalCountsLabel(1, 1)).toBe('1 van 1 professional geregistreerd (100%)')
    expect(professionalCountsLabel(0, 0)).toBe('0 van 0 professionals geregistreerd')
  })

  it('is absent without counts', () => {
    expect(professionalCountsLabel(null, null)).toBeNull()
    expect(professionalCountsLabel(45, null)).toBeNull()
  })
})
