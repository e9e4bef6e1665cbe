import { isolationSuite } from './sync-isolation';

isolationSuite('sqlite');
