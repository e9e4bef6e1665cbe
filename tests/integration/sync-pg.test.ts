import { afterAll } from 'vitest';
import { stopTestPg } from './sync-pg';
import { bundleSuite } from './sync-bundle';
import { convergenceSuite } from './sync-convergence';
import { isolationSuite } from './sync-isolation';
import { deskSuite } from './regnumber-desks';
import { syncApiSuite, syncSuite } from './sync-suite';

// The same suite with HQ on PostgreSQL (PRIEMNAYA_TEST_PG, or a throwaway cluster on loopback).
syncSuite('postgres');
syncApiSuite('postgres');
isolationSuite('postgres');
convergenceSuite('postgres');
bundleSuite('postgres');
deskSuite('postgres');
afterAll(stopTestPg, 60_000);
