export const id = 438;
export const ids = [438,546];
export const modules = {

/***/ 9438:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  bisectCommand: () => (/* binding */ bisectCommand),
  describeStep: () => (/* binding */ describeStep)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./.build/src/config/errors.js
var errors = __webpack_require__(5259);
// EXTERNAL MODULE: ./.build/src/config/parse.js + 2 modules
var parse = __webpack_require__(76);
// EXTERNAL MODULE: ./.build/src/constants.js
var constants = __webpack_require__(1402);
// EXTERNAL MODULE: ./.build/src/gate/linux-tree-plan.js + 1 modules
var linux_tree_plan = __webpack_require__(1546);
// EXTERNAL MODULE: ./.build/src/gate/run.js + 23 modules
var run = __webpack_require__(8093);
// EXTERNAL MODULE: ./.build/src/image/linux-guest.js
var linux_guest = __webpack_require__(6914);
// EXTERNAL MODULE: ./.build/src/linux-tree/module-build.js + 1 modules
var module_build = __webpack_require__(5426);
// EXTERNAL MODULE: ./.build/src/signals.js
var src_signals = __webpack_require__(2602);
;// CONCATENATED MODULE: ./.build/src/bisect/engine.js
// The bisection itself, pure: commits in history order, a tester that answers good / bad / skip for
// one commit, and the bounds. "Bad" means the bad end's own failure (same verdict and signature);
// any other outcome (another failure, a compile error, an undecided run) is a skip, as with
// `git bisect skip`: the commit is set aside and a neighbour nearest the middle is tested instead.
/** The default bound for N commits after the good end: the bad end's test plus a binary search, plus one spare. */
function defaultMaxBuilds(commitCount) {
    return Math.ceil(Math.log2(Math.max(1, commitCount))) + 2;
}
/**
 * Finds the first bad commit among `count` commits (index count-1 is the bad end, tested first to
 * learn its failure). The good end is not a member and is not tested: the user says it passed.
 */
async function bisect(count, test, bounds) {
    const tested = [];
    const skipped = new Set();
    let builds = 0;
    const limit = () => Math.min(bounds.maxBuilds + skipped.size, bounds.hardMaxBuilds ?? Number.POSITIVE_INFINITY);
    const run = async (index) => {
        builds++;
        const result = await test(index);
        tested.push({ index, result });
        if (result.outcome === 'skip')
            skipped.add(index);
        return result;
    };
    const last = count - 1;
    const badEnd = await run(last);
    if (badEnd.outcome !== 'bad') {
        return {
            tested,
            end: { kind: 'undecided', why: `the bad end is not bad: ${badEnd.why}`, candidates: [] },
        };
    }
    // Invariant: every commit <= good is good (good = -1 is the good end), the commit at `bad` is bad.
    let good = -1;
    let bad = last;
    for (;;) {
        const open = range(good + 1, bad).filter((index) => !skipped.has(index));
        if (open.length === 0) {
            if (bad === good + 1)
                return { tested, end: { kind: 'found', index: bad } };
            return {
                tested,
                end: {
                    kind: 'undecided',
                    why: 'every commit that could be the first bad one was skipped',
                    candidates: range(good + 1, bad + 1),
                },
            };
        }
        if (builds >= limit()) {
            return {
                tested,
                end: {
                    kind: 'undecided',
                    why: `the build limit (${limit()}) was reached`,
                    candidates: range(good + 1, bad + 1),
                },
            };
        }
        if (!bounds.timeLeft())
            return {
                tested,
                end: { kind: 'undecided', why: 'the time budget ran out', candidates: range(good + 1, bad + 1) },
            };
        const index = bestSplit(open, good, bad, skipped);
        const result = await run(index);
        if (result.outcome === 'good')
            good = index;
        else if (result.outcome === 'bad')
            bad = index;
    }
}
/**
 * The open commit that halves the possible answers best. A skipped commit cannot be told apart from
 * the commit after it, so it is no answer of its own: the answers in a range are its untested-or-
 * testable commits, and the pick minimises the larger side.
 */
function bestSplit(open, good, bad, skipped) {
    const answers = (from, to) => range(from, to + 1).filter((index) => !skipped.has(index)).length;
    let best = open[0];
    let bestCost = Number.POSITIVE_INFINITY;
    for (const index of open) {
        // Good: the first bad one is after it; bad: it is at or before it.
        const cost = Math.max(answers(index + 1, bad), answers(good + 1, index));
        if (cost < bestCost) {
            best = index;
            bestCost = cost;
        }
    }
    return best;
}
function range(from, to) {
    return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}
//# sourceMappingURL=engine.js.map
// EXTERNAL MODULE: ./.build/src/vm/process.js
var vm_process = __webpack_require__(9620);
;// CONCATENATED MODULE: ./.build/src/bisect/git.js
// The git operations a bisection needs, each a bounded `git` run with an argument array (no shell).
// The user's working copy is never touched: steps check commits out in a separate worktree.

class GitError extends Error {
    args;
    output;
    constructor(args, output) {
        super(`git ${args.join(' ')} failed: ${output.trim().split('\n').slice(-3).join(' / ')}`);
        this.args = args;
        this.output = output;
        this.name = 'GitError';
    }
}
const GIT_TIMEOUT_MS = 120_000;
async function git(repo, args) {
    const result = await (0,vm_process/* runBounded */.Bb)('git', ['-C', repo, ...args], { timeoutMs: GIT_TIMEOUT_MS });
    if (result.spawnError)
        throw new GitError(args, `cannot run git: ${result.spawnError.message}`);
    if (result.code !== 0)
        throw new GitError(args, `${result.stderr}${result.stdout}${result.timedOut ? ' (timed out)' : ''}`);
    return result.stdout;
}
/** Exit status only: for questions git answers with 0 or 1. */
async function gitStatus(repo, args) {
    const result = await (0,vm_process/* runBounded */.Bb)('git', ['-C', repo, ...args], { timeoutMs: GIT_TIMEOUT_MS });
    return result.code;
}
/** The top of the work tree `dir` belongs to, or undefined when it is not in a git repository. */
async function repositoryTop(dir) {
    const result = await (0,vm_process/* runBounded */.Bb)('git', ['-C', dir, 'rev-parse', '--show-toplevel'], {
        timeoutMs: GIT_TIMEOUT_MS,
    });
    return result.code === 0 ? result.stdout.trim() : undefined;
}
/** The commit a ref names, or undefined when it names none. */
async function resolveCommit(repo, ref) {
    if (ref.startsWith('-'))
        return undefined;
    const result = await (0,vm_process/* runBounded */.Bb)('git', ['-C', repo, 'rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], { timeoutMs: GIT_TIMEOUT_MS });
    return result.code === 0 ? result.stdout.trim() : undefined;
}
async function isAncestor(repo, ancestor, descendant) {
    return (await gitStatus(repo, ['merge-base', '--is-ancestor', ancestor, descendant])) === 0;
}
/** The commits after `good` up to and including `bad`, oldest first, along first parents. */
async function commitsBetween(repo, good, bad) {
    const out = await git(repo, ['log', '--first-parent', '--reverse', '--format=%H %s', `${good}..${bad}`]);
    return out
        .split('\n')
        .filter(Boolean)
        .map((line) => ({ sha: line.slice(0, 40), subject: line.slice(41) }));
}
/** A detached worktree of `repo` at `commit` in `dir` (which must not exist). */
async function addWorktree(repo, dir, commit) {
    await git(repo, ['worktree', 'add', '--detach', '--quiet', dir, commit]);
}
async function checkoutInWorktree(worktree, commit) {
    // --force: a step's build never writes into the tree, but a stale file must not stop the bisection.
    await git(worktree, ['checkout', '--detach', '--force', '--quiet', commit]);
}
async function removeWorktree(repo, dir) {
    await git(repo, ['worktree', 'remove', '--force', dir]).catch(() => undefined);
    await git(repo, ['worktree', 'prune']).catch(() => undefined);
}
//# sourceMappingURL=git.js.map
;// CONCATENATED MODULE: ./.build/src/bisect/step.js
// One bisection step: the gate run on one commit, and what its report means for the bisection.


/** What makes two failures the same: the verdict and the signature (or, without one, the failing test). */
function failureKey(report) {
    const failing = report.tests.find((t) => t.status === report.verdict)?.name ?? '';
    return `${report.verdict}: ${report.signature ?? failing}`;
}
/** A compile error of the tree: skipped, never blamed (it says nothing about the bad end's failure). */
function isCompileFailure(report) {
    return report.build?.ok === false && (report.build.compilerErrors?.length ?? 0) > 0;
}
/**
 * The bad end decides what "bad" is; every later step is good (pass), bad (the same failure), or a
 * skip (anything else).
 */
function classifyStep(report, badKey) {
    const key = failureKey(report);
    if (isCompileFailure(report))
        return { outcome: 'skip', why: `does not compile: ${report.reason}` };
    if (report.verdict === 'pass')
        return { outcome: 'good', why: `pass: ${report.reason}` };
    if (report.verdict === 'error')
        return { outcome: 'skip', why: `undecided (error): ${report.reason}` };
    if (badKey === undefined)
        return { outcome: 'bad', why: key };
    if (key === badKey)
        return { outcome: 'bad', why: key };
    return { outcome: 'skip', why: `fails differently (${key}), not like the bad end (${badKey})` };
}
function stepTimes(report, outDir, totalMs) {
    const phase = (name) => report.phases.filter((p) => p.phase === name).reduce((sum, p) => sum + p.durationMs, 0);
    // The Linux tree's module is built on the host before the boot; its time is in module-build.json.
    const hostBuild = external_node_path_.join(outDir, '.work', 'module-build.json');
    const hostBuildMs = (0,external_node_fs_.existsSync)(hostBuild)
        ? (JSON.parse((0,external_node_fs_.readFileSync)(hostBuild, 'utf8')).durationMs ?? 0)
        : 0;
    const iterations = new Set(report.tests.map((t) => t.iteration));
    return {
        buildMs: hostBuildMs + phase('build'),
        testMs: phase('tests'),
        totalMs,
        runs: report.stoppedAtIteration ?? Math.max(0, ...iterations),
    };
}
//# sourceMappingURL=step.js.map
;// CONCATENATED MODULE: ./.build/src/bisect/command.js
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
    for (const input of Object.values(constants/* Input */.pd))
        options[input] = { type: 'string' };
    let values;
    try {
        ({ values } = (0,external_node_util_.parseArgs)({ args, options, strict: true, allowPositionals: false }));
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
        if (error instanceof BisectInputError || error instanceof errors/* BadInputError */.Y)
            return badInput(error.message);
        throw error;
    }
    const { config, repo, commits, good, maxBuilds, hardMaxBuilds, budgetMs } = plan;
    io.note(`fusefs-gate bisect: ${commits.length} commit(s) after ${good.slice(0, 12)} up to ${commits.at(-1).sha.slice(0, 12)}; at most ${hardMaxBuilds ?? maxBuilds} build(s) before skips`);
    const bisectDir = external_node_path_.join(config.outDir, 'bisect');
    // Outside the user's tree (an output folder inside it would dirty it) and at a stable path per
    // repository, so the module build folder, keyed by the tree's path, is reused by the next bisection.
    const worktree = external_node_path_.join(config.cacheDir, 'bisect-worktrees', (0,external_node_crypto_.createHash)('sha256').update(repo).digest('hex').slice(0, 16));
    (0,external_node_fs_.rmSync)(bisectDir, { recursive: true, force: true });
    (0,external_node_fs_.mkdirSync)(bisectDir, { recursive: true });
    await removeWorktree(repo, worktree);
    (0,external_node_fs_.rmSync)(worktree, { recursive: true, force: true });
    (0,external_node_fs_.mkdirSync)(external_node_path_.dirname(worktree), { recursive: true });
    const signals = (0,src_signals/* installSignalHandlers */.X)();
    const started = Date.now();
    const steps = [];
    let badKey;
    let cancelled;
    try {
        await addWorktree(repo, worktree, commits.at(-1).sha);
        const trace = await bisect(commits.length, async (index) => {
            if (signals.signal.aborted) {
                cancelled = String(signals.signal.reason);
                return { outcome: 'skip', why: `cancelled by ${cancelled}` };
            }
            const commit = commits[index];
            const stepDir = external_node_path_.join(bisectDir, `step-${String(steps.length + 1).padStart(2, '0')}-${commit.sha.slice(0, 12)}`);
            (0,external_node_fs_.mkdirSync)(stepDir, { recursive: true });
            await checkoutInWorktree(worktree, commit.sha);
            const stepConfig = {
                ...config,
                sourceTree: worktree,
                ...(config.linuxFuseTree ? { linuxFuseTree: worktree } : {}),
                outDir: stepDir,
            };
            io.note(`fusefs-gate bisect: step ${steps.length + 1}: ${commit.sha.slice(0, 12)} ${commit.subject}`);
            const stepStarted = Date.now();
            // A commit that does not compile is skipped without booting a guest for it.
            const prebuild = await prebuildModule(stepConfig, io);
            const broken = prebuild?.broken;
            if (broken) {
                const record = {
                    commit: commit.sha,
                    subject: commit.subject,
                    outcome: 'skip',
                    why: broken.why,
                    verdict: 'fail',
                    outDir: stepDir,
                    buildMs: broken.buildMs,
                    testMs: 0,
                    totalMs: Date.now() - stepStarted,
                    runs: 0,
                };
                steps.push(record);
                (0,external_node_fs_.writeFileSync)(external_node_path_.join(stepDir, 'build.txt'), `${broken.tail}\n`);
                process.stdout.write(`${describeStep(steps.length, record)}\n`);
                return { outcome: 'skip', why: broken.why };
            }
            const report = await (0,run/* runGate */.R)(stepConfig, { ...io, signal: signals.signal });
            const result = classifyStep(report, badKey);
            const times = stepTimes(report, stepDir, Date.now() - stepStarted);
            // The real build was the prebuild; the gate's own was an incremental no-op after it.
            times.buildMs += prebuild?.buildMs ?? 0;
            if (badKey === undefined && result.outcome === 'bad')
                badKey = failureKey(report);
            const record = {
                commit: commit.sha,
                subject: commit.subject,
                outcome: result.outcome,
                why: result.why,
                verdict: report.verdict,
                ...(report.signature ? { signature: report.signature } : {}),
                outDir: stepDir,
                ...times,
            };
            steps.push(record);
            process.stdout.write(`${describeStep(steps.length, record)}\n`);
            if (signals.signal.aborted)
                cancelled = String(signals.signal.reason);
            return result;
        }, {
            maxBuilds,
            ...(hardMaxBuilds !== undefined ? { hardMaxBuilds } : {}),
            timeLeft: () => {
                if (cancelled)
                    return false;
                const elapsed = Date.now() - started;
                const average = steps.length ? elapsed / steps.length : 0;
                return elapsed + average <= budgetMs;
            },
        });
        const summary = {
            good,
            bad: commits.at(-1).sha,
            commits: commits.length,
            builds: steps.length,
            badFailure: badKey ?? null,
            result: trace.end.kind === 'found'
                ? { firstBad: commits[trace.end.index] }
                : { undecided: trace.end.why, candidates: trace.end.candidates.map((i) => commits[i]) },
            steps,
            durationMs: Date.now() - started,
        };
        (0,external_node_fs_.writeFileSync)(external_node_path_.join(bisectDir, 'bisect.json'), `${JSON.stringify(summary, null, 2)}\n`);
        if (cancelled) {
            process.stdout.write(`bisect: cancelled by ${cancelled} after ${steps.length} build(s)\n`);
            return cancelled === 'SIGINT' ? constants/* EXIT */.dc.sigint : constants/* EXIT */.dc.sigterm;
        }
        if (trace.end.kind === 'found') {
            const first = commits[trace.end.index];
            const step = steps.find((s) => s.commit === first.sha);
            process.stdout.write(`first bad commit: ${first.sha} ${first.subject}\n`);
            process.stdout.write(`  failure: ${step?.why ?? badKey}\n  builds: ${steps.length} for ${commits.length} commit(s); report: ${external_node_path_.join(bisectDir, 'bisect.json')}\n`);
            return constants/* EXIT */.dc.pass;
        }
        process.stdout.write(`bisect: undecided: ${trace.end.why}\n`);
        if (trace.end.candidates.length) {
            process.stdout.write(`  the first bad commit is one of:\n${trace.end.candidates.map((i) => `    ${commits[i].sha} ${commits[i].subject}`).join('\n')}\n`);
        }
        process.stdout.write(`  builds: ${steps.length}; report: ${external_node_path_.join(bisectDir, 'bisect.json')}\n`);
        return constants/* EXIT */.dc.error;
    }
    finally {
        signals.dispose();
        await removeWorktree(repo, worktree);
    }
}
/**
 * Linux tree: the module build the gate run would start with, done first (the gate's own build is
 * then an incremental no-op), so a compile error is known without booting. Other build failures are
 * left to the gate run, which reports them.
 */
async function prebuildModule(config, io) {
    if (!config.linuxFuseTree)
        return undefined;
    const image = await (0,linux_guest/* ensureLinuxGuest */.Lr)(config.cacheDir, config.buildTimeoutSec * 1000, (line) => io.consoleLine(line), 'generic');
    if (!image.moduleBuildDir)
        return undefined;
    const build = await (0,module_build/* buildFuseModule */.kc)({
        tree: config.linuxFuseTree,
        kernelBuildDir: image.moduleBuildDir,
        buildDir: (0,linux_tree_plan/* moduleBuildDir */.g)(config.cacheDir, config.linuxFuseTree, image.kernelRelease),
        timeoutMs: config.buildTimeoutSec * 1000,
    });
    if (build.ok || build.blame !== 'tree')
        return { buildMs: build.durationMs };
    const first = build.compilerErrors[0];
    return {
        buildMs: build.durationMs,
        broken: {
            why: `does not compile: ${first.file}:${first.line}: ${first.message}`,
            tail: build.tail,
            buildMs: build.durationMs,
        },
    };
}
async function planBisection(values) {
    const str = (name) => typeof values[name] === 'string' && values[name].trim() !== ''
        ? values[name].trim()
        : undefined;
    const tree = str(constants/* Input */.pd.SourceTree);
    if (!tree)
        throw new BisectInputError("invalid input '--source-tree': bisect needs the tree's git repository");
    const goodRef = str('good');
    const badRef = str('bad');
    if (!goodRef)
        throw new BisectInputError("invalid input '--good': bisect needs a commit that passed");
    if (!badRef)
        throw new BisectInputError("invalid input '--bad': bisect needs a commit that fails");
    const raw = {};
    for (const input of Object.values(constants/* Input */.pd)) {
        const v = str(input);
        if (v !== undefined)
            raw[input] = v;
    }
    if (str('out'))
        raw[constants/* Input */.pd.OutputDir] = str('out');
    if (raw[constants/* Input */.pd.Guest] === undefined)
        raw[constants/* Input */.pd.Guest] = 'freebsd';
    const config = (0,parse/* parseConfig */.o4)(raw, { cwd: process.cwd(), env: process.env, spell: (input) => `--${input}` });
    const repo = await repositoryTop(config.sourceTree);
    if (!repo)
        throw new BisectInputError(`invalid input '--source-tree': ${JSON.stringify(config.sourceTree)} is not in a git repository`);
    if (external_node_path_.resolve(repo) !== external_node_path_.resolve(config.sourceTree)) {
        throw new BisectInputError(`invalid input '--source-tree': ${JSON.stringify(config.sourceTree)} is not the top of its git repository (${repo})`);
    }
    const good = await resolveCommit(repo, goodRef);
    if (!good)
        throw new BisectInputError(`invalid input '--good': ${JSON.stringify(goodRef)} names no commit in ${repo}`);
    const bad = await resolveCommit(repo, badRef);
    if (!bad)
        throw new BisectInputError(`invalid input '--bad': ${JSON.stringify(badRef)} names no commit in ${repo}`);
    if (good === bad)
        throw new BisectInputError(`invalid input '--good': ${JSON.stringify(goodRef)} is the same commit as --bad`);
    if (!(await isAncestor(repo, good, bad)))
        throw new BisectInputError(`invalid input '--good': ${JSON.stringify(goodRef)} is not an ancestor of --bad ${JSON.stringify(badRef)}`);
    const commits = await commitsBetween(repo, good, bad);
    if (commits.length === 0)
        throw new BisectInputError(`invalid input '--bad': no commits after --good along first parents`);
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
    return {
        config,
        repo,
        good,
        commits,
        maxBuilds: hardMaxBuilds ?? defaultMaxBuilds(commits.length),
        hardMaxBuilds,
        budgetMs: budgetSec * 1000,
    };
}
function describeStep(number, s) {
    const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
    return `step ${number}: ${s.commit.slice(0, 12)} ${s.outcome} (${s.why}); build ${secs(s.buildMs)}, test ${secs(s.testMs)}, ${s.runs} run(s), total ${secs(s.totalMs)} | ${s.subject}`;
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
    return constants/* EXIT */.dc.usage;
}
//# sourceMappingURL=command.js.map

/***/ }),

