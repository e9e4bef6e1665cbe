import { deskSuite } from './regnumber-desks';

deskSuite('sqlite');
