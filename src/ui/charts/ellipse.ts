/**
 * Points on the 95 % confidence ellipse of the sway (SPEC section 4: semi-axes ellipseMajor,
 * ellipseMinor; ellipseAngleDeg = angle of the major axis from the AP axis towards ML), centred
 * at the origin like the centred AP/ML series.
 */

export interface EllipseAxes {
  ellipseMajor: number;
  ellipseMinor: number;
  ellipseAngleDeg: number;
}

/** Enough points for a smooth outline at phone size. */
export const ELLIPSE_POINTS = 73;

/**
 * The closed outline as {x: ML, y: AP} points (first point repeated at the end). A point at
 * parameter phi is major*cos(phi) along the major axis plus minor*sin(phi) along the minor one;
 * the major axis is (AP, ML) = (cos a, sin a).
 */
export function ellipseOutline(
  axes: EllipseAxes,
  points: number = ELLIPSE_POINTS,
): { x: number; y: number }[] {
  const angle = (axes.ellipseAngleDeg * Math.PI) / 180;
  const cosA = Math.cos(angle);
  const sinA = Math.sin(angle);
  const outline: { x: number; y: number }[] = [];
  for (let k = 0; k < points; k++) {
    const phi = (2 * Math.PI * k) / (points - 1);
    const along = axes.ellipseMajor * Math.cos(phi);
    const across = axes.ellipseMinor * Math.sin(phi);
    const ap = along * cosA - across * sinA;
    const ml = along * sinA + across * cosA;
    outline.push({ x: ml, y: ap });
  }
  return outline;
}
