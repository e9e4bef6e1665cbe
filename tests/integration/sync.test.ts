import { syncApiSuite, syncSuite } from './sync-suite';

syncSuite('sqlite');
syncApiSuite('sqlite');
