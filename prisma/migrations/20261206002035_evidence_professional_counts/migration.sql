-- AlterTable
ALTER TABLE "EvidenceItem" ADD COLUMN "professionalsRegistered" INTEGER;
ALTER TABLE "EvidenceItem" ADD COLUMN "professionalsTotal" INTEGER;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_EvidenceType" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "expires" BOOLEAN NOT NULL,
    "regionId" TEXT,
    "isQualityMark" BOOLEAN NOT NULL DEFAULT false,
    "asksProfessionalCounts" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "EvidenceType_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_EvidenceType" ("createdAt", "description", "expires", "id", "isQualityMark", "key", "name", "regionId", "updatedAt") SELECT "createdAt", "description", "expires", "id", "isQualityMark", "key", "name", "regionId", "updatedAt" FROM "EvidenceType";
DROP TABLE "EvidenceType";
ALTER TABLE "new_EvidenceType" RENAME TO "EvidenceType";
CREATE UNIQUE INDEX "EvidenceType_key_key" ON "EvidenceType"("key");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
