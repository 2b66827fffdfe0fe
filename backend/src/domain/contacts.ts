/**
 * How people are reached, checked the same way by the server's DTOs and the web app's forms: the
 * organisation's DPO and a vendor's contacts.
 */

/** A telephone number as people write it: digits, spaces, dots, dashes, brackets, an optional leading +; 6 to 20 digits. */
export const PHONE_PATTERN = /^(?=(?:\D*\d){6,20}\D*$)\+?[\d\s().-]+$/;

/** Longest e-mail address (RFC 5321 path) and telephone number accepted. */
export const CONTACT_LIMITS = { email: 254, phone: 50 } as const;
