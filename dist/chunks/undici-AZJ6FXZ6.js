#!/usr/bin/env node
import { createRequire as __cogCreateRequire } from 'node:module';
const require = __cogCreateRequire(import.meta.url);
import {
  require_undici
} from "./chunk-DITHVKMJ.js";
import "./chunk-FBD6DPGT.js";
export default require_undici();