/***/ 1546:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  g: () => (/* binding */ moduleBuildDir),
  planLinuxTreeGuest: () => (/* binding */ planLinuxTreeGuest)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.build/src/guest/common.js
var common = __webpack_require__(5943);
// EXTERNAL MODULE: ./.build/src/guest/linux.js
var linux = __webpack_require__(8938);
;// CONCATENATED MODULE: ./.build/src/guest/linux-tree.js


/** Where the payload puts the built module (under /gate). */
const TREE_MODULE_PAYLOAD_PATH = 'target/fuse.ko';
const MODULE_IN_GUEST = `${common/* GATE_DIR */.Wd}/${TREE_MODULE_PAYLOAD_PATH}`;
/** kernel/module/sysfs.c: the notes of a loaded module, one binary file per ELF note section. */
const BUILD_ID_NOTE = '/sys/module/fuse/notes/.note.gnu.build-id';
class LinuxTreeGuest extends linux/* LinuxGuest */.l {
    build;
    why;
    constructor(image, build, why) {
        super(image);
        this.build = build;
        this.why = why;
    }
    async buildTarget(shell, _config) {
        const b = this.build;
        const built = `fs/fuse built on the host in ${(b.durationMs / 1000).toFixed(1)} s (${b.changed.length} file(s) changed since the last build)`;
        if (!b.ok)
            return {
                mode: 'module',
                why: this.why,
                ok: false,
                tail: b.tail,
                blame: b.blame ?? 'gate',
                compilerErrors: b.compilerErrors,
            };
        // A FUSE driver already there (never expected) would make the proof meaningless: say so.
        const load = await shell.run(`if [ -e /sys/module/fuse ]; then echo 'a fuse module is already loaded'; exit 1; fi; insmod ${MODULE_IN_GUEST} && cat /sys/module/fuse/initstate`, {
            timeoutMs: 60_000,
            purpose: 'loading the built fuse.ko',
        });
        if (load.exitStatus !== 0) {
            const dmesg = await shell
                .run('dmesg | tail -n 15', { timeoutMs: 10_000 })
                .catch(() => ({ output: '' }));
            return {
                mode: 'module',
                why: this.why,
                ok: false,
                blame: 'gate',
                tail: `insmod ${MODULE_IN_GUEST} failed (exit ${load.exitStatus}): ${load.output.trim()}\n${dmesg.output.trim()}`,
            };
        }
        return { mode: 'module', why: `${this.why}; ${built}`, ok: true, artifact: MODULE_IN_GUEST };
    }
    async proveTarget(shell, config, target) {
        const base = await super.proveTarget(shell, config, target);
        const details = [...base.details];
        let ok = base.ok;
        // od prints the note's bytes (header, "GNU", descriptor); the descriptor is the build id.
        const answer = await shell.run(`od -An -tx1 -v ${BUILD_ID_NOTE} | tr -d ' \\n'; echo; sha256sum ${MODULE_IN_GUEST}; cat /sys/module/fuse/taint`, { timeoutMs: 30_000 });
        const [noteHex = '', hashLine = '', taint = ''] = answer.output
            .trim()
            .split('\n')
            .map((line) => line.trim());
        const loadedHash = hashLine.split(/\s+/)[0] ?? '';
        if (this.build.buildId && noteHex.endsWith(this.build.buildId))
            details.push(`loaded fuse module has build id ${this.build.buildId}, the build's`);
        else {
            ok = false;
            details.push(`loaded fuse module's build id note is ${noteHex || 'missing'}, the build's is ${this.build.buildId ?? 'unknown'}`);
        }
        if (loadedHash === this.build.sha256)
            details.push(`loaded fuse.ko sha256 ${loadedHash.slice(0, 16)}... as built (vermagic ${this.build.vermagic ?? '?'}; taint ${taint || 'none'})`);
        else {
            ok = false;
            details.push(`fuse.ko in the guest has sha256 ${loadedHash || 'nothing'}, the build's is ${this.build.sha256}`);
        }
        return { ok, details };
    }
}
//# sourceMappingURL=linux-tree.js.map
// EXTERNAL MODULE: ./.build/src/image/linux-guest.js
var linux_guest = __webpack_require__(6914);
// EXTERNAL MODULE: ./.build/src/linux-tree/module-build.js + 1 modules
var module_build = __webpack_require__(5426);
;// CONCATENATED MODULE: ./.build/src/gate/linux-tree-plan.js
// guest linux with a Linux FUSE tree: the generic guest kernel (CONFIG_FUSE_FS=m) and its headers,
// the tree's fs/fuse built on the host against them, and the built module in the payload.






