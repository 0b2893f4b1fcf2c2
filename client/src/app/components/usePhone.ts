import { Grid } from 'antd';

/**
 * A phone's width (below antd's `md`, 768 px): pages stack their pickers, wrap their buttons and
 * let wide tables scroll inside their card (issue #16). False until the breakpoints are known,
 * so a desktop never flashes its phone layout.
 */
export function usePhone(): boolean {
  return Grid.useBreakpoint().md === false;
}

/**
 * A table of wrapped text on a phone: as wide as on a small laptop (its columns readable), and
 * scrolled inside its card (`scroll={{ x: phone ? PHONE_TABLE : true }}`).
 */
export const PHONE_TABLE = 720;
