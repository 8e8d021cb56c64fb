/**
 * Where the console's static files are (this folder), for the API to serve at `/`. The files
 * themselves are plain HTML, CSS and ES modules: no build step, no framework, no external CDN.
 */
export const CONSOLE_DIR = __dirname;
