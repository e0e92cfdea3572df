-- Benchmark data for organisation search and the Open Referral UK API: 5,000 published organisations with 3 services
-- each (15,000), spread over the 32 council areas (1 to 3 each; every 50th covers all of Scotland) and the 16 themes
-- (2 each, the services 1 or 2 of their organisation's). Names and descriptions are made up from word lists, so the
-- text has the overlap real listings have ("support", "advice", "families"). The search text is built as
-- OrganisationSearchText does (names, descriptions, who it is for, theme names). Replaces any demo listings. Applied
-- by bench/run.sh (CJP_BENCH_SEED_SQL) after `migrate`; never by the portal.
BEGIN;
DELETE FROM organisations;

CREATE TEMPORARY TABLE bench_themes (id int PRIMARY KEY, name text NOT NULL) ON COMMIT DROP;
INSERT INTO bench_themes VALUES
  (1, 'Victims and witnesses'), (2, 'Families'), (3, 'People with convictions'), (4, 'Young people'), (5, 'Women'),
  (6, 'Housing and homelessness'), (7, 'Employability'), (8, 'Addictions and recovery'), (9, 'Mental health'),
  (10, 'Physical health'), (11, 'Domestic abuse'), (12, 'Restorative justice'), (13, 'Advocacy'), (14, 'Throughcare'),
  (15, 'Poverty and money advice'), (16, 'Other');

CREATE TEMPORARY TABLE bench_areas ON COMMIT DROP AS
SELECT id, row_number() OVER (ORDER BY gss_code) - 1 AS n FROM council_areas;

-- Word lists (arrays indexed from 1); n-th organisation picks words by n modulo primes, so combinations repeat rarely.
CREATE TEMPORARY TABLE bench_words ON COMMIT DROP AS SELECT
  ARRAY['Harbour', 'Bridge', 'Lantern', 'Thistle', 'Heather', 'Beacon', 'Compass', 'Anchor', 'Rowan', 'Kestrel',
        'Willow', 'Cairn', 'Firth', 'Glen', 'Bothy', 'Hearth', 'Ember', 'Meadow', 'Saltire', 'Osprey', 'Larch', 'Tide',
        'Haven', 'Step', 'Open Door', 'Fresh Start', 'New Leaf', 'Second Chance', 'Turning Point'] AS first,
  ARRAY['Trust', 'Project', 'Network', 'Collective', 'Association', 'Foundation', 'Group', 'Partnership', 'Centre',
        'Initiative', 'Alliance', 'Service', 'Circle'] AS last,
  ARRAY['support', 'advice', 'mentoring', 'peer support', 'counselling', 'drop-in sessions', 'one-to-one help',
        'group work', 'befriending', 'training', 'practical help', 'advocacy'] AS what,
  ARRAY['people leaving prison', 'families of people in custody', 'young people at risk', 'women in the justice system',
        'people in recovery', 'victims of crime', 'people on community payback orders', 'carers', 'veterans',
        'people without a home', 'anyone who needs it'] AS who,
  ARRAY['Drop-in', 'Helpline', 'Mentoring scheme', 'Support group', 'Advice surgery', 'Outreach', 'Workshop',
        'Peer network', 'Key worker service', 'Wellbeing cafe', 'Training course', 'Home visits'] AS service;

INSERT INTO organisations (name, charity_number, website, contact_email, contact_email_verified_at, public_email, phone,
                           description, status, moderated_at, published_at, confirmed_at, created_at, updated_at,
                           link_stamp, covers_all_of_scotland, themes, route_kinds, search_text)
SELECT w.first[1 + n % 29] || ' ' || w.first[1 + (n / 29) % 29] || ' ' || w.last[1 + n % 13] || ' ' || n,
       CASE WHEN n % 3 = 0 THEN 'SC' || lpad((100000 + n)::text, 6, '0') END,
       'https://org-' || n || '.example.org',
       'org-' || n || '@example.org', now() - interval '200 days', 'hello-' || n || '@example.org', '01234 ' || lpad(n::text, 6, '0'),
       'We offer ' || w.what[1 + n % 12] || ' and ' || w.what[1 + (n / 12) % 12] || ' for ' || w.who[1 + n % 11]
         || ', with ' || lower(t1.name) || ' and ' || lower(t2.name) || ' at the heart of what we do.',
       4, now() - interval '150 days', now() - interval '150 days', now() - (n % 300) * interval '1 day',
       now() - interval '200 days', now() - interval '150 days',
       gen_random_uuid(), n % 50 = 0, ARRAY[t1.id, t2.id], ARRAY[1 + n % 5], ''
FROM generate_series(1, 5000) AS n
CROSS JOIN bench_words w
JOIN bench_themes t1 ON t1.id = 1 + n % 16
-- A second theme 1 to 15 places on from the first, so never the same.
JOIN bench_themes t2 ON t2.id = 1 + (n % 16 + 1 + (n / 16) % 15) % 16;

-- Areas: 1 to 3 per organisation (none for the all-of-Scotland ones), consecutive council areas from a spread start.
INSERT INTO organisation_areas (organisation_id, council_area_id)
SELECT DISTINCT o.id, a.id
FROM (SELECT id, row_number() OVER (ORDER BY id) AS n, covers_all_of_scotland FROM organisations) o
CROSS JOIN generate_series(0, 2) AS k
JOIN bench_areas a ON a.n = (o.n * 7 + k) % 32
WHERE NOT o.covers_all_of_scotland AND k <= o.n % 3;

INSERT INTO organisation_services (organisation_id, name, description, who_it_is_for, how_to_access, email, phone, website,
                                   covers_all_of_scotland, themes, display_order, created_at, updated_at, search_text)
SELECT o.id,
       w.service[1 + (o.id + k) % 12] || ' ' || k + 1,
       w.what[1 + (o.id + k) % 12] || ' for ' || w.who[1 + (o.id * 3 + k) % 11] || ': ' || lower(bt.name) || ', weekly.',
       initcap(w.who[1 + (o.id * 3 + k) % 11]),
       'Refer yourself by phone or e-mail, or ask a social worker to refer you.',
       CASE WHEN k = 0 THEN 'service-' || o.id || '@example.org' END,
       CASE WHEN k = 1 THEN '01234 ' || lpad(o.id::text, 6, '0') END,
       NULL,
       o.covers_all_of_scotland, ARRAY[o.themes[1 + k % 2]], k, o.created_at, o.updated_at, ''
FROM organisations o
CROSS JOIN generate_series(0, 2) AS k
CROSS JOIN bench_words w
JOIN bench_themes bt ON bt.id = o.themes[1 + k % 2];

-- The search text, as OrganisationSearchText.Refresh builds it.
UPDATE organisation_services s
SET search_text = concat_ws(E'\n', s.name, s.description, s.who_it_is_for, o.name,
                            (SELECT string_agg(t.name, E'\n') FROM bench_themes t WHERE t.id = ANY (s.themes)))
FROM organisations o
WHERE o.id = s.organisation_id;

UPDATE organisations o
SET search_text = concat_ws(E'\n', o.name, o.description,
                            (SELECT string_agg(t.name, E'\n' ORDER BY t.id) FROM bench_themes t WHERE t.id = ANY (o.themes)),
                            (SELECT string_agg(concat_ws(E'\n', s.name, s.description, s.who_it_is_for), E'\n' ORDER BY s.display_order)
                             FROM organisation_services s WHERE s.organisation_id = o.id));
COMMIT;
ANALYZE organisations;
ANALYZE organisation_areas;
ANALYZE organisation_services;
ANALYZE organisation_service_areas;
