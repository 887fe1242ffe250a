-- AlterTable
ALTER TABLE "ConsultationSession" ADD COLUMN "cancelReason" TEXT;
ALTER TABLE "ConsultationSession" ADD COLUMN "cancelledAt" DATETIME;
