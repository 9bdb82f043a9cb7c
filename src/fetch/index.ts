export { isPublicAddress, refusedAddressReason, refusedHostReason, guardedLookup, ForbiddenAddressError, type AddressPolicy } from './address-policy.js';
export { fetchUrl, fetchUrlStream, type FetchOptions, type FetchResult, type FetchStream } from './fetch-url.js';
export { USER_AGENT } from './http-request.js';
