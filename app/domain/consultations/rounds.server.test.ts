import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { reserveLoopbackSmtp } from '../../../e2e/support/loopback-smtp'
import { startMailCapture, type MailCapture } from '~/utils/mail-capture.server'

const port = await reserveLoopbackSmtp()
const { getDb } = await import('~/utils/db.server')
const { processOutbox } = await import('~/utils/email.server')
const { setClockForTests } = await import('~/utils/clock')
const { getStorage } = await import('~/utils/storage.server')
const { fromAmsterdamLocal } = await import('~/utils/time')
const { registerForSession } = await import('./registrations.server')
const rounds = await import('./rounds.server')
const { getPublicRound } = await import('./queries.server')
const { writtenInputCsv, writtenInputZip } = await import('./exports.server')
const f = await import('./test-factories')

const db = getDb()
const actor = { userId: 'user-inkoper', label: 'Ingrid Inkoper <inkoper@test.example>' }
const START = new Date('2026-11-23T10:00:00Z')

const sessionInput = (over: Partial<Parameters<typeof rounds.addSession>[2]> = {}) => ({
  kind: 'dialoogsessie' as const,
  title: 'Dialoogsessie wachttijden',
  startsAt: new Date('2026-12-15T13:00:00Z'),
  durationMinutes: 60,
  address: 'Regiokantoor Tiel',
  onlineUrl: null,
  seats: 9,
  seatsPerOrganisation: 2,
  registrationDeadline: new Date('2026-12-14T11:00:00Z'),
  reservations: [],
  ...over,
})

async function registered(sessionId: string, email: string) {
  const org = await f.makeOrganisation(db)
  const result = await registerForSession({
    sessionId,
    organisationId: org.id,
    attendeeName: 'Dirk Deelnemer',
    attendeeEmail: email,
    actor: { system: 'test' },
  })
  expect(result.ok).toBe(true)
  return org
}

const mails = (to: string, subject: RegExp) =>
  db.outboxMessage
    .findMany({ where: { to }, select: { subject: true, text: true } })
    .then((all) => all.filter((m) => subject.test(m.subject)))

