'use strict';
/** Median and spread of a list of milliseconds. */
exports.summary = (ms) => {
  const s = [...ms].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { runs: s.length, median: round(median), min: round(s[0]), max: round(s[s.length - 1]) };
};
const round = (x) => Math.round(x * 10) / 10;
exports.round = round;
