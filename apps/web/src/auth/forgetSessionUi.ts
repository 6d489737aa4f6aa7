import { EMPTY_CART } from '@opentill/domain';
import { useCart } from '../sales/cartStore';
import { useNavigation } from '../shell/navigationStore';

/**
 * Forgets what the page holds in memory for a session that ended (sign-out here, a
 * removal by the owner, or either in another tab): the wipe cleared IndexedDB, but the
 * half-rung cart, the parked sales and the open tab would otherwise greet the next person who signs in.
 */
export function forgetSessionUi(): void {
  useCart.getState().hydrate(EMPTY_CART, []);
  useNavigation.getState().reset();
}
