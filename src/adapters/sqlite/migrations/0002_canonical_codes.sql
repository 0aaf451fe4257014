-- One canonical code per collectivité (src/core/reference-codes.ts). French codes were stored
-- bare ("32"), which is ambiguous between a département and a région: they get their kind,
-- read from the level the reference resolved them to. Malian P-codes are already canonical.
-- Introductions hold profile ids, not codes: nothing to rewrite there.
UPDATE profiles
SET data = json_set(data, '$.collectivite.refCode', level || ':' || json_extract(data, '$.collectivite.refCode')),
    indexed_version = 0
WHERE country = 'FR'
  AND level IN ('commune', 'epci', 'departement', 'region')
  AND json_extract(data, '$.collectivite.refCode') IS NOT NULL
  AND instr(json_extract(data, '$.collectivite.refCode'), ':') = 0;
--> statement-breakpoint
UPDATE profiles
SET data = json_set(data, '$.collectivite.regionCode', 'region:' || json_extract(data, '$.collectivite.regionCode')),
    indexed_version = 0
WHERE country = 'FR'
  AND json_extract(data, '$.collectivite.regionCode') IS NOT NULL
  AND instr(json_extract(data, '$.collectivite.regionCode'), ':') = 0;
--> statement-breakpoint
UPDATE profiles
SET data = json_set(data, '$.collectivite.departementCode', 'departement:' || json_extract(data, '$.collectivite.departementCode')),
    indexed_version = 0
WHERE country = 'FR'
  AND json_extract(data, '$.collectivite.departementCode') IS NOT NULL
  AND instr(json_extract(data, '$.collectivite.departementCode'), ':') = 0;
--> statement-breakpoint
UPDATE profiles
SET region_code = 'region:' || region_code
WHERE country = 'FR' AND region_code IS NOT NULL AND instr(region_code, ':') = 0;
--> statement-breakpoint
UPDATE ties
SET data = json_set(data, '$.french.code', json_extract(data, '$.french.kind') || ':' || french_code),
    french_code = json_extract(data, '$.french.kind') || ':' || french_code
WHERE french_code IS NOT NULL
  AND instr(french_code, ':') = 0
  AND json_extract(data, '$.french.kind') IN ('commune', 'epci', 'departement', 'region');
