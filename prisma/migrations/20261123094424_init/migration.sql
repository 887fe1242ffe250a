-- CreateTable
CREATE TABLE "Gemeente" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "searchName" TEXT NOT NULL,
    "province" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Pc4" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "gemeenteCode" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Pc4_gemeenteCode_fkey" FOREIGN KEY ("gemeenteCode") REFERENCES "Gemeente" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "emailVerifiedAt" DATETIME,
    "isPlatformAdmin" BOOLEAN NOT NULL DEFAULT false,
    "totpSecret" TEXT,
    "totpEnabledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "UserSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT,
    "secondFactorAt" DATETIME,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RecoveryCode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RecoveryCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "VerificationToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "purpose" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "userId" TEXT,
    "organisationId" TEXT,
    "regionId" TEXT,
    "role" TEXT,
    "gemeenteCodes" TEXT NOT NULL DEFAULT '',
    "invitedById" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "VerificationToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "windowStart" DATETIME NOT NULL,
    "count" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "searchName" TEXT NOT NULL,
    "kvkNummer" TEXT NOT NULL,
    "vestigingsnummer" TEXT,
    "agbCode" TEXT,
    "street" TEXT NOT NULL,
    "houseNumber" TEXT NOT NULL,
    "postcode" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "website" TEXT,
    "email" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "targetGroups" TEXT NOT NULL DEFAULT '',
    "languages" TEXT NOT NULL DEFAULT '',
    "identity" TEXT,
    "medewerkersMaySubmit" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "OrganisationMembership" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OrganisationMembership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OrganisationMembership_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Region" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "RegionGemeente" (
    "regionId" TEXT NOT NULL,
    "gemeenteCode" TEXT NOT NULL,
    "scope" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("regionId", "gemeenteCode"),
    CONSTRAINT "RegionGemeente_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RegionGemeente_gemeenteCode_fkey" FOREIGN KEY ("gemeenteCode") REFERENCES "Gemeente" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RegionMembership" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RegionMembership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RegionMembership_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RegionMembershipGemeente" (
    "membershipId" TEXT NOT NULL,
    "gemeenteCode" TEXT NOT NULL,

    PRIMARY KEY ("membershipId", "gemeenteCode"),
    CONSTRAINT "RegionMembershipGemeente_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "RegionMembership" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RegionMembershipGemeente_gemeenteCode_fkey" FOREIGN KEY ("gemeenteCode") REFERENCES "Gemeente" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorUserId" TEXT,
    "actorLabel" TEXT NOT NULL DEFAULT '',
    "organisationId" TEXT,
    "regionId" TEXT,
    "action" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "reason" TEXT,
    "ip" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "dedupeKey" TEXT,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT,
    "attachments" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "StoredFile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "storageKey" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "organisationId" TEXT,
    "uploadedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "StoredFile_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Procurement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "regionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "laws" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "contractStart" DATETIME NOT NULL,
    "contractEnd" DATETIME NOT NULL,
    "extensionOptions" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'concept',
    "version" INTEGER NOT NULL DEFAULT 0,
    "publishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Procurement_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProcurementMilestone" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "procurementId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "ifNeeded" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ProcurementMilestone_procurementId_fkey" FOREIGN KEY ("procurementId") REFERENCES "Procurement" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProcurementDocument" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "procurementId" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ProcurementDocument_procurementId_fkey" FOREIGN KEY ("procurementId") REFERENCES "Procurement" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProcurementDocument_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProcurementChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "procurementId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "summary" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ProcurementChange_procurementId_fkey" FOREIGN KEY ("procurementId") REFERENCES "Procurement" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProcurementInterest" (
    "procurementId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("procurementId", "organisationId"),
    CONSTRAINT "ProcurementInterest_procurementId_fkey" FOREIGN KEY ("procurementId") REFERENCES "Procurement" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Segment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "regionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "law" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Segment_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Perceel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "procurementId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "inkoopvorm" TEXT NOT NULL,
    "justification" TEXT,
    "justificationById" TEXT,
    "justificationAt" DATETIME,
    "tenderNedUrl" TEXT,
    "tenderDeadlines" TEXT NOT NULL DEFAULT '',
    "registrationRegime" TEXT,
    "decisionTermDays" INTEGER,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Perceel_procurementId_fkey" FOREIGN KEY ("procurementId") REFERENCES "Procurement" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PerceelSegment" (
    "perceelId" TEXT NOT NULL,
    "segmentId" TEXT NOT NULL,

    PRIMARY KEY ("perceelId", "segmentId"),
    CONSTRAINT "PerceelSegment_perceelId_fkey" FOREIGN KEY ("perceelId") REFERENCES "Perceel" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PerceelSegment_segmentId_fkey" FOREIGN KEY ("segmentId") REFERENCES "Segment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PerceelGemeente" (
    "perceelId" TEXT NOT NULL,
    "gemeenteCode" TEXT NOT NULL,

    PRIMARY KEY ("perceelId", "gemeenteCode"),
    CONSTRAINT "PerceelGemeente_perceelId_fkey" FOREIGN KEY ("perceelId") REFERENCES "Perceel" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PerceelGemeente_gemeenteCode_fkey" FOREIGN KEY ("gemeenteCode") REFERENCES "Gemeente" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Product" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "perceelId" TEXT NOT NULL,
    "law" TEXT NOT NULL,
    "categoryCode" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "intensity" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Product_perceelId_fkey" FOREIGN KEY ("perceelId") REFERENCES "Perceel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Tariff" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "productId" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "validFrom" DATETIME NOT NULL,
    "validUntil" DATETIME,
    "indexation" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Tariff_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RequirementSet" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "perceelId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "publishedAt" DATETIME,
    "requireAgb" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RequirementSet_perceelId_fkey" FOREIGN KEY ("perceelId") REFERENCES "Perceel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RequiredEvidence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requirementSetId" TEXT NOT NULL,
    "evidenceTypeId" TEXT NOT NULL,
    "validUntilAtLeast" DATETIME,
    "issuedWithinMonths" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RequiredEvidence_requirementSetId_fkey" FOREIGN KEY ("requirementSetId") REFERENCES "RequirementSet" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RequiredEvidence_evidenceTypeId_fkey" FOREIGN KEY ("evidenceTypeId") REFERENCES "EvidenceType" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RequirementQuestion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requirementSetId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "requiredAnswer" BOOLEAN,
    "minimum" INTEGER,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RequirementQuestion_requirementSetId_fkey" FOREIGN KEY ("requirementSetId") REFERENCES "RequirementSet" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RegistrationMoment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "perceelId" TEXT NOT NULL,
    "opensAt" DATETIME NOT NULL,
    "closesAt" DATETIME NOT NULL,
    "decisionDate" DATETIME NOT NULL,
    "requirementSetId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RegistrationMoment_perceelId_fkey" FOREIGN KEY ("perceelId") REFERENCES "Perceel" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RegistrationMoment_requirementSetId_fkey" FOREIGN KEY ("requirementSetId") REFERENCES "RequirementSet" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EvidenceType" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "expires" BOOLEAN NOT NULL,
    "regionId" TEXT,
    "isQualityMark" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "EvidenceType_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EvidenceItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "typeId" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "number" TEXT NOT NULL DEFAULT '',
    "scope" TEXT NOT NULL DEFAULT '',
    "issuedAt" DATETIME,
    "validFrom" DATETIME NOT NULL,
    "validUntil" DATETIME,
    "verification" TEXT NOT NULL DEFAULT 'in_controle',
    "rejectionReason" TEXT,
    "verifiedById" TEXT,
    "verifiedAt" DATETIME,
    "replacesId" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "EvidenceItem_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "EvidenceItem_typeId_fkey" FOREIGN KEY ("typeId") REFERENCES "EvidenceType" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "EvidenceItem_replacesId_fkey" FOREIGN KEY ("replacesId") REFERENCES "EvidenceItem" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EvidenceFile" (
    "evidenceItemId" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,

    PRIMARY KEY ("evidenceItemId", "fileId"),
    CONSTRAINT "EvidenceFile_evidenceItemId_fkey" FOREIGN KEY ("evidenceItemId") REFERENCES "EvidenceItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EvidenceFile_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EvidenceReminder" (
    "evidenceItemId" TEXT NOT NULL,
    "mark" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("evidenceItemId", "mark"),
    CONSTRAINT "EvidenceReminder_evidenceItemId_fkey" FOREIGN KEY ("evidenceItemId") REFERENCES "EvidenceItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Entry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "perceelId" TEXT NOT NULL,
    "registrationMomentId" TEXT,
    "requirementSetId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'concept',
    "submittedAt" DATETIME,
    "decisionDueAt" DATETIME,
    "decidedAt" DATETIME,
    "decidedById" TEXT,
    "decisionReason" TEXT,
    "infoRequest" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Entry_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Entry_perceelId_fkey" FOREIGN KEY ("perceelId") REFERENCES "Perceel" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Entry_registrationMomentId_fkey" FOREIGN KEY ("registrationMomentId") REFERENCES "RegistrationMoment" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Entry_requirementSetId_fkey" FOREIGN KEY ("requirementSetId") REFERENCES "RequirementSet" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EntryGemeente" (
    "entryId" TEXT NOT NULL,
    "gemeenteCode" TEXT NOT NULL,
    "openKey" TEXT,

    PRIMARY KEY ("entryId", "gemeenteCode"),
    CONSTRAINT "EntryGemeente_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EntryGemeente_gemeenteCode_fkey" FOREIGN KEY ("gemeenteCode") REFERENCES "Gemeente" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EntryProduct" (
    "entryId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,

    PRIMARY KEY ("entryId", "productId"),
    CONSTRAINT "EntryProduct_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EntryProduct_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EntryAnswer" (
    "entryId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("entryId", "questionId"),
    CONSTRAINT "EntryAnswer_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EntryAnswer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "RequirementQuestion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EntryEvidence" (
    "entryId" TEXT NOT NULL,
    "requiredEvidenceId" TEXT NOT NULL,
    "evidenceItemId" TEXT NOT NULL,

    PRIMARY KEY ("entryId", "requiredEvidenceId"),
    CONSTRAINT "EntryEvidence_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EntryEvidence_requiredEvidenceId_fkey" FOREIGN KEY ("requiredEvidenceId") REFERENCES "RequiredEvidence" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "EntryEvidence_evidenceItemId_fkey" FOREIGN KEY ("evidenceItemId") REFERENCES "EvidenceItem" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EntryPartner" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "entryId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "confirmedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "EntryPartner_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EntryPartner_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EntryPartnerProduct" (
    "partnerId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,

    PRIMARY KEY ("partnerId", "productId"),
    CONSTRAINT "EntryPartnerProduct_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "EntryPartner" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EntryPartnerProduct_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Admission" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "perceelId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "gemeenteCode" TEXT NOT NULL,
    "entryId" TEXT,
    "source" TEXT NOT NULL DEFAULT 'openhouse',
    "status" TEXT NOT NULL DEFAULT 'actief',
    "since" DATETIME NOT NULL,
    "endedAt" DATETIME,
    "atRisk" BOOLEAN NOT NULL DEFAULT false,
    "coversWhole" BOOLEAN NOT NULL DEFAULT true,
    "pc4s" TEXT NOT NULL DEFAULT '',
    "revalidationDueAt" DATETIME,
    "revalidatedAt" DATETIME,
    "awardedAt" DATETIME,
    "tenderNedUrl" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Admission_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Admission_perceelId_fkey" FOREIGN KEY ("perceelId") REFERENCES "Perceel" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Admission_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Admission_gemeenteCode_fkey" FOREIGN KEY ("gemeenteCode") REFERENCES "Gemeente" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Admission_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CapacityReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "location" TEXT NOT NULL DEFAULT '',
    "accepting" TEXT NOT NULL,
    "freePlaces" INTEGER,
    "waitingWeeks" INTEGER,
    "remark" TEXT NOT NULL DEFAULT '',
    "confirmedAt" DATETIME NOT NULL,
    "isCurrent" BOOLEAN NOT NULL DEFAULT true,
    "supersededAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CapacityReport_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CapacityReport_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConsultationRound" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "regionId" TEXT NOT NULL,
    "procurementId" TEXT,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "opensAt" DATETIME NOT NULL,
    "closesAt" DATETIME NOT NULL,
    "questionsDeadline" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'concept',
    "publishAttendees" BOOLEAN NOT NULL DEFAULT false,
    "inviteCouncils" BOOLEAN NOT NULL DEFAULT false,
    "report" TEXT,
    "publishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ConsultationRound_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ConsultationRound_procurementId_fkey" FOREIGN KEY ("procurementId") REFERENCES "Procurement" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConsultationRoundGemeente" (
    "roundId" TEXT NOT NULL,
    "gemeenteCode" TEXT NOT NULL,

    PRIMARY KEY ("roundId", "gemeenteCode"),
    CONSTRAINT "ConsultationRoundGemeente_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ConsultationRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ConsultationRoundGemeente_gemeenteCode_fkey" FOREIGN KEY ("gemeenteCode") REFERENCES "Gemeente" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConsultationRoundSegment" (
    "roundId" TEXT NOT NULL,
    "segmentId" TEXT NOT NULL,

    PRIMARY KEY ("roundId", "segmentId"),
    CONSTRAINT "ConsultationRoundSegment_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ConsultationRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ConsultationRoundSegment_segmentId_fkey" FOREIGN KEY ("segmentId") REFERENCES "Segment" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConsultationDocument" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'document',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ConsultationDocument_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ConsultationRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ConsultationDocument_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConsultationPrompt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ConsultationPrompt_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ConsultationRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConsultationSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "address" TEXT,
    "onlineUrl" TEXT,
    "seats" INTEGER NOT NULL,
    "seatsPerOrganisation" INTEGER NOT NULL,
    "registrationDeadline" DATETIME NOT NULL,
    "minutes" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ConsultationSession_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ConsultationRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SessionSeatReservation" (
    "sessionId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "seats" INTEGER NOT NULL,

    PRIMARY KEY ("sessionId", "organisationId"),
    CONSTRAINT "SessionSeatReservation_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ConsultationSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SessionSeatReservation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SessionRegistration" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "attendeeName" TEXT NOT NULL,
    "attendeeEmail" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "seatNumber" INTEGER,
    "reminderSentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SessionRegistration_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ConsultationSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SessionRegistration_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConsultationQuestion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "askedById" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "answer" TEXT,
    "number" INTEGER,
    "publishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ConsultationQuestion_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ConsultationRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ConsultationQuestion_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WrittenInput" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'aanbieder',
    "organisationId" TEXT,
    "authorUserId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "WrittenInput_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ConsultationRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "WrittenInput_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WrittenInputAnswer" (
    "inputId" TEXT NOT NULL,
    "promptId" TEXT NOT NULL,
    "text" TEXT NOT NULL,

    PRIMARY KEY ("inputId", "promptId"),
    CONSTRAINT "WrittenInputAnswer_inputId_fkey" FOREIGN KEY ("inputId") REFERENCES "WrittenInput" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "WrittenInputAnswer_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "ConsultationPrompt" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WrittenInputFile" (
    "inputId" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,

    PRIMARY KEY ("inputId", "fileId"),
    CONSTRAINT "WrittenInputFile_inputId_fkey" FOREIGN KEY ("inputId") REFERENCES "WrittenInput" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "WrittenInputFile_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConsultationChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ConsultationChange_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ConsultationRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConsultationAlert" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "regionId" TEXT,
    "segmentId" TEXT,
    "email" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Contract" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "perceelId" TEXT NOT NULL,
    "startDate" DATETIME NOT NULL,
    "endDate" DATETIME NOT NULL,
    "maxEndDate" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Contract_perceelId_fkey" FOREIGN KEY ("perceelId") REFERENCES "Perceel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ContractExtension" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "contractId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "decideBy" DATETIME NOT NULL,
    "newEndDate" DATETIME NOT NULL,
    "decision" TEXT,
    "decidedAt" DATETIME,
    "decidedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ContractExtension_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ObligationTemplate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "contractId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "recurrence" TEXT NOT NULL,
    "dueDay" INTEGER NOT NULL DEFAULT 1,
    "requiresDeliverable" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ObligationTemplate_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Obligation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "templateId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "dueDate" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "title" TEXT NOT NULL,
    "correction" TEXT,
    "completedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Obligation_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "ObligationTemplate" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Obligation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Deliverable" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "obligationId" TEXT NOT NULL,
    "fileId" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "submittedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Deliverable_obligationId_fkey" FOREIGN KEY ("obligationId") REFERENCES "Obligation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Deliverable_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Gemeente_searchName_idx" ON "Gemeente"("searchName");

-- CreateIndex
CREATE INDEX "Pc4_gemeenteCode_idx" ON "Pc4"("gemeenteCode");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "UserSession_userId_idx" ON "UserSession"("userId");

-- CreateIndex
CREATE INDEX "RecoveryCode_userId_idx" ON "RecoveryCode"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "VerificationToken_tokenHash_key" ON "VerificationToken"("tokenHash");

-- CreateIndex
CREATE INDEX "VerificationToken_email_purpose_idx" ON "VerificationToken"("email", "purpose");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_kvkNummer_key" ON "Organisation"("kvkNummer");

-- CreateIndex
CREATE INDEX "Organisation_searchName_idx" ON "Organisation"("searchName");

-- CreateIndex
CREATE INDEX "OrganisationMembership_organisationId_idx" ON "OrganisationMembership"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "OrganisationMembership_userId_organisationId_key" ON "OrganisationMembership"("userId", "organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "Region_slug_key" ON "Region"("slug");

-- CreateIndex
CREATE INDEX "RegionGemeente_gemeenteCode_idx" ON "RegionGemeente"("gemeenteCode");

-- CreateIndex
CREATE INDEX "RegionMembership_regionId_idx" ON "RegionMembership"("regionId");

-- CreateIndex
CREATE UNIQUE INDEX "RegionMembership_userId_regionId_role_key" ON "RegionMembership"("userId", "regionId", "role");

-- CreateIndex
CREATE INDEX "AuditEvent_subjectType_subjectId_idx" ON "AuditEvent"("subjectType", "subjectId");

-- CreateIndex
CREATE INDEX "AuditEvent_organisationId_at_idx" ON "AuditEvent"("organisationId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_regionId_at_idx" ON "AuditEvent"("regionId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "StoredFile_storageKey_key" ON "StoredFile"("storageKey");

-- CreateIndex
CREATE INDEX "Procurement_regionId_status_idx" ON "Procurement"("regionId", "status");

-- CreateIndex
CREATE INDEX "ProcurementMilestone_procurementId_at_idx" ON "ProcurementMilestone"("procurementId", "at");

-- CreateIndex
CREATE INDEX "ProcurementChange_procurementId_at_idx" ON "ProcurementChange"("procurementId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Segment_regionId_name_key" ON "Segment"("regionId", "name");

-- CreateIndex
CREATE INDEX "Perceel_procurementId_idx" ON "Perceel"("procurementId");

-- CreateIndex
CREATE INDEX "PerceelSegment_segmentId_idx" ON "PerceelSegment"("segmentId");

-- CreateIndex
CREATE INDEX "PerceelGemeente_gemeenteCode_idx" ON "PerceelGemeente"("gemeenteCode");

-- CreateIndex
CREATE UNIQUE INDEX "Product_perceelId_code_key" ON "Product"("perceelId", "code");

-- CreateIndex
CREATE INDEX "Tariff_productId_validFrom_idx" ON "Tariff"("productId", "validFrom");

-- CreateIndex
CREATE UNIQUE INDEX "RequirementSet_perceelId_version_key" ON "RequirementSet"("perceelId", "version");

-- CreateIndex
CREATE INDEX "RegistrationMoment_perceelId_opensAt_idx" ON "RegistrationMoment"("perceelId", "opensAt");

-- CreateIndex
CREATE UNIQUE INDEX "EvidenceType_key_key" ON "EvidenceType"("key");

-- CreateIndex
CREATE UNIQUE INDEX "EvidenceItem_replacesId_key" ON "EvidenceItem"("replacesId");

-- CreateIndex
CREATE INDEX "EvidenceItem_organisationId_typeId_idx" ON "EvidenceItem"("organisationId", "typeId");

-- CreateIndex
CREATE INDEX "EvidenceItem_validUntil_idx" ON "EvidenceItem"("validUntil");

-- CreateIndex
CREATE INDEX "Entry_perceelId_status_decisionDueAt_idx" ON "Entry"("perceelId", "status", "decisionDueAt");

-- CreateIndex
CREATE INDEX "Entry_organisationId_status_idx" ON "Entry"("organisationId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "EntryGemeente_openKey_key" ON "EntryGemeente"("openKey");

-- CreateIndex
CREATE UNIQUE INDEX "EntryPartner_entryId_organisationId_key" ON "EntryPartner"("entryId", "organisationId");

-- CreateIndex
CREATE INDEX "Admission_gemeenteCode_productId_status_idx" ON "Admission"("gemeenteCode", "productId", "status");

-- CreateIndex
CREATE INDEX "Admission_perceelId_status_idx" ON "Admission"("perceelId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Admission_organisationId_productId_gemeenteCode_key" ON "Admission"("organisationId", "productId", "gemeenteCode");

-- CreateIndex
CREATE INDEX "CapacityReport_organisationId_productId_confirmedAt_idx" ON "CapacityReport"("organisationId", "productId", "confirmedAt");

-- CreateIndex
CREATE INDEX "CapacityReport_productId_isCurrent_idx" ON "CapacityReport"("productId", "isCurrent");

-- CreateIndex
CREATE INDEX "CapacityReport_productId_confirmedAt_idx" ON "CapacityReport"("productId", "confirmedAt");

-- CreateIndex
CREATE INDEX "SessionRegistration_sessionId_status_createdAt_idx" ON "SessionRegistration"("sessionId", "status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SessionRegistration_sessionId_seatNumber_key" ON "SessionRegistration"("sessionId", "seatNumber");

-- CreateIndex
CREATE INDEX "ConsultationQuestion_roundId_publishedAt_idx" ON "ConsultationQuestion"("roundId", "publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "WrittenInput_roundId_organisationId_key" ON "WrittenInput"("roundId", "organisationId");

-- CreateIndex
CREATE INDEX "ConsultationAlert_regionId_idx" ON "ConsultationAlert"("regionId");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_perceelId_key" ON "Contract"("perceelId");

-- CreateIndex
CREATE INDEX "Obligation_organisationId_dueDate_idx" ON "Obligation"("organisationId", "dueDate");

-- CreateIndex
CREATE UNIQUE INDEX "Obligation_templateId_organisationId_dueDate_key" ON "Obligation"("templateId", "organisationId", "dueDate");
