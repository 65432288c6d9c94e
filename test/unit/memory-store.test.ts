import { MemoryCycleStore } from '../helpers/memory-store.ts';
import { cycleStoreContract } from '../helpers/store-contract.ts';
import { cycleStoreLinkContract } from '../helpers/store-contract-links.ts';
import { cycleStoreSigningContract } from '../helpers/store-contract-signing.ts';

const store = new MemoryCycleStore();
cycleStoreContract('MemoryCycleStore', () => store);
cycleStoreLinkContract('MemoryCycleStore', () => store);
cycleStoreSigningContract('MemoryCycleStore', () => store);
