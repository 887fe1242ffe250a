/**
 * Fixed ids of demo records that several seed modules refer to. The catalogue seed creates them; the evidence,
 * admissions, capacity, contracts, consultations and keuzehulp seeds hang their data on them.
 */
export const SEED_IDS = {
  procurements: {
    rivierenland2023: 'inkoop-rivierenland-2023',
    leidseRegioWmo2021: 'inkoop-leidse-regio-wmo-2021',
  },
  percelen: {
    // Regio Rivierenland 2023 (seed 000 §4.3)
    rlBegeleiding: 'perceel-rl-begeleiding', // Wmo, aanbesteding; products licht/middel/zwaar
    rlDagbesteding: 'perceel-rl-dagbesteding', // Wmo, aanbesteding
    rlRespijtzorg: 'perceel-rl-respijtzorg', // Wmo, aanbesteding
    rlAmbulanteBegeleiding: 'perceel-rl-ambulante-begeleiding', // Jeugd, aanbesteding
    rlAmbulanteBehandeling: 'perceel-rl-ambulante-behandeling', // Jeugd, OPEN HOUSE, quarterly registration moments
    rlLogeren: 'perceel-rl-logeren', // Jeugd, aanbesteding
    rlWonenBegeleiding: 'perceel-rl-wonen-met-begeleiding', // Jeugd, aanbesteding
    rlWonenBehandeling: 'perceel-rl-wonen-met-behandeling', // Jeugd, aanbesteding
    // Leidse regio Wmo 2021 (seed 003), arrangements regulier/midden/intensief
    lrOndersteuningThuis: 'perceel-lr-ondersteuning-thuis', // OPEN HOUSE, continuous entry
  },
  segments: {
    rlBegeleiding: 'segment-rl-begeleiding',
    rlDagbesteding: 'segment-rl-dagbesteding',
    rlRespijtzorg: 'segment-rl-respijtzorg',
    rlAmbulanteBegeleiding: 'segment-rl-ambulante-begeleiding',
    rlAmbulanteBehandeling: 'segment-rl-ambulante-behandeling',
    rlLogeren: 'segment-rl-logeren',
    rlWonenBegeleiding: 'segment-rl-wonen-met-begeleiding',
    rlWonenBehandeling: 'segment-rl-wonen-met-behandeling',
  },
  products: {
    // Products of the open-house perceel Ambulante behandeling (iJw 45 Jeugdhulp ambulant)
    rlBehandelingLicht: 'product-rl-45a01-licht',
    rlBehandelingMiddel: 'product-rl-45a02-middel',
    rlBehandelingZwaar: 'product-rl-45a03-zwaar',
    // Wmo Begeleiding (iWmo 02)
    rlBegeleidingLicht: 'product-rl-02a01-licht',
    rlBegeleidingMiddel: 'product-rl-02a02-middel',
    rlBegeleidingZwaar: 'product-rl-02a03-zwaar',
    // Wmo Dagbesteding (iWmo 07)
    rlDagbesteding: 'product-rl-07a01',
  },
  requirementSets: {
    rlAmbulanteBehandelingV1: 'eisen-rl-ambulante-behandeling-v1',
    lrOndersteuningThuisV1: 'eisen-lr-ondersteuning-thuis-v1',
  },
  evidenceTypes: {
    hkz: 'bewijs-hkz',
    hkzKlein: 'bewijs-hkz-kleine-organisaties',
    iso9001: 'bewijs-iso-9001',
    kiwa: 'bewijs-kiwa-prezo',
    vogRp: 'bewijs-vog-rp',
    wtza: 'bewijs-wtza',
    aansprakelijkheid: 'bewijs-aansprakelijkheidsverzekering',
    skjBig: 'bewijs-skj-big-registratie',
  },
} as const
