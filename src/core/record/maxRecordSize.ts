/** Records longer than this (bytes, or characters for text) are reported, not read. */
export const MAX_RECORD_SIZE = 1024 * 1024
