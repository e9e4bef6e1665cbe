import { convergenceSuite } from './sync-convergence';

convergenceSuite('sqlite');
