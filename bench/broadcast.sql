-- Broadcast enqueue at 1,000,000 recipients on PostgreSQL (issue 6). Run against a migrated, empty Linli database:
--   psql "$LINLI_PG" -v ON_ERROR_STOP=1 -f bench/broadcast.sql
-- It seeds one synthetic unit with 1,000,000 opted-in residents, then times the same INSERT … SELECT that
-- Features/Notifications/BroadcastEnqueue.cs runs for a residents broadcast.
\timing on
BEGIN;
INSERT INTO tree_nodes ("Code", "Kind", "Name", "Path", "Depth", "IsRural") VALUES ('bench', 'Unit', '压测单元', '/bench/', 0, false);
INSERT INTO "AspNetUsers" ("Id", "DisplayName", "Kind", "CreatedAt", "Email", "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
  SELECT md5(i::text)::uuid, 'r' || i, 'Resident', now(), 'r' || i || '@bench.test', true, false, false, false, 0 FROM generate_series(1, 1000000) i;
INSERT INTO consents ("UserId", "Purpose", "Version", "GivenAt") SELECT md5('1')::uuid, 'HouseholdLink', 'bench', now();
INSERT INTO household_links ("UserId", "UnitNodeId", "ConsentId", "LinkedAt")
  SELECT md5(i::text)::uuid, (SELECT "Id" FROM tree_nodes WHERE "Code" = 'bench'), (SELECT max("Id") FROM consents), now() FROM generate_series(1, 1000000) i;
INSERT INTO notification_preferences ("UserId", "ChannelOrder", "Updates", "FollowUps", "Broadcasts", "QuietStartsAtHour", "QuietEndsAtHour", "UpdatedAt")
  SELECT md5(i::text)::uuid, 'Email,Sms,InApp', 'Preferred', 'Preferred', 'Preferred', 20, 8, now() FROM generate_series(1, 1000000) i;
INSERT INTO broadcasts ("NodeId", "NodePath", "Audience", "Text", "Urgent", "SentBy", "CreatedAt", "Recipients")
  SELECT "Id", '/bench/', 'Residents', '压测 benchmark', true, md5('1')::uuid, now(), 0 FROM tree_nodes WHERE "Code" = 'bench';
COMMIT;
ANALYZE;

-- The timed statement (as BroadcastEnqueue builds it for residents).
INSERT INTO outbox_messages ("Channel", "Recipient", "Subject", "Body", "UserId", "Purpose", "CreatedAt", "NextAttemptAt", "Attempts", "BroadcastId", "AudiencePath")
SELECT
  CASE WHEN p."Broadcasts" IN ('Email', 'Preferred') AND u."EmailConfirmed" AND u."Email" IS NOT NULL THEN 'Email'
       WHEN p."Broadcasts" IN ('Sms', 'Preferred') AND u."PhoneNumberConfirmed" AND u."PhoneNumber" IS NOT NULL THEN 'Sms'
       WHEN p."Broadcasts" = 'InApp' THEN 'InApp' ELSE 'InApp' END,
  CASE WHEN p."Broadcasts" IN ('Email', 'Preferred') AND u."EmailConfirmed" AND u."Email" IS NOT NULL THEN u."Email"
       WHEN p."Broadcasts" IN ('Sms', 'Preferred') AND u."PhoneNumberConfirmed" AND u."PhoneNumber" IS NOT NULL THEN u."PhoneNumber"
       ELSE u."Id"::text END,
  '[邻里 Linli] 紧急通知 Urgent notice', '压测 benchmark', u."Id", 'Broadcast', now(), now(), 0, (SELECT max("Id") FROM broadcasts), n."Path"
FROM household_links h
JOIN tree_nodes n ON n."Id" = h."UnitNodeId"
JOIN "AspNetUsers" u ON u."Id" = h."UserId"
JOIN notification_preferences p ON p."UserId" = h."UserId"
WHERE n."Path" LIKE '/bench/%' AND p."Broadcasts" <> 'Off';
