/**
 * Who may open which page. The authorisation walk (e2e/route-access.spec.ts) requests every path below as every role
 * and checks the outcome; it also fails when a route file in app/routes has no rule here, so a new route cannot ship
 * without one. Paths use the demo data (prisma/seed/), so ids are the fixed seed ids.
 *
 * Outcomes: 200 (page shown), 404 (not found or not yours), 403 (yours, but your role may not), 'login' (redirect to
 * /inloggen), 'redirect' (another redirect, e.g. after POST-only routes), 405 (method not allowed).
 */
export type Outcome = 200 | 403 | 404 | 405 | 'login' | 'redirect'

/**
 * anoniem: not signed in · aanbieder: beheerder@delinge.example (beheerder of org-de-linge) · medewerker:
 * medewerker@delinge.example · andereAanbieder: beheerder@kompas.example (another organisation) · inkoper,
 * contractmanager, regiobeheerder: Regio Rivierenland staff · andereInkoper: inkoper@leidseregio.example (another
 * region) · platformbeheer: beheer@aanbiederspoort.example · adviesraad: adviesraad@rivierenland.example (a council
 * member of Regio Rivierenland: reads and answers the consultation rounds it is invited to, nothing else)
 */
export const ROLES = [
  'anoniem',
  'aanbieder',
  'medewerker',
  'andereAanbieder',
  'inkoper',
  'contractmanager',
  'regiobeheerder',
  'andereInkoper',
  'platformbeheer',
  'adviesraad',
] as const
export type Role = (typeof ROLES)[number]

export type RouteRule = {
  /** The route module, relative to app/routes (e.g. 'aanbieder._index.tsx'). */
  file: string
  /** A concrete path to request (GET). */
  path: string
  /** Outcome per role; roles left out expect `otherwise`. */
  expect: Partial<Record<Role, Outcome>>
  otherwise: Outcome
  /** For the POST walk, where a POST is answered otherwise than a GET (POST-only routes). */
  post?: Partial<Record<Role, Outcome>>
}

const everyone = (o: Outcome) => ({ expect: {}, otherwise: o })

/**
 * A council member belongs to Regio Rivierenland without a staff role: its landing page shows the rounds it is invited
 * to, and every other Rivierenland staff page answers 403 (yours, but not your role). Applied to every rule under
 * /regio/rivierenland/ that does not say otherwise, so a new staff page that forgets its roles fails the walk.
 */
function councilSeesNoStaffPages(rules: RouteRule[]): RouteRule[] {
  return rules.map((rule) =>
    rule.path.startsWith('/regio/rivierenland/') && rule.expect.adviesraad === undefined
      ? { ...rule, expect: { ...rule.expect, adviesraad: 403 } }
      : rule,
  )
}

