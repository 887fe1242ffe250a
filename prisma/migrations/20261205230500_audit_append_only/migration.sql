-- The audit trail is append-only: the database itself refuses to change or remove an event, whatever the code does.
-- Written by hand (Prisma does not model triggers). A later migration that redefines "AuditEvent" on SQLite
-- (RedefineTables) drops these triggers and must create them again.
CREATE TRIGGER "AuditEvent_no_update" BEFORE UPDATE ON "AuditEvent"
BEGIN
    SELECT RAISE(ABORT, 'AuditEvent is append-only');
END;

CREATE TRIGGER "AuditEvent_no_delete" BEFORE DELETE ON "AuditEvent"
BEGIN
    SELECT RAISE(ABORT, 'AuditEvent is append-only');
END;
