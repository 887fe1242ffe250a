-- AlterTable
ALTER TABLE "Obligation" ADD COLUMN     "description" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'overig',
ADD COLUMN     "requiresDeliverable" BOOLEAN NOT NULL DEFAULT false;

-- Existing obligations take what their template says now (the best there is for rows made before this snapshot).
UPDATE "Obligation" o SET
    "kind" = t."kind",
    "description" = t."description",
    "requiresDeliverable" = t."requiresDeliverable"
FROM "ObligationTemplate" t WHERE t."id" = o."templateId";