describe('consultation rounds', () => {
  let capture: MailCapture

  beforeAll(async () => {
    capture = await startMailCapture({ port })
  })
  beforeEach(() => setClockForTests(START))
  afterAll(async () => {
    setClockForTests(null)
    await capture.close()
  })

  describe('every change to a published round is listed and e-mailed', () => {
    it('adding a session', async () => {
      const region = await f.makeRegion(db)
      const round = await f.makeRound(db, region.id)
      const first = await f.makeSession(db, round.id)
      await registered(first.id, 'sessie-erbij@example.org')
      const result = await rounds.addSession(region.id, round.id, sessionInput(), actor)
      expect(result.ok).toBe(true)
      const changes = await db.consultationChange.findMany({ where: { roundId: round.id } })
      expect(changes.map((c) => c.summary)).toEqual([
        'Sessie toegevoegd: Dialoogsessie wachttijden op 15 december 2026, 14:00',
      ])
      await processOutbox(db, { limit: 100 })
      const mail = await capture.waitFor(
        (m) => m.to.includes('sessie-erbij@example.org') && /Wijziging in consultatieronde/.test(m.subject),
      )
      expect(mail.text).toContain('Sessie toegevoegd: Dialoogsessie wachttijden')

      // A concept is not a published change.
      const concept = await f.makeRound(db, region.id, { status: 'concept' })
      await rounds.addSession(region.id, concept.id, sessionInput(), actor)
      expect(await db.consultationChange.count({ where: { roundId: concept.id } })).toBe(0)
    })

    it('publishing the consultation report and the minutes of a session', async () => {
      const region = await f.makeRegion(db)
      const round = await f.makeRound(db, region.id)
      const session = await f.makeSession(db, round.id)
      await registered(session.id, 'verslag@example.org')

      setClockForTests(new Date('2026-12-10T15:00:00Z')) // the session has been held
      expect(await rounds.publishMinutes(region.id, session.id, 'Tien aanbieders waren er.', actor)).toBe(
        true,
      )
      setClockForTests(new Date('2026-12-31T11:00:00Z')) // the round has closed
      expect(await rounds.publishReport(region.id, round.id, 'Twaalf aanbieders gaven inbreng.', actor)).toBe(
        true,
      )
      const changes = await db.consultationChange.findMany({
        where: { roundId: round.id },
        orderBy: { at: 'asc' },
      })
      expect(changes.map((c) => c.summary)).toEqual([
        'Verslag van "Dialoogsessie tarieven" gepubliceerd',
        'Consultatieverslag gepubliceerd',
      ])
      const sent = await mails('verslag@example.org', /^Wijziging in consultatieronde/)
      expect(sent.map((m) => m.text.includes('Verslag van "Dialoogsessie tarieven"'))).toContain(true)
      expect(sent.map((m) => m.text.includes('Consultatieverslag gepubliceerd'))).toContain(true)
    })
  })

  describe('invitations for reserved seats', () => {
    it('invites the beheerders of an invited organisation when a session is added to a published round', async () => {
      const region = await f.makeRegion(db)
      const round = await f.makeRound(db, region.id)
      const invited = await f.makeOrganisation(db, 'Stichting RivierZorg')
      const beheerder = await f.makeBeheerder(db, invited.id)
      const withoutUsers = await f.makeOrganisation(db)
      const result = await rounds.addSession(
        region.id,
        round.id,
        sessionInput({
          kind: 'overlegtafel',
          title: 'Overlegtafel',
          reservations: [
            { kvkNummer: invited.kvkNummer, seats: 2 },
            { kvkNummer: withoutUsers.kvkNummer, seats: 1 },
          ],
        }),
        actor,
      )
      expect(result.ok).toBe(true)
      await processOutbox(db, { limit: 100 })
      const mail = await capture.waitFor(
        (m) => m.to.includes(beheerder.email) && /Uitnodiging/.test(m.subject),
      )
      expect(mail.subject).toBe('Uitnodiging: Overlegtafel')
      expect(mail.text).toContain('Voor uw organisatie zijn 2 plaatsen gereserveerd.')
      expect(mail.text).toContain('Meld uw deelnemers aan vóór 14 december 2026, 12:00')
      // An organisation without users hears it on its own address.
      expect(await mails(withoutUsers.email, /^Uitnodiging: Overlegtafel/)).toHaveLength(1)
      expect(await mails(beheerder.email, /^Uitnodiging/)).toHaveLength(1)
    })

    it('waits for the publication of a concept round, then invites once', async () => {
      const region = await f.makeRegion(db)
      const round = await f.makeRound(db, region.id, { status: 'concept' })
      const invited = await f.makeOrganisation(db)
      const beheerder = await f.makeBeheerder(db, invited.id)
      await rounds.addSession(
        region.id,
        round.id,
        sessionInput({ reservations: [{ kvkNummer: invited.kvkNummer, seats: 1 }] }),
        actor,
      )
      expect(await mails(beheerder.email, /^Uitnodiging/)).toHaveLength(0)
      expect(await rounds.publishRound(region.id, round.id, actor)).toBe(true)
      const sent = await mails(beheerder.email, /^Uitnodiging/)
      expect(sent).toHaveLength(1)
      expect(sent[0]!.text).toContain('Voor uw organisatie is 1 plaats gereserveerd.')
    })
  })

  describe('publishing a round', () => {
    it('publishes once when two publishes come in at the same moment: one audit row, alerts once', async () => {
      const region = await f.makeRegion(db)
      const round = await f.makeRound(db, region.id, { status: 'concept' })
      const org = await f.makeOrganisation(db)
      await db.consultationAlert.create({
        data: {
          id: `alert-${round.id}`,
          organisationId: org.id,
          regionId: region.id,
          email: 'abonnee@example.org',
        },
      })
      const results = await Promise.all([
        rounds.publishRound(region.id, round.id, actor),
        rounds.publishRound(region.id, round.id, actor),
      ])
      expect(results.sort()).toEqual([false, true])
      expect(
        await db.auditEvent.count({ where: { subjectId: round.id, action: 'consultatie.gepubliceerd' } }),
      ).toBe(1)
      expect(await mails('abonnee@example.org', /^Nieuwe consultatieronde/)).toHaveLength(1)
      expect(await rounds.publishRound(region.id, round.id, actor)).toBe(false)
    })
  })

  describe('council invitations follow the municipalities of a council member', () => {
    it('invites region-wide members and members of a concerned municipality only', async () => {
      const region = await f.makeRegion(db)
      const [tiel, buren] = [await f.makeGemeente(db), await f.makeGemeente(db)]
      await db.regionGemeente.createMany({
        data: [tiel, buren].map((g) => ({ regionId: region.id, gemeenteCode: g.code })),
      })
      const regionWide = await f.makeCouncilMember(db, region.id)
      const ofTiel = await f.makeCouncilMember(db, region.id, [tiel.code])
      const ofBuren = await f.makeCouncilMember(db, region.id, [buren.code])
      const ofBoth = await f.makeCouncilMember(db, region.id, [tiel.code, buren.code])

      const input = {
        title: 'Consultatie Jeugdhulp Tiel',
        description: 'Over de jeugdhulp in Tiel.',
        gemeenteCodes: [tiel.code],
        procurementId: null,
        segmentIds: [],
        opensAt: new Date('2026-11-01T08:00:00Z'),
        closesAt: new Date('2026-12-31T11:00:00Z'),
        questionsDeadline: null,
        prompts: ['Wat vindt u ervan?'],
        publishAttendees: false,
        inviteCouncils: true,
      }
      const roundId = await rounds.createRound(region.id, input, actor)
      await rounds.publishRound(region.id, roundId, actor)
      const invited = async (email: string) => (await mails(email, /^Uitnodiging voor uw inbreng/)).length
      expect(await invited(regionWide.email)).toBe(1)
      expect(await invited(ofTiel.email)).toBe(1)
      expect(await invited(ofBoth.email)).toBe(1)
      expect(await invited(ofBuren.email)).toBe(0)

      // The round comes to concern Buren too: its council member is invited now, the others not again.
      await rounds.updateRound(
        region.id,
        roundId,
        { ...input, gemeenteCodes: [tiel.code, buren.code] },
        'Buren doet ook mee.',
        actor,
      )
      expect(await invited(ofBuren.email)).toBe(1)
      expect(await invited(ofTiel.email)).toBe(1)
      expect(await invited(regionWide.email)).toBe(1)
    })
  })

  describe('questions and the nota van inlichtingen', () => {
    it('takes questions until the question deadline, to the minute in Amsterdam time', async () => {
      const region = await f.makeRegion(db)
      // Thursday 26 November 2026, 12:00 in Amsterdam (CET) is 11:00 UTC.
      const deadline = fromAmsterdamLocal(2026, 11, 26, 12, 0)
      expect(deadline.toISOString()).toBe('2026-11-26T11:00:00.000Z')
      const round = await f.makeRound(db, region.id, { questionsDeadline: deadline })
      const org = await f.makeOrganisation(db)
      const user = await f.makeUser(db)
      const ask = (text: string) =>
        rounds.askQuestion({ roundId: round.id, organisationId: org.id, userId: user.id, text, actor })

      setClockForTests(fromAmsterdamLocal(2026, 11, 26, 11, 59, 59, 999))
      expect(await ask('Op tijd: om 11:59 Amsterdamse tijd')).toBe(true)
      setClockForTests(fromAmsterdamLocal(2026, 11, 26, 12, 0))
      expect(await ask('Te laat: precies 12:00')).toBe(false)
      // 11:30 UTC is before 12:00 on a UTC clock, but it is 12:30 in Amsterdam: too late.
      setClockForTests(new Date('2026-11-26T11:30:00Z'))
      expect(await ask('Te laat: 12:30 in Amsterdam')).toBe(false)
      // Before the round opens nobody asks.
      setClockForTests(new Date('2026-10-31T12:00:00Z'))
      expect(await ask('Te vroeg')).toBe(false)
      const stored = await db.consultationQuestion.findMany({ where: { roundId: round.id } })
      expect(stored.map((q) => q.text)).toEqual(['Op tijd: om 11:59 Amsterdamse tijd'])
    })

    it('publishes answers to every provider at one moment, without naming the asker', async () => {
      const region = await f.makeRegion(db)
      const round = await f.makeRound(db, region.id)
      const [a, b] = [await f.makeOrganisation(db, 'Zorggroep Vraagsteller'), await f.makeOrganisation(db)]
      const user = await f.makeUser(db)
      for (const [org, text] of [
        [a, 'Geldt de HKZ-eis ook voor zzp’ers?'],
        [b, 'Mag ik voor meer segmenten inschrijven?'],
      ] as const) {
        expect(
          await rounds.askQuestion({
            roundId: round.id,
            organisationId: org.id,
            userId: user.id,
            text,
            actor,
          }),
        ).toBe(true)
      }
      const questions = await db.consultationQuestion.findMany({
        where: { roundId: round.id },
        orderBy: { createdAt: 'asc' },
      })
      await rounds.answerQuestion(region.id, round.id, questions[0]!.id, 'Nee.', actor)
      // An answer that is written but not published is visible to nobody.
      expect((await getPublicRound(round.id))!.questions).toEqual([])
      await rounds.answerQuestion(region.id, round.id, questions[1]!.id, 'Ja.', actor)

      setClockForTests(new Date('2026-11-24T16:00:00Z'))
      expect(await rounds.publishAnswers(region.id, round.id, actor)).toBe(2)
      const published = (await getPublicRound(round.id))!
      // The same for every visitor (the query does not depend on who asks) and all published at the same instant.
      expect(published.questions.map((q) => q.publishedAt?.toISOString())).toEqual([
        '2026-11-24T16:00:00.000Z',
        '2026-11-24T16:00:00.000Z',
      ])
      expect(published.notas).toHaveLength(1)
      expect(published.notas[0]!.questions.map((q) => [q.number, q.answer])).toEqual([
        [1, 'Nee.'],
        [2, 'Ja.'],
      ])
      // Nothing about the asker is part of what every visitor gets.
      for (const q of published.questions) {
        expect(Object.keys(q).sort()).toEqual(['answer', 'id', 'number', 'publishedAt', 'text'])
      }
      expect(JSON.stringify(published)).not.toContain('Zorggroep Vraagsteller')
      expect(JSON.stringify(published)).not.toContain(a.id)
      expect(JSON.stringify(published)).not.toContain(user.id)
      const audit = await db.auditEvent.findFirst({
        where: { subjectId: round.id, action: 'consultatie.nvi.gepubliceerd' },
      })
      expect(audit?.summary).toBe('Nota van inlichtingen 1 gepubliceerd met 2 vraag/vragen')
    })
  })

  describe('a published nota stays as it was published', () => {
    async function roundWithAnsweredQuestions(n: number) {
      const region = await f.makeRegion(db)
      const round = await f.makeRound(db, region.id)
      const org = await f.makeOrganisation(db)
      const user = await f.makeUser(db)
      for (let i = 0; i < n; i++) {
        await rounds.askQuestion({
          roundId: round.id,
          organisationId: org.id,
          userId: user.id,
          text: `Vraag ${i}`,
          actor,
        })
      }
      const questions = await db.consultationQuestion.findMany({
        where: { roundId: round.id },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      })
      for (const q of questions) {
        expect(
          await rounds.answerQuestion(region.id, round.id, q.id, `Antwoord op ${q.text}`, actor),
        ).toEqual({
          ok: true,
        })
      }
      return { region, round, questions }
    }

    it('refuses to change an answer once it is published, with a Dutch message', async () => {
      const { region, round, questions } = await roundWithAnsweredQuestions(1)
      expect(await rounds.publishAnswers(region.id, round.id, actor)).toBe(1)
      expect(
        await rounds.answerQuestion(region.id, round.id, questions[0]!.id, 'Later anders', actor),
      ).toEqual({
        ok: false,
        reason: 'gepubliceerd',
        message: rounds.ANSWER_PUBLISHED,
      })
      const stored = await db.consultationQuestion.findUniqueOrThrow({ where: { id: questions[0]!.id } })
      expect(stored.answer).toBe('Antwoord op Vraag 0')
      expect(
        await db.auditEvent.count({
          where: { subjectId: stored.id, action: 'consultatie.vraag.beantwoord' },
        }),
      ).toBe(1)
      // Another region's question is unknown.
      const other = await f.makeRegion(db)
      expect(await rounds.answerQuestion(other.id, round.id, stored.id, 'x', actor)).toEqual({
        ok: false,
        reason: 'onbekend',
      })
    })

    it('publishes one nota when two publishes come in at the same moment', async () => {
      const { region, round } = await roundWithAnsweredQuestions(3)
      const counts = await Promise.all([
        rounds.publishAnswers(region.id, round.id, actor),
        rounds.publishAnswers(region.id, round.id, actor),
      ])
      expect(counts.sort()).toEqual([0, 3])
      const published = await db.consultationQuestion.findMany({
        where: { roundId: round.id },
        orderBy: { number: 'asc' },
      })
      expect(published.map((q) => q.number)).toEqual([1, 2, 3])
      expect(new Set(published.map((q) => q.publishedAt?.toISOString())).size).toBe(1)
      expect(
        await db.auditEvent.count({ where: { subjectId: round.id, action: 'consultatie.nvi.gepubliceerd' } }),
      ).toBe(1)
    })
  })

  describe('written input', () => {
    it('keeps answers on their question: answered questions stay, new ones are added at the end', async () => {
      const region = await f.makeRegion(db)
      const round = await f.makeRound(db, region.id)
      const input = {
        title: round.title,
        description: round.description,
        gemeenteCodes: [],
        procurementId: null,
        segmentIds: [],
        opensAt: round.opensAt,
        closesAt: round.closesAt,
        questionsDeadline: null,
        publishAttendees: false,
        inviteCouncils: false,
      }
      const edit = (prompts: string[]) =>
        rounds.updateRound(region.id, round.id, { ...input, prompts }, 'Vragen', actor)
      const prompts = () =>
        db.consultationPrompt.findMany({ where: { roundId: round.id }, orderBy: { sortOrder: 'asc' } })
      const tarieven = 'Wat vindt u van de tarieven?'
      expect(await edit(['Hoe lang zijn de wachttijden?', tarieven])).toEqual({ ok: true })
      const [, answered] = await prompts()
      const org = await f.makeOrganisation(db)
      const user = await f.makeUser(db)
      const owner = { kind: 'aanbieder' as const, organisationId: org.id, userId: user.id }
      await rounds.saveInput(round.id, owner, { [answered!.id]: 'De tarieven zijn te laag.' }, actor)

      // A new question at the end: the answer stays on its question.
      expect(await edit(['Hoe lang zijn de wachttijden?', tarieven, 'Wat mist u nog?'])).toEqual({ ok: true })
      expect((await prompts()).map((p) => [p.text, p.sortOrder])).toEqual([
        ['Hoe lang zijn de wachttijden?', 0],
        [tarieven, 1],
        ['Wat mist u nog?', 2],
      ])
      expect((await rounds.getOwnInput(round.id, owner))?.answers).toEqual([
        { promptId: answered!.id, text: 'De tarieven zijn te laag.' },
      ])

      // Inserting or removing above it, rewording or removing it: refused, nothing changes.
      const refused = {
        ok: false,
        reason: 'vragen',
        message:
          'Vraag 2 heeft al antwoorden en kan niet meer worden gewijzigd of verwijderd. Voeg nieuwe vragen onderaan toe.',
      }
      const before = await prompts()
      const changes = await db.consultationChange.count({ where: { roundId: round.id } })
      expect(await edit(['Nieuw bovenaan?', 'Hoe lang zijn de wachttijden?', tarieven])).toEqual(refused)
      expect(await edit([tarieven, 'Wat mist u nog?'])).toEqual(refused)
      expect(await edit(['Hoe lang zijn de wachttijden?', 'Wat vindt u van de tarieven in 2027?'])).toEqual(
        refused,
      )
      expect(await edit(['Hoe lang zijn de wachttijden?'])).toEqual(refused)
      expect(await prompts()).toEqual(before)
      expect(await db.consultationChange.count({ where: { roundId: round.id } })).toBe(changes)

      // Unanswered questions may still be reworded in place or dropped from the end.
      expect(await edit(['Hoe lang zijn de wachttijden nu?', tarieven])).toEqual({ ok: true })
      expect((await prompts()).map((p) => p.text)).toEqual(['Hoe lang zijn de wachttijden nu?', tarieven])
      expect((await prompts())[1]!.id).toBe(answered!.id)
    })

    it('is read-only after closing and stays visible to its own organisation', async () => {
      const region = await f.makeRegion(db)
      const round = await f.makeRound(db, region.id)
      const prompt = await db.consultationPrompt.findFirstOrThrow({ where: { roundId: round.id } })
      const org = await f.makeOrganisation(db)
      const user = await f.makeUser(db)
      const owner = { kind: 'aanbieder' as const, organisationId: org.id, userId: user.id }

      setClockForTests(new Date('2026-10-31T12:00:00Z')) // before opening
      expect(await rounds.saveInput(round.id, owner, { [prompt.id]: 'Te vroeg' }, actor)).toBeNull()
      setClockForTests(new Date('2026-12-31T10:59:59Z')) // one second before closing
      expect(
        await rounds.saveInput(round.id, owner, { [prompt.id]: 'De tarieven zijn te laag.' }, actor),
      ).not.toBeNull()
      setClockForTests(new Date('2026-12-31T11:00:00Z')) // closing
      expect(await rounds.saveInput(round.id, owner, { [prompt.id]: 'Toch anders' }, actor)).toBeNull()
      expect(await rounds.saveInput(round.id, owner, {}, actor)).toBeNull()

      const own = await rounds.getOwnInput(round.id, owner)
      expect(own?.answers).toEqual([{ promptId: prompt.id, text: 'De tarieven zijn te laag.' }])
      // Another organisation has nothing.
      const other = await f.makeOrganisation(db)
      expect(
        await rounds.getOwnInput(round.id, { kind: 'aanbieder', organisationId: other.id, userId: user.id }),
      ).toBeNull()
    })

    it('holds at most 10 attachments per input over all saves, and says so in Dutch', async () => {
      const region = await f.makeRegion(db)
      const round = await f.makeRound(db, region.id)
      const prompt = await db.consultationPrompt.findFirstOrThrow({ where: { roundId: round.id } })
      const org = await f.makeOrganisation(db)
      const user = await f.makeUser(db)
      const owner = { kind: 'aanbieder' as const, organisationId: org.id, userId: user.id }
      const pdfs = async (n: number) =>
        Promise.all(
          Array.from({ length: n }, async (_, i) => ({
            ...(await getStorage().put(Buffer.from(`%PDF-1.4\n% ${i}\n`))),
            displayName: `bijlage-${i}.pdf`,
            contentType: 'application/pdf',
          })),
        )
      const save = async (text: string, files: Awaited<ReturnType<typeof pdfs>>, remove: string[] = []) =>
        rounds.saveInput(round.id, owner, { [prompt.id]: text }, actor, files, remove)
      const attached = async () => (await rounds.getOwnInput(round.id, owner))!.files.map((x) => x.file.id)

      await save('Eerste versie', await pdfs(5))
      await save('Tweede versie', await pdfs(5))
      expect(await attached()).toHaveLength(rounds.MAX_FILES_PER_INPUT)

      // An eleventh file is refused, and nothing of that save is kept.
      const refused = save('Derde versie', await pdfs(1))
      await expect(refused).rejects.toBeInstanceOf(rounds.InputFilesRefused)
      await expect(refused).rejects.toThrow(
        'Uw inbreng heeft al 10 bijlagen; het maximum is 10. Verwijder eerst een bijlage die u niet meer nodig heeft.',
      )
      const own = await rounds.getOwnInput(round.id, owner)
      expect(own!.files).toHaveLength(10)
      expect(own!.answers[0]!.text).toBe('Tweede versie')

      // Removing in the same save makes room; the message counts what stays.
      const [first, second] = await attached()
      await expect(save('Derde versie', await pdfs(3), [first!])).rejects.toThrow(
        'Uw inbreng heeft al 9 bijlagen; het maximum is 10. Voeg er hoogstens 1 toe,',
      )
      expect(await save('Derde versie', await pdfs(2), [first!, second!])).not.toBeNull()
      expect(await attached()).toHaveLength(10)
      // Saving text alone still works at the maximum.
      expect(await save('Vierde versie', [])).not.toBeNull()
    })

    it('takes council input only from members the round concerns', async () => {
      const region = await f.makeRegion(db)
      const [tiel, buren] = [await f.makeGemeente(db), await f.makeGemeente(db)]
      const round = await f.makeRound(db, region.id, { inviteCouncils: true })
      await db.consultationRoundGemeente.create({ data: { roundId: round.id, gemeenteCode: tiel.code } })
      const prompt = await db.consultationPrompt.findFirstOrThrow({ where: { roundId: round.id } })
      const save = (userId: string) =>
        rounds.saveInput(round.id, { kind: 'adviesraad', userId }, { [prompt.id]: 'Advies' }, actor)
      const ofBuren = await f.makeCouncilMember(db, region.id, [buren.code])
      const ofTiel = await f.makeCouncilMember(db, region.id, [tiel.code])
      const regionWide = await f.makeCouncilMember(db, region.id)
      const otherRegion = await f.makeCouncilMember(db, (await f.makeRegion(db)).id)
      expect(await save(ofBuren.id)).toBeNull()
      expect(await save(otherRegion.id)).toBeNull()
      expect(await save(ofTiel.id)).not.toBeNull()
      expect(await save(regionWide.id)).not.toBeNull()
      expect(await rounds.isConcernedCouncilMember(db, ofBuren.id, round)).toBe(false)
      expect(await db.writtenInput.count({ where: { roundId: round.id, authorUserId: ofBuren.id } })).toBe(0)
    })

    it('keeps council input apart from provider input in the export', async () => {
      const region = await f.makeRegion(db)
      const round = await f.makeRound(db, region.id, { inviteCouncils: true })
      const prompt = await db.consultationPrompt.findFirstOrThrow({ where: { roundId: round.id } })
      const org = await f.makeOrganisation(db, 'Zorggroep Inbreng')
      const provider = await f.makeUser(db)
      const council = await f.makeCouncilMember(db, region.id)
      const stored = await getStorage().put(Buffer.from('%PDF-1.4\n% raad\n'))
      await rounds.saveInput(
        round.id,
        { kind: 'adviesraad', userId: council.id },
        { [prompt.id]: 'Let op de toegankelijkheid voor cliënten.' },
        actor,
        [{ ...stored, displayName: 'advies.pdf', contentType: 'application/pdf' }],
      )
      await rounds.saveInput(
        round.id,
        { kind: 'aanbieder', organisationId: org.id, userId: provider.id },
        { [prompt.id]: 'De tarieven zijn te laag.' },
        actor,
      )
      // Not before closing.
      expect(await writtenInputCsv(region.id, round.id)).toBeNull()
      setClockForTests(new Date('2026-12-31T11:00:00Z'))
      const csv = (await writtenInputCsv(region.id, round.id))!
      const lines = csv
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r\n/)
      expect(lines).toHaveLength(3)
      expect(lines[0]).toMatch(/^"?soort"?;/)
      // Providers first, then councils, each marked by its kind; a council member has no organisation.
      expect(lines[1]).toMatch(/^"?zorgaanbieder"?;"?Zorggroep Inbreng"?;/)
      expect(lines[1]).toContain('De tarieven zijn te laag.')
      expect(lines[2]).toMatch(/^"?adviesraad\/cliëntenraad"?;"?"?;/)
      expect(lines[2]).toContain('Let op de toegankelijkheid voor cliënten.')
      expect(lines[2]).toContain('adviesraden/')
      const chunks: Buffer[] = []
      for await (const chunk of (await writtenInputZip(region.id, round.id))!) chunks.push(chunk as Buffer)
      const zip = Buffer.concat(chunks)
      expect(zip.includes(Buffer.from('adviesraden/adviesraad-'))).toBe(true)
      expect(zip.includes(Buffer.from('zorgaanbieders/adviesraad'))).toBe(false)
      expect(zip.includes(Buffer.from('% raad'))).toBe(true)
    })
  })
})
