// kwpld serve: small enhancements; every page works without this script.
"use strict";
