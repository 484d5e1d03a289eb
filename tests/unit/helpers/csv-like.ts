import fc from 'fast-check';

/** Line ends a CSV may have, and none (the last line). */
const lineEnd = fc.constantFrom('\r\n', '\n', '\r', '');

/**
 * CSV-like text for fuzzing the readers: an optional BOM, one of `header`, then up to 12 rows of
 * up to `maxCells` cells, each row with its own separator (`,` `;` tab) and line end.
 */
export function csvLike(
  header: fc.Arbitrary<string>,
  cell: fc.Arbitrary<string>,
  maxCells: number,
): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.boolean(),
      header,
      fc.array(fc.tuple(fc.array(cell, { maxLength: maxCells }), fc.constantFrom(',', ';', '\t'), lineEnd), {
        maxLength: 12,
      }),
    )
    .map(
      ([bom, head, rows]) =>
        (bom ? '\uFEFF' : '') +
        head +
        '\r\n' +
        rows.map(([cells, sep, end]) => cells.join(sep) + end).join(''),
    );
}
