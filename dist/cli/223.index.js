export const id = 223;
export const ids = [223];
export const modules = {

/***/ 7223:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bisectCommand: () => (/* binding */ bisectCommand)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
/* harmony import */ var _config_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5259);
/* harmony import */ var _config_parse_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1402);
/* harmony import */ var _signals_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2602);
/* harmony import */ var _engine_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4398);
/* harmony import */ var _range_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4351);
/* harmony import */ var _run_bisection_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8990);
// `fusefs-gate bisect --source-tree DIR --good REF --bad REF [run flags]`: finds the first commit
// whose gate run fails the way the bad end fails. Steps run in a detached git worktree of the
// user's repository, so their working copy (dirty or not) is never touched.








/** Bisection input errors name the flag, like every other bad input. */
class BisectInputError extends Error {
}
async function bisectCommand(args) {
    const options = {
        quiet: { type: 'boolean' },
        out: { type: 'string' },
        good: { type: 'string' },
        bad: { type: 'string' },
        'bisect-max-builds': { type: 'string' },
        'bisect-time-budget': { type: 'string' },
    };
    // `--good` is this command's `bisect-good`; `--bisect-max-builds` is read here, not by parseConfig.
    for (const input of runInputs())
        options[input] = { type: 'string' };
    let values;
    try {
        ({ values } = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({ args, options, strict: true, allowPositionals: false }));
    }
    catch (error) {
        return badInput(error.message);
    }
    const io = cliIO(values.quiet === true);
    let plan;
    try {
        plan = await planBisection(values);
    }
    catch (error) {
        if (error instanceof BisectInputError || error instanceof _config_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .BadInputError */ .Y)
            return badInput(error.message);
        throw error;
    }
    const { commits, good, maxBuilds, hardMaxBuilds } = plan;
    io.note(`fusefs-gate bisect: ${commits.length} commit(s) after ${good.slice(0, 12)} up to ${commits.at(-1).sha.slice(0, 12)}; at most ${hardMaxBuilds ?? maxBuilds} build(s) before skips`);
    const signals = (0,_signals_js__WEBPACK_IMPORTED_MODULE_4__/* .installSignalHandlers */ .X)();
    try {
        const result = await (0,_run_bisection_js__WEBPACK_IMPORTED_MODULE_6__/* .runBisection */ .IO)(plan, {
            io,
            signal: signals.signal,
            onStep: (number, record) => process.stdout.write(`${(0,_run_bisection_js__WEBPACK_IMPORTED_MODULE_6__/* .describeStep */ .Ey)(number, record)}\n`),
        });
        if (result.kind === 'cancelled') {
            process.stdout.write(`bisect: cancelled by ${result.cancelled} after ${result.steps.length} build(s)\n`);
            return result.exitCode;
        }
        if (result.kind === 'found') {
            const first = result.firstBad;
            process.stdout.write(`first bad commit: ${first.sha} ${first.subject}\n`);
            process.stdout.write(`  failure: ${first.why}\n  builds: ${result.steps.length} for ${result.commitCount} commit(s); report: ${result.reportFile}\n`);
            return result.exitCode;
        }
        process.stdout.write(`bisect: undecided: ${result.undecided}\n`);
        if (result.candidates.length) {
            process.stdout.write(`  the first bad commit is one of:\n${result.candidates.map((c) => `    ${c.sha} ${c.subject}`).join('\n')}\n`);
        }
        process.stdout.write(`  builds: ${result.steps.length}; report: ${result.reportFile}\n`);
        return result.exitCode;
    }
    finally {
        signals.dispose();
    }
}
async function planBisection(values) {
    const str = (name) => typeof values[name] === 'string' && values[name].trim() !== ''
        ? values[name].trim()
        : undefined;
    const tree = str(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Input */ .pd.SourceTree);
    if (!tree)
        throw new BisectInputError("invalid input '--source-tree': bisect needs the tree's git repository");
    const goodRef = str('good');
    const badRef = str('bad');
    if (!goodRef)
        throw new BisectInputError("invalid input '--good': bisect needs a commit that passed");
    if (!badRef)
        throw new BisectInputError("invalid input '--bad': bisect needs a commit that fails");
    const raw = {};
    for (const input of runInputs()) {
        const v = str(input);
        if (v !== undefined)
            raw[input] = v;
    }
    if (str('out'))
        raw[_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Input */ .pd.OutputDir] = str('out');
    if (raw[_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Input */ .pd.Guest] === undefined)
        raw[_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Input */ .pd.Guest] = 'freebsd';
    const config = (0,_config_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .parseConfig */ .o4)(raw, { cwd: process.cwd(), env: process.env, spell: (input) => `--${input}` });
    const range = await (0,_range_js__WEBPACK_IMPORTED_MODULE_5__/* .resolveRange */ .S)({
        tree: config.sourceTree,
        goodRef,
        badRef,
        names: { tree: '--source-tree', good: '--good', bad: '--bad' },
        badLabel: { short: '--bad', full: `--bad ${JSON.stringify(badRef)}` },
    });
    const count = (name, fallback, max) => {
        const v = str(name);
        if (v === undefined)
            return fallback;
        if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > max)
            throw new BisectInputError(`invalid input '--${name}': ${JSON.stringify(v)} is not a whole number from 1 to ${max}`);
        return Number(v);
    };
    const hardMaxBuilds = count('bisect-max-builds', undefined, 1000);
    const budgetSec = count('bisect-time-budget', 6 * 3600, 7 * 24 * 3600);
    const plan = {
        ...range,
        config,
        maxBuilds: hardMaxBuilds ?? (0,_engine_js__WEBPACK_IMPORTED_MODULE_7__/* .defaultMaxBuilds */ .n)(range.commits.length),
        budgetMs: budgetSec * 1000,
    };
    if (hardMaxBuilds !== undefined)
        plan.hardMaxBuilds = hardMaxBuilds;
    return plan;
}
/** The action inputs that are run flags here too: this command's `--good` is the action's `bisect-good`. */
function runInputs() {
    return Object.values(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Input */ .pd).filter((input) => input !== _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Input */ .pd.BisectGood && input !== _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Input */ .pd.BisectMaxBuilds);
}
function cliIO(quiet) {
    return {
        note: (message) => process.stderr.write(`${message}\n`),
        warn: (message) => process.stderr.write(`warning: ${message}\n`),
        consoleLine: (line) => {
            if (!quiet)
                process.stderr.write(`  | ${line}\n`);
        },
        group: async (name, work) => {
            if (!quiet)
                process.stderr.write(`== ${name}\n`);
            return work();
        },
    };
}
function badInput(message) {
    process.stderr.write(`fusefs-gate bisect: ${message}\n`);
    return _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .dc.usage;
}
//# sourceMappingURL=command.js.map

/***/ })

};

//# sourceMappingURL=223.index.js.map