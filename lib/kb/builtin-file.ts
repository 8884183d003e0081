/** Where the built-in pack is in the built extension (copied there by wxt.config.ts). */
export const BUILTIN_PACK_FILE = 'packs/world-news.json';
