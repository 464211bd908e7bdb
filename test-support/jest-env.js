// Unit tests never share DIB's real cache (nor wait on its lock) with real builds running
// on the same host: every test file gets a cache directory of its own.
const os = require('node:os');
const path = require('node:path');
process.env.DIB_IMAGE_CACHE = path.join(os.tmpdir(), `tib-jest-dib-cache-${process.pid}`);
