/** Example tabs of the playground; variables are filled with ids from the user's own scope. */
export interface ExampleIds {
  planId: string;
  indicatorId: string;
  unitId: string;
  year: number;
}

export function exampleTabs(ids: ExampleIds) {
  return [
    {
      query: `# Kế hoạch trong phạm vi của bạn — plans in your scope
query Plans($year: Int) {
  plans(year: $year) {
    id
    year
    title
    documentNumber
    status
    subAssignmentDeadline
    indicators { position indicator { id code name measure } }
  }
}`,
      variables: JSON.stringify({ year: ids.year }, null, 2),
    },
    {
      query: `# Tiến độ của một đơn vị và các đơn vị trực thuộc — progress of a unit and its children
query Progress($planId: ID!, $indicatorId: ID!, $unitId: ID!, $period: String) {
  progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $period) {
    unit { name }
    target { value comparator }
    rolledUp { numerator denominator value }
    status
    gap
    children {
      unit { name kind }
      target { value }
      rolledUp { numerator denominator value }
      status
      gap
      rank
    }
  }
}`,
      variables: JSON.stringify({ planId: ids.planId, indicatorId: ids.indicatorId, unitId: ids.unitId, period: String(ids.year) }, null, 2),
    },
    {
      query: `# Chỉ tiêu của cả cây đơn vị — targets of a whole subtree
query SubtreeTargets($planId: ID!, $unitId: ID!) {
  targets(filter: { planId: $planId, unitId: $unitId, subtree: true }) {
    unit { name kind }
    indicator { code }
    value
    baseline
    origin
    assignedBy { name }
    late
  }
}`,
      variables: JSON.stringify({ planId: ids.planId, unitId: ids.unitId }, null, 2),
    },
    {
      query: `# Tìm đơn vị, không cần dấu — unit search, accents optional
query Units($search: String!) {
  units(search: $search, limit: 20) {
    id
    code
    name
    kind
    parent { name }
  }
}`,
      variables: JSON.stringify({ search: 'buon trap' }, null, 2),
    },
  ];
}
