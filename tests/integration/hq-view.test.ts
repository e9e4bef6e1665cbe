import { hqViewSuite } from './hq-view-suite';

hqViewSuite('sqlite');
