// Where the payload puts things in a FreeBSD guest (docs/guest-protocol.md "Guest layout").
import { BIN_DIR, GATE_DIR, RESULTS_DIR } from './common.js';

export const FREEBSD_PATHS = {
  src: `${GATE_DIR}/src`,
  guestSrc: `${GATE_DIR}/guest`,
  fuseServerSrc: `${GATE_DIR}/fuse-server`,
  obj: `${GATE_DIR}/obj`,
  work: `${GATE_DIR}/work`,
  gtestBinary: `${BIN_DIR}/fusefs-gtest-write`,
  gtestXml: `${RESULTS_DIR}/gtest-write.xml`,
  gtestLog: `${RESULTS_DIR}/gtest-write.log`,
} as const;
