/** Debian's Chromium and its flags (browser.cjs). */
export declare const CHROMIUM_PATH: string;
export declare const CHROMIUM_ARGS: string[];
