/** What the scenarios work on, read from a database `generate national` filled. */

/** The generator's password for every account, and its plan year. */
export const PASSWORD = 'chitieu-bench';
export const YEAR = 2024;

/** The province, plan, indicators and units the scenarios work on, read from the generated data. */
export async function fixture(sql, summary) {
  const [provinces] = await sql.query(
    `SELECT p.id, p.code, p.name, p.path, COUNT(c.id) AS communes FROM unit p JOIN unit d ON d.parentId = p.id JOIN unit c ON c.parentId = d.id
     WHERE p.parentId IS NULL GROUP BY p.id, p.code, p.name, p.path ORDER BY ABS(COUNT(c.id) - 200), p.code`,
  );
  const province = provinces[0];
  const [[plan]] = await sql.query('SELECT id FROM plan WHERE issuerId = ? AND year = ? ORDER BY id LIMIT 1', [province.id, YEAR]);
  const [indicators] = await sql.query(
    `SELECT i.id, i.code, i.measure, pi.floors FROM indicator i JOIN plan_indicator pi ON pi.indicatorId = i.id AND pi.planId = ? ORDER BY pi.sortOrder`,
    [plan.id],
  );
  const [[commune]] = await sql.query('SELECT c.id, c.code FROM unit c JOIN unit d ON d.id = c.parentId WHERE d.parentId = ? ORDER BY c.code LIMIT 1', [province.id]);
  const [[big]] = await sql.query(
    'SELECT p.id, p.name FROM unit p JOIN unit d ON d.parentId = p.id WHERE p.parentId IS NULL GROUP BY p.id, p.name ORDER BY COUNT(*) DESC, p.id LIMIT 1',
  );
  const [[bigDistrict]] = await sql.query(
    "SELECT d.id, d.name FROM unit d JOIN unit c ON c.parentId = d.id WHERE d.parentId = ? AND d.kind <> 'PROVINCIAL_AGENCY' GROUP BY d.id, d.name, d.code ORDER BY d.code LIMIT 1",
    [big.id],
  );
  const [[bigCommune]] = await sql.query('SELECT id, name FROM unit WHERE parentId = ? ORDER BY code LIMIT 1', [bigDistrict.id]);
  const [[{ units }]] = await sql.query('SELECT COUNT(*) AS units FROM unit');
  return {
    password: PASSWORD,
    year: YEAR,
    province: { ...province, communes: Number(province.communes) },
    communes: Number(province.communes),
    plan,
    indicator: indicators.find((i) => i.measure === 'RATE'),
    indicators: indicators.map((i) => ({ id: i.id, code: i.code, measure: i.measure, floors: (typeof i.floors === 'string' ? JSON.parse(i.floors) : i.floors).length > 0 })),
    commune,
    bigProvince: big,
    bigDistrict,
    bigCommune,
    units: Number(units),
    summary,
  };
}
