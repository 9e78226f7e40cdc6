-- Industry codes → cluster categories: region × industry code × year rows summed into
-- region × category × year cells, as `aggregateIndustries` (src/io/industryMapping.ts) does in memory.
--
-- Inputs (the caller defines them; `atlas indicators --industry-map` makes them views over the files):
--   industry_rows(region VARCHAR, industry VARCHAR, year INTEGER,
--                 employment DOUBLE, establishments DOUBLE, employment_flag VARCHAR)
--       one row per region × industry code × year; employment NULL = not reported;
--       employment_flag = County Business Patterns size-class letter of a suppressed cell (or NULL)
--   industry_map(code_prefix VARCHAR, category VARCHAR)
--       normalised prefixes (upper case, no padding); the longest matching prefix wins
--   size_class_value(flag VARCHAR, employment DOUBLE)
--       what a suppressed cell becomes (the size-class midpoints, or no rows for "not reported")
--
-- Only the distinct industry codes (thousands) are normalised, prefix-matched and compared with
-- each other; the big table meets them in one equality join, so the work stays linear in its rows.
-- Statements are separated by lines `-- name: <result>`; each is plain SQL (see README: the same
-- file on a distributed engine).

-- name: codes
CREATE TEMPORARY TABLE industry_codes AS
WITH raw AS (SELECT DISTINCT industry AS raw_code FROM industry_rows),
normalised AS (
  SELECT raw_code, regexp_replace(upper(replace(trim(raw_code), ' ', '')), '[-/*]+$', '') AS code FROM raw
),
distinct_codes AS (SELECT DISTINCT code FROM normalised),
-- A code that other codes of the data refine (31 beside 311, or the all-industries total "") is an
-- aggregate of them: summing it too would count the same jobs twice.
finer AS (
  SELECT a.code, count(b.code) AS finer
  FROM distinct_codes a JOIN distinct_codes b ON length(b.code) > length(a.code) AND starts_with(b.code, a.code)
  GROUP BY a.code
),
matched AS (
  SELECT d.code, m.category, row_number() OVER (PARTITION BY d.code ORDER BY length(m.code_prefix) DESC) AS rank
  FROM distinct_codes d JOIN industry_map m ON starts_with(d.code, m.code_prefix) AND length(m.code_prefix) > 0
)
SELECT n.raw_code, n.code, coalesce(f.finer, 0) AS finer,
       CASE WHEN f.finer IS NULL THEN m.category END AS category
FROM normalised n
LEFT JOIN finer f ON f.code = n.code
LEFT JOIN matched m ON m.code = n.code AND m.rank = 1;

-- name: cells
SELECT r.region, c.category, r.year,
       sum(coalesce(r.employment, s.employment)) AS employment,
       sum(r.establishments) AS establishments,
       -- cells of fine codes not reported: a category cell is "not reported" only when all were
       count_if(r.employment IS NULL AND s.employment IS NULL) AS codes_missing,
       count(*) AS codes
FROM industry_rows r
JOIN industry_codes c ON c.raw_code = r.industry AND c.category IS NOT NULL
LEFT JOIN size_class_value s ON r.employment IS NULL AND s.flag = upper(trim(r.employment_flag))
GROUP BY r.region, c.category, r.year
ORDER BY r.region, c.category, r.year;

-- name: regions
SELECT DISTINCT region FROM industry_rows ORDER BY region;

-- name: years
SELECT DISTINCT year FROM industry_rows ORDER BY year;

-- name: unmapped
SELECT min(c.raw_code) AS code, count(coalesce(r.employment, s.employment)) AS cells,
       coalesce(sum(coalesce(r.employment, s.employment)), 0) AS employment
FROM industry_rows r JOIN industry_codes c ON c.raw_code = r.industry
LEFT JOIN size_class_value s ON r.employment IS NULL AND s.flag = upper(trim(r.employment_flag))
WHERE c.category IS NULL AND c.finer = 0
GROUP BY c.code ORDER BY c.code;

-- name: aggregates
SELECT min(raw_code) AS code, max(finer) AS finer FROM industry_codes WHERE finer > 0 GROUP BY code ORDER BY code;

-- name: suppressed
SELECT upper(trim(employment_flag)) AS flag, count(*) AS cells
FROM industry_rows
WHERE employment IS NULL AND employment_flag IS NOT NULL AND trim(employment_flag) <> ''
GROUP BY 1 ORDER BY 1;
