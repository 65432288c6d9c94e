import { MemoryCycleStore } from '../helpers/memory-store.ts';
import { cycleStoreContract } from '../helpers/store-contract.ts';
import { cycleStoreLinkContract } from '../helpers/store-contract-links.ts';
import { cycleStorePeopleContract } from '../helpers/store-contract-people.ts';
import { cycleStoreSigningContract } from '../helpers/store-contract-signing.ts';

const store = new MemoryCycleStore();
cycleStoreContract('MemoryCycleStore', () => store);
cycleStoreLinkContract('MemoryCycleStore', () => store);
cycleStoreSigningContract('MemoryCycleStore', () => store);
cycleStorePeopleContract('MemoryCycleStore', () => store);
