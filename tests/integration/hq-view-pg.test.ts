import { afterAll } from 'vitest';
import { hqViewSuite } from './hq-view-suite';
import { stopTestPg } from './sync-pg';

// The same tests with HQ on PostgreSQL (PRIEMNAYA_TEST_PG, or a throwaway cluster on loopback).
hqViewSuite('postgres');
afterAll(stopTestPg, 60_000);
