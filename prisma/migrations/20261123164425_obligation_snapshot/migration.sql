-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Obligation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "templateId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "dueDate" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'overig',
    "description" TEXT NOT NULL DEFAULT '',
    "requiresDeliverable" BOOLEAN NOT NULL DEFAULT false,
    "correction" TEXT,
    "completedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Obligation_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "ObligationTemplate" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Obligation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Obligation" ("completedAt", "correction", "createdAt", "dueDate", "id", "organisationId", "status", "templateId", "title", "updatedAt") SELECT "completedAt", "correction", "createdAt", "dueDate", "id", "organisationId", "status", "templateId", "title", "updatedAt" FROM "Obligation";
DROP TABLE "Obligation";
ALTER TABLE "new_Obligation" RENAME TO "Obligation";
CREATE INDEX "Obligation_organisationId_dueDate_idx" ON "Obligation"("organisationId", "dueDate");
CREATE UNIQUE INDEX "Obligation_templateId_organisationId_dueDate_key" ON "Obligation"("templateId", "organisationId", "dueDate");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Existing obligations take what their template says now (the best there is for rows made before this snapshot).
UPDATE "Obligation" SET
    "kind" = (SELECT "kind" FROM "ObligationTemplate" t WHERE t."id" = "Obligation"."templateId"),
    "description" = (SELECT "description" FROM "ObligationTemplate" t WHERE t."id" = "Obligation"."templateId"),
    "requiresDeliverable" = (SELECT "requiresDeliverable" FROM "ObligationTemplate" t WHERE t."id" = "Obligation"."templateId");