export const ROUTE_RULES: RouteRule[] = councilSeesNoStaffPages([
  { file: '_index.tsx', path: '/', ...everyone(200) },
  { file: '$.tsx', path: '/bestaat-niet', ...everyone(404) },
  { file: 'healthz.ts', path: '/healthz', ...everyone(200) },
  { file: 'toegankelijkheid.tsx', path: '/toegankelijkheid', ...everyone(200) },
  { file: 'privacy.tsx', path: '/privacy', ...everyone(200) },
  { file: 'inloggen.tsx', path: '/inloggen', expect: { anoniem: 200 }, otherwise: 'redirect' },
  {
    file: 'inloggen_.tweestaps.tsx',
    path: '/inloggen/tweestaps',
    expect: { anoniem: 'login' },
    otherwise: 'redirect',
  },
  { file: 'uitloggen.ts', path: '/uitloggen', ...everyone('redirect') },
  // Development and demo only; the walk runs against the demo server.
  { file: 'dev.mail.tsx', path: '/dev/mail', ...everyone(404) },
  { file: 'dev.totp.tsx', path: '/dev/totp', ...everyone(200) },
  // Accounts: sign-up, confirmation, password reset, own account. Token pages with an unknown token explain that
  // the link no longer works (invitations answer 404).
  { file: 'registreren._index.tsx', path: '/registreren', expect: { anoniem: 200 }, otherwise: 'redirect' },
  { file: 'registreren.verstuurd.tsx', path: '/registreren/verstuurd', ...everyone(200) },
  {
    file: 'account.bevestigen.tsx',
    path: '/account/bevestigen',
    expect: { anoniem: 'login' },
    otherwise: 'redirect',
  },
  { file: 'account.bevestigen.tsx', path: '/account/bevestigen?token=onbekend', ...everyone(200) },
  { file: 'wachtwoord-vergeten.tsx', path: '/wachtwoord-vergeten', ...everyone(200) },
  { file: 'wachtwoord-herstellen.$token.tsx', path: '/wachtwoord-herstellen/onbekend', ...everyone(200) },
  { file: 'account._index.tsx', path: '/account', expect: { anoniem: 'login' }, otherwise: 200 },
  { file: 'account.email-wijzigen.$token.tsx', path: '/account/email-wijzigen/onbekend', ...everyone(200) },
  {
    // Staff already have TOTP (sent on to /account); everyone else may switch it on.
    file: 'account.tweestaps.instellen.tsx',
    path: '/account/tweestaps/instellen',
    expect: {
      anoniem: 'login',
      inkoper: 'redirect',
      contractmanager: 'redirect',
      regiobeheerder: 'redirect',
      andereInkoper: 'redirect',
    },
    otherwise: 200,
  },
  { file: 'uitnodiging.$token.tsx', path: '/uitnodiging/onbekend', ...everyone(404) },
  // Provider area: acts on the current organisation; without one, people are sent to /aanbieder/nieuw.
  { file: 'aanbieder.nieuw.tsx', path: '/aanbieder/nieuw', expect: { anoniem: 'login' }, otherwise: 200 },
  {
    file: 'aanbieder._index.tsx',
    path: '/aanbieder',
    expect: { anoniem: 'login', aanbieder: 200, medewerker: 200, andereAanbieder: 200 },
    otherwise: 'redirect',
  },
  {
    // Choosing an organisation one is not a member of (editing the URL) gives 404.
    file: 'aanbieder._index.tsx',
    path: '/aanbieder?organisatie=org-de-linge',
    expect: { anoniem: 'login', aanbieder: 200, medewerker: 200 },
    otherwise: 404,
  },
  {
    file: 'aanbieder.organisatie.tsx',
    path: '/aanbieder/organisatie',
    expect: { anoniem: 'login', aanbieder: 200, medewerker: 403, andereAanbieder: 200 },
    otherwise: 'redirect',
  },
  {
    file: 'aanbieder.gebruikers.tsx',
    path: '/aanbieder/gebruikers',
    expect: { anoniem: 'login', aanbieder: 200, medewerker: 200, andereAanbieder: 200 },
    otherwise: 'redirect',
  },
  // Region side: /regio sends staff of one region straight to it.
  {
    file: 'regio._index.tsx',
    path: '/regio',
    expect: {
      anoniem: 'login',
      inkoper: 'redirect',
      contractmanager: 'redirect',
      regiobeheerder: 'redirect',
      andereInkoper: 'redirect',
      adviesraad: 'redirect',
    },
    otherwise: 404,
  },
  ...(
    [
      ['regio.$slug.medewerkers.tsx', '/regio/rivierenland/medewerkers'],
      ['regio.$slug.gemeenten.tsx', '/regio/rivierenland/gemeenten'],
    ] as const
  ).map(([file, path]) => ({
    file,
    path,
    expect: { anoniem: 'login', inkoper: 200, contractmanager: 200, regiobeheerder: 200 } as const,
    otherwise: 404 as const,
  })),
  // A council member's landing page: the rounds it is invited to.
  {
    file: 'regio.$slug._index.tsx',
    path: '/regio/rivierenland',
    expect: { anoniem: 'login', inkoper: 200, contractmanager: 200, regiobeheerder: 200, adviesraad: 200 },
    otherwise: 404,
  },
  {
    file: 'beheer._index.tsx',
    path: '/beheer',
    expect: { anoniem: 'login', platformbeheer: 200 },
    otherwise: 404,
  },
  // Keuzehulp: public, the same for everyone. The provider page is 404 for an id that is not a listed provider.
  { file: 'keuzehulp._index.tsx', path: '/keuzehulp?gemeente=GM0281', ...everyone(200) },
  { file: 'keuzehulp.suggesties.ts', path: '/keuzehulp/suggesties?q=ti', ...everyone(200) },
  { file: 'keuzehulp.aanbieder.$id.tsx', path: '/keuzehulp/aanbieder/bestaat-niet', ...everyone(404) },
  { file: 'api.open-data._index.tsx', path: '/api/open-data', ...everyone(200) },
  { file: 'api.open-data.aanbieders[.json].ts', path: '/api/open-data/aanbieders.json', ...everyone(200) },
  { file: 'api.open-data.aanbieders[.csv].ts', path: '/api/open-data/aanbieders.csv', ...everyone(200) },
  { file: 'api.ping.ts', path: '/api/ping', ...everyone(200) },
  // Evidence (bewijsstukken). Provider pages act on the current organisation: people without one are sent to
  // /aanbieder/nieuw. Seed ids from prisma/seed/evidence.ts. Region staff see De Linge's evidence because the demo
  // admissions admit De Linge in Regio Rivierenland (prisma/seed/admissions.ts).
  ...(
    [
      ['aanbieder.bewijsstukken._index.tsx', '/aanbieder/bewijsstukken'],
      ['aanbieder.bewijsstukken.nieuw.tsx', '/aanbieder/bewijsstukken/nieuw'],
      ['aanbieder.bewijsstukken.eisen.tsx', '/aanbieder/bewijsstukken/eisen'],
    ] as const
  ).map(([file, path]) => ({
    file,
    path,
    expect: { anoniem: 'login', aanbieder: 200, medewerker: 200, andereAanbieder: 200 } as const,
    otherwise: 'redirect' as const,
  })),
  ...(
    [
      ['aanbieder.bewijsstukken.$itemId._index.tsx', '/aanbieder/bewijsstukken/bewijsstuk-delinge-hkz'],
      [
        'aanbieder.bewijsstukken.$itemId.vervangen.tsx',
        '/aanbieder/bewijsstukken/bewijsstuk-delinge-hkz/vervangen',
      ],
    ] as const
  ).map(([file, path]) => ({
    file,
    path,
    expect: { anoniem: 'login', aanbieder: 200, medewerker: 200, andereAanbieder: 404 } as const,
    otherwise: 'redirect' as const,
  })),
  // POST only (the upload endpoint of the progress bar).
  {
    // POST only (the upload with progress bar): anonymous posts go to the login, members of an organisation reach the
    // upload, staff without an organisation are sent to create one.
    file: 'aanbieder.bewijsstukken.uploaden.ts',
    path: '/aanbieder/bewijsstukken/uploaden',
    ...everyone(405),
    post: {
      anoniem: 'login',
      medewerker: 200,
      andereAanbieder: 200,
      andereInkoper: 'redirect',
      adviesraad: 'redirect',
    },
  },
  {
    file: 'bestanden.bewijsstukken.$fileId.ts',
    path: '/bestanden/bewijsstukken/bestand-bewijsstuk-delinge-hkz',
    expect: {
      anoniem: 'login',
      aanbieder: 200,
      medewerker: 200,
      inkoper: 200,
      contractmanager: 200,
      regiobeheerder: 200,
    },
    otherwise: 404,
  },
  {
    file: 'regio.$slug.bewijsstukken._index.tsx',
    path: '/regio/rivierenland/bewijsstukken',
    expect: { anoniem: 'login', inkoper: 200, contractmanager: 200, regiobeheerder: 200 },
    otherwise: 404,
  },
  {
    file: 'regio.$slug.bewijsstukken.$itemId.tsx',
    path: '/regio/rivierenland/bewijsstukken/bewijsstuk-delinge-hkz',
    expect: { anoniem: 'login', inkoper: 200, contractmanager: 200, regiobeheerder: 200 },
    otherwise: 404,
  },
  // The region's own evidence types (and the platform's, read only).
  ...(
    [
      ['regio.$slug.bewijstypen._index.tsx', '/regio/rivierenland/bewijstypen'],
      [
        'regio.$slug.bewijstypen.$typeId.tsx',
        '/regio/rivierenland/bewijstypen/bewijs-rl-verklaring-kwaliteitskader',
      ],
    ] as const
  ).map(([file, path]) => ({
    file,
    path,
    expect: { anoniem: 'login', inkoper: 200, contractmanager: 200, regiobeheerder: 200 } as const,
    otherwise: 404 as const,
  })),
  // Werkgebied and capacity: providers edit their own (current organisation); region staff only read.
  {
    file: 'aanbieder.capaciteit._index.tsx',
    path: '/aanbieder/capaciteit',
    expect: { anoniem: 'login', aanbieder: 200, medewerker: 200, andereAanbieder: 200 },
    otherwise: 'redirect',
  },
  ...(
    [
      ['regio.$slug.capaciteit._index.tsx', '/regio/rivierenland/capaciteit'],
      ['regio.$slug.capaciteit.cijfers[.]csv.ts', '/regio/rivierenland/capaciteit/cijfers.csv'],
      ['regio.$slug.capaciteit.ontwikkeling[.]csv.ts', '/regio/rivierenland/capaciteit/ontwikkeling.csv'],
      ['regio.$slug.capaciteit.aanbieders[.]csv.ts', '/regio/rivierenland/capaciteit/aanbieders.csv'],
    ] as const
  ).map(([file, path]) => ({
    file,
    path,
    expect: { anoniem: 'login', inkoper: 200, contractmanager: 200, regiobeheerder: 200 } as const,
    otherwise: 404 as const,
  })),
  // Admissions (toetredingen and toelatingen). Seed ids from prisma/seed/admissions.ts on the catalogue's
  // open-house perceel; provider pages act on the current organisation (people without one go to /aanbieder/nieuw).
  {
    file: 'aanbieder.toetredingen._index.tsx',
    path: '/aanbieder/toetredingen',
    expect: { anoniem: 'login', aanbieder: 200, medewerker: 200, andereAanbieder: 200 },
    otherwise: 'redirect',
  },
  {
    file: 'aanbieder.toetredingen.nieuw.tsx',
    path: '/aanbieder/toetredingen/nieuw?perceel=perceel-rl-ambulante-behandeling',
    expect: { anoniem: 'login', aanbieder: 200, medewerker: 200, andereAanbieder: 200 },
    otherwise: 'redirect',
  },
  {
    file: 'aanbieder.toetredingen.$entryId.tsx',
    path: '/aanbieder/toetredingen/toetreding-de-linge-2022',
    expect: { anoniem: 'login', aanbieder: 200, medewerker: 200, andereAanbieder: 404 },
    otherwise: 'redirect',
  },
  {
    // Kompas is named as onderaannemer in De Linge's draft: only Kompas sees the request.
    file: 'aanbieder.toetredingen.partner.$partnerId.tsx',
    path: '/aanbieder/toetredingen/partner/partner-de-linge-uitbreiding-kompas',
    expect: { anoniem: 'login', aanbieder: 404, medewerker: 404, andereAanbieder: 200 },
    otherwise: 'redirect',
  },
  ...(
    [
      ['regio.$slug.toetredingen._index.tsx', '/regio/rivierenland/toetredingen'],
      ['regio.$slug.toetredingen.$entryId.tsx', '/regio/rivierenland/toetredingen/toetreding-gen-01'],
      ['regio.$slug.toelatingen.gunning.tsx', '/regio/rivierenland/toelatingen/gunning'],
    ] as const
  ).map(([file, path]) => ({
    file,
    path,
    expect: { anoniem: 'login', inkoper: 200, contractmanager: 403, regiobeheerder: 403 } as const,
    otherwise: 404 as const,
  })),
  ...(
    [
      ['regio.$slug.toelatingen._index.tsx', '/regio/rivierenland/toelatingen'],
      [
        'regio.$slug.toelatingen.$admissionId.tsx',
        '/regio/rivierenland/toelatingen/toelating-de-linge-2022-1-GM0214',
      ],
    ] as const
  ).map(([file, path]) => ({
    file,
    path,
    expect: { anoniem: 'login', inkoper: 200, contractmanager: 200, regiobeheerder: 403 } as const,
    otherwise: 404 as const,
  })),
  { file: 'register.$perceelId.tsx', path: '/register/perceel-rl-ambulante-behandeling', ...everyone(200) },
  // Catalogue: buyer screens (only the region's inkopers) and the public inkoopagenda.
  ...(
    [
      ['regio.$slug.inkoop._index.tsx', '/regio/rivierenland/inkoop'],
      ['regio.$slug.inkoop.nieuw.tsx', '/regio/rivierenland/inkoop/nieuw'],
      ['regio.$slug.inkoop.$procurementId._index.tsx', '/regio/rivierenland/inkoop/inkoop-rivierenland-2023'],
      [
        'regio.$slug.inkoop.$procurementId.bewerken.tsx',
        '/regio/rivierenland/inkoop/inkoop-rivierenland-2023/bewerken',
      ],
      [
        'regio.$slug.inkoop.$procurementId.percelen.$perceelId._index.tsx',
        '/regio/rivierenland/inkoop/inkoop-rivierenland-2023/percelen/perceel-rl-ambulante-behandeling',
      ],
      [
        'regio.$slug.inkoop.$procurementId.percelen.$perceelId.producten.$productId.tsx',
        '/regio/rivierenland/inkoop/inkoop-rivierenland-2023/percelen/perceel-rl-ambulante-behandeling/producten/product-rl-45a01-licht',
      ],
      [
        'regio.$slug.inkoop.$procurementId.percelen.$perceelId.import.tsx',
        '/regio/rivierenland/inkoop/inkoop-rivierenland-2023/percelen/perceel-rl-ambulante-behandeling/import',
      ],
      [
        'regio.$slug.inkoop.$procurementId.percelen.$perceelId.export[.]csv.ts',
        '/regio/rivierenland/inkoop/inkoop-rivierenland-2023/percelen/perceel-rl-ambulante-behandeling/export.csv',
      ],
    ] as const
  ).map(([file, path]) => ({
    file,
    path,
    expect: { anoniem: 'login', inkoper: 200, contractmanager: 403, regiobeheerder: 403 } as const,
    otherwise: 404 as const,
  })),
  { file: 'inkoopagenda._index.tsx', path: '/inkoopagenda', ...everyone(200) },
  {
    file: 'inkoopagenda.$procurementId.tsx',
    path: '/inkoopagenda/inkoop-rivierenland-2023',
    ...everyone(200),
  },
  // Consultations (issue 8). Public pages for everyone; the provider's own pages need an organisation; the buyer's
  // pages are for the inkopers of the region (Rivierenland here).
  { file: 'consultaties._index.tsx', path: '/consultaties', ...everyone(200) },
  {
    file: 'consultaties.$roundId._index.tsx',
    path: '/consultaties/consultatie-rl-overlegtafel',
    ...everyone(200),
  },
  {
    file: 'consultaties.$roundId.nvi.$nummer.tsx',
    path: '/consultaties/consultatie-lr-wmo/nvi/1',
    ...everyone(200),
  },
  {
    file: 'consultaties.$roundId.nvi.$nummer_.nota[.]pdf.ts',
    path: '/consultaties/consultatie-lr-wmo/nvi/2/nota.pdf',
    ...everyone(200),
  },
  {
    file: 'consultaties.$roundId.sessies.$sessionId.agenda[.]ics.ts',
    path: '/consultaties/consultatie-rl-overlegtafel/sessies/sessie-rl-overlegtafel/agenda.ics',
    ...everyone(200),
  },
  {
    file: 'consultaties.meldingen.tsx',
    path: '/consultaties/meldingen',
    expect: { anoniem: 'login', aanbieder: 200, medewerker: 200, andereAanbieder: 200 },
    otherwise: 'redirect',
  },
  {
    file: 'consultaties.$roundId.inbreng.tsx',
    path: '/consultaties/consultatie-rl-overlegtafel/inbreng',
    // The council of Rivierenland is invited to this round and gives its own written input.
    expect: { anoniem: 'login', aanbieder: 200, medewerker: 200, andereAanbieder: 200, adviesraad: 200 },
    otherwise: 404,
  },
  ...(
    [
      ['regio.$slug.consultaties._index.tsx', '/regio/rivierenland/consultaties'],
      ['regio.$slug.consultaties.nieuw.tsx', '/regio/rivierenland/consultaties/nieuw'],
      [
        'regio.$slug.consultaties.$roundId._index.tsx',
        '/regio/rivierenland/consultaties/consultatie-rl-overlegtafel',
      ],
      [
        'regio.$slug.consultaties.$roundId.wijzigen.tsx',
        '/regio/rivierenland/consultaties/consultatie-rl-overlegtafel/wijzigen',
      ],
      [
        'regio.$slug.consultaties.$roundId.sessies.nieuw.tsx',
        '/regio/rivierenland/consultaties/consultatie-rl-overlegtafel/sessies/nieuw',
      ],
    ] as const
  ).map(([file, path]) => ({
    file,
    path,
    expect: { anoniem: 'login', inkoper: 200, contractmanager: 403, regiobeheerder: 403 } as const,
    otherwise: 404 as const,
  })),
  // Exports exist only after closing; the seeded round is open, so the inkoper is sent back to the round.
  ...(
    [
      ['regio.$slug.consultaties.$roundId.inbreng[.]csv.ts', 'inbreng.csv'],
      ['regio.$slug.consultaties.$roundId.inbreng[.]zip.ts', 'inbreng.zip'],
    ] as const
  ).map(([file, name]) => ({
    file,
    path: `/regio/rivierenland/consultaties/consultatie-rl-overlegtafel/${name}`,
    expect: { anoniem: 'login', inkoper: 'redirect', contractmanager: 403, regiobeheerder: 403 } as const,
    otherwise: 404 as const,
  })),
  // Documents of rounds and procurements (issues 4 and 8). The buyer's documents pages are for the region's inkopers;
  // downloads of an unknown (or unpublished) document are 404 for everyone allowed to ask. The demo data has no
  // documents; the journeys in e2e/documents.spec.ts download real ones.
  ...(
    [
      [
        'regio.$slug.consultaties.$roundId.documenten._index.tsx',
        '/regio/rivierenland/consultaties/consultatie-rl-overlegtafel/documenten',
        200,
      ],
      [
        'regio.$slug.consultaties.$roundId.documenten.$documentId.ts',
        '/regio/rivierenland/consultaties/consultatie-rl-overlegtafel/documenten/bestaat-niet',
        404,
      ],
      [
        'regio.$slug.inkoop.$procurementId.documenten._index.tsx',
        '/regio/rivierenland/inkoop/inkoop-rivierenland-2023/documenten',
        200,
      ],
      [
        'regio.$slug.inkoop.$procurementId.documenten.$documentId.ts',
        '/regio/rivierenland/inkoop/inkoop-rivierenland-2023/documenten/bestaat-niet',
        404,
      ],
    ] as const
  ).map(([file, path, inkoper]) => ({
    file,
    path,
    expect: { anoniem: 'login', inkoper, contractmanager: 403, regiobeheerder: 403 } as const,
    otherwise: 404 as const,
  })),
  {
    file: 'consultaties.$roundId.documenten.$documentId.ts',
    path: '/consultaties/consultatie-rl-overlegtafel/documenten/bestaat-niet',
    ...everyone(404),
  },
  {
    file: 'inkoopagenda.$procurementId_.documenten.$documentId.ts',
    path: '/inkoopagenda/inkoop-rivierenland-2023/documenten/bestaat-niet',
    ...everyone(404),
  },
  {
    file: 'consultaties.$roundId.inbreng_.bijlagen.$fileId.ts',
    path: '/consultaties/consultatie-rl-overlegtafel/inbreng/bijlagen/bestaat-niet',
    expect: { anoniem: 'login' },
    otherwise: 404,
  },
  // Contract obligations (prisma/seed/contracts.ts): the provider's own pages act on the current organisation; staff
  // without an organisation are sent to /aanbieder/nieuw. Region pages: inkoper and contractmanager.
  {
    file: 'aanbieder.verplichtingen._index.tsx',
    path: '/aanbieder/verplichtingen',
    expect: { anoniem: 'login', aanbieder: 200, medewerker: 200, andereAanbieder: 200 },
    otherwise: 'redirect',
  },
  {
    file: 'aanbieder.verplichtingen.$obligationId.tsx',
    path: '/aanbieder/verplichtingen/verplichting-de-linge-rapportage',
    expect: { anoniem: 'login', aanbieder: 200, medewerker: 200, andereAanbieder: 404 },
    otherwise: 'redirect',
  },
  {
    file: 'aanbieder.verplichtingen.bestand.$deliverableId.ts',
    path: '/aanbieder/verplichtingen/bestand/inzending-de-linge-rapportage',
    expect: { anoniem: 'login', aanbieder: 200, medewerker: 200, andereAanbieder: 404 },
    otherwise: 'redirect',
  },
  ...(
    [
      ['regio.$slug.contracten._index.tsx', '/regio/rivierenland/contracten'],
      [
        'regio.$slug.contracten.$perceelId._index.tsx',
        '/regio/rivierenland/contracten/perceel-rl-ambulante-behandeling',
      ],
      [
        'regio.$slug.contracten.$perceelId.sjablonen.nieuw.tsx',
        '/regio/rivierenland/contracten/perceel-rl-ambulante-behandeling/sjablonen/nieuw',
      ],
      [
        'regio.$slug.contracten.$perceelId.sjablonen.$templateId.tsx',
        '/regio/rivierenland/contracten/perceel-rl-ambulante-behandeling/sjablonen/contract-rl-ambulante-behandeling-kwartaalrapportage',
      ],
      [
        'regio.$slug.contracten.$perceelId.naleving.tsx',
        '/regio/rivierenland/contracten/perceel-rl-ambulante-behandeling/naleving',
      ],
      [
        'regio.$slug.contracten.$perceelId.naleving[.]csv.ts',
        '/regio/rivierenland/contracten/perceel-rl-ambulante-behandeling/naleving.csv',
      ],
      [
        'regio.$slug.contracten.verplichting.$obligationId.tsx',
        '/regio/rivierenland/contracten/verplichting/verplichting-de-linge-rapportage',
      ],
      [
        'regio.$slug.contracten.bestand.$deliverableId.ts',
        '/regio/rivierenland/contracten/bestand/inzending-de-linge-rapportage',
      ],
    ] as const
  ).map(([file, path]) => ({
    file,
    path,
    expect: { anoniem: 'login', inkoper: 200, contractmanager: 200, regiobeheerder: 403 } as const,
    otherwise: 404 as const,
  })),
  // Changing or cancelling a session of a consultation round (issue 8): the region's inkopers.
  {
    file: 'regio.$slug.consultaties.$roundId.sessies.$sessionId.tsx',
    path: '/regio/rivierenland/consultaties/consultatie-rl-overlegtafel/sessies/sessie-rl-overlegtafel',
    expect: { anoniem: 'login', inkoper: 200, contractmanager: 403, regiobeheerder: 403 },
    otherwise: 404,
  },
])
