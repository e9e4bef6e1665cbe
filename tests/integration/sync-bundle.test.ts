import { bundleSuite } from './sync-bundle';

bundleSuite('sqlite');
