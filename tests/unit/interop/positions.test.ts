// Producer positions → code points of the canonical text: CRLF counted as two or one, UTF-16
// code units, and the choice among them by the selections' quoted names.
import { describe, expect, it } from 'vitest';
import { canonicalText, chooseConvention, positionMap } from '../../../electron/core/interop/positions';

const RAW = 'a𠀋\r\nbc𪚥d\r\n';

describe('REFI-QDA positions', () => {
  it('canonicalises BOM and line ends', () => {
    expect(canonicalText(`\uFEFF${RAW}`)).toEqual({
      text: 'a𠀋\nbc𪚥d\n',
      hadBom: true,
      hadCr: true,
      hasAstral: true,
    });
  });

  it('maps each convention to code points of the canonical text', () => {
    // canonical: a=0 𠀋=1 \n=2 b=3 c=4 𪚥=5 d=6 \n=7, end 8
    expect([...positionMap(RAW, { unit: 'code-point', crlf: 2 })]).toEqual([0, 1, 2, 2, 3, 4, 5, 6, 7, 7, 8]);
    expect([...positionMap(RAW, { unit: 'code-point', crlf: 1 })]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    // A position inside a surrogate pair rounds up to the character's end.
    expect([...positionMap(RAW, { unit: 'utf-16', crlf: 1 })]).toEqual([0, 1, 2, 2, 3, 4, 5, 6, 6, 7, 8]);
  });

  it('chooses the counting under which the quoted names match, else the standard reading', () => {
    const canon = canonicalText(RAW).text;
    // "c𪚥d" counted in UTF-16 with CRLF as two: starts at 6 (a, 𠀋×2, CR, LF, b), ends at 10.
    const chosen = chooseConvention(RAW, canon, [{ start: 6, end: 10, name: 'c𪚥d' }]);
    expect(chosen.convention).toEqual({ unit: 'utf-16', crlf: 2 });
    expect([chosen.map[6], chosen.map[10]]).toEqual([4, 7]);
    expect(chooseConvention(RAW, canon, [{ start: 4, end: 6, name: null }]).convention).toEqual({
      unit: 'code-point',
      crlf: 2,
    });
  });
});
