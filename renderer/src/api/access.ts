/** The UI hides what the server would refuse; the rule is the contract's own (shared/api). */
export { mayCall } from '../../../shared/api/index';
