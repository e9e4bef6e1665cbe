import { afterAll } from 'vitest';
import { webReceptionSuite } from './web-reception-suite';
import { webReceptionFilesSuite } from './web-reception-files-suite';
import { stopTestPg } from './sync-pg';

// The same tests with HQ on PostgreSQL (PRIEMNAYA_TEST_PG, or a throwaway cluster on loopback).
webReceptionSuite('postgres');
webReceptionFilesSuite('postgres');
afterAll(stopTestPg, 60_000);
