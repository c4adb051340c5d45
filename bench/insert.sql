-- pgbench: the raw rate of inserting one row comparable to a case (same columns and indexes as "cases").
INSERT INTO bench_cases ("Receipt", "CategoryId", "Description", "Answers", "Source", "State", "Latitude", "Longitude",
  "GridNodeId", "GridPath", "ReporterName", "ReporterEmail", "ReporterAnonymous", "ReportedAt", "RespondBy", "ResolveBy",
  "EscalationLevel", "Version")
VALUES (substr(md5(random()::text), 1, 14), 1, 'bench insert', '[{"Code":"where","Values":["street"]}]', 'Api', 'Dispatched',
  29.53 + random() / 1000, 106.5045, 1, '/500000/500107/500107001/500107001001/500107001001001/', 'bench',
  'bench@example.org', false, now(), now() + interval '2 hours', now() + interval '1 day', 0, 0);
