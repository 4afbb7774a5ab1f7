import { test } from 'node:test';
import assert from 'node:assert/strict';
import { datesConflict, numbersConflict, readDate, readNumber } from './values.js';

const num = (s: string) => readNumber(s.split(' '))!;

test('benign rewordings of a figure do not conflict', () => {
  assert.equal(numbersConflict(num('$ 4.1 billion'), num('$ 4.1 bn')), false);
  assert.equal(numbersConflict(num('13.6 %'), num('13.6 percent')), false);
  assert.equal(numbersConflict(num('nine'), num('9')), false);
  assert.equal(numbersConflict(num('1,700'), num('about 1,700')), false);
  assert.equal(numbersConflict(num('1,234'), num('about 1,200')), false);
});

test('figures beyond hedges and rounding conflict', () => {
  assert.equal(numbersConflict(num('1,800'), num('around 1,700')), true);
  assert.equal(numbersConflict(num('1,800'), num('some 1,700')), true);
  assert.equal(numbersConflict(num('45'), num('90')), true);
  assert.equal(numbersConflict(num('nearly $ 2 billion'), num('$ 1.95 billion')), false);
});

test('dates conflict on any field both state', () => {
  assert.equal(datesConflict(readDate(['Tuesday'])!, readDate(['Wednesday'])!), true);
  assert.equal(datesConflict(readDate(['January', '1'])!, readDate(['Jan.', '1'])!), false);
  assert.equal(datesConflict(readDate(['2001'])!, readDate(['2006'])!), true);
  assert.equal(datesConflict(readDate(['October', '2023'])!, readDate(['2023'])!), false);
});
