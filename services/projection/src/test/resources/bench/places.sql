-- Synthetic places of Martinique for QueryBenchmark, places $1 to $2 (bulk SQL: the benchmark measures queries,
-- not the projector). Names cluster by their first word, as real names do; services, publics, typology and label are
-- drawn independently (hashes of i); 1 in 50 closed; a third labelled; one
-- to three aidants each, the third departed; half the first aidants trained. A grant carries its place's sort key
-- (lower(name)), services, closed_on and merged_into, as the projector writes them (V104, V121). Each statement ends with ";" at the end of a line.
INSERT INTO mq.places (actor_id, territory, name, typologies, commune_name, insee_code, postcode, address, latitude,
    longitude, services, publics, access_modes, support_modes, fees, programmes, place, closed_on, registered_at,
    updated_at, version, commune_key, search_text, search_head, search_other, search_pairs)
-- the three columns the projector computes (SearchColumns), from V126's expressions, their definition
SELECT r.*, substring(r.search_text FROM '^([a-z]+)(?: |$)'),
    ts_delete(array_to_tsvector(string_to_array(regexp_replace(r.search_text, '^[a-z]+( |$)', ''), ' ')),
        string_to_array(coalesce(r.commune_key, ''), ' ')),
    ts_delete(array_to_tsvector(string_to_array(regexp_replace(regexp_replace(r.search_text, '^[a-z]+( |$)', ''),
        '([a-z0-9]+)', substring(r.search_text FROM '^([a-z]+)(?: |$)') || '^\1', 'g'), ' ')),
        string_to_array(regexp_replace(coalesce(r.commune_key, ''), '([a-z0-9]+)',
            substring(r.search_text FROM '^([a-z]+)(?: |$)') || '^\1', 'g'), ' '))
