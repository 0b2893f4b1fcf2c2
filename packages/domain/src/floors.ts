/**
 * Who set the floor that binds a child, named in BELOW_FLOOR messages. Shared by the cascade
 * on the server and the SPA's cascade wizard, so both name the same unit.
 */

export interface FloorSetters {
  /** The unit that issued the plan (its floors bind every assignment under it). */
  issuer: string;
  /** The unit assigning to its children (the cascade's own floors). */
  assigner: string;
}

/**
 * The plan's issuer when the plan's floor binds (it is at least the assigning unit's floor, or
 * the assigning unit set none); otherwise the assigning unit. With no plan floor, the assigning
 * unit.
 */
export function floorSetBy(planFloor: number | null, requestFloor: number | null, setters: FloorSetters): string {
  return planFloor !== null && (requestFloor === null || planFloor >= requestFloor) ? setters.issuer : setters.assigner;
}
