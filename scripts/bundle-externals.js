// The packages tib's bundle requires at run time instead of inlining them: execa is
// ESM-only and used only by `run`/`verify`, fast-glob only for quoted globs and
// directories, yaml only by `fmt`, so starting tib never parses them. scripts/build.js
// keeps them external; scripts/pack.js ships them.
'use strict';
module.exports = ['execa', 'fast-glob', 'yaml'];