/** The build folder kept for one tree and one guest kernel, so rebuilds are incremental. */
function moduleBuildDir(cacheDir, tree, kernelRelease) {
    const key = (0,external_node_crypto_.createHash)('sha256')
        .update(`${(0,external_node_fs_.realpathSync)(tree)}\n${kernelRelease}`)
        .digest('hex')
        .slice(0, 16);
    return external_node_path_.join(cacheDir, 'linux-fuse-build', key);
}
async function planLinuxTreeGuest(config, io, paths) {
    const tree = config.linuxFuseTree;
    const image = await (0,linux_guest/* ensureLinuxGuest */.Lr)(config.cacheDir, config.buildTimeoutSec * 1000, (line) => io.consoleLine(line), 'generic');
    if (!image.moduleBuildDir)
        throw new linux_guest/* GuestBuildError */.P1(`the generic Linux guest in ${image.dir} names no kernel headers for module builds`, '');
    const why = `build ${config.build}: the guest kernel ${image.kernelRelease} has CONFIG_FUSE_FS=m and the tree has fs/fuse, so its fuse.ko replaces the packaged driver`;
    // Built before the boot: the module travels on the payload disk. A compile error still boots the
    // guest, so the verdict comes from the same place as every other build outcome.
    const build = await io.group('Build fs/fuse on the host', () => (0,module_build/* buildFuseModule */.kc)({
        tree,
        kernelBuildDir: image.moduleBuildDir,
        buildDir: moduleBuildDir(config.cacheDir, tree, image.kernelRelease),
        timeoutMs: config.buildTimeoutSec * 1000,
    }));
    io.note(`fusefs-gate: fs/fuse build ${build.ok ? 'ok' : 'failed'} in ${(build.durationMs / 1000).toFixed(1)} s${build.ok ? `, build id ${build.buildId}` : ''}`);
    if (!build.ok)
        for (const line of build.tail.split('\n'))
            io.consoleLine(line);
    const payload = [{ hostPath: paths.configFile, guestPath: 'gate-config.json' }];
    if (build.module)
        payload.push({ hostPath: build.module, guestPath: TREE_MODULE_PAYLOAD_PATH });
    if (config.fuseServerSource)
        payload.push({ hostPath: config.fuseServerSource, guestPath: 'fuse-server' });
    (0,external_node_fs_.writeFileSync)(external_node_path_.join(paths.workDir, 'module-build.json'), JSON.stringify({ tree, ...build }, null, 2));
    return {
        adapter: new LinuxTreeGuest(image, build, why),
        media: async () => ({ kind: 'kernel', kernel: image.kernel, initrd: image.initrd, append: image.append }),
        imageInfo: {
            description: `Linux test guest (generic), kernel ${image.kernelRelease}`,
            path: image.dir,
            why: 'guest linux with a source tree: the generic kernel, whose FUSE driver is a module',
        },
        tcgThread: 'single',
        payload,
        serialLogPath: paths.serialLogPath,
        workDir: paths.workDir,
    };
}
//# sourceMappingURL=linux-tree-plan.js.map

/***/ })

};

//# sourceMappingURL=438.index.js.map