FROM (SELECT md5('bench-place-' || i)::uuid, 'MQ', w.display || ' ' || c.name || ' ' || i, ARRAY[t.typ], c.name, c.insee,
    c.postcode, (i % 97 + 1) || ' rue ' || s.street, 14.6 + (i % 1000) / 5000.0, -61.0 + (i % 777) / 5000.0,
    ARRAY[sv[1 + (hashtext('s' || i) & 2147483647) % 9], sv[1 + ((hashtext('s' || i) & 2147483647) % 9 + 1 + (hashtext('t' || i) & 2147483647) % 8) % 9]], ARRAY[pu[1 + (hashtext('p' || i) & 2147483647) % 5]], ARRAY['Se présenter'],
    ARRAY['Accompagnement individuel'], ARRAY['Gratuit'], '{}'::text[],
    jsonb_build_object('name', w.display || ' ' || c.name || ' ' || i, 'pivot', '21972013500017',
        'commune', jsonb_build_object('name', c.name, 'inseeCode', c.insee, 'postcode', c.postcode),
        'address', (i % 97 + 1) || ' rue ' || s.street, 'phone', '+596596123456',
        'emails', jsonb_build_array('contact@exemple.fr'), 'websites', jsonb_build_array('https://exemple.fr'),
        'openingHours', 'Mo-Fr 08:00-12:00', 'summary', 'Espace public numérique : accès libre, ateliers.',
        'typologies', jsonb_build_array(t.typ), 'services', to_jsonb(ARRAY[sv[1 + (hashtext('s' || i) & 2147483647) % 9], sv[1 + ((hashtext('s' || i) & 2147483647) % 9 + 1 + (hashtext('t' || i) & 2147483647) % 8) % 9]]),
        'publics', to_jsonb(ARRAY[pu[1 + (hashtext('p' || i) & 2147483647) % 5]]), 'fees', jsonb_build_array('Gratuit'),
        'accessModes', jsonb_build_array('Se présenter'), 'supportModes', jsonb_build_array('Accompagnement individuel'),
        'updatedOn', '2026-11-20'),
    CASE WHEN i % 50 = 0 THEN date '2026-01-01' END, now(), now(), 1, c.key AS commune_key,
    w.key || ' ' || c.key || ' ' || i || ' ' || (i % 97 + 1) || ' rue ' || s.key || ' espace public numerique acces libre ateliers'
        AS search_text
FROM generate_series($1::int, $2::int) i
CROSS JOIN LATERAL (SELECT (ARRAY['Cyber-base', 'Espace numérique', 'Médiathèque', 'Tiers-lieu', 'Maison France services',
        'Atelier', 'Point relais', 'Fabrique', 'Bibliothèque', 'Centre social'])[1 + i % 10] AS display,
    (ARRAY['cyber base', 'espace numerique', 'mediatheque', 'tiers lieu', 'maison france services', 'atelier',
        'point relais', 'fabrique', 'bibliotheque', 'centre social'])[1 + i % 10] AS key) w
CROSS JOIN LATERAL (SELECT (ARRAY['Le Lamentin', 'Fort-de-France', 'Le François', 'Sainte-Marie', 'Le Robert',
        'Schœlcher', 'Ducos', 'Rivière-Pilote', 'La Trinité', 'Le Marin', 'Saint-Joseph', 'Le Vauclin'])[1 + (i / 10) % 12] AS name,
    (ARRAY['le lamentin', 'fort de france', 'le francois', 'sainte marie', 'le robert', 'schoelcher', 'ducos',
        'riviere pilote', 'la trinite', 'le marin', 'saint joseph', 'le vauclin'])[1 + (i / 10) % 12] AS key,
    (ARRAY['97213', '97209', '97210', '97228', '97222', '97229', '97207', '97220', '97230', '97217', '97224', '97232'])[1 + (i / 10) % 12] AS insee,
    (ARRAY['97232', '97200', '97240', '97230', '97231', '97233', '97224', '97211', '97220', '97290', '97212', '97280'])[1 + (i / 10) % 12] AS postcode) c
CROSS JOIN LATERAL (SELECT (ARRAY['EPN', 'MUNI', 'ASSO', 'TIERS_LIEUX', 'BIB'])[1 + (hashtext('y' || i) & 2147483647) % 5] AS typ) t
CROSS JOIN LATERAL (SELECT (ARRAY['Schoelcher', 'de la République', 'Victor Hugo', 'des Flamboyants', 'Ernest Deproge'])[1 + i % 5] AS street,
    (ARRAY['schoelcher', 'de la republique', 'victor hugo', 'des flamboyants', 'ernest deproge'])[1 + i % 5] AS key) s
CROSS JOIN (SELECT ARRAY['Aide aux démarches administratives', 'Maîtrise des outils numériques du quotidien',
        'Insertion professionnelle via le numérique', 'Utilisation sécurisée du numérique',
        'Parentalité et éducation avec le numérique', 'Loisirs et créations numériques',
        'Compréhension du monde numérique', 'Accès internet et matériel informatique',
        'Acquisition de matériel informatique à prix solidaire'] AS sv,
    ARRAY['Jeunes', 'Étudiants', 'Familles et/ou enfants', 'Seniors', 'Femmes'] AS pu) v) r;
INSERT INTO mq.label_grants (actor_id, label, valid_from, valid_until, sort_name, services, closed_on, merged_into)
SELECT p.actor_id, (ARRAY['APTIC', 'Aidants Connect', 'Bibliothèques numérique de référence',
        'Certification PIX', 'Conseillers numériques', 'Emmaüs Connect', 'France Services', 'Grande école du numérique',
        'La Croix Rouge', 'Point d''accès numérique CAF', 'Promeneurs du net', 'Relais numérique (Emmaüs Connect)'])[1 + (hashtext('l' || i) & 2147483647) % 12],
    date '2025-01-01', CASE WHEN i % 9 = 0 THEN date '2026-03-31' END, lower(p.name), p.services, p.closed_on,
    p.merged_into
FROM generate_series($1::int, $2::int) i JOIN mq.places p ON p.actor_id = md5('bench-place-' || i)::uuid
WHERE (hashtext('g' || i) & 2147483647) % 3 = 0;
INSERT INTO mq.aidants (aidant_id, actor_id, name, role, enrolled_on, departed_on)
SELECT md5('bench-aidant-' || i || '-' || k)::uuid, md5('bench-place-' || i)::uuid, 'Aidant ' || i || '-' || k,
    'mediateur_numerique', date '2024-01-01', CASE WHEN k = 3 THEN date '2025-06-30' END
FROM generate_series($1::int, $2::int) i, generate_series(1, 1 + i % 3) k;
INSERT INTO mq.aidant_trainings (aidant_id, title, provider, hours, completed_on)
SELECT md5('bench-aidant-' || i || '-1')::uuid, 'Pix', 'Pix', 10, date '2024-06-01'
FROM generate_series($1::int, $2::int) i WHERE i % 2 = 0;
