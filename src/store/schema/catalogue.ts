/**
 * Migration 8 (issue 12): the indicator dimension gets what the catalogue
 * says of each indicator (domain, kind, direction, per-capita base, source);
 * a quantity keeps its measure verb, what the verb says (new, cumulative)
 * and the scope its name states; and percent has one spelling, '%', in
 * stored base units as in rules/units.yaml.
 */
export const CATALOGUE_SQL = `
ALTER TABLE indicators ADD COLUMN domain TEXT;
ALTER TABLE indicators ADD COLUMN kind TEXT;
ALTER TABLE indicators ADD COLUMN direction TEXT;
ALTER TABLE indicators ADD COLUMN per_capita_base TEXT;
ALTER TABLE indicators ADD COLUMN source TEXT;
ALTER TABLE quantities ADD COLUMN measure_verb TEXT;
ALTER TABLE quantities ADD COLUMN measure_kind TEXT CHECK (measure_kind IS NULL OR measure_kind IN ('new', 'cumulative', 'unspecified'));
ALTER TABLE quantities ADD COLUMN scope TEXT;
UPDATE quantities SET unit_base = '%' WHERE unit_base = 'percent';
UPDATE quantities SET extracted = replace(extracted, '"unit_base":"percent"', '"unit_base":"%"') WHERE extracted LIKE '%"unit_base":"percent"%';
UPDATE indicators SET unit = '%' WHERE unit = 'percent';
`;
