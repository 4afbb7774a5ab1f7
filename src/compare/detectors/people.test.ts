import { test } from 'node:test';
import assert from 'node:assert/strict';
import { titlesDiffer } from './people.js';

const t = (title: string) => ({ words: title.toLowerCase().split(/\s+/) });

test('titles of one office told in other words do not differ', () => {
  // Other ranks of one office noun differ; a shortening does not.
  assert.equal(titlesDiffer(t('Battalion Chief'), t('Fire Chief')), true);
  assert.equal(titlesDiffer(t('Chief'), t('Fire Chief')), false);
  // An acronym of the other's words is the same office.
  assert.equal(titlesDiffer(t('CIA Director'), t('Central Intelligence Agency Director')), false);
  assert.equal(titlesDiffer(t('F.B.I. Director'), t('Federal Bureau of Investigation Director')), false);
  assert.equal(titlesDiffer(t('FBI Director'), t('CIA Director')), true);
  // "former" read on both sides ("former US President" / "Former President") is a word in common.
  assert.equal(titlesDiffer(t('former US President'), t('Former President')), false);
});
