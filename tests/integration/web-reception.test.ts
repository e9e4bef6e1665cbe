import { webReceptionSuite } from './web-reception-suite';

webReceptionSuite('sqlite');
