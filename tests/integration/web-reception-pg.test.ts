import { afterAll } from 'vitest';
import { webReceptionSuite } from './web-reception-suite';
import { stopTestPg } from './sync-pg';

// The same tests with HQ on PostgreSQL (PRIEMNAYA_TEST_PG, or a throwaway cluster on loopback).
webReceptionSuite('postgres');
afterAll(stopTestPg, 60_000);
