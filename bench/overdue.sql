-- The database-minded alternative: the same overdue list over tables
-- imported from the ledger's CSV files (see bench/run.sh).
SELECT kind, project, procedure, due, days FROM (
  SELECT 'pledge' AS kind, 0 AS k, project, procedure, pledge_due AS due,
         CAST(julianday(:today) - julianday(pledge_due) AS INTEGER) AS days
    FROM procedures
   WHERE status = 'pledged' AND fulfilled = '' AND pledge_due <> '' AND pledge_due < :today
  UNION ALL
  SELECT 'procedure', 1, project, procedure, due,
         CAST(julianday(:today) - julianday(due) AS INTEGER)
    FROM procedures
   WHERE status = 'pending' AND due <> '' AND due < :today
  UNION ALL
  SELECT 'start', 2, project, '-', planned_start,
         CAST(julianday(:today) - julianday(planned_start) AS INTEGER)
    FROM projects
   WHERE planned_start <> '' AND started = '' AND planned_start < :today
  UNION ALL
  SELECT 'problem', 3, project, no, "limit",
         CAST(julianday(:today) - julianday("limit") AS INTEGER)
    FROM problems
   WHERE opened <= :today AND (resolved = '' OR resolved > :today) AND "limit" < :today
)
ORDER BY days DESC, project, k, CASE WHEN k = 3 THEN '' ELSE procedure END, CAST(procedure AS INTEGER);
