export { isPublicAddress, refusedAddressReason, refusedHostReason, guardedLookup, ForbiddenAddressError, type AddressPolicy } from './address-policy.js';
export { fetchUrl, type FetchOptions, type FetchResult } from './fetch-url.js';
export { USER_AGENT } from './http-request.js';
