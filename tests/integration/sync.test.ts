import { syncSuite } from './sync-suite';

syncSuite('sqlite');
