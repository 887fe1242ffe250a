-- AlterTable
ALTER TABLE "EvidenceType" ADD COLUMN     "asksProfessionalCounts" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "EvidenceItem" ADD COLUMN     "professionalsRegistered" INTEGER,
ADD COLUMN     "professionalsTotal" INTEGER;
