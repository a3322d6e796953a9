import type { FactReader } from './reading.js';
import { datesReader } from './dates/dates-reader.js';
import { regionsReader } from './regions/regions-reader.js';
import { dataCategoriesReader } from './data-categories/data-categories-reader.js';
import { trainingDefaultReader } from './training-default/training-default-reader.js';
import { minorsReader } from './minors/minors-reader.js';
import { optOutPathReader } from './opt-out-path/opt-out-path-reader.js';
import { legalBasisReader } from './legal-basis/legal-basis-reader.js';
import { providersReader } from './providers/providers-reader.js';

/**
 * Every fact family's reader, one folder each, run in this order. Each fact is read by exactly
 * one of them (tests/unit/extract-readers.test.ts checks it against the facts table).
 */
export const FACT_READERS: readonly FactReader[] = [
  datesReader,
  regionsReader,
  dataCategoriesReader,
  trainingDefaultReader,
  minorsReader,
  optOutPathReader,
  legalBasisReader,
  providersReader,
];
