-- Benchmark data for the plans pages: every partnership gets 3 plans (two superseded, one current, each with a
-- participation statement except every fifth partnership's current plan) and 10 reporting years of annual returns
-- (2017-18 onwards) with the third-sector engagement section filled in for every stage. Replaces the demo plans and
-- returns. Applied by bench/run.sh (CJP_BENCH_SEED_SQL) after `migrate`; never by the portal.
BEGIN;
DELETE FROM annual_returns;
DELETE FROM cjoips;

WITH p AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM partnerships),
k AS (SELECT generate_series(0, 2) AS k)
INSERT INTO cjoips (partnership_id, period_start, period_end, link, published_on,
                    consultation_opens_on, consultation_closes_on, consultation_response_link)
SELECT p.id,
       make_date(2017 + 3 * k.k, 4, 1),
       CASE WHEN k.k = 2 THEN make_date(2028, 3, 31) ELSE make_date(2020 + 3 * k.k, 3, 31) END,
       'https://example.org/bench/' || p.id || '/plan-' || k.k || '.pdf',
       make_date(2017 + 3 * k.k, 6, 1),
       make_date(2017 + 3 * k.k, 1, 10),
       make_date(2017 + 3 * k.k, 2, 28),
       'https://example.org/bench/' || p.id || '/consultation-' || k.k
FROM p CROSS JOIN k;

INSERT INTO participation_statements (cjoip_id, published_on, link, summary, route_kinds)
SELECT c.id, c.published_on + 14, 'https://example.org/bench/statement-' || c.id || '.pdf',
       'Forum members and the Third Sector Interface took part in two workshops and commented on the draft.',
       ARRAY[2, 4, 5]
FROM cjoips c
JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM partnerships) p ON p.id = c.partnership_id
WHERE NOT (c.period_start = make_date(2023, 4, 1) AND p.n % 5 = 0);

WITH p AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM partnerships),
y AS (SELECT generate_series(2017, 2026) AS y)
INSERT INTO annual_returns (partnership_id, reporting_year_start, due_on, submitted_on, published_report_link,
                            published_on, board_third_sector_seats)
SELECT p.id, y.y, make_date(y.y + 1, 12, 31),
       CASE WHEN y.y >= 2025 OR (y.y = 2024 AND p.n % 7 = 0) THEN NULL ELSE make_date(y.y + 1, 11, 20) END,
       CASE WHEN y.y >= 2024 THEN NULL ELSE 'https://example.org/bench/' || p.id || '/report-' || y.y || '.pdf' END,
       CASE WHEN y.y >= 2024 THEN NULL ELSE make_date(y.y + 2, 2, 1) END,
       p.n % 4
FROM p CROSS JOIN y;

INSERT INTO return_stage_engagements (annual_return_id, stage, involvement, route_kinds, organisation_count, note)
SELECT r.id, s.stage, 1 + (r.id + s.stage) % 3, ARRAY[1 + (r.id + s.stage) % 5, 11 + s.stage], (r.id * s.stage) % 23,
       'Benchmark note for stage ' || s.stage
FROM annual_returns r CROSS JOIN generate_series(1, 4) AS s(stage)
WHERE r.reporting_year_start <= 2025;

-- A spread of directory-entry freshness: most confirmed this year, some stale.
UPDATE partnerships SET last_confirmed_on = CASE WHEN id % 6 = 0 THEN make_date(2024, 5, 1) ELSE make_date(2026, 5, 1) END;
COMMIT;
