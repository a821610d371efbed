/**
 * QDA-XML creationDateTime: the writer's fast path for stored ISO strings gives exactly what
 * Date's parse-and-format gives, including out-of-range fields that roll over and other forms.
 */
import { expect, it } from 'vitest';
import { buildQde } from '../../../electron/core/interop/refi-write';
import { emptyModel } from '../../../electron/core/interop/model';
const ref = (value: string) => {
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
};
it('creationDateTime matches Date.parse + toISOString without milliseconds', () => {
  const vals = [
    '2024-02-30T00:00:00.000Z',
    '2024-02-29T00:00:00.000Z',
    '2023-02-29T00:00:00Z',
    '1900-02-29T00:00:00Z',
    '2000-02-29T10:00:00.5Z',
    '2024-13-01T00:00:00.000Z',
    '2024-00-01T00:00:00.000Z',
    '2024-01-00T00:00:00.000Z',
    '2024-01-01T24:00:00.000Z',
    '2024-01-01T23:60:00.000Z',
    '2024-01-01T23:59:60.000Z',
    '2024-12-31T23:59:59.999Z',
    '0000-01-01T00:00:00Z',
    '2024-04-31T00:00:00Z',
    '2024-01-01T00:00:00.12Z',
    '2024-01-01 00:00:00',
    '2024-01-01T00:00:00+08:00',
    'garbage',
  ];
  for (const v of vals) {
    const m = emptyModel('qdpx', 'x', 'p');
    m.coders.push({ key: 'c', name: 'c', color: null });
    m.codes.push({
      key: 'k',
      parentKey: null,
      name: 'n',
      color: null,
      description: '',
      definition: '',
      inclusion: '',
      exclusion: '',
      example: '',
    });
    m.documents.push({ key: 'd', title: 't', text: 'abc', memo: '' } as never);
    m.annotations.push({
      documentKey: 'd',
      codeKey: 'k',
      coderKey: 'c',
      start: 0,
      end: 1,
      memo: '',
      createdAt: v,
    });
    const xml = buildQde(m, 'o', '2024-01-01T00:00:00Z');
    const got = /<Coding [^>]*creationDateTime="([^"]+)"/.exec(xml)?.[1];
    expect(got, v).toBe(ref(v));
  }
});
