'use strict';
module.exports = require('./jest-tmpdir').tearDown;
