import { webReceptionSuite } from './web-reception-suite';
import { webReceptionFilesSuite } from './web-reception-files-suite';

webReceptionSuite('sqlite');
webReceptionFilesSuite('sqlite');
