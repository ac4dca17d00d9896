#!/usr/bin/env node
import './sourcemap-register.cjs';import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 8995:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 2018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 7349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveBlockMap = __nccwpck_require__(7103);
var resolveBlockSeq = __nccwpck_require__(334);
var resolveFlowCollection = __nccwpck_require__(3142);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 3683:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(3021);
var composeNode = __nccwpck_require__(5937);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 5937:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var composeCollection = __nccwpck_require__(7349);
var composeScalar = __nccwpck_require__(5413);
var resolveEnd = __nccwpck_require__(7788);
var utilEmptyScalarPosition = __nccwpck_require__(2599);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 9984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(1342);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var identity = __nccwpck_require__(1127);
var composeDoc = __nccwpck_require__(3683);
var resolveEnd = __nccwpck_require__(7788);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 7103:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilFlowIndentCheck = __nccwpck_require__(4051);
var utilMapIncludes = __nccwpck_require__(1187);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 8913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 334:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(2223);
var resolveProps = __nccwpck_require__(4631);
var utilFlowIndentCheck = __nccwpck_require__(4051);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 7788:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 3142:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilMapIncludes = __nccwpck_require__(1187);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 6842:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var resolveEnd = __nccwpck_require__(7788);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 4631:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 9499:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 2599:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 4051:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(9499);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 1187:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var toJS = __nccwpck_require__(4043);
var Schema = __nccwpck_require__(5840);
var stringifyDocument = __nccwpck_require__(6829);
var anchors = __nccwpck_require__(1596);
var applyReviver = __nccwpck_require__(3661);
var createNode = __nccwpck_require__(2404);
var directives = __nccwpck_require__(1342);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 1596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 3661:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 2404:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 1342:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 1464:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 8815:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var Schema = __nccwpck_require__(5840);
var errors = __nccwpck_require__(1464);
var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);
var publicApi = __nccwpck_require__(4047);
var visit = __nccwpck_require__(204);



__webpack_unused_export__ = composer.Composer;
__webpack_unused_export__ = Document.Document;
__webpack_unused_export__ = Schema.Schema;
__webpack_unused_export__ = errors.YAMLError;
__webpack_unused_export__ = errors.YAMLParseError;
__webpack_unused_export__ = errors.YAMLWarning;
__webpack_unused_export__ = Alias.Alias;
__webpack_unused_export__ = identity.isAlias;
__webpack_unused_export__ = identity.isCollection;
__webpack_unused_export__ = identity.isDocument;
__webpack_unused_export__ = identity.isMap;
__webpack_unused_export__ = identity.isNode;
__webpack_unused_export__ = identity.isPair;
__webpack_unused_export__ = identity.isScalar;
__webpack_unused_export__ = identity.isSeq;
__webpack_unused_export__ = Pair.Pair;
__webpack_unused_export__ = Scalar.Scalar;
__webpack_unused_export__ = YAMLMap.YAMLMap;
__webpack_unused_export__ = YAMLSeq.YAMLSeq;
__webpack_unused_export__ = cst;
__webpack_unused_export__ = lexer.Lexer;
__webpack_unused_export__ = lineCounter.LineCounter;
__webpack_unused_export__ = parser.Parser;
exports.qg = publicApi.parse;
__webpack_unused_export__ = publicApi.parseAllDocuments;
__webpack_unused_export__ = publicApi.parseDocument;
__webpack_unused_export__ = publicApi.stringify;
__webpack_unused_export__ = visit.visit;
__webpack_unused_export__ = visit.visitAsync;


/***/ }),

/***/ 7249:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 4065:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var visit = __nccwpck_require__(204);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 101:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 6673:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(3661);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 7165:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyPair = __nccwpck_require__(9748);
var addPairToJSMap = __nccwpck_require__(7104);
var identity = __nccwpck_require__(1127);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 3301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 4454:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(1212);
var addPairToJSMap = __nccwpck_require__(7104);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 2223:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyCollection = __nccwpck_require__(1212);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var toJS = __nccwpck_require__(4043);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 7104:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(7249);
var merge = __nccwpck_require__(452);
var stringify = __nccwpck_require__(2148);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 1127:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 4043:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 110:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);
var errors = __nccwpck_require__(1464);
var stringifyString = __nccwpck_require__(3069);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 1733:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 7715:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3461:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(110);
var cstStringify = __nccwpck_require__(1733);
var cstVisit = __nccwpck_require__(7715);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 361:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(3461);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 6628:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 4047:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var log = __nccwpck_require__(7249);
var identity = __nccwpck_require__(1127);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 5840:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var tags = __nccwpck_require__(18);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 7451:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLMap = __nccwpck_require__(4454);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 3632:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 1706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLSeq = __nccwpck_require__(2223);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 6464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(3069);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 3959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 8405:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 9874:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 896:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 3559:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 18:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);
var schema = __nccwpck_require__(896);
var schema$1 = __nccwpck_require__(3559);
var binary = __nccwpck_require__(6083);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var schema$2 = __nccwpck_require__(5913);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 6083:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(181);
var Scalar = __nccwpck_require__(3301);
var stringifyString = __nccwpck_require__(3069);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 8398:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 5782:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 873:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 452:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 303:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var pairs = __nccwpck_require__(8385);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 8385:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLSeq = __nccwpck_require__(2223);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 5913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var binary = __nccwpck_require__(6083);
var bool = __nccwpck_require__(8398);
var float = __nccwpck_require__(5782);
var int = __nccwpck_require__(873);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 1528:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 6752:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 4475:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var identity = __nccwpck_require__(1127);
var stringifyComment = __nccwpck_require__(9799);
var stringifyString = __nccwpck_require__(3069);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 1212:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 9799:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 8689:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 9748:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 3069:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var foldFlowLines = __nccwpck_require__(4475);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 204:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


/***/ }),

/***/ 8585:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   J8: () => (/* binding */ installHint),
/* harmony export */   Lq: () => (/* binding */ missingQemu),
/* harmony export */   uU: () => (/* binding */ installQemu)
/* harmony export */ });
/* unused harmony export findOnPath */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(1402);
// QEMU comes with the action: GitHub's Ubuntu images have xz but neither qemu-system-x86_64 nor
// qemu-img. When either is missing, install the two packages that ship them (Debian and Ubuntu:
// qemu-system-x86 and qemu-utils; `dpkg -S` on the binaries) with apt through `sudo -n`, without
// recommends (qemu-system-x86 recommends a GUI, OVMF and extra block drivers the gate never uses).



function findOnPath(command, searchPath = process.env.PATH ?? '') {
    for (const dir of searchPath.split(node_path__WEBPACK_IMPORTED_MODULE_1__.delimiter).filter(Boolean)) {
        const candidate = node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, command);
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.accessSync)(candidate, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.X_OK);
            return candidate;
        }
        catch {
            // not here
        }
    }
    return undefined;
}
function missingQemu(searchPath) {
    return Object.entries(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .QEMU_COMMANDS */ .M5)
        .filter(([command]) => !findOnPath(command, searchPath))
        .map(([command, pkg]) => ({ command, pkg }));
}
/** What to tell a user whose runner lacks QEMU. */
function installHint(missing) {
    const pkgs = [...new Set(missing.map((m) => m.pkg))].join(' ');
    return `${missing.map((m) => m.command).join(' and ')} not found on PATH: install ${pkgs} (Debian/Ubuntu: sudo apt-get install --no-install-recommends ${pkgs}; other systems: your QEMU package with qemu-img)`;
}
const APT_ENV = { DEBIAN_FRONTEND: 'noninteractive' };
// -qq keeps apt to errors and dpkg's unpack lines; Use-Pty=0 drops the progress bar from the log.
const APT_QUIET = ['-qq', '-o', 'Dpkg::Use-Pty=0'];
async function installQemu(missing, context) {
    const started = Date.now();
    const seconds = () => Math.round((Date.now() - started) / 100) / 10;
    const cannot = (why) => ({
        ok: false,
        seconds: seconds(),
        message: `${installHint(missing)}. The action could not install it: ${why}`,
    });
    if (!findOnPath('apt-get', context.searchPath))
        return cannot('this runner has no apt-get (set install-qemu: false and bring QEMU yourself)');
    if (!context.isRoot && !findOnPath('sudo', context.searchPath))
        return cannot('no sudo, and the action does not run as root');
    const pkgs = [...new Set(missing.map((m) => m.pkg))];
    // sudo resets the environment; `env` carries DEBIAN_FRONTEND through it.
    const apt = (args) => context.isRoot
        ? context.run('apt-get', args, APT_ENV)
        : context.run('sudo', ['-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args], {});
    const install = () => apt([...APT_QUIET, 'install', '-y', '--no-install-recommends', ...pkgs]);
    context.log(`installing ${pkgs.join(' ')} (for ${missing.map((m) => m.command).join(', ')})`);
    let status = await install();
    if (status !== 0) {
        // A fresh runner's package lists can be stale (404 for a superseded version): refresh once.
        context.log(`apt-get install failed (exit ${status}); refreshing the package lists and trying again`);
        const update = await apt([...APT_QUIET, 'update']);
        if (update !== 0)
            return cannot(`apt-get update failed (exit ${update}${context.isRoot ? '' : '; sudo -n needs passwordless sudo'})`);
        status = await install();
    }
    if (status !== 0)
        return cannot(`apt-get install failed (exit ${status})`);
    const still = missingQemu(context.searchPath);
    if (still.length)
        return cannot(`after installing ${pkgs.join(' ')}, ${still.map((m) => m.command).join(' and ')} is still not on PATH`);
    return { ok: true, seconds: seconds(), message: `installed ${pkgs.join(' ')} in ${seconds()} s` };
}
//# sourceMappingURL=host-deps.js.map

/***/ }),

/***/ 4398:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ bisect),
/* harmony export */   n: () => (/* binding */ defaultMaxBuilds)
/* harmony export */ });
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

/***/ }),

/***/ 6362:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $q: () => (/* binding */ commitsBetween),
/* harmony export */   IL: () => (/* binding */ removeWorktree),
/* harmony export */   Ky: () => (/* binding */ repositoryTop),
/* harmony export */   QX: () => (/* binding */ isAncestor),
/* harmony export */   WL: () => (/* binding */ resolveCommit),
/* harmony export */   fE: () => (/* binding */ isShallow),
/* harmony export */   iH: () => (/* binding */ workingCopyDiffers),
/* harmony export */   l: () => (/* binding */ addWorktree),
/* harmony export */   tb: () => (/* binding */ checkoutInWorktree)
/* harmony export */ });
/* unused harmony exports GitError, git, originUrl */
/* harmony import */ var _vm_process_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9620);
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
    const result = await (0,_vm_process_js__WEBPACK_IMPORTED_MODULE_0__/* .runBounded */ .Bb)('git', ['-C', repo, ...args], { timeoutMs: GIT_TIMEOUT_MS });
    if (result.spawnError)
        throw new GitError(args, `cannot run git: ${result.spawnError.message}`);
    if (result.code !== 0)
        throw new GitError(args, `${result.stderr}${result.stdout}${result.timedOut ? ' (timed out)' : ''}`);
    return result.stdout;
}
/** Exit status only: for questions git answers with 0 or 1. */
async function gitStatus(repo, args) {
    const result = await (0,_vm_process_js__WEBPACK_IMPORTED_MODULE_0__/* .runBounded */ .Bb)('git', ['-C', repo, ...args], { timeoutMs: GIT_TIMEOUT_MS });
    return result.code;
}
/** The top of the work tree `dir` belongs to, or undefined when it is not in a git repository. */
async function repositoryTop(dir) {
    const result = await (0,_vm_process_js__WEBPACK_IMPORTED_MODULE_0__/* .runBounded */ .Bb)('git', ['-C', dir, 'rev-parse', '--show-toplevel'], {
        timeoutMs: GIT_TIMEOUT_MS,
    });
    return result.code === 0 ? result.stdout.trim() : undefined;
}
/** The commit a ref names, or undefined when it names none. */
async function resolveCommit(repo, ref) {
    if (ref.startsWith('-'))
        return undefined;
    const result = await (0,_vm_process_js__WEBPACK_IMPORTED_MODULE_0__/* .runBounded */ .Bb)('git', ['-C', repo, 'rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], { timeoutMs: GIT_TIMEOUT_MS });
    return result.code === 0 ? result.stdout.trim() : undefined;
}
/** A shallow clone (actions/checkout's default, one commit deep) lacks the history a bisection needs. */
async function isShallow(repo) {
    const result = await (0,_vm_process_js__WEBPACK_IMPORTED_MODULE_0__/* .runBounded */ .Bb)('git', ['-C', repo, 'rev-parse', '--is-shallow-repository'], {
        timeoutMs: GIT_TIMEOUT_MS,
    });
    return result.code === 0 && result.stdout.trim() === 'true';
}
/** Whether the working copy differs from HEAD in any way, untracked files included. */
async function workingCopyDiffers(repo) {
    const out = await git(repo, ['status', '--porcelain']);
    return out.trim() !== '';
}
/** The fetch URL of the repository's `origin` remote, or undefined when it has none. */
async function originUrl(repo) {
    const result = await runBounded('git', ['-C', repo, 'remote', 'get-url', 'origin'], {
        timeoutMs: GIT_TIMEOUT_MS,
    });
    return result.code === 0 && result.stdout.trim() !== '' ? result.stdout.trim() : undefined;
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

/***/ }),

/***/ 4351:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ resolveRange)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6760);
/* harmony import */ var _config_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5259);
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6362);
// The commits a bisection searches, checked before anything is built: the tree is the top of a git
// repository, both ends name commits, the good end is an ancestor of the bad end. Every problem is
// bad input naming the input the way the caller spells it (`--good` on the CLI, `bisect-good` in a
// workflow).



async function resolveRange(request) {
    const { tree, goodRef, badRef, names } = request;
    const repo = await (0,_git_js__WEBPACK_IMPORTED_MODULE_2__/* .repositoryTop */ .Ky)(tree);
    if (!repo)
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .BadInputError */ .Y(names.tree, `${JSON.stringify(tree)} is not in a git repository`);
    if (node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(repo) !== node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(tree)) {
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .BadInputError */ .Y(names.tree, `${JSON.stringify(tree)} is not the top of its git repository (${repo})`);
    }
    const hint = async (problem) => {
        const text = request.hint?.(problem, await (0,_git_js__WEBPACK_IMPORTED_MODULE_2__/* .isShallow */ .fE)(repo));
        return text ? `; ${text}` : '';
    };
    const noCommit = async (input, ref) => new _config_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .BadInputError */ .Y(input, `${JSON.stringify(ref)} names no commit in ${repo}${await hint('unknown')}`);
    const good = await (0,_git_js__WEBPACK_IMPORTED_MODULE_2__/* .resolveCommit */ .WL)(repo, goodRef);
    if (!good)
        throw await noCommit(names.good, goodRef);
    const bad = await (0,_git_js__WEBPACK_IMPORTED_MODULE_2__/* .resolveCommit */ .WL)(repo, badRef);
    if (!bad)
        throw await noCommit(names.bad, badRef);
    if (good === bad)
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .BadInputError */ .Y(names.good, `${JSON.stringify(goodRef)} is the same commit as ${request.badLabel.short}`);
    if (!(await (0,_git_js__WEBPACK_IMPORTED_MODULE_2__/* .isAncestor */ .QX)(repo, good, bad))) {
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .BadInputError */ .Y(names.good, `${JSON.stringify(goodRef)} is not an ancestor of ${request.badLabel.full}${await hint('not-ancestor')}`);
    }
    const commits = await (0,_git_js__WEBPACK_IMPORTED_MODULE_2__/* .commitsBetween */ .$q)(repo, good, bad);
    if (commits.length === 0)
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .BadInputError */ .Y(names.bad, `no commits after ${names.good} along first parents`);
    return { repo, good, bad, commits };
}
//# sourceMappingURL=range.js.map

/***/ }),

/***/ 8990:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Ey: () => (/* binding */ describeStep),
  IO: () => (/* binding */ runBisection)
});

// UNUSED EXPORTS: claimWorktree

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./.build/src/cache/lock.js
var lock = __nccwpck_require__(1659);
// EXTERNAL MODULE: ./.build/src/console/errors.js
var errors = __nccwpck_require__(6298);
// EXTERNAL MODULE: ./.build/src/constants.js
var constants = __nccwpck_require__(1402);
// EXTERNAL MODULE: ./.build/src/gate/linux-tree-plan.js + 1 modules
var linux_tree_plan = __nccwpck_require__(1546);
// EXTERNAL MODULE: ./.build/src/gate/run.js + 5 modules
var run = __nccwpck_require__(8695);
// EXTERNAL MODULE: ./.build/src/payload/tar-disk.js + 1 modules
var tar_disk = __nccwpck_require__(1058);
// EXTERNAL MODULE: ./.build/src/vm/pidfile.js
var pidfile = __nccwpck_require__(3262);
// EXTERNAL MODULE: ./.build/src/gate/boot.js + 11 modules
var boot = __nccwpck_require__(4987);
;// CONCATENATED MODULE: ./.build/src/gate/session.js
// A booted guest that outlives one gate run (`fusefs-gate bisect`). After a run that left the
// guest healthy (pass, or a decided fail whose shell still answered) QEMU keeps running; the next
// run resets the guest (unmount, stop the server, unload the module under test, empty /gate),
// rewrites the payload disk in place, and goes on from prepare as after a boot. After a hang, a
// panic, an error, a cancellation, a kernel the run built and booted, or a reset that fails, the
// guest is stopped and the next run boots a fresh one (a fresh overlay on FreeBSD).
//
// Why in place: QEMU opens the disk files once and fixes their sizes then. Writing the same host
// file (not a new file renamed over it) and keeping its size is what a running guest can see:
// QEMU's raw driver keeps no data cache of its own, and without `cache.direct` its file driver reads
// through the host's page cache, which the host's writes go through too; the guest side drops
// what it cached (GuestAdapter.resetForReuse). The payload disk is made a little larger than the
// first payload at boot (a hole on the host) so the next commits' payloads fit.






const MIB = 1024 * 1024;
/**
 * Room on the payload disk for later payloads: half as much again as the first one, at least 1 MiB,
 * in whole MiB. Not more: busybox tar reads the whole disk to its end after the archive (measured:
 * 64 MiB of reserve made every Linux prepare 2-5 s slower under TCG), so the reserve costs reading
 * time in the guest although it costs nothing on the host. A later payload that does not fit boots
 * a fresh guest.
 */
function payloadDiskBytes(archiveBytes) {
    return Math.ceil((archiveBytes + Math.max(archiveBytes / 2, MIB)) / MIB) * MIB;
}
/** What must be the same for a guest to serve another run: the OS, the boot media, the machine. */
function sessionKey(config, plan) {
    return JSON.stringify({
        guest: config.guest,
        image: plan.imageInfo.path ?? plan.imageInfo.description,
        description: plan.imageInfo.description,
        cpus: config.cpus,
        memoryMiB: config.memoryMiB,
        accel: config.accel,
        tcgThread: plan.tcgThread ?? null,
    });
}
/** Why a kept guest cannot serve this run; the run boots a fresh one. */
class NotReusableError extends Error {
}
class GuestSession {
    workDir;
    seams;
    kept;
    boots = 0;
    /** The session key each guest was acquired under. */
    keys = new WeakMap();
    /** `workDir` holds the disks and QEMU's files of every boot (outside any one run's output). */
    constructor(workDir, seams = {}) {
        this.workDir = workDir;
        this.seams = seams;
    }
    /** Ends a QEMU that a killed earlier session left behind in `workDir`. */
    async open(io) {
        (0,external_node_fs_.mkdirSync)(this.workDir, { recursive: true });
        const bootDirs = (0,external_node_fs_.readdirSync)(this.workDir).filter((name) => /^boot-\d+$/.test(name));
        for (const dir of bootDirs) {
            for (const ended of await (0,pidfile/* endRecordedQemus */.PQ)(external_node_path_.join(this.workDir, dir))) {
                if (ended.killed || ended.unresolved)
                    io.warn(`an earlier session's QEMU: ${ended.note}`);
            }
        }
        (0,external_node_fs_.rmSync)(this.workDir, { recursive: true, force: true });
        (0,external_node_fs_.mkdirSync)(this.workDir, { recursive: true });
    }
    /** Whether a guest is running, kept for the next run. */
    get holdsGuest() {
        return this.kept !== undefined;
    }
    async acquire(run) {
        const { config, plan, io, stop, report, clock } = run;
        const kept = this.kept;
        this.kept = undefined;
        const key = sessionKey(config, plan);
        let start = 'fresh boot: no guest was kept from an earlier run';
        if (kept) {
            try {
                if (kept.key !== key)
                    throw new NotReusableError('this run needs another guest (image or machine differs)');
                const details = await clock.run('reuse', () => io.group('Reuse the booted guest', () => this.reset(kept.booted, run)));
                report.reusedGuest = true;
                report.guestSession = {
                    start: `reused the guest an earlier run left healthy: ${details.join('; ')}`,
                };
                io.note('fusefs-gate: reused guest (no boot)');
                this.keys.set(kept.booted, key);
                return kept.booted;
            }
            catch (error) {
                await kept.booted.teardown().catch((e) => io.warn(`stopping the kept guest: ${e.message}`));
                if (error instanceof errors/* CancelledError */.cc || stop.aborted)
                    throw error;
                start = `fresh boot: the kept guest could not be reused: ${error.message}`;
                io.warn(`the booted guest cannot be reused (${error.message}); booting a fresh one`);
            }
        }
        this.boots++;
        const options = {
            workDir: external_node_path_.join(this.workDir, `boot-${this.boots}`),
            payloadDiskBytes,
            appendLog: kept !== undefined,
        };
        const booted = await clock.run('boot', () => io.group('Boot', () => (this.seams.boot ?? boot/* bootGuest */.jq)(config, plan, io, stop, report, options)));
        report.reusedGuest = false;
        report.guestSession = { start };
        this.keys.set(booted, key);
        return booted;
    }
    /**
     * The kept guest made ready for this run: its console handed to this run's log and io, this run's
     * payload written into the payload disk, the results disk emptied, then the guest reset.
     */
    async reset(booted, run) {
        const { plan, io, stop } = run;
        await booted.handOver({ io, stop, serialLogPath: plan.serialLogPath, adapter: plan.adapter });
        if (!plan.adapter.resetForReuse)
            throw new NotReusableError(`the ${plan.adapter.os} adapter cannot reset a guest`);
        const { payload, results, payloadBytes } = booted.hostDisks;
        const written = await (0,tar_disk/* writeTarDisk */.My)(plan.payload, payload, { sizeBytes: payloadBytes });
        if (written.diskBytes > payloadBytes)
            throw new NotReusableError(`the payload (${Math.ceil(written.archiveBytes / MIB)} MiB) does not fit the payload disk fixed at boot (${payloadBytes / MIB} MiB)`);
        // Emptied, so a run whose guest packs nothing cannot pick up the previous run's results.
        await (0,tar_disk/* createBlankDisk */.WO)(results, boot/* RESULTS_DISK_MIB */.Mz);
        const reset = await plan.adapter.resetForReuse(booted.console, booted.disks);
        if (!reset.ok)
            throw new NotReusableError(reset.why);
        return reset.details;
    }
    async release(booted, run, healthy) {
        const { config, io, stop, report, clock } = run;
        const resultsDir = external_node_path_.join(config.outDir, 'results');
        const why = this.keepRefusal(booted, report, healthy, stop);
        if (booted && why === undefined) {
            const kept = await clock
                .run('keep', async () => {
                await booted.readResults(resultsDir);
                // Console output between runs belongs to no run; the next run's log starts with its reset.
                await booted.handOver({
                    io,
                    stop: new AbortController().signal,
                    serialLogPath: external_node_path_.join(this.workDir, 'between-runs.log'),
                    adapter: booted.adapter,
                });
                return true;
            })
                .catch((error) => {
                io.warn(`keeping the guest: ${error.message}`);
                return false;
            });
            const key = this.keys.get(booted);
            if (kept && key !== undefined) {
                this.kept = { booted, key };
                if (report.guestSession)
                    report.guestSession.end = `kept running for the next run (verdict ${report.verdict})`;
                return;
            }
        }
        if (report.guestSession && booted)
            report.guestSession.end = `stopped: ${why ?? 'keeping it failed'}`;
        await clock
            .run('teardown', async () => {
            await booted?.teardown(resultsDir);
        })
            .catch((error) => io.warn(`teardown: ${error.message}`));
    }
    /** Stops a kept guest; the session is over. */
    async dispose() {
        const kept = this.kept;
        this.kept = undefined;
        await kept?.booted.teardown();
    }
    /** Why this guest is not handed on, or undefined when it is. */
    keepRefusal(booted, report, healthy, stop) {
        if (!booted)
            return 'no guest';
        if (stop.aborted)
            return 'the run was cancelled';
        if (!healthy)
            return `verdict ${report.verdict}: a guest after a hang, a panic, an error or an unfinished run is not trusted`;
        // A kernel the run built is installed on the guest's disk and booted: the next run must start
        // from the image's kernel, as a fresh run does (FreeBSD: kern.osreldate and `auto` decide from it).
        if (report.build?.mode === 'kernel')
            return 'the guest runs a kernel this run built; the next run boots the image again';
        if (!booted.adapter.resetForReuse)
            return `the ${booted.adapter.os} adapter cannot reset a guest`;
        return undefined;
    }
}
//# sourceMappingURL=session.js.map
// EXTERNAL MODULE: ./.build/src/image/linux-guest.js
var linux_guest = __nccwpck_require__(6914);
// EXTERNAL MODULE: ./.build/src/linux-tree/module-build.js
var module_build = __nccwpck_require__(7816);
// EXTERNAL MODULE: ./.build/src/bisect/engine.js
var engine = __nccwpck_require__(4398);
// EXTERNAL MODULE: ./.build/src/bisect/git.js
var git = __nccwpck_require__(6362);
;// CONCATENATED MODULE: ./.build/src/bisect/step.js
// One bisection step: the gate run on one commit, and what its report means for the bisection.


/** What makes two failures the same: the verdict and the signature (or, without one, the failing test). */
function failureKey(report) {
    const failing = report.tests.find((t) => t.status === report.verdict)?.name ?? '';
    return `${report.verdict}: ${report.signature ?? failing}`;
}
/** A compile or link error of the tree: skipped, never blamed (it says nothing about the bad end's failure). */
function isCompileFailure(report) {
    return (report.build?.ok === false &&
        (report.build.compilerErrors?.length ?? 0) + (report.build.linkErrors?.length ?? 0) > 0);
}
/**
 * The bad end decides what "bad" is; every later step is good (pass), bad (the same failure), or a
 * skip (anything else).
 */
function classifyStep(report, badKey) {
    const key = failureKey(report);
    if (isCompileFailure(report)) {
        const how = report.build?.compilerErrors?.length ? 'compile' : 'link';
        return { outcome: 'skip', why: `does not ${how}: ${report.reason}` };
    }
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
;// CONCATENATED MODULE: ./.build/src/bisect/run-bisection.js
// One bisection, from a checked plan to its result: the steps run in a detached git worktree of the
// user's repository (their working copy, dirty or not, is never touched), each step a gate run on
// one commit, and the whole record written to <out>/bisect/bisect.json. The CLI (`fusefs-gate
// bisect`) and the action (`bisect-good`) both run bisections through here.














async function runBisection(plan, options) {
    const { config, repo, commits, good, maxBuilds, hardMaxBuilds, budgetMs } = plan;
    const { io, signal } = options;
    const bisectDir = external_node_path_.join(config.outDir, 'bisect');
    // Outside the user's tree (an output folder inside it would dirty it) and at a stable path per
    // repository, so the module build folder, keyed by the tree's path, is reused by the next bisection.
    const repoKey = (0,external_node_crypto_.createHash)('sha256').update(repo).digest('hex').slice(0, 16);
    const { worktree, lock } = await claimWorktree(external_node_path_.join(config.cacheDir, 'bisect-worktrees', repoKey), io);
    (0,external_node_fs_.rmSync)(bisectDir, { recursive: true, force: true });
    (0,external_node_fs_.mkdirSync)(bisectDir, { recursive: true });
    await (0,git/* removeWorktree */.IL)(repo, worktree);
    (0,external_node_fs_.rmSync)(worktree, { recursive: true, force: true });
    (0,external_node_fs_.mkdirSync)(external_node_path_.dirname(worktree), { recursive: true });
    // One guest for the whole bisection while steps leave it healthy; its files outside any step's folder.
    const session = new GuestSession(external_node_path_.join(config.outDir, 'bisect-guest'));
    await session.open(io).catch((error) => {
        lock.release();
        throw error;
    });
    const started = Date.now();
    const steps = [];
    // Steps run here (not a known bad end): their average decides whether one more fits the budget.
    let ran = 0;
    let badKey;
    let cancelled;
    const left = () => budgetMs - (Date.now() - started);
    const record = (result, commit, extra) => {
        const step = { commit: commit.sha, subject: commit.subject, ...result, ...extra };
        steps.push(step);
        options.onStep?.(steps.length, step);
        return result;
    };
    try {
        await (0,git/* addWorktree */.l)(repo, worktree, commits.at(-1).sha);
        const trace = await (0,engine/* bisect */.h)(commits.length, async (index) => {
            if (signal.aborted) {
                cancelled = String(signal.reason);
                return { outcome: 'skip', why: `cancelled by ${cancelled}` };
            }
            const commit = commits[index];
            const known = index === commits.length - 1 ? options.knownBadEnd : undefined;
            if (known) {
                const result = classifyStep(known.report, badKey);
                if (result.outcome === 'bad')
                    badKey = failureKey(known.report);
                return record(result, commit, {
                    verdict: known.report.verdict,
                    ...(known.report.signature ? { signature: known.report.signature } : {}),
                    outDir: known.outDir,
                    ...stepTimes(known.report, known.outDir, known.totalMs),
                });
            }
            ran++;
            const stepDir = external_node_path_.join(bisectDir, `step-${String(steps.length + 1).padStart(2, '0')}-${commit.sha.slice(0, 12)}`);
            (0,external_node_fs_.mkdirSync)(stepDir, { recursive: true });
            await (0,git/* checkoutInWorktree */.tb)(worktree, commit.sha);
            const capSec = Math.max(1, Math.floor(left() / 1000));
            const stepConfig = {
                ...config,
                sourceTree: worktree,
                ...(config.linuxFuseTree ? { linuxFuseTree: worktree } : {}),
                outDir: stepDir,
                ...(options.capStepsToBudget
                    ? {
                        jobTimeoutSec: Math.min(config.jobTimeoutSec, capSec),
                        buildTimeoutSec: Math.min(config.buildTimeoutSec, capSec),
                    }
                    : {}),
            };
            io.note(`fusefs-gate bisect: step ${steps.length + 1}: ${commit.sha.slice(0, 12)} ${commit.subject}`);
            const stepStarted = Date.now();
            // A commit that does not compile is skipped without booting a guest for it.
            const prebuild = await prebuildModule(stepConfig, io, stepDir, signal);
            const broken = prebuild?.broken;
            if (broken) {
                (0,external_node_fs_.writeFileSync)(external_node_path_.join(stepDir, 'build.txt'), `${broken.tail}\n`);
                return record({ outcome: 'skip', why: broken.why }, commit, {
                    verdict: 'fail',
                    outDir: stepDir,
                    buildMs: broken.buildMs,
                    testMs: 0,
                    totalMs: Date.now() - stepStarted,
                    runs: 0,
                });
            }
            const report = await (0,run/* runGate */.R)(stepConfig, { ...io, signal }, { guests: session });
            const result = classifyStep(report, badKey);
            const times = stepTimes(report, stepDir, Date.now() - stepStarted);
            // The real build was the prebuild; the gate's own was an incremental no-op after it.
            times.buildMs += prebuild?.buildMs ?? 0;
            if (badKey === undefined && result.outcome === 'bad')
                badKey = failureKey(report);
            record(result, commit, {
                verdict: report.verdict,
                ...(report.signature ? { signature: report.signature } : {}),
                outDir: stepDir,
                ...(report.reusedGuest !== undefined
                    ? { guest: report.reusedGuest ? 'reused guest' : 'fresh boot' }
                    : {}),
                ...times,
            });
            if (signal.aborted)
                cancelled = String(signal.reason);
            return result;
        }, {
            maxBuilds,
            ...(hardMaxBuilds !== undefined ? { hardMaxBuilds } : {}),
            timeLeft: () => {
                if (cancelled)
                    return false;
                const elapsed = Date.now() - started;
                const average = ran ? elapsed / ran : 0;
                return elapsed + average <= budgetMs;
            },
        });
        const end = trace.end;
        const firstBad = end.kind === 'found' ? commits[end.index] : undefined;
        const summary = {
            good,
            bad: commits.at(-1).sha,
            commits: commits.length,
            builds: steps.length,
            badFailure: badKey ?? null,
            result: end.kind === 'found'
                ? { firstBad }
                : { undecided: end.why, candidates: end.candidates.map((i) => commits[i]) },
            steps,
            durationMs: Date.now() - started,
        };
        const reportFile = external_node_path_.join(bisectDir, 'bisect.json');
        (0,external_node_fs_.writeFileSync)(reportFile, `${JSON.stringify(summary, null, 2)}\n`);
        const common = {
            steps,
            good,
            bad: summary.bad,
            commitCount: commits.length,
            ...(badKey !== undefined ? { badFailure: badKey } : {}),
            dir: bisectDir,
            reportFile,
            durationMs: summary.durationMs,
        };
        if (cancelled) {
            return {
                ...common,
                kind: 'cancelled',
                cancelled,
                undecided: `cancelled by ${cancelled}`,
                candidates: [],
                exitCode: cancelled === 'SIGINT' ? constants/* EXIT */.dc.sigint : constants/* EXIT */.dc.sigterm,
            };
        }
        if (end.kind === 'found') {
            const why = steps.find((s) => s.commit === firstBad.sha)?.why ?? badKey ?? '';
            return {
                ...common,
                kind: 'found',
                firstBad: { ...firstBad, why },
                candidates: [],
                exitCode: constants/* EXIT */.dc.pass,
            };
        }
        return {
            ...common,
            kind: 'undecided',
            undecided: end.why,
            candidates: end.candidates.map((i) => commits[i]),
            exitCode: constants/* EXIT */.dc.error,
        };
    }
    finally {
        // QEMU never outlives the bisection: a guest kept for a next step that will not come is stopped.
        await session
            .dispose()
            .catch((error) => io.warn(`stopping the bisection's guest: ${error.message}`));
        await (0,git/* removeWorktree */.IL)(repo, worktree);
        lock.release();
    }
}
/**
 * The repository's worktree folder, held (src/cache/lock.ts) for the whole bisection. When another
 * bisection of the same repository runs on this machine, waiting hours for it helps nobody: this
 * one takes a folder of its own (its module builds then start cold) instead of emptying the other's.
 */
async function claimWorktree(stable, io) {
    try {
        return { worktree: stable, lock: await (0,lock/* acquireCacheLock */.SE)(stable, { waitMs: 0 }) };
    }
    catch (error) {
        if (!(error instanceof lock/* CacheLockError */.YV))
            throw error;
        const own = `${stable}-${process.pid}`;
        io.note(`fusefs-gate bisect: ${error.message}; this bisection uses ${own} instead`);
        return { worktree: own, lock: await (0,lock/* acquireCacheLock */.SE)(own, { waitMs: 60_000 }) };
    }
}
/**
 * Linux tree: the module build the gate run would start with, done first (the gate's own build is
 * then an incremental no-op), so a compile error is known without booting. Other build failures are
 * left to the gate run, which reports them.
 */
async function prebuildModule(config, io, stepDir, signal) {
    // A kernel build (build: kernel, or auto's choice) is left to the gate run.
    if (!config.linuxFuseTree || config.linuxTreeBuild?.mode === 'kernel')
        return undefined;
    const image = await (0,linux_guest/* ensureLinuxGuest */.Lr)(config.cacheDir, config.buildTimeoutSec * 1000, (line) => io.consoleLine(line), 'generic');
    if (!image.moduleBuildDir)
        return undefined;
    const build = await (0,module_build/* buildFuseModule */.kc)({
        tree: config.linuxFuseTree,
        kernelBuildDir: image.moduleBuildDir,
        buildDir: (0,linux_tree_plan/* moduleBuildDir */.g)(config.cacheDir, config.linuxFuseTree, image.kernelRelease),
        // Only the compile outcome counts here; the step's gate run strips its own module.
        moduleDir: external_node_path_.join(stepDir, 'prebuild'),
        timeoutMs: config.buildTimeoutSec * 1000,
        log: (message) => io.note(message),
        signal,
    }).catch((error) => {
        // Cancelled while waiting for the build folder: the step's gate run reports the cancellation.
        if (error instanceof errors/* CancelledError */.cc)
            return undefined;
        throw error;
    });
    (0,external_node_fs_.rmSync)(external_node_path_.join(stepDir, 'prebuild'), { recursive: true, force: true });
    if (!build)
        return undefined;
    if (build.ok || build.blame !== 'tree')
        return { buildMs: build.durationMs };
    // The tree's own fault: a compiler error, or a symbol modpost found no one exports.
    const first = build.compilerErrors[0];
    const link = build.linkErrors[0];
    return {
        buildMs: build.durationMs,
        broken: {
            why: first
                ? `does not compile: ${first.file}:${first.line}: ${first.message}`
                : `does not link: ${link?.message ?? 'see the build log'}`,
            tail: build.tail,
            buildMs: build.durationMs,
        },
    };
}
/** One step as one line: commit, outcome and why, times, runs, subject. */
function describeStep(number, s) {
    const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
    return `step ${number}: ${s.commit.slice(0, 12)} ${s.outcome} (${s.why}); ${s.guest ? `${s.guest}, ` : ''}build ${secs(s.buildMs)}, test ${secs(s.testMs)}, ${s.runs} run(s), total ${secs(s.totalMs)} | ${s.subject}`;
}
//# sourceMappingURL=run-bisection.js.map

/***/ }),

/***/ 1659:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Op: () => (/* binding */ withCacheLock),
/* harmony export */   SE: () => (/* binding */ acquireCacheLock),
/* harmony export */   YV: () => (/* binding */ CacheLockError),
/* harmony export */   ao: () => (/* binding */ withBuildFolderLock)
/* harmony export */ });
/* unused harmony exports lockPathOf, describeOwner, ownerGone, readOwner */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3024);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(6760);
/* harmony import */ var _console_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(6298);
/* harmony import */ var _vm_pidfile_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(3262);
// A lock on one folder of the cache, between processes: two runs on one machine (a self-hosted
// runner with two jobs, the CLI started twice) must not build into, or load from, the same folder
// at once. Node has no flock(2), so the lock is a symlink `<folder>.lock` whose target is its
// owner's record (pid, host, start time): symlink(2) creates it and its content in one step, and
// fails with EEXIST when it exists, so there is never a lock without an owner to read.
//
// A lock whose owner is gone (same host, the pid no longer runs, or runs with another start time:
// a recycled pid) is stale and taken over; that covers an owner killed by SIGKILL. Taking over goes
// through a second, short-lived lock (`<folder>.lock.break`), so two waiters that both found the
// same stale owner cannot both remove it (the second would remove the first one's new lock).
// A lock held by another host (a cache on a shared file system), or by a process in another pid
// namespace (a container sharing the cache folder), is never judged by its pid: it is waited for.
// One from an earlier boot of this host is stale whatever its pid.






/** Another run held the lock longer than this run may wait: the gate's own failure (`error`). */
class CacheLockError extends Error {
    lockPath;
    owner;
    constructor(lockPath, owner, waitedMs) {
        super(`${lockPath} is still held by ${owner ? describeOwner(owner) : 'an owner whose record cannot be read'} after waiting ${Math.round(waitedMs / 1000)} s: another fusefs-gate run is using this cache folder`);
        this.lockPath = lockPath;
        this.owner = owner;
        this.name = 'CacheLockError';
    }
}
/** The lock of a cache folder: beside it, so removing or replacing the folder leaves the lock alone. */
function lockPathOf(folder) {
    return `${folder.replace(/\/+$/, '')}.lock`;
}
/** Runs `work` holding the folder's lock; released however `work` ends. */
async function withCacheLock(folder, options, work) {
    const lock = await acquireCacheLock(folder, options);
    try {
        return await work(lock);
    }
    finally {
        lock.release();
    }
}
/**
 * Runs `build` holding `folder`'s lock. Another run that keeps the folder past the wait is the
 * gate's failure, never the tree's: `held` makes the build's own failed result from the message.
 */
async function withBuildFolderLock(folder, options, build, held) {
    const lockOptions = {
        waitMs: options.lockWaitMs ?? options.timeoutMs,
        ...(options.log ? { log: options.log } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
    };
    try {
        return await withCacheLock(folder, lockOptions, build);
    }
    catch (error) {
        if (!(error instanceof CacheLockError))
            throw error;
        return held(error.message);
    }
}
/** First poll delay, growth and cap: quick when a lock is released soon, cheap when it is held long. */
const POLL_FIRST_MS = 50;
const POLL_MAX_MS = 2_000;
async function acquireCacheLock(folder, options) {
    const lockPath = lockPathOf(folder);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)(node_path__WEBPACK_IMPORTED_MODULE_3__.dirname(lockPath), { recursive: true });
    const started = Date.now();
    let delay = POLL_FIRST_MS;
    let toldWaiting = false;
    // Tries again at once after a release or a takeover, but never more than a few times in a row
    // (a lock that cannot be removed, e.g. a folder not writable by us, must not spin).
    let quickTries = 0;
    for (;;) {
        if (options.signal?.aborted)
            throw new _console_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .CancelledError */ .cc(String(options.signal.reason ?? 'SIGTERM'));
        const owner = ownRecord();
        if (tryCreate(lockPath, owner)) {
            const waitedMs = Date.now() - started;
            if (toldWaiting)
                options.log?.(`fusefs-gate: got ${lockPath} after waiting ${(waitedMs / 1000).toFixed(1)} s`);
            return held(lockPath, owner, waitedMs);
        }
        const current = readOwner(lockPath);
        // Released between our try and our read, or stale and removed: try again at once.
        const freed = current === 'gone' || (current !== undefined && ownerGone(current) && breakStale(lockPath, current));
        if (freed && quickTries++ < 5)
            continue;
        const holder = current === 'gone' ? undefined : current;
        const waited = Date.now() - started;
        if (waited >= options.waitMs)
            throw new CacheLockError(lockPath, holder, waited);
        if (!toldWaiting) {
            toldWaiting = true;
            options.log?.(`fusefs-gate: waiting (up to ${Math.round(options.waitMs / 1000)} s) for another run, ${holder ? describeOwner(holder) : 'owner unreadable'}, that holds ${lockPath}`);
        }
        await sleep(Math.min(delay, options.waitMs - waited), options.signal);
        delay = Math.min(POLL_MAX_MS, delay * 2);
        quickTries = 0;
    }
}
function describeOwner(owner) {
    return `pid ${owner.pid} on ${owner.host} since ${owner.since}`;
}
/**
 * True when the owner is known to be gone: on this host, and it ran in an earlier boot, or its pid
 * does not run, or runs with another start time (the pid was recycled). EPERM from kill(pid, 0)
 * means the pid runs (as another user). An owner on another host, or in another pid namespace,
 * cannot be checked from here: never gone.
 */
function ownerGone(owner) {
    if (owner.host !== (0,node_os__WEBPACK_IMPORTED_MODULE_2__.hostname)())
        return false;
    const here = linuxIdentity();
    if (owner.bootId && here.bootId && owner.bootId !== here.bootId)
        return true;
    if (owner.pidNamespace && here.pidNamespace && owner.pidNamespace !== here.pidNamespace)
        return false;
    try {
        process.kill(owner.pid, 0);
    }
    catch (error) {
        return error.code === 'ESRCH';
    }
    if (owner.startTicks === undefined)
        return false;
    const ticks = (0,_vm_pidfile_js__WEBPACK_IMPORTED_MODULE_5__/* .processStartTicks */ .MD)(owner.pid);
    return ticks !== undefined && ticks !== owner.startTicks;
}
function ownRecord() {
    const ticks = (0,_vm_pidfile_js__WEBPACK_IMPORTED_MODULE_5__/* .processStartTicks */ .MD)(process.pid);
    return {
        pid: process.pid,
        host: (0,node_os__WEBPACK_IMPORTED_MODULE_2__.hostname)(),
        since: new Date().toISOString(),
        ...(ticks !== undefined ? { startTicks: ticks } : {}),
        ...linuxIdentity(),
        nonce: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(8).toString('hex'),
    };
}
/** This boot's id and this process's pid namespace (proc(5)); empty off Linux. */
function linuxIdentity() {
    const identity = {};
    try {
        identity.bootId = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    }
    catch {
        // not Linux
    }
    try {
        identity.pidNamespace = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readlinkSync)('/proc/self/ns/pid');
    }
    catch {
        // not Linux, or no namespaces
    }
    return identity;
}
function tryCreate(lockPath, owner) {
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.symlinkSync)(JSON.stringify(owner), lockPath);
        return true;
    }
    catch (error) {
        const code = error.code;
        if (code === 'EEXIST')
            return false;
        // The symlink call's own message quotes the whole owner record: say what failed, and why, instead.
        throw Object.assign(new Error(`cannot take the cache lock ${lockPath}: ${code ?? error.message}${LOCK_FAILURE_HINTS[code ?? ''] ?? ''}`), { code });
    }
}
const LOCK_FAILURE_HINTS = {
    ENOSPC: ' (the file system holding the cache is full: free space there or give another cache-dir)',
    EDQUOT: ' (the disk quota of the cache folder is used up)',
    EROFS: ' (the cache folder is on a read-only file system: give a writable cache-dir)',
    EACCES: ' (the cache folder is not writable by this user: give a writable cache-dir)',
};
/** The lock's owner; 'gone' when there is no lock; undefined when it is not a record we can read. */
function readOwner(lockPath) {
    let text;
    try {
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readlinkSync)(lockPath);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return 'gone';
        return undefined;
    }
    try {
        const value = JSON.parse(text);
        if (Number.isInteger(value.pid) && typeof value.host === 'string' && typeof value.nonce === 'string')
            return value;
    }
    catch {
        // not a record: someone else's file at this name
    }
    return undefined;
}
/**
 * Removes the lock at `lockPath` only if it is still the one `owner` made. False when it is still
 * there (it could not be removed); true when it is gone or now someone else's.
 */
function removeIfOwned(lockPath, owner) {
    const current = readOwner(lockPath);
    if (current === 'gone' || current?.nonce !== owner.nonce)
        return true;
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.unlinkSync)(lockPath);
        return true;
    }
    catch (error) {
        return error.code === 'ENOENT';
    }
}
/**
 * Removes a stale lock under the break lock, after reading it again there: only a lock still made
 * by the same dead owner is removed. A break lock left by a killed process is stale the same way.
 * False when another live waiter holds the break lock (the caller then waits before trying again).
 */
function breakStale(lockPath, stale) {
    const breakPath = `${lockPath}.break`;
    const me = ownRecord();
    if (!tryCreate(breakPath, me)) {
        const breaker = readOwner(breakPath);
        if (breaker === 'gone')
            return true;
        if (breaker && ownerGone(breaker))
            return removeIfOwned(breakPath, breaker);
        // Another waiter is breaking it right now: poll again after the usual delay.
        return false;
    }
    try {
        return removeIfOwned(lockPath, stale);
    }
    finally {
        removeIfOwned(breakPath, me);
    }
}
/** Locks this process holds: removed by the exit hook when the process exits without releasing. */
const heldLocks = new Map();
let exitHookInstalled = false;
function held(lockPath, owner, waitedMs) {
    heldLocks.set(lockPath, owner);
    installExitHook();
    return {
        path: lockPath,
        waitedMs,
        release() {
            if (heldLocks.get(lockPath) !== owner)
                return;
            heldLocks.delete(lockPath);
            removeIfOwned(lockPath, owner);
        },
    };
}
/**
 * The gate's signal handlers (src/signals.ts) abort the run, whose `finally` blocks release its
 * locks; a second signal ends the process with process.exit, which runs only 'exit' handlers, and
 * those cannot wait: the locks are removed synchronously here. SIGKILL runs nothing; the next run
 * finds the owner's pid dead.
 */
function installExitHook() {
    if (exitHookInstalled)
        return;
    exitHookInstalled = true;
    process.once('exit', () => {
        for (const [lockPath, owner] of heldLocks)
            removeIfOwned(lockPath, owner);
        heldLocks.clear();
    });
}
function sleep(ms, signal) {
    return new Promise((resolve) => {
        const done = () => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        };
        const timer = setTimeout(done, Math.max(1, ms));
        signal?.addEventListener('abort', done, { once: true });
    });
}
//# sourceMappingURL=lock.js.map

/***/ }),

/***/ 5259:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ BadInputError)
/* harmony export */ });
// Bad input found before any work starts: one message naming the input, exit 64 (EX_USAGE).
class BadInputError extends Error {
    input;
    problem;
    constructor(
    /** The input's name as the user wrote it: `timeout`, `freebsd-version`, `--out`. */
    input, problem) {
        super(`invalid input '${input}': ${problem}`);
        this.input = input;
        this.problem = problem;
        this.name = 'BadInputError';
    }
}
//# sourceMappingURL=errors.js.map

/***/ }),

/***/ 4294:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Kt: () => (/* binding */ checkBuildBeforeBoot),
/* harmony export */   SX: () => (/* binding */ imageKernelOf),
/* harmony export */   nX: () => (/* binding */ KERNEL_BUILD_NEEDS),
/* harmony export */   sx: () => (/* binding */ readTreeFacts)
/* harmony export */ });
/* unused harmony export parseSparsePatterns */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var _image_freebsd_resolve_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(1983);
/* harmony import */ var _image_freebsd_releases_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(5685);
// What a FreeBSD source tree on the host really holds, and whether the asked-for build can work
// with it, decided before anything is downloaded or booted.
//
// Facts relied on (freebsd/freebsd-src):
// - Makefile.inc1 `buildkernel` runs from the top of a whole tree (Makefile, Makefile.inc1,
//   share/mk, sys/): stage 1 runs config(8) found through PATH=${TMPPATH} (the image's own
//   /usr/sbin/config when no kernel-toolchain was built), stage 2.3 `kernel-tools` runs
//   `mtree -f ${.CURDIR}/etc/mtree/BSD.usr.dist -p ${WORLDTMP}/usr`, so etc/mtree/BSD.usr.dist must
//   be there; Makefile.inc1 also reads lib/clang's version files to decide whether the image's cc
//   matches the tree (WANT_COMPILER_VERSION). The `legacy` and bootstrap stages of buildworld and
//   kernel-toolchain build tools/build, `_config_deps` (lib/libnv, usr.bin/lex/lib) and
//   usr.bin/file2c: their Makefiles stand for the rest of a whole tree here.
// - sys/sys/module.h: DECLARE_MODULE adds MODULE_DEPEND(name, kernel, __FreeBSD_version,
//   __FreeBSD_version, MODULE_KERNEL_MAXVER), MAXVER = the end of the major branch; the kernel
//   linker (sys/kern/kern_linker.c) refuses a module whose dependency is not met. So fusefs.ko from
//   a tree whose __FreeBSD_version is above the image's kern.osreldate does not load: such a tree
//   needs its own kernel, and so a whole tree.
// - actions/checkout's `sparse-checkout:` uses git's cone mode, which also checks out every file at
//   the top of the tree (Makefile, Makefile.inc1, ...): a sparse tree looks whole at its top. The
//   cone patterns are in .git/info/sparse-checkout (`/dir/` included, `!/dir/*/` its subfolders
//   excluded again), so the folders a kernel build needs are checked, not the top files.




/** Files whose presence shows the tree can run Makefile.inc1 buildkernel (see the header). */
const KERNEL_BUILD_NEEDS = [
    'Makefile.inc1',
    'sys/amd64/conf/GENERIC',
    'share/mk/bsd.prog.mk',
    'tools/build/Makefile',
    'lib/libnv/Makefile',
    'usr.bin/lex/lib/Makefile',
    'usr.bin/file2c/Makefile',
    'usr.sbin/config/Makefile',
    'etc/mtree/BSD.usr.dist',
];
/** The git folder of a checkout: `.git` itself, or the `gitdir:` a worktree's `.git` file names. */
function gitDir(tree) {
    const dotGit = node_path__WEBPACK_IMPORTED_MODULE_1__.join(tree, '.git');
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(dotGit))
        return undefined;
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(dotGit).isDirectory())
        return dotGit;
    const m = /^gitdir:\s*(.+)$/m.exec((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(dotGit, 'utf8'));
    return m ? node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(tree, m[1].trim()) : undefined;
}
/**
 * The folders of git's cone-mode patterns: `/a/` and `/a/b/` are included; a folder followed by
 * `!/a/*\/` keeps only its top files, so it is not a whole folder. Non-cone patterns are kept as
 * written.
 */
function parseSparsePatterns(text) {
    const lines = text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#'));
    const excludedBelow = new Set(lines.filter((l) => /^!\/.*\/\*\/$/.test(l)).map((l) => l.slice(1, -2)));
    return lines
        .filter((l) => !l.startsWith('!') && l !== '/*')
        .map((l) => l.replace(/^\//, '').replace(/\/$/, ''))
        .filter((l) => l && !excludedBelow.has(`/${l}/`));
}
function readSparse(tree) {
    const dir = gitDir(tree);
    if (!dir)
        return undefined;
    const file = node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, 'info', 'sparse-checkout');
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file))
        return undefined;
    return { file, folders: parseSparsePatterns((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8')) };
}
function readTreeFacts(tree) {
    const read = (rel) => {
        const p = node_path__WEBPACK_IMPORTED_MODULE_1__.join(tree, rel);
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(p) ? (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(p, 'utf8') : undefined;
    };
    const facts = {
        tree,
        missingForKernel: KERNEL_BUILD_NEEDS.filter((rel) => !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_1__.join(tree, rel))),
    };
    const newvers = read('sys/conf/newvers.sh');
    const param = read('sys/sys/param.h');
    // Unreadable files leave the fact unknown: the guest adapter reports them when it needs them.
    const tryRead = (f) => {
        try {
            return f();
        }
        catch {
            return undefined;
        }
    };
    const nv = newvers === undefined ? undefined : tryRead(() => (0,_image_freebsd_resolve_js__WEBPACK_IMPORTED_MODULE_2__/* .parseNewvers */ .MN)(newvers));
    const version = param === undefined ? undefined : tryRead(() => (0,_image_freebsd_resolve_js__WEBPACK_IMPORTED_MODULE_2__/* .parseFreebsdVersion */ .V6)(param));
    if (nv)
        facts.newvers = nv;
    if (version !== undefined)
        facts.version = version;
    const sparse = readSparse(tree);
    if (sparse)
        facts.sparse = sparse;
    return facts;
}
/** The image's kernel as far as the version tells (user images: nothing). */
function imageKernelOf(version, imageInput) {
    if (imageInput || !version)
        return { name: imageInput ?? 'the image' };
    const row = version.branch === 'RELEASE' ? (0,_image_freebsd_releases_js__WEBPACK_IMPORTED_MODULE_3__/* .releaseInfo */ .ej)(version.name) : undefined;
    return {
        name: version.name,
        major: version.major,
        ...(row?.osreldate !== undefined
            ? { osreldate: row.osreldate, source: `src/image/freebsd-releases.json: ${row.osreldateSource}` }
            : {}),
    };
}
function sparseWords(facts) {
    if (!facts.sparse)
        return '';
    const shown = facts.sparse.folders.slice(0, 8).join(', ');
    return ` It is a sparse checkout (${facts.sparse.file} lists ${shown || 'no folders'}${facts.sparse.folders.length > 8 ? ', ...' : ''}); its top files, Makefile.inc1 among them, are there because cone mode always checks them out.`;
}
function whatToChange(facts, image, why) {
    const revision = facts.newvers?.revision ?? 'X.Y';
    const major = revision.split('.')[0];
    const whole = "check out the whole tree (drop `sparse-checkout:` from the actions/checkout step; `fetch-depth: 1` keeps it small) so the gate can build and boot the tree's kernel";
    const options = why === 'branch'
        ? [
            whole,
            `or run on the tree's own branch (\`freebsd-version: auto\`, or a FreeBSD ${major} version) so fusefs.ko is built as a module`,
        ]
        : [
            whole,
            `or check out the release's own tag (e.g. \`ref: release/${revision}.0\`), whose __FreeBSD_version is the RELEASE image's`,
            `or set \`build: module\` with a newer kernel of the same branch (\`freebsd-version: ${major}.N-STABLE\`, a snapshot, or \`image:\` with a kern.osreldate of at least ${facts.version ?? "the tree's __FreeBSD_version"})`,
        ];
    const module = why === 'branch'
        ? 'a module built for another major branch'
        : 'a module built for a newer kernel (its __FreeBSD_version is above kern.osreldate)';
    return ` Change the workflow: ${options.join('; ')}. \`build: module\` on ${image.name} would not help: the kernel linker refuses ${module} (DECLARE_MODULE's MODULE_DEPEND on kernel, sys/sys/module.h).`;
}
/**
 * Can `build` succeed with this tree on this image? Refuses before boot when the tree cannot build
 * a kernel and a kernel is asked for or certainly needed (another major branch, or a tree newer
 * than the image's known kern.osreldate, e.g. a releng erratum bump of __FreeBSD_version). When
 * the image's kern.osreldate is not known before boot, the booted kernel decides (a note says so).
 */
function checkBuildBeforeBoot(facts, build, image) {
    const canKernel = facts.missingForKernel.length === 0;
    const lacks = `${facts.tree} lacks ${facts.missingForKernel.join(', ')}, which a kernel build needs (Makefile.inc1 buildkernel).`;
    if (build === 'kernel') {
        return canKernel
            ? {}
            : {
                refuse: `build: kernel, but ${lacks}${sparseWords(facts)} Check out the whole tree (drop \`sparse-checkout:\`), or use \`build: module\`.`,
            };
    }
    if (facts.version === undefined)
        return {};
    const treeMajor = (0,_image_freebsd_resolve_js__WEBPACK_IMPORTED_MODULE_2__/* .osreldateMajor */ .BV)(facts.version);
    const tree = `the tree's __FreeBSD_version is ${facts.version} (sys/sys/param.h)`;
    if (build === 'module') {
        // Asked for explicitly, and certain not to load: say so now rather than after the build.
        const other = image.major !== undefined && image.major !== treeMajor;
        const newer = image.osreldate !== undefined && facts.version > image.osreldate;
        if (!other && !newer)
            return {};
        const against = other
            ? `${image.name} runs FreeBSD ${image.major}`
            : `${image.name}'s kern.osreldate is ${image.osreldate} (${image.source})`;
        return {
            refuse: `build: module cannot work: ${tree} and ${against}; the kernel linker refuses such a module (DECLARE_MODULE's MODULE_DEPEND on kernel, sys/sys/module.h). Use \`build: auto\` or \`build: kernel\` on a whole checkout, or a freebsd-version whose kernel is of the tree's branch and not older than it.`,
        };
    }
    if (build !== 'auto' || canKernel)
        return {};
    if (image.major !== undefined && image.major !== treeMajor) {
        return {
            refuse: `build: auto needs a kernel build here: ${tree}, FreeBSD ${treeMajor}, and ${image.name} runs FreeBSD ${image.major}; a module does not load into another major branch's kernel. But ${lacks}${sparseWords(facts)}${whatToChange(facts, image, 'branch')}`,
        };
    }
    if (image.osreldate !== undefined && facts.version > image.osreldate) {
        return {
            refuse: `build: auto needs a kernel build here: ${tree}, above ${image.name}'s kern.osreldate ${image.osreldate} (${image.source}), as after a releng erratum bump. But ${lacks}${sparseWords(facts)}${whatToChange(facts, image, 'newer')}`,
        };
    }
    if (image.osreldate === undefined) {
        return {
            note: `the tree cannot build a kernel (it lacks ${facts.missingForKernel.join(', ')}); ${image.name}'s kern.osreldate is not known before boot, so the booted kernel decides, and a tree newer than it cannot be gated`,
        };
    }
    return {};
}
//# sourceMappingURL=freebsd-tree.js.map

/***/ }),

/***/ 76:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  o4: () => (/* binding */ parseConfig)
});

// UNUSED EXPORTS: defaultArtifactName, splitList

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./.build/src/constants.js
var constants = __nccwpck_require__(1402);
;// CONCATENATED MODULE: ./.build/src/report/model.js
const VERDICTS = ['pass', 'fail', 'hang', 'panic', 'error'];
//# sourceMappingURL=model.js.map
// EXTERNAL MODULE: ./.build/src/guest/freebsd.js + 3 modules
var freebsd = __nccwpck_require__(1368);
// EXTERNAL MODULE: ./.build/src/linux-tree/choose-build.js
var choose_build = __nccwpck_require__(3417);
// EXTERNAL MODULE: ./.build/src/linux-tree/module-build.js
var module_build = __nccwpck_require__(7816);
// EXTERNAL MODULE: ./.build/src/config/errors.js
var errors = __nccwpck_require__(5259);
// EXTERNAL MODULE: ./.build/src/config/freebsd-tree.js
var freebsd_tree = __nccwpck_require__(4294);
// EXTERNAL MODULE: ./.build/src/image/freebsd-resolve.js
var freebsd_resolve = __nccwpck_require__(1983);
;// CONCATENATED MODULE: ./.build/src/config/types.js
// The validated, typed configuration of one gate run. Built by config/parse.ts from
// action inputs or CLI flags; nothing downstream re-validates it.
const GUESTS = ['linux', 'freebsd'];
const WORKLOADS = [
    'mmap-write',
    'mmap-msync',
    'write-readback',
    'truncate-mmap',
    'mmap-while-write',
];
const TEST_KINDS = ['workloads', 'gtest'];
const BUILD_MODES = ['auto', 'module', 'kernel', 'none'];
const ACCELERATORS = ['auto', 'kvm', 'tcg'];
//# sourceMappingURL=types.js.map
;// CONCATENATED MODULE: ./.build/src/config/parse.js
// Raw inputs (action inputs or CLI flags, by their action input names) -> a validated GateConfig.
// Everything wrong is found here, before any work starts, with one message naming the input.












/** Defaults that depend on the guest: a FreeBSD boot under TCG is far slower than the Linux test guest. */
const DEFAULTS = {
    freebsd: { bootTimeout: 600, tests: 'workloads,gtest' },
    linux: { bootTimeout: 60, tests: 'workloads' },
};
const FAULT_PATTERN = /^(stall|crash|eio|panic|slow)=(write|read|flush)$|^stall_after=\d+$/;
const FIXTURE_OPTION_PATTERN = /^(direct_io|backing=[\w./-]+|stall=(write|read|flush)|stall_after=\d+|crash=(write|read|flush)|eio=(write|read|flush))$/;
function parseConfig(raw, context) {
    const spell = context.spell ?? ((input) => input);
    const value = (input) => {
        const v = raw[input]?.trim();
        return v === undefined || v === '' ? undefined : v;
    };
    const fail = (input, problem) => {
        throw new errors/* BadInputError */.Y(spell(input), problem);
    };
    const oneOf = (input, allowed, fallback) => {
        const v = value(input) ?? fallback;
        if (!allowed.includes(v))
            fail(input, `${JSON.stringify(v)} is not one of ${allowed.join(', ')}`);
        return v;
    };
    const listOf = (input, allowed, fallback) => {
        const items = splitList(value(input) ?? fallback);
        for (const item of items) {
            if (!allowed.includes(item))
                fail(input, `${JSON.stringify(item)} is not one of ${allowed.join(', ')}`);
        }
        if (items.length === 0)
            fail(input, 'the list is empty: nothing would run, and nothing ran is never a pass');
        return [...new Set(items)];
    };
    // Seconds: a whole number or up to three decimals (milliseconds), the same that guest/watchdog.sh
    // accepts for its deadline, so host and guest never disagree on what a number is.
    const positive = (input, fallback, max, integer = false) => {
        const v = value(input);
        if (v === undefined)
            return fallback;
        const n = Number(v);
        if (!/^\d+(\.\d+)?$/.test(v) || !Number.isFinite(n) || n <= 0)
            fail(input, `${JSON.stringify(v)} is not a positive number`);
        if (/\.\d{4,}$/.test(v))
            fail(input, `${JSON.stringify(v)} is more precise than a millisecond: use at most three decimals`);
        if (integer && !Number.isInteger(n))
            fail(input, `${JSON.stringify(v)} is not a whole number`);
        if (n > max)
            fail(input, `${v} is more than the maximum ${max}`);
        return n;
    };
    const guest = oneOf(constants/* Input */.pd.Guest, GUESTS, 'freebsd');
    const defaults = DEFAULTS[guest];
    const tests = listOf(constants/* Input */.pd.Tests, TEST_KINDS, defaults.tests);
    if (guest === 'linux' && tests.includes('gtest')) {
        fail(constants/* Input */.pd.Tests, "'gtest' runs the FreeBSD tree's write.cc tests and needs guest 'freebsd'");
    }
    const fixtureOptions = splitList(value(constants/* Input */.pd.FixtureOptions) ?? 'direct_io');
    for (const option of fixtureOptions) {
        if (!FIXTURE_OPTION_PATTERN.test(option))
            fail(constants/* Input */.pd.FixtureOptions, `${JSON.stringify(option)} is not a fixture option (direct_io, backing=DIR)`);
    }
    const fault = value(constants/* Input */.pd.Fault);
    if (fault !== undefined && !FAULT_PATTERN.test(fault)) {
        fail(constants/* Input */.pd.Fault, `${JSON.stringify(fault)} is not a fault (stall=|crash=|eio=|panic=|slow= write|read|flush, stall_after=N)`);
    }
    if (guest === 'linux') {
        const meaningless = freebsdOnlyInputs(value).find(([, given]) => given);
        if (meaningless)
            fail(meaningless[0], `means nothing on guest 'linux' (${meaningless[2]}): leave it out or use guest 'freebsd'`);
    }
    const fuseServer = value(constants/* Input */.pd.FuseServer);
    if (fuseServer !== undefined && !fuseServer.includes('{mountpoint}')) {
        fail(constants/* Input */.pd.FuseServer, 'the command line must contain {mountpoint}, where the gate puts the mount point');
    }
    const fuseServerSource = value(constants/* Input */.pd.FuseServerSource);
    if (fuseServerSource !== undefined && fuseServer === undefined) {
        fail(constants/* Input */.pd.FuseServerSource, `${JSON.stringify(fuseServerSource)} is shipped only for a server of your own: give '${spell(constants/* Input */.pd.FuseServer)}' too (the command line that starts it), or leave it out`);
    }
    if (fuseServerSource !== undefined) {
        requireDirectory(external_node_path_.resolve(context.cwd, fuseServerSource), () => fail(constants/* Input */.pd.FuseServerSource, `${JSON.stringify(fuseServerSource)} is not a directory`));
    }
    const sourceTree = external_node_path_.resolve(context.cwd, value(constants/* Input */.pd.SourceTree) ?? '.');
    if (guest === 'freebsd') {
        requireDirectory(sourceTree, () => fail(constants/* Input */.pd.SourceTree, `${JSON.stringify(sourceTree)} is not a directory`));
        if (!(0,external_node_fs_.existsSync)(external_node_path_.join(sourceTree, 'sys', 'fs', 'fuse'))) {
            fail(constants/* Input */.pd.SourceTree, `${JSON.stringify(sourceTree)} has no sys/fs/fuse: point it at a FreeBSD source tree checkout`);
        }
        const build = oneOf(constants/* Input */.pd.Build, BUILD_MODES, 'auto');
        const missing = (0,freebsd/* missingTreePaths */.f7)((relative) => (0,external_node_fs_.existsSync)(external_node_path_.join(sourceTree, relative)), build, tests);
        if (missing.length)
            fail(constants/* Input */.pd.SourceTree, `${JSON.stringify(sourceTree)} lacks what build '${build}' and tests '${tests.join(',')}' need: ${missing.join(', ')}`);
    }
    // guest linux: a Linux FUSE tree under --source-tree is built as a module and tested. The action
    // always passes its default '.', so '.' without fs/fuse means the packaged driver, unless a build
    // was asked for; any other path must be a Linux tree.
    let linuxFuseTree;
    let linuxTreeBuild;
    if (guest === 'linux') {
        const given = value(constants/* Input */.pd.SourceTree);
        const build = oneOf(constants/* Input */.pd.Build, BUILD_MODES, 'auto');
        const wantsTree = (given !== undefined && given !== '.') || build === 'module' || build === 'kernel';
        if ((0,external_node_fs_.existsSync)(sourceTree) && (0,module_build/* isLinuxFuseTree */.YT)(sourceTree))
            linuxFuseTree = sourceTree;
        else if (wantsTree) {
            requireDirectory(sourceTree, () => fail(constants/* Input */.pd.SourceTree, `${JSON.stringify(sourceTree)} is not a directory`));
            fail(constants/* Input */.pd.SourceTree, `${JSON.stringify(sourceTree)} has no fs/fuse/Makefile and fs/fuse/fuse_i.h: point it at a Linux kernel tree`);
        }
        if (linuxFuseTree && build === 'none' && given !== undefined && given !== '.')
            fail(constants/* Input */.pd.Build, "'none' with a Linux source tree would test nothing of it: use 'module' or 'auto'");
        if (build === 'none')
            linuxFuseTree = undefined;
        // Module or kernel, before anything is fetched or built (src/linux-tree/choose-build.ts).
        if (linuxFuseTree && build !== 'none') {
            const choice = (0,choose_build/* chooseLinuxTreeBuild */.Wj)((0,choose_build/* readLinuxTreeFacts */.WE)(linuxFuseTree), build);
            if ('refuse' in choice)
                fail(choice.input === 'build' ? constants/* Input */.pd.Build : constants/* Input */.pd.SourceTree, choice.refuse);
            else
                linuxTreeBuild = choice;
        }
    }
    const image = value(constants/* Input */.pd.Image);
    if (image !== undefined && !/^https?:\/\//.test(image) && !(0,external_node_fs_.existsSync)(external_node_path_.resolve(context.cwd, image))) {
        fail(constants/* Input */.pd.Image, `${JSON.stringify(image)} is neither an http(s) URL nor an existing file`);
    }
    const imageSha512 = value(constants/* Input */.pd.ImageSha512)?.toLowerCase();
    if (imageSha512 !== undefined && !/^[0-9a-f]{128}$/.test(imageSha512))
        fail(constants/* Input */.pd.ImageSha512, 'expected 128 hexadecimal digits');
    if (imageSha512 !== undefined && image === undefined)
        fail(constants/* Input */.pd.ImageSha512, `only means something together with '${spell(constants/* Input */.pd.Image)}'`);
    // One grammar for this parser and the image resolver (src/image/freebsd-resolve.ts).
    const freebsdVersion = value(constants/* Input */.pd.FreebsdVersion) ?? 'auto';
    let versionInput = { kind: 'auto' };
    try {
        versionInput = (0,freebsd_resolve/* parseVersionInput */.gX)(freebsdVersion);
    }
    catch (error) {
        if (!(error instanceof errors/* BadInputError */.Y))
            throw error;
        fail(constants/* Input */.pd.FreebsdVersion, `${JSON.stringify(freebsdVersion)} is not 'auto' or a version: expected ${freebsd_resolve/* VERSION_INPUT_HELP */._j}`);
    }
    if (guest === 'freebsd') {
        // Before anything is fetched or booted: can the asked-for build work with what the tree holds?
        let verdict = {};
        try {
            const facts = (0,freebsd_tree/* readTreeFacts */.sx)(sourceTree);
            const version = versionInput.kind === 'version'
                ? versionInput.version
                : versionInput.kind === 'latest'
                    ? (0,freebsd_resolve/* parseVersion */.ot)((0,freebsd_resolve/* defaultVersion */.U8)())
                    : facts.newvers
                        ? (0,freebsd_resolve/* versionFromNewvers */.TN)(facts.newvers).version
                        : undefined;
            verdict = (0,freebsd_tree/* checkBuildBeforeBoot */.Kt)(facts, oneOf(constants/* Input */.pd.Build, BUILD_MODES, 'auto'), (0,freebsd_tree/* imageKernelOf */.SX)(version, image));
        }
        catch (error) {
            if (!(error instanceof errors/* BadInputError */.Y))
                throw error;
            fail(constants/* Input */.pd.SourceTree, error.problem);
        }
        if (verdict.refuse)
            fail(constants/* Input */.pd.SourceTree, verdict.refuse);
    }
    const bisectGood = value(constants/* Input */.pd.BisectGood);
    if (bisectGood !== undefined) {
        // Whether it names a commit is git's to say (src/bisect/range.ts); here only what git would misread.
        if (bisectGood.startsWith('-') || /\s/.test(bisectGood))
            fail(constants/* Input */.pd.BisectGood, `${JSON.stringify(bisectGood)} is not a git revision (a sha, a tag or a branch)`);
        const build = oneOf(constants/* Input */.pd.Build, BUILD_MODES, 'auto');
        if (build === 'none')
            fail(constants/* Input */.pd.BisectGood, "build 'none' tests the image's own fusefs, not the tree's history: nothing to bisect");
        if (guest === 'linux' && !linuxFuseTree)
            fail(constants/* Input */.pd.BisectGood, "guest 'linux' without a Linux source tree tests the packaged FUSE driver: there is no history to bisect");
    }
    if (value(constants/* Input */.pd.BisectMaxBuilds) !== undefined && bisectGood === undefined)
        fail(constants/* Input */.pd.BisectMaxBuilds, `only means something together with '${spell(constants/* Input */.pd.BisectGood)}'`);
    const bisectMaxBuilds = value(constants/* Input */.pd.BisectMaxBuilds) === undefined ? undefined : positive(constants/* Input */.pd.BisectMaxBuilds, 1, 1000, true);
    const failOn = listOf(constants/* Input */.pd.FailOn, VERDICTS.filter((v) => v !== 'pass'), 'fail,hang,panic,error');
    const outDir = external_node_path_.resolve(context.cwd, value(constants/* Input */.pd.OutputDir) ?? defaultOutputDir(context.env));
    requireWritableDirectory(outDir, (problem) => fail(constants/* Input */.pd.OutputDir, `${JSON.stringify(outDir)} cannot be written: ${problem}`));
    const cacheDir = external_node_path_.resolve(context.cwd, value(constants/* Input */.pd.CacheDir) ?? context.env.FUSEFS_GATE_CACHE ?? external_node_path_.join((0,external_node_os_.homedir)(), '.cache', 'fusefs-gate'));
    // The cache holds the guests and the locks every run takes: a read-only one fails the first lock.
    requireWritableDirectory(cacheDir, (problem) => fail(constants/* Input */.pd.CacheDir, `${JSON.stringify(cacheDir)} cannot be written: ${problem}`));
    requireUsableTmpdir(context.env);
    return {
        guest,
        freebsdVersion,
        image: image && !/^https?:\/\//.test(image) ? external_node_path_.resolve(context.cwd, image) : image,
        imageSha512,
        sourceTree,
        ...(linuxFuseTree ? { linuxFuseTree } : {}),
        ...(linuxFuseTree && linuxTreeBuild ? { linuxTreeBuild } : {}),
        build: oneOf(constants/* Input */.pd.Build, BUILD_MODES, 'auto'),
        kernconf: value(constants/* Input */.pd.Kernconf) ?? '',
        tests,
        gtestFilter: value(constants/* Input */.pd.GtestFilter) ?? '*',
        workloads: listOf(constants/* Input */.pd.Workloads, WORKLOADS, WORKLOADS.join(',')),
        fixtureOptions,
        fault,
        fuseServer,
        fuseServerSource: fuseServerSource && external_node_path_.resolve(context.cwd, fuseServerSource),
        timeoutSec: positive(constants/* Input */.pd.Timeout, 60, 86_400),
        bootTimeoutSec: positive(constants/* Input */.pd.BootTimeout, defaults.bootTimeout, 86_400),
        buildTimeoutSec: positive(constants/* Input */.pd.BuildTimeout, 3600, 86_400),
        jobTimeoutSec: positive(constants/* Input */.pd.JobTimeout, 5400, 7 * 86_400),
        cpus: positive(constants/* Input */.pd.Cpus, 2, 64, true),
        memoryMiB: parseSize(constants/* Input */.pd.Memory, value(constants/* Input */.pd.Memory) ?? '2048', 'M', fail, 128, 1 << 20),
        diskSizeGiB: value(constants/* Input */.pd.DiskSize) === undefined
            ? undefined
            : parseSize(constants/* Input */.pd.DiskSize, value(constants/* Input */.pd.DiskSize), 'G', fail, 1, 4096),
        accel: oneOf(constants/* Input */.pd.Accel, ACCELERATORS, 'auto'),
        repeat: positive(constants/* Input */.pd.Repeat, 1, 10_000, true),
        failOn,
        allowError: parseBoolean(constants/* Input */.pd.AllowError, value(constants/* Input */.pd.AllowError) ?? 'false', fail),
        installQemu: parseBoolean(constants/* Input */.pd.InstallQemu, value(constants/* Input */.pd.InstallQemu) ?? 'true', fail),
        retentionDays: value(constants/* Input */.pd.RetentionDays) === undefined ? undefined : positive(constants/* Input */.pd.RetentionDays, 1, 90, true),
        ...(bisectGood !== undefined ? { bisectGood } : {}),
        ...(bisectMaxBuilds !== undefined ? { bisectMaxBuilds } : {}),
        cacheImages: parseBoolean(constants/* Input */.pd.CacheImages, value(constants/* Input */.pd.CacheImages) ?? 'true', fail),
        outDir,
        uploadArtifact: parseBoolean(constants/* Input */.pd.UploadArtifact, value(constants/* Input */.pd.UploadArtifact) ?? 'true', fail),
        artifactName: value(constants/* Input */.pd.ArtifactName) ??
            defaultArtifactName(guest, freebsdVersion, context.env, value(constants/* Input */.pd.MatrixLeg)),
        cacheDir,
    };
}
/**
 * Inputs the Linux test guest has no use for, each with whether it was given (a value other than
 * action.yml's default) and why it means nothing there: silently ignoring them would pass a run
 * that did not do what was asked.
 */
function freebsdOnlyInputs(value) {
    return [
        [
            constants/* Input */.pd.Image,
            value(constants/* Input */.pd.Image) !== undefined,
            'the test guest boots its own Debian kernel, not an image',
        ],
        [
            constants/* Input */.pd.ImageSha512,
            value(constants/* Input */.pd.ImageSha512) !== undefined,
            'the test guest boots its own Debian kernel, not an image',
        ],
        [
            constants/* Input */.pd.GtestFilter,
            (value(constants/* Input */.pd.GtestFilter) ?? '*') !== '*',
            "gtest runs the FreeBSD tree's write.cc tests",
        ],
        [
            constants/* Input */.pd.FreebsdVersion,
            (value(constants/* Input */.pd.FreebsdVersion) ?? 'auto') !== 'auto',
            'there is no FreeBSD image to choose',
        ],
        [constants/* Input */.pd.Kernconf, value(constants/* Input */.pd.Kernconf) !== undefined, 'the test guest builds no kernel'],
    ];
}
function splitList(text) {
    return text
        .split(/[\s,]+/)
        .map((item) => item.trim())
        .filter(Boolean);
}
/** `2048`, `2048M`, `2G` -> a number in `unit` (M: MiB, G: GiB). */
function parseSize(input, text, unit, fail, min, max) {
    const match = /^(\d+)\s*([MG])?i?B?$/i.exec(text);
    if (!match)
        return fail(input, `${JSON.stringify(text)} is not a size like ${unit === 'M' ? '2048, 2048M or 2G' : '20 or 20G'}`);
    const amount = Number(match[1]);
    const given = (match[2]?.toUpperCase() ?? unit);
    const result = given === unit ? amount : given === 'G' ? amount * 1024 : amount / 1024;
    if (!Number.isInteger(result) || result < min || result > max)
        return fail(input, `${text} is outside ${min}..${max}${unit}`);
    return result;
}
function parseBoolean(input, text, fail) {
    if (/^(true|yes|1)$/i.test(text))
        return true;
    if (/^(false|no|0)$/i.test(text))
        return false;
    return fail(input, `${JSON.stringify(text)} is not true or false`);
}
function requireDirectory(dir, onMissing) {
    try {
        if ((0,external_node_fs_.statSync)(dir).isDirectory())
            return;
    }
    catch {
        // fall through
    }
    onMissing();
}
function requireWritableDirectory(dir, onProblem) {
    try {
        makeDirectories(dir);
        (0,external_node_fs_.accessSync)(dir, external_node_fs_.constants.W_OK);
    }
    catch (error) {
        onProblem(error.code ?? String(error));
    }
}
/**
 * The folder for temporary files (the KVM probe's, QEMU's sockets when the work folder's path is
 * too long) is the first of TMPDIR, TMP, TEMP that is set (node's os.tmpdir()); one that names a
 * missing or read-only folder is the environment's bad input, found before anything starts. It is
 * not created: a TMPDIR that does not exist is a mistake to point out, not to paper over.
 */
function requireUsableTmpdir(env) {
    const name = ['TMPDIR', 'TMP', 'TEMP'].find((n) => env[n]);
    if (!name)
        return;
    const dir = env[name];
    try {
        if (!(0,external_node_fs_.statSync)(dir).isDirectory())
            throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
        (0,external_node_fs_.accessSync)(dir, external_node_fs_.constants.W_OK);
    }
    catch (error) {
        throw new errors/* BadInputError */.Y(name, `${JSON.stringify(dir)} cannot hold temporary files: ${error.code ?? String(error)}; point ${name} at a writable folder or unset it`);
    }
}
/** mkdir -p one level at a time: node's recursive mkdirSync spins forever under /proc. */
function makeDirectories(dir) {
    if ((0,external_node_fs_.existsSync)(dir)) {
        if (!(0,external_node_fs_.statSync)(dir).isDirectory())
            throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
        return;
    }
    makeDirectories(external_node_path_.dirname(dir));
    (0,external_node_fs_.mkdirSync)(dir);
}
function defaultOutputDir(env) {
    return env.RUNNER_TEMP ? external_node_path_.join(env.RUNNER_TEMP, 'fusefs-gate') : 'fusefs-gate-out';
}
/**
 * Unique per step and per matrix leg: two legs with the same FreeBSD version differ in the strategy's
 * job index, two gate steps of one job in the step id (GITHUB_ACTION), a re-run in the attempt.
 */
function defaultArtifactName(guest, version, env, matrixLeg) {
    const parts = [
        'fusefs-gate',
        guest === 'freebsd' ? version : 'linux',
        env.GITHUB_JOB,
        matrixLeg && `leg${matrixLeg}`,
        env.GITHUB_ACTION,
        env.GITHUB_RUN_ATTEMPT && `attempt${env.GITHUB_RUN_ATTEMPT}`,
    ];
    return parts
        .filter(Boolean)
        .join('-')
        .replace(/[^\w.-]+/g, '_');
}
//# sourceMappingURL=parse.js.map

/***/ }),

/***/ 6298:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   bS: () => (/* binding */ BootLoopError),
/* harmony export */   cc: () => (/* binding */ CancelledError),
/* harmony export */   gp: () => (/* binding */ ConsoleClosedError),
/* harmony export */   uI: () => (/* binding */ GuestPanicError)
/* harmony export */ });
// Why a wait on the console ended without what it waited for.
/**
 * The guest kernel panicked; `text` holds the panic report as printed, `startLine` (when known) the
 * index of the line that started it. The message quotes the panic's own line: the first panic line
 * from the start on (FreeBSD's "panic: %s" follows its "Fatal trap" report, sys/amd64/amd64/trap.c
 * trap_fatal()), never an earlier line that merely says "panic" (a `kern.panic` sysctl, a boot message).
 */
class GuestPanicError extends Error {
    text;
    constructor(text, startLine) {
        super(`guest kernel panicked: ${panicHeadline(text, startLine) ?? text.slice(0, 200)}`);
        this.text = text;
        this.name = 'GuestPanicError';
    }
}
/** FreeBSD's "panic: " (also after other console text, `login: panic: `) and Linux's panic() line. */
const PANIC_LINE = /(?:^|[^\w.-])panic: |Kernel panic - not syncing/;
function panicHeadline(text, startLine) {
    const lines = text.split('\n');
    const from = startLine ?? 0;
    const own = lines.slice(from).find((line) => PANIC_LINE.test(line));
    return (own ?? (startLine === undefined ? firstLineMatching(text, /panic/i) : lines[from]))?.trim();
}
/** The console stream ended: QEMU exited or was killed. */
class ConsoleClosedError extends Error {
    awaited;
    lastOutput;
    qemuEnd;
    qemuKilledBy;
    constructor(awaited, lastOutput, 
    /** How QEMU ended, once the host knows (`QEMU (pid 7) was killed by SIGSEGV`); the console alone cannot tell. */
    qemuEnd, 
    /** The signal that killed QEMU when it was not the gate's: the host's fault, not the guest's boot. */
    qemuKilledBy) {
        super(`the guest console closed (${qemuEnd ?? 'QEMU exited'}) while waiting for ${awaited}; last output: ${JSON.stringify(lastOutput.slice(-300))}`);
        this.awaited = awaited;
        this.lastOutput = lastOutput;
        this.qemuEnd = qemuEnd;
        this.qemuKilledBy = qemuKilledBy;
        this.name = 'ConsoleClosedError';
    }
    /** The same closing, saying how QEMU ended. */
    withQemuEnd(qemuEnd, qemuKilledBy) {
        return qemuEnd ? new ConsoleClosedError(this.awaited, this.lastOutput, qemuEnd, qemuKilledBy) : this;
    }
}
/** The guest printed its boot banner twice within one boot phase. */
class BootLoopError extends Error {
    banner;
    lastOutput;
    constructor(banner, lastOutput) {
        super(`the guest rebooted during boot (banner ${JSON.stringify(banner)} seen twice)`);
        this.banner = banner;
        this.lastOutput = lastOutput;
        this.name = 'BootLoopError';
    }
}
/** The wait was abandoned because the run was cancelled. */
class CancelledError extends Error {
    signal;
    constructor(signal) {
        super(`cancelled by ${signal}`);
        this.signal = signal;
        this.name = 'CancelledError';
    }
}
function firstLineMatching(text, re) {
    return text
        .split('\n')
        .find((line) => re.test(line))
        ?.trim();
}
//# sourceMappingURL=errors.js.map

/***/ }),

/***/ 7953:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   VP: () => (/* binding */ framedCommand),
/* harmony export */   Yd: () => (/* binding */ newNonce),
/* harmony export */   vi: () => (/* binding */ markerPattern)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
// The nonce-framed markers of the guest protocol (docs/guest-protocol.md).

function newNonce() {
    // 12 lowercase hex characters: within the protocol's [a-z0-9]{8,16}.
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex');
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/** Matches a whole marker line `@@fg:<nonce>:<fields>@@`; `fieldsPattern` is a regexp source. */
function markerPattern(nonce, fieldsPattern) {
    return new RegExp(`@@fg:${escapeRegExp(nonce)}:${fieldsPattern}@@`);
}
/**
 * One line of shell that frames `command` between a begin and an end marker carrying its exit status.
 * The markers are printed through printf formats, so an echo of this line never contains them,
 * and stdin is /dev/null so a command cannot swallow the next one. Each marker is printed twice,
 * on two lines: a kernel or syslog line that lands inside one copy (the kernel console and the
 * shell share the serial port, and a kernel printf can interleave with a tty write at any byte)
 * leaves the other whole, so the host still sees where the command began and how it ended. Marker
 * lines, whole or broken, are dropped from the output (stripMarkerLines); the spare end copy is
 * consumed by the next wait. The command runs in a subshell: an `exit N` in it (or a failing
 * `set -e` step) ends the command with status N, not the login shell the gate types into, and a
 * `cd` or variable it sets does not leak into the next command.
 */
function framedCommand(nonce, id, command) {
    return (`printf '@@fg:%s:begin:%s@@\\n@@fg:%s:begin:%s@@\\n' ${nonce} ${id} ${nonce} ${id}; ` +
        `( ${command} ) </dev/null 2>&1; ` +
        `printf '@@fg:%s:end:%s:%d@@\\n@@fg:%s:end:%s:%d@@\\n' ${nonce} ${id} $? ${nonce} ${id} $?`);
}
//# sourceMappingURL=markers.js.map

/***/ }),

/***/ 6421:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   oc: () => (/* binding */ SerialConsole),
/* harmony export */   qx: () => (/* binding */ stripMarkerLines)
/* harmony export */ });
/* unused harmony export MAX_COMMAND_LENGTH */
/* harmony import */ var _guest_shell_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1686);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6298);
/* harmony import */ var _markers_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(7953);
// A small expect engine over the guest's serial byte stream. It owns prompts, markers, echo,
// timeouts and the raw log; it never sleeps for a fixed time: every wait is on a pattern with a deadline.



/** Longest command line sent: FreeBSD's and Linux's canonical tty input buffers are bounded. */
const MAX_COMMAND_LENGTH = 900;
const CONTEXT_LINES = 120;
class SerialConsole {
    stream;
    options;
    /** Decoded text not yet consumed by a wait. */
    pending = '';
    partialLine = '';
    escapeCarry = '';
    recentLines = [];
    decoder = new TextDecoder('utf-8');
    waiter;
    closed = false;
    failure;
    panicLines;
    /** Where in panicLines the line that matched the profile's panicStart is. */
    panicStartAt = 0;
    panicTimer;
    bannerCount = 0;
    watchBanner = false;
    commandCounter = 0;
    lastDataAt = Date.now();
    quietWaiters = new Set();
    constructor(stream, options) {
        this.stream = stream;
        this.options = options;
        stream.onData((chunk) => this.receive(chunk));
        stream.onClose(() => this.close());
    }
    get nonce() {
        return this.options.nonce;
    }
    /** Milliseconds since the guest last printed anything. */
    get idleMs() {
        return Date.now() - this.lastDataAt;
    }
    /** The last console lines, for error messages and the report. */
    lastLines(count = 20) {
        const lines = [...this.recentLines];
        if (this.partialLine)
            lines.push(this.partialLine);
        return lines.slice(-count);
    }
    /**
     * Resolves once the guest has printed something and then been quiet for `quietMs`, or at
     * `maxMs`; true when anything arrived. For collecting a dump whose end has no marker.
     */
    waitForQuiet(quietMs, maxMs) {
        return new Promise((resolve) => {
            let seen = false;
            let quiet;
            const finish = () => {
                clearTimeout(quiet);
                clearTimeout(bound);
                this.quietWaiters.delete(onData);
                resolve(seen);
            };
            const onData = () => {
                seen = true;
                clearTimeout(quiet);
                quiet = setTimeout(finish, quietMs);
            };
            const bound = setTimeout(finish, maxMs);
            this.quietWaiters.add(onData);
        });
    }
    /** Fails every current and future wait, e.g. on SIGTERM. */
    abort(error) {
        this.fail(error);
    }
    send(text) {
        if (this.closed)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConsoleClosedError */ .gp('sending input', this.lastLines().join('\n'));
        this.stream.write(text);
    }
    /**
     * Waits until the boot reaches a root shell: answers the login prompt when the profile has one,
     * switches to /bin/sh, turns echo off and syncs on a first framed command.
     */
    async login(timeoutMs) {
        // What arrived before this call is this boot's own output (the stream is read from QEMU's start).
        this.beginBootPhase({ dropPending: false });
        await this.loginWithinPhase(timeoutMs);
    }
    /**
     * A planned reboot (into a freshly installed kernel): a new boot phase starts before `command`
     * is sent, so the next boot's banner is its first; the boot-loop rule applies within the phase.
     * `command` is sent unframed: the shell it runs in does not live to print an end marker.
     */
    async reboot(command, timeoutMs) {
        this.beginBootPhase({ dropPending: true });
        this.send(`${command}\n`);
        await this.loginWithinPhase(timeoutMs);
    }
    /**
     * A boot phase: the banner counter starts at zero. On a reboot, what the previous boot printed
     * can no longer satisfy a wait (an old `fg# ` prompt is not the new boot's shell).
     */
    beginBootPhase(options) {
        this.bannerCount = 0;
        this.watchBanner = true;
        if (options.dropPending)
            this.pending = '';
    }
    async loginWithinPhase(timeoutMs) {
        const deadline = Date.now() + timeoutMs;
        const remaining = () => Math.max(1, deadline - Date.now());
        const { profile } = this.options;
        this.watchBanner = true;
        try {
            let atShell = false;
            if (profile.loginPrompt && profile.loginUser) {
                await this.expect(profile.loginPrompt, { timeoutMs: remaining(), awaited: 'the login prompt' });
                this.send(`${profile.loginUser}\n`);
                if (profile.passwordPrompt) {
                    const prompt = new RegExp(`${profile.passwordPrompt.source}|${profile.shellPrompt.source}`);
                    const seen = await this.expect(prompt, {
                        timeoutMs: remaining(),
                        awaited: 'a password prompt or a shell',
                    });
                    atShell = !profile.passwordPrompt.test(seen[0]);
                    if (!atShell)
                        this.send('\n');
                }
            }
            if (!atShell)
                await this.expect(profile.shellPrompt, { timeoutMs: remaining(), awaited: 'a root shell prompt' });
        }
        finally {
            this.watchBanner = false;
        }
        // csh (root's shell before FreeBSD 14) and sh both accept `exec /bin/sh`; then protocol settings.
        this.send('exec /bin/sh\n');
        this.send("stty -echo; PS1='fg# '; PS2=''; export PS1 PS2\n");
        await this.run('true', { timeoutMs: remaining(), purpose: 'the first framed command after login' });
    }
    /** Runs one command in the guest's shell and returns its exit status and output. */
    async run(command, options) {
        if (command.length > MAX_COMMAND_LENGTH || command.includes('\n')) {
            throw new Error(`command too long or multi-line for the serial console (${command.length} chars): put it in a script on the payload disk`);
        }
        const id = `c${++this.commandCounter}`;
        const nonce = this.options.nonce;
        const started = Date.now();
        const awaited = options.purpose
            ? `${options.purpose} (${JSON.stringify(command.slice(0, 80))})`
            : JSON.stringify(command.slice(0, 80));
        this.send(`${(0,_markers_js__WEBPACK_IMPORTED_MODULE_2__/* .framedCommand */ .VP)(nonce, id, command)}\n`);
        await this.expect((0,_markers_js__WEBPACK_IMPORTED_MODULE_2__/* .markerPattern */ .vi)(nonce, `begin:${id}`), {
            timeoutMs: options.timeoutMs,
            awaited: `the start of ${awaited}`,
        });
        const remaining = Math.max(1, options.timeoutMs - (Date.now() - started));
        const end = await this.expect((0,_markers_js__WEBPACK_IMPORTED_MODULE_2__/* .markerPattern */ .vi)(nonce, `end:${id}:(\\d+)`), {
            timeoutMs: remaining,
            awaited: `the end of ${awaited}`,
        });
        return {
            exitStatus: Number(end[1]),
            output: stripMarkerLines(end.before, nonce),
            durationMs: Date.now() - started,
        };
    }
    /**
     * Waits for `pattern` in the text that arrived since the last wait; consumes through the match.
     * The returned match carries `before`: the text between the previous consumption and the match.
     */
    expect(pattern, opts) {
        if (this.waiter)
            return Promise.reject(new Error(`console: already waiting for ${this.waiter.awaited}`));
        return new Promise((resolve, reject) => {
            if (this.failure)
                return reject(this.failure);
            const timer = setTimeout(() => {
                this.waiter = undefined;
                reject(new _guest_shell_js__WEBPACK_IMPORTED_MODULE_0__/* .CommandTimeoutError */ .$(opts.awaited, this.lastLines(8).join('\n'), opts.timeoutMs));
            }, opts.timeoutMs);
            this.waiter = {
                pattern,
                awaited: opts.awaited,
                timer,
                resolve: (match, before) => resolve(Object.assign(match, { before })),
                reject,
            };
            if (this.closed)
                return this.settle(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConsoleClosedError */ .gp(opts.awaited, this.lastLines(8).join('\n')));
            this.check();
        });
    }
    receive(chunk) {
        this.lastDataAt = Date.now();
        this.options.rawLog?.(chunk);
        for (const waiter of this.quietWaiters)
            waiter();
        const text = this.stripTerminalControls(this.decoder.decode(chunk, { stream: true }));
        this.pending += text;
        this.scanLines(text);
        this.check();
    }
    /**
     * Drops carriage returns and terminal control sequences (busybox ash asks for the cursor position
     * with ESC [ 6 n after its prompt; FreeBSD root's .profile runs resizewin -z on a serial line,
     * which writes ESC 7 ESC [ r ESC [ 999;999 H ESC [ 6 n ESC 8, usr.bin/resizewin/resizewin.c), keeping
     * an escape sequence cut by a read for the next chunk. Two-byte escapes are ESC and one byte of
     * 0x30-0x7e other than `[` (ECMA-35/48 Fp, Fe, Fs: DECSC is ESC 7, DECRC ESC 8).
     */
    stripTerminalControls(text) {
        let all = this.escapeCarry + text;
        this.escapeCarry = '';
        const cut = /\x1b(\[[0-9;?]*)?$/.exec(all);
        if (cut) {
            this.escapeCarry = cut[0];
            all = all.slice(0, cut.index);
        }
        return all.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[0-Z\\-~]|\r/g, '');
    }
    scanLines(text) {
        const parts = (this.partialLine + text).split('\n');
        this.partialLine = parts.pop() ?? '';
        for (const line of parts) {
            this.options.onLine?.(line);
            this.recentLines.push(line);
            if (this.recentLines.length > CONTEXT_LINES)
                this.recentLines.shift();
            this.watchForPanic(line);
            if (this.watchBanner && this.options.profile.bootBanner.test(line) && ++this.bannerCount >= 2) {
                this.fail(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .BootLoopError */ .bS(line.trim(), this.lastLines(20).join('\n')));
            }
        }
    }
    watchForPanic(line) {
        const { panicStart, panicEnd } = this.options.profile;
        if (this.panicLines) {
            this.panicLines.push(line);
            if (panicEnd.test(line))
                this.finishPanic();
            return;
        }
        if (!panicStart.test(line))
            return;
        // Keep what came before the panic line too: the oops and its call trace precede it on Linux.
        this.panicLines = [...this.recentLines];
        this.panicStartAt = this.panicLines.length - 1;
        if (panicEnd.test(line))
            return this.finishPanic();
        this.panicTimer = setTimeout(() => this.finishPanic(), this.options.panicCollectMs ?? 5000);
    }
    finishPanic() {
        if (!this.panicLines || this.failure)
            return;
        clearTimeout(this.panicTimer);
        this.fail(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GuestPanicError */ .uI(this.panicLines.join('\n'), this.panicStartAt));
    }
    check() {
        const waiter = this.waiter;
        if (!waiter)
            return;
        const match = waiter.pattern.exec(this.pending);
        if (!match)
            return;
        const before = this.pending.slice(0, match.index);
        this.pending = this.pending.slice(match.index + match[0].length);
        this.waiter = undefined;
        clearTimeout(waiter.timer);
        waiter.resolve(match, before);
    }
    close() {
        if (this.closed)
            return;
        this.closed = true;
        const rest = this.decoder.decode();
        if (rest)
            this.receive(Buffer.from(rest));
        if (this.partialLine)
            this.scanLines('\n');
        if (this.panicLines)
            this.finishPanic();
        if (this.waiter)
            this.settle(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConsoleClosedError */ .gp(this.waiter.awaited, this.lastLines(8).join('\n')));
    }
    fail(error) {
        if (this.failure && !(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CancelledError */ .cc))
            return;
        this.failure = error;
        this.settle(error);
    }
    settle(error) {
        const waiter = this.waiter;
        if (!waiter)
            return;
        this.waiter = undefined;
        clearTimeout(waiter.timer);
        waiter.reject(error);
    }
}
/** Removes protocol marker lines of this run (and blank leftovers of the echo) from command output. */
function stripMarkerLines(text, nonce) {
    return text
        .split('\n')
        .filter((line) => !line.includes(`@@fg:${nonce}:`))
        .join('\n')
        .replace(/^\n+/, '');
}
//# sourceMappingURL=serial-console.js.map

/***/ }),

/***/ 1402:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ BISECT_VERDICTS),
/* harmony export */   M5: () => (/* binding */ QEMU_COMMANDS),
/* harmony export */   dc: () => (/* binding */ EXIT),
/* harmony export */   pd: () => (/* binding */ Input),
/* harmony export */   v2: () => (/* binding */ CliFlag)
/* harmony export */ });
/* unused harmony exports Output, State, GROUP */
// Every action input, output and saved state named once; action.yml and the code must agree
// (test/unit/action-yml.test.ts checks that they do).
var Input;
(function (Input) {
    Input["Guest"] = "guest";
    Input["FreebsdVersion"] = "freebsd-version";
    Input["Image"] = "image";
    Input["ImageSha512"] = "image-sha512";
    Input["SourceTree"] = "source-tree";
    Input["Build"] = "build";
    Input["Kernconf"] = "kernconf";
    Input["Tests"] = "tests";
    Input["GtestFilter"] = "gtest-filter";
    Input["Workloads"] = "workloads";
    Input["FixtureOptions"] = "fixture-options";
    Input["Fault"] = "fault";
    Input["FuseServer"] = "fuse-server";
    Input["FuseServerSource"] = "fuse-server-source";
    Input["Timeout"] = "timeout";
    Input["BootTimeout"] = "boot-timeout";
    Input["BuildTimeout"] = "build-timeout";
    Input["JobTimeout"] = "job-timeout";
    Input["Cpus"] = "cpus";
    Input["Memory"] = "memory";
    Input["DiskSize"] = "disk-size";
    Input["Accel"] = "accel";
    Input["Repeat"] = "repeat";
    Input["FailOn"] = "fail-on";
    Input["UploadArtifact"] = "upload-artifact";
    Input["ArtifactName"] = "artifact-name";
    Input["OutputDir"] = "output-dir";
    Input["CacheDir"] = "cache-dir";
    Input["AllowError"] = "allow-error";
    Input["InstallQemu"] = "install-qemu";
    Input["RetentionDays"] = "retention-days";
    Input["CacheImages"] = "cache-images";
    Input["MatrixLeg"] = "matrix-leg";
    Input["BisectGood"] = "bisect-good";
    Input["BisectMaxBuilds"] = "bisect-max-builds";
})(Input || (Input = {}));
var Output;
(function (Output) {
    Output["Verdict"] = "verdict";
    Output["Signature"] = "signature";
    Output["Report"] = "report";
    Output["Stacks"] = "stacks";
    Output["SerialLog"] = "serial-log";
    Output["Junit"] = "junit";
    Output["Summary"] = "summary";
    Output["ArtifactUrl"] = "artifact-url";
    Output["KnownBug"] = "known-bug";
    Output["FirstBadCommit"] = "first-bad-commit";
    Output["BisectResult"] = "bisect-result";
    Output["BisectReport"] = "bisect-report";
})(Output || (Output = {}));
/** CLI-only flags (not action inputs): the CLI's help lists them beside the inputs. */
var CliFlag;
(function (CliFlag) {
    CliFlag["Help"] = "help";
    CliFlag["Version"] = "version";
    CliFlag["Verbose"] = "verbose";
    CliFlag["Quiet"] = "quiet";
    CliFlag["Out"] = "out";
})(CliFlag || (CliFlag = {}));
var State;
(function (State) {
    /** Path of the pidfile of the QEMU this run started; the post step ends it if still there. */
    State["QemuPidfile"] = "qemu-pidfile";
    State["OutputDir"] = "output-dir";
    State["MainFinished"] = "main-finished";
})(State || (State = {}));
/** Exit codes: 0 pass, 1 fail, 2 hang, 3 panic, 64 bad usage, 125 undecided (git bisect run skips). */
const EXIT = {
    pass: 0,
    fail: 1,
    hang: 2,
    panic: 3,
    usage: 64,
    error: 125,
    sigint: 130,
    sigterm: 143,
};
/**
 * The verdicts of the commit under test that `bisect-good` bisects: the failures a bisection is for.
 * Not `fail`: it also covers a tree that does not compile (which a bisection skips, never blames)
 * and a test still making progress at its deadline (load, not a commit); `fusefs-gate bisect`
 * bisects a `fail` when asked to.
 */
const BISECT_VERDICTS = ['hang', 'panic'];
/** Host commands the gate runs QEMU with, and the Debian/Ubuntu packages that ship them. */
const QEMU_COMMANDS = { 'qemu-system-x86_64': 'qemu-system-x86', 'qemu-img': 'qemu-utils' };
/** Log group names the action and the CLI share. */
const GROUP = { installQemu: 'Install QEMU' };
//# sourceMappingURL=constants.js.map

/***/ }),

/***/ 4987:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Mz: () => (/* binding */ RESULTS_DISK_MIB),
  jq: () => (/* binding */ bootGuest),
  gY: () => (/* binding */ planGuest)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./.build/src/console/markers.js
var markers = __nccwpck_require__(7953);
// EXTERNAL MODULE: ./.build/src/console/serial-console.js
var serial_console = __nccwpck_require__(6421);
;// CONCATENATED MODULE: ./.build/src/console/ddb.js
// A conversation with FreeBSD's kernel debugger, ddb(4), over the serial console: the host
// backstop's way to get stacks from a guest whose userland stopped answering.
//
// ddb prints `db> ` before reading each line (sys/ddb/db_command.c db_command_loop), so a command's
// output is the text between two prompts. A command ddb rejects still ends at the next prompt, so
// the prompt alone says nothing about success: the rejection is one of ddb's error lines, all
// printed with db_printf or db_error (which prints its string and returns to the loop through
// kdb_reenter_silent):
// - sys/ddb/db_command.c db_command(): "No such command" (newer kernels add `; use "help" to list
//   available commands`), "Ambiguous", "Unrecognized input; ...", "Subcommand required; ...",
//   "Bad modifier", "Count missing";
// - sys/ddb/db_expr.c db_term() and friends: "Symbol not found", "Syntax error", "Divide by 0",
//   "Negative shift amount" (an argument ddb could not evaluate: `bt all` ends here, because `bt`
//   parses its argument as an expression, db_stack_trace);
// - sys/ddb/db_variables.c db_find_variable()/db_set_cmd(): "Unknown variable", "No value", "?".
/** One of ddb's error replies, alone on its line. */
const DDB_ERROR_LINE = /^(?:No such command(?:;.*)?|Ambiguous|Unrecognized input(?:;.*)?|Subcommand required(?:;.*)?|Bad modifier|Count missing|Symbol not found|Syntax error|Divide by 0|Negative shift amount|Unknown variable|No value|\?)\s*$/m;
/** ddb's prompt at the start of a line (db_command_loop prints a newline first when the column is not 0). */
const DDB_PROMPT = /(?:^|\n)db> /;
/** Waits for the debugger's first prompt (after the caller stopped the kernel). */
async function awaitDdbPrompt(console, timeoutMs) {
    await console.expect(DDB_PROMPT, { timeoutMs, awaited: 'the ddb prompt after an NMI' });
}
/** Sends each command at a ddb prompt and says, per command, whether ddb accepted it. */
async function runDdbCommands(console, commands, commandMs) {
    const steps = [];
    for (const command of commands) {
        console.send(`${command}\n`);
        const prompt = await console.expect(DDB_PROMPT, {
            timeoutMs: commandMs,
            awaited: `ddb's answer to ${command}`,
        });
        const error = DDB_ERROR_LINE.exec(prompt.before);
        steps.push(error ? { command, ok: false, error: error[0].trim() } : { command, ok: true });
    }
    return steps;
}
/** Report lines for the steps: `ddb: alltrace` or `ddb rejected bt all: Symbol not found`. */
function describeDdbSteps(steps) {
    return steps.map((s) => (s.ok ? `ddb: ${s.command}` : `ddb rejected ${s.command}: ${s.error}`));
}
//# sourceMappingURL=ddb.js.map
// EXTERNAL MODULE: ./.build/src/console/errors.js
var errors = __nccwpck_require__(6298);
// EXTERNAL MODULE: ./.build/src/guest/linux.js
var linux = __nccwpck_require__(8938);
// EXTERNAL MODULE: ./.build/src/guest/shell.js
var shell = __nccwpck_require__(1686);
// EXTERNAL MODULE: ./.build/src/gate/linux-guest-for-run.js
var linux_guest_for_run = __nccwpck_require__(3418);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __nccwpck_require__(1421);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
;// CONCATENATED MODULE: ./.build/src/vm/boot-sector.js
// A 512-byte x86 boot sector assembled here as bytes: the smallest guest that proves a CPU runs.
// SeaBIOS loads sector 0 of the boot disk at 0000:7C00 and jumps to it in real mode when the
// sector ends with the signature 55 AA (the IBM PC boot convention SeaBIOS follows).
// The code writes a message byte by byte to COM1's transmit register (I/O port 0x3F8; QEMU's 16550
// model sends every byte written to THR to the serial backend, whatever the baud setting), then
// either halts for good (`cli; hlt`) or resets the machine through the keyboard controller
// (command 0xFE to port 0x64, the classic pulse-reset line), which a VM without -no-reboot turns
// into a reboot: a boot loop in miniature.
/** Where the message starts inside the sector (right after the code). */
const MESSAGE_OFFSET = 0x20;
const LOAD_ADDRESS = 0x7c00;
/** The code may not run into the message, and the message must leave room for the signature. */
const MAX_BOOT_MESSAGE_BYTES = 510 - MESSAGE_OFFSET - 1;
/**
 * The boot sector, exactly 512 bytes. `message` must not contain NUL (it terminates the string).
 * Booted from a disk shorter than one cylinder SeaBIOS refuses ("could not read the boot disk"),
 * so write it to a padded image: see `bootSectorImage`.
 */
function bootSector(message, options = {}) {
    const text = Buffer.from(message, 'latin1');
    if (text.includes(0))
        throw new Error('boot sector message may not contain NUL bytes');
    if (text.length > MAX_BOOT_MESSAGE_BYTES) {
        throw new Error(`boot sector message is ${text.length} bytes; at most ${MAX_BOOT_MESSAGE_BYTES} fit`);
    }
    const messageAddress = LOAD_ADDRESS + MESSAGE_OFFSET;
    // prettier-ignore
    const code = [
        0xfa, // 00 cli
        0x31,
        0xc0, // 01 xor ax, ax
        0x8e,
        0xd8, // 03 mov ds, ax          ; DS = 0, so DS:SI addresses 0000:7Cxx
        0xfc, // 05 cld                 ; lodsb counts upwards
        0xbe,
        messageAddress & 0xff,
        messageAddress >> 8, // 06 mov si, message
        0xba,
        0xf8,
        0x03, // 09 mov dx, 0x3f8       ; COM1 transmit holding register
        // next:
        0xac, // 0C lodsb
        0x84,
        0xc0, // 0D test al, al
        0x74,
        0x03, // 0F jz done (0x14)
        0xee, // 11 out dx, al
        0xeb,
        0xf8, // 12 jmp next (0x0C)
        // done:
    ];
    if (options.after === 'reset') {
        code.push(0xb0, 0xfe, // 14 mov al, 0xfe        ; 8042 command: pulse the CPU reset line
        0xe6, 0x64);
    }
    const halt = code.length;
    code.push(0xfa, // cli
    0xf4, // hlt
    0xeb, 0xfc);
    if (halt + 4 > MESSAGE_OFFSET)
        throw new Error('boot sector code overlaps its message');
    const sector = Buffer.alloc(512);
    Buffer.from(code).copy(sector, 0);
    text.copy(sector, MESSAGE_OFFSET);
    sector[510] = 0x55;
    sector[511] = 0xaa;
    return sector;
}
/** Size of a disk image SeaBIOS accepts for the boot sector (it wants at least one full cylinder). */
const BOOT_SECTOR_IMAGE_BYTES = 1024 * 1024;
/** The boot sector padded with zeros to a 1 MiB raw image. */
function bootSectorImage(message, options = {}) {
    const image = Buffer.alloc(BOOT_SECTOR_IMAGE_BYTES);
    bootSector(message, options).copy(image, 0);
    return image;
}
/** Where the protected-mode probe keeps its GDT, GDTR and message inside the sector. */
const PM_GDT_OFFSET = 0xe0;
const PM_GDTR_OFFSET = 0xf8;
const PM_MESSAGE_OFFSET = 0x100;
const MAX_PROBE_MESSAGE_BYTES = 510 - PM_MESSAGE_OFFSET - 1;
/**
 * A boot sector that does what a real kernel's early code does and a real-mode loop does not:
 * switches to 32-bit protected mode and runs a VEX-encoded BMI2 instruction (`shlx`), the kind of
 * instruction the Linux guest's decompressor stopped on here under a KVM that emulates instead of
 * running the guest ("KVM internal error. Suberror: 1 / emulation failure", bytes c4 42 69 f7 c0).
 * KVM's instruction emulator has no such instruction, so where KVM emulates guest code this probe
 * stops too, and where KVM really runs the guest it prints `message` on COM1 and halts.
 * It prints only when `shlx eax, eax, edx` computed 1 << 3 = 8. A CPU without BMI2 (CPUID leaf 7
 * EBX bit 8 clear, as Intel's SDM documents it) skips the instruction and prints.
 */
function protectedModeProbeSector(message) {
    const text = Buffer.from(message, 'latin1');
    if (text.includes(0))
        throw new Error('boot sector message may not contain NUL bytes');
    if (text.length > MAX_PROBE_MESSAGE_BYTES)
        throw new Error(`probe message is ${text.length} bytes; at most ${MAX_PROBE_MESSAGE_BYTES} fit`);
    const gdtr = LOAD_ADDRESS + PM_GDTR_OFFSET;
    const pm32 = LOAD_ADDRESS + 0x17;
    const msg = LOAD_ADDRESS + PM_MESSAGE_OFFSET;
    const le32 = (n) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24];
    // prettier-ignore
    const code = [
        // 16-bit real mode, as SeaBIOS leaves it
        0xfa, // 00 cli
        0x31,
        0xc0, // 01 xor ax, ax
        0x8e,
        0xd8, // 03 mov ds, ax
        0x0f,
        0x01,
        0x16,
        gdtr & 0xff,
        gdtr >> 8, // 05 lgdt [gdtr]
        0x0f,
        0x20,
        0xc0, // 0A mov eax, cr0
        0x0c,
        0x01, // 0D or al, 1            ; CR0.PE
        0x0f,
        0x22,
        0xc0, // 0F mov cr0, eax
        0xea,
        pm32 & 0xff,
        pm32 >> 8,
        0x08,
        0x00, // 12 jmp 0x08:pm32     ; 32-bit code segment
        // pm32: 32-bit protected mode
        0x66,
        0xb8,
        0x10,
        0x00, // 17 mov ax, 0x10        ; flat data segment
        0x8e,
        0xd8, // 1B mov ds, ax
        0x8e,
        0xc0, // 1D mov es, ax
        0x8e,
        0xd0, // 1F mov ss, ax
        0xb8,
        0x07,
        0x00,
        0x00,
        0x00, // 21 mov eax, 7
        0x31,
        0xc9, // 26 xor ecx, ecx
        0x0f,
        0xa2, // 28 cpuid               ; leaf 7, subleaf 0
        0xf7,
        0xc3,
        0x00,
        0x01,
        0x00,
        0x00, // 2A test ebx, 1 << 8    ; BMI2
        0x74,
        0x14, // 30 jz print (0x46)
        0xb8,
        0x01,
        0x00,
        0x00,
        0x00, // 32 mov eax, 1
        0xba,
        0x03,
        0x00,
        0x00,
        0x00, // 37 mov edx, 3
        0xc4,
        0xe2,
        0x69,
        0xf7,
        0xc0, // 3C shlx eax, eax, edx  ; VEX.LZ.66.0F38.W0 F7 /r
        0x83,
        0xf8,
        0x08, // 41 cmp eax, 8
        0x75,
        0x11, // 44 jne halt (0x57)
        // print:
        0xbe,
        ...le32(msg), // 46 mov esi, message
        0x66,
        0xba,
        0xf8,
        0x03, // 4B mov dx, 0x3f8
        // next:
        0xac, // 4F lodsb
        0x84,
        0xc0, // 50 test al, al
        0x74,
        0x03, // 52 jz halt (0x57)
        0xee, // 54 out dx, al
        0xeb,
        0xf8, // 55 jmp next (0x4F)
        // halt:
        0xfa,
        0xf4,
        0xeb,
        0xfc, // 57 cli; hlt; jmp back to cli
    ];
    // prettier-ignore
    const gdt = [
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0, // null descriptor
        0xff,
        0xff,
        0x00,
        0x00,
        0x00,
        0x9a,
        0xcf,
        0x00, // 0x08: code, base 0, limit 4 GiB, 32-bit
        0xff,
        0xff,
        0x00,
        0x00,
        0x00,
        0x92,
        0xcf,
        0x00, // 0x10: data, base 0, limit 4 GiB
    ];
    const sector = Buffer.alloc(512);
    Buffer.from(code).copy(sector, 0);
    Buffer.from(gdt).copy(sector, PM_GDT_OFFSET);
    Buffer.from([gdt.length - 1, 0, ...le32(LOAD_ADDRESS + PM_GDT_OFFSET)]).copy(sector, PM_GDTR_OFFSET);
    text.copy(sector, PM_MESSAGE_OFFSET);
    sector[510] = 0x55;
    sector[511] = 0xaa;
    return sector;
}
/** The protected-mode probe padded to a 1 MiB raw image, like bootSectorImage. */
function protectedModeProbeImage(message) {
    const image = Buffer.alloc(BOOT_SECTOR_IMAGE_BYTES);
    protectedModeProbeSector(message).copy(image, 0);
    return image;
}
//# sourceMappingURL=boot-sector.js.map
;// CONCATENATED MODULE: ./.build/src/vm/kvm-failure.js
// KVM that passes the probe can still fail the real guest: on a host whose KVM is an emulating
// layer (seen here: "kvm-pvm: INTERNAL_ERROR in batch emul" in the host's dmesg), the probe's
// boot sector runs and prints, but the guest kernel later stops with QEMU's "KVM internal error.
// Suberror: 1 / emulation failure". QEMU then pauses the VM (vm_stop(RUN_STATE_INTERNAL_ERROR)
// in accel/kvm/kvm-all.c), which emits a QMP STOP event, and query-status answers
// "internal-error". The console simply goes silent, so without this watch a boot waits out its
// whole timeout, and a test is called a hang. This module notices it at once.
/** The guest stopped because KVM could not run it: the gate's (or the host's) fault, never the tree's. */
class KvmFailedError extends Error {
    detail;
    constructor(detail) {
        super(`KVM stopped the guest (QEMU run state internal-error${detail ? `: ${detail}` : ''})`);
        this.detail = detail;
        this.name = 'KvmFailedError';
    }
}
/**
 * Calls `onFailure` once when QEMU reports that KVM stopped the guest (STOP event, then
 * query-status says internal-error). Returns a function that stops watching. Only meaningful when
 * the VM runs under KVM; under TCG an internal error does not arise this way.
 */
async function watchKvmFailure(vm, onFailure) {
    let active = true;
    const qmp = await vm.qmp();
    qmp.onEvent((event) => {
        if (!active || event.event !== 'STOP')
            return;
        void vm
            .queryStatus()
            .then((status) => {
            if (!active || status.status !== 'internal-error')
                return;
            active = false;
            onFailure(new KvmFailedError(kvmErrorLines(vm.stderrText())));
        })
            .catch(() => undefined);
    });
    return () => {
        active = false;
    };
}
/** QEMU's own words about the failure, from its stderr ("KVM internal error. Suberror: 1", "emulation failure"). */
function kvmErrorLines(stderr) {
    const lines = stderr.split(/\r?\n/).map((line) => line.trim());
    const wanted = lines.filter((line) => /^KVM internal error|^emulation failure|^KVM: /.test(line));
    return [...new Set(wanted)].join(' / ');
}
//# sourceMappingURL=kvm-failure.js.map
// EXTERNAL MODULE: ./.build/src/vm/process.js
var process = __nccwpck_require__(9620);
;// CONCATENATED MODULE: ./.build/src/vm/qemu-argv.js
// The argv of `qemu-system-x86_64`, built from typed options. Pure: no file system, no process.
// Every flag is an argv element of its own (QEMU is spawned without a shell), so a path needs no
// shell quoting; where a value goes through QEMU's own option parser (QemuOpts) a comma must be
// doubled, and -blockdev is given as JSON so a path needs no escaping at all.
// Facts cited below are from the QEMU 7.2 manual, "Invocation" (qemu-options.hx), which is what
// the Debian bookworm host here ships (QEMU 7.2.22); GitHub's ubuntu-24.04 runners ship 8.2.
/**
 * q35 by default. Both FreeBSD (BASIC-CI images, SeaBIOS boot from virtio-blk) and the Linux test
 * guest (kernel boot, VIRTIO_PCI=y) run on q35 and on pc alike: nothing the gate needs differs.
 * q35 is the modern machine (PCIe root complex, ICH9), the one libvirt and the QEMU docs steer new
 * x86 guests to, while `pc` (i440FX, 1996 chipset) is kept for compatibility. Measured here: the
 * boot-sector guest boots from a virtio-blk disk under SeaBIOS on both.
 * The one thing to know: the PCI bus is `pcie.0` on q35 and `pci.0` on pc.
 */
const DEFAULT_MACHINE = 'q35';
/** First PCI slot given to a disk; disks take consecutive slots in the order given. */
const FIRST_DISK_SLOT = 0x04;
/** Slots 0x04..0x0f: more than the gate ever uses (boot, payload, results, scratch). */
const MAX_DISKS = 12;
const RNG_SLOT = 0x10;
/** sockaddr_un.sun_path is 108 bytes with the terminating NUL (unix(7)). */
const MAX_SOCKET_PATH_BYTES = 107;
class QemuArgvError extends Error {
    constructor(message) {
        super(message);
        this.name = 'QemuArgvError';
    }
}
/** A value that QEMU parses with QemuOpts: a literal comma is written `,,` (qemu-options.hx, "-chardev"). */
function escapeOptValue(value) {
    return value.replace(/,/g, ',,');
}
/** The disks in guest order: the boot disk first when booting from a disk, then the data disks. */
function guestDisks(options) {
    const boot = options.boot.kind === 'disk' ? [{ path: options.boot.path, format: options.boot.format }] : [];
    return [...boot, ...options.disks];
}
function buildQemuArgv(options) {
    validate(options);
    const machine = options.machine ?? DEFAULT_MACHINE;
    const bus = machine === 'q35' ? 'pcie.0' : 'pci.0';
    const argv = [
        // "-nodefaults: Don't create default devices. Normally, QEMU sets the default devices like
        // serial port, parallel port, virtual console, monitor device, VGA adapter, floppy and CD-ROM
        // drive and others." Also no default NIC: the guest gets no network at all.
        '-nodefaults',
        // "-no-user-config: ... QEMU will not load any of the user-provided config files on sysconfdir."
        '-no-user-config',
        // "-display none: Do not display video output."
        '-display',
        'none',
        '-machine',
        machine,
        // "-accel name: This is used to enable an accelerator. Depending on the target architecture,
        // kvm, xen, hax, hvf, nvmm, whpx or tcg can be available."
        '-accel',
        options.accel === 'tcg' && options.tcgThread ? `tcg,thread=${options.tcgThread}` : options.accel,
        // `host` passes the host CPU through and needs KVM; `max` is "all features the accelerator
        // supports", the richest model TCG can emulate (docs/system/cpu-models-x86).
        '-cpu',
        options.accel === 'kvm' ? 'host' : 'max',
        '-smp',
        String(options.cpus),
        '-m',
        `${options.memoryMiB}M`,
    ];
    if (options.noReboot)
        argv.push('-no-reboot'); // "-no-reboot: Exit instead of rebooting."
    // QMP first, so its socket exists as early as possible. It still answers only once QEMU's main
    // loop runs, which is after the serial client has connected (measured on 7.2: the greeting
    // arrives right after the console connection).
    // "-mon [chardev=]name[,mode=readline|control]": control mode is QMP; `-qmp dev` is its shorthand.
    argv.push('-chardev', `socket,id=qmp0,path=${escapeOptValue(options.qmpSocket)},server=on,wait=off`, '-mon', 'chardev=qmp0,mode=control');
    // The serial console: "server=on|off specifies that the socket shall be a listening socket.
    // wait=on|off specifies that QEMU should not block waiting for a client to connect to a
    // listening socket." With wait=on QEMU prints "QEMU waiting for connection on: ..." and does not
    // start the guest until the host has connected (measured on 7.2), so no console byte is lost.
    argv.push('-chardev', `socket,id=con0,path=${escapeOptValue(options.serialSocket)},server=on,wait=on`, '-serial', 'chardev:con0');
    if (options.boot.kind === 'kernel') {
        // "-kernel bzImage", "-initrd file", "-append cmdline": direct Linux boot, no boot loader.
        // These values are taken verbatim (not QemuOpts), so commas are literal.
        argv.push('-kernel', options.boot.kernel, '-initrd', options.boot.initrd, '-append', options.boot.append);
    }
    guestDisks(options).forEach((disk, index) => {
        const node = `disk${index}`;
        const readOnly = disk.readonly === true;
        // "-blockdev option[,option[,...]]: Define a new block driver node"; like -device it also
        // takes the QAPI JSON form (BlockdevOptions), which needs no comma escaping for the path.
        argv.push('-blockdev', JSON.stringify({
            driver: disk.format,
            'node-name': node,
            'read-only': readOnly,
            file: { driver: 'file', filename: disk.path, 'read-only': readOnly },
        }));
        // Explicit PCI slots: the guest enumerates virtio-blk devices in PCI order, so slot order is
        // disk order whatever other devices are added. bootindex 0 makes SeaBIOS boot the boot disk
        // ("bootindex=N ... lower number means higher priority", docs/system/bootindex).
        const device = [
            `virtio-blk-pci`,
            `drive=${node}`,
            `id=vd${index}`,
            `bus=${bus}`,
            `addr=0x${(FIRST_DISK_SLOT + index).toString(16)}`,
        ];
        if (index === 0 && options.boot.kind === 'disk')
            device.push('bootindex=0');
        argv.push('-device', device.join(','));
    });
    if (options.rng ?? true) {
        // A guest without an entropy source can block early in boot waiting for randomness;
        // "-object rng-random,id=id,filename=/dev/random: Creates a random number generator backend
        // which obtains entropy from a device on the host." /dev/urandom never blocks on the host.
        argv.push('-object', 'rng-random,id=rng0,filename=/dev/urandom', '-device', `virtio-rng-pci,rng=rng0,bus=${bus},addr=0x${RNG_SLOT.toString(16)}`);
    }
    if (options.extra)
        argv.push(...options.extra);
    return argv;
}
function validate(options) {
    if (!Number.isInteger(options.cpus) || options.cpus < 1 || options.cpus > 64) {
        throw new QemuArgvError(`cpus must be an integer from 1 to 64, got ${options.cpus}`);
    }
    if (!Number.isInteger(options.memoryMiB) || options.memoryMiB < 16) {
        throw new QemuArgvError(`memoryMiB must be an integer of at least 16, got ${options.memoryMiB}`);
    }
    for (const [name, path] of [
        ['serialSocket', options.serialSocket],
        ['qmpSocket', options.qmpSocket],
    ]) {
        if (!path)
            throw new QemuArgvError(`${name} is empty`);
        if (Buffer.byteLength(path) > MAX_SOCKET_PATH_BYTES) {
            throw new QemuArgvError(`${name} path is longer than ${MAX_SOCKET_PATH_BYTES} bytes (a unix socket limit): ${path}`);
        }
    }
    if (options.serialSocket === options.qmpSocket)
        throw new QemuArgvError('serialSocket and qmpSocket must differ');
    const disks = guestDisks(options);
    if (disks.length > MAX_DISKS)
        throw new QemuArgvError(`at most ${MAX_DISKS} disks, got ${disks.length}`);
    disks.forEach((disk, index) => {
        if (!disk.path)
            throw new QemuArgvError(`disk ${index} has an empty path`);
        if (disk.format !== 'raw' && disk.format !== 'qcow2')
            throw new QemuArgvError(`disk ${index} (${disk.path}) has unknown format ${String(disk.format)}`);
    });
    if (options.boot.kind === 'kernel' && (!options.boot.kernel || !options.boot.initrd)) {
        throw new QemuArgvError('kernel boot needs both a kernel and an initrd path');
    }
}
//# sourceMappingURL=qemu-argv.js.map
;// CONCATENATED MODULE: ./.build/src/vm/accel.js
// Which accelerator to use is a probe, not a guess: /dev/kvm can exist, open, and still not run a
// guest (nested KVM here: QEMU aborts with "failed to set MSR 0x10a" under -cpu host, or the guest
// wedges, or a KVM that emulates guest code stops it with "emulation failure"). The probe boots a
// real guest under KVM, the protected-mode boot sector of boot-sector.ts that runs a VEX/BMI2
// instruction as the Linux guest's decompressor does, and counts KVM as usable only when that
// guest's own message comes out of its serial port in time. A real-mode loop that only prints is
// not enough: on this machine's emulating KVM layer it printed, and the Linux guest then stopped.









/** KVM was asked for explicitly and does not work. */
class AccelUnavailableError extends Error {
    reason;
    constructor(reason) {
        super(`accel=kvm was requested but KVM is not usable here: ${reason}. Use accel=auto to fall back to TCG, or accel=tcg.`);
        this.reason = reason;
        this.name = 'AccelUnavailableError';
    }
}
const KVM_PROBE_MESSAGE = 'KVM-OK\n';
const DEFAULT_PROBE_TIMEOUT_MS = 8_000;
/** After SIGKILL the kernel ends the process promptly; this bounds the wait to reap it. */
const REAP_TIMEOUT_MS = 5_000;
const probeCache = new Map();
/**
 * Boots the boot-sector guest with `-accel kvm -cpu host` and waits for KVM_PROBE_MESSAGE on its
 * serial port (stdio). Never throws; always reaps QEMU. Results are cached per binary and device for
 * the life of the process (clearKvmProbeCache forgets them).
 */
function probeKvm(options = {}) {
    const qemuBinary = options.qemuBinary ?? 'qemu-system-x86_64';
    const kvmDevice = options.kvmDevice ?? '/dev/kvm';
    const key = `${qemuBinary}\0${kvmDevice}`;
    let result = probeCache.get(key);
    if (!result) {
        result = runKvmProbe(qemuBinary, kvmDevice, options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS);
        probeCache.set(key, result);
    }
    return result;
}
/**
 * The real guest showed that KVM does not work here although the probe passed (see
 * kvm-failure.ts): from now on this process treats KVM as unusable, so a retry and any later boot
 * under accel=auto take TCG.
 */
function markKvmUnusable(reason, options = {}) {
    const key = `${options.qemuBinary ?? 'qemu-system-x86_64'}\0${options.kvmDevice ?? '/dev/kvm'}`;
    probeCache.set(key, Promise.resolve({ usable: false, reason, elapsedMs: 0 }));
}
function clearKvmProbeCache() {
    probeCache.clear();
}
async function runKvmProbe(qemuBinary, kvmDevice, timeoutMs) {
    const started = Date.now();
    const done = (usable, reason) => ({
        usable,
        reason,
        elapsedMs: Date.now() - started,
    });
    try {
        // QEMU opens /dev/kvm read-write (KVM's API doc: "open /dev/kvm" then ioctls).
        await (0,promises_.access)(kvmDevice, external_node_fs_.constants.R_OK | external_node_fs_.constants.W_OK);
    }
    catch (error) {
        const code = error.code;
        return done(false, code === 'ENOENT'
            ? `${kvmDevice} does not exist`
            : `${kvmDevice} is not accessible (${code ?? error.message})`);
    }
    const dir = await (0,promises_.mkdtemp)(external_node_path_.join(external_node_os_.tmpdir(), 'fg-kvm-probe-'));
    try {
        const image = external_node_path_.join(dir, 'boot.img');
        await (0,promises_.writeFile)(image, protectedModeProbeImage(KVM_PROBE_MESSAGE));
        const argv = [
            '-nodefaults',
            '-no-user-config',
            '-display',
            'none',
            // The machine and CPU the real run uses, so a pass here means the real guest can start.
            '-machine',
            'q35',
            '-accel',
            'kvm',
            '-cpu',
            'host',
            '-smp',
            '1',
            '-m',
            '64M',
            // A triple fault or reset ends the probe instead of looping.
            '-no-reboot',
            // "-serial stdio": the guest's COM1 bytes arrive on QEMU's stdout.
            '-serial',
            'stdio',
            '-drive',
            `file=${escapeOptValue(image)},format=raw,if=virtio,readonly=on`,
        ];
        return await new Promise((resolve) => {
            const stderr = new process/* TailBuffer */.vX(4096);
            let stdout = '';
            let settled = false;
            const child = (0,external_node_child_process_.spawn)(qemuBinary, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
            const finish = (usable, reason) => {
                if (settled)
                    return;
                settled = true;
                clearTimeout(timer);
                const result = done(usable, reason);
                // Always reap: the probe guest halts forever, so it is killed, never asked.
                if (child.exitCode === null && child.signalCode === null)
                    child.kill('SIGKILL');
                void (0,process/* waitForExit */.zE)(child, REAP_TIMEOUT_MS).then(() => resolve(result));
            };
            const timer = setTimeout(() => {
                const said = (0,process/* lastLine */.fM)(stderr.text());
                finish(false, `guest did not run within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`} under KVM${said ? ` (QEMU said: ${said})` : ''}`);
            }, timeoutMs);
            child.stdout.on('data', (chunk) => {
                stdout += chunk.toString('latin1');
                if (stdout.includes(KVM_PROBE_MESSAGE))
                    finish(true, 'a protected-mode guest ran a BMI2 instruction under KVM (-cpu host) and printed its answer');
                if (stdout.length > 64 * 1024)
                    stdout = stdout.slice(-1024);
            });
            child.stderr.on('data', (chunk) => {
                stderr.push(chunk);
                // KVM could not run the guest's code; QEMU pauses the VM rather than exit, so do not wait
                // out the bound. QEMU prints its error lines, then the CPU registers (EAX=...) last.
                const text = stderr.text();
                if (/^KVM internal error/m.test(text) && /^(emulation failure|EAX=)/m.test(text)) {
                    finish(false, `KVM stopped the probe guest (${kvmErrorLines(text) || (0,process/* lastLine */.fM)(text)})`);
                }
            });
            child.on('error', (error) => finish(false, `could not start ${qemuBinary}: ${error.message}`));
            child.on('close', (code, signal) => {
                const said = describeStderr(stderr.text());
                finish(false, `QEMU exited (${signal ? `signal ${signal}` : `code ${code}`}) before the guest ran${said ? `: ${said}` : ''}`);
            });
        });
    }
    finally {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
}
/**
 * The last stderr line; when QEMU aborted on an assertion, the error line just before it says more
 * ("error: failed to set MSR 0x10a to 0x69" before "kvm_buf_set_msrs: Assertion ... failed.").
 */
function describeStderr(text) {
    const lines = text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean);
    const last = lines.at(-1) ?? '';
    if (/Assertion .* failed/.test(last) && lines.length > 1) {
        const error = lines
            .slice(0, -1)
            .reverse()
            .find((line) => /error/i.test(line));
        if (error)
            return `${error} / ${last}`;
    }
    return last;
}
/**
 * auto: probe KVM; use it when a guest really ran, else TCG with a note saying why.
 * kvm: probe; unusable is an AccelUnavailableError (the user asked for it; falling back silently
 * would turn a 10-minute job into an hour). tcg: no probe.
 */
async function chooseAccelerator(choice, options = {}) {
    if (choice === 'tcg')
        return { accelerator: 'tcg', note: 'TCG (software emulation) as requested' };
    const probe = await (options.probe ?? probeKvm)(options);
    if (probe.usable) {
        return { accelerator: 'kvm', note: `KVM: a probe guest ran under KVM in ${probe.elapsedMs} ms`, probe };
    }
    if (choice === 'kvm')
        throw new AccelUnavailableError(probe.reason);
    return {
        accelerator: 'tcg',
        note: `KVM is not usable (${probe.reason}); falling back to TCG (software emulation, much slower)`,
        probe,
    };
}
//# sourceMappingURL=accel.js.map
// EXTERNAL MODULE: ./.build/src/vm/pidfile.js
var vm_pidfile = __nccwpck_require__(3262);
// EXTERNAL MODULE: ./.build/src/vm/registry.js
var registry = __nccwpck_require__(6394);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __nccwpck_require__(7030);
;// CONCATENATED MODULE: ./.build/src/vm/unix-socket.js
// Connecting to a unix socket that another process (QEMU) creates a little later.

/** Connecting ended without a connection; says what was awaited and the last error seen. */
class SocketConnectError extends Error {
    what;
    path;
    lastError;
    timedOut;
    constructor(what, path, lastError, timedOut) {
        super(`${timedOut ? 'timed out connecting' : 'could not connect'} to ${what} at ${path}: ${lastError}`);
        this.what = what;
        this.path = path;
        this.lastError = lastError;
        this.timedOut = timedOut;
        this.name = 'SocketConnectError';
    }
}
/**
 * Connects, retrying while the socket does not exist yet (ENOENT) or nobody listens yet
 * (ECONNREFUSED), until timeoutMs has passed. Other errors fail at once.
 */
async function connectUnixWithRetry(path, options) {
    const deadline = Date.now() + options.timeoutMs;
    let lastError = 'not tried yet';
    for (;;) {
        const stop = options.shouldStop?.();
        if (stop !== undefined)
            throw new SocketConnectError(options.what, path, stop, false);
        try {
            return await new Promise((resolve, reject) => {
                const socket = external_node_net_.createConnection({ path });
                socket.once('connect', () => {
                    socket.off('error', reject);
                    resolve(socket);
                });
                socket.once('error', reject);
            });
        }
        catch (error) {
            const code = error.code;
            lastError = error.message;
            if (code !== 'ENOENT' && code !== 'ECONNREFUSED')
                throw new SocketConnectError(options.what, path, lastError, false);
        }
        const left = deadline - Date.now();
        if (left <= 0)
            throw new SocketConnectError(options.what, path, `nothing listening after ${options.timeoutMs} ms (last: ${lastError})`, true);
        await new Promise((resolve) => setTimeout(resolve, Math.min(options.retryMs, left)));
    }
}
//# sourceMappingURL=unix-socket.js.map
;// CONCATENATED MODULE: ./.build/src/vm/qmp.js
// A small QMP client over QEMU's unix socket. Protocol facts from QEMU's docs/interop/qmp-spec:
// - on connect the server sends a greeting `{"QMP": {"version": ..., "capabilities": [...]}}`;
// - the client must leave capabilities negotiation with `{"execute": "qmp_capabilities"}` before
//   any other command is accepted;
// - a command is `{"execute": NAME, "arguments": {...}, "id": ID}` and its answer is
//   `{"return": ...,"id": ID}` or `{"error": {"class": ..., "desc": ...}, "id": ID}`;
// - asynchronous events `{"event": NAME, "data": ..., "timestamp": {...}}` may arrive at any time;
// - every message is one JSON object on one line, ended by CRLF.
// Every wait here is bounded and says what it waited for.

/** QEMU answered a command with an error object. */
class QmpCommandError extends Error {
    command;
    errorClass;
    desc;
    constructor(command, errorClass, desc) {
        super(`QMP ${command} failed: ${errorClass}: ${desc}`);
        this.command = command;
        this.errorClass = errorClass;
        this.desc = desc;
        this.name = 'QmpCommandError';
    }
}
/** A QMP wait ran out of time. */
class QmpTimeoutError extends Error {
    awaited;
    timeoutMs;
    constructor(awaited, timeoutMs) {
        super(`QMP: timed out after ${timeoutMs} ms waiting for ${awaited}`);
        this.awaited = awaited;
        this.timeoutMs = timeoutMs;
        this.name = 'QmpTimeoutError';
    }
}
/** The QMP connection is closed (QEMU exited or the socket broke). */
class QmpClosedError extends Error {
    awaited;
    why;
    constructor(awaited, why) {
        super(`QMP connection closed while waiting for ${awaited}: ${why}`);
        this.awaited = awaited;
        this.why = why;
        this.name = 'QmpClosedError';
    }
}
/** Events kept for inspection; older ones are dropped. */
const MAX_KEPT_EVENTS = 1000;
class QmpClient {
    socket;
    commandTimeoutMs;
    /** Asynchronous events received so far, oldest first (bounded to the last 1000). */
    events = [];
    buffer = '';
    nextId = 1;
    pending = new Map();
    eventWaiters = [];
    eventListeners = [];
    closedWhy;
    greetingWaiter;
    greetingValue;
    closeListeners = [];
    constructor(socket, commandTimeoutMs) {
        this.socket = socket;
        this.commandTimeoutMs = commandTimeoutMs;
        socket.on('data', (chunk) => this.receive(chunk.toString('utf8')));
        socket.on('error', (error) => this.markClosed(error.message));
        socket.on('close', () => this.markClosed('socket closed'));
    }
    /**
     * Connects to the QMP socket at `path`, reads the greeting and negotiates capabilities.
     * Retries while the socket does not exist or refuses (QEMU is still starting), within timeoutMs.
     */
    static async connect(path, options = {}) {
        const timeoutMs = options.timeoutMs ?? 10_000;
        const deadline = Date.now() + timeoutMs;
        const socket = await connectUnixWithRetry(path, {
            timeoutMs,
            retryMs: options.retryMs ?? 50,
            what: 'the QMP socket',
            ...(options.shouldStop ? { shouldStop: options.shouldStop } : {}),
        });
        const client = new QmpClient(socket, options.commandTimeoutMs ?? 10_000);
        try {
            await client.awaitGreeting(Math.max(1, deadline - Date.now()));
            await client.execute('qmp_capabilities', undefined, { timeoutMs: Math.max(1, deadline - Date.now()) });
        }
        catch (error) {
            client.close();
            throw error;
        }
        return client;
    }
    get greeting() {
        return this.greetingValue;
    }
    get closed() {
        return this.closedWhy !== undefined;
    }
    /** Runs one command; resolves with its `return` value, rejects with QmpCommandError / QmpTimeoutError / QmpClosedError. */
    execute(command, args, options = {}) {
        const awaited = `the answer to ${command}`;
        if (this.closedWhy !== undefined)
            return Promise.reject(new QmpClosedError(awaited, this.closedWhy));
        const id = `fg-${this.nextId++}`;
        const timeoutMs = options.timeoutMs ?? this.commandTimeoutMs;
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
                this.pending.delete(id);
                reject(new QmpTimeoutError(awaited, timeoutMs));
            }, timeoutMs);
            this.pending.set(id, { command, resolve: resolve, reject, timer });
            const message = args === undefined ? { execute: command, id } : { execute: command, arguments: args, id };
            this.socket.write(`${JSON.stringify(message)}\r\n`);
        });
    }
    /** Calls `listener` for each event from now on. */
    onEvent(listener) {
        this.eventListeners.push(listener);
    }
    onClose(listener) {
        if (this.closedWhy !== undefined)
            listener();
        else
            this.closeListeners.push(listener);
    }
    /**
     * The first event named `name` at or after index `since` of `events` (default: only new ones),
     * within timeoutMs.
     */
    waitForEvent(name, options) {
        const seen = this.events.slice(options.since ?? this.events.length).find((event) => event.event === name);
        if (seen)
            return Promise.resolve(seen);
        const awaited = `event ${name}`;
        if (this.closedWhy !== undefined)
            return Promise.reject(new QmpClosedError(awaited, this.closedWhy));
        return new Promise((resolve, reject) => {
            const waiter = {
                name,
                resolve,
                reject,
                timer: setTimeout(() => {
                    this.eventWaiters = this.eventWaiters.filter((other) => other !== waiter);
                    reject(new QmpTimeoutError(awaited, options.timeoutMs));
                }, options.timeoutMs),
            };
            this.eventWaiters.push(waiter);
        });
    }
    close() {
        this.markClosed('closed by the host');
        this.socket.destroy();
    }
    awaitGreeting(timeoutMs) {
        if (this.greetingValue)
            return Promise.resolve(this.greetingValue);
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
                this.greetingWaiter = undefined;
                reject(new QmpTimeoutError('the greeting', timeoutMs));
            }, timeoutMs);
            this.greetingWaiter = (greeting) => {
                clearTimeout(timer);
                resolve(greeting);
            };
            this.onClose(() => {
                clearTimeout(timer);
                if (!this.greetingValue)
                    reject(new QmpClosedError('the greeting', this.closedWhy ?? 'closed'));
            });
        });
    }
    receive(text) {
        this.buffer += text;
        for (let newline = this.buffer.indexOf('\n'); newline >= 0; newline = this.buffer.indexOf('\n')) {
            const line = this.buffer.slice(0, newline).trim();
            this.buffer = this.buffer.slice(newline + 1);
            if (line)
                this.handle(line);
        }
    }
    handle(line) {
        let message;
        try {
            message = JSON.parse(line);
        }
        catch {
            return; // not QMP; nothing to match it to
        }
        if ('QMP' in message) {
            this.greetingValue = message.QMP;
            this.greetingWaiter?.(this.greetingValue);
            this.greetingWaiter = undefined;
            return;
        }
        if (typeof message.event === 'string') {
            const event = message;
            this.events.push(event);
            if (this.events.length > MAX_KEPT_EVENTS)
                this.events.splice(0, this.events.length - MAX_KEPT_EVENTS);
            for (const waiter of this.eventWaiters.filter((w) => w.name === event.event)) {
                clearTimeout(waiter.timer);
                waiter.resolve(event);
            }
            this.eventWaiters = this.eventWaiters.filter((w) => w.name !== event.event);
            for (const listener of this.eventListeners)
                listener(event);
            return;
        }
        const id = typeof message.id === 'string' ? message.id : undefined;
        const pending = id === undefined ? undefined : this.pending.get(id);
        if (!pending || id === undefined)
            return;
        this.pending.delete(id);
        clearTimeout(pending.timer);
        if ('error' in message) {
            const error = message.error;
            pending.reject(new QmpCommandError(pending.command, error.class ?? 'GenericError', error.desc ?? JSON.stringify(error)));
        }
        else {
            pending.resolve(message.return);
        }
    }
    markClosed(why) {
        if (this.closedWhy !== undefined)
            return;
        this.closedWhy = why;
        for (const pending of this.pending.values()) {
            clearTimeout(pending.timer);
            pending.reject(new QmpClosedError(`the answer to ${pending.command}`, why));
        }
        this.pending.clear();
        for (const waiter of this.eventWaiters) {
            clearTimeout(waiter.timer);
            waiter.reject(new QmpClosedError(`event ${waiter.name}`, why));
        }
        this.eventWaiters = [];
        for (const listener of this.closeListeners.splice(0))
            listener();
    }
}
//# sourceMappingURL=qmp.js.map
;// CONCATENATED MODULE: ./.build/src/vm/instance.js
// One running QEMU: start, console, QMP, diagnose (NMI, sysrq), stop. Knows QEMU, nothing of the
// guest OS. Every started QEMU is in a module-level registry so signal handlers and the post step
// can end them all (stopAll); every wait is bounded; stop() always ends with a reaped process.
//
// Start sequence (measured on QEMU 7.2): QEMU creates the QMP socket, then the serial socket and
// blocks (wait=on) until the host connects to it; only then does it open the disks, realize the
// devices and start its main loop, after which the QMP greeting is sent. So: spawn -> connect the
// console (retrying while the socket does not exist yet) -> QMP greeting + capabilities. The QMP
// greeting is the signal that QEMU got through its setup: a missing disk or a bad device makes
// QEMU exit before it, and that exit is a VmStartError carrying QEMU's stderr.










/** One sentence on how a QEMU process ended: the signal or the status, and QEMU's last stderr line. */
function describeQemuExit(pid, exit, stoppedByGate) {
    // QEMU's own info lines ("QEMU waiting for connection on: ...") say nothing about its end.
    const said = (0,process/* lastLine */.fM)(exit.stderrTail
        .split('\n')
        .filter((line) => !/^[^:]*: .*\binfo: /.test(line))
        .join('\n'));
    const words = said ? `; QEMU said: ${JSON.stringify(said.slice(0, 300))}` : '';
    if (stoppedByGate)
        return `QEMU (pid ${pid}) was stopped by the gate${words}`;
    if (exit.signal) {
        // Nothing in the run sends SIGKILL to a QEMU it has not asked to stop: someone else did.
        const who = exit.signal === 'SIGKILL'
            ? " (from outside the run: another process, or the kernel's out-of-memory killer)"
            : '';
        return `QEMU (pid ${pid}) was killed by ${exit.signal}${who}${words}`;
    }
    return `QEMU (pid ${pid}) exited with status ${exit.code}${words}`;
}
/** QEMU did not get as far as running the guest. */
class VmStartError extends Error {
    stderr;
    argv;
    constructor(message, stderr, argv) {
        super(message);
        this.stderr = stderr;
        this.argv = argv;
        this.name = 'VmStartError';
    }
}
/** QEMU survived SIGKILL for longer than the bound (a process stuck in the kernel). */
class VmStopError extends Error {
    pid;
    waitedMs;
    constructor(pid, waitedMs) {
        super(`QEMU pid ${pid} did not exit within ${waitedMs} ms of SIGTERM and SIGKILL`);
        this.pid = pid;
        this.waitedMs = waitedMs;
        this.name = 'VmStopError';
    }
}
const DEFAULT_START_TIMEOUT_MS = 30_000;
const DEFAULT_GRACE_MS = 5_000;
/** After SIGKILL the kernel ends the process promptly unless it is stuck in uninterruptible I/O. */
const KILL_WAIT_MS = 5_000;
const QMP_COMMAND_TIMEOUT_MS = 10_000;

async function startVm(options) {
    const qemuBinary = options.qemuBinary ?? 'qemu-system-x86_64';
    const decision = await chooseAccelerator(options.accel, { qemuBinary, ...options.accelOptions });
    const { runDir, ownRunDir } = await socketFolder(options.workDir);
    const serialSocket = external_node_path_.join(runDir, 'console.sock');
    const qmpSocket = external_node_path_.join(runDir, 'qmp.sock');
    const { accel: _choice, qemuBinary: _binary, workDir: _dir, startTimeoutMs: _timeout, pidfile: _pidfile, accelOptions: _accelOptions, ...argvOptions } = options;
    let argv;
    try {
        argv = buildQemuArgv({ ...argvOptions, accel: decision.accelerator, serialSocket, qmpSocket });
    }
    catch (error) {
        if (ownRunDir)
            await (0,promises_.rm)(runDir, { recursive: true, force: true });
        throw new VmStartError(`invalid VM options: ${error.message}`, '', []);
    }
    const vm = new QemuVm(qemuBinary, argv, decision.accelerator, decision.note, runDir, ownRunDir, serialSocket, qmpSocket, options.pidfile);
    await vm.start(options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS);
    return vm;
}
/** sockaddr_un.sun_path holds 107 bytes and a NUL (unix(7)); leave room for the file names. */
const MAX_SOCKET_DIR_BYTES = 107 - 'console.sock'.length - 1;
async function socketFolder(workDir) {
    if (workDir !== undefined) {
        const absolute = external_node_path_.resolve(workDir);
        if (Buffer.byteLength(absolute) <= MAX_SOCKET_DIR_BYTES) {
            await (0,promises_.mkdir)(absolute, { recursive: true });
            return { runDir: absolute, ownRunDir: false };
        }
    }
    return { runDir: await (0,promises_.mkdtemp)(external_node_path_.join(external_node_os_.tmpdir(), 'fg-vm-')), ownRunDir: true };
}
class QemuVm {
    qemuBinary;
    argv;
    accelerator;
    accelNote;
    runDir;
    ownRunDir;
    serialSocket;
    qmpSocket;
    pidfile;
    exited;
    console;
    child;
    stderr = new process/* TailBuffer */.vX(16 * 1024);
    exitValue;
    spawnError;
    qmpClient;
    qmpConnecting;
    stopping;
    pidRecord;
    constructor(qemuBinary, argv, accelerator, accelNote, runDir, ownRunDir, serialSocket, qmpSocket, pidfile) {
        this.qemuBinary = qemuBinary;
        this.argv = argv;
        this.accelerator = accelerator;
        this.accelNote = accelNote;
        this.runDir = runDir;
        this.ownRunDir = ownRunDir;
        this.serialSocket = serialSocket;
        this.qmpSocket = qmpSocket;
        this.pidfile = pidfile;
        this.console = new SocketConsole();
        // An argv array, no shell. stdin is /dev/null: QEMU has no stdio chardev here. Tied to this
        // process (parent-death signal), so QEMU dies with it even when it is SIGKILLed.
        this.child = (0,process/* spawnTiedToParent */.Fp)(this.qemuBinary, argv, { stdio: ['ignore', 'ignore', 'pipe'] }).child;
        this.child.stderr.on('data', (chunk) => this.stderr.push(chunk));
        this.exited = new Promise((resolve) => {
            this.child.on('error', (error) => {
                // Spawning failed (ENOENT, EACCES): there is no process; 'close' still follows.
                this.spawnError = error;
            });
            // 'close' follows 'exit' once stderr has drained, so the tail is complete.
            this.child.on('close', (code, signal) => {
                this.exitValue = { code, signal, stderrTail: this.stderr.text() };
                (0,registry/* unregisterVm */.en)(this);
                this.console.destroy();
                this.qmpClient?.close();
                void this.cleanupFiles().finally(() => resolve(this.exitValue));
            });
        });
        // The serial chardev argument holds the run's unique socket path: what a pidfile matches on.
        // Its start time (unchanged by setpriv's exec) tells it from a later process with a recycled pid.
        const startTicks = this.child.pid !== undefined ? (0,vm_pidfile/* processStartTicks */.MD)(this.child.pid) : undefined;
        this.pidRecord = {
            pid: this.child.pid ?? -1,
            startedAt: new Date().toISOString(),
            cmdlineHint: escapeOptValue(serialSocket),
            ...(startTicks !== undefined ? { startTicks } : {}),
        };
        if (this.child.pid !== undefined)
            (0,registry/* registerVm */.lY)(this);
    }
    get pid() {
        return this.child.pid ?? -1;
    }
    async start(timeoutMs) {
        const deadline = Date.now() + timeoutMs;
        const exitedReason = () => {
            if (this.spawnError)
                return `could not start QEMU: ${this.spawnError.message}`;
            if (this.child.exitCode !== null || this.child.signalCode !== null || this.exitValue)
                return 'QEMU exited';
            return undefined;
        };
        try {
            if (this.child.pid === undefined) {
                await this.exited;
                throw new Error(`could not start QEMU: ${this.spawnError?.message ?? 'no pid'}`);
            }
            if (this.pidfile) {
                await (0,vm_pidfile/* writePidfile */.Zx)(this.pidfile, this.pidRecord);
            }
            const socket = await connectUnixWithRetry(this.serialSocket, {
                timeoutMs: Math.max(1, deadline - Date.now()),
                retryMs: 25,
                what: 'the serial console socket',
                shouldStop: exitedReason,
            });
            this.console.attach(socket);
            this.qmpClient = await this.raceExit(QmpClient.connect(this.qmpSocket, {
                timeoutMs: Math.max(1, deadline - Date.now()),
                commandTimeoutMs: QMP_COMMAND_TIMEOUT_MS,
                shouldStop: exitedReason,
            }));
        }
        catch (error) {
            // Whatever failed, QEMU must not outlive the failed start.
            const endedByItself = this.child.exitCode !== null || this.child.signalCode !== null;
            const exit = await this.stop({ graceMs: 1_000 }).catch(() => this.exitValue);
            const stderr = exit?.stderrTail ?? this.stderr.text();
            const said = (0,process/* lastLine */.fM)(stderr);
            if (this.spawnError) {
                throw new VmStartError(`could not run ${this.qemuBinary}: ${this.spawnError.message}`, stderr, this.argv);
            }
            // A signal QEMU died of before the gate stopped it is the host's (or QEMU's own crash): name it.
            const exitText = !exit
                ? ''
                : endedByItself && exit.signal
                    ? `; QEMU was killed by ${exit.signal}`
                    : `; exit ${exit.signal ?? exit.code}`;
            throw new VmStartError(`QEMU did not start${said ? `: ${said}` : ''} (${error.message}${exitText})`, stderr, this.argv);
        }
    }
    /** Rejects as soon as QEMU exits, so a start step never waits out its whole bound on a dead QEMU. */
    raceExit(promise) {
        return Promise.race([
            promise,
            this.exited.then((exit) => {
                throw new Error(`QEMU exited (${exit.signal ?? `code ${exit.code}`})`);
            }),
        ]);
    }
    qmp() {
        if (this.qmpClient && !this.qmpClient.closed)
            return Promise.resolve(this.qmpClient);
        if (this.exitValue)
            return Promise.reject(new Error(`QEMU pid ${this.pid} has exited; no QMP`));
        const exited = () => (this.exitValue ? 'QEMU exited' : undefined);
        this.qmpConnecting ??= this.raceExit(QmpClient.connect(this.qmpSocket, {
            timeoutMs: 10_000,
            commandTimeoutMs: QMP_COMMAND_TIMEOUT_MS,
            shouldStop: exited,
        }))
            .then((client) => {
            this.qmpClient = client;
            return client;
        })
            .finally(() => {
            this.qmpConnecting = undefined;
        });
        return this.qmpConnecting;
    }
    stop(options = {}) {
        this.stopping ??= this.doStop(options.graceMs ?? DEFAULT_GRACE_MS);
        return this.stopping;
    }
    async doStop(graceMs) {
        if (this.exitValue)
            return this.exited;
        if (this.child.pid === undefined)
            return this.exited;
        // 1. Ask QEMU to quit (QMP "quit": "This command will cause the QEMU process to exit
        //    gracefully"). Only when QMP is already up: connecting now could itself take the grace.
        if (this.qmpClient && !this.qmpClient.closed) {
            // The answer may not come before the socket closes; the exit is what counts.
            void this.qmpClient.execute('quit', undefined, { timeoutMs: graceMs }).catch(() => undefined);
            if (await (0,process/* waitForExit */.zE)(this.child, graceMs))
                return this.exited;
        }
        // 2. SIGTERM: QEMU catches it and exits cleanly ("terminating on signal 15"). A stopped QEMU
        //    (SIGSTOP) only acts on it once continued.
        this.child.kill('SIGCONT');
        this.child.kill('SIGTERM');
        if (await (0,process/* waitForExit */.zE)(this.child, graceMs))
            return this.exited;
        // 3. SIGKILL.
        this.child.kill('SIGKILL');
        if (await (0,process/* waitForExit */.zE)(this.child, KILL_WAIT_MS))
            return this.exited;
        throw new VmStopError(this.pid, graceMs + KILL_WAIT_MS);
    }
    async wedge() {
        // QMP "stop": "Stop all guest VCPU execution."
        await (await this.qmp()).execute('stop');
    }
    async resume() {
        await (await this.qmp()).execute('cont');
    }
    async sendSysrq(key) {
        if (!/^[a-z0-9]$/.test(key))
            throw new Error(`sysrq key must be one lower-case letter or digit, got ${JSON.stringify(key)}`);
        // QMP "send-key": keys are pressed in order and released in reverse; QKeyCode names "alt",
        // "sysrq", "a".."z", "0".."9" (qapi/ui.json). hold-time is the press duration in ms.
        await (await this.qmp()).execute('send-key', {
            keys: [
                { type: 'qcode', data: 'alt' },
                { type: 'qcode', data: 'sysrq' },
                { type: 'qcode', data: key },
            ],
            'hold-time': 200,
        });
    }
    async nmi() {
        // QMP "inject-nmi": "Injects a Non-Maskable Interrupt into the default CPU (x86/s390) or - all CPUs (ppc64)."
        await (await this.qmp()).execute('inject-nmi');
    }
    async queryStatus(options = {}) {
        const status = await (await this.qmp()).execute('query-status', undefined, options);
        return { status: status.status, running: status.running };
    }
    stderrText() {
        return this.stderr.text();
    }
    killedBy() {
        if (this.stopping !== undefined)
            return undefined;
        return this.exitValue?.signal ?? undefined;
    }
    async describeEnd(waitMs = 5_000) {
        const stoppedByGate = this.stopping !== undefined;
        let timer;
        const exit = await Promise.race([
            this.exited,
            new Promise((resolve) => {
                timer = setTimeout(() => resolve(undefined), waitMs);
            }),
        ]).finally(() => clearTimeout(timer));
        if (!exit)
            return `QEMU (pid ${this.pid}) closed the serial console but was still running ${waitMs / 1000} s later`;
        return describeQemuExit(this.pid, exit, stoppedByGate);
    }
    async cleanupFiles() {
        const removals = [];
        if (this.pidfile)
            removals.push((0,promises_.rm)(this.pidfile, { force: true }));
        if (this.ownRunDir)
            removals.push((0,promises_.rm)(this.runDir, { recursive: true, force: true }));
        else
            removals.push((0,promises_.rm)(this.serialSocket, { force: true }), (0,promises_.rm)(this.qmpSocket, { force: true }));
        await Promise.allSettled(removals);
    }
}
const MAX_EARLY_BYTES = 16 * 1024 * 1024;
/** The serial console over the unix socket; keeps early bytes until someone listens. */
class SocketConsole {
    socket;
    dataListeners = [];
    closeListeners = [];
    early = [];
    earlyBytes = 0;
    isClosed = false;
    get closed() {
        return this.isClosed;
    }
    attach(socket) {
        this.socket = socket;
        socket.on('data', (chunk) => {
            if (this.dataListeners.length > 0) {
                for (const listener of this.dataListeners)
                    listener(chunk);
                return;
            }
            // Nobody listens yet: keep the bytes (bounded; a console nobody reads is a caller's bug).
            this.early.push(chunk);
            this.earlyBytes += chunk.length;
            while (this.earlyBytes > MAX_EARLY_BYTES && this.early.length > 1)
                this.earlyBytes -= this.early.shift().length;
        });
        socket.on('error', () => this.markClosed());
        socket.on('close', () => this.markClosed());
    }
    write(data) {
        if (this.isClosed || !this.socket)
            return;
        this.socket.write(data);
    }
    onData(listener) {
        this.dataListeners.push(listener);
        if (this.dataListeners.length === 1 && this.early.length > 0) {
            const early = this.early;
            this.early = [];
            this.earlyBytes = 0;
            for (const chunk of early)
                listener(chunk);
        }
    }
    onClose(listener) {
        if (this.isClosed)
            listener();
        else
            this.closeListeners.push(listener);
    }
    destroy() {
        this.socket?.destroy();
        this.markClosed();
    }
    markClosed() {
        if (this.isClosed)
            return;
        this.isClosed = true;
        for (const listener of this.closeListeners.splice(0))
            listener();
    }
}
//# sourceMappingURL=instance.js.map
;// CONCATENATED MODULE: ./.build/src/vm/reachability.js
// Can the host reach QEMU itself? A guest that stopped answering is only a hung guest when QEMU is
// alive, scheduled and answering QMP with its vCPUs running; a stopped, dead or silent QEMU is the
// runner's problem (verdict `error`, naming QEMU), never the tree's.

/** How long QMP may take to answer query-status before QEMU counts as silent. */
const QMP_PROBE_TIMEOUT_MS = 3_000;
/**
 * The scheduler state letter of a process, from /proc/PID/stat (proc(5): "pid (comm) state ...",
 * comm may hold spaces and parentheses, so the state follows the last ") "); undefined when gone.
 */
function processState(pid, readStat = (p) => (0,external_node_fs_.readFileSync)(`/proc/${p}/stat`, 'utf8')) {
    let stat;
    try {
        stat = readStat(pid);
    }
    catch {
        return undefined;
    }
    const close = stat.lastIndexOf(') ');
    return close < 0 ? undefined : stat.slice(close + 2, close + 3);
}
/** proc(5) states: T stopped (by a signal), t tracing stop, Z zombie, X dead. */
function describeState(pid, state) {
    if (state === undefined)
        return `QEMU (pid ${pid}) is not running`;
    if (state === 'T' || state === 't')
        return `QEMU (pid ${pid}) is stopped (process state ${state}: SIGSTOP, a job-control stop or a debugger), so its guest could not run`;
    if (state === 'Z' || state === 'X')
        return `QEMU (pid ${pid}) has exited (process state ${state})`;
    return undefined;
}
async function qemuReachability(vm, readState = processState) {
    const before = describeState(vm.pid, readState(vm.pid));
    if (before)
        return { reachable: false, why: before };
    let status;
    try {
        status = await vm.queryStatus({ timeoutMs: QMP_PROBE_TIMEOUT_MS });
    }
    catch (error) {
        // The process may have been stopped or ended while QMP was asked: say that rather than the timeout.
        const after = describeState(vm.pid, readState(vm.pid));
        return {
            reachable: false,
            why: after ?? `QEMU (pid ${vm.pid}) did not answer QMP query-status: ${error.message}`,
        };
    }
    if (!status.running) {
        // paused (QMP stop), internal-error, io-error, shutdown, guest-panicked...: the vCPUs do not run,
        // so nothing says the guest's kernel hung.
        return {
            reachable: false,
            why: `QEMU (pid ${vm.pid}) answers but does not run the guest: its status is ${status.status}`,
        };
    }
    return { reachable: true, status: status.status };
}
//# sourceMappingURL=reachability.js.map
;// CONCATENATED MODULE: ./.build/src/vm/host-disk-errors.js
// A guest disk whose host file cannot be written (the output folder's file system filled up, went
// read-only, or failed): QEMU emits the QMP event BLOCK_IO_ERROR (qapi/block-core.json: device,
// node-name, operation, action, nospace, reason). With the devices' default werror ("enospc": stop
// on ENOSPC, report anything else) a full disk pauses the VM, so the console simply goes silent
// and a command waits out its whole timeout; any other error reaches the guest as an I/O error,
// which can fail a build or a test that the tree is then blamed for. Either way it is the host's
// fault, and this watch says so at once, naming the host file.
/** The host could not read or write a guest disk's file: the gate's (the runner's) fault, never the tree's. */
class HostDiskError extends Error {
    file;
    operation;
    reason;
    noSpace;
    paused;
    constructor(file, operation, reason, noSpace, paused) {
        super(`the host could not ${operation} the guest disk ${file}: ${reason}` +
            (noSpace ? ' (the file system holding it is full)' : '') +
            (paused ? '; QEMU paused the guest' : '; QEMU passed the I/O error to the guest'));
        this.file = file;
        this.operation = operation;
        this.reason = reason;
        this.noSpace = noSpace;
        this.paused = paused;
        this.name = 'HostDiskError';
    }
}
/**
 * Calls `onError` once, at the first BLOCK_IO_ERROR. `files` maps QEMU's node names (`disk0`,
 * `disk1`: src/vm/qemu-argv.ts) to the host files behind them. Returns a function that stops watching.
 */
async function watchHostDiskErrors(vm, files, onError) {
    let active = true;
    const qmp = await vm.qmp();
    qmp.onEvent((event) => {
        if (!active || event.event !== 'BLOCK_IO_ERROR')
            return;
        active = false;
        const data = (event.data ?? {});
        const node = data['node-name'] ?? data.device ?? '';
        onError(new HostDiskError(files[node] ?? (node ? `node ${node}` : 'of unknown node'), data.operation === 'read' ? 'read' : 'write', data.reason ?? 'I/O error', data.nospace === true, data.action === 'stop'));
    });
    return () => {
        active = false;
    };
}
//# sourceMappingURL=host-disk-errors.js.map
// EXTERNAL MODULE: ./.build/src/action/host-deps.js
var host_deps = __nccwpck_require__(8585);
;// CONCATENATED MODULE: ./.build/src/gate/vm-start-failure.js
// A QEMU that did not start, said in the user's terms: what to install, which input to change.
// QEMU's own line stays in the message; this adds what the user can do about it.




/** MemAvailable of /proc/meminfo (proc(5): "An estimate of how much memory is available for starting new applications"), in MiB. */
function availableMemoryMiB(meminfo = readMeminfo()) {
    const kib = /^MemAvailable:\s+(\d+) kB$/m.exec(meminfo ?? '')?.[1];
    return kib === undefined ? undefined : Math.floor(Number(kib) / 1024);
}
function readMeminfo() {
    try {
        return (0,external_node_fs_.readFileSync)('/proc/meminfo', 'utf8');
    }
    catch {
        return undefined;
    }
}
/**
 * QEMU's words for an option or a value it does not know (QEMU 7.2 qapi/qmp/qerror.h QERR_*, and
 * qemu-options handling in softmmu/vl.c): an older or differently built QEMU than the gate expects.
 */
const REFUSED_OPTION = /invalid option|Invalid parameter|Parameter '[^']+' (expects|is missing)|is not a valid|unsupported|property '[^']+' not found|not found|unknown/i;
/** The QEMU the gate was developed and tested with (Debian 12's qemu-system-x86). */
const TESTED_QEMU = '7.2';
/**
 * A QEMU that refused the gate's command line: the same failure, saying which QEMU it is (its
 * `--version` line) and which one the gate is tested with; the error as it was otherwise.
 */
async function withQemuVersion(error, qemuBinary = 'qemu-system-x86_64') {
    if (!(error instanceof VmStartError) || !REFUSED_OPTION.test((0,process/* lastLine */.fM)(error.stderr)))
        return error;
    const version = await (0,process/* runBounded */.Bb)(qemuBinary, ['--version'], { timeoutMs: 5_000 });
    const line = version.stdout.split('\n')[0]?.trim();
    if (!line)
        return error;
    return new VmStartError(`${error.message} [${qemuBinary} is ${line}; the gate is tested with QEMU ${TESTED_QEMU}]`, error.stderr, error.argv);
}
/** The same failure with what to do about it, or the error as it was. */
function explainVmStartFailure(error, config, meminfo) {
    if (!(error instanceof VmStartError))
        return error;
    const missing = (0,host_deps/* missingQemu */.Lq)().filter((m) => m.command === 'qemu-system-x86_64');
    if (missing.length > 0 && /could not run qemu-system-x86_64/.test(error.message))
        return new VmStartError(`${(0,host_deps/* installHint */.J8)(missing)} (${error.message})`, error.stderr, error.argv);
    // QEMU 7.2 softmmu/vl.c / backends: "cannot set up guest memory 'pc.ram': Cannot allocate memory".
    if (/cannot set up guest memory|Cannot allocate memory/.test(error.stderr)) {
        const available = availableMemoryMiB(meminfo ?? readMeminfo());
        return new VmStartError(`the guest's memory (the memory input, ${config.memoryMiB} MiB) is more than this host could give QEMU` +
            `${available === undefined ? '' : ` (${available} MiB available now)`}: lower memory. ${error.message}`, error.stderr, error.argv);
    }
    return error;
}
//# sourceMappingURL=vm-start-failure.js.map
// EXTERNAL MODULE: ./.build/src/gate/host-files.js
var host_files = __nccwpck_require__(6067);
// EXTERNAL MODULE: ./.build/src/gate/evidence.js + 1 modules
var evidence = __nccwpck_require__(6085);
// EXTERNAL MODULE: ./.build/src/payload/tar-disk.js + 1 modules
var tar_disk = __nccwpck_require__(1058);
;// CONCATENATED MODULE: ./.build/src/gate/boot.js
// From a configuration to a guest at a root shell: which guest and image (plan), then QEMU and
// the console (boot), with one clean retry from a fresh overlay when a boot fails.




















async function planGuest(config, io) {
    const workDir = external_node_path_.join(config.outDir, '.work');
    // An earlier run with this output folder may have been killed with its QEMU still running: end
    // that QEMU before its records go.
    for (const ended of await (0,vm_pidfile/* endRecordedQemus */.PQ)(workDir)) {
        if (ended.killed || ended.unresolved)
            io.warn(`an earlier run's QEMU: ${ended.note}`);
    }
    (0,external_node_fs_.rmSync)(workDir, { recursive: true, force: true });
    // A full output disk is a clear error now, not an ENOSPC in the middle of the boot.
    (0,evidence/* assertOutputSpace */.C_)(config.outDir);
    (0,external_node_fs_.mkdirSync)(workDir, { recursive: true });
    const serialLogPath = external_node_path_.join(config.outDir, 'serial.log');
    if (config.guest === 'linux') {
        const configFile = external_node_path_.join(workDir, 'gate-config.json');
        (0,external_node_fs_.writeFileSync)(configFile, JSON.stringify({ workloads: config.workloads, fixtureOptions: config.fixtureOptions, fault: config.fault ?? null }, null, 2));
        if (config.linuxFuseTree) {
            const { planLinuxTreeGuest } = await Promise.resolve(/* import() */).then(__nccwpck_require__.bind(__nccwpck_require__, 1546));
            return planLinuxTreeGuest(config, io, { workDir, serialLogPath, configFile });
        }
        // Only here: a Linux tree run boots the generic guest its plan asks for, not this one.
        const image = await (0,linux_guest_for_run/* linuxGuestForRun */.N)(config, io, 'cloud');
        return {
            adapter: new linux/* LinuxGuest */.lj(image),
            media: async () => ({
                kind: 'kernel',
                kernel: image.kernel,
                initrd: image.initrd,
                append: image.append,
            }),
            imageInfo: {
                description: `Linux test guest, kernel ${image.kernelRelease}`,
                path: image.dir,
                why: `guest linux: the test guest built from Debian packages${image.rebuiltBecause ? ` (${image.rebuiltBecause})` : ''}`,
            },
            tcgThread: 'single',
            // The user's server folder rides along as it is (prebuilt programs and their libraries).
            payload: [
                { hostPath: configFile, guestPath: 'gate-config.json' },
                ...(config.fuseServerSource ? [{ hostPath: config.fuseServerSource, guestPath: 'fuse-server' }] : []),
            ],
            serialLogPath,
            workDir,
        };
    }
    const { planFreebsdGuest } = await __nccwpck_require__.e(/* import() */ 171).then(__nccwpck_require__.bind(__nccwpck_require__, 171));
    return planFreebsdGuest(config, io, { workDir, serialLogPath });
}
/** The blank results disk the guest packs its results onto. */
const RESULTS_DISK_MIB = 256;
async function bootGuest(config, plan, io, stop, report, options = {}) {
    const workDir = options.workDir ?? plan.workDir;
    (0,external_node_fs_.mkdirSync)(workDir, { recursive: true });
    const payloadDisk = external_node_path_.join(workDir, 'payload.tar');
    const resultsDisk = external_node_path_.join(workDir, 'results.img');
    const payload = await (0,host_files/* writingHostFile */.Fn)(payloadDisk, 'the payload disk', () => (0,tar_disk/* writeTarDisk */.My)(plan.payload, payloadDisk));
    let payloadBytes = payload.diskBytes;
    if (options.payloadDiskBytes) {
        // A hole past the archive: costs nothing on the host, and QEMU fixes a disk's size when it opens it.
        payloadBytes = Math.max(payloadBytes, options.payloadDiskBytes(payload.archiveBytes));
        (0,external_node_fs_.truncateSync)(payloadDisk, payloadBytes);
    }
    // The run the guest serves now: its io, its stop signal, its serial log (a session hands it over).
    let runIo = io;
    let runStop = stop;
    let logPath = plan.serialLogPath;
    const logStates = new Map();
    let logState;
    const openLog = (file, append = false) => {
        const stream = (0,external_node_fs_.createWriteStream)(file, { flags: append ? 'a' : 'w' });
        const state = { stream, pushed: 0 };
        logState = state;
        logStates.set(file, state);
        // A write error (the disk filled up during the run) must not end the process: the console goes on.
        stream.on('error', (error) => {
            const code = error.code;
            if (state.code === undefined)
                runIo.warn(`serial log ${file} is incomplete: ${code ? (0,host_files/* describeWriteErrno */.DT)(code) : error.message}`);
            state.code ??= code ?? error.message;
        });
        return stream;
    };
    let log = openLog(logPath, options.appendLog);
    const writeLog = (chunk) => {
        if (logState)
            logState.pushed += Buffer.byteLength(chunk);
        if (logState?.code === undefined)
            log.write(chunk);
    };
    const serialLogFailure = (file) => {
        const state = logStates.get(file);
        return state?.code === undefined
            ? undefined
            : { code: state.code, missingBytes: Math.max(0, state.pushed - state.stream.bytesWritten) };
    };
    const boot = async (attempt) => {
        report.bootAttempts = attempt;
        await (0,host_files/* writingHostFile */.Fn)(resultsDisk, `the ${RESULTS_DISK_MIB} MiB results disk`, () => (0,tar_disk/* createBlankDisk */.WO)(resultsDisk, RESULTS_DISK_MIB));
        const media = await plan.media(attempt);
        const vmDisks = [
            { path: payloadDisk, format: 'raw', readonly: true },
            { path: resultsDisk, format: 'raw' },
        ];
        const vm = await startVm({
            accel: config.accel,
            cpus: config.cpus,
            memoryMiB: config.memoryMiB,
            boot: media,
            ...(plan.tcgThread ? { tcgThread: plan.tcgThread } : {}),
            disks: vmDisks,
            workDir: external_node_path_.join(workDir, `vm${attempt}`),
            pidfile: external_node_path_.join(workDir, `qemu${attempt}.pid.json`),
        }).catch(async (error) => {
            throw await withQemuVersion(explainVmStartFailure(error, config));
        });
        io.onVmStarted?.(external_node_path_.join(workDir, `qemu${attempt}.pid.json`));
        io.onVm?.(vm);
        if (attempt === 1 && vm.accelerator === 'tcg' && config.accel === 'auto')
            io.warn(`using TCG software emulation: ${vm.accelNote}`);
        let consoleBytes = 0;
        const console = new serial_console/* SerialConsole */.oc(vm.console, {
            profile: plan.adapter.console,
            nonce: (0,markers/* newNonce */.Yd)(),
            rawLog: (chunk) => {
                consoleBytes += chunk.length;
                writeLog(chunk);
            },
            onLine: (line) => runIo.consoleLine(line),
        });
        const onStop = () => console.abort(new errors/* CancelledError */.cc(String(runStop.reason ?? 'SIGTERM')));
        stop.addEventListener('abort', onStop, { once: true });
        // For the whole run: KVM stopping the guest ends whatever waits on the console, at once.
        const unwatchKvmOnly = vm.accelerator === 'kvm'
            ? await watchKvmFailure(vm, (failure) => console.abort(failure))
            : () => undefined;
        // So does a guest disk the host cannot write (the output folder full or read-only).
        const diskFiles = Object.fromEntries(guestDisks({ boot: media, disks: vmDisks }).map((disk, index) => [`disk${index}`, disk.path]));
        const unwatchDisks = await watchHostDiskErrors(vm, diskFiles, (failure) => console.abort(failure));
        const unwatchKvm = () => {
            unwatchKvmOnly();
            unwatchDisks();
        };
        try {
            await console.login(config.bootTimeoutSec * 1000);
        }
        catch (caught) {
            stop.removeEventListener('abort', onStop);
            unwatchKvm();
            // How QEMU ended is known only before the gate stops it.
            const error = caught instanceof errors/* ConsoleClosedError */.gp
                ? caught.withQemuEnd(await vm.describeEnd(), vm.killedBy())
                : caught;
            await vm.stop();
            if (vm.accelerator === 'kvm' &&
                !(error instanceof KvmFailedError) &&
                error instanceof shell/* CommandTimeoutError */.$ &&
                consoleBytes === 0) {
                // A guest that printed not one byte under KVM, when KVM was only probed: treat it as KVM failing.
                throw new KvmFailedError(`the guest printed nothing under KVM within ${config.bootTimeoutSec} s`);
            }
            throw error;
        }
        const disks = plan.adapter.disks(media.kind === 'disk' ? 1 : 0);
        const booted = {
            adapter: plan.adapter,
            console,
            disks,
            accelerator: vm.accelerator,
            acceleratorNote: vm.accelNote,
            serialLogPath: plan.serialLogPath,
            serialLogText: () => (0,external_node_fs_.readFileSync)(logPath, 'latin1'),
            hostDisks: { payload: payloadDisk, results: resultsDisk, payloadBytes },
            reboot: async () => {
                // A new boot phase (the console resets its boot-loop count), then the new kernel's login.
                await console.reboot(plan.adapter.console.rebootCommand ?? 'reboot', config.bootTimeoutSec * 1000);
                return booted;
            },
            diagnose: () => diagnoseWedgedGuest(vm, console, booted.adapter.backstop()),
            qemuEnd: () => vm.describeEnd(),
            serialLogFailure,
            qemuProblem: async () => {
                const reach = await qemuReachability(vm);
                return reach.reachable ? undefined : reach.why;
            },
            teardown: async (resultsDir) => {
                runStop.removeEventListener('abort', onStop);
                unwatchKvm();
                await vm.stop();
                await new Promise((resolve) => log.end(resolve));
                if (resultsDir)
                    await booted.readResults(resultsDir);
            },
            readResults: async (resultsDir) => {
                await (0,tar_disk/* readTarDisk */.JO)(resultsDisk, resultsDir).catch((error) => runIo.warn(`reading the results disk: ${(0,host_files/* folderWriteProblem */.XC)(resultsDir) ?? error.message}`));
            },
            handOver: async (next) => {
                await new Promise((resolve) => log.end(resolve));
                runStop.removeEventListener('abort', onStop);
                runIo = next.io;
                runStop = next.stop;
                booted.adapter = next.adapter;
                booted.serialLogPath = logPath = next.serialLogPath;
                log = openLog(logPath);
                if (runStop.aborted)
                    onStop();
                else
                    runStop.addEventListener('abort', onStop, { once: true });
            },
        };
        return booted;
    };
    // The probe passed but the real guest could not run under KVM: the same attempt again under TCG.
    // This is the accelerator failing, not the boot, so the boot keeps its own retry.
    const bootWithFallback = async (attempt) => {
        try {
            return await boot(attempt);
        }
        catch (error) {
            if (!(error instanceof KvmFailedError) || config.accel !== 'auto' || stop.aborted)
                throw error;
            markKvmUnusable(error.message);
            io.warn(`KVM could not run the guest (${error.message}); booting again under TCG software emulation`);
            writeLog(`\n===== fusefs-gate: ${error.message}; booting again under TCG =====\n`);
            return await boot(attempt);
        }
    };
    try {
        try {
            return await bootWithFallback(1);
        }
        catch (error) {
            if (!isRetryableBootFailure(error) || stop.aborted)
                throw error;
            io.warn(`boot attempt 1 failed (${error.message.split('\n')[0]}); retrying once from a fresh overlay`);
            writeLog(`\n===== fusefs-gate: boot attempt 1 failed: ${error.message.split('\n')[0]}; retrying =====\n`);
            return await bootWithFallback(2);
        }
    }
    catch (error) {
        // No guest to tear down later: finish the serial log here, so the evidence is complete.
        await new Promise((resolve) => log.end(resolve));
        throw error;
    }
}
/** How long the backstop waits for a wedged guest to print anything after it was poked. */
const DIAGNOSE_WAIT_MS = 3000;
async function diagnoseWedgedGuest(vm, console, plan) {
    const reach = await qemuReachability(vm);
    // A stopped, dead, silent or paused QEMU: its guest's silence says nothing about the guest's kernel.
    if (!reach.reachable)
        return { notes: [reach.why], qemuFault: reach.why };
    const notes = [`QEMU reports the guest ${reach.status}`];
    return { notes: await askWedgedGuest(vm, console, plan, notes) };
}
/** Layer 2 proper: ask a running but silent guest for stacks with what its kernel has. */
async function askWedgedGuest(vm, console, plan, notes) {
    if (plan.kind === 'none')
        return [...notes, `no outside way to ask for stacks: ${plan.why}`];
    try {
        if (plan.kind === 'sysrq') {
            const answered = console.waitForQuiet(500, DIAGNOSE_WAIT_MS * 3);
            await vm.sendSysrq(plan.key);
            notes.push(`sent Alt+SysRq+${plan.key.toUpperCase()}`);
            notes.push((await answered)
                ? 'the guest printed a dump after it (see the serial log)'
                : 'the guest printed nothing after it');
            return notes;
        }
        // ddb: an NMI stops the kernel in the debugger; each command's output ends at the next prompt.
        await vm.nmi();
        notes.push('sent an NMI');
        await awaitDdbPrompt(console, DIAGNOSE_WAIT_MS);
        // Each command's answer is checked for ddb's error lines: a prompt alone is no success.
        notes.push(...describeDdbSteps(await runDdbCommands(console, plan.commands, 30_000)));
    }
    catch (error) {
        notes.push(`the backstop stopped: ${error.message.split('\n')[0]}`);
    }
    return notes;
}
/**
 * A boot that never reached a shell, looped, or panicked in the stock kernel gets one more try; so
 * does a QEMU that exited on its own (a guest reset under -no-reboot). A QEMU killed by a signal it
 * was not sent by the gate (SIGKILL from outside or the OOM killer, its own SIGSEGV or SIGABRT) is
 * the host's failure, not the guest's boot: the run ends in `error` saying so, at once.
 */
function isRetryableBootFailure(error) {
    return (error instanceof shell/* CommandTimeoutError */.$ ||
        error instanceof errors/* BootLoopError */.bS ||
        error instanceof errors/* GuestPanicError */.uI ||
        (error instanceof errors/* ConsoleClosedError */.gp && error.qemuKilledBy === undefined));
}
//# sourceMappingURL=boot.js.map

/***/ }),

/***/ 6085:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  C_: () => (/* binding */ assertOutputSpace),
  nP: () => (/* binding */ writeEvidence)
});

// UNUSED EXPORTS: MIN_OUTPUT_FREE_BYTES, OutOfSpaceError, formatBytes, freeBytes, renderStacksText

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./.build/src/constants.js
var constants = __nccwpck_require__(1402);
// EXTERNAL MODULE: ./.build/src/gate/host-files.js
var host_files = __nccwpck_require__(6067);
// EXTERNAL MODULE: ./.build/src/report/signature.js
var signature = __nccwpck_require__(2428);
;// CONCATENATED MODULE: ./.build/src/report/junit.js
// JUnit XML for the run: one <testsuite>, one <testcase> per TestResult, in the common
// (Jenkins / junit-10) dialect that GitHub test reporters read.

/**
 * Characters XML 1.0 allows (https://www.w3.org/TR/xml/#charsets): #x9 #xA #xD [#x20-#xD7FF]
 * [#xE000-#xFFFD] [#x10000-#x10FFFF]. Everything else (NUL, ESC from colored output, lone
 * surrogates, U+FFFE/U+FFFF) cannot appear even escaped, so it is written as visible text.
 */
function replaceIllegal(text) {
    let out = '';
    for (const ch of text) {
        const c = ch.codePointAt(0);
        const legal = c === 0x9 ||
            c === 0xa ||
            c === 0xd ||
            (c >= 0x20 && c <= 0xd7ff) ||
            (c >= 0xe000 && c <= 0xfffd) ||
            (c >= 0x10000 && c <= 0x10ffff);
        out += legal ? ch : `\\x{${c.toString(16)}}`;
    }
    return out;
}
/** Escape element text. */
function escapeText(text) {
    return replaceIllegal(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** Escape an attribute value (double-quoted); newlines and tabs kept as character references. */
function escapeAttr(text) {
    return escapeText(text)
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&apos;')
        .replace(/\n/g, '&#10;')
        .replace(/\r/g, '&#13;')
        .replace(/\t/g, '&#9;');
}
function seconds(ms) {
    return (Math.max(0, Number.isFinite(ms) ? ms : 0) / 1000).toFixed(3);
}
/** `workload/mmap-write` -> class `workload`, name `mmap-write`. */
function splitName(name) {
    const slash = name.indexOf('/');
    if (slash <= 0)
        return { classname: 'fusefs-gate', name };
    return { classname: name.slice(0, slash), name: name.slice(slash + 1) };
}
function formatStack(t) {
    const head = [
        t.pid !== undefined ? `pid ${t.pid}` : '',
        t.tid !== undefined ? `tid ${t.tid}` : '',
        t.comm,
        t.state ? `state ${t.state}` : '',
        t.wchan ? `wchan ${t.wchan}` : '',
    ]
        .filter((s) => s !== '')
        .join(' ');
    const frames = t.frames.map((f) => `  ${f.fn}${f.offset !== undefined ? `+${f.offset}` : ''}${f.size !== undefined ? `/${f.size}` : ''}${f.module ? ` [${f.module}]` : ''}`);
    return [head, ...frames].join('\n');
}
const MAX_BODY = 64 * 1024;
function failureBody(t, report) {
    const parts = [];
    if (t.message)
        parts.push(t.message);
    const sig = t.threads && t.threads.length > 0 ? (0,signature/* signatureOf */.yK)(t.threads) : report.signature;
    if ((t.status === 'hang' || t.status === 'panic') && sig)
        parts.push(`signature: ${sig}`);
    if ((t.status === 'hang' || t.status === 'panic') && report.knownBug)
        parts.push(`known bug: ${report.knownBug.title} ${report.knownBug.url}`);
    if (t.threads && t.threads.length > 0)
        parts.push(t.threads.map(formatStack).join('\n\n'));
    if (t.status === 'panic' && report.panicText)
        parts.push(report.panicText);
    if (t.output)
        parts.push(`--- output ---\n${t.output}`);
    const body = parts.join('\n\n');
    return body.length > MAX_BODY ? `${body.slice(0, MAX_BODY)}\n... (truncated)` : body;
}
function failureMessage(t, report) {
    const sig = t.threads && t.threads.length > 0 ? (0,signature/* signatureOf */.yK)(t.threads) : report.signature;
    if (t.status === 'hang')
        return sig ? `hang: ${sig}` : (t.message ?? 'hang');
    if (t.status === 'panic')
        return sig ?? t.message ?? 'kernel panic';
    return t.message ?? t.status;
}
/** Phases that run after the verdict's phase was over, whatever the verdict: never the phase to name. */
const AFTERWARDS = new Set(['backstop', 'collect', 'teardown']);
/** The phase a run ended in: the first that did not finish well, else the last; phases run afterwards aside. */
function failedPhase(report) {
    const phases = report.phases.filter((p) => !AFTERWARDS.has(p.phase));
    return (phases.find((p) => p.outcome !== 'ok') ?? phases.at(-1))?.phase ?? 'start';
}
/**
 * An `error` that no test carries (the gate broke before or between tests) is a case of its own,
 * named after the phase: a suite of 0 tests and 0 errors shows green on dashboards.
 */
function casesOf(report) {
    if (report.verdict !== 'error' || report.tests.some((t) => t.status === 'error'))
        return report.tests;
    const phase = failedPhase(report);
    return [
        ...report.tests,
        {
            name: `fusefs-gate/${phase}`,
            status: 'error',
            durationMs: report.phases.find((p) => p.phase === phase)?.durationMs ?? 0,
            iteration: report.tests.at(-1)?.iteration ?? 1,
            message: `error during ${phase}: ${report.reason}`,
        },
    ];
}
/** The JUnit XML document for a report. */
function renderJunit(report) {
    const tests = casesOf(report);
    const iterations = new Set(tests.map((t) => t.iteration)).size;
    const count = (pred) => tests.filter(pred).length;
    const failures = count((t) => t.status === 'fail' || t.status === 'hang' || t.status === 'panic');
    const errors = count((t) => t.status === 'error');
    const skipped = count((t) => t.status === 'skipped');
    const time = seconds(tests.reduce((s, t) => s + t.durationMs, 0));
    const suiteAttrs = `name="fusefs-gate" tests="${tests.length}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${time}"`;
    const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites ${suiteAttrs}>`];
    const timestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.exec(report.startedAt)?.[0];
    lines.push(`  <testsuite ${suiteAttrs}${timestamp ? ` timestamp="${timestamp}"` : ''}>`);
    lines.push('    <properties>');
    const props = [
        ['verdict', report.verdict],
        ['reason', report.reason],
        ['guest', report.guest],
        ['accelerator', report.accelerator],
        ['signature', report.signature],
        ['known-bug', report.knownBug ? `${report.knownBug.id} ${report.knownBug.url}` : undefined],
    ];
    for (const [k, v] of props)
        if (v !== undefined)
            lines.push(`      <property name="${escapeAttr(k)}" value="${escapeAttr(v)}"/>`);
    lines.push('    </properties>');
    for (const t of tests) {
        const { classname, name } = splitName(t.name);
        const fullName = iterations > 1 ? `${name} [iteration ${t.iteration}]` : name;
        const open = `    <testcase name="${escapeAttr(fullName)}" classname="${escapeAttr(classname)}" time="${seconds(t.durationMs)}"`;
        switch (t.status) {
            case 'pass':
                lines.push(`${open}/>`);
                break;
            case 'skipped':
                lines.push(`${open}>`, `      <skipped${t.message ? ` message="${escapeAttr(t.message)}"` : ''}/>`, '    </testcase>');
                break;
            case 'error':
                lines.push(`${open}>`, `      <error message="${escapeAttr(t.message ?? 'error')}" type="error">${escapeText(failureBody(t, report))}</error>`, '    </testcase>');
                break;
            default:
                lines.push(`${open}>`, `      <failure message="${escapeAttr(failureMessage(t, report))}" type="${t.status}">${escapeText(failureBody(t, report))}</failure>`, '    </testcase>');
        }
    }
    lines.push('  </testsuite>', '</testsuites>');
    return `${lines.join('\n')}\n`;
}
//# sourceMappingURL=junit.js.map
// EXTERNAL MODULE: ./.build/src/report/summary.js
var summary = __nccwpck_require__(5638);
;// CONCATENATED MODULE: ./.build/src/gate/evidence.js
// The files a run leaves behind: report.json, stacks.txt, junit.xml, summary.md and serial.log,
// written whatever the verdict, so a workflow can upload them and a person can read them. A file
// that cannot be written (a full disk) never loses the verdict: what could be written stays, and
// the run becomes the gate's own `error`, saying which files are missing, where, and how much space
// they needed.






/** A run needs at least this much free in the output folder: disks, serial log, evidence. */
const MIN_OUTPUT_FREE_BYTES = 8 * 1024 * 1024;
/** The output folder cannot hold what the run must write. */
class OutOfSpaceError extends Error {
    constructor(message) {
        super(message);
        this.name = 'OutOfSpaceError';
    }
}
/** Bytes an unprivileged writer may still use on the file system holding `dir` (statfs f_bavail), or undefined. */
function freeBytes(dir) {
    try {
        const stats = (0,external_node_fs_.statfsSync)(dir);
        return Number(stats.bavail) * Number(stats.bsize);
    }
    catch {
        return undefined;
    }
}
/** Human size: 512 B, 36.0 KiB, 8.0 MiB. */
function formatBytes(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    if (bytes < 1024 * 1024)
        return `${(bytes / 1024).toFixed(1)} KiB`;
    return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
/**
 * Before any work: the output folder must have room for the run (payload and results disks, the
 * serial log, the report). Throws OutOfSpaceError naming the folder, what is free and what is missing.
 */
function assertOutputSpace(outDir, needBytes = MIN_OUTPUT_FREE_BYTES) {
    const free = freeBytes(outDir);
    if (free === undefined || free >= needBytes)
        return;
    throw new OutOfSpaceError(`not enough free space in the output folder ${outDir}: ${formatBytes(free)} free, a run needs at least ${formatBytes(needBytes)} (${formatBytes(needBytes - free)} missing)`);
}
/** Writes `text` to `file`; on failure removes what was partly written (a truncated report misleads). */
function tryWrite(file, text) {
    try {
        (0,external_node_fs_.writeFileSync)(file, text);
        return undefined;
    }
    catch (error) {
        (0,external_node_fs_.rmSync)(file, { force: true });
        return {
            name: external_node_path_.basename(file),
            bytes: Buffer.byteLength(text),
            code: error.code ?? error.message,
        };
    }
}
/** Writes the evidence files; never throws. Returns the files that were written. */
function writeEvidence(outDir, report, serialLogPath, 
/** The serial log stopped taking the console during the run (its writer's errno, the bytes it lacks). */
serialLogFailure) {
    const paths = {
        stacks: external_node_path_.join(outDir, 'stacks.txt'),
        junit: external_node_path_.join(outDir, 'junit.xml'),
        summary: external_node_path_.join(outDir, 'summary.md'),
        report: external_node_path_.join(outDir, 'report.json'),
    };
    const serialLog = serialLogPath && (0,external_node_fs_.existsSync)(serialLogPath) ? { serialLog: serialLogPath } : {};
    const decided = { verdict: report.verdict, reason: report.reason };
    // A log cut short is kept (what it has is evidence), and listed with the files that are missing.
    const failures = serialLogFailure
        ? [
            {
                name: 'serial.log (cut short)',
                bytes: serialLogFailure.missingBytes,
                code: serialLogFailure.code,
                label: 'the end of serial.log',
            },
        ]
        : [];
    const written = () => ({
        ...Object.fromEntries(Object.entries(paths).filter(([, file]) => !failures.some((f) => f.name === external_node_path_.basename(file)))),
        ...serialLog,
    });
    report.files = { ...paths, ...serialLog };
    const parts = [
        [paths.stacks, () => renderStacksText(report)],
        [paths.junit, () => renderJunit(report)],
        [paths.summary, () => (0,summary/* renderSummary */.Br)(report, { stacksFile: external_node_path_.basename(paths.stacks) })],
    ];
    for (const [file, render] of parts) {
        const failure = tryWrite(file, render());
        if (failure)
            failures.push(failure);
    }
    if (failures.length > 0)
        markUnwritten(report, outDir, failures, decided);
    report.files = written();
    const failure = tryWrite(paths.report, `${JSON.stringify(report, null, 2)}\n`);
    if (failure) {
        // The full report did not fit: say so, and try a compact one without the captured stacks and
        // panic text (the bulk of it; stacks.txt has them when it fit). The verdict reaches stdout and
        // the action's outputs either way.
        failures.push({ ...failure, label: 'the full report.json' });
        markUnwritten(report, outDir, failures, decided);
        const compact = { ...report, threads: [], files: { ...written(), report: paths.report } };
        delete compact.panicText;
        const compactText = `${JSON.stringify(compact, null, 2)}\n`;
        if (!tryWrite(paths.report, compactText))
            failures.pop();
        report.files = written();
    }
    return report.files;
}
/** The run could not leave its evidence: the gate's own `error`, whatever the tests had said. */
function markUnwritten(report, outDir, failures, decided) {
    const free = freeBytes(outDir);
    const needed = failures.reduce((sum, f) => sum + f.bytes, 0);
    const codes = [...new Set(failures.map((f) => f.code))];
    const full = codes.some((code) => code === 'ENOSPC' || code === 'EDQUOT');
    // Space freed since (another job's files went): the serial log was cut while the disk was full.
    const freedSince = full && free !== undefined && free >= needed;
    const why = freedSince
        ? `the file system was full during the run (${formatBytes(free)} is free now)`
        : full
            ? `the file system is full: they needed ${formatBytes(needed)}, ${free === undefined ? 'an unknown amount' : formatBytes(free)} is free` +
                (free === undefined ? '' : ` (${formatBytes(Math.max(1, needed - free))} missing at least)`)
            : codes.map((code) => (0,host_files/* describeWriteErrno */.DT)(code)).join(', ');
    const files = failures.map((f) => `${f.label ?? f.name} (${formatBytes(f.bytes)})`).join(', ');
    report.verdict = 'error';
    report.reason = `could not write the evidence in ${outDir}: ${files} not written, ${why}; the run itself had decided ${decided.verdict}: ${decided.reason}`;
    report.exitCode = constants/* EXIT */.dc.error;
}
/** Every captured thread, one block each, for the full dump file the summary links to. */
function renderStacksText(report) {
    const parts = [];
    if (report.signature)
        parts.push(`signature: ${report.signature}`);
    if (report.knownBug)
        parts.push(`known bug: ${report.knownBug.title} ${report.knownBug.url}`);
    for (const thread of report.threads)
        parts.push(formatThread(thread));
    if (report.panicText)
        parts.push(`panic text:\n${report.panicText}`);
    if (parts.length === 0)
        parts.push('no kernel stacks were captured in this run');
    return `${parts.join('\n\n')}\n`;
}
function formatThread(thread) {
    const head = [
        thread.comm,
        thread.pid !== undefined ? `pid ${thread.pid}` : '',
        thread.tid !== undefined ? `tid ${thread.tid}` : '',
        thread.state ? `state ${thread.state}` : '',
        thread.wchan ? `wchan ${thread.wchan}` : '',
        thread.sample !== undefined ? `sample ${thread.sample}` : '',
        `(${thread.format})`,
    ]
        .filter(Boolean)
        .join(' ');
    const frames = thread.frames.map((f) => `  ${f.fn}${f.offset ? `+${f.offset}` : ''}${f.module ? ` [${f.module}]` : ''}${f.file ? ` (${f.file}${f.line ? `:${f.line}` : ''})` : ''}`);
    return [head, ...frames].join('\n');
}
//# sourceMappingURL=evidence.js.map

/***/ }),

/***/ 6067:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   DT: () => (/* binding */ describeWriteErrno),
/* harmony export */   Fn: () => (/* binding */ writingHostFile),
/* harmony export */   XC: () => (/* binding */ folderWriteProblem)
/* harmony export */ });
/* unused harmony exports fileSizeLimitBytes, HostFileError */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
// A host file the run must write (a disk image, the serial log, the evidence) that could not be
// written: one sentence naming the file, the errno and what the errno means on this host, instead
// of node's bare "EFBIG: file too large, ftruncate".


/** What an errno of a failed write means for the folder the file is in. */
const WRITE_FAILURE_HINTS = {
    ENOSPC: ' (the file system holding it is full)',
    EDQUOT: ' (the disk quota there is used up)',
    EROFS: ' (the file system holding it is read-only)',
    EACCES: ' (the folder is not writable by this user)',
    EPERM: ' (the folder is not writable by this user)',
    ENOENT: ' (its folder was removed during the run)',
    EIO: ' (the disk holding it failed)',
};
/**
 * The soft RLIMIT_FSIZE of this process from /proc/self/limits (proc(5): "Max file size  <soft>
 * <hard> bytes"), in bytes; undefined when unlimited or unknown.
 */
function fileSizeLimitBytes(limits = readLimits()) {
    const soft = /^Max file size\s+(\S+)\s+\S+\s+bytes\s*$/m.exec(limits ?? '')?.[1];
    return soft === undefined || soft === 'unlimited' ? undefined : Number(soft);
}
function readLimits() {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)('/proc/self/limits', 'utf8');
    }
    catch {
        return undefined;
    }
}
/** `ENOSPC (the file system holding it is full)`; EFBIG names the process's file size limit. */
function describeWriteErrno(code, limits) {
    if (code === 'EFBIG') {
        const limit = fileSizeLimitBytes(limits);
        return `EFBIG (larger than this process may write: its file size limit, ulimit -f, is ${limit === undefined ? 'set' : `${Math.floor(limit / 1024)} KiB`})`;
    }
    return `${code}${WRITE_FAILURE_HINTS[code] ?? ''}`;
}
/** A host file the run needs could not be written. */
class HostFileError extends Error {
    file;
    code;
    constructor(file, code, what) {
        super(`cannot write ${what} ${file}: ${describeWriteErrno(code)}`);
        this.file = file;
        this.code = code;
        this.name = 'HostFileError';
    }
}
/** Runs `write`; a failure with an errno becomes a HostFileError naming `what` and `file`. */
async function writingHostFile(file, what, write) {
    try {
        return await write();
    }
    catch (error) {
        const code = error.code;
        if (typeof code !== 'string')
            throw error;
        throw new HostFileError(file, code, what);
    }
}
/**
 * Why nothing can be written into `dir` (or the nearest folder above it that exists), or undefined
 * when it can: node's recursive mkdir reports ENOENT on a read-only file system, which would send a
 * reader looking for a removed folder.
 */
function folderWriteProblem(dir) {
    let existing = dir;
    while (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(existing) && node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(existing) !== existing)
        existing = node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(existing);
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.accessSync)(existing, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.W_OK);
        return undefined;
    }
    catch (error) {
        const code = error.code;
        return code ? `${existing}: ${describeWriteErrno(code)}` : undefined;
    }
}
//# sourceMappingURL=host-files.js.map

/***/ }),

/***/ 3418:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ linuxGuestForRun)
/* harmony export */ });
/* harmony import */ var _image_linux_guest_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6914);

async function linuxGuestForRun(config, io, flavour) {
    const image = await (0,_image_linux_guest_js__WEBPACK_IMPORTED_MODULE_0__/* .ensureLinuxGuest */ .Lr)(config.cacheDir, config.buildTimeoutSec * 1000, (line) => io.consoleLine(line), flavour, io.signal);
    if (image.rebuiltBecause)
        io.warn(`Linux test guest: ${image.rebuiltBecause}`);
    return image;
}
//# sourceMappingURL=linux-guest-for-run.js.map

/***/ }),

/***/ 1546:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  g: () => (/* binding */ moduleBuildDir),
  planLinuxTreeGuest: () => (/* binding */ planLinuxTreeGuest)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./.build/src/guest/common.js
var common = __nccwpck_require__(5943);
// EXTERNAL MODULE: ./.build/src/guest/linux.js
var linux = __nccwpck_require__(8938);
;// CONCATENATED MODULE: ./.build/src/guest/linux-tree.js


/** Where the payload puts the built module (under /gate). */
const TREE_MODULE_PAYLOAD_PATH = 'target/fuse.ko';
const MODULE_IN_GUEST = `${common/* GATE_DIR */.Wd}/${TREE_MODULE_PAYLOAD_PATH}`;
/** kernel/module/sysfs.c: the notes of a loaded module, one binary file per ELF note section. */
const BUILD_ID_NOTE = '/sys/module/fuse/notes/.note.gnu.build-id';
class LinuxTreeGuest extends linux/* LinuxGuest */.lj {
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
                ...(b.linkErrors.length ? { linkErrors: b.linkErrors } : {}),
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
var linux_guest = __nccwpck_require__(6914);
// EXTERNAL MODULE: ./.build/src/gate/linux-guest-for-run.js
var linux_guest_for_run = __nccwpck_require__(3418);
// EXTERNAL MODULE: ./.build/src/linux-tree/choose-build.js
var choose_build = __nccwpck_require__(3417);
// EXTERNAL MODULE: ./.build/src/linux-tree/module-build.js
var module_build = __nccwpck_require__(7816);
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
    if (config.linuxTreeBuild?.mode === 'kernel') {
        const { planLinuxKernelGuest } = await __nccwpck_require__.e(/* import() */ 761).then(__nccwpck_require__.bind(__nccwpck_require__, 9761));
        return planLinuxKernelGuest(config, io, paths);
    }
    const tree = config.linuxFuseTree;
    const image = await (0,linux_guest_for_run/* linuxGuestForRun */.N)(config, io, 'generic');
    if (!image.moduleBuildDir)
        throw new linux_guest/* GuestBuildError */.P1(`the generic Linux guest in ${image.dir} names no kernel headers for module builds`, '');
    // build auto chose a module from the guest kernel's series (src/linux-tree/choose-build.ts).
    const series = `${choose_build/* GUEST_KERNEL_SERIES */.DE.version}.${choose_build/* GUEST_KERNEL_SERIES */.DE.patchlevel}.`;
    if (!image.kernelRelease.startsWith(series))
        throw new linux_guest/* GuestBuildError */.P1(`the generic Linux guest runs ${image.kernelRelease}, not the Linux ${series}x series the build choice assumed (GUEST_KERNEL_SERIES)`, '');
    const why = `${config.linuxTreeBuild?.why ?? `build ${config.build}`}; the guest kernel ${image.kernelRelease} has CONFIG_FUSE_FS=m, so the tree's fuse.ko replaces the packaged driver`;
    // Built before the boot: the module travels on the payload disk. A compile error still boots the
    // guest, so the verdict comes from the same place as every other build outcome.
    const build = await io.group('Build fs/fuse on the host', () => (0,module_build/* buildFuseModule */.kc)({
        tree,
        kernelBuildDir: image.moduleBuildDir,
        buildDir: moduleBuildDir(config.cacheDir, tree, image.kernelRelease),
        moduleDir: paths.workDir,
        timeoutMs: config.buildTimeoutSec * 1000,
        log: (message) => io.note(message),
        signal: io.signal,
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

/***/ }),

/***/ 8695:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  R: () => (/* binding */ runGate)
});

// UNUSED EXPORTS: mergeGtest

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: ./.build/src/console/errors.js
var errors = __nccwpck_require__(6298);
// EXTERNAL MODULE: ./.build/src/guest/shell.js
var shell = __nccwpck_require__(1686);
// EXTERNAL MODULE: ./.build/src/report/stacks.js + 1 modules
var stacks = __nccwpck_require__(5612);
// EXTERNAL MODULE: ./.build/src/report/signature.js
var signature = __nccwpck_require__(2428);
// EXTERNAL MODULE: ./.build/src/report/catalogue.js + 1 modules
var catalogue = __nccwpck_require__(7862);
// EXTERNAL MODULE: ./.build/src/console/serial-console.js
var serial_console = __nccwpck_require__(6421);
// EXTERNAL MODULE: ./.build/src/console/markers.js
var markers = __nccwpck_require__(7953);
// EXTERNAL MODULE: ./.build/src/guest/common.js
var common = __nccwpck_require__(5943);
;// CONCATENATED MODULE: ./.build/src/watchdog/compare.js
function threadKey(thread) {
    return `${thread.pid ?? '?'}/${thread.tid ?? '?'}`;
}
function frameNames(thread) {
    return thread.frames.map((frame) => frame.fn).join(' ');
}
/**
 * `testPids`: the test's own process tree at the first sample (the watchdog's `tree:` marker). A
 * sample also holds other threads (Linux: every task in D; FreeBSD: every thread in fuse/vm/vfs
 * frames) for the report, but only the test's threads say whether the test moved: a kernel worker
 * that ends between the samples is not progress. Without the list, every thread counts.
 */
function compareSamples(first, second, testPids) {
    const own = testPids && testPids.size > 0
        ? first.filter((thread) => thread.pid !== undefined && testPids.has(thread.pid))
        : first;
    const deciding = own.length > 0 ? own : first;
    if (deciding.length === 0)
        return { stuck: false, explanation: 'the first sample found no thread of the test' };
    const later = new Map(second.map((thread) => [threadKey(thread), thread]));
    for (const thread of deciding) {
        const again = later.get(threadKey(thread));
        if (!again)
            return {
                stuck: false,
                explanation: `thread ${threadKey(thread)} (${thread.comm}) was gone in the second sample`,
            };
        if (frameNames(again) !== frameNames(thread)) {
            return {
                stuck: false,
                explanation: `thread ${threadKey(thread)} (${thread.comm}) moved from ${thread.frames[0]?.fn ?? '?'} to ${again.frames[0]?.fn ?? '?'}`,
            };
        }
        if (thread.cpuTicks !== undefined && again.cpuTicks !== undefined && again.cpuTicks !== thread.cpuTicks) {
            return {
                stuck: false,
                explanation: `thread ${threadKey(thread)} (${thread.comm}) made progress between the samples (CPU time or finished system calls: ${thread.cpuTicks} -> ${again.cpuTicks})`,
            };
        }
        if (thread.state !== undefined && again.state !== undefined && again.state !== thread.state) {
            return {
                stuck: false,
                explanation: `thread ${threadKey(thread)} (${thread.comm}) changed state ${thread.state} -> ${again.state}`,
            };
        }
    }
    return {
        stuck: true,
        explanation: `${deciding.length} thread(s) asleep at the same frames in both samples`,
    };
}
//# sourceMappingURL=compare.js.map
;// CONCATENATED MODULE: ./.build/src/watchdog/run-test.js
// Layer 1 of the watchdog seen from the host: start a test under guest/watchdog.sh, follow its
// markers, and turn them into a TestResult. When the markers stop coming, the guest itself is
// wedged: that is for the host backstop (GuestUnresponsiveError), not for this layer.





const DEFAULT_WATCHDOG = {
    gapSec: 1,
    graceMs: 8_000,
    captureMs: 30_000,
};
/** The guest stopped answering during a test; carries what was seen before it went silent. */
class GuestUnresponsiveError extends Error {
    test;
    stage;
    partialSamples;
    lastOutput;
    constructor(test, stage, partialSamples, lastOutput) {
        super(`the guest stopped responding during ${test} (${stage})`);
        this.test = test;
        this.stage = stage;
        this.partialSamples = partialSamples;
        this.lastOutput = lastOutput;
        this.name = 'GuestUnresponsiveError';
    }
}
/**
 * The guest watchdog ended (its command's `end:` marker) without the test marker it should have
 * printed first: it refused its arguments or broke. The gate's own failure, never the tree's.
 */
class WatchdogBrokeError extends Error {
    test;
    stage;
    exitStatus;
    output;
    constructor(test, stage, exitStatus, output) {
        super(`the guest watchdog ended (exit ${exitStatus}) while the host waited for ${stage} of ${test}${output.trim() ? `: ${output.trim().split('\n').slice(-3).join(' | ')}` : ''}`);
        this.test = test;
        this.stage = stage;
        this.exitStatus = exitStatus;
        this.output = output;
        this.name = 'WatchdogBrokeError';
    }
}
/** Seconds as watchdog.sh reads TIMEOUT_S: a whole number or up to three decimals, never an exponent. */
function watchdogSeconds(seconds) {
    const ms = Math.round(seconds * 1000);
    return ms % 1000 === 0 ? String(ms / 1000) : (ms / 1000).toFixed(3).replace(/0+$/, '');
}
let testCounter = 0;
const MAX_OUTPUT = 64 * 1024;
async function runUnderWatchdog(console, adapter, spec, iteration, settings) {
    const nonce = console.nonce;
    const id = `t${++testCounter}`;
    const started = Date.now();
    const watchdog = `sh ${common/* BIN_DIR */.k6}/watchdog.sh ${nonce} ${id} ${watchdogSeconds(settings.timeoutSec)} ${settings.gapSec} -- ${spec.command}`;
    const name = spec.name;
    // Every wait before the last also watches for the watchdog command's own end marker: once it is
    // there no test marker can follow, so waiting on would turn the gate's failure into a false hang.
    const endMarker = `end:${id}:(\\d+)`;
    const step = async (pattern, timeoutMs, stage, partial = []) => {
        let match;
        try {
            match = await console.expect((0,markers/* markerPattern */.vi)(nonce, `(?:(?:${pattern})|${endMarker})`), {
                timeoutMs,
                awaited: `${stage} of ${name}`,
            });
        }
        catch (error) {
            if (error instanceof shell/* CommandTimeoutError */.$)
                throw new GuestUnresponsiveError(name, stage, partial, error.lastOutput);
            throw error;
        }
        const ended = match[match.length - 1];
        if (ended !== undefined)
            throw new WatchdogBrokeError(name, stage, Number(ended), (0,serial_console/* stripMarkerLines */.qx)(match.before, nonce));
        return match;
    };
    const finalEnd = async (partial = []) => {
        try {
            await console.expect((0,markers/* markerPattern */.vi)(nonce, endMarker), {
                timeoutMs: 15_000,
                awaited: `the watchdog exit of ${name}`,
            });
        }
        catch (error) {
            if (error instanceof shell/* CommandTimeoutError */.$)
                throw new GuestUnresponsiveError(name, 'the watchdog exit', partial, error.lastOutput);
            throw error;
        }
    };
    console.send(`${(0,markers/* framedCommand */.VP)(nonce, id, watchdog)}\n`);
    await step(`begin:${id}`, 15_000, 'the start');
    const first = await step(`test:${id}:(exit|deadline):(\\d+)(?::(\\d+))?`, settings.timeoutSec * 1000 + settings.graceMs, 'the end or the deadline');
    const output = trimOutput((0,serial_console/* stripMarkerLines */.qx)(first.before, nonce));
    if (first[1] === 'exit') {
        const status = Number(first[2]);
        const elapsed = Number(first[3] ?? Date.now() - started);
        await finalEnd();
        return {
            result: {
                name,
                status: status === 0 ? 'pass' : 'fail',
                durationMs: elapsed,
                iteration,
                output,
                ...(status === 0
                    ? {}
                    : {
                        message: `exited with status ${status}${failureLineOf(output) ? `: ${failureLineOf(output)}` : ''}`,
                    }),
            },
            samples: [],
        };
    }
    // Past the deadline: two samples, then the guest watchdog's word on whether the test is still there.
    const samplesText = [];
    const sample1 = await step('sample:1:end', settings.captureMs, 'the first stack sample', samplesText);
    samplesText.push(sample1.before);
    const sample2 = await step('sample:2:end', settings.gapSec * 1000 + settings.captureMs, 'the second stack sample', samplesText);
    samplesText.push(sample2.before);
    const last = await step(`test:${id}:(late-exit|stuck):(\\d+)(?::(\\d+))?`, 15_000, 'the watchdog verdict', samplesText);
    await finalEnd(samplesText);
    const samples = samplesText.map((text, index) => adapter.parseSample(sampleBody(text, nonce)).map((thread) => ({ ...thread, sample: index + 1 })));
    const [before, after] = [samples[0] ?? [], samples[1] ?? []];
    const deadlineMs = settings.timeoutSec * 1000;
    if (last[1] === 'late-exit') {
        return {
            result: {
                name,
                status: 'fail',
                durationMs: Number(last[3] ?? deadlineMs),
                iteration,
                output,
                message: `timed out while making progress: passed its ${settings.timeoutSec} s deadline and finished during the second sample (status ${last[2]})`,
                threads: before,
            },
            samples,
        };
    }
    const comparison = compareSamples(before, after, testTreeOf(samplesText[0] ?? '', nonce));
    return {
        result: {
            name,
            status: comparison.stuck ? 'hang' : 'fail',
            durationMs: Number(last[2]),
            iteration,
            output,
            message: comparison.stuck
                ? `did not finish within ${settings.timeoutSec} s: ${comparison.explanation}`
                : `timed out while making progress (${settings.timeoutSec} s deadline): ${comparison.explanation}`,
            threads: before,
        },
        samples,
    };
}
/** The test's process tree the watchdog printed in a sample (`tree:PID,PID,...`); empty when absent. */
function testTreeOf(sampleText, nonce) {
    const tree = (0,markers/* markerPattern */.vi)(nonce, 'tree:([0-9,]*)').exec(sampleText);
    return new Set((tree?.[1] ?? '').split(',').filter(Boolean).map(Number));
}
/** The text of a sample block, without its begin marker line. */
function sampleBody(text, nonce) {
    const begin = (0,markers/* markerPattern */.vi)(nonce, 'sample:\\d+:begin').exec(text);
    return begin ? text.slice(begin.index + begin[0].length) : text;
}
function trimOutput(text) {
    return text.length > MAX_OUTPUT
        ? `[... ${text.length - MAX_OUTPUT} bytes cut ...]\n${text.slice(-MAX_OUTPUT)}`
        : text;
}
/**
 * The line that says why a test failed: the last one saying `failed` (the workloads' error format,
 * docs/guest-protocol.md), since a second process may print after it; else the last line.
 */
function failureLineOf(text) {
    const lines = text
        .trim()
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
    return lines.findLast((line) => /\bfailed\b/.test(line)) ?? lines.at(-1);
}
//# sourceMappingURL=run-test.js.map
;// CONCATENATED MODULE: ./.build/src/gate/phases.js
class PhaseClock {
    onStart;
    onEnd;
    phases = [];
    current;
    constructor(onStart = () => { }, onEnd = () => { }) {
        this.onStart = onStart;
        this.onEnd = onEnd;
    }
    async run(phase, work) {
        const started = Date.now();
        this.current = phase;
        this.onStart(phase);
        try {
            const result = await work();
            this.end({ phase, durationMs: Date.now() - started, outcome: 'ok' });
            return result;
        }
        catch (error) {
            this.end({
                phase,
                durationMs: Date.now() - started,
                outcome: outcomeOf(error),
                note: error.message?.slice(0, 300),
            });
            throw error;
        }
        finally {
            this.current = undefined;
        }
    }
    end(timing) {
        this.phases.push(timing);
        this.onEnd(timing);
    }
}
function outcomeOf(error) {
    const name = error?.name ?? '';
    if (name === 'CancelledError')
        return 'cancelled';
    if (/Timeout/.test(name))
        return 'timeout';
    return 'failed';
}
//# sourceMappingURL=phases.js.map
// EXTERNAL MODULE: ./.build/src/gate/verdict.js
var verdict = __nccwpck_require__(8782);
;// CONCATENATED MODULE: ./.build/src/gate/blame.js
// Blame (ARCHITECTURE "Rules that decide between verdicts"): what the tree under test causes is its
// verdict; what the stock guest, the gate or the runner causes is `error`; nothing ran is never a
// pass. Pure: what ended the run (an Outcome), what was loaded and the phase in; verdict and reason
// out. src/gate/run.ts says what happened and writes the report; this module says whose it was.




/** An outcome run.ts decided itself (a failed build or proof, an empty selection): it ends the run early. */
class Decided extends Error {
    outcome;
    constructor(outcome) {
        super(outcome.kind);
        this.outcome = outcome;
        this.name = 'Decided';
    }
}
/** The guest went silent during a test or a command, and the host could not reach a running QEMU either. */
class QemuUnreachableError extends Error {
    test;
    why;
    constructor(test, why) {
        super(`${why}: the guest could not be reached during ${test}; nothing says its kernel hung`);
        this.test = test;
        this.why = why;
        this.name = 'QemuUnreachableError';
    }
}
/** What a thrown error says happened. */
function blame_outcomeOf(error) {
    const message = error?.message ?? String(error);
    if (error instanceof Decided)
        return error.outcome;
    if (error instanceof errors/* CancelledError */.cc)
        return { kind: 'cancelled', signal: error.signal };
    if (error instanceof errors/* GuestPanicError */.uI)
        return { kind: 'panic' };
    if (error instanceof QemuUnreachableError)
        return { kind: 'qemu-unreachable', message };
    if (error instanceof WatchdogBrokeError)
        return { kind: 'watchdog-broke', message };
    if (error instanceof GuestUnresponsiveError)
        return { kind: 'guest-unresponsive', test: error.test, stage: error.stage };
    if (error instanceof errors/* ConsoleClosedError */.gp)
        return { kind: 'qemu-exited', message };
    if (error instanceof shell/* CommandTimeoutError */.$)
        return { kind: 'command-timeout', message, timeoutMs: error.timeoutMs, lastOutput: error.lastOutput };
    if (error instanceof errors/* BootLoopError */.bS)
        return { kind: 'boot-loop', message, lastOutput: error.lastOutput };
    // src/guest/common.ts MountError, by name: the guest adapters throw it.
    if (error?.name === 'MountError')
        return { kind: 'mount-failed', message };
    return { kind: 'other', message };
}
/** Whose an outcome is, as a verdict and the reason the report gives. */
function blame(outcome, context) {
    const decision = (verdict, reason) => ({ verdict, reason });
    const { phase } = context;
    switch (outcome.kind) {
        case 'tests-finished': {
            const decided = (0,verdict/* verdictOfTests */.ai)([...outcome.tests]);
            if (!decided)
                return decision('error', 'no test ran: nothing ran is never a pass');
            if (decided === 'pass')
                return decision('pass', `all ${outcome.tests.length} test(s) passed`);
            const worst = outcome.tests.find((t) => t.status === decided);
            return decision(decided, `${worst.name}: ${worst.message ?? worst.status}`);
        }
        case 'selection-empty':
            return decision('error', 'the test selection is empty: nothing ran is never a pass');
        case 'build-failed': {
            // Compiler and link errors are the tree's (fail); a build that broke otherwise is the gate's (error).
            const first = firstLine(outcome.tail) ?? 'see the build log';
            return outcome.blame === 'tree'
                ? decision('fail', `the target tree did not build: ${first}`)
                : decision('error', `building or loading the target failed: ${first}`);
        }
        case 'load-refused':
            return decision('fail', outcome.why);
        case 'proof-failed':
            return decision('error', `the code under test is not what runs: ${outcome.details.filter(Boolean).join('; ')}`);
        case 'cancelled':
            return decision('error', outcome.signal === 'job-timeout'
                ? `job-timeout ran out during ${phase}`
                : `cancelled by ${outcome.signal} during ${phase}`);
        case 'panic':
            // A panic of the stock kernel before the tree's code is loaded is the runner's problem, not the
            // tree's; the Linux test guest loads no tree, so its panics count from the mount on.
            return phase === 'tests' || phase === 'mount' || context.targetLoaded
                ? decision('panic', `the guest kernel panicked during ${phase}`)
                : decision('error', `the stock guest kernel panicked during ${phase}, before the code under test was loaded`);
        case 'qemu-unreachable':
            return decision('error', outcome.message);
        case 'watchdog-broke':
            return decision('error', `${phase}: ${outcome.message}`);
        case 'guest-unresponsive':
            return decision('hang', `guest unresponsive during ${outcome.test}: the guest stopped answering while waiting for ${outcome.stage}`);
        case 'qemu-exited':
            return decision('error', `QEMU exited during ${phase}: ${outcome.message}`);
        case 'command-timeout': {
            if (phase !== 'boot')
                return decision('error', `${phase}: ${outcome.message}`);
            const attempts = context.bootAttempts === 1 ? '1 attempt' : `${context.bootAttempts} attempts`;
            return decision('error', `boot did not reach a shell in ${Math.round(outcome.timeoutMs / 1000)} s (${attempts}); last console lines: ${outcome.lastOutput.trim().slice(-400)}`);
        }
        case 'boot-loop':
            return decision('error', `boot: the guest rebooted in a loop (${context.bootAttempts} attempts): ${outcome.message}; last console lines: ${outcome.lastOutput.trim().slice(-400)}`);
        case 'mount-failed':
            // The tree's verdict only when the tree's code is what mounted.
            return decision(context.targetLoaded ? 'fail' : 'error', outcome.message);
        case 'mount-lost':
            // The user's server is not the code under test: once it is gone, the tests ran on a plain folder.
            return decision('error', `the FUSE file system went away ${outcome.when}: ${outcome.why}; a test from then on runs on the folder underneath, not on FUSE`);
        case 'other':
            return decision('error', `${phase}: ${outcome.message}`);
    }
}
function firstLine(text) {
    return text
        ?.split('\n')
        .find((line) => line.trim())
        ?.trim();
}
//# sourceMappingURL=blame.js.map
// EXTERNAL MODULE: ./.build/src/gate/boot.js + 11 modules
var boot = __nccwpck_require__(4987);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
;// CONCATENATED MODULE: ./.build/src/gate/guest-lifecycle.js
// Where a run's guest comes from and where it goes: for one gate run (the action, `fusefs-gate run`)
// a boot at the start and a teardown at the end; a guest session (session.ts) may instead hand a
// healthy guest on to the next run.


/** One run, one guest: boot at the start, teardown at the end, whatever happened. */
const singleRunGuest = {
    acquire: (run) => run.clock.run('boot', () => run.io.group('Boot', () => (0,boot/* bootGuest */.jq)(run.config, run.plan, run.io, run.stop, run.report))),
    release: async (booted, run) => {
        await run.clock
            .run('teardown', async () => {
            await booted?.teardown(external_node_path_.join(run.config.outDir, 'results'));
        })
            .catch((error) => run.io.warn(`teardown: ${error.message}`));
    },
};
//# sourceMappingURL=guest-lifecycle.js.map
// EXTERNAL MODULE: ./.build/src/gate/evidence.js + 1 modules
var evidence = __nccwpck_require__(6085);
;// CONCATENATED MODULE: ./.build/src/gate/run.js
// One gate run, start to verdict: image -> payload -> boot -> prepare -> build -> prove -> mount ->
// tests -> collect -> teardown. All logic the action and the CLI share lives behind runGate().














async function runGate(config, io, seams = {}) {
    const startedAt = new Date();
    (0,external_node_fs_.mkdirSync)(config.outDir, { recursive: true });
    const clock = new PhaseClock((phase) => (io.phaseStarted ? io.phaseStarted(phase) : io.note(`fusefs-gate: ${phase}...`)), (timing) => io.phaseEnded?.(timing));
    const report = {
        verdict: 'error',
        reason: 'the run did not finish',
        exitCode: 125,
        guest: config.guest,
        tests: [],
        threads: [],
        phases: clock.phases,
        bootAttempts: 0,
        startedAt: startedAt.toISOString(),
        finishedAt: startedAt.toISOString(),
        files: {},
    };
    let booted;
    let plan;
    let targetLoaded = false;
    // The run ended with a decided pass or fail and the guest still took commands afterwards (its
    // results were collected): a guest session may hand it on. Anything else is not trusted.
    let guestHealthy = false;
    const guests = seams.guests ?? singleRunGuest;
    const jobDeadline = setTimeout(() => jobTimeout.abort('job-timeout'), config.jobTimeoutSec * 1000);
    const jobTimeout = new AbortController();
    const stop = AbortSignal.any([io.signal, jobTimeout.signal]);
    const stopReason = () => jobTimeout.signal.aborted ? 'job-timeout' : String(io.signal.reason ?? 'SIGTERM');
    const abortConsole = () => booted?.console.abort(new errors/* CancelledError */.cc(stopReason()));
    stop.addEventListener('abort', abortConsole);
    const checkStop = () => {
        if (stop.aborted)
            throw new errors/* CancelledError */.cc(stopReason());
    };
    try {
        plan = await clock.run('image', () => io.group('Image', () => (seams.planGuest ?? boot/* planGuest */.gY)(config, io)));
        Object.assign(report, { image: plan.imageInfo });
        checkStop();
        booted = await guests.acquire({ config, plan, io, stop, report, clock });
        report.accelerator = booted.accelerator;
        report.acceleratorNote = booted.acceleratorNote;
        const { adapter, console } = booted;
        checkStop();
        await clock.run('prepare', () => io.group('Prepare the guest', () => adapter.prepare(console, booted.disks, config)));
        const target = await clock.run('build', () => io.group('Build the target', () => adapter.buildTarget(console, config)));
        report.build = {
            mode: target.mode,
            why: target.why,
            ok: target.ok,
            ...(target.tail ? { tail: target.tail } : {}),
        };
        io.note(`fusefs-gate: build ${target.mode}: ${target.why}`);
        if (!target.ok) {
            report.build.compilerErrors = target.compilerErrors;
            if (target.linkErrors?.length)
                report.build.linkErrors = target.linkErrors;
            throw new Decided({ kind: 'build-failed', blame: target.blame, tail: target.tail });
        }
        if (target.rebootRequired) {
            booted = await clock.run('reboot', () => io.group('Reboot into the built kernel', () => booted.reboot()));
        }
        targetLoaded = target.mode !== 'none';
        const proof = await clock.run('prove', () => adapter.proveTarget(booted.console, config, target));
        report.proof = proof;
        if (!proof.ok && proof.treeFault)
            throw new Decided({ kind: 'load-refused', why: proof.treeFault });
        if (!proof.ok)
            throw new Decided({ kind: 'proof-failed', details: proof.details });
        const mountpoint = await clock.run('mount', () => io.group('Mount the FUSE file system', () => recordFuseServer(config, booted.console, report, () => adapter.mount(booted.console, config))));
        await clock.run('tests', () => io.group('Tests', () => runTests(config, adapter, booted.console, mountpoint, report, checkStop)));
        const context = { phase: 'tests', targetLoaded, bootAttempts: report.bootAttempts };
        settle(report, blame({ kind: 'tests-finished', tests: report.tests }, context));
        await clock
            .run('collect', () => adapter.collect(booted.console, booted.disks))
            .then(() => {
            guestHealthy = report.verdict === 'pass' || report.verdict === 'fail';
        })
            .catch((error) => io.warn(`collecting results: ${error.message}`));
    }
    catch (caught) {
        let error = caught;
        const phase = clock.current ?? lastPhase(clock);
        if (error instanceof GuestUnresponsiveError && booted) {
            const diagnosis = await clock
                .run('backstop', () => booted.diagnose())
                .catch((e) => ({ notes: [`backstop failed: ${e.message}`], qemuFault: undefined }));
            report.backstop = diagnosis.notes;
            // `hang` needs the guest running and silent, or the kernel's own stacks of blocked tasks
            // (hung-task reports printed before QEMU froze); without either, QEMU is what failed.
            if (diagnosis.qemuFault && (0,signature/* blockedThreads */.UV)((0,stacks/* parseStacks */.Hf)(booted.serialLogText())).length === 0) {
                const unreachable = new QemuUnreachableError(error.test, diagnosis.qemuFault);
                reblameInterrupted(report, unreachable.test, unreachable.message);
                error = unreachable;
            }
        }
        // The console closed under the run: say how QEMU ended (which signal, which status, its last words).
        if (error instanceof errors/* ConsoleClosedError */.gp && booted) {
            const end = await booted.qemuEnd();
            error = error.withQemuEnd(end);
            const interrupted = report.tests.findLast((t) => t.message === QEMU_EXITED_DURING_TEST);
            if (interrupted)
                interrupted.message = `${end}, during this test`;
        }
        // A command that timed out behind a stopped or silent QEMU: say that it was QEMU.
        if (error instanceof shell/* CommandTimeoutError */.$ && booted) {
            const problem = await booted.qemuProblem().catch(() => undefined);
            if (problem)
                error = new QemuUnreachableError(phase, problem);
        }
        classify(error, report, { targetLoaded, phase });
        // The shell still answers after a decided failure: the guest's results (the server's log) are evidence too.
        if (booted && shellStillAnswers(error)) {
            await clock
                .run('collect', () => booted.adapter.collect(booted.console, booted.disks))
                .then(() => {
                guestHealthy = report.verdict === 'fail';
            })
                .catch((e) => io.warn(`collecting results: ${e.message}`));
        }
    }
    finally {
        clearTimeout(jobDeadline);
        stop.removeEventListener('abort', abortConsole);
        // This run's serial log, whatever the guest's log is after release (a kept guest logs elsewhere).
        const serialLogPath = booted?.serialLogPath;
        await guests.release(booted, { config, io, stop, report, clock }, guestHealthy);
        report.finishedAt = new Date().toISOString();
        describeStacks(report, serialLogPath ? (0,external_node_fs_.readFileSync)(serialLogPath, 'latin1') : undefined);
        report.exitCode = (0,verdict/* exitCodeFor */.Rr)(report.verdict, config.failOn, config.allowError);
        if (report.verdict === 'error' && report.reason.startsWith('cancelled by SIG'))
            report.exitCode = report.reason.includes('SIGINT') ? 130 : 143;
        report.files = (0,evidence/* writeEvidence */.nP)(config.outDir, report, serialLogPath ?? plan?.serialLogPath, serialLogPath ? booted?.serialLogFailure(serialLogPath) : undefined);
    }
    return report;
}
async function runTests(config, adapter, console, mountpoint, report, checkStop) {
    const specs = adapter.tests(config, mountpoint);
    if (specs.length === 0)
        throw new Decided({ kind: 'selection-empty' });
    await ensureStillMounted(config, adapter, console, report, 'before the first test');
    for (let iteration = 1; iteration <= config.repeat; iteration++) {
        for (const [index, spec] of specs.entries()) {
            checkStop();
            const started = Date.now();
            const run = await runUnderWatchdog(console, adapter, spec, iteration, {
                ...DEFAULT_WATCHDOG,
                timeoutSec: config.timeoutSec,
            }).catch((error) => {
                // The run ends here; the test it ended in is part of the evidence.
                const interrupted = interruptedTest(error, spec.name, iteration, Date.now() - started);
                if (interrupted)
                    report.tests.push(interrupted);
                throw error;
            });
            const results = spec.kind === 'gtest' && adapter.gtestResults
                ? mergeGtest(run.result, await adapter.gtestResults(console, spec, iteration))
                : [run.result];
            report.tests.push(...results);
            report.threads.push(...run.samples.flat());
            const worst = (0,verdict/* verdictOfTests */.ai)(results);
            if (worst !== 'hang')
                await ensureStillMounted(config, adapter, console, report, `after ${spec.name}`);
            if (worst === 'hang') {
                // The shell still answers (only the mount's users are stuck): point the frames at source lines.
                await adapter.resolveSourceLines?.(console, run.result.threads ?? []).catch(() => undefined);
                // A hung FUSE mount wedges every later test on it: record them as skipped and stop.
                for (const rest of specs.slice(index + 1))
                    report.tests.push({
                        name: rest.name,
                        status: 'skipped',
                        durationMs: 0,
                        iteration,
                        message: 'not run: an earlier test hung',
                    });
                report.stoppedAtIteration = iteration;
                return;
            }
        }
        // `repeat` stops at the first iteration that is not a pass.
        if ((0,verdict/* verdictOfTests */.ai)(report.tests) !== 'pass') {
            report.stoppedAtIteration = iteration;
            return;
        }
    }
}
/**
 * One gtest program run holds many cases. The watchdog knows whether the program finished; the
 * XML or the console log knows the cases. A case that started and never ended is the hung one when
 * the program hung, and a crash (the program exited during it) otherwise.
 */
function mergeGtest(run, cases) {
    const unfinished = cases.filter((c) => c.status === 'hang');
    const finished = cases.filter((c) => c.status !== 'hang');
    if (run.status === 'hang')
        return [...finished, { ...run, name: unfinished[0]?.name ?? run.name }];
    if (run.status === 'fail' && run.message?.startsWith('timed out'))
        return [...finished, { ...run, name: unfinished[0]?.name ?? run.name }];
    return [
        ...finished,
        ...unfinished.map((c) => ({
            ...c,
            status: 'fail',
            message: `the test program ended during this case (${run.message ?? 'exit status 0'}) without finishing it`,
        })),
    ];
}
const QEMU_EXITED_DURING_TEST = 'QEMU exited during this test';
/** The test a guest-wide failure interrupted, with the status that failure gives it. */
function interruptedTest(error, name, iteration, durationMs) {
    if (error instanceof errors/* GuestPanicError */.uI)
        return {
            name,
            status: 'panic',
            durationMs,
            iteration,
            message: 'the guest kernel panicked during this test',
        };
    if (error instanceof GuestUnresponsiveError)
        return {
            name,
            status: 'hang',
            durationMs,
            iteration,
            message: `guest unresponsive: no console output while waiting for ${error.stage}`,
        };
    if (error instanceof WatchdogBrokeError)
        return { name, status: 'error', durationMs, iteration, message: error.message, output: error.output };
    if (error instanceof errors/* ConsoleClosedError */.gp)
        return { name, status: 'error', durationMs, iteration, message: QEMU_EXITED_DURING_TEST };
    if (error instanceof errors/* CancelledError */.cc)
        return {
            name,
            status: 'error',
            durationMs,
            iteration,
            message: `cancelled (${error.signal}) during this test`,
        };
    return undefined;
}
/**
 * The user's own server may stop and unmount (src/guest/common.ts fuseMountGone): then the tests ran,
 * or would run, on the guest's own folder, and pass there. Ends the run (`error`), with the server's
 * log as it is now. The built-in fixture never unmounts itself.
 */
async function ensureStillMounted(config, adapter, console, report, when) {
    if (!config.fuseServer || !adapter.fuseMountGone)
        return;
    const why = await adapter.fuseMountGone(console);
    if (why === undefined)
        return;
    const evidence = await (0,common/* fuseServerEvidence */.I)(console).catch(() => undefined);
    if (evidence && report.fuseServer)
        report.fuseServer.logTail = evidence.logTail;
    throw new Decided({ kind: 'mount-lost', when, why });
}
/** The test the backstop found was not the guest's to blame: it ends in `error`, saying why. */
function reblameInterrupted(report, test, message) {
    const interrupted = report.tests.findLast((t) => t.name === test && t.status === 'hang');
    if (interrupted)
        Object.assign(interrupted, { status: 'error', message });
}
/** Errors after which the guest's shell still takes commands (a decided failure, a failed command). */
function shellStillAnswers(error) {
    return (error instanceof Decided || error?.name === 'MountError' || error instanceof WatchdogBrokeError);
}
/**
 * Runs the mount and, for the user's own server, records what it was, what the mount table said
 * and what it printed: on success and on failure.
 */
async function recordFuseServer(config, console, report, mount) {
    if (!config.fuseServer)
        return mount();
    report.fuseServer = { command: config.fuseServer, mountTable: '', logTail: '' };
    try {
        return await mount();
    }
    finally {
        const evidence = await (0,common/* fuseServerEvidence */.I)(console).catch(() => undefined);
        if (evidence)
            Object.assign(report.fuseServer, evidence);
    }
}
function settle(report, decision) {
    report.verdict = decision.verdict;
    report.reason = decision.reason;
}
/** Blame (src/gate/blame.ts) decides the verdict of what was thrown; the panic's text is evidence. */
function classify(error, report, context) {
    if (error instanceof errors/* GuestPanicError */.uI)
        report.panicText = error.text;
    settle(report, blame(blame_outcomeOf(error), { ...context, bootAttempts: report.bootAttempts }));
}
/** Fills signature, known bug and panic details from what was captured. */
function describeStacks(report, serialText) {
    if (report.verdict === 'panic' && report.panicText) {
        const panic = (0,stacks/* extractPanic */.Ll)(report.panicText);
        if (panic) {
            report.threads.push(...panic.threads);
            report.signature = (0,signature/* panicSignature */.c0)(panic);
        }
        return;
    }
    if (report.verdict !== 'hang')
        return;
    const hung = report.tests.find((t) => t.status === 'hang');
    let threads = hung?.threads ?? [];
    if (threads.length === 0 && serialText) {
        // Guest unresponsive: whatever the kernel printed on its own (hung-task reports) is the evidence.
        threads = (0,stacks/* parseStacks */.Hf)(serialText);
        report.threads.push(...threads);
        if (hung)
            hung.threads = (0,signature/* blockedThreads */.UV)(threads);
    }
    report.signature = (0,signature/* signatureOf */.yK)(threads);
    report.knownBug = (0,catalogue/* matchKnownBug */.Pv)(threads);
}
function lastPhase(clock) {
    return clock.phases.at(-1)?.phase ?? 'start';
}
//# sourceMappingURL=run.js.map

/***/ }),

/***/ 8782:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Rr: () => (/* binding */ exitCodeFor),
/* harmony export */   ai: () => (/* binding */ verdictOfTests),
/* harmony export */   rM: () => (/* binding */ errorLetThrough)
/* harmony export */ });
/* unused harmony export worstOf */
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1402);
// One run, one verdict (ARCHITECTURE "Rules that decide between verdicts").

/**
 * panic > hang > fail > pass, and `error` only when nothing else was decided: it loses to a failure the
 * tree caused, but it beats `pass`, since a gate must never turn an undecided run into a pass.
 */
const RANK = { pass: 0, error: 1, fail: 2, hang: 3, panic: 4 };
function worstOf(verdicts) {
    if (verdicts.length === 0)
        return undefined;
    return verdicts.reduce((worst, v) => (RANK[v] > RANK[worst] ? v : worst));
}
/** The verdict the tests decided, or undefined when none ran: nothing ran is never a pass. */
function verdictOfTests(tests) {
    return worstOf(tests.filter((t) => t.status !== 'skipped').map((t) => t.status));
}
/**
 * `fail-on` chooses which of the tree's verdicts fail the job; `error` is not the tree's verdict and
 * is never a pass through it: an undecided run exits 125 unless the user said `allow-error`.
 */
function exitCodeFor(verdict, failOn, allowError = false) {
    if (verdict === 'error')
        return allowError ? _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.pass : _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.error;
    if (verdict === 'pass' || !failOn.includes(verdict))
        return _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.pass;
    return _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc[verdict];
}
/** Did an undecided run get through only because the user allowed it? Then the entries warn. */
function errorLetThrough(report) {
    return report.verdict === 'error' && report.exitCode === _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.pass;
}
//# sourceMappingURL=verdict.js.map

/***/ }),

/***/ 5943:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BC: () => (/* binding */ FUSE_SERVER_MOUNT_TIMEOUT_MS),
/* harmony export */   I: () => (/* binding */ fuseServerEvidence),
/* harmony export */   Kq: () => (/* binding */ MountError),
/* harmony export */   Pv: () => (/* binding */ mustRun),
/* harmony export */   SE: () => (/* binding */ fixtureMountCommand),
/* harmony export */   SN: () => (/* binding */ DETACH),
/* harmony export */   Wd: () => (/* binding */ GATE_DIR),
/* harmony export */   _f: () => (/* binding */ fuseMountGone),
/* harmony export */   b7: () => (/* binding */ workloadTests),
/* harmony export */   c$: () => (/* binding */ mountFuseServer),
/* harmony export */   k6: () => (/* binding */ BIN_DIR),
/* harmony export */   qg: () => (/* binding */ MOUNTPOINT),
/* harmony export */   z5: () => (/* binding */ RESULTS_DIR)
/* harmony export */ });
/* unused harmony exports fixtureOptions, FUSE_SERVER_FILES, FUSE_SERVER_SCRIPT, FUSE_SERVER_MOUNT_SCRIPT, MOUNT_TABLE_LINE, FUSE_SERVER_MOUNT_WAIT_SEC, fuseMountGoneCommand */
/* harmony import */ var _quote_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(736);
/* harmony import */ var _server_session_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(248);


/** docs/guest-protocol.md: the guest layout. */
const GATE_DIR = '/gate';
const BIN_DIR = '/gate/bin';
const RESULTS_DIR = '/gate/results';
const MOUNTPOINT = '/mnt/fg';
/** The fixture's `-o` options: the user's fixture options plus an injected fault. */
function fixtureOptions(config) {
    return [...config.fixtureOptions, ...(config.fault ? [config.fault] : [])];
}
/** Mounts the built-in fixture, then checks the mount table with `mountCheck`; `osOptions` are the adapter's own. */
function fixtureMountCommand(config, mountCheck, osOptions = []) {
    const options = [...fixtureOptions(config), ...osOptions];
    const optionArgs = options.length ? ` -o ${(0,_quote_js__WEBPACK_IMPORTED_MODULE_1__/* .shQuote */ .U)(options.join(','))}` : '';
    return `mkdir -p ${MOUNTPOINT} && ${BIN_DIR}/fusefs-fixture${optionArgs} -l ${RESULTS_DIR}/fixture.log ${MOUNTPOINT} && ${mountCheck}`;
}
/** The files the user's server leaves in the results: its output, its exit status, the mount table line. */
const FUSE_SERVER_FILES = {
    log: `${RESULTS_DIR}/fuse-server.log`,
    status: `${RESULTS_DIR}/fuse-server.status`,
    mounts: `${RESULTS_DIR}/fuse-server.mounts`,
};
/** The user's command line, written into the guest as a script (no quoting of it on the command line). */
const FUSE_SERVER_SCRIPT = `${GATE_DIR}/fuse-server.sh`;
/** The gate's own wrapper that starts it detached and waits for the mount. */
const FUSE_SERVER_MOUNT_SCRIPT = `${GATE_DIR}/fuse-server-mount.sh`;
/**
 * How a guest starts a command in a new session, with no controlling terminal, as a process that is
 * not the caller's child. The user's server must never be a job of the console shell: busybox ash
 * (the Linux guest) was seen to exit when a daemonizing server's background job ended.
 * - Linux: busybox `setsid PROG` (miscutils/setsid.c) forks first when the caller leads a process
 *   group, then calls setsid(2) and execs PROG, so PROG leads the new session.
 * - FreeBSD: base has no setsid(1); `daemon -f` (usr.sbin/daemon/daemon.c, daemon(3): fork, setsid)
 *   detaches from the controlling terminal with stdin, stdout and stderr on /dev/null. `-f` alone
 *   does not turn on supervision mode (main sets supervision_enabled only for the pidfile, restart,
 *   output-file and syslog options), so daemon(8) execs the command in the process daemon(3) made a
 *   session leader (lib/libc/gen/daemon.c), with no supervisor around it.
 * Either way the command's pid is the session id.
 */
const DETACH = { linux: 'setsid', freebsd: 'daemon -f' };
/**
 * The mount table line for the mount point, on either OS: Linux /proc/mounts (space-separated, the
 * mount point second), FreeBSD `mount` (sbin/mount/mount.c prmount: `FROM on ON (TYPE, FLAGS)`, the
 * mount point third, after `on`). Neither asks the file system anything: `mount -p` would
 * (getmntinfo MNT_WAIT, a FUSE_STATFS to the server: src/guest/freebsd.ts FREEBSD_MOUNT_LIST).
 */
const MOUNT_TABLE_LINE = `{ cat /proc/mounts 2>/dev/null || mount; } | awk '$2 == "${MOUNTPOINT}" || ($2 == "on" && $3 == "${MOUNTPOINT}")'`;
/**
 * How long the gate waits for the user's server to mount, by the guest's clock (`date +%s`: busybox
 * date on Linux; FreeBSD's bin/date/date.c formats with strftime(3), whose %s is the seconds since
 * the Epoch, lib/libc/stdtime/strftime.c _fmt). Counting rounds of `sleep 0.1` instead made the
 * wait three times longer under TCG, beyond the console's bound, and the run then ended in a
 * console timeout without the server's log. A server's command line may do work before it mounts
 * (a key derivation: securefs, gocryptfs), which is slow under TCG.
 */
const FUSE_SERVER_MOUNT_WAIT_SEC = 60;
/** The console's bound for the whole mount command: the wait, and the rest of the script. */
const FUSE_SERVER_MOUNT_TIMEOUT_MS = (FUSE_SERVER_MOUNT_WAIT_SEC + 30) * 1000;
/**
 * Starts `argv` (already quoted) detached with `detach`: its own session, no controlling terminal,
 * stdin /dev/null, output in fuse-server.log, exit status in fuse-server.status, and not a child of
 * the console shell (the subshell that starts it exits at once), so whatever the server does with
 * jobs, signals or its terminal cannot reach the command channel. The session leader first records
 * its pid, the session's id (src/guest/server-session.ts), so the next run's reset can end what is
 * left of the session. Then waits, bounded, for the mount table to show the mount; a server that
 * exits non-zero before mounting ends the wait at once.
 * Either way the mount table line is kept in fuse-server.mounts.
 */
function detachedMountCommand(argv, mountCheck, detach, waitSec) {
    const { log, status } = FUSE_SERVER_FILES;
    const started = `sh -c '${_server_session_js__WEBPACK_IMPORTED_MODULE_0__/* .RECORD_SERVER_SESSION */ .T3}; "$@" </dev/null >${log} 2>&1; echo $? >${status}' - ${argv}`;
    // Run from FUSE_SERVER_MOUNT_SCRIPT, so its length is not the console's concern.
    return (`rm -f ${status}; mkdir -p ${MOUNTPOINT} && ( ${detach} ${started} </dev/null >/dev/null 2>&1 & ) && ` +
        // A subshell, so that `exit` ends the wait and not the guest's login shell.
        `( cd ${RESULTS_DIR}; r=0 e=$(($(date +%s) + ${waitSec})); until ${mountCheck}; do s=$(cat fuse-server.status 2>/dev/null); ` +
        `[ "\${s:-0}" = 0 ] || { echo "the FUSE server exited $s before it mounted"; r=1; break; }; ` +
        `[ $(date +%s) -ge $e ] && { echo 'no mount within ${waitSec} s'; r=1; break; }; sleep 0.1; done; ` +
        `${MOUNT_TABLE_LINE} >fuse-server.mounts; [ $r = 0 ] || tail -n 20 fuse-server.log; exit $r )`);
}
/** `{mountpoint}` replaced; the rest is the user's command line, theirs to write, run as written. */
function userCommand(commandLine) {
    return commandLine.split('{mountpoint}').join(MOUNTPOINT);
}
/** Characters of a quoted piece per console line: well inside MAX_COMMAND_LENGTH with the printf and the framing. */
const SCRIPT_CHUNK = 600;
/** `line` cut into pieces whose quoted form fits SCRIPT_CHUNK (a `'` grows to four characters when quoted). */
function quotedPieces(line) {
    const pieces = [];
    let piece = '';
    for (const character of line) {
        if (piece !== '' && (0,_quote_js__WEBPACK_IMPORTED_MODULE_1__/* .shQuote */ .U)(piece + character).length > SCRIPT_CHUNK) {
            pieces.push(piece);
            piece = '';
        }
        piece += character;
    }
    pieces.push(piece);
    return pieces;
}
/**
 * Writes `text` into the guest file `file` through the console: line by line and in pieces, so no
 * console line is multi-line or longer than the console takes, whatever the text's length or quotes.
 */
async function writeGuestFile(shell, file, text) {
    let redirect = '>';
    for (const line of text.split('\n')) {
        const pieces = quotedPieces(line);
        for (const [index, piece] of pieces.entries()) {
            const last = index === pieces.length - 1;
            await mustRun(shell, `printf '${last ? '%s\\n' : '%s'}' ${(0,_quote_js__WEBPACK_IMPORTED_MODULE_1__/* .shQuote */ .U)(piece)} ${redirect}${file}`, 10_000, `writing ${file} in the guest`);
            redirect = '>>';
        }
    }
}
/**
 * Mounts the user's own FUSE server: its command line goes into FUSE_SERVER_SCRIPT, the detached
 * start and the bounded wait into FUSE_SERVER_MOUNT_SCRIPT, and the console runs only that: no
 * length of command line or mount check can overflow the console's line.
 */
async function mountFuseServer(shell, commandLine, mountCheck, detach, timeoutMs, waitSec = FUSE_SERVER_MOUNT_WAIT_SEC) {
    await writeGuestFile(shell, FUSE_SERVER_SCRIPT, userCommand(commandLine));
    await writeGuestFile(shell, FUSE_SERVER_MOUNT_SCRIPT, detachedMountCommand(`sh ${FUSE_SERVER_SCRIPT}`, mountCheck, detach, waitSec));
    return shell.run(`sh ${FUSE_SERVER_MOUNT_SCRIPT}`, { timeoutMs, purpose: 'mounting the FUSE file system' });
}
/** Printed by the mount-gone check while the mount is there. */
const STILL_MOUNTED = 'fusefs-gate: still mounted';
/**
 * A console command: STILL_MOUNTED while `mountCheck` finds the FUSE mount, else `gone` and the
 * server command's exit status (`running` while it runs).
 */
function fuseMountGoneCommand(mountCheck) {
    return `if ${mountCheck}; then echo '${STILL_MOUNTED}'; else s=$(cat ${FUSE_SERVER_FILES.status} 2>/dev/null); echo "gone \${s:-running}"; fi`;
}
/**
 * Undefined while the user's server's mount is in the mount table. A server that stops cleanly
 * (an error it cannot serve past, a lost connection: sshfs whose sftp side exited) unmounts as it
 * goes, and /mnt/fg is then the guest's own folder again: a workload passes there, and proves
 * nothing of FUSE. (A server that crashes leaves its mount, which answers ENOTCONN: the tests say so.)
 */
async function fuseMountGone(shell, mountCheck) {
    const result = await shell.run(fuseMountGoneCommand(mountCheck), {
        timeoutMs: 10_000,
        purpose: 'checking that the FUSE file system is still mounted',
    });
    const output = result.output.trim();
    if (output.includes(STILL_MOUNTED))
        return undefined;
    const status = /gone (\S+)/.exec(output)?.[1];
    const server = status === undefined
        ? `the check said: ${output.slice(-200) || `exit ${result.exitStatus}`}`
        : status === 'running'
            ? "the FUSE server's command is still running"
            : `the FUSE server's command exited ${status}`;
    return `${MOUNTPOINT} is no longer a FUSE mount (${server})`;
}
/** What the user's server left: the mount table line for the mount point and the tail of its output. */
async function fuseServerEvidence(shell) {
    const { log, mounts } = FUSE_SERVER_FILES;
    const read = async (command) => (await shell.run(command, { timeoutMs: 10_000, purpose: 'reading the FUSE server evidence' })).output.trim();
    return {
        mountTable: await read(`cat ${mounts} 2>/dev/null`),
        logTail: await read(`tail -c 4000 ${log} 2>/dev/null`),
    };
}
function workloadTests(config, mountpoint) {
    return config.workloads.map((name) => ({
        name: `workload/${name}`,
        kind: 'workload',
        command: `${BIN_DIR}/fusefs-workloads ${name} ${mountpoint}`,
    }));
}
/** The FUSE file system did not mount: the tree's fault once its code is loaded, the gate's before. */
class MountError extends Error {
    constructor(message) {
        super(message);
        this.name = 'MountError';
    }
}
/** Runs a command that must succeed; otherwise throws naming what it was for, with its last output. */
async function mustRun(shell, command, timeoutMs, purpose) {
    const result = await shell.run(command, { timeoutMs, purpose });
    if (result.exitStatus !== 0)
        throw new Error(`${purpose} failed (exit ${result.exitStatus}): ${result.output.trim().slice(-800)}`);
}
//# sourceMappingURL=common.js.map

/***/ }),

/***/ 1368:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  kF: () => (/* binding */ FreeBSDGuest),
  f7: () => (/* binding */ missingTreePaths)
});

// UNUSED EXPORTS: BuildError, DAEMON_TIMEOUT_MARGIN_SEC, FIXTURE_SUBTYPE, FREEBSD_CONSOLE, FREEBSD_MOUNT_LIST, FREEBSD_PATHS, FREEBSD_TREE_PATHS, FUSE_MAX_DAEMON_TIMEOUT_SEC, MFSNAMELEN, fixtureDaemonTimeout, freebsdMountCheck, fusefsTypeName, gtestResultsFromRun, gtestSpec, lineOfShape

// EXTERNAL MODULE: ./.build/src/config/freebsd-tree.js
var freebsd_tree = __nccwpck_require__(4294);
// EXTERNAL MODULE: ./.build/src/guest/common.js
var common = __nccwpck_require__(5943);
// EXTERNAL MODULE: ./.build/src/image/freebsd-resolve.js
var freebsd_resolve = __nccwpck_require__(1983);
// EXTERNAL MODULE: ./.build/src/report/compiler-errors.js
var compiler_errors = __nccwpck_require__(9101);
// EXTERNAL MODULE: ./.build/src/report/link-errors.js
var link_errors = __nccwpck_require__(5730);
;// CONCATENATED MODULE: ./.build/src/guest/freebsd-parse.js
// Readers of FreeBSD command output that the adapter needs to decide things: compiler and linker
// errors, the kernel linker's undefined symbols, kldstat -v, googletest XML and console lines, and the module-vs-kernel decision. Pure: text in, data out. (Kernel stacks are parsed in src/report.)




/** A file as a make run in the guest prints it, relative to the tree (see parseCompilerErrors). */
function treeRelative(treeRoot) {
    const underTree = (0,compiler_errors/* relativeTo */.M)(treeRoot);
    return (file) => underTree(file.replace(/^(?:\.\.\/)+/, ''));
}
/**
 * The compiler errors of a make run in the guest, files relative to the tree: the tree's guest path
 * `treeRoot` stripped, and make's `../../../` in front of paths it prints from an object folder.
 */
function parseCompilerErrors(text, treeRoot = '/gate/src/') {
    return (0,compiler_errors/* parseCompilerErrors */.w)(text, treeRelative(treeRoot));
}
/**
 * The linker errors of a make run in the guest (FreeBSD's ld is LLVM lld: the kernel's final link,
 * sys/conf/kern.pre.mk SYSTEM_LD_BASECMD `${LD} ... -Bdynamic -T ${LDSCRIPT} ... --export-dynamic`,
 * is an executable link, so an undefined symbol is an error; a module's `ld -r`, sys/conf/kmod.mk,
 * reports only duplicates), source files relative to the tree as for compiler errors. The kernel's
 * sources are compiled by absolute path (usr.sbin/config/main.cc get_srcdir: realpath("../..") of
 * the conf folder, the `S=` of the kernel Makefile), which lld prints in parentheses.
 */
function parseLinkErrors(text, treeRoot = '/gate/src/') {
    return (0,link_errors/* parseLinkErrors */.f)(text, treeRelative(treeRoot));
}
/**
 * The symbols the kernel linker could not resolve when loading a module: sys/kern/link_elf_obj.c
 * relocate_file prints `link_elf_obj: symbol %s undefined` and stops at the first such relocation
 * (ENOENT), so one load names one symbol. Each once, in order, from dmesg. relocate_file prints the
 * same line for any relocation elf_reloc() refused, and for a type it does not handle elf_reloc()
 * has just printed `kldload: unexpected relocation type %ld` (or `unexpected R_COPY relocation`,
 * sys/amd64/amd64/elf_machdep.c elf_reloc_internal): then the symbol is not known to be missing.
 */
function undefinedKernelSymbols(dmesg) {
    const symbols = [];
    let previous = '';
    for (const raw of dmesg.split(/\r?\n/)) {
        const line = raw.trim();
        const m = /^link_elf_obj: symbol (\S+) undefined$/.exec(line);
        if (m && !previous.startsWith('kldload: unexpected ') && !symbols.includes(m[1]))
            symbols.push(m[1]);
        previous = line;
    }
    return symbols;
}
/**
 * sbin/kldstat/kldstat.c: header `Id Refs Address%*c %8s Name`, one line per file
 * `%2d %4d %*p %8zx %s`, with -v followed by ` (%s)` (the path), `\tContains modules:`,
 * `\t\t Id Name` and `\t\t%3d %s` per module (older kldstat: `\t\t%2d %s`).
 */
function parseKldstat(text) {
    const files = [];
    let current;
    for (const line of text.split(/\r?\n/)) {
        const f = /^\s*(\d+)\s+(\d+)\s+(0x[0-9a-fA-F]+)\s+([0-9a-fA-F]+)\s+(\S+)(?:\s+\((.*)\))?\s*$/.exec(line);
        if (f) {
            current = {
                id: Number(f[1]),
                refs: Number(f[2]),
                address: f[3],
                size: f[4],
                name: f[5],
                modules: [],
            };
            if (f[6] !== undefined)
                current.path = f[6];
            files.push(current);
            continue;
        }
        const mod = /^\t\t\s*(\d+)\s+(\S+)\s*$/.exec(line);
        if (mod && current)
            current.modules.push(mod[2]);
    }
    return files;
}
/** The loaded file that provides the `fusefs` module (or is named fusefs.ko). */
function findFusefs(files) {
    return files.find((f) => f.modules.includes('fusefs')) ?? files.find((f) => f.name === 'fusefs.ko');
}
function xmlUnescape(s) {
    return s
        .replace(/&#x([0-9a-fA-F]+);/g, (_, h) => String.fromCodePoint(parseInt(h, 16)))
        .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');
}
function attrs(tag) {
    const out = {};
    for (const m of tag.matchAll(/([\w:-]+)="([^"]*)"/g))
        out[m[1]] = xmlUnescape(m[2]);
    return out;
}
/**
 * googletest's --gtest_output=xml report: <testsuites tests=N ...><testsuite name=S ...>
 * <testcase name=T classname=S status="run|notrun" result="completed|skipped|suppressed" time="s">
 * with <failure message=...> children for failures and <skipped .../> for GTEST_SKIP.
 */
function parseGtestXml(xml) {
    const root = /<testsuites\b[^>]*>/.exec(xml);
    if (!root)
        throw new Error('not a googletest XML report (no <testsuites>)');
    const total = Number(attrs(root[0]).tests ?? 0);
    const cases = [];
    const re = /<testcase\b([^>]*?)(\/>|>([\s\S]*?)<\/testcase>)/g;
    for (const m of xml.matchAll(re)) {
        const a = attrs(m[1]);
        const body = m[3] ?? '';
        const name = `${a.classname ?? ''}.${a.name ?? ''}`;
        const durationMs = Math.round(Number(a.time ?? 0) * 1000);
        if (a.status === 'notrun')
            continue; // DISABLED_ tests
        const failures = [...body.matchAll(/<failure\b([^>]*)>/g)].map((f) => attrs(f[1]).message ?? '');
        if (failures.length) {
            cases.push({ name, status: 'fail', durationMs, message: failures.join('\n') });
        }
        else if (a.result === 'skipped' || /<skipped\b/.test(body)) {
            const sk = /<skipped\b([^>]*)/.exec(body);
            const c = { name, status: 'skipped', durationMs };
            const msg = sk ? attrs(sk[1]).message : undefined;
            if (msg)
                c.message = msg;
            cases.push(c);
        }
        else {
            cases.push({ name, status: 'pass', durationMs });
        }
    }
    return { total, cases };
}
/**
 * googletest's console: `[ RUN      ] Suite.name`, `[       OK ] Suite.name (N ms)`, `[  FAILED  ]`, `[  SKIPPED ]`.
 * A failed parameterized test's name is followed by `, where GetParam() = ...` (contrib/googletest/
 * googletest/src/gtest.cc PrintFullTestCommentIfPresent): the name ends at the comma.
 */
function parseGtestConsole(text) {
    const started = [];
    const finished = new Map();
    let ran;
    for (const line of text.split(/\r?\n/)) {
        const run = /^\[ RUN {6}\] (\S+)/.exec(line);
        if (run) {
            started.push(run[1]);
            continue;
        }
        const end = /^\[ {2}(?: {5}(OK)|(FAILED)|(SKIPPED)) {1,2}\] ([^\s,]+)/.exec(line);
        if (end) {
            const what = (end[1] ?? end[2] ?? end[3]);
            if (!finished.has(end[4]) || what !== 'FAILED')
                finished.set(end[4], what);
            continue;
        }
        const total = /^\[==========\] (\d+) tests? from \d+ test (?:suites?|cases?) ran/.exec(line);
        if (total)
            ran = Number(total[1]);
    }
    const unfinished = started.filter((n) => !finished.has(n));
    const out = { started, finished, unfinished };
    if (ran !== undefined)
        out.ran = ran;
    return out;
}
/**
 * build: auto -> a module when the tree is of the running kernel's major branch and not newer
 * than it (`__FreeBSD_version` vs `sysctl -n kern.osreldate`; KBI is stable within a branch, a
 * newer tree may use kernel interfaces the running kernel lacks), else a kernel. With `tree` (what
 * the host's tree holds, src/config/freebsd-tree.ts), a kernel build that tree cannot do is
 * refused with the same words as the check before boot: the booted kernel only now told the
 * gate its kern.osreldate, and a sparse payload has no Makefile.inc1 buildkernel to run.
 */
function decideBuild(build, treeVersion, osreldate, treeFacts) {
    const decision = decideMode(build, treeVersion, osreldate);
    if (decision.mode !== 'kernel' || !treeFacts)
        return decision;
    // Read only when a kernel build is on the table.
    const tree = typeof treeFacts === 'function' ? treeFacts() : treeFacts;
    if (tree.missingForKernel.length === 0)
        return decision;
    const booted = {
        name: 'the booted image',
        major: (0,freebsd_resolve/* osreldateMajor */.BV)(osreldate),
        osreldate,
        source: 'sysctl kern.osreldate',
    };
    const check = (0,freebsd_tree/* checkBuildBeforeBoot */.Kt)({ ...tree, version: treeVersion }, build === 'kernel' ? 'kernel' : 'auto', booted);
    const refusal = check.refuse ??
        `${decision.why}, but ${tree.tree} lacks ${tree.missingForKernel.join(', ')}, which a kernel build needs (Makefile.inc1 buildkernel)`;
    return { mode: 'refuse', why: refusal };
}
function decideMode(build, treeVersion, osreldate) {
    const tree = `the tree's __FreeBSD_version is ${treeVersion}`;
    const running = `the image's kern.osreldate is ${osreldate}`;
    if (build !== 'auto')
        return { mode: build, why: `build: ${build} was asked for (${tree}, ${running})` };
    const tm = (0,freebsd_resolve/* osreldateMajor */.BV)(treeVersion);
    const rm = (0,freebsd_resolve/* osreldateMajor */.BV)(osreldate);
    if (tm !== rm) {
        return {
            mode: 'kernel',
            why: `${tree} (FreeBSD ${tm}) and ${running} (FreeBSD ${rm}): a module cannot load into another major branch's kernel, so a kernel build`,
        };
    }
    if (treeVersion > osreldate) {
        return {
            mode: 'kernel',
            why: `${tree}, newer than ${running} on the same branch: it may need kernel interfaces the image lacks, so a kernel build`,
        };
    }
    return {
        mode: 'module',
        why: `${tree}, same branch as and not newer than ${running}: fusefs.ko built as a module and loaded`,
    };
}
//# sourceMappingURL=freebsd-parse.js.map
// EXTERNAL MODULE: ./.build/src/report/stacks.js + 1 modules
var stacks = __nccwpck_require__(5612);
// EXTERNAL MODULE: ./.build/src/guest/quote.js
var quote = __nccwpck_require__(736);
// EXTERNAL MODULE: ./.build/src/guest/server-session.js
var server_session = __nccwpck_require__(248);
;// CONCATENATED MODULE: ./.build/src/guest/freebsd-paths.js
// Where the payload puts things in a FreeBSD guest (docs/guest-protocol.md "Guest layout").

const FREEBSD_PATHS = {
    src: `${common/* GATE_DIR */.Wd}/src`,
    guestSrc: `${common/* GATE_DIR */.Wd}/guest`,
    fuseServerSrc: `${common/* GATE_DIR */.Wd}/fuse-server`,
    obj: `${common/* GATE_DIR */.Wd}/obj`,
    work: `${common/* GATE_DIR */.Wd}/work`,
    gtestBinary: `${common/* BIN_DIR */.k6}/fusefs-gtest-write`,
    gtestXml: `${common/* RESULTS_DIR */.z5}/gtest-write.xml`,
    gtestLog: `${common/* RESULTS_DIR */.z5}/gtest-write.log`,
};
//# sourceMappingURL=freebsd-paths.js.map
;// CONCATENATED MODULE: ./.build/src/guest/freebsd-gtest.js



/** The gtest run: in its own work folder (mockfs mounts under the cwd), output to the console and a log. */
function gtestSpec(filter) {
    const argv = [
        FREEBSD_PATHS.gtestBinary,
        `--gtest_filter=${filter}`,
        `--gtest_output=xml:${FREEBSD_PATHS.gtestXml}`,
    ];
    const status = `${FREEBSD_PATHS.work}/gtest.status`;
    // The pipeline's status would be tee's; the subshell keeps the test's own.
    const inner = `mkdir -p ${FREEBSD_PATHS.work}/gtest && cd ${FREEBSD_PATHS.work}/gtest && rm -f ${FREEBSD_PATHS.gtestXml} && ( ${(0,quote/* shJoin */.q)(argv)}; echo $? > ${status} ) 2>&1 | tee ${FREEBSD_PATHS.gtestLog}; exit $(cat ${status})`;
    return {
        name: 'gtest/write',
        kind: 'gtest',
        command: `/bin/sh -c ${(0,quote/* shQuote */.U)(inner)}`,
        xmlPath: FREEBSD_PATHS.gtestXml,
    };
}
function filterOf(spec) {
    return /--gtest_filter=([^ ']*)/.exec(spec.command)?.[1] ?? '*';
}
/**
 * Per-case results of one gtest run. With the XML: one result per case; a run that reported no
 * case is `error` "no test ran" (ARCHITECTURE: nothing ran is never a pass). Without the XML (the
 * run hung or died before writing it): the console's `[ RUN      ]` lines without an end name the
 * case that did not finish.
 */
function gtestResultsFromRun(run) {
    const { iteration } = run;
    if (run.xml !== undefined) {
        let parsed;
        try {
            parsed = parseGtestXml(run.xml);
        }
        catch (e) {
            return [
                {
                    name: 'gtest/write',
                    status: 'error',
                    durationMs: 0,
                    iteration,
                    message: `unreadable gtest XML: ${e.message}`,
                },
            ];
        }
        if (parsed.total === 0 || parsed.cases.length === 0) {
            return [
                {
                    name: 'gtest/write',
                    status: 'error',
                    durationMs: 0,
                    iteration,
                    message: `no test ran: --gtest_filter=${run.filter} matched no test in write`,
                },
            ];
        }
        const results = parsed.cases.map((c) => {
            const r = {
                name: `gtest/${c.name}`,
                status: c.status,
                durationMs: c.durationMs,
                iteration,
            };
            if (c.message)
                r.message = c.message;
            return r;
        });
        return [...results, ...allSkipped(results, run.filter, iteration)];
    }
    const con = parseGtestConsole(run.consoleText);
    if (con.started.length === 0) {
        return [
            {
                name: 'gtest/write',
                status: 'error',
                durationMs: 0,
                iteration,
                message: 'no test ran: no XML report and no [ RUN ] line on the console',
            },
        ];
    }
    const results = [];
    for (const name of con.started) {
        const end = con.finished.get(name);
        if (end)
            results.push({
                name: `gtest/${name}`,
                status: end === 'OK' ? 'pass' : end === 'FAILED' ? 'fail' : 'skipped',
                durationMs: 0,
                iteration,
            });
        else
            results.push({
                name: `gtest/${name}`,
                status: 'hang',
                durationMs: 0,
                iteration,
                message: `started ([ RUN      ] ${name}) and never finished; no XML report was written`,
            });
    }
    return [...results, ...allSkipped(results, run.filter, iteration)];
}
/**
 * A run whose every case was skipped tested nothing: `error` "no test ran", never a pass (skipped
 * results decide no verdict, gate/verdict.ts). The tree's tests skip themselves when the machine
 * does not suit them (tests/sys/fs/fusefs/utils.cc check_environment: no or no accessible
 * /dev/fuse, mac_bsdextended enabled, a user not allowed to mount) and exit 0.
 */
function allSkipped(results, filter, iteration) {
    if (results.length === 0 || results.some((r) => r.status !== 'skipped'))
        return [];
    const why = results
        .find((r) => r.message)
        ?.message?.split('\n')
        .pop();
    return [
        {
            name: 'gtest/write',
            status: 'error',
            durationMs: 0,
            iteration,
            message: `no test ran: every case --gtest_filter=${filter} selected was skipped${why ? ` (${why})` : ''}`,
        },
    ];
}
//# sourceMappingURL=freebsd-gtest.js.map
;// CONCATENATED MODULE: ./.build/src/guest/freebsd.js
// The FreeBSD guest adapter: what to run in an official BASIC-CI image to build the fusefs tree
// under test, load it, prove it runs, mount a FUSE file system and run the tests; and how to read
// what comes back. Every fact about FreeBSD's formats is cited to its source file; docs/freebsd.md
// lists them with their tests.











/**
 * The console of a BASIC-CI image:
 * - bootBanner: sys/conf/newvers.sh writes `Copyright (c) 1992-<year> The FreeBSD Project.` into
 *   vers.c and the kernel prints it once per boot (the `---<<BOOT>>---` tag of
 *   sys/kern/subr_prf.c BOOT_TAG is printed once too, but only by newer kernels; one pattern only,
 *   or a single boot would count twice).
 * - login: etc/ttys runs `/usr/libexec/getty 3wire` on ttyu0 `onifconsole`; BASIC-CI sets
 *   console="comconsole,vidconsole" (release/tools/basic-ci.conf); getty's default gettytab `lm`
 *   is `login: ` (libexec/getty/main.c), printed once: a syslog or kernel line may follow it on
 *   the same line or after it (BASIC-CI's etc/syslog.conf sends auth.notice and kern.warning to
 *   /dev/console), so the prompt is matched at a line start, never at the end of the buffer.
 *   The banner names the host `freebsd`: release/tools/vmimage.subr vm_install_base writes
 *   hostname="$(uname -o | lowercase)" into rc.conf.
 * - no Password: prompt: root's password is empty in etc/master.passwd and pam_unix returns
 *   PAM_SUCCESS for an empty password with `nullok` before prompting
 *   (lib/libpam/modules/pam_unix/pam_unix.c); basic-ci.conf relies on it (PermitEmptyPasswords).
 * - shell: root's shell is /bin/sh from 14.0 on (etc/master.passwd), csh before; root's
 *   /root/.shrc (bin/sh/dot.shrc: `PS1="\u@\h:\w \\$ "`, read through ENV from .profile) and
 *   /root/.cshrc (`%N@%m:%~ %# `; third-party 13.x sessions show `root@freebsd-13:~ #`) both give
 *   `root@freebsd:~ # `, matched at a line start: login(1) logs `ROOT LOGIN (root) ON ttyu0`
 *   (usr.bin/login/login.c, LOG_NOTICE to auth) and syslogd writes it to the console right after
 *   the prompt. Before the prompt, /root/.profile (bin/sh/dot.profile) runs `resizewin -z`: the
 *   serial tty is 0x0, so it writes ESC 7 ... ESC [ 6 n ESC 8 and after 2 s without a reply
 *   `resizewin: timeout reading from terminal` (usr.bin/resizewin/resizewin.c); the console engine
 *   drops the escapes. The console engine then sets its own prompt and frames every command.
 * - panic start: sys/kern/kern_shutdown.c vpanic() prints `panic: %s` (after `Fatal trap N: ...`
 *   from the trap handler); on the serial console it can follow a `login: ` prompt on one line.
 * - panic end: `KDB: enter: panic` (sys/kern/subr_kdb.c kdb_enter, only with a debugger backend,
 *   then `db> `), else kern_reboot's `Uptime: ...`, the dump's `Dumping N out of M MB`,
 *   shutdown_panic's `Automatic reboot in %d seconds` (sys/kern/kern_shutdown.c).
 */
const FREEBSD_CONSOLE = {
    loginPrompt: /^login: /m,
    loginUser: 'root',
    shellPrompt: /^root@[\w.-]+:\S* # /m,
    bootBanner: /Copyright \(c\) 1992-\d{4} The FreeBSD Project\./,
    // shutdown(8) -r: reboot through init's rc.shutdown; `now` takes effect at once.
    rebootCommand: 'shutdown -r now',
    panicStart: /^(?:.*login: )?panic: |^Fatal trap \d+: /m,
    panicEnd: /KDB: enter: panic|^db> |^Uptime: \d|^Dumping \d+ out of \d+ MB|Automatic reboot in \d+ seconds/m,
};
/** sys/sys/mount.h: `MFSNAMELEN 16` "length of type name including null" (statfs f_fstypename). */
const MFSNAMELEN = 16;
/** The subtype guest/fuse_fixture's mount passes (`subtype=` in guest/fixture_mount.c). */
const FIXTURE_SUBTYPE = 'fusefs-fixture';
/**
 * The type a fusefs mount shows: sys/fs/fuse/fuse_vfsops.c fuse_vfsop_mount strlcat()s "." and
 * the `subtype=` option onto f_fstypename ("fusefs"), both bounded by MFSNAMELEN, so the name is
 * cut to 15 characters: subtype `fusefs-fixture` shows as `fusefs.fusefs-f`.
 */
function fusefsTypeName(subtype) {
    return subtype === undefined ? 'fusefs' : `fusefs.${subtype}`.slice(0, MFSNAMELEN - 1);
}
/**
 * How the gate lists the mount table on FreeBSD: `mount` without arguments, which reads the
 * kernel's cached mount list and asks no file system anything. sbin/mount/mount.c main calls
 * getmntinfo(3) with `verbose ? MNT_WAIT : MNT_NOWAIT`, and `-p` (like `-v`) sets verbose;
 * lib/libc/gen/getmntinfo.c passes the mode to getfsstat(2), and sys/kern/vfs_syscalls.c
 * kern_getfsstat with MNT_WAIT calls VFS_STATFS on every mount and leaves out a mount whose statfs
 * fails. For fusefs that is a FUSE_STATFS request (sys/fs/fuse/fuse_vfsops.c fuse_vfsop_statfs,
 * faked only before INIT and after the daemon died): `mount -p` then sleeps in fticket_wait_answer
 * (sys/fs/fuse/fuse_ipc.c, all signals but SIGKILL blocked) until a busy or stalled server answers,
 * up to its daemon_timeout (none with timeout=0), and does not list a mount whose server answers
 * STATFS with an error (a server on /dev/fuse without STATFS: ENOSYS). With MNT_NOWAIT,
 * kern_getfsstat copies mnt_stat as the mount left it (vfs_busy MBF_NOWAIT: only a mount being
 * unmounted is left out). Without -v, `mount` also leaves out a mount made with MNT_IGNORE.
 */
const FREEBSD_MOUNT_LIST = 'mount';
/**
 * `mount` prints a line a mount (sbin/mount/mount.c prmount): `FROM on ON (TYPE`, then `, FLAG` for
 * each flag it names, then `)`. FROM is a fusefs mount's `from` option, the path of the fuse device
 * (fuse_vfsop_mount: fuse_getdevice accepts only a fuse cdev; mount_fusefs passes "/dev/" +
 * devname_r, sbin/mount_fusefs/mount_fusefs.c), so no blank in it, and TYPE is f_fstypename. So the
 * mount point is the third blank-separated field, after `on`, and the fourth is `(TYPE` ended by `,`
 * or `)`. With `type` it must be exactly it; without (a user's server, whose subtype is its own), any
 * fusefs mount: `fusefs` without a subtype, `fusefs.` and at most 8 characters of one with it.
 */
function freebsdMountCheck(type) {
    const test = type
        ? `t == "${type}"`
        : `(t == "fusefs" || (substr(t, 1, 7) == "fusefs." && length(t) <= ${MFSNAMELEN - 1}))`;
    return (`${FREEBSD_MOUNT_LIST} | awk '{ t = $4; sub(/^[(]/, "", t); sub(/[,)]$/, "", t) } ` +
        `$2 == "on" && $3 == "${common/* MOUNTPOINT */.qg}" && ${test} { found = 1 } END { exit !found }'`);
}
/**
 * The fixture's `daemon_timeout=` (the kernel's `timeout=` mount option): every FUSE request
 * times out after the session's daemon_timeout (sys/fs/fuse/fuse_ipc.c fticket_wait_answer:
 * msleep(..., daemon_timeout * hz), EWOULDBLOCK becomes ETIMEDOUT), 60 s by default
 * (FUSE_DEFAULT_DAEMON_TIMEOUT, sys/fs/fuse/fuse.h), and the gate's default test timeout is also
 * 60 s. fuse_vfsop_mount reads `timeout=` with "%u" and clamps it to FUSE_MIN_DAEMON_TIMEOUT (0)
 * .. FUSE_MAX_DAEMON_TIMEOUT (600). So: the test timeout plus the watchdog's samples and the
 * host's grace, and 0 (msleep without a timeout: no daemon timeout at all) when that is more than
 * the kernel's 600 s, rather than a cap that would turn a stall into ETIMEDOUT before the verdict.
 */
const FUSE_MAX_DAEMON_TIMEOUT_SEC = 600;
const DAEMON_TIMEOUT_MARGIN_SEC = 60;
function fixtureDaemonTimeout(testTimeoutSec) {
    const wanted = Math.ceil(testTimeoutSec) + DAEMON_TIMEOUT_MARGIN_SEC;
    return wanted > FUSE_MAX_DAEMON_TIMEOUT_SEC ? 0 : wanted;
}
/**
 * The last line of `output` that is wholly of `shape`. The console also carries kernel and syslog
 * lines (the serial line is the kernel's console), and one can land inside a command's output;
 * a value is only taken from a line of its own shape.
 */
function lineOfShape(output, shape) {
    return output
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => shape.test(line))
        .pop();
}
const SHA256 = /^[0-9a-f]{64}$/;
const NUMBER = /^\d+$/;
const ABSOLUTE_PATH = /^\/\S*$/;
/**
 * `make -V .OBJDIR`: under MAKEOBJDIRPREFIX, or the source folder itself when make made no object
 * folder (share/mk/bsd.obj.mk); both are under the gate's folder (and may hold spaces).
 */
const OBJ_PATH = new RegExp(`^${common/* GATE_DIR */.Wd}/.+$`);
/** sys/conf/newvers.sh VERSTR: `FreeBSD ${RELEASE} ${BRANCH}-... ${KERNCONF}`; uname -v prints it. */
const UNAME_V = /^FreeBSD \S+/;
class BuildError extends Error {
    constructor(message) {
        super(message);
        this.name = 'BuildError';
    }
}
const tail = (s, n = 3000) => (s.length > n ? s.slice(-n) : s);
/**
 * What a module load that stopped at an undefined symbol means. The kernel linker checks the
 * module's MODULE_DEPEND on the kernel (its __FreeBSD_version, sys/sys/module.h DECLARE_MODULE)
 * in linker_load_dependencies before relocate_file resolves symbols (sys/kern/link_elf_obj.c
 * link_elf_load_file), so the version check passed: the tree's fusefs.ko, built against the tree's
 * own headers, names a symbol the running kernel does not have. Whose that is cannot be known here,
 * so it stays the gate's (`error`): the tree may call something defined nowhere (its own bug), or
 * its sys/ may be newer than the image's kernel without a __FreeBSD_version bump; and a textual
 * search of the tree's sys/ for a definition cannot tell those apart, because many kernel symbols
 * are generated and appear in no source as written (sys/tools/vnode_if.awk makes `vop_*_desc` and
 * `VOP_*_APV` from sys/kern/vnode_if.src; SYSCTL_NODE and kobj methods make names by macro), so a
 * `fail` from such a search would blame the tree for an image that is only older.
 */
function missingSymbolWords(symbols) {
    return `fusefs.ko needs the kernel symbol ${symbols.join(', ')}, which the running kernel does not have (link_elf_obj: symbol undefined): either the tree's code calls something defined nowhere, or the tree is newer than the image's kernel and needs build: kernel to build and boot its own`;
}
class FreeBSDGuest {
    options;
    os = 'freebsd';
    console = FREEBSD_CONSOLE;
    state = {};
    constructor(options = {}) {
        this.options = options;
    }
    /** virtio-blk disks are `vtbd0, vtbd1, ...` (sys/dev/virtio/block/virtio_blk.c VTBLK_DISK_NAME "vtbd"); the boot disk is vtbd0. */
    disks(diskIndexOfPayload) {
        return { payload: `/dev/vtbd${diskIndexOfPayload}`, results: `/dev/vtbd${diskIndexOfPayload + 1}` };
    }
    async prepare(shell, disks, config) {
        await (0,common/* mustRun */.Pv)(shell, `mkdir -p ${common/* RESULTS_DIR */.z5} ${common/* BIN_DIR */.k6} ${FREEBSD_PATHS.work} && tar -xf ${(0,quote/* shQuote */.U)(disks.payload)} -C ${common/* GATE_DIR */.Wd}`, 600_000, 'unpacking the payload disk');
        // Record what the image is: the gate's report and the proof need it.
        await shell.run(`{ uname -a; sysctl kern.osreldate kern.bootfile debug.kdb.available debug.kdb.current debug.debugger_on_panic; } > ${common/* RESULTS_DIR */.z5}/guest-info.txt 2>&1`, {
            timeoutMs: 10_000,
        });
        // Which debugger the booted kernel has decides what the host backstop may do (debug.kdb.available
        // lists the KDB backends, sys/kern/subr_kdb.c; debug.witness exists only with WITNESS).
        // Decided by exit status, which the end marker carries, not by output a console line could break into.
        const ddb = await shell.run('sysctl -n debug.kdb.available | tr -s " " "\\n" | grep -qx ddb', {
            timeoutMs: 10_000,
        });
        const witness = await shell.run('sysctl -n debug.witness.watch >/dev/null 2>&1', { timeoutMs: 10_000 });
        // An NMI of unknown source (QMP inject-nmi) reaches kdb_trap only while debug.debugger_on_panic
        // is set, and is panic("NMI") otherwise (sys/x86/x86/cpu_machdep.c nmi_call_kdb, panic_on_nmi
        // 0xff; the sysctl is in sys/kern/kern_shutdown.c, 0 with KDB_UNATTENDED).
        const onPanic = await shell.run('sysctl -n debug.debugger_on_panic | grep -qx "[1-9][0-9]*"', {
            timeoutMs: 10_000,
        });
        this.state.hasDdb = ddb.exitStatus === 0;
        this.state.nmiEntersDdb = onPanic.exitStatus === 0;
        this.state.hasWitness = witness.exitStatus === 0;
        const needPrograms = config.tests.includes('workloads') || !config.fuseServer;
        if (needPrograms) {
            // guest/ is built with the image's base cc; its Makefile leaves the programs in /gate/bin.
            await (0,common/* mustRun */.Pv)(shell, `make -C ${FREEBSD_PATHS.guestSrc} FUSEDIR=${FREEBSD_PATHS.src}/sys/fs/fuse BINDIR=${common/* BIN_DIR */.k6} && test -x ${common/* BIN_DIR */.k6}/fusefs-fixture && test -x ${common/* BIN_DIR */.k6}/fusefs-workloads`, 600_000, 'building the guest programs (guest/)');
        }
        await shell.run(`if [ -f ${FREEBSD_PATHS.guestSrc}/watchdog.sh ]; then install -m 0755 ${FREEBSD_PATHS.guestSrc}/watchdog.sh ${common/* BIN_DIR */.k6}/watchdog.sh; fi`, { timeoutMs: 10_000 });
    }
    async buildTarget(shell, config) {
        const param = await shell.run(`grep -E '^#define[[:space:]]+__FreeBSD_version' ${FREEBSD_PATHS.src}/sys/sys/param.h`, { timeoutMs: 10_000 });
        const osrel = await this.readValue(shell, 'sysctl -n kern.osreldate', NUMBER);
        const treeVersion = (0,freebsd_resolve/* parseFreebsdVersion */.V6)(param.output);
        const osreldate = Number(osrel.value);
        if (!osrel.value || osreldate <= 0)
            throw new BuildError(`sysctl -n kern.osreldate gave ${JSON.stringify(osrel.output.trim())}`);
        this.state.treeVersion = treeVersion;
        this.state.osreldate = osreldate;
        const decision = decideBuild(config.build, treeVersion, osreldate, () => this.options.tree ?? (0,freebsd_tree/* readTreeFacts */.sx)(config.sourceTree));
        let outcome;
        // The tree cannot build the kernel the booted image needs: nothing to try, say what to change.
        if (decision.mode === 'refuse')
            return { mode: 'kernel', why: decision.why, ok: false, blame: 'gate', tail: decision.why };
        if (decision.mode === 'module')
            outcome = await this.buildModule(shell, config, decision.why);
        else if (decision.mode === 'kernel')
            outcome = await this.buildKernel(shell, config, decision.why);
        else
            outcome = await this.loadStockModule(shell, decision.why);
        if (outcome.ok && config.tests.includes('gtest')) {
            const note = await this.prepareGtest(shell, config);
            outcome.why += `; ${note}`;
        }
        return outcome;
    }
    /**
     * Runs `command` and takes its value from the last output line of `shape`; once more when no
     * line has it (a kernel message can break into a line: it is printed straight to the UART,
     * around the tty's output queue). `value` is undefined when neither run gave one.
     */
    async readValue(shell, command, shape, timeoutMs = 10_000) {
        let result = await shell.run(command, { timeoutMs });
        let value = lineOfShape(result.output, shape);
        if (value === undefined) {
            result = await shell.run(command, { timeoutMs });
            value = lineOfShape(result.output, shape);
        }
        return value === undefined
            ? { output: result.output, exitStatus: result.exitStatus }
            : { value, output: result.output, exitStatus: result.exitStatus };
    }
    /**
     * build: none: the image's own fusefs.ko, loaded before the fixture opens /dev/fuse. The device
     * exists only once the module is loaded (sys/fs/fuse/fuse_device.c fuse_device_init, make_dev
     * "fuse", called from fuse_loader at MOD_LOAD in fuse_main.c); nmount would auto-load the module,
     * but a server opens /dev/fuse before it mounts. `kldstat -q -m fusefs` exits 0 exactly when the
     * module is there (sbin/kldstat/kldstat.c: modfind, quiet); kldload by name finds
     * /boot/kernel/fusefs.ko through the module path (sbin/kldload/kldload.c).
     */
    async loadStockModule(shell, why) {
        const load = await shell.run('kldstat -q -m fusefs || kldload fusefs 2>&1', {
            timeoutMs: 60_000,
            purpose: "loading the image's fusefs.ko",
        });
        if (load.exitStatus !== 0) {
            return {
                mode: 'none',
                why,
                ok: false,
                blame: 'gate',
                tail: `kldload fusefs failed (exit ${load.exitStatus}): ${load.output.trim()}`,
            };
        }
        return {
            mode: 'none',
            why: `${why}: the image's own fusefs.ko is under test (loaded before mounting)`,
            ok: true,
            artifact: '/boot/kernel/fusefs.ko',
        };
    }
    makeEnv() {
        // MAKEOBJDIRPREFIX must come from the environment (bmake ignores it on the command line).
        return `env MAKEOBJDIRPREFIX=${FREEBSD_PATHS.obj}`;
    }
    failedBuild(mode, why, what, status, output) {
        const errors = parseCompilerErrors(output, `${FREEBSD_PATHS.src}/`);
        // The linker rejecting the tree's objects (the kernel's final link; a module's duplicates) is
        // the tree's as much as the compiler rejecting its sources.
        const linkErrors = parseLinkErrors(output, `${FREEBSD_PATHS.src}/`);
        if (errors.length || linkErrors.length) {
            const found = [
                ...(errors.length ? [`${errors.length} compiler error(s)`] : []),
                ...(linkErrors.length ? [`${linkErrors.length} link error(s) (${linkErrors[0].message})`] : []),
            ];
            return {
                mode,
                why,
                ok: false,
                blame: 'tree',
                ...(errors.length ? { compilerErrors: errors } : {}),
                ...(linkErrors.length ? { linkErrors } : {}),
                tail: `${what} failed (exit ${status}) with ${found.join(' and ')}:\n${tail(output)}`,
            };
        }
        return {
            mode,
            why,
            ok: false,
            blame: 'gate',
            tail: `${what} failed (exit ${status}) without a compiler or link error:\n${tail(output)}`,
        };
    }
    async buildModule(shell, config, why) {
        const dir = `${FREEBSD_PATHS.src}/sys/modules/fusefs`;
        // sys/modules/fusefs/Makefile: KMOD=fusefs, .PATH ${SRCTOP}/sys/fs/fuse, .include <bsd.kmod.mk>;
        // sys/conf/kmod.mk needs SYSDIR (else it searches ../.. and /usr/src/sys). make finds the tree's
        // own share/mk through its default .../share/mk system path, so the payload carries share/mk.
        const vars = [`SYSDIR=${FREEBSD_PATHS.src}/sys`, `SRCTOP=${FREEBSD_PATHS.src}`];
        const make = `${this.makeEnv()} make -C ${dir} ${vars.join(' ')}`;
        const build = await shell.run(`${make} -j${Math.max(1, config.cpus)} all 2>&1`, {
            timeoutMs: config.buildTimeoutSec * 1000,
            purpose: 'building fusefs.ko',
        });
        if (build.exitStatus !== 0)
            return this.failedBuild('module', why, 'make -C sys/modules/fusefs', build.exitStatus, build.output);
        const objdir = (await this.readValue(shell, `${make} -V .OBJDIR`, OBJ_PATH, 30_000)).value;
        if (!objdir)
            return {
                mode: 'module',
                why,
                ok: false,
                blame: 'gate',
                tail: `make -V .OBJDIR named no folder under ${common/* GATE_DIR */.Wd}`,
            };
        const ko = `${objdir}/fusefs.ko`;
        const hash = await this.readValue(shell, `sha256 -q ${(0,quote/* shQuote */.U)(ko)}`, SHA256, 30_000);
        if (hash.exitStatus !== 0 || !hash.value)
            return {
                mode: 'module',
                why,
                ok: false,
                blame: 'gate',
                tail: `the build said it succeeded but ${ko} is missing: ${hash.output.trim()}`,
            };
        this.state.modulePath = ko;
        this.state.moduleSha256 = hash.value;
        // Unload whatever fusefs is there (the stock module if something auto-loaded it), then load ours by path.
        const load = await shell.run(`if kldstat -q -m fusefs; then kldunload fusefs.ko || exit 1; fi; kldload -v ${(0,quote/* shQuote */.U)(ko)} 2>&1`, {
            timeoutMs: 60_000,
            purpose: 'loading the built fusefs.ko',
        });
        if (load.exitStatus !== 0) {
            const dmesg = await shell.run('dmesg | tail -n 20', { timeoutMs: 10_000 });
            const missing = undefinedKernelSymbols(dmesg.output);
            const first = `kldload ${ko} failed (exit ${load.exitStatus})${missing.length ? `: ${missingSymbolWords(missing)}` : ''}`;
            return {
                mode: 'module',
                why,
                ok: false,
                blame: 'gate',
                artifact: ko,
                tail: `${first}\n${load.output.trim()}\n--- dmesg ---\n${dmesg.output.trim()}`,
            };
        }
        return { mode: 'module', why, ok: true, artifact: ko };
    }
    async buildKernel(shell, config, why) {
        // GENERIC-NODEBUG exists only on HEAD (its own header says so) and turns off INVARIANTS/WITNESS
        // (sys/conf/std.nodebug); elsewhere GENERIC is the release kernel's config.
        let kernconf = config.kernconf;
        if (!kernconf) {
            const nodebug = await shell.run(`test -f ${FREEBSD_PATHS.src}/sys/amd64/conf/GENERIC-NODEBUG`, {
                timeoutMs: 10_000,
            });
            kernconf = nodebug.exitStatus === 0 ? 'GENERIC-NODEBUG' : 'GENERIC';
        }
        this.state.kernconf = kernconf;
        why = `${why} (KERNCONF=${kernconf})`;
        // buildkernel/installkernel from the top of a full tree (Makefile.inc1); MODULES_OVERRIDE keeps
        // the module build to fusefs, which is all the tests load.
        const vars = [`KERNCONF=${(0,quote/* shQuote */.U)(kernconf)}`, 'MODULES_OVERRIDE=fusefs'];
        this.state.uname = (await this.readValue(shell, 'uname -v', UNAME_V)).value ?? '(unreadable)';
        const build = await shell.run(`make -C ${FREEBSD_PATHS.src} -j${Math.max(1, config.cpus)} buildkernel ${vars.join(' ')} 2>&1`, {
            timeoutMs: config.buildTimeoutSec * 1000,
            purpose: `building the ${kernconf} kernel`,
        });
        if (build.exitStatus !== 0)
            return this.failedBuild('kernel', why, 'make buildkernel', build.exitStatus, build.output);
        const install = await shell.run(`make -C ${FREEBSD_PATHS.src} installkernel ${vars.join(' ')} 2>&1`, {
            timeoutMs: 600_000,
            purpose: 'installing the kernel',
        });
        if (install.exitStatus !== 0)
            return {
                mode: 'kernel',
                why,
                ok: false,
                blame: 'gate',
                tail: `make installkernel failed (exit ${install.exitStatus}):\n${tail(install.output)}`,
            };
        const sums = await shell.run('sha256 -q /boot/kernel/kernel /boot/kernel/fusefs.ko', {
            timeoutMs: 60_000,
        });
        const [kernelSha, moduleSha] = sums.output
            .split('\n')
            .map((line) => line.trim())
            .filter((line) => SHA256.test(line));
        if (sums.exitStatus !== 0 || !kernelSha || !moduleSha) {
            return {
                mode: 'kernel',
                why,
                ok: false,
                blame: 'gate',
                tail: `installkernel left no /boot/kernel/kernel or fusefs.ko: ${sums.output.trim()}`,
            };
        }
        this.state.kernelSha256 = kernelSha;
        this.state.moduleSha256 = moduleSha;
        this.state.modulePath = '/boot/kernel/fusefs.ko';
        return {
            mode: 'kernel',
            why,
            ok: true,
            rebootRequired: true,
            artifact: `/boot/kernel/kernel (${kernconf})`,
        };
    }
    /**
     * Build the tree's tests/sys/fs/fusefs/write (Makefile: GTESTS+= write; SRCS write.cc getmntopts.c
     * mockfs.cc utils.cc; -I${SRCTOP}/tests -I${SRCTOP}/sys/fs/fuse -I${SRCTOP}/sbin/mount;
     * .PATH ${SRCTOP}/sbin/mount; LIBADD pthread gmock gtest util; <bsd.test.mk>). GTESTS=write on the
     * command line overrides the list. Falls back to the image's /usr/tests/sys/fs/fusefs/write.
     */
    async prepareGtest(shell, config) {
        const dir = `${FREEBSD_PATHS.src}/tests/sys/fs/fusefs`;
        const make = `${this.makeEnv()} make -C ${dir} SRCTOP=${FREEBSD_PATHS.src} GTESTS=write`;
        const build = await shell.run(`${make} -j${Math.max(1, config.cpus)} all 2>&1`, {
            timeoutMs: config.buildTimeoutSec * 1000,
            purpose: 'building the write tests',
        });
        if (build.exitStatus === 0) {
            const objdir = (await this.readValue(shell, `${make} -V .OBJDIR`, OBJ_PATH, 30_000)).value ??
                `${FREEBSD_PATHS.obj}/(unknown)`;
            const link = await shell.run(`ln -sf ${(0,quote/* shQuote */.U)(`${objdir}/write`)} ${FREEBSD_PATHS.gtestBinary} && test -x ${FREEBSD_PATHS.gtestBinary}`, { timeoutMs: 10_000 });
            if (link.exitStatus === 0) {
                this.state.gtestNote = `the tree's tests/sys/fs/fusefs/write was built in the guest (${objdir}/write)`;
                return this.state.gtestNote;
            }
        }
        const fallback = await shell.run(`test -x /usr/tests/sys/fs/fusefs/write && ln -sf /usr/tests/sys/fs/fusefs/write ${FREEBSD_PATHS.gtestBinary}`, { timeoutMs: 10_000 });
        if (fallback.exitStatus !== 0) {
            throw new BuildError(`the tree's write tests did not build and the image has no /usr/tests/sys/fs/fusefs/write:\n${tail(build.output, 1500)}`);
        }
        this.state.gtestNote = `the tree's write tests did not build in the guest, so the image's /usr/tests/sys/fs/fusefs/write runs against the tree's module (build output tail: ${tail(build.output, 300).trim()})`;
        return this.state.gtestNote;
    }
    async proveTarget(shell, _config, target) {
        const details = [];
        if (target.mode === 'none') {
            const k = parseKldstat((await shell.run('kldstat -v', { timeoutMs: 10_000 })).output);
            const f = findFusefs(k);
            details.push("build: none: the image's own fusefs is under test, nothing of the tree was built");
            if (!f)
                return {
                    ok: false,
                    details: [...details, 'kldstat -v shows no fusefs module, though it was loaded before'],
                };
            details.push(`kldstat -v: fusefs from ${f.path ?? f.name}`);
            return { ok: true, details };
        }
        let ok = true;
        if (target.mode === 'kernel') {
            const bootfile = (await this.readValue(shell, 'sysctl -n kern.bootfile', ABSOLUTE_PATH)).value ?? '(unreadable)';
            const uname = (await this.readValue(shell, 'uname -v', UNAME_V)).value ?? '(unreadable)';
            const osrel = Number((await this.readValue(shell, 'sysctl -n kern.osreldate', NUMBER)).value ?? NaN);
            const kernSha = (await this.readValue(shell, 'sha256 -q /boot/kernel/kernel', SHA256, 30_000)).value ?? '';
            details.push(`sysctl kern.bootfile: ${bootfile}`, `uname -v: ${uname}${this.state.uname ? ` (before the reboot: ${this.state.uname})` : ''}`);
            // The loader boots /boot/kernel/kernel unless it fell back (kernel.old); installkernel put the built one there.
            if (bootfile !== '/boot/kernel/kernel') {
                ok = false;
                details.push(`the kernel booted from ${bootfile}, not /boot/kernel/kernel where installkernel put the built one`);
            }
            if (!this.state.kernelSha256 || kernSha !== this.state.kernelSha256) {
                ok = false;
                details.push(`/boot/kernel/kernel sha256 ${kernSha || '(unreadable)'} is not the installed ${this.state.kernelSha256 ?? '(no hash recorded)'}`);
            }
            else
                details.push(`/boot/kernel/kernel sha256 ${kernSha} is the installed kernel`);
            // kern.osreldate is the running kernel's __FreeBSD_version (sys/conf/newvers.sh RELDATE from sys/sys/param.h).
            if (this.state.treeVersion !== undefined && osrel !== this.state.treeVersion) {
                ok = false;
                details.push(`kern.osreldate ${osrel} is not the tree's __FreeBSD_version ${this.state.treeVersion}: the stock kernel is running`);
            }
            else
                details.push(`kern.osreldate ${osrel} is the tree's __FreeBSD_version`);
            // Load the installed module by its path: a name with a '/' is a file, used as it is
            // (sys/kern/kern_linker.c kern_kldload, linker_search_kld), so the file that loads or refuses is
            // the one installkernel put there and the build hashed, whatever kern.module_path or a
            // linker.hints says; once loaded, mounting auto-loads nothing else.
            const installed = '/boot/kernel/fusefs.ko';
            // dmesg prints the message buffer oldest line first (sbin/dmesg/dmesg.c): the lines after this
            // count are the load's own, not an earlier boot message (another module that did not link).
            const before = Number((await this.readValue(shell, 'dmesg | wc -l', NUMBER)).value ?? NaN);
            const load = await shell.run(`kldstat -q -m fusefs || kldload ${installed} 2>&1`, {
                timeoutMs: 60_000,
            });
            if (load.exitStatus !== 0) {
                details.push(`kldload ${installed} failed (exit ${load.exitStatus}): ${load.output.trim()}`);
                if (!Number.isInteger(before))
                    details.push("dmesg | wc -l was unreadable before the load: which kernel lines are the load's is not known");
                else {
                    const dmesg = await shell.run(`dmesg | tail -n +${before + 1} | tail -n 20`, { timeoutMs: 10_000 });
                    const lines = dmesg.output.trim();
                    if (lines)
                        details.push(`dmesg since the load: ${lines.split('\n').join(' | ')}`);
                    const missing = undefinedKernelSymbols(dmesg.output);
                    // Kernel and module are both the tree's (installkernel, MODULES_OVERRIDE=fusefs), and the
                    // bootfile, hash and osreldate checks above passed: a symbol the module needs and this
                    // kernel lacks is the tree's.
                    if (missing.length && ok)
                        return {
                            ok: false,
                            details,
                            treeFault: `the tree's fusefs.ko does not load into the tree's own kernel: it needs the kernel symbol ${missing.join(', ')}, which that kernel does not define (link_elf_obj: symbol undefined, sys/kern/link_elf_obj.c)`,
                        };
                }
            }
        }
        const expectedPath = this.state.modulePath ?? (target.mode === 'kernel' ? '/boot/kernel/fusefs.ko' : undefined);
        const files = parseKldstat((await shell.run('kldstat -v', { timeoutMs: 10_000 })).output);
        const loaded = findFusefs(files);
        if (!loaded) {
            return {
                ok: false,
                details: [
                    ...details,
                    `kldstat -v shows no fusefs module loaded; expected ${expectedPath ?? 'the built fusefs.ko'}`,
                ],
            };
        }
        const loadedPath = loaded.path ?? loaded.name;
        if (expectedPath && loadedPath !== expectedPath) {
            return {
                ok: false,
                details: [
                    ...details,
                    `kldstat -v shows fusefs loaded from ${loadedPath}, not from the built ${expectedPath}`,
                ],
            };
        }
        details.push(`kldstat -v: fusefs loaded from ${loadedPath} (file id ${loaded.id})`);
        const sha = await this.readValue(shell, `sha256 -q ${(0,quote/* shQuote */.U)(loadedPath)}`, SHA256, 30_000);
        const actual = sha.value ?? '';
        if (sha.exitStatus !== 0 || !this.state.moduleSha256 || actual !== this.state.moduleSha256) {
            ok = false;
            details.push(`sha256 of ${loadedPath} is ${actual || '(unreadable)'}, the build produced ${this.state.moduleSha256 ?? '(no hash recorded)'}`);
        }
        else {
            details.push(`sha256 ${actual} matches the build`);
        }
        return { ok, details };
    }
    async mount(shell, config) {
        if (config.fuseServer && config.fuseServerSource) {
            await (0,common/* mustRun */.Pv)(shell, `make -C ${FREEBSD_PATHS.fuseServerSrc} 2>&1`, config.buildTimeoutSec * 1000, 'building the FUSE server (fuse-server-source)');
        }
        // The fixture's type is known exactly (its subtype, cut as the kernel cuts it); a user's server's is not.
        // A user's server is started detached (daemon(8): its own session, stdio on /dev/null) from a guest script.
        const result = config.fuseServer
            ? await (0,common/* mountFuseServer */.c$)(shell, config.fuseServer, freebsdMountCheck(), common/* DETACH */.SN.freebsd, common/* FUSE_SERVER_MOUNT_TIMEOUT_MS */.BC)
            : await shell.run((0,common/* fixtureMountCommand */.SE)(config, freebsdMountCheck(fusefsTypeName(FIXTURE_SUBTYPE)), [
                `daemon_timeout=${fixtureDaemonTimeout(config.timeoutSec)}`,
            ]), {
                timeoutMs: 60_000,
                purpose: 'mounting the FUSE file system',
            });
        if (result.exitStatus !== 0)
            throw new common/* MountError */.Kq(`mounting the FUSE file system failed (exit ${result.exitStatus}): ${result.output.trim().slice(-800)}`);
        if (!config.fuseServer)
            await (0,server_session/* recordFixtureSession */.vy)(shell, result.output);
        return common/* MOUNTPOINT */.qg;
    }
    /**
     * The same mount-table check as the mount's wait (freebsdMountCheck: `mount`, MNT_NOWAIT): it never
     * waits on the server, so a busy, slow or stalled server cannot hang it or hide its mount.
     */
    fuseMountGone(shell) {
        return (0,common/* fuseMountGone */._f)(shell, freebsdMountCheck());
    }
    tests(config, mountpoint) {
        const specs = [];
        if (config.tests.includes('workloads'))
            specs.push(...(0,common/* workloadTests */.b7)(config, mountpoint));
        if (config.tests.includes('gtest'))
            specs.push(gtestSpec(config.gtestFilter));
        return specs;
    }
    async gtestResults(shell, spec, iteration) {
        const xmlPath = spec.xmlPath ?? FREEBSD_PATHS.gtestXml;
        const xml = await shell.run(`cat ${(0,quote/* shQuote */.U)(xmlPath)}`, { timeoutMs: 30_000 });
        const log = await shell.run(`cat ${FREEBSD_PATHS.gtestLog}`, { timeoutMs: 30_000 });
        return gtestResultsFromRun({
            xml: xml.exitStatus === 0 ? xml.output : undefined,
            consoleText: log.exitStatus === 0 ? log.output : '',
            iteration,
            filter: filterOf(spec),
        });
    }
    // No resolveSourceLines: fusefs.ko (and its .ko.debug) is a relocatable object on amd64
    // (sys/conf/kmod.mk: "amd64 uses direct linking", __KLD_SHARED=no, `ld -r`; the kernel links it
    // itself, sys/kern/link_elf_obj.c), so nm gives section offsets and the debug
    // info's addresses are section-relative too; nm + addr2line on the file can point at the wrong
    // line, and a wrong source line is worse than none. Frames keep function+offset.
    /**
     * Release kernels have KDB but no ddb (sys/conf/std.debug adds DDB on HEAD only): an NMI gets no
     * stacks from them, so the backstop says so and keeps the serial log. With ddb: `set $lines 0`
     * turns the pager off (sys/ddb/db_output.c db_enable_pager), then the threads' stacks and locks.
     */
    backstop() {
        // Without a ddb backend kdb_trap returns 0 and nmi_call_kdb panics ("NMI"; sys/x86/x86/cpu_machdep.c,
        // sys/kern/subr_kdb.c): the NMI would turn a hang into a panic, so it is not sent.
        if (!this.state.hasDdb)
            return {
                kind: 'none',
                why: 'the booted kernel has no ddb (debug.kdb.available), so an NMI would get no stacks, only panic("NMI")',
            };
        if (!this.state.nmiEntersDdb)
            return {
                kind: 'none',
                why: 'debug.debugger_on_panic is 0, so an NMI would panic the guest ("NMI") instead of entering ddb',
            };
        // `alltrace` is ddb's all-threads trace (sys/ddb/db_command.c db_cmds: "alltrace" ->
        // db_stack_trace_all, also `show all trace`); `bt` takes one thread and parses its argument as
        // an expression, so `bt all` is "Symbol not found". `show alllocks` exists only with WITNESS
        // (sys/kern/subr_witness.c DB_SHOW_ALL_COMMAND), `show lockedvnods` with DDB (sys/kern/vfs_subr.c).
        return {
            kind: 'ddb',
            commands: [
                'set $lines 0',
                'alltrace',
                ...(this.state.hasWitness ? ['show alllocks'] : []),
                'show lockedvnods',
            ],
        };
    }
    /**
     * A watchdog sample (docs/guest-protocol.md "Capture, FreeBSD"): the report's parsers read the
     * procstat -kk block and add state and wait channel from the ps -axlww block.
     */
    parseSample(text) {
        return (this.options.parseStacks ?? stacks/* parseStacks */.Hf)(text);
    }
    async collect(shell, disks) {
        await shell.run(`dmesg > ${common/* RESULTS_DIR */.z5}/dmesg.txt 2>&1; kldstat -v > ${common/* RESULTS_DIR */.z5}/kldstat.txt 2>&1; tar -cf ${(0,quote/* shQuote */.U)(disks.results)} -C ${common/* RESULTS_DIR */.z5} . && sync`, { timeoutMs: 120_000, purpose: 'packing the results disk' });
    }
    /**
     * Back to the state of a fresh boot of the same overlay, one command a step so a failure names it:
     * 1. unmount /mnt/fg when `mount` lists it (third field, after `on`: sbin/mount/mount.c prmount;
     *    FREEBSD_MOUNT_LIST, so a server still busy from a slow test cannot hold the reset up):
     *    fuse_vfsop_unmount (sys/fs/fuse/fuse_vfsops.c) marks the session dead (fdata_set_dead), so
     *    the server's next read of /dev/fuse returns ENODEV (sys/fs/fuse/fuse_device.c
     *    fuse_device_read) and the fixture exits;
     * 1b. end what is left of the FUSE server's session (src/guest/server-session.ts: pkill/pgrep -s,
     *    SIGTERM then SIGKILL, each with a bounded wait). A server that outlived its mount would hold
     *    /dev/fuse open into the unload below (destroy_dev waits for threads inside the device) or
     *    write into the next run's files. A process of it that survives SIGKILL (asleep in the kernel
     *    without PCATCH: sys/kern/kern_sig.c tdsigwakeup does not wake a thread without TDF_SINTR)
     *    fails the reset, and the next run boots fresh;
     * 2. when `kldstat -q -m fusefs` finds the module: if kldstat -v lists it inside another file
     *    (`kernel`: a kernel built with fusefs), stop here, it cannot be unloaded; else
     *    `kldunload -v fusefs`: kldfind(2) finds the file by name with or without `.ko`
     *    (sys/kern/kern_linker.c sys_kldfind, linker_find_file_by_name), kern_kldunload ->
     *    linker_file_unload -> MOD_UNLOAD -> fuse_loader (sys/fs/fuse/fuse_main.c) -> vfs_modevent ->
     *    vfs_unregister (sys/kern/vfs_init.c), which refuses with EBUSY while any fusefs mount exists
     *    (vfc_refcount, counted per mount by sys/kern/vfs_mount.c); kldunload then exits 1 with
     *    err(3)'s "kldunload: can't unload file: Device busy" (sbin/kldunload/kldunload.c, EBUSY's
     *    text from lib/libc/gen/errlst.c), and the guest is not reused. `-v` prints
     *    "Unloading %s, id=%d" first. A file the kernel itself loaded is refused too (userrefs 0);
     * 3. `kldstat -v` must list no fusefs any more (sbin/kldstat/kldstat.c), so the next run's
     *    kldload -v is a load, not "already loaded". The unload's fuse_bringdown -> fuse_device_destroy
     *    -> destroy_dev (fuse_main.c, fuse_device.c) waits for threads still inside /dev/fuse; the
     *    command's own timeout bounds that, and a timeout means a fresh boot;
     * 4. the kernel message buffer emptied (kern.msgbuf_clear, sys/kern/subr_prf.c), so the next
     *    run's dmesg.txt does not carry this run's kernel lines;
     * 5. /gate removed: the next payload is unpacked into an empty folder and built from nothing, as on
     *    a fresh boot (no file of the previous commit's tree or objects is left behind).
     * The disks need no cache dropping: FreeBSD disks are character devices whose reads go straight to
     * GEOM (sys/geom/geom_dev.c g_dev_cdevsw: d_read = physread, sys/kern/kern_physio.c), with no
     * buffer cache in between, so `tar -xf /dev/vtbdN` reads what the host wrote.
     * A guest that booted a kernel the run built is never handed on (the session's rule), so the
     * running kernel is always the image's.
     */
    async resetForReuse(shell, _disks) {
        const details = [];
        const fail = (step, result) => ({
            ok: false,
            why: `${step} failed (exit ${result.exitStatus}): ${result.output.trim().slice(-300)}`,
        });
        const table = await shell.run(FREEBSD_MOUNT_LIST, {
            timeoutMs: 10_000,
            purpose: 'reading the mount table',
        });
        const mounted = table.output.split('\n').some((line) => {
            const fields = line.trim().split(/\s+/);
            return fields[1] === 'on' && fields[2] === common/* MOUNTPOINT */.qg;
        });
        if (mounted) {
            const umount = await shell.run(`umount ${common/* MOUNTPOINT */.qg} 2>&1`, {
                timeoutMs: 30_000,
                purpose: 'unmounting',
            });
            if (umount.exitStatus !== 0)
                return fail(`umount ${common/* MOUNTPOINT */.qg}`, umount);
            details.push(`unmounted ${common/* MOUNTPOINT */.qg}`);
        }
        const ended = await shell.run((0,server_session/* endServerSessionCommand */.AN)('freebsd'), {
            timeoutMs: 30_000,
            purpose: "ending the FUSE server's session",
        });
        if (ended.exitStatus !== 0)
            return fail("ending the FUSE server's session", ended);
        if (ended.output.trim())
            details.push(ended.output.trim());
        const loaded = await shell.run('kldstat -q -m fusefs', { timeoutMs: 10_000 });
        if (loaded.exitStatus === 0) {
            // modfind finds a module wherever it is; kldunload finds linker files by name (fusefs.ko or
            // fusefs, linker_find_file_by_name). A kernel built with fusefs holds the module in the
            // `kernel` file (kldstat -v lists it there): nothing can unload it, so say that, not
            // kldunload's "can't find file".
            const holder = findFusefs(parseKldstat((await shell.run('kldstat -v', { timeoutMs: 10_000 })).output));
            if (holder && holder.name !== 'fusefs.ko')
                return {
                    ok: false,
                    why: `fusefs is compiled into ${holder.name} (${holder.path ?? holder.name}), not loaded from a fusefs.ko: it cannot be unloaded`,
                };
            const unload = await shell.run('kldunload -v fusefs 2>&1', {
                timeoutMs: 60_000,
                purpose: 'unloading fusefs.ko',
            });
            if (unload.exitStatus !== 0)
                return fail('kldunload -v fusefs', unload);
            details.push(lineOfShape(unload.output, /^Unloading \S+, id=\d+$/) ?? 'kldunload -v fusefs');
        }
        const left = findFusefs(parseKldstat((await shell.run('kldstat -v', { timeoutMs: 10_000 })).output));
        if (left)
            return { ok: false, why: `kldstat -v still lists fusefs (${left.path ?? left.name}) after kldunload` };
        // dmesg(8) prints the kernel message buffer (kern.msgbuf), which still holds the previous run's
        // kernel lines; each run's dmesg.txt must hold only its own. Writing kern.msgbuf_clear empties
        // it (sys/kern/subr_prf.c sysctl_kern_msgbuf_clear; CTLFLAG_SECURE, allowed at the default
        // securelevel -1). Only sysctl's errors are kept (its stdout goes to /dev/null).
        const msgbuf = await shell.run('sysctl kern.msgbuf_clear=1 2>&1 >/dev/null', { timeoutMs: 10_000 });
        if (msgbuf.exitStatus !== 0)
            return fail('sysctl kern.msgbuf_clear=1', msgbuf);
        details.push('kernel message buffer cleared');
        const clear = await shell.run(`rm -rf ${common/* GATE_DIR */.Wd} && mkdir -p ${common/* GATE_DIR */.Wd}`, {
            timeoutMs: 300_000,
            purpose: `clearing ${common/* GATE_DIR */.Wd}`,
        });
        if (clear.exitStatus !== 0)
            return fail(`clearing ${common/* GATE_DIR */.Wd}`, clear);
        details.push(`${common/* GATE_DIR */.Wd} cleared`);
        return { ok: true, details };
    }
}
/**
 * What the payload must carry of the tree under test (under /gate/src). A module build needs sys/
 * (sys/modules/fusefs, sys/conf/kmod.mk, the headers) and share/mk (make's .../share/mk search
 * finds the tree's own mk files); the write tests also need tests/sys/fs/fusefs,
 * tests/freebsd_test_suite (-I${SRCTOP}/tests) and sbin/mount (getmntopts.c, mntopts.h). A kernel
 * build (Makefile.inc1 buildkernel) needs the whole tree.
 */
const FREEBSD_TREE_PATHS = {
    module: [
        'sys/sys/param.h',
        'sys/conf/newvers.sh',
        'sys/modules/fusefs/Makefile',
        'sys/fs/fuse',
        'share/mk',
    ],
    gtest: ['tests/sys/fs/fusefs/Makefile', 'tests/freebsd_test_suite', 'sbin/mount/getmntopts.c'],
    // Files deep in the folders buildkernel's legacy and kernel-tools stages build from, not the
    // folders: a sparse list such as `lib/libc` makes `lib` exist without lib/libnv.
    kernel: ['Makefile', ...freebsd_tree/* KERNEL_BUILD_NEEDS */.nX],
};
/** Host side, before any work: which required paths the tree lacks for this build and these tests. */
function missingTreePaths(exists, build, tests) {
    const need = [...FREEBSD_TREE_PATHS.module];
    if (build === 'kernel')
        need.push(...FREEBSD_TREE_PATHS.kernel);
    if (tests.includes('gtest'))
        need.push(...FREEBSD_TREE_PATHS.gtest);
    return need.filter((p) => !exists(p));
}
//# sourceMappingURL=freebsd.js.map

/***/ }),

/***/ 8938:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   lj: () => (/* binding */ LinuxGuest)
/* harmony export */ });
/* unused harmony exports LINUX_CONSOLE, LIBC_ETC_COMMAND */
/* harmony import */ var _report_parsers_linux_proc_stack_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6565);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5943);
/* harmony import */ var _server_session_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(248);
// The Linux test guest adapter: Debian's kernel (its built-in FUSE driver) and a busybox initramfs.
// It stands in for FreeBSD wherever a real kernel is needed in our CI: same console protocol,
// same fixture, workloads and watchdog, real hangs with real stacks.



const LINUX_CONSOLE = {
    // guest/linux-init.sh sets PS1='# ' for the root shell on ttyS0.
    shellPrompt: /# $/,
    // init/version.c: linux_banner "Linux version %s ..." is printed once per boot.
    bootBanner: /Linux version \d+\.\d+/,
    // kernel/panic.c: "Kernel panic - not syncing: %s" ... "---[ end Kernel panic - not syncing: %s ]---".
    panicStart: /Kernel panic - not syncing/,
    panicEnd: /---\[ end Kernel panic/,
};
class LinuxGuest {
    image;
    os = 'linux';
    console = LINUX_CONSOLE;
    constructor(image) {
        this.image = image;
    }
    disks(diskIndexOfPayload) {
        // virtio-blk disks are named vda, vdb, ... in PCI order; the test guest boots from -kernel, no disk.
        const letter = (index) => String.fromCharCode('a'.charCodeAt(0) + index);
        return {
            payload: `/dev/vd${letter(diskIndexOfPayload)}`,
            results: `/dev/vd${letter(diskIndexOfPayload + 1)}`,
        };
    }
    async prepare(shell, disks, config) {
        // Warnings and worse reach the console (the kernel's hung-task reports are KERN_ERR); chatter does not.
        await (0,_common_js__WEBPACK_IMPORTED_MODULE_1__/* .mustRun */ .Pv)(shell, 'dmesg -n 4', 10_000, 'setting the console log level');
        await (0,_common_js__WEBPACK_IMPORTED_MODULE_1__/* .mustRun */ .Pv)(shell, `mkdir -p /gate/results && tar -xf ${disks.payload} -C /gate`, 60_000, 'unpacking the payload disk');
        // The kernel's own hung-task detector prints blocked tasks' stacks even when userland is stuck.
        const hungTaskSecs = Math.max(2, Math.ceil(config.timeoutSec));
        await shell.run(`echo ${hungTaskSecs} > /proc/sys/kernel/hung_task_timeout_secs; echo 0 > /proc/sys/kernel/hung_task_panic`, {
            timeoutMs: 10_000,
        });
    }
    async buildTarget(_shell, _config) {
        return {
            mode: 'none',
            why: "the Linux test guest runs its packaged kernel's FUSE driver; there is no tree to build",
            ok: true,
        };
    }
    async proveTarget(shell, config, _target) {
        const details = [];
        let ok = true;
        const release = (await shell.run('uname -r', { timeoutMs: 10_000 })).output.trim();
        if (release === this.image.kernelRelease)
            details.push(`kernel ${release} is the one the guest was built with`);
        else {
            ok = false;
            details.push(`kernel ${release} is running, but the guest was built with ${this.image.kernelRelease}`);
        }
        // The built-in fixture's hash proves nothing about a run that mounts the user's own server.
        const names = Object.keys(this.image.programs)
            .filter((name) => !(config.fuseServer && name === FIXTURE_PROGRAM))
            .sort();
        if (config.fuseServer)
            details.push(`the FUSE server is the user's (--fuse-server), not the built-in fixture: ${config.fuseServer}`);
        const hashes = await shell.run(`sha256sum ${names.map((name) => `/gate/bin/${name}`).join(' ')}`, {
            timeoutMs: 30_000,
        });
        const found = new Map(hashes.output
            .split('\n')
            .map((line) => line.trim().split(/\s+/))
            .filter((parts) => parts.length === 2)
            .map(([hash, file]) => [file.replace('/gate/bin/', ''), hash]));
        for (const name of names) {
            const expected = this.image.programs[name];
            const actual = found.get(name);
            if (actual === expected)
                details.push(`${name} sha256 ${expected.slice(0, 16)}... as built`);
            else {
                ok = false;
                details.push(`${name}: expected sha256 ${expected}, found ${actual ?? 'nothing'}`);
            }
        }
        return { ok, details };
    }
    async mount(shell, config) {
        if (config.fuseServer)
            await (0,_common_js__WEBPACK_IMPORTED_MODULE_1__/* .mustRun */ .Pv)(shell, LIBC_ETC_COMMAND, 10_000, 'writing the /etc files libc reads');
        const result = config.fuseServer
            ? await (0,_common_js__WEBPACK_IMPORTED_MODULE_1__/* .mountFuseServer */ .c$)(shell, config.fuseServer, LINUX_MOUNT_CHECK, _common_js__WEBPACK_IMPORTED_MODULE_1__/* .DETACH */ .SN.linux, _common_js__WEBPACK_IMPORTED_MODULE_1__/* .FUSE_SERVER_MOUNT_TIMEOUT_MS */ .BC)
            : await shell.run((0,_common_js__WEBPACK_IMPORTED_MODULE_1__/* .fixtureMountCommand */ .SE)(config, LINUX_MOUNT_CHECK), {
                timeoutMs: 30_000,
                purpose: 'mounting the FUSE file system',
            });
        if (result.exitStatus !== 0)
            throw new _common_js__WEBPACK_IMPORTED_MODULE_1__/* .MountError */ .Kq(`mounting the FUSE file system failed (exit ${result.exitStatus}): ${result.output.trim().slice(-500)}`);
        if (!config.fuseServer)
            await (0,_server_session_js__WEBPACK_IMPORTED_MODULE_2__/* .recordFixtureSession */ .vy)(shell, result.output);
        return _common_js__WEBPACK_IMPORTED_MODULE_1__/* .MOUNTPOINT */ .qg;
    }
    fuseMountGone(shell) {
        return (0,_common_js__WEBPACK_IMPORTED_MODULE_1__/* .fuseMountGone */ ._f)(shell, LINUX_MOUNT_CHECK);
    }
    tests(config, mountpoint) {
        return (0,_common_js__WEBPACK_IMPORTED_MODULE_1__/* .workloadTests */ .b7)(config, mountpoint);
    }
    backstop() {
        // Alt+SysRq+W (drivers/tty/sysrq.c "show-blocked-tasks") dumps the tasks in D state.
        return { kind: 'sysrq', key: 'w' };
    }
    parseSample(text) {
        return (0,_report_parsers_linux_proc_stack_js__WEBPACK_IMPORTED_MODULE_0__/* .parseWatchdogLinuxSample */ .L)(text);
    }
    async collect(shell, disks) {
        await shell.run(`dmesg > /gate/results/dmesg.txt 2>&1; tar -cf ${disks.results} -C /gate/results . && sync`, { timeoutMs: 60_000, purpose: 'packing the results disk' });
    }
    /**
     * Back to the state of a fresh boot, step by step so a failure names its step:
     * 1. unmount /mnt/fg (the fixture exits when its mount goes);
     * 1b. end what is left of the FUSE server's session (src/guest/server-session.ts): SIGTERM, SIGKILL,
     *    each with a bounded wait; anything of it still running (asleep in the kernel) fails the reset.
     *    Else a server that outlived its mount keeps /dev/fuse open (rmmod refuses), or writes into
     *    the next run's files;
     * 2. unload a loadable fuse module (the tree's): `initstate` exists in /sys/module/NAME only for a
     *    loaded module (kernel/module/sysfs.c), not for built-in code such as the cloud kernel's FUSE.
     *    A mount (fs/fuse/inode.c fuse_fs_type .owner) or an open /dev/fuse (fs/fuse/dev.c
     *    fuse_dev_operations .owner) holds a module reference and rmmod refuses; a server that is still
     *    exiting lets go within moments, so rmmod is retried for a few seconds, then given up;
     * 3. /gate emptied except the programs, which are copied again from the initramfs (guest/linux-init.sh);
     * 4. the kernel log emptied (busybox `dmesg -c`: syslog(2) SYSLOG_ACTION_READ_CLEAR);
     * 5. the disks' cached blocks dropped: BLKFLSBUF (busybox `blockdev --flushbufs`; block/ioctl.c
     *    writes back and invalidates the device's page cache), so `tar -xf` reads what the host wrote,
     *    not what the previous run read. Measured (test/integration/guest-session.test.ts): the guest
     *    already reads the new bytes without it, because the last close of a block device drops its
     *    page cache (block/bdev.c blkdev_put_whole -> blkdev_flush_mapping -> kill_bdev) and tar opens
     *    and closes the disk each time; the explicit flush also holds when something keeps it open.
     */
    async resetForReuse(shell, disks) {
        const steps = [
            [
                `unmounting ${_common_js__WEBPACK_IMPORTED_MODULE_1__/* .MOUNTPOINT */ .qg}`,
                `cd /; if grep -q ' ${_common_js__WEBPACK_IMPORTED_MODULE_1__/* .MOUNTPOINT */ .qg} ' /proc/mounts; then umount ${_common_js__WEBPACK_IMPORTED_MODULE_1__/* .MOUNTPOINT */ .qg} 2>&1 || exit 1; echo 'unmounted ${_common_js__WEBPACK_IMPORTED_MODULE_1__/* .MOUNTPOINT */ .qg}'; fi; true`,
            ],
            ["ending the FUSE server's session", (0,_server_session_js__WEBPACK_IMPORTED_MODULE_2__/* .endServerSessionCommand */ .AN)('linux')],
            [
                'unloading the fuse module',
                'i=0; while [ -e /sys/module/fuse/initstate ]; do rmmod fuse 2>/dev/null && { echo "rmmod fuse"; break; }; ' +
                    '[ $((i+=1)) -ge 50 ] && { echo "fuse is still in use (refcnt $(cat /sys/module/fuse/refcnt 2>/dev/null))"; exit 1; }; sleep 0.1; done',
            ],
            [
                'clearing /gate',
                `for f in ${_common_js__WEBPACK_IMPORTED_MODULE_1__/* .GATE_DIR */ .Wd}/* ${_common_js__WEBPACK_IMPORTED_MODULE_1__/* .GATE_DIR */ .Wd}/.[!.]*; do [ "$f" = ${_common_js__WEBPACK_IMPORTED_MODULE_1__/* .BIN_DIR */ .k6} ] || rm -rf "$f"; done; mkdir -p ${_common_js__WEBPACK_IMPORTED_MODULE_1__/* .RESULTS_DIR */ .z5} && cp -p /lib/fusefs-gate/bin/* ${_common_js__WEBPACK_IMPORTED_MODULE_1__/* .BIN_DIR */ .k6}/ && echo '${_common_js__WEBPACK_IMPORTED_MODULE_1__/* .GATE_DIR */ .Wd} cleared'`,
            ],
            [
                // Else the next run's dmesg.txt would begin with the boot and every earlier run's lines.
                'emptying the kernel log',
                "dmesg -c >/dev/null && echo 'dmesg -c'",
            ],
            [
                "dropping the disks' cached blocks",
                `sync; blockdev --flushbufs ${disks.payload} && blockdev --flushbufs ${disks.results} && echo 'blockdev --flushbufs ${disks.payload} ${disks.results}'`,
            ],
        ];
        const details = [];
        for (const [purpose, command] of steps) {
            const result = await shell.run(command, { timeoutMs: 30_000, purpose });
            if (result.exitStatus !== 0)
                return {
                    ok: false,
                    why: `${purpose} failed (exit ${result.exitStatus}): ${result.output.trim().slice(-300)}`,
                };
            if (result.output.trim())
                details.push(result.output.trim());
        }
        return { ok: true, details };
    }
}
/**
 * The busybox initramfs has no /etc at all, and a program built on glibc that a user ships (a server
 * staged from Debian's packages, scripts/stage-debian-fuse-server.sh) may look things up there:
 * - /etc/passwd and /etc/group: getpwuid(3) and getgrgid(3) of root. Without nsswitch.conf glibc
 *   reads the `files` databases, built into libc.so.6 since glibc 2.34 (nss/nss_database.c
 *   default). OpenSSH's sftp-server, which sshfs runs, exits with "No user found for uid 0" when
 *   getpwuid(getuid()) fails (sftp-server-main.c).
 * Written only when missing, so a guest that has them (a kernel tree's own initramfs) keeps its own.
 * Not /etc/mtab, on purpose: libfuse records a mount it made in /etc/mtab by running `/bin/mount -i
 * -f` (lib/mount_util.c fuse_mnt_add_mount) unless mtab_needs_update says no, which it does when
 * /etc/mtab does not exist; with a symlink to /proc/self/mounts trixie's libfuse 3.17.2 still ran it
 * (seen; libfuse 2 skips a symlink). Here /bin/mount is busybox's, which tries a loop device for a
 * source that is a file: fuse2fs 1.47.2 on an image then unmounted at once ("can't setup loop device").
 */
const LIBC_ETC_COMMAND = "mkdir -p /etc && { [ -e /etc/passwd ] || echo 'root:x:0:0:root:/root:/bin/sh' >/etc/passwd; } && " +
    "{ [ -e /etc/group ] || echo 'root:x:0:' >/etc/group; }";
/** The built-in fixture's program name in the guest image (scripts/build-linux-guest.sh). */
const FIXTURE_PROGRAM = 'fusefs-fixture';
/** Linux: the mount table is /proc/mounts; a FUSE mount has type `fuse` (or `fuse.NAME` for libfuse servers). */
const LINUX_MOUNT_CHECK = `grep -q ' ${_common_js__WEBPACK_IMPORTED_MODULE_1__/* .MOUNTPOINT */ .qg} fuse' /proc/mounts`;
//# sourceMappingURL=linux.js.map

/***/ }),

/***/ 736:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ shQuote),
/* harmony export */   q: () => (/* binding */ shJoin)
/* harmony export */ });
// POSIX shell quoting for command strings sent to a guest shell: every argument the gate did not
// write itself goes through here, so a path with spaces or `$(...)` is data, never code.
function shQuote(argument) {
    if (/^[\w@%+=:,./-]+$/.test(argument))
        return argument;
    return `'${argument.replace(/'/g, `'\\''`)}'`;
}
function shJoin(argv) {
    return argv.map(shQuote).join(' ');
}
//# sourceMappingURL=quote.js.map

/***/ }),

/***/ 248:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   AN: () => (/* binding */ endServerSessionCommand),
/* harmony export */   T3: () => (/* binding */ RECORD_SERVER_SESSION),
/* harmony export */   vy: () => (/* binding */ recordFixtureSession)
/* harmony export */ });
/* unused harmony exports SERVER_SESSION_FILE, fixtureDaemonPid */
/** The session id of the running FUSE server, the pid of its session leader (under GATE_DIR, common.ts). */
const SERVER_SESSION_FILE = '/gate/fuse-server.sid';
/**
 * Run by the session leader itself, first thing: `$$` is its pid, which setsid(2) made the session
 * id (Linux: kernel/sys.c ksys_setsid; FreeBSD: sys/kern/kern_prot.c sys_setsid, a new session and
 * process group whose ids are the caller's pid).
 */
const RECORD_SERVER_SESSION = `echo $$ >${SERVER_SESSION_FILE}`;
/** The pid the fixture reports: guest/fuse_fixture.c main prints "mounted %s (pid %ld, ..." for its daemon child. */
function fixtureDaemonPid(mountOutput) {
    const m = /^fusefs-fixture: mounted \S+ \(pid (\d+),/m.exec(mountOutput);
    return m ? Number(m[1]) : undefined;
}
/**
 * After the built-in fixture mounted: records its daemon's session, which is its pid (it called
 * setsid(2) first thing). A user's server records its own when it starts (common.ts).
 */
async function recordFixtureSession(shell, mountOutput) {
    const pid = fixtureDaemonPid(mountOutput);
    if (pid === undefined)
        return;
    const result = await shell.run(`echo ${pid} >${SERVER_SESSION_FILE}`, {
        timeoutMs: 10_000,
        purpose: "recording the fixture's session",
    });
    if (result.exitStatus !== 0)
        throw new Error(`recording the fixture's session failed (exit ${result.exitStatus}): ${result.output.trim()}`);
}
/** Rounds of 0.1 s: how long the server gets to exit after SIGTERM, and after SIGKILL. */
const TERM_ROUNDS = 30;
const KILL_ROUNDS = 20;
/**
 * How each OS lists the session's live processes (as `pid pid ... `) and signals them, in shell:
 * - Linux (busybox, no pgrep in the test guest): /proc/PID/stat, whose fields after "(comm) " are
 *   state, ppid, pgrp, session (fs/proc/array.c do_task_stat); a zombie (state Z) holds nothing
 *   and cannot be signalled, so it does not count. `kill -SIG PID...` signals the listed pids.
 * - FreeBSD: `pgrep -d ' ' -s SID` prints the matching pids with the delimiter between them (none
 *   after the last) and a newline, and exits 1 when none matches; `pkill -SIG -s SID` signals each
 *   process of the session (sys_signame names, "TERM", "KILL"), and both leave out themselves and
 *   their ancestors, the console shell (bin/pkill/pkill.c: grepact, main's putchar('\n'), killact,
 *   the -s list compared with ki_sid; 14.x and main). pgrep lists a zombie until it is reaped
 *   (sys/kern/kern_proc.c sysctl_kern_proc skips only PRS_NEW; kern_exit.c proc_reap takes it off
 *   the pid hash): its parent is of the session, and signalled with it, or is init, which reaps it.
 *   `sleep 0.1` takes a fraction (bin/sleep/sleep.c).
 */
const TOOLS = {
    linux: {
        list: `for f in /proc/[0-9]*; do read -r l 2>/dev/null <$f/stat || continue; set -- \${l##*) }; ` +
            `[ "$4" = $s ] && [ "$1" != Z ] && printf '%s ' \${f#/proc/}; done`,
        signal: 'kill -$1 $p 2>/dev/null',
    },
    freebsd: {
        list: `pgrep -d ' ' -s $s`,
        signal: 'pkill -$1 -s $s',
    },
};
/**
 * One console command that ends the recorded server session and says what it did; exit 1 (with the
 * pids) when something of it is still running after SIGKILL (a process asleep in the kernel
 * uninterruptibly). No recorded session: nothing to do, no output. A subshell, so that its `exit`
 * cannot end the console's shell. Short names (L lists, E signals until nothing is left) keep it
 * within the console's line with its framing.
 */
function endServerSessionCommand(os) {
    const { list, signal } = TOOLS[os];
    return (`( s=$(cat ${SERVER_SESSION_FILE} 2>/dev/null); case "$s" in ''|0|*[!0-9]*) exit 0;; esac; ` +
        `m="FUSE server session $s:"; L() { ${list}; }; ` +
        // Signals what is left each round (a child forked meanwhile is signalled too) until nothing is.
        `E() { i=$2; while p=$(L); [ -n "$p" ]; do [ $((i-=1)) -lt 0 ] && return 1; ${signal}; sleep 0.1; done; }; ` +
        `a=$(L); [ -n "$a" ] || { echo "$m nothing left"; exit 0; }; ` +
        `E TERM ${TERM_ROUNDS} && { echo "$m SIGTERM ended pids \${a% }"; exit 0; }; ` +
        `b=$(L); E KILL ${KILL_ROUNDS} && { echo "$m SIGTERM left pids \${b% }, SIGKILL ended them"; exit 0; }; ` +
        // Unquoted, so that Linux's list (a blank after each pid) and pgrep's (blanks between) print alike.
        `echo "$m pids" $(L) "still running after SIGKILL"; exit 1 )`);
}
//# sourceMappingURL=server-session.js.map

/***/ }),

/***/ 1686:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ CommandTimeoutError)
/* harmony export */ });
// What a guest adapter needs from the console: run one command, get its exit status and output.
// The console implements it over the serial line; tests implement it with recorded transcripts.
/** A command ran out of its time; says what was awaited and what was seen last. */
class CommandTimeoutError extends Error {
    awaited;
    lastOutput;
    timeoutMs;
    constructor(awaited, lastOutput, timeoutMs) {
        super(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${awaited}; last output: ${JSON.stringify(lastOutput.slice(-300))}`);
        this.awaited = awaited;
        this.lastOutput = lastOutput;
        this.timeoutMs = timeoutMs;
        this.name = 'CommandTimeoutError';
    }
}
//# sourceMappingURL=shell.js.map

/***/ }),

/***/ 5685:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  f4: () => (/* binding */ defaultRelease),
  XW: () => (/* binding */ endOfLifeWarning),
  kh: () => (/* binding */ isoDay),
  ej: () => (/* binding */ releaseInfo),
  Am: () => (/* binding */ unknownReleaseNote)
});

// UNUSED EXPORTS: RELEASES, RELEASES_CHECKED, compareReleaseNames, supportedReleases

;// CONCATENATED MODULE: ./.build/src/image/freebsd-releases.json
const freebsd_releases_namespaceObject = /*#__PURE__*/JSON.parse('{"KD":"2026-12-01","D8":[{"name":"14.3-RELEASE","released":"2025-06","releasedEstimate":true,"releasedSource":"release engineering plan of 2024-07 (14.3: June 2025), as reported by the press","eol":"2026-06-30","eolEstimate":false,"eolSource":"website/content/en/releases/14.4R/announce.adoc (:lastEOL:) and 14.4R/schedule.adoc (14.3 EoL 30 June 2026)","published":true},{"name":"15.0-RELEASE","released":"2025-12-02","releasedEstimate":true,"releasedSource":"15.0-RELEASE schedule mail, freebsd-stable 2025-04-15 (\\"RELEASE announcement: December 2 or sooner, 2025\\")","eol":"2026-09-30","eolEstimate":false,"eolSource":"website/content/en/releases/15.1R/announce.adoc (:lastEOL:) and 15.1R/schedule.adoc","published":true},{"name":"14.4-RELEASE","released":"2026-03-10","releasedEstimate":true,"releasedSource":"website/content/en/releases/14.4R/schedule.adoc (expected announcement; announce.adoc exists)","eol":"2026-12-31","eolEstimate":false,"eolSource":"website/content/en/releases/14.4R/announce.adoc (:thisEOL:) and 14.5R/announce.adoc (:lastEOL:)","published":true,"osreldate":1404000,"osreldateSource":"third-party public build scripts: 14.4-RELEASE\'s pkg kmods are built against __FreeBSD_version 1404000"},{"name":"15.1-RELEASE","released":"2026-06-16","releasedEstimate":true,"releasedSource":"website/content/en/releases/15.1R/schedule.adoc (expected announcement; announce.adoc exists)","eol":"2027-03-31","eolEstimate":false,"eolSource":"website/content/en/releases/15.1R/announce.adoc (:thisEOL:)","published":true,"osreldate":1501000,"osreldateSource":"third-party public build scripts: osreldate.h generated from 15.1-RELEASE sys/sys/param.h, __FreeBSD_version 1501000"},{"name":"14.5-RELEASE","released":"2026-09-08","releasedEstimate":true,"releasedSource":"website/content/en/releases/14.5R/schedule.adoc (expected announcement; announce.adoc exists)","eol":"2027-06-30","eolEstimate":false,"eolSource":"website/content/en/releases/14.5R/announce.adoc (:thisEOL:) and 14.5R/schedule.adoc","published":true},{"name":"15.2-RELEASE","released":"2026-12","releasedEstimate":true,"releasedSource":"release engineering plan of 2024-07 (15.2: December 2026); website/content/en/releases/15.2R/schedule.adoc has no dates yet","eol":"2027-09-30","eolEstimate":true,"eolSource":"release engineering plan of 2024-07 (15.2 EoL September 2027)","published":false}]}');
;// CONCATENATED MODULE: ./.build/src/image/freebsd-releases.js
// FreeBSD releases and their lifetimes: one table (freebsd-releases.json, with a source per date),
// read here. Everything that picks or judges a release (the default version, the end-of-life
// warning, the e2e workflow's matrix) reads this table, so a new release is one new row.

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_OR_DAY_RE = /^\d{4}-\d{2}(-\d{2})?$/;
function checkRow(row) {
    const bad = (what) => new Error(`freebsd-releases.json: ${row.name}: ${what}`);
    if (!/^\d+\.\d+-RELEASE$/.test(row.name))
        throw bad('name is not X.Y-RELEASE');
    if (!DAY_RE.test(row.eol))
        throw bad(`eol ${row.eol} is not YYYY-MM-DD`);
    if (!MONTH_OR_DAY_RE.test(row.released))
        throw bad(`released ${row.released} is not YYYY-MM[-DD]`);
    if (!row.eolSource || !row.releasedSource)
        throw bad('a date without a source');
    if (row.osreldate !== undefined &&
        (!row.osreldateSource || Math.floor(row.osreldate / 100000) !== Number(row.name.split('.')[0]))) {
        throw bad('osreldate without a source, or of another major branch');
    }
    return row;
}
/** Every release in the table, newest version first. */
const RELEASES = freebsd_releases_namespaceObject.D8
    .map(checkRow)
    .sort((a, b) => compareReleaseNames(b.name, a.name));
/** The day the table was last checked against its sources. */
const RELEASES_CHECKED = freebsd_releases_namespaceObject.KD;
function versionKey(name) {
    const [major, minor] = name.replace(/-.*$/, '').split('.').map(Number);
    return [major ?? 0, minor ?? 0];
}
function compareReleaseNames(a, b) {
    const [am, an] = versionKey(a);
    const [bm, bn] = versionKey(b);
    return am !== bm ? am - bm : an - bn;
}
/** `YYYY-MM-DD` in UTC: the calendar day the security officer's dates are written in. */
function isoDay(date) {
    return date.toISOString().slice(0, 10);
}
function releaseInfo(name) {
    return RELEASES.find((r) => r.name === name);
}
/** Published and not past its EoL on `today`, newest version first. */
function supportedReleases(today = new Date()) {
    const day = isoDay(today);
    return RELEASES.filter((r) => r.published && r.eol >= day);
}
/** The newest supported release: the default `freebsd-version`. */
function defaultRelease(today = new Date()) {
    const newest = supportedReleases(today)[0];
    if (!newest)
        throw new Error(`freebsd-releases.json (checked ${RELEASES_CHECKED}) lists no release supported on ${isoDay(today)}: add the new ones`);
    return newest;
}
/** Why a date is trusted: said next to every date the gate prints. */
function dated(day, estimate, source) {
    return `${day} (${estimate ? 'a planned date, ' : ''}${source})`;
}
/**
 * A warning for a release past its end of life on `today`, or undefined. FreeBSD's download tree
 * serves supported releases only; an end-of-life release moves to the archive mirror, and the
 * security officer no longer fixes it.
 */
function endOfLifeWarning(name, today = new Date()) {
    const row = releaseInfo(name);
    if (!row || row.eol >= isoDay(today))
        return undefined;
    const live = supportedReleases(today).map((r) => r.name);
    return (`${name} reached its end of life on ${dated(row.eol, row.eolEstimate, row.eolSource)}: FreeBSD no longer fixes it, ` +
        `and its images leave the download tree for the archive mirror. Supported on ${isoDay(today)}: ${live.join(', ') || 'none in the table'}`);
}
/** A note for a release the table does not know or that FreeBSD has not published yet. */
function unknownReleaseNote(name) {
    const row = releaseInfo(name);
    if (!row)
        return `${name} is not in the gate's release table (src/image/freebsd-releases.json, checked ${RELEASES_CHECKED}); its lifetime is unknown here`;
    if (!row.published)
        return `${name} is planned for ${dated(row.released, row.releasedEstimate, row.releasedSource)} and was not published when the table was checked (${RELEASES_CHECKED})`;
    return undefined;
}
//# sourceMappingURL=freebsd-releases.js.map

/***/ }),

/***/ 1983:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BV: () => (/* binding */ osreldateMajor),
/* harmony export */   Bv: () => (/* binding */ resolveVersionInput),
/* harmony export */   MN: () => (/* binding */ parseNewvers),
/* harmony export */   TN: () => (/* binding */ versionFromNewvers),
/* harmony export */   U8: () => (/* binding */ defaultVersion),
/* harmony export */   V6: () => (/* binding */ parseFreebsdVersion),
/* harmony export */   YX: () => (/* binding */ pickFromChecksums),
/* harmony export */   _j: () => (/* binding */ VERSION_INPUT_HELP),
/* harmony export */   gX: () => (/* binding */ parseVersionInput),
/* harmony export */   j7: () => (/* binding */ parseChecksumFile),
/* harmony export */   ot: () => (/* binding */ parseVersion)
/* harmony export */ });
/* unused harmony exports FREEBSD_HOSTS, FREEBSD_DOWNLOAD_BASE, FREEBSD_VERSION_INPUT, formatVersionInput, resolveImage */
/* harmony import */ var _config_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5259);
/* harmony import */ var _freebsd_releases_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5685);
// FreeBSD version string -> official amd64 BASIC-CI image. Pure: text in, data out; no network.
//
// Facts relied on (freebsd/freebsd-src):
// - release/Makefile.mirrors: BRANCH STABLE, CURRENT, PRERELEASE and ALPHA* are snapshots
//   (TLD=${FTPDIR}/snapshots); everything else, including BETAn and RCn, goes to ${FTPDIR}/releases.
//   target `ci-images-stage` publishes under `CI-IMAGES/${REVISION}-${BRANCH}/${TARGET_ARCH}/`:
//   releases copy `${OSRELEASE}-${CW}-${FS}.${VMFORMAT}.xz` and `CHECKSUM.SHA512` into `Latest/`;
//   snapshots rename each image to `${OSRELEASE}-${CW}-${SNAP_SUFFIX}-${FS}.${VMFORMAT}.xz`
//   (SNAP_SUFFIX = ${BUILDDATE}-${GITREV}-${GITCOUNT}), store it in `${BUILDDATE}/`, symlink the
//   undated name into `Latest/`, and write CHECKSUM.SHA512 (via `sha512 ${OSRELEASE}*`) after the
//   rename, so the checksum file lists only the dated names.
// - release/Makefile.vm: BASIC-CI_FORMAT=raw, BASIC-CI_FSLIST?=ufs, and `cloud-install-BASIC-CI`
//   names the file `${OSRELEASE}-BASIC-CI-${_FS}.${_FMT}` then xz-compresses it, then
//   `sha512 ${OSRELEASE}* > CHECKSUM.SHA512` (BSD format: `SHA512 (name) = hex`).
//   Older release trees named it `${OSRELEASE}-BASIC-CI.raw.xz` (no FS part); public CI scripts
//   still download e.g. FreeBSD-14.3-RELEASE-amd64-BASIC-CI.raw.xz, while
//   FreeBSD-15.1-RELEASE-amd64-BASIC-CI-ufs.raw.xz carries the FS part. So the file name is read
//   from the checksum file, never guessed.
// - OSRELEASE is `${TYPE}-${REVISION}-${BRANCH}-${TARGET}` for amd64 (TARGET == TARGET_ARCH),
//   e.g. FreeBSD-14.3-RELEASE-amd64 (as in the published names above).
// - sys/conf/newvers.sh: `TYPE="FreeBSD"`, `REVISION="15.0"`, `BRANCH="CURRENT"` (or
//   "STABLE", "RELEASE-p9", "BETA2", ...); release/Makefile.vm reads them with
//   awk '/^${_V}=/{print}' — one assignment at the start of a line, which is what we read too.
// - sys/sys/param.h: `#define __FreeBSD_version 1500068	/* Master, propagated to newvers */`;
//   scheme <major><two digit minor>Rxx, so major = floor(v / 100000).


/**
 * FreeBSD's own hosts: the product's data source (the images under test), not a mirror of our
 * build's dependencies. The download tree serves supported releases and snapshots; FreeBSD moves an
 * end-of-life release to the archive (`old-releases/`, same `CI-IMAGES/<name>/<arch>/Latest/`
 * layout as seen in public CI scripts, e.g. 13.5-RELEASE), which public scripts reach over plain
 * HTTP only.
 */
const FREEBSD_HOSTS = {
    download: 'https://download.freebsd.org/',
    archive: 'http://ftp-archive.freebsd.org/pub/FreeBSD-Archive/old-releases/',
};
const FREEBSD_DOWNLOAD_BASE = FREEBSD_HOSTS.download;
const FREEBSD_VERSION_INPUT = 'freebsd-version';
// The one grammar of a FreeBSD version, for the input parser and the resolver alike:
// <major>.<minor>-<BRANCH>[-p<N>], BRANCH as sys/conf/newvers.sh writes it (RELEASE, STABLE, CURRENT,
// PRERELEASE, ALPHAn, BETAn, RCn); `-pN` only after RELEASE (newvers.sh's "RELEASE-p9").
const VERSION_RE = /^(\d+)\.(\d+)-(RELEASE|STABLE|CURRENT|PRERELEASE|(?:BETA|RC|ALPHA)(\d+))(?:-p(\d+))?$/;
/** What the `freebsd-version` input accepts, for messages and docs. */
const VERSION_INPUT_HELP = "'auto', 'latest', or a version like 15.1-RELEASE, 14.4-RELEASE-p3, 15.1-STABLE, 16.0-CURRENT, 15.0-PRERELEASE, 15.0-BETA2, 15.0-RC1, 15.0-ALPHA3";
/**
 * Parse the `freebsd-version` input (the one parser: config/parse.ts calls it too). An empty input
 * is `latest`. Malformed is a BadInputError naming `freebsd-version`.
 */
function parseVersionInput(input) {
    const text = input.trim();
    if (text === 'auto')
        return { kind: 'auto' };
    if (text === '' || text === 'latest')
        return { kind: 'latest' };
    const version = parseVersion(text);
    const patch = /-p(\d+)$/.exec(text);
    return patch ? { kind: 'version', version, patch: Number(patch[1]) } : { kind: 'version', version };
}
/** The input text of a parsed version input: parseVersionInput(formatVersionInput(x)) equals x. */
function formatVersionInput(v) {
    if (v.kind !== 'version')
        return v.kind;
    return v.patch !== undefined ? `${v.version.name}-p${v.patch}` : v.version.name;
}
/** Parse and validate a version; malformed is a BadInputError naming `freebsd-version`. */
function parseVersion(input) {
    const text = input.trim();
    const m = VERSION_RE.exec(text);
    if (!m) {
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BadInputError */ .Y(FREEBSD_VERSION_INPUT, `'${input}' is not a FreeBSD version; expected ${VERSION_INPUT_HELP}`);
    }
    const [, maj, min, br, num, patch] = m;
    const major = Number(maj);
    const minor = Number(min);
    const branch = (num !== undefined ? br.replace(/\d+$/, '') : br);
    if (patch !== undefined && branch !== 'RELEASE') {
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BadInputError */ .Y(FREEBSD_VERSION_INPUT, `'${input}': only a RELEASE has patch levels (-pN)`);
    }
    const revision = `${major}.${minor}`;
    const name = num !== undefined ? `${revision}-${branch}${Number(num)}` : `${revision}-${branch}`;
    const snapshot = branch === 'STABLE' || branch === 'CURRENT' || branch === 'PRERELEASE' || branch === 'ALPHA';
    const v = {
        revision,
        major,
        minor,
        branch,
        name,
        tree: snapshot ? 'snapshots' : 'releases',
    };
    if (num !== undefined)
        v.n = Number(num);
    return v;
}
/**
 * Where the image of a version lives. Before the checksum file is read the file name is the
 * `Latest/` name; call `pickFromChecksums` with the checksum file to get the real (dated) one.
 */
function resolveImage(version, options = {}, why) {
    const v = typeof version === 'string' ? parseVersion(version) : version;
    const base = (options.base ?? FREEBSD_DOWNLOAD_BASE).replace(/\/?$/, '/');
    const arch = options.arch ?? 'amd64';
    const fs = options.fs ?? 'ufs';
    const folderUrl = `${base}${v.tree}/CI-IMAGES/${v.name}/${arch}/`;
    const osRelease = `FreeBSD-${v.name}-${arch}`;
    const fileName = `${osRelease}-BASIC-CI-${fs}.raw.xz`;
    const archiveBase = (options.archiveBase ?? FREEBSD_HOSTS.archive).replace(/\/?$/, '/');
    return {
        ...(v.tree === 'releases' ? { archiveFolderUrl: `${archiveBase}CI-IMAGES/${v.name}/${arch}/` } : {}),
        url: `${folderUrl}Latest/${fileName}`,
        checksumUrl: `${folderUrl}Latest/CHECKSUM.SHA512`,
        fileName,
        why: why ?? `${v.name} is published in the ${v.tree}/ tree (release/Makefile.mirrors ci-images-stage)`,
        version: v,
        osRelease,
        folderUrl,
    };
}
/** The default version: the newest release supported on `today` (freebsd-releases.json). */
function defaultVersion(today = new Date()) {
    return (0,_freebsd_releases_js__WEBPACK_IMPORTED_MODULE_1__/* .defaultRelease */ .f4)(today).name;
}
/**
 * Parse a checksum file, BSD style (`SHA512 (name) = hex`, what sha512(1) prints) or GNU style
 * (`hex  name` or `hex *name`, what sha512sum prints). Lines that are neither are ignored.
 */
function parseChecksumFile(text) {
    const out = [];
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.trim();
        if (!line)
            continue;
        const bsd = /^(SHA\d+|MD5)\s*\((.+)\)\s*=\s*([0-9a-fA-F]+)$/.exec(line);
        if (bsd) {
            out.push({ algorithm: bsd[1].toUpperCase(), name: bsd[2], hash: bsd[3].toLowerCase() });
            continue;
        }
        const gnu = /^([0-9a-fA-F]{32,128})\s+\*?(.+)$/.exec(line);
        if (gnu) {
            const hash = gnu[1].toLowerCase();
            const algorithm = hash.length === 128
                ? 'SHA512'
                : hash.length === 64
                    ? 'SHA256'
                    : hash.length === 32
                        ? 'MD5'
                        : 'UNKNOWN';
            out.push({ algorithm, name: gnu[2].trim(), hash });
        }
    }
    return out;
}
function escapeRe(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/**
 * Choose the image file from the folder's CHECKSUM.SHA512 and return the resolution with the real
 * file name, its SHA-512 and a URL that names that exact file (snapshots: the dated file in its
 * `${BUILDDATE}/` folder, so the run can be repeated on the same snapshot).
 * Returns undefined when the checksum file lists no BASIC-CI raw image for this version.
 */
function pickFromChecksums(res, checksumText, fs = 'ufs') {
    const entries = parseChecksumFile(checksumText).filter((e) => e.algorithm === 'SHA512');
    const pre = escapeRe(`${res.osRelease}-BASIC-CI`);
    if (res.version.tree === 'releases') {
        // Current trees: -BASIC-CI-ufs.raw.xz; older trees: -BASIC-CI.raw.xz (release/Makefile.vm history).
        for (const [re, note] of [
            [new RegExp(`^${pre}-${fs}\\.raw\\.xz$`), `file system ${fs}`],
            [new RegExp(`^${pre}\\.raw\\.xz$`), 'the older name without a file-system part'],
        ]) {
            const e = entries.find((x) => re.test(x.name));
            if (e) {
                return {
                    ...res,
                    fileName: e.name,
                    url: `${res.folderUrl}Latest/${e.name}`,
                    sha512: e.hash,
                    why: `${res.why}; ${e.name} (${note}) from ${res.checksumUrl}`,
                };
            }
        }
        return undefined;
    }
    // Snapshots: ${OSRELEASE}-BASIC-CI-${BUILDDATE}-${GITREV}-${GITCOUNT}-${FS}.raw.xz
    const re = new RegExp(`^${pre}-(\\d{8})-([0-9a-f]+)-(\\d+)-${fs}\\.raw\\.xz$`);
    const dated = entries
        .map((e) => ({ e, m: re.exec(e.name) }))
        .filter((x) => x.m !== null)
        .sort((a, b) => b.m[1].localeCompare(a.m[1]));
    const best = dated[0];
    if (!best)
        return undefined;
    const [, buildDate, gitRev, gitCount] = best.m;
    return {
        ...res,
        fileName: best.e.name,
        url: `${res.folderUrl}${buildDate}/${best.e.name}`,
        sha512: best.e.hash,
        why: `${res.why}; snapshot built ${buildDate} from git ${gitRev} (commit count ${gitCount}), dated name read from ${res.checksumUrl}`,
    };
}
/** Read TYPE, REVISION and BRANCH from a tree's sys/conf/newvers.sh (first `NAME="..."` at line start). */
function parseNewvers(text) {
    const get = (name) => {
        const m = new RegExp(`^${name}="([^"]*)"`, 'm').exec(text);
        return m?.[1];
    };
    const type = get('TYPE');
    const revision = get('REVISION');
    const branch = get('BRANCH');
    if (!type || !revision || !branch) {
        const missing = [!type && 'TYPE', !revision && 'REVISION', !branch && 'BRANCH']
            .filter(Boolean)
            .join(', ');
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BadInputError */ .Y('source-tree', `sys/conf/newvers.sh has no ${missing} assignment; is this a FreeBSD source tree?`);
    }
    return { type, revision, branch };
}
/**
 * `auto`: the image that matches a tree. RELEASE (and RELEASE-pN) trees -> that release; STABLE,
 * PRERELEASE, CURRENT and ALPHAn trees -> the branch's newest snapshot (snapshots/ tree, dated
 * name from its checksum file); BETAn and RCn trees -> the image of that BETA/RC, which
 * release/Makefile.mirrors publishes in the releases/ tree (it has no snapshot of a releng branch).
 */
function versionFromNewvers(nv) {
    if (nv.type !== 'FreeBSD') {
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BadInputError */ .Y('source-tree', `sys/conf/newvers.sh says TYPE="${nv.type}", not FreeBSD`);
    }
    const v = parseVersion(`${nv.revision}-${nv.branch}`);
    const tree = `the tree's sys/conf/newvers.sh says ${nv.revision}-${nv.branch}`;
    switch (v.branch) {
        case 'RELEASE':
            return {
                version: v,
                why: `${tree}: a release tree, so the ${v.name} image (patch levels share the release image)`,
            };
        case 'BETA':
        case 'RC':
            return {
                version: v,
                why: `${tree}: a ${v.branch} tree, so the ${v.name} image, which FreeBSD publishes in releases/ (release/Makefile.mirrors)`,
            };
        default:
            return { version: v, why: `${tree}: a ${v.branch} tree, so the newest ${v.name} snapshot` };
    }
}
/** `__FreeBSD_version` from a tree's sys/sys/param.h. */
function parseFreebsdVersion(paramH) {
    const m = /^#define[ \t]+__FreeBSD_version[ \t]+(\d+)/m.exec(paramH);
    if (!m)
        throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BadInputError */ .Y('source-tree', 'sys/sys/param.h defines no __FreeBSD_version; is this a FreeBSD source tree?');
    return Number(m[1]);
}
/** Major branch of a `__FreeBSD_version` / `kern.osreldate` value (<major><2-digit minor>Rxx). */
function osreldateMajor(v) {
    return Math.floor(v / 100000);
}
/**
 * The image for a `freebsd-version` input: `auto` needs the tree's newvers.sh text; an empty
 * input or `latest` means the newest release supported today; `X.Y-RELEASE-pN` runs on the
 * X.Y-RELEASE image, because FreeBSD publishes BASIC-CI images of releases, not of patch levels
 * (release/Makefile.mirrors `ci-images-stage` copies one `Latest/` per release build).
 */
function resolveVersionInput(input, newversText, options = {}) {
    const parsed = parseVersionInput(input);
    switch (parsed.kind) {
        case 'auto': {
            if (newversText === undefined) {
                throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BadInputError */ .Y(FREEBSD_VERSION_INPUT, "'auto' needs a source tree with sys/conf/newvers.sh");
            }
            const { version, why } = versionFromNewvers(parseNewvers(newversText));
            return resolveImage(version, options, why);
        }
        case 'latest': {
            const latest = (0,_freebsd_releases_js__WEBPACK_IMPORTED_MODULE_1__/* .defaultRelease */ .f4)(options.today);
            return resolveImage(latest.name, options, `freebsd-version '${input.trim() || 'latest'}': the newest release supported on ${(0,_freebsd_releases_js__WEBPACK_IMPORTED_MODULE_1__/* .isoDay */ .kh)(options.today ?? new Date())}, ${latest.name} (supported until ${latest.eol}, src/image/freebsd-releases.json)`);
        }
        case 'version':
            if (parsed.patch !== undefined) {
                return resolveImage(parsed.version, options, `${formatVersionInput(parsed)} runs on the ${parsed.version.name} image (BASIC-CI images exist per release, not per patch level)`);
            }
            return resolveImage(parsed.version, options, `freebsd-version ${parsed.version.name}: published in the ${parsed.version.tree}/ tree (release/Makefile.mirrors ci-images-stage)`);
    }
}
//# sourceMappingURL=freebsd-resolve.js.map

/***/ }),

/***/ 6914:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Lr: () => (/* binding */ ensureLinuxGuest),
/* harmony export */   P1: () => (/* binding */ GuestBuildError)
/* harmony export */ });
/* unused harmony exports damageOf, readLinuxGuest, guestCacheDir */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1421);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7598);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(6760);
/* harmony import */ var _cache_lock_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(1659);
/* harmony import */ var _package_root_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(7956);
// The Linux test guest: a Debian kernel and a busybox initramfs built by scripts/build-linux-guest.sh
// into the cache. Built on first use; rebuilt by the script only when its inputs changed, and
// rebuilt here when a cached file no longer has the SHA-256 its manifest recorded (a damaged cache).
// The script builds under its own flock and renames a finished folder into place; the gate also
// holds the flavour folder's lock (src/cache/lock.ts) over the script, the damage check and the
// forced rebuild, so no run checks, or rebuilds, a guest another run is rebuilding.






class GuestBuildError extends Error {
    outputTail;
    constructor(message, outputTail) {
        super(message);
        this.outputTail = outputTail;
        this.name = 'GuestBuildError';
    }
}
function sha256File(file) {
    try {
        return (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)('sha256').update((0,node_fs__WEBPACK_IMPORTED_MODULE_2__.readFileSync)(file)).digest('hex');
    }
    catch {
        return undefined;
    }
}
/**
 * What is wrong with a built guest folder: each of vmlinuz and initramfs.cpio.gz must have the
 * SHA-256 manifest.json recorded for it. Undefined when all is well.
 */
function damageOf(dir) {
    let manifest;
    try {
        manifest = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_2__.readFileSync)(node_path__WEBPACK_IMPORTED_MODULE_3__.join(dir, 'manifest.json'), 'utf8'));
    }
    catch (error) {
        return `manifest.json unreadable (${error.message})`;
    }
    const problems = [];
    for (const [file, expected] of [
        ['vmlinuz', manifest.vmlinuzSha256],
        ['initramfs.cpio.gz', manifest.initramfsSha256],
    ]) {
        if (!expected) {
            problems.push(`manifest.json records no SHA-256 for ${file}`);
            continue;
        }
        const actual = sha256File(node_path__WEBPACK_IMPORTED_MODULE_3__.join(dir, file));
        if (actual === undefined)
            problems.push(`${file} is missing`);
        else if (actual !== expected)
            problems.push(`${file} has SHA-256 ${actual.slice(0, 16)}..., manifest.json says ${expected.slice(0, 16)}...`);
    }
    return problems.length > 0 ? problems.join('; ') : undefined;
}
function readLinuxGuest(dir) {
    const manifest = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_2__.readFileSync)(node_path__WEBPACK_IMPORTED_MODULE_3__.join(dir, 'manifest.json'), 'utf8'));
    return {
        dir,
        kernel: node_path__WEBPACK_IMPORTED_MODULE_3__.join(dir, 'vmlinuz'),
        initrd: node_path__WEBPACK_IMPORTED_MODULE_3__.join(dir, 'initramfs.cpio.gz'),
        append: manifest.append,
        kernelRelease: manifest.kernelRelease,
        programs: manifest.programs,
        ...(manifest.moduleBuildDir ? { moduleBuildDir: node_path__WEBPACK_IMPORTED_MODULE_3__.join(dir, manifest.moduleBuildDir) } : {}),
    };
}
/**
 * Runs the build script (a no-op when nothing changed) and returns the guest it names, after
 * checking the cached kernel and initramfs against the manifest's SHA-256 values: a damaged cache
 * is rebuilt (`--force`) once, and the image says so in `rebuiltBecause`.
 * Bounded: a build that does not finish in `timeoutMs` is an error, and its process group is killed.
 */
async function ensureLinuxGuest(cacheDir, timeoutMs, onLine, flavour = 'cloud', 
/** A cancelled run stops waiting for another run's build of the guest. */
signal) {
    const lockOptions = {
        waitMs: timeoutMs,
        ...(onLine ? { log: onLine } : {}),
        ...(signal ? { signal } : {}),
    };
    return (0,_cache_lock_js__WEBPACK_IMPORTED_MODULE_4__/* .withCacheLock */ .Op)(guestCacheDir(cacheDir, flavour), lockOptions, () => ensureHoldingLock(cacheDir, timeoutMs, onLine, flavour));
}
/** The flavour's folder in the cache, as scripts/build-linux-guest.sh names it (CACHE). */
function guestCacheDir(cacheDir, flavour) {
    return node_path__WEBPACK_IMPORTED_MODULE_3__.join(cacheDir, flavour === 'cloud' ? 'linux-guest' : `linux-guest-${flavour}`);
}
async function ensureHoldingLock(cacheDir, timeoutMs, onLine, flavour) {
    const startedAt = Date.now();
    const dir = await runBuild(cacheDir, timeoutMs, [], flavour, onLine);
    const damage = damageOf(dir);
    if (!damage)
        return readLinuxGuest(dir);
    onLine?.(`cache damaged: ${damage}; rebuilding`);
    const rebuilt = await runBuild(cacheDir, Math.max(1, timeoutMs - (Date.now() - startedAt)), ['--force'], flavour, onLine);
    const still = damageOf(rebuilt);
    if (still)
        throw new GuestBuildError(`the Linux test guest in ${rebuilt} is damaged even after a rebuild: ${still}`, still);
    return { ...readLinuxGuest(rebuilt), rebuiltBecause: `cache damaged, rebuilt: ${damage}` };
}
/** One run of the build script; returns the output folder it names (its last line). */
async function runBuild(cacheDir, timeoutMs, args, flavour, onLine) {
    const script = node_path__WEBPACK_IMPORTED_MODULE_3__.join((0,_package_root_js__WEBPACK_IMPORTED_MODULE_5__/* .packageRoot */ .Z)(), 'scripts', 'build-linux-guest.sh');
    const lines = [];
    // The output folder is stdout's last line. The log goes to stderr, and the two pipes are read in
    // no fixed order: the last line of both together can be a log line (seen under load).
    let stdout = '';
    const code = await new Promise((resolve) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('bash', [script, ...args], {
            env: { ...process.env, FUSEFS_GATE_CACHE: cacheDir, FUSEFS_GATE_GUEST_FLAVOUR: flavour },
            stdio: ['ignore', 'pipe', 'pipe'],
            detached: true,
        });
        const timer = setTimeout(() => {
            try {
                process.kill(-child.pid, 'SIGKILL');
            }
            catch {
                // already gone
            }
            resolve(`did not finish within ${Math.round(timeoutMs / 1000)} s`);
        }, timeoutMs);
        const collect = (chunk) => {
            for (const line of chunk.toString().split('\n').filter(Boolean)) {
                lines.push(line);
                if (lines.length > 200)
                    lines.shift();
                onLine?.(line);
            }
        };
        child.stdout.on('data', (chunk) => {
            stdout = (stdout + chunk.toString()).slice(-4096);
            collect(chunk);
        });
        child.stderr.on('data', collect);
        child.on('error', (error) => {
            clearTimeout(timer);
            resolve(error.message);
        });
        child.on('close', (status) => {
            clearTimeout(timer);
            resolve(status ?? 'killed');
        });
    });
    const tail = lines.slice(-15).join('\n');
    if (code !== 0)
        throw new GuestBuildError(`building the Linux test guest failed (${code}); last lines:\n${tail}`, tail);
    const dir = stdout
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .at(-1) ?? '';
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_2__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_3__.join(dir, 'manifest.json'))) {
        throw new GuestBuildError(`the Linux test guest build did not name an output folder with a manifest (got ${JSON.stringify(dir)})`, tail);
    }
    return dir;
}
//# sourceMappingURL=linux-guest.js.map

/***/ }),

/***/ 3417:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   DE: () => (/* binding */ GUEST_KERNEL_SERIES),
/* harmony export */   WE: () => (/* binding */ readLinuxTreeFacts),
/* harmony export */   Wj: () => (/* binding */ chooseLinuxTreeBuild)
/* harmony export */ });
/* unused harmony exports KERNEL_TREE_PATHS, parseMakefileVersion, versionText */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var _module_build_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(7816);
// `--guest linux --source-tree DIR`: module or kernel, from what the tree is and what the guest kernel
// can load. A module is built against the guest kernel's own headers, so it loads only when the tree
// is of that kernel's series (vermagic carries the release; the headers fix the structures the code is
// compiled against); a tree of another series needs its own kernel, which needs the whole tree.



/**
 * The series of the generic guest's kernel: scripts/build-linux-guest.sh pins bookworm's
 * linux-image-6.1.0-N-amd64 and falls back only to another 6.1.0-N (KERNEL_FALLBACK_RE), so the
 * series is known before the guest is built. The plan checks the built guest against it.
 */
const GUEST_KERNEL_SERIES = { version: 6, patchlevel: 1 };
/** What a kernel build of the tree reads first; their absence means a partial tree (e.g. only fs/fuse). */
const KERNEL_TREE_PATHS = [
    'Makefile',
    'Kconfig',
    'arch/x86/Makefile',
    'arch/x86/Kconfig',
    'scripts/Kbuild.include',
    'scripts/kconfig/Makefile',
    'init/main.c',
    'kernel/fork.c',
];
function readLinuxTreeFacts(tree) {
    const makefile = node_path__WEBPACK_IMPORTED_MODULE_1__.join(tree, 'Makefile');
    const version = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(makefile) ? parseMakefileVersion((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(makefile, 'utf8')) : undefined;
    return {
        tree,
        ...(version ? { version } : {}),
        missingForKernel: KERNEL_TREE_PATHS.filter((relative) => !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_1__.join(tree, relative))),
    };
}
/** The top Makefile's `VERSION = 6`, `PATCHLEVEL = 1`, `SUBLEVEL = 176`, `EXTRAVERSION = -rc2`. */
function parseMakefileVersion(text) {
    const field = (name) => new RegExp(`^${name}\\s*=[ \\t]*(\\S*)[ \\t]*$`, 'm').exec(text)?.[1];
    const version = field('VERSION');
    const patchlevel = field('PATCHLEVEL');
    if (!version || !/^\d+$/.test(version) || !patchlevel || !/^\d+$/.test(patchlevel))
        return undefined;
    const sublevel = field('SUBLEVEL') ?? '0';
    return {
        version: Number(version),
        patchlevel: Number(patchlevel),
        sublevel: /^\d+$/.test(sublevel) ? Number(sublevel) : 0,
        extraversion: field('EXTRAVERSION') ?? '',
    };
}
function versionText(v) {
    return `${v.version}.${v.patchlevel}.${v.sublevel}${v.extraversion}`;
}
function chooseLinuxTreeBuild(facts, requested, guest = GUEST_KERNEL_SERIES) {
    const series = `${guest.version}.${guest.patchlevel}`;
    const tree = JSON.stringify(facts.tree);
    const treeIs = facts.version
        ? `the tree's Makefile says Linux ${versionText(facts.version)}`
        : 'the tree has no top Makefile naming its version (VERSION, PATCHLEVEL)';
    const sameSeries = facts.version === undefined ||
        (facts.version.version === guest.version && facts.version.patchlevel === guest.patchlevel);
    const whole = facts.missingForKernel.length === 0;
    const lacks = `lacks ${facts.missingForKernel.join(', ')}`;
    if (requested === 'kernel') {
        if (!whole)
            return {
                input: 'source-tree',
                refuse: `${tree} ${lacks}, which a kernel build reads (build: kernel): point it at a whole Linux tree, or use build: module for a tree of the guest kernel's Linux ${series} series`,
            };
        return { mode: 'kernel', why: `build: kernel was asked for (${treeIs})` };
    }
    if (requested === 'module') {
        if (!sameSeries)
            return {
                input: 'build',
                refuse: `'module' builds fs/fuse against the guest kernel's Linux ${series} headers, but ${treeIs} (another series: the module would not load, vermagic): use 'kernel' or 'auto' with a whole tree`,
            };
        return {
            mode: 'module',
            why: `build: module was asked for (${treeIs}; the guest kernel is Linux ${series} with CONFIG_FUSE_FS=m)`,
        };
    }
    if (sameSeries)
        return {
            mode: 'module',
            why: facts.version
                ? `${treeIs}, the guest kernel's series (Linux ${series}, CONFIG_FUSE_FS=m): its ${_module_build_js__WEBPACK_IMPORTED_MODULE_2__/* .FUSE_DIR */ .ei} is built against that kernel's headers and loaded in place of the packaged driver, so a module (seconds to rebuild)`
                : `${treeIs}: taken to be of the guest kernel's Linux ${series} series, so its ${_module_build_js__WEBPACK_IMPORTED_MODULE_2__/* .FUSE_DIR */ .ei} is built as a module against that kernel's headers`,
        };
    if (whole)
        return {
            mode: 'kernel',
            why: `${treeIs} and the guest kernel is Linux ${series}: a fuse.ko from this tree would not load into that kernel (vermagic, and the headers' structures are not the tree's), so a kernel built from the whole tree is booted instead`,
        };
    return {
        input: 'source-tree',
        refuse: `${tree}: ${treeIs}, another series than the guest kernel's Linux ${series}, so its fuse.ko would not load (vermagic); and a kernel cannot be built from it: it ${lacks}. Point it at the whole Linux ${versionText(facts.version)} tree (a kernel build), or at a Linux ${series} tree (a module)`,
    };
}
//# sourceMappingURL=choose-build.js.map

/***/ }),

/***/ 4079:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Pk: () => (/* binding */ runDidNotFinish),
/* harmony export */   Rx: () => (/* binding */ treeFaultHeadline),
/* harmony export */   Se: () => (/* binding */ runInGroup),
/* harmony export */   w$: () => (/* binding */ lastLines)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1421);
// A host program run to completion within a deadline, in its own process group, so a timed-out
// `make -j` takes its compilers with it. Never rejects: the caller decides what a failure means.

function runInGroup(binary, args, options) {
    return new Promise((resolve) => {
        let output = '';
        let timedOut = false;
        let spawnError;
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(binary, args, {
            cwd: options.cwd,
            env: options.env ?? process.env,
            stdio: ['ignore', 'pipe', 'pipe'],
            detached: true,
        });
        const collect = (chunk) => {
            output += chunk.toString('utf8');
            if (output.length > 512 * 1024)
                output = output.slice(-256 * 1024);
        };
        child.stdout.on('data', collect);
        child.stderr.on('data', collect);
        child.on('error', (error) => {
            spawnError = error;
        });
        const killGroup = () => {
            try {
                process.kill(-child.pid, 'SIGKILL');
            }
            catch {
                // already gone
            }
        };
        const timer = setTimeout(() => {
            timedOut = true;
            killGroup();
        }, options.timeoutMs);
        // A cancelled run (SIGINT, SIGTERM, a cancelled job) takes the build with it: the group is
        // detached, so the terminal's signal does not reach it by itself.
        const onAbort = () => killGroup();
        options.signal?.addEventListener('abort', onAbort);
        if (options.signal?.aborted)
            killGroup();
        child.on('close', (code) => {
            clearTimeout(timer);
            options.signal?.removeEventListener('abort', onAbort);
            if (options.signal?.aborted)
                killGroup();
            // A compiler the group left behind (make was killed first) must not outlive the run.
            if (timedOut)
                killGroup();
            resolve({ code, output: output.slice(-256 * 1024), timedOut, ...(spawnError ? { spawnError } : {}) });
        });
    });
}
/**
 * The first line of a failed build's tail when the tree is to blame: what failed and what the
 * compiler and the linker said first (the verdict's reason is that line).
 */
function treeFaultHeadline(what, code, compilerErrors, linkErrors) {
    const found = [
        ...(compilerErrors.length
            ? [
                `${compilerErrors.length} compiler error(s) (${compilerErrors[0].file}:${compilerErrors[0].line}: ${compilerErrors[0].message})`,
            ]
            : []),
        ...(linkErrors.length ? [`${linkErrors.length} link error(s) (${linkErrors[0].message})`] : []),
    ];
    return `${what} failed (exit ${code}) with ${found.join(' and ')}`;
}
/** The last `count` lines of a command's output, for a report's tail. */
function lastLines(text, count) {
    return text.trimEnd().split('\n').slice(-count).join('\n');
}
/**
 * Why a run that never got to decide failed, for a build's tail: make could not start, or was
 * stopped at its deadline (`what` names the command, `deadline` the bound). Undefined otherwise.
 */
function runDidNotFinish(result, what, deadline) {
    if (result.spawnError)
        return `cannot run make: ${result.spawnError.message}`;
    if (result.timedOut)
        return `${what} did not finish within ${deadline}\n${lastLines(result.output, 40)}`;
    return undefined;
}
//# sourceMappingURL=host-run.js.map

/***/ }),

/***/ 7816:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   YT: () => (/* binding */ isLinuxFuseTree),
/* harmony export */   ei: () => (/* binding */ FUSE_DIR),
/* harmony export */   kc: () => (/* binding */ buildFuseModule)
/* harmony export */ });
/* unused harmony exports mirrorSources, parseCompilerErrors, parseLinkErrors, gnuBuildId, modinfoField */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8161);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(6760);
/* harmony import */ var _cache_lock_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(1659);
/* harmony import */ var _report_compiler_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(9101);
/* harmony import */ var _report_link_errors_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(5730);
/* harmony import */ var _host_run_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(4079);
// `build: module` on the Linux guest: the tree's fs/fuse built on the host as an external module
// (`make -C <kernel headers> M=<folder>`) against the guest's own kernel headers, then stripped of
// debug info for the payload. The build folder is kept between runs and only files whose content
// changed are copied into it, so make rebuilds just those (a one-file change is a few seconds).
// The folder is shared by every run of the same tree on this machine: the build holds its lock
// (src/cache/lock.ts) and strips the module straight into the run's own folder under it, so no run
// loads a module another run built or is still writing.








/** Where a Linux tree keeps its FUSE driver. */
const FUSE_DIR = 'fs/fuse';
/** A Linux FUSE tree: a full kernel tree, or one holding only fs/fuse (what the tests use). */
function isLinuxFuseTree(dir) {
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_3__.join(dir, FUSE_DIR, 'Makefile')) && (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_3__.join(dir, FUSE_DIR, 'fuse_i.h'));
}
/** Files of fs/fuse that the build reads; build products in a tree built in place are left out. */
const SOURCE_FILE = /^(?:[\w.-]+\.[ch]|Makefile|Kbuild|Kconfig)$/;
async function buildFuseModule(options) {
    const started = Date.now();
    return (0,_cache_lock_js__WEBPACK_IMPORTED_MODULE_4__/* .withBuildFolderLock */ .ao)(options.buildDir, options, () => buildHoldingLock(options), (message) => ({
        ok: false,
        blame: 'gate',
        tail: message,
        compilerErrors: [],
        linkErrors: [],
        changed: [],
        durationMs: Date.now() - started,
    }));
}
async function buildHoldingLock(options) {
    const started = Date.now();
    const folder = node_path__WEBPACK_IMPORTED_MODULE_3__.join(options.buildDir, 'fuse');
    const changed = mirrorSources(node_path__WEBPACK_IMPORTED_MODULE_3__.join(options.tree, FUSE_DIR), folder);
    const done = (result) => ({
        linkErrors: [],
        ...result,
        changed,
        durationMs: Date.now() - started,
    });
    const make = await (0,_host_run_js__WEBPACK_IMPORTED_MODULE_5__/* .runInGroup */ .Se)('make', [
        '-C',
        options.kernelBuildDir,
        `M=${folder}`,
        `-j${Math.max(1, (0,node_os__WEBPACK_IMPORTED_MODULE_1__.availableParallelism)())}`,
        // Only fuse.ko: CUSE and virtio-fs are separate modules the workloads never load.
        'CONFIG_CUSE=',
        'CONFIG_VIRTIO_FS=',
        'modules',
    ], { timeoutMs: options.timeoutMs, env: { ...process.env, LC_ALL: 'C' } });
    const tail = (0,_host_run_js__WEBPACK_IMPORTED_MODULE_5__/* .lastLines */ .w$)(make.output, 40);
    const unfinished = (0,_host_run_js__WEBPACK_IMPORTED_MODULE_5__/* .runDidNotFinish */ .Pk)(make, 'make', `${Math.round(options.timeoutMs / 1000)} s`);
    if (unfinished)
        return done({ ok: false, blame: 'gate', tail: unfinished, compilerErrors: [] });
    const compilerErrors = parseCompilerErrors(make.output, folder);
    const built = node_path__WEBPACK_IMPORTED_MODULE_3__.join(folder, 'fuse.ko');
    if (make.code !== 0 || !(0,node_fs__WEBPACK_IMPORTED_MODULE_2__.existsSync)(built)) {
        // Blame: the compiler rejecting the tree, or modpost finding a symbol no one exports (the
        // module's own link is `ld -r`, which leaves undefined symbols to modpost and the loader), is
        // the tree's; make failing for another reason is ours.
        const linkErrors = parseLinkErrors(make.output, folder);
        if (compilerErrors.length || linkErrors.length)
            return done({
                ok: false,
                blame: 'tree',
                tail: `${(0,_host_run_js__WEBPACK_IMPORTED_MODULE_5__/* .treeFaultHeadline */ .Rx)('make modules (fs/fuse)', make.code, compilerErrors, linkErrors)}:\n${tail}`,
                compilerErrors,
                linkErrors,
            });
        return done({ ok: false, blame: 'gate', tail, compilerErrors });
    }
    (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.mkdirSync)(options.moduleDir, { recursive: true });
    const module = node_path__WEBPACK_IMPORTED_MODULE_3__.join(options.moduleDir, 'fuse.ko');
    const strip = await (0,_host_run_js__WEBPACK_IMPORTED_MODULE_5__/* .runInGroup */ .Se)('objcopy', ['--strip-debug', built, module], { timeoutMs: 60_000 });
    if (strip.code !== 0)
        return done({
            ok: false,
            blame: 'gate',
            tail: `objcopy --strip-debug failed: ${strip.output.trim()}`,
            compilerErrors: [],
        });
    const bytes = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.readFileSync)(module);
    return done({
        ok: true,
        tail,
        compilerErrors: [],
        module,
        sha256: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex'),
        buildId: gnuBuildId(bytes),
        vermagic: modinfoField(bytes, 'vermagic'),
    });
}
/** Makes `to` hold the same source files as `from`; returns the names whose content changed. */
function mirrorSources(from, to) {
    (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.mkdirSync)(to, { recursive: true });
    // Only names mirrored before are ever removed: kbuild writes generated sources (fuse.mod.c) here.
    const manifest = node_path__WEBPACK_IMPORTED_MODULE_3__.join(to, '.fusefs-gate-sources');
    const before = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.existsSync)(manifest) ? (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.readFileSync)(manifest, 'utf8').split('\n').filter(Boolean) : [];
    const wanted = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.readdirSync)(from).filter((name) => SOURCE_FILE.test(name) && !name.endsWith('.mod.c') && (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.statSync)(node_path__WEBPACK_IMPORTED_MODULE_3__.join(from, name)).isFile());
    const changed = [];
    for (const name of wanted) {
        const source = node_path__WEBPACK_IMPORTED_MODULE_3__.join(from, name);
        const target = node_path__WEBPACK_IMPORTED_MODULE_3__.join(to, name);
        // Same content keeps the old copy and its mtime, so make does not rebuild it.
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_2__.existsSync)(target) && (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.readFileSync)(source).equals((0,node_fs__WEBPACK_IMPORTED_MODULE_2__.readFileSync)(target)))
            continue;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.copyFileSync)(source, target);
        changed.push(name);
    }
    for (const name of before.filter((name) => !wanted.includes(name))) {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.rmSync)(node_path__WEBPACK_IMPORTED_MODULE_3__.join(to, name), { force: true });
        // Its object would otherwise still be linked in by a stale .cmd.
        if (name.endsWith('.c'))
            (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.rmSync)(node_path__WEBPACK_IMPORTED_MODULE_3__.join(to, name.replace(/\.c$/, '.o')), { force: true });
        changed.push(name);
    }
    (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.writeFileSync)(manifest, `${wanted.sort().join('\n')}\n`);
    return changed.sort();
}
/** gcc's errors of the fs/fuse build in `folder` (the build's copy of the tree), named as in the tree. */
function parseCompilerErrors(output, folder) {
    return (0,_report_compiler_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .parseCompilerErrors */ .w)(output, (0,_report_compiler_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .relativeTo */ .M)(folder, `${FUSE_DIR}/`));
}
/** The linker's and modpost's errors of the fs/fuse build in `folder`, files named as in the tree. */
function parseLinkErrors(output, folder) {
    return (0,_report_link_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .parseLinkErrors */ .f)(output, (0,_report_compiler_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .relativeTo */ .M)(folder, `${FUSE_DIR}/`));
}
/** The descriptor of the ELF note `GNU`/NT_GNU_BUILD_ID (3), as lower-case hex; found by its header bytes. */
function gnuBuildId(elf) {
    // Elf64_Nhdr: namesz=4, descsz, type=3, then "GNU\0" and the descriptor.
    for (let at = elf.indexOf('GNU\0', 12, 'latin1'); at >= 12; at = elf.indexOf('GNU\0', at + 1, 'latin1')) {
        const namesz = elf.readUInt32LE(at - 12);
        const descsz = elf.readUInt32LE(at - 8);
        const type = elf.readUInt32LE(at - 4);
        if (namesz === 4 && type === 3 && descsz > 0 && descsz <= 64)
            return elf.subarray(at + 4, at + 4 + descsz).toString('hex');
    }
    return undefined;
}
/** A `NAME=value` string of the module's .modinfo section. */
function modinfoField(elf, name) {
    const at = elf.indexOf(`\0${name}=`, 0, 'latin1');
    if (at < 0)
        return undefined;
    const end = elf.indexOf(0, at + 1);
    return elf.subarray(at + name.length + 2, end).toString('latin1');
}
//# sourceMappingURL=module-build.js.map

/***/ }),

/***/ 7956:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ packageRoot)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3136);
// The folder this package is installed in (the repo, or the action's checkout), found from this
// module's own location so that the bundled dist/ and the sources under src/ both find scripts/ and guest/.



let cached;
function packageRoot() {
    if (cached)
        return cached;
    let dir = node_path__WEBPACK_IMPORTED_MODULE_1__.dirname((0,node_url__WEBPACK_IMPORTED_MODULE_2__.fileURLToPath)(import.meta.url));
    for (;;) {
        const manifest = node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, 'package.json');
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(manifest) && JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(manifest, 'utf8')).name === 'fusefs-gate') {
            cached = dir;
            return dir;
        }
        const parent = node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(dir);
        if (parent === dir)
            throw new Error(`cannot find the fusefs-gate package root above ${(0,node_url__WEBPACK_IMPORTED_MODULE_2__.fileURLToPath)(import.meta.url)}`);
        dir = parent;
    }
}
//# sourceMappingURL=package-root.js.map

/***/ }),

/***/ 1058:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  WO: () => (/* binding */ createBlankDisk),
  JO: () => (/* binding */ readTarDisk),
  My: () => (/* binding */ writeTarDisk)
});

// UNUSED EXPORTS: TarFormatError, UnsafeTarEntryError

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
;// CONCATENATED MODULE: ./.build/src/payload/tar-format.js
// The tar format, as far as the gate writes and reads it. Pure: bytes in, bytes out.
//
// Facts, from POSIX.1-2017 `pax` ("ustar Interchange Format", "pax Interchange Format") and GNU
// tar's manual ("Basic Tar Format", GNU extensions):
// - an archive is a sequence of 512-byte blocks: a header block, then the file's data rounded up
//   to whole blocks; it ends with two blocks of zeros;
// - header fields (offset, length): name 0/100, mode 100/8, uid 108/8, gid 116/8, size 124/12,
//   mtime 136/12, chksum 148/8, typeflag 156/1, linkname 157/100, magic 257/6, version 263/2,
//   uname 265/32, gname 297/32, devmajor 329/8, devminor 337/8, prefix 345/155;
// - numbers are octal ASCII, NUL- or space-terminated; GNU tar (and bsdtar, busybox) also read a
//   field whose first byte has the high bit set as a big-endian base-256 number (for sizes >= 8 GiB);
// - the checksum is the sum of the header's bytes as unsigned values, with the chksum field
//   counted as eight spaces, written as six octal digits, NUL, space;
// - typeflag '0' (or NUL, or '7') regular file, '1' hard link, '2' symlink, '5' directory;
//   'x' a pax extended header for the next entry ("LEN key=value\n" records: path, linkpath, size,
//   mtime ...), 'g' a global one; GNU 'L' / 'K': the data is the next entry's long name / link name;
// - ustar magic is "ustar\0" + version "00"; old GNU tar writes "ustar  \0". A name longer than
//   100 bytes can be split at a '/' into prefix (<= 155) and name (<= 100).
//
// The gate writes ustar headers, and for a path that does not fit ustar's name + prefix, a GNU
// 'L' long-name record in front of it (busybox tar reads these with FEATURE_TAR_GNU_EXTENSIONS,
// as Debian's busybox does; FreeBSD's bsdtar reads them; both checked in test/unit/payload). It
// reads ustar, GNU ('L', 'K') and pax ('x') records, which covers what busybox tar and bsdtar write.
const BLOCK = 512;
class TarFormatError extends Error {
    constructor(message) {
        super(message);
        this.name = 'TarFormatError';
    }
}
const TYPEFLAG = {
    file: '0',
    hardlink: '1',
    symlink: '2',
    dir: '5',
};
const LONG_NAME = '././@LongLink';
function paddedSize(size) {
    return Math.ceil(size / BLOCK) * BLOCK;
}
function isZeroBlock(block) {
    for (const byte of block)
        if (byte !== 0)
            return false;
    return true;
}
/**
 * The header blocks that introduce one entry: a GNU long-name record (and long-link record) when
 * the name (link name) does not fit ustar, then the ustar header. File data follows them.
 */
function entryHeaderBlocks(header) {
    if (header.type === 'other')
        throw new TarFormatError(`cannot write entry type other (${header.name})`);
    const blocks = [];
    const name = header.type === 'dir' && !header.name.endsWith('/') ? `${header.name}/` : header.name;
    let split = splitUstarName(name);
    if (!split) {
        blocks.push(...longRecord('L', name));
        split = { prefix: '', name: truncateBytes(name, 100) };
    }
    let linkname = header.linkname;
    if (Buffer.byteLength(linkname) > 100) {
        blocks.push(...longRecord('K', linkname));
        linkname = truncateBytes(linkname, 100);
    }
    blocks.push(encodeHeader({
        name: split.name,
        prefix: split.prefix,
        mode: header.mode,
        uid: header.uid,
        gid: header.gid,
        size: header.type === 'file' ? header.size : 0,
        mtime: header.mtime,
        typeflag: TYPEFLAG[header.type],
        linkname,
    }));
    return blocks;
}
/** name (<= 100 bytes) alone, or prefix (<= 155) '/' name (<= 100), or undefined if neither fits. */
function splitUstarName(name) {
    if (Buffer.byteLength(name) <= 100)
        return { prefix: '', name };
    // Try each '/' from the right that leaves a non-empty name part of <= 100 bytes.
    for (let slash = name.lastIndexOf('/', name.length - 2); slash > 0; slash = name.lastIndexOf('/', slash - 1)) {
        const prefix = name.slice(0, slash);
        const rest = name.slice(slash + 1);
        if (Buffer.byteLength(rest) > 100)
            break;
        if (Buffer.byteLength(prefix) <= 155)
            return { prefix, name: rest };
    }
    return undefined;
}
function longRecord(typeflag, value) {
    const data = Buffer.concat([Buffer.from(value, 'utf8'), Buffer.alloc(1)]);
    const header = encodeHeader({
        name: LONG_NAME,
        prefix: '',
        mode: 0,
        uid: 0,
        gid: 0,
        size: data.length,
        mtime: 0,
        typeflag,
        linkname: '',
    });
    return [header, Buffer.concat([data, Buffer.alloc(paddedSize(data.length) - data.length)])];
}
function truncateBytes(text, bytes) {
    const buffer = Buffer.from(text, 'utf8');
    if (buffer.length <= bytes)
        return text;
    // Cut on a character boundary: drop continuation bytes (10xxxxxx) at the cut.
    let end = bytes;
    while (end > 0 && (buffer[end] & 0xc0) === 0x80)
        end--;
    return buffer.subarray(0, end).toString('utf8');
}
function encodeHeader(header) {
    const block = Buffer.alloc(BLOCK);
    writeString(block, 0, 100, header.name, 'name');
    writeNumber(block, 100, 8, header.mode & 0o7777);
    writeNumber(block, 108, 8, header.uid);
    writeNumber(block, 116, 8, header.gid);
    writeNumber(block, 124, 12, header.size);
    writeNumber(block, 136, 12, Math.max(0, Math.floor(header.mtime)));
    block.write(header.typeflag, 156, 1, 'latin1');
    writeString(block, 157, 100, header.linkname, 'linkname');
    block.write('ustar\0', 257, 6, 'latin1');
    block.write('00', 263, 2, 'latin1');
    writeString(block, 345, 155, header.prefix, 'prefix');
    block.write(`${checksum(block).toString(8).padStart(6, '0')}\0 `, 148, 8, 'latin1');
    return block;
}
function writeString(block, offset, length, value, field) {
    const bytes = Buffer.from(value, 'utf8');
    if (bytes.length > length)
        throw new TarFormatError(`${field} ${JSON.stringify(value)} is longer than ${length} bytes`);
    bytes.copy(block, offset);
}
/** Octal with a NUL terminator when it fits, else GNU base-256 (high bit set, big-endian). */
function writeNumber(block, offset, length, value) {
    if (!Number.isSafeInteger(value) || value < 0)
        throw new TarFormatError(`cannot store ${value} in a tar header`);
    const octal = value.toString(8);
    if (octal.length <= length - 1) {
        block.write(`${octal.padStart(length - 1, '0')}\0`, offset, length, 'latin1');
        return;
    }
    let rest = BigInt(value);
    for (let index = offset + length - 1; index > offset; index--) {
        block[index] = Number(rest & 0xffn);
        rest >>= 8n;
    }
    block[offset] = 0x80;
}
function checksum(block) {
    let sum = 0;
    for (let index = 0; index < BLOCK; index++)
        sum += index >= 148 && index < 156 ? 0x20 : block[index];
    return sum;
}
function readString(block, offset, length) {
    const field = block.subarray(offset, offset + length);
    const end = field.indexOf(0);
    return field.subarray(0, end < 0 ? length : end).toString('utf8');
}
function readNumber(block, offset, length, field, at) {
    const bytes = block.subarray(offset, offset + length);
    if (bytes[0] & 0x80) {
        let value = BigInt(bytes[0] & 0x7f);
        for (let index = 1; index < length; index++)
            value = (value << 8n) | BigInt(bytes[index]);
        if (value > BigInt(Number.MAX_SAFE_INTEGER))
            throw new TarFormatError(`tar header at byte ${at}: ${field} is too large`);
        return Number(value);
    }
    const text = bytes
        .toString('latin1')
        .replace(/[\0 ]+$/, '')
        .replace(/^[\0 ]+/, '');
    if (text === '')
        return 0;
    if (!/^[0-7]+$/.test(text))
        throw new TarFormatError(`tar header at byte ${at}: ${field} is not an octal number (${JSON.stringify(text)})`);
    return parseInt(text, 8);
}
/** Decodes one header block (the caller has checked it is not a zero block). `at` is its byte offset, for messages. */
function decodeHeader(block, at) {
    const stored = readNumber(block, 148, 8, 'chksum', at);
    const computed = checksum(block);
    if (stored !== computed) {
        // Some old writers summed signed bytes; accept that too (POSIX: "unsigned", GNU tar checks both).
        let signed = 0;
        for (let index = 0; index < BLOCK; index++)
            signed += index >= 148 && index < 156 ? 0x20 : (block[index] << 24) >> 24;
        if (stored !== signed) {
            throw new TarFormatError(`not a valid tar header at byte ${at}: checksum ${stored.toString(8)} stored, ${computed.toString(8)} computed`);
        }
    }
    const typeflag = String.fromCharCode(block[156]);
    const ustar = block.subarray(257, 262).toString('latin1') === 'ustar';
    const prefix = ustar ? readString(block, 345, 155) : '';
    const name = readString(block, 0, 100);
    return {
        name: prefix ? `${prefix}/${name}` : name,
        prefix,
        mode: readNumber(block, 100, 8, 'mode', at),
        uid: readNumber(block, 108, 8, 'uid', at),
        gid: readNumber(block, 116, 8, 'gid', at),
        size: readNumber(block, 124, 12, 'size', at),
        mtime: readNumber(block, 136, 12, 'mtime', at),
        typeflag,
        type: typeOf(typeflag),
        linkname: readString(block, 157, 100),
        ustar,
    };
}
function typeOf(typeflag) {
    switch (typeflag) {
        case '0':
        case '\0':
        case '7':
            return 'file';
        case '1':
            return 'hardlink';
        case '2':
            return 'symlink';
        case '5':
            return 'dir';
        default:
            return 'other';
    }
}
/** Parses pax extended header records: "LEN key=value\n", LEN counting the whole record in bytes. */
function parsePaxRecords(data, at) {
    const records = {};
    let offset = 0;
    while (offset < data.length) {
        if (data[offset] === 0)
            break; // padding
        const space = data.indexOf(0x20, offset);
        const length = space < 0 ? NaN : Number(data.subarray(offset, space).toString('latin1'));
        if (!Number.isInteger(length) ||
            length <= 0 ||
            offset + length > data.length ||
            data[offset + length - 1] !== 0x0a) {
            throw new TarFormatError(`malformed pax extended header at byte ${at}`);
        }
        const record = data.subarray(space + 1, offset + length - 1).toString('utf8');
        const equals = record.indexOf('=');
        if (equals < 0)
            throw new TarFormatError(`malformed pax record ${JSON.stringify(record)} at byte ${at}`);
        records[record.slice(0, equals)] = record.slice(equals + 1);
        offset += length;
    }
    return records;
}
//# sourceMappingURL=tar-format.js.map
;// CONCATENATED MODULE: ./.build/src/payload/tar-disk.js
// Bulk data in and out of the guest: a tar archive written straight onto a raw disk. The guest
// reads the payload disk with `tar -xf /dev/vtbd1` (FreeBSD bsdtar) or `tar -xf /dev/vdb`
// (busybox), and writes its results with `tar -cf DEV ...` onto a blank disk the host reads back.
//
// Why our own tar writer and reader (tar-format.ts) instead of the host's `tar`:
// - the output must not depend on which tar the runner has (GNU tar on Ubuntu, bsdtar on a Mac
//   laptop): their defaults differ (GNU tar's default format, pax headers for mtimes, sparse files);
//   here the format is fixed: ustar, plus a GNU long-name record only for a path that needs it;
// - names come from argv arrays either way, but mapping many host paths onto guest paths with
//   --transform is GNU-only and its sed syntax turns special characters into a quoting problem;
// - the reader must enforce safety rules GNU tar does not apply by default (refuse symlinks that
//   lead out of the folder, never write through a symlink), stop at the end-of-archive zeros,
//   treat an all-zero disk as "nothing written" and name the byte where a corrupt archive breaks.
// Both are small and stream file data in 1 MiB chunks, so a large tree is never held in memory.





/** A path in the archive that would leave the destination folder, or be written through a symlink. */
class UnsafeTarEntryError extends Error {
    entry;
    why;
    constructor(entry, why) {
        super(`refusing tar entry ${JSON.stringify(entry)}: ${why}`);
        this.entry = entry;
        this.why = why;
        this.name = 'UnsafeTarEntryError';
    }
}
const MIB = 1024 * 1024;
const CHUNK = MIB;
/**
 * Writes a tar archive of `entries` to `diskPath` (replacing its contents in place: the same file,
 * so a QEMU that has it open sees the new bytes), padded with zeros to a whole number of MiB, or to
 * `sizeBytes` when that is larger, so it can be attached as a raw disk. Directories are walked in
 * sorted order; symlinks inside a walked folder are kept as symlinks, a top-level hostPath is followed.
 */
async function writeTarDisk(entries, diskPath, options = {}) {
    const plan = await planEntries(entries);
    const out = await (0,promises_.open)(diskPath, 'w');
    const summary = {
        files: 0,
        dirs: 0,
        symlinks: 0,
        dataBytes: 0,
        diskBytes: 0,
        archiveBytes: 0,
    };
    let position = 0;
    const write = async (buffer) => {
        let done = 0;
        while (done < buffer.length) {
            const { bytesWritten } = await out.write(buffer, done, buffer.length - done, position);
            done += bytesWritten;
            position += bytesWritten;
        }
    };
    try {
        for (const item of plan) {
            for (const block of entryHeaderBlocks(item.header))
                await write(block);
            if (item.header.type === 'dir')
                summary.dirs++;
            else if (item.header.type === 'symlink')
                summary.symlinks++;
            else {
                summary.files++;
                summary.dataBytes += item.header.size;
                await copyFileData(item.source, item.header.size, write);
            }
        }
        // End of archive: two zero blocks; then zeros up to a whole MiB (ftruncate leaves a hole).
        await write(Buffer.alloc(2 * BLOCK));
        summary.archiveBytes = position;
        summary.diskBytes = Math.max(Math.ceil(position / MIB) * MIB, options.sizeBytes ?? 0);
        await out.truncate(summary.diskBytes);
    }
    finally {
        await out.close();
    }
    return summary;
}
async function planEntries(entries) {
    const planned = [];
    const seen = new Map();
    const add = (item, from) => {
        const key = item.header.name;
        const earlier = seen.get(key);
        if (earlier !== undefined) {
            if (item.header.type === 'dir' && planned.find((p) => p.header.name === key)?.header.type === 'dir')
                return;
            throw new Error(`two payload entries map to the same guest path ${JSON.stringify(key)}: ${earlier} and ${from}`);
        }
        seen.set(key, from);
        planned.push(item);
    };
    const addParents = (guestPath) => {
        const parts = guestPath.split('/');
        for (let index = 1; index < parts.length; index++) {
            const dir = parts.slice(0, index).join('/');
            // add() merges it with a folder already there, and refuses a file already there.
            add({ header: dirHeader(dir, 0o755, Date.now() / 1000) }, '(parent folder)');
        }
    };
    const walk = async (hostDir, guestDir) => {
        const names = (await (0,promises_.readdir)(hostDir)).sort();
        for (const name of names) {
            const hostPath = external_node_path_.join(hostDir, name);
            const guestPath = guestDir ? `${guestDir}/${name}` : name;
            await addPath(hostPath, guestPath, false);
        }
    };
    const addPath = async (hostPath, guestPath, follow) => {
        const info = follow ? await (0,promises_.stat)(hostPath) : await (0,promises_.lstat)(hostPath);
        const mtime = Math.floor(info.mtimeMs / 1000);
        if (info.isDirectory()) {
            add({ header: dirHeader(guestPath, info.mode & 0o777, mtime) }, hostPath);
            await walk(hostPath, guestPath);
        }
        else if (info.isFile()) {
            add({
                header: {
                    name: guestPath,
                    mode: info.mode & 0o777,
                    uid: 0,
                    gid: 0,
                    size: info.size,
                    mtime,
                    type: 'file',
                    linkname: '',
                },
                source: hostPath,
            }, hostPath);
        }
        else if (info.isSymbolicLink()) {
            add({
                header: {
                    name: guestPath,
                    mode: 0o777,
                    uid: 0,
                    gid: 0,
                    size: 0,
                    mtime,
                    type: 'symlink',
                    linkname: await (0,promises_.readlink)(hostPath),
                },
            }, hostPath);
        }
        // Sockets, FIFOs and devices are not payload: left out.
    };
    for (const entry of entries) {
        if ('dir' in entry) {
            const as = guestRelative(entry.as, true);
            const info = await (0,promises_.stat)(entry.dir);
            if (!info.isDirectory())
                throw new Error(`payload folder ${entry.dir} is not a folder`);
            if (as) {
                addParents(as);
                add({ header: dirHeader(as, info.mode & 0o777, Math.floor(info.mtimeMs / 1000)) }, entry.dir);
            }
            await walk(entry.dir, as);
        }
        else {
            const guestPath = guestRelative(entry.guestPath, false);
            addParents(guestPath);
            await addPath(entry.hostPath, guestPath, true);
        }
    }
    return planned;
}
function dirHeader(name, mode, mtime) {
    return { name, mode, uid: 0, gid: 0, size: 0, mtime: Math.floor(mtime), type: 'dir', linkname: '' };
}
/** A guest path relative to the archive root: no leading '/', no '..', normalized. */
function guestRelative(guestPath, allowRoot) {
    const normalized = external_node_path_.posix.normalize(guestPath.replace(/^\/+/, '')).replace(/\/+$/, '');
    if (normalized === '.' || normalized === '') {
        if (allowRoot)
            return '';
        throw new Error(`payload guest path ${JSON.stringify(guestPath)} is empty`);
    }
    if (normalized.split('/').includes('..'))
        throw new Error(`payload guest path ${JSON.stringify(guestPath)} leaves the archive root`);
    if (guestPath.includes('\0'))
        throw new Error(`payload guest path ${JSON.stringify(guestPath)} contains NUL`);
    return normalized;
}
async function copyFileData(source, size, write) {
    const input = await (0,promises_.open)(source, 'r');
    try {
        const buffer = Buffer.alloc(CHUNK);
        let copied = 0;
        while (copied < size) {
            const { bytesRead } = await input.read(buffer, 0, Math.min(CHUNK, size - copied), copied);
            if (bytesRead === 0)
                throw new Error(`${source} shrank while it was archived (${copied} of ${size} bytes)`);
            await write(buffer.subarray(0, bytesRead));
            copied += bytesRead;
        }
        const padding = paddedSize(size) - size;
        if (padding > 0)
            await write(Buffer.alloc(padding));
    }
    finally {
        await input.close();
    }
}
/** A blank raw disk of `sizeMiB` MiB: a sparse file (a hole) that reads as zeros. Replaces `diskPath`. */
async function createBlankDisk(diskPath, sizeMiB) {
    if (!Number.isInteger(sizeMiB) || sizeMiB < 1)
        throw new Error(`blank disk size must be a whole number of MiB of at least 1, got ${sizeMiB}`);
    const handle = await (0,promises_.open)(diskPath, 'w');
    try {
        await handle.truncate(sizeMiB * MIB);
    }
    finally {
        await handle.close();
    }
}
/**
 * Extracts the tar archive the guest wrote to the raw disk `diskPath` into `destDir` (created if
 * missing). Stops at the first zero block (the end-of-archive marker). A disk that is all zeros
 * where the archive would start means the guest wrote nothing: an empty list, not an error.
 * A bad header checksum, a truncated member, or an entry that would leave destDir (absolute path,
 * '..', a symlink pointing outside, a path through a symlink) is an error.
 */
async function readTarDisk(diskPath, destDir) {
    const input = await (0,promises_.open)(diskPath, 'r');
    const extracted = [];
    try {
        const diskSize = (await input.stat()).size;
        const root = external_node_path_.resolve(destDir);
        await (0,promises_.mkdir)(root, { recursive: true });
        const header = Buffer.alloc(BLOCK);
        let offset = 0;
        let longName;
        let longLink;
        let pax = {};
        for (;;) {
            if (offset + BLOCK > diskSize)
                break; // end of the disk without a marker: GNU tar accepts that too
            await readExactly(input, header, offset);
            if (isZeroBlock(header))
                break;
            const at = offset;
            let entry;
            try {
                entry = decodeHeader(header, at);
            }
            catch (error) {
                if (error instanceof TarFormatError)
                    throw new TarFormatError(`${diskPath} is not a readable tar archive: ${error.message}`);
                throw error;
            }
            const meta = entry.typeflag === 'x' || entry.typeflag === 'g' || entry.typeflag === 'L' || entry.typeflag === 'K';
            // Data that follows the header: a file's contents (pax may override a size ustar cannot
            // hold), a meta record's payload, or an unknown type's data, which is skipped.
            const size = entry.type === 'file' && pax.size !== undefined ? Number(pax.size) : entry.size;
            if (!Number.isSafeInteger(size) || size < 0)
                throw new TarFormatError(`${diskPath}: bad size ${JSON.stringify(pax.size)} at byte ${at}`);
            const dataSize = meta || entry.type === 'file' || entry.type === 'other' ? size : 0;
            const dataStart = offset + BLOCK;
            const next = dataStart + paddedSize(dataSize);
            if (next > diskSize) {
                throw new TarFormatError(`${diskPath}: tar member ${JSON.stringify(entry.name)} at byte ${at} runs past the end of the disk (truncated archive)`);
            }
            offset = next;
            if (meta) {
                const data = Buffer.alloc(entry.size);
                await readExactly(input, data, dataStart);
                if (entry.typeflag === 'L')
                    longName = cString(data);
                else if (entry.typeflag === 'K')
                    longLink = cString(data);
                else if (entry.typeflag === 'x')
                    pax = parsePaxRecords(data, at);
                continue; // 'g' (global pax) carries nothing the gate uses
            }
            const name = pax.path ?? longName ?? entry.name;
            const linkname = pax.linkpath ?? longLink ?? entry.linkname;
            const mtime = pax.mtime !== undefined ? Number(pax.mtime) : entry.mtime;
            longName = longLink = undefined;
            pax = {};
            if (entry.type === 'other')
                continue; // devices, FIFOs: not evidence
            const relative = safeRelative(name);
            if (relative === '') {
                if (entry.type === 'dir')
                    continue; // "./" itself
                throw new UnsafeTarEntryError(name, 'it names the destination folder itself');
            }
            const target = external_node_path_.join(root, ...relative.split('/'));
            await ensureParents(root, relative);
            switch (entry.type) {
                case 'dir':
                    await ensureDir(root, relative);
                    extracted.push({ path: relative, kind: 'dir', size: 0 });
                    break;
                case 'file':
                    await removeIfNotDir(target, relative);
                    await extractFile(input, dataStart, size, target, entry.mode & 0o777);
                    await (0,promises_.utimes)(target, mtime, mtime).catch(() => undefined);
                    extracted.push({ path: relative, kind: 'file', size });
                    break;
                case 'symlink': {
                    if (external_node_path_.posix.isAbsolute(linkname))
                        throw new UnsafeTarEntryError(relative, `symlink to the absolute path ${JSON.stringify(linkname)}`);
                    const resolved = external_node_path_.posix.normalize(external_node_path_.posix.join(external_node_path_.posix.dirname(relative), linkname));
                    if (resolved === '..' || resolved.startsWith('../'))
                        throw new UnsafeTarEntryError(relative, `symlink to ${JSON.stringify(linkname)} leads out of the folder`);
                    await removeIfNotDir(target, relative);
                    await (0,promises_.symlink)(linkname, target);
                    extracted.push({ path: relative, kind: 'symlink', size: 0 });
                    break;
                }
                case 'hardlink': {
                    const source = safeRelative(linkname);
                    const sourcePath = external_node_path_.join(root, ...source.split('/'));
                    const info = await (0,promises_.lstat)(sourcePath).catch(() => undefined);
                    if (!info?.isFile())
                        throw new UnsafeTarEntryError(relative, `hard link to ${JSON.stringify(linkname)}, which is not a file extracted before it`);
                    await removeIfNotDir(target, relative);
                    await (0,promises_.copyFile)(sourcePath, target);
                    extracted.push({ path: relative, kind: 'hardlink', size: info.size });
                    break;
                }
            }
        }
    }
    finally {
        await input.close();
    }
    return extracted;
}
function cString(data) {
    const end = data.indexOf(0);
    return data.subarray(0, end < 0 ? data.length : end).toString('utf8');
}
/** The archive path as a clean relative path, or UnsafeTarEntryError. */
function safeRelative(name) {
    if (name.includes('\0'))
        throw new UnsafeTarEntryError(name, 'the name contains NUL');
    if (name.startsWith('/'))
        throw new UnsafeTarEntryError(name, 'absolute path');
    const parts = name.split('/').filter((part) => part !== '' && part !== '.');
    if (parts.includes('..'))
        throw new UnsafeTarEntryError(name, "'..' would leave the destination folder");
    return parts.join('/');
}
/** Creates the parent folders of `relative` under root, refusing to pass through a symlink. */
async function ensureParents(root, relative) {
    const parts = relative.split('/');
    for (let index = 1; index < parts.length; index++)
        await ensureDir(root, parts.slice(0, index).join('/'));
}
async function ensureDir(root, relative) {
    const dir = external_node_path_.join(root, ...relative.split('/'));
    const info = await (0,promises_.lstat)(dir).catch(() => undefined);
    if (info?.isSymbolicLink())
        throw new UnsafeTarEntryError(relative, 'a path through a symlink');
    if (info && !info.isDirectory())
        throw new UnsafeTarEntryError(relative, 'a folder where a file was extracted before');
    if (!info)
        await (0,promises_.mkdir)(dir);
}
async function removeIfNotDir(target, relative) {
    const info = await (0,promises_.lstat)(target).catch(() => undefined);
    if (!info)
        return;
    if (info.isDirectory())
        throw new UnsafeTarEntryError(relative, 'a file where a folder was extracted before');
    await (0,promises_.rm)(target, { force: true });
}
async function extractFile(input, start, size, target, mode) {
    // O_NOFOLLOW: never write through a symlink placed at the target; O_EXCL: the path was cleared above.
    const output = await (0,promises_.open)(target, external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_CREAT | external_node_fs_.constants.O_EXCL | external_node_fs_.constants.O_NOFOLLOW, mode || 0o644);
    try {
        const buffer = Buffer.alloc(Math.min(CHUNK, Math.max(size, 1)));
        let copied = 0;
        while (copied < size) {
            const length = Math.min(buffer.length, size - copied);
            await readExactly(input, buffer.subarray(0, length), start + copied);
            let written = 0;
            while (written < length)
                written += (await output.write(buffer, written, length - written, copied + written)).bytesWritten;
            copied += length;
        }
    }
    finally {
        await output.close();
    }
}
async function readExactly(input, buffer, position) {
    let done = 0;
    while (done < buffer.length) {
        const { bytesRead } = await input.read(buffer, done, buffer.length - done, position + done);
        if (bytesRead === 0)
            throw new TarFormatError(`unexpected end of disk at byte ${position + done}`);
        done += bytesRead;
    }
}
//# sourceMappingURL=tar-disk.js.map

/***/ }),

/***/ 7862:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Pv: () => (/* binding */ matchKnownBug)
});

// UNUSED EXPORTS: CATALOGUE, entryMatches, loadCatalogue

// EXTERNAL MODULE: ./.build/src/report/frame-classes.js
var frame_classes = __nccwpck_require__(926);
// EXTERNAL MODULE: ./.build/src/report/signature.js
var signature = __nccwpck_require__(2428);
;// CONCATENATED MODULE: ./.build/src/report/known-deadlocks.json
const known_deadlocks_namespaceObject = /*#__PURE__*/JSON.parse('{"$comment":"Known kernel deadlocks, matched on the SET of frame names of one blocked thread (order and offsets ignored; static functions may be inlined away, so give alternatives). Each allOf group must have at least one of its names in the thread\'s frames; a name ending in * is a prefix. Add an entry, add a fixture in test/fixtures/stacks/ that it must match and one it must not.","entries":[{"id":"freebsd-247276","title":"fusefs: mmap\'d write to a FOPEN_DIRECT_IO file deadlocks in vm_page_busy_sleep (bug 247276)","url":"https://bugs.freebsd.org/bugzilla/show_bug.cgi?id=247276","os":"freebsd","notes":"The pager\'s putpages calls VOP_WRITE with IO_VMIO; the direct_io write invalidates the very pages the pager holds busy (vn_pages_remove -> vm_object_page_remove -> vm_page_busy_sleep). Fixed in r366121 (fuse_io.c, 2020: fuse_io_dispatch); today the path is fuse_vnop_write -> fuse_inval_buf_range -> v_inval_buf_range -> vn_pages_remove (fuse_vnops.c, vfs_subr.c). The last group keeps a v_inval_buf_range page-busy wait of another file system out.","match":{"allOf":[["vm_page_busy_sleep","_vm_page_busy_sleep"],["vm_object_page_remove","vn_pages_remove"],["fuse_io_dispatch","fuse_vnop_write","fuse_inval_buf_range","v_inval_buf_range"],["fuse_*"]]}}]}');
;// CONCATENATED MODULE: ./.build/src/report/catalogue.js
// The known-deadlock catalogue (known-deadlocks.json): data, typed and checked once at load.



/** Check the shape of catalogue data; throws naming the first bad entry. */
function loadCatalogue(data) {
    const entries = data.entries;
    if (!Array.isArray(entries))
        throw new Error('known-deadlocks: `entries` must be an array');
    return entries.map((e, i) => {
        const entry = e;
        const where = `known-deadlocks entry ${i} (${String(entry.id)})`;
        if (typeof entry.id !== 'string' || entry.id === '')
            throw new Error(`${where}: id must be a non-empty string`);
        if (typeof entry.title !== 'string')
            throw new Error(`${where}: title must be a string`);
        if (typeof entry.url !== 'string' || !/^https:\/\//.test(entry.url))
            throw new Error(`${where}: url must be https`);
        const allOf = entry.match?.allOf;
        if (!Array.isArray(allOf) ||
            allOf.length === 0 ||
            !allOf.every((g) => Array.isArray(g) && g.length > 0 && g.every((n) => typeof n === 'string' && n !== ''))) {
            throw new Error(`${where}: match.allOf must be a non-empty list of non-empty lists of frame names`);
        }
        return entry;
    });
}
const CATALOGUE = loadCatalogue(known_deadlocks_namespaceObject);
/** Does one thread's set of frames satisfy the entry? */
function entryMatches(entry, thread) {
    const fns = thread.frames.map((f) => f.fn);
    return entry.match.allOf.every((group) => fns.some((fn) => (0,frame_classes/* matchesAny */._I)(fn, group)));
}
/**
 * The first catalogue entry one of the threads matches, blocked threads first (a known deadlock
 * is about a stuck thread; an unblocked match is still reported, e.g. from a single `bt`).
 */
function matchKnownBug(threads, catalogue = CATALOGUE) {
    const ordered = [...threads.filter(signature/* isBlocked */.lT), ...threads.filter((t) => !(0,signature/* isBlocked */.lT)(t))];
    for (const t of ordered) {
        for (const entry of catalogue) {
            if (entryMatches(entry, t))
                return { id: entry.id, title: entry.title, url: entry.url };
        }
    }
    return undefined;
}
//# sourceMappingURL=catalogue.js.map

/***/ }),

/***/ 9101:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ relativeTo),
/* harmony export */   w: () => (/* binding */ parseCompilerErrors)
/* harmony export */ });
// Compiler diagnostics in a build's output, for every build the gate runs: FreeBSD module and kernel
// builds in the guest (clang), the Linux tree's fs/fuse and kernel builds on the host (gcc). Both
// compilers print `FILE:LINE[:COL]: [fatal ]error: MESSAGE`; bsd.kmod.mk builds with -Werror, so
// warnings promoted to errors end the same way. gcc hands assembly (the tree's .S files, its inline
// asm) to GNU as, whose errors read `FILE:LINE: Error: MESSAGE` (binutils gas/messages.c
// as_bad_internal); clang assembles itself and reports in its own form. Pure: text in, data out.
// The message may be empty: clang's `#error` with no text prints `FILE:LINE:COL: error: `. GNU as's
// `Fatal error:` is left out: as_fatal() reports the assembler's own run (an input it cannot open,
// an output it cannot write, a bad option), not what the tree's source says.
const DIAGNOSTIC = /^(\S[^:]*?):(\d+):(?:(\d+):)?\s+(fatal error|error|Error):(?:\s+(.*))?$/;
/**
 * The errors in `output`, each once (parallel make jobs print a header's error once per file that
 * includes it), in order; `relative` maps a file as printed to the tree-relative name reported.
 */
function parseCompilerErrors(output, relative) {
    const errors = [];
    const seen = new Set();
    for (const line of output.split('\n')) {
        // Trimmed: gcc ends a bare `#error` with the blank after the directive (`error: #error `).
        const match = DIAGNOSTIC.exec(line.trim());
        if (!match)
            continue;
        const error = {
            file: relative(match[1]),
            line: Number(match[2]),
            ...(match[3] !== undefined ? { column: Number(match[3]) } : {}),
            message: match[5] ?? '',
            severity: match[4] === 'fatal error' ? 'fatal error' : 'error',
        };
        const key = `${error.file}:${error.line}:${error.column ?? ''}:${error.message}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        errors.push(error);
    }
    return errors;
}
/** A file under `folder` named as `replacement` + the rest of its path; other files as printed. */
function relativeTo(folder, replacement = '') {
    const prefix = folder.endsWith('/') ? folder : `${folder}/`;
    return (file) => (file.startsWith(prefix) ? replacement + file.slice(prefix.length) : file);
}
//# sourceMappingURL=compiler-errors.js.map

/***/ }),

/***/ 7902:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ normalizeMessage),
/* harmony export */   MF: () => (/* binding */ crashFunction),
/* harmony export */   cC: () => (/* binding */ crashTitle)
/* harmony export */ });
/* harmony import */ var _parsers_common_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4052);
// Titles of crash reports in the spirit of syzkaller pkg/report: the kind of crash and the function
// it happened in (the first frame that is not crash machinery), with everything that differs
// between runs and builds (addresses, numbers, build paths, line numbers) normalised away, so one
// bug gets one title and two bugs of the same kind get two.

/** A source location `path/file.c:LINE[:COL]` in a message. */
const SOURCE_PATH = /[^\s'"(]*\.(?:c|h|S|rs)(?::\d+)+/g;
/** FreeBSD sources live under `sys/`; Linux's top-level directories. */
const FREEBSD_TOP = /(?:^|\/)(sys\/.*)$/;
const LINUX_TOP = /(?:^|\/)((?:fs|kernel|mm|net|drivers|arch|include|lib|block|crypto|security|sound|virt|ipc|init|io_uring|rust)\/.*)$/;
/** `/mnt/build/.../sys/kern/x.c:123` -> `sys/kern/x.c`: the build's own path and the line go. */
function sourcePath(location) {
    const file = location.replace(/(?::\d+)+$/, '');
    const bsd = FREEBSD_TOP.exec(file);
    if (bsd)
        return bsd[1];
    // The earliest top-level directory: `/home/me/linux/fs/x.c` is `fs/x.c`.
    const parts = file.split('/');
    for (let i = 0; i < parts.length - 1; i++) {
        const rest = parts.slice(i).join('/');
        const m = LINUX_TOP.exec(rest);
        if (m && m.index === 0)
            return m[1];
    }
    return file.replace(/^.*\//, '');
}
/** Strip what differs between runs and builds from a message. */
function normalizeMessage(message) {
    return message
        .replace(SOURCE_PATH, sourcePath)
        .replace(/0x[0-9a-fA-F]+/g, 'ADDR')
        .replace(/\b(?=[0-9a-fA-F]*\d)[0-9a-fA-F]{8,16}\b/g, 'ADDR')
        .replace(/\b\d+\b/g, 'NUM')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 200);
}
/**
 * The function a crash is filed under: the first named candidate that is not machinery; the
 * candidates are the header's function (KASAN, WARNING), the faulting pc (RIP, pc) and the stack.
 */
function crashFunction(candidates, isMachinery, allMachinery = 'first-named') {
    let fallback;
    for (const c of candidates) {
        if (c === undefined)
            continue;
        const fn = typeof c === 'string' ? c : c.fn;
        if (!(0,_parsers_common_js__WEBPACK_IMPORTED_MODULE_0__/* .isNamed */ .ev)(fn))
            continue;
        fallback ??= fn;
        if (isMachinery(fn))
            continue;
        return (0,_parsers_common_js__WEBPACK_IMPORTED_MODULE_0__/* .baseName */ .Fl)(fn);
    }
    if (allMachinery === 'none' || fallback === undefined)
        return undefined;
    return (0,_parsers_common_js__WEBPACK_IMPORTED_MODULE_0__/* .baseName */ .Fl)(fallback);
}
/** `KIND in FUNC`, or `KIND` when no function is known or the kind already names it. */
function crashTitle(kind, fn) {
    if (fn === undefined)
        return kind;
    // `panic: ffs_write: type ...` names its function already.
    const at = kind.indexOf(fn);
    const before = at > 0 ? kind.charAt(at - 1) : ' ';
    const after = kind.charAt(at + fn.length);
    if (at >= 0 && /[\s:]/.test(before) && (after === '' || after === ':' || after === '('))
        return kind;
    return `${kind} in ${fn}`;
}
//# sourceMappingURL=crash-title.js.map

/***/ }),

/***/ 926:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $E: () => (/* binding */ isTimerInterruptEntry),
/* harmony export */   $H: () => (/* binding */ isFreebsdTrapEntry),
/* harmony export */   A8: () => (/* binding */ isFuseIpc),
/* harmony export */   CO: () => (/* binding */ isFreebsdFaultEntry),
/* harmony export */   CW: () => (/* binding */ isLinuxCrashMachinery),
/* harmony export */   Hh: () => (/* binding */ isFreebsdCrashMachinery),
/* harmony export */   Hk: () => (/* binding */ isFsVm),
/* harmony export */   IL: () => (/* binding */ isFuseDaemonRead),
/* harmony export */   Mt: () => (/* binding */ isUninterruptibleSleep),
/* harmony export */   Uj: () => (/* binding */ isFuseRequestWait),
/* harmony export */   XS: () => (/* binding */ isInterruptibleSleep),
/* harmony export */   _I: () => (/* binding */ matchesAny),
/* harmony export */   k5: () => (/* binding */ isFuse),
/* harmony export */   l8: () => (/* binding */ isFreebsdFaultHandling),
/* harmony export */   lL: () => (/* binding */ isStallDetector),
/* harmony export */   qz: () => (/* binding */ isSleepOrLock)
/* harmony export */ });
/* unused harmony exports SLEEP_AND_LOCK_FRAMES, INTERRUPTIBLE_SLEEP_FRAMES, UNINTERRUPTIBLE_SLEEP_FRAMES, FUSE_FRAMES, FUSE_IPC_FRAMES, FUSE_REQUEST_WAIT_FRAMES, FUSE_DAEMON_READ_FRAMES, FS_VM_FRAMES, LINUX_CRASH_SKIP_FRAMES, FREEBSD_CRASH_SKIP_FRAMES, FREEBSD_FAULT_ENTRY_FRAMES, FREEBSD_FAULT_RESOLUTION_FRAMES, FREEBSD_TRAP_ENTRY_FRAMES, TIMER_INTERRUPT_ENTRY_FRAMES, STALL_DETECTOR_FRAMES */
/* harmony import */ var _parsers_common_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4052);
// Knowledge about frame names, kept as data (syzkaller pkg/report style): which frames are the
// scheduler, sleep and lock machinery (never the "where" of a hang), which belong to FUSE and
// to the file system / VM layers, which mean "waiting for the FUSE daemon's answer".
// A name ending in `*` is a prefix, one starting with `*` a suffix, one wrapped in `*...*` a substring,
// one with a `*` inside (`kern_*at`) a prefix and a suffix. Names are compared
// without compiler suffixes (`.isra.0`).

/** Scheduler, sleep-queue and lock primitives: skipped when naming where a thread waits. */
const SLEEP_AND_LOCK_FRAMES = [
    // FreeBSD: sys/kern/kern_synch.c, subr_sleepqueue.c, kern_condvar.c, kern_lock.c,
    // kern_mutex.c, kern_sx.c, kern_rwlock.c, subr_turnstile.c, sched_ule.c
    'mi_switch',
    'sched_switch',
    'sleepq_*',
    '_sleep',
    'msleep_spin_sbt',
    'pause_sbt',
    'sleeplk',
    '__lockmgr_args',
    'lockmgr_*',
    '_lockmgr_*',
    '_cv_wait*',
    '_cv_timedwait*',
    '__mtx_lock_sleep',
    '_mtx_lock_sleep',
    'turnstile_wait',
    '_sx_xlock_hard',
    '_sx_slock_hard',
    '_sx_xlock',
    '_sx_slock',
    '_sx_slock_int',
    'sx_xlock*',
    'sx_slock*',
    '__rw_wlock_hard',
    '__rw_rlock_hard',
    '_rw_wlock_cookie',
    '__rw_rlock',
    '__rw_rlock_int',
    '_rw_rlock_cookie',
    '_rm_rlock_hard',
    'msleep',
    'tsleep',
    '_mtx_lock_flags',
    '__mtx_lock_flags',
    'vop_stdlock',
    'vop_lock',
    'VOP_LOCK1_APV',
    '_vn_lock',
    // Linux: kernel/sched/core.c, kernel/sched/completion.c, kernel/locking/*, kernel/time/*
    '__schedule',
    // 6.x schedule() calls __schedule_loop() (kernel/sched/core.c), inlined: a frame of symbolized reports
    '__schedule_loop',
    'schedule',
    'schedule_timeout*',
    'schedule_preempt_disabled',
    'schedule_hrtimeout*',
    'schedule_idle',
    'preempt_schedule*',
    'io_schedule*',
    '__switch_to',
    '__switch_to_asm',
    'context_switch',
    'wait_for_completion*',
    '__wait_for_common',
    'wait_for_common',
    'do_wait_for_common',
    'rwsem_down_*',
    'down_read*',
    'down_write*',
    '__down*',
    'down',
    'mutex_lock*',
    '__mutex_lock*',
    'rt_mutex_*',
    '__rt_mutex_*',
    'percpu_rwsem_wait',
    '__percpu_down_read',
    'bit_wait*',
    '__wait_on_bit*',
    'out_of_line_wait_on_bit*',
    'prepare_to_wait*',
    'finish_wait',
    'wait_woken',
    'do_nanosleep',
    'hrtimer_nanosleep',
    'osq_lock',
    'rwbase_*',
    'rt_spin_lock*',
    'rt_read_lock',
    'rt_write_lock',
    // OpenZFS SPL (module/os/linux/spl/spl-condvar.c): Solaris condition variables over Linux waits.
    'cv_wait*',
    '__cv_*',
    'cv_timedwait*',
    'cv_wait_common',
    '__cv_timedwait_common',
    // OpenZFS on FreeBSD (module/os/freebsd/spl): the same names over _cv_wait/_sx_*.
    'zfs_cv_*',
];
/** FreeBSD sleeps that a signal can end (PCATCH): an idle wait, not a hang by itself. */
const INTERRUPTIBLE_SLEEP_FRAMES = [
    'sleepq_wait_sig',
    'sleepq_timedwait_sig',
    'sleepq_catch_signals',
    '_cv_wait_sig',
    '_cv_timedwait_sig*',
];
/** FreeBSD sleeps that no signal ends (no PCATCH), and lock waits. */
const UNINTERRUPTIBLE_SLEEP_FRAMES = [
    'sleepq_wait',
    'sleepq_timedwait',
    'turnstile_wait',
];
/** FUSE driver code (FreeBSD sys/fs/fuse, Linux fs/fuse). */
const FUSE_FRAMES = [
    'fuse_*',
    '__fuse_*',
    'fticket_*',
    'fdisp_*',
    'fiov_*',
    'fdata_*',
    'fsess_*',
    'request_wait_answer',
    'fuse_dev_*',
];
/** FUSE's generic request plumbing: a hang there is named after the FUSE caller below it. */
const FUSE_IPC_FRAMES = [
    'fticket_*',
    'fdisp_*',
    'fiov_*',
    'fuse_ticket_*',
    'fuse_insert_*',
    'fuse_simple_request',
    '__fuse_simple_request',
    '__fuse_request_send',
    'fuse_request_send',
    'request_wait_answer',
];
/**
 * The requester waiting for the daemon's answer (FreeBSD sys/fs/fuse/fuse_ipc.c
 * fticket_wait_answer, Linux fs/fuse/dev.c request_wait_answer). Both sleep interruptibly
 * (FreeBSD msleep with PCATCH and signals blocked, Linux wait_event_interruptible first), yet a
 * thread there is stuck as long as the daemon does not answer.
 */
const FUSE_REQUEST_WAIT_FRAMES = ['fticket_wait_answer', 'request_wait_answer'];
/** The FUSE daemon reading /dev/fuse for the next request: idle, never hung. */
const FUSE_DAEMON_READ_FRAMES = [
    'fuse_device_read',
    'fuse_dev_do_read',
    'fuse_dev_read',
    'fuse_dev_splice_read',
];
/** File system and VM layers, for naming where a hang came from when no FUSE frame is there. */
const FS_VM_FRAMES = [
    ...FUSE_FRAMES,
    // FreeBSD
    'VOP_*',
    'vop_*',
    'vfs_*',
    'vn_*',
    'v_*',
    'vinactive',
    'vput*',
    'vrele',
    'vget*',
    'vnode_*',
    'vm_*',
    'vinvalbuf',
    'bufwait',
    'bufobj_*',
    'getblk*',
    'bwrite',
    'bufwrite',
    'brelse',
    'kern_*at',
    'namei',
    'ufs_*',
    'ffs_*',
    // Linux
    'filemap_*',
    'folio_*',
    '__folio_*',
    'generic_*',
    'truncate_*',
    'writeback_*',
    'do_writepages',
    'write_inode_now',
    'iterate_dir',
    'path_*',
    'filp_*',
    'do_sys_*',
    'do_filp_open',
];
/**
 * Frames that are the crash machinery, never the function a crash is filed under (syzkaller
 * pkg/report linux.go `skipPatterns` and freebsd.go: sanitizers, panic and trap entry, stack
 * dumping, WARN/BUG plumbing, lock and memory-copy primitives), Linux.
 */
const LINUX_CRASH_SKIP_FRAMES = [
    '__sanitizer*',
    '__asan*',
    '*kasan*',
    '__msan*',
    '*kmsan*',
    '__ubsan*',
    'ubsan_*',
    '*_ubsan_*',
    'check_memory_region*',
    'read_word_at_a_time',
    'print_address_description*',
    'print_report',
    '*panic*',
    'invalid_op',
    'exc_invalid_op',
    'asm_exc_*',
    'handle_bug',
    'report_bug',
    'fixup_bug',
    'do_error_trap',
    'do_trap',
    'do_invalid_op',
    '*_trap',
    'dump_stack*',
    '__dump_stack',
    'show_stack',
    'warn_slowpath*',
    'warn_alloc',
    '__warn*',
    'debug_object*',
    'timer_is_static_object',
    'work_is_static_object',
    '*lockdep*',
    'perf_trace*',
    'lock_acquire*',
    'lock_release',
    // lib/smp_processor_id.c: what prints `BUG: using smp_processor_id() in preemptible`.
    'check_preemption_disabled',
    'debug_smp_processor_id',
    '__this_cpu_preempt_check',
    'lock_class*',
    'reacquire_held_locks',
    '*spin_lock*',
    '*spin_trylock*',
    '*spin_unlock*',
    '*raw_read_lock*',
    '*raw_write_lock*',
    'down',
    'down_read*',
    'down_write*',
    'up_read',
    'up_write',
    '*mutex_lock*',
    '*mutex_trylock*',
    '*mutex_unlock*',
    'mutex_remove_waiter',
    'osq_lock',
    'osq_unlock',
    '__wake_up*',
    'refcount_*',
    '__refcount_*',
    'memcpy*',
    '__memcpy*',
    'memcmp',
    'memset*',
    '__memset*',
    'memchr',
    'memmove*',
    '__memmove*',
    'strcmp',
    'strncmp',
    'strcpy',
    'strlcpy',
    'strncpy',
    'strscpy*',
    'strlen',
    'strnstr',
    'strnlen',
    'strchr',
    '*copy_to_user*',
    '*copy_from_user*',
    'put_user*',
    'get_user*',
    '__might_fault',
    '__might_sleep',
    '__might_resched',
    'might_fault',
    'might_sleep',
    '*list_add*',
    '*list_del*',
    '__list_*',
    'list_replace*',
    'list_move*',
    'list_splice*',
    '*_indirect_thunk_*',
    'string*',
    'pointer',
    'vsnprintf',
    'snprintf',
    'scnprintf',
    'kasprintf',
    'kvasprintf',
    '*printk*',
    'dev_info',
    'dev_notice',
    'dev_warn',
    'dev_err',
    'dev_printk*',
    'del_timer*',
    'flush_work',
    '__flush_work',
    '__cancel_work_timer',
    'cancel_work_sync',
    'try_to_grab_pending',
    'flush_workqueue',
    'drain_workqueue',
    'destroy_workqueue',
    'finish_wait',
    'kthread_stop',
    'kobject_del',
    'kobject_put',
    'kobject_uevent_env',
    'add_uevent_var',
    'page_fault',
    'exc_page_fault',
    'do_page_fault',
    '__do_page_fault',
    'do_user_addr_fault',
    'do_kern_addr_fault',
    'page_fault_oops',
    'kernelmode_fixup_or_oops',
    '__bad_area_nosemaphore',
    'bad_area_nosemaphore',
    'no_context',
    'die',
    '__die*',
    'oops_*',
    'do_general_protection',
    'exc_general_protection',
    'general_protection',
    'el1_*',
    'el1h_*',
    'do_mem_abort',
    'die_kernel_fault',
    '__do_kernel_fault',
    'do_translation_fault',
    'do_bad_area',
    'bug_handler',
    'brk_handler',
    'call_break_hook',
    'do_debug_exception',
    'arm64_*',
    '__schedule',
    'schedule',
    'preempt_schedule*',
    // "BUG: scheduling while atomic" is reported from inside the scheduler (kernel/sched/core.c
    // schedule_debug(), __schedule_bug()), reached from a sleeping lock: PREEMPT_RT's spinlocks
    // sleep in schedule_rtlock() (kernel/locking/spinlock_rt.c, rtmutex.c rtlock_slowlock_locked()).
    '__schedule_bug',
    'schedule_debug',
    'schedule_rtlock',
    'rtlock_*',
    'kmem_cache_*',
    '__kmem_cache_*',
    'kfree*',
    '__kmalloc*',
    'kmalloc*',
    'kzalloc*',
    'kcalloc*',
    'krealloc*',
    'kvmalloc*',
    'kvzalloc*',
    'kvcalloc*',
    'kvfree*',
    'vmalloc*',
    '__vmalloc*',
    'vfree',
    'kmemdup*',
    'kstrdup*',
    'kstrndup*',
    'slab_*',
    '__slab_*',
    'debug_check_*',
    'test_and_set_bit*',
    'test_and_clear_bit*',
    'set_bit',
    'clear_bit',
    'change_bit',
    'test_bit',
    'instrument_*',
    'atomic_*',
    'atomic64_*',
    'arch_atomic*',
    '__const_udelay',
    'delay_tsc',
];
/** FreeBSD's crash machinery (sys/kern/kern_shutdown.c, subr_kdb.c, amd64/amd64/trap.c, exception.S, kern_*lock.c). */
const FREEBSD_CRASH_SKIP_FRAMES = [
    'db_trace_self*',
    'db_trace_thread',
    'kdb_*',
    'vpanic',
    'panic',
    'kassert_panic',
    'trap',
    'trap_*',
    'calltrap',
    // trap_pfault()'s way into the VM (sys/vm/vm_fault.c vm_fault_trap()).
    'vm_fault_trap',
    'doreflect',
    'handle_el1h_*',
    'do_el1h_sync',
    'data_abort',
    'align_pc_fault',
    'abort_handler',
    'dblfault_handler',
    '__asan_*',
    'kasan_*',
    '__msan_*',
    'kmsan_*',
    'witness_*',
    'sx_destroy',
    'mtx_destroy',
    '_mtx_destroy',
    'rw_destroy',
    '_rw_destroy',
    '__mtx_lock_flags',
    '_mtx_lock_flags',
    '__mtx_unlock_flags',
    '_mtx_unlock_flags',
    '__mtx_lock_sleep',
    '__mtx_lock_spin_flags',
    '_mtx_lock_spin_cookie',
    '_mtx_trylock_flags_',
    '__mtx_assert',
    '_mtx_assert',
    '_sx_*',
    '__sx_*',
    // sys/sys/sx.h: the public non-underscore sx functions (sx_try_slock_int, sx_try_xlock_int, ...).
    'sx_try_*',
    '_rw_*',
    '__rw_*',
    '_rm_*',
    'lockmgr_*',
    '__lockmgr_args',
    'm_copydata',
    'm_copyback',
    'm_copym',
    // The allocators (sys/vm/uma_core.c, uma_dbg.c, sys/kern/kern_malloc.c, uipc_mbuf.c), as Linux's
    // kfree*/kmalloc*: a double free is the caller's bug, not the allocator's.
    'uma_*',
    'malloc',
    'free',
    'zfree',
    'm_free*',
];
/**
 * Where a FreeBSD kernel fault enters its handling, and the VM code that resolves it: when a panic is
 * raised right in these frames (vm_fault()'s "fault on nofault entry", arm64 do_el1h_sync()'s "Unhandled
 * EL1 data abort"), the frame below them is the faulting code. amd64 and i386 calltrap (exception.S) and
 * trap()/trap_pfault() (trap.c), arm64 handle_el1h_sync (exception.S) and do_el1h_sync()/data_abort()
 * (trap.c), sys/vm/vm_fault.c vm_fault_trap()/vm_fault(); not the interrupt entries, whose frames above
 * are the handler that panicked.
 */
const FREEBSD_FAULT_ENTRY_FRAMES = [
    'calltrap',
    'trap',
    'trap_pfault',
    'trap_fatal',
    'vm_fault_trap',
    'handle_el1h_sync',
    'do_el1h_sync',
    'data_abort',
];
/**
 * The VM's fault resolution above a fault's entry (sys/vm/vm_fault.c): vm_fault() and its static
 * vm_fault_lookup() (13.x on, when not inlined); on 9.x to 12.x vm_fault() called vm_fault_hold(), which
 * raised "vm_fault: fault on nofault entry" / "vm_fault_hold: fault on nofault entry" itself
 * (dcui/FreeBSD-9.3_kernel sys/vm/vm_fault.c).
 */
const FREEBSD_FAULT_RESOLUTION_FRAMES = [
    'vm_fault',
    'vm_fault_lookup',
    'vm_fault_hold',
];
/**
 * The assembly entry of a kernel trap, where the trapped code's frame is next: amd64/i386 calltrap
 * (exception.S, alltraps), arm64 handle_el1h_sync (exception.S; db_trace.c prints `--- exception` after it).
 */
const FREEBSD_TRAP_ENTRY_FRAMES = ['calltrap', 'handle_el1h_sync'];
/** The timer interrupt's entry frames: a stall report's frames above them are the detector's own. */
const TIMER_INTERRUPT_ENTRY_FRAMES = [
    '*apic_timer_interrupt*',
    'sysvec_apic_timer_interrupt',
    'asm_sysvec_apic_timer_interrupt',
    'hrtimer_interrupt',
    'el1_interrupt',
    'el1h_64_irq*',
    'gic_handle_irq',
    'arch_timer_handler_*',
    // RISC-V: drivers/clocksource/timer-riscv.c riscv_timer_interrupt(), the timer's per-CPU interrupt.
    'riscv_timer_interrupt',
    'handle_percpu_devid_irq',
];
/**
 * The stall detectors' own frames, from the timer tick down to the dump of the stalled CPU's stack
 * (kernel/rcu/tree_stall.h rcu_dump_cpu_stacks() -> dump_cpu_task() -> sched_show_task() -> show_stack(),
 * kernel/watchdog.c watchdog_timer_fn(), kernel/time/tick-*.c, kernel/time/hrtimer.c): a trace cut before
 * the timer interrupt's entry shows only these, and then the stall's function is not known.
 */
const STALL_DETECTOR_FRAMES = [
    'dump_backtrace',
    'show_stack',
    'sched_show_task',
    'dump_cpu_task',
    'rcu_dump_cpu_stacks',
    'print_cpu_stall',
    'print_other_cpu_stall',
    'check_cpu_stall',
    'rcu_pending',
    'rcu_sched_clock_irq',
    'rcu_check_callbacks',
    'update_process_times',
    'tick_*',
    '__hrtimer_run_queues',
    'hrtimer_*',
    'watchdog_timer_fn',
    // A task dump of another CPU's task (rcu "Task dump for CPU"): its saved context switch comes first.
    '__switch_to',
    'nmi_cpu_backtrace',
    'nmi_trigger_cpumask_backtrace',
    'arch_trigger_cpumask_backtrace',
];
function matcher(patterns) {
    const exact = new Set(patterns.filter((p) => !p.endsWith('*') && !p.startsWith('*')));
    const prefixes = patterns.filter((p) => p.endsWith('*') && !p.startsWith('*')).map((p) => p.slice(0, -1));
    const suffixes = patterns.filter((p) => p.startsWith('*') && !p.endsWith('*')).map((p) => p.slice(1));
    const infixes = patterns
        .filter((p) => p.startsWith('*') && p.endsWith('*') && p.length > 2)
        .map((p) => p.slice(1, -1));
    const around = patterns
        .filter((p) => !p.startsWith('*') && !p.endsWith('*') && p.includes('*'))
        .map((p) => p.split('*'));
    return (fn) => {
        const name = (0,_parsers_common_js__WEBPACK_IMPORTED_MODULE_0__/* .baseName */ .Fl)(fn);
        return (exact.has(name) ||
            prefixes.some((p) => name.startsWith(p)) ||
            suffixes.some((p) => name.endsWith(p)) ||
            infixes.some((p) => name.includes(p)) ||
            around.some(([first, last]) => name.startsWith(first) && name.endsWith(last)));
    };
}
/** Does the frame name match one of the patterns (`name` or `prefix*`)? */
function matchesAny(fn, patterns) {
    return matcher(patterns)(fn);
}
const isSleepOrLock = matcher(SLEEP_AND_LOCK_FRAMES);
const isInterruptibleSleep = matcher(INTERRUPTIBLE_SLEEP_FRAMES);
const isUninterruptibleSleep = matcher(UNINTERRUPTIBLE_SLEEP_FRAMES);
const isFuse = matcher(FUSE_FRAMES);
const isFuseIpc = matcher(FUSE_IPC_FRAMES);
const isFuseRequestWait = matcher(FUSE_REQUEST_WAIT_FRAMES);
const isFuseDaemonRead = matcher(FUSE_DAEMON_READ_FRAMES);
const isFsVm = matcher(FS_VM_FRAMES);
const isLinuxCrashMachinery = matcher(LINUX_CRASH_SKIP_FRAMES);
const isFreebsdCrashMachinery = matcher([...FREEBSD_CRASH_SKIP_FRAMES, ...SLEEP_AND_LOCK_FRAMES]);
const isTimerInterruptEntry = matcher(TIMER_INTERRUPT_ENTRY_FRAMES);
const isFreebsdFaultEntry = matcher(FREEBSD_FAULT_ENTRY_FRAMES);
const isFreebsdTrapEntry = matcher(FREEBSD_TRAP_ENTRY_FRAMES);
const isFreebsdFaultHandling = matcher([
    ...FREEBSD_FAULT_ENTRY_FRAMES,
    ...FREEBSD_FAULT_RESOLUTION_FRAMES,
]);
const isStallDetector = matcher([...LINUX_CRASH_SKIP_FRAMES, ...STALL_DETECTOR_FRAMES]);
//# sourceMappingURL=frame-classes.js.map

/***/ }),

/***/ 5730:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ parseLinkErrors)
/* harmony export */ });
// Linker errors in a build's output that are the tree's: a symbol the tree's code uses and nothing
// defines, or one it defines twice. Read for every build the gate runs: the FreeBSD kernel link
// (LLVM lld, FreeBSD's ld), the Linux kernel link (GNU ld) and the Linux module build (modpost,
// which checks a module's undefined symbols; its `ld -r` link does not). Pure: text in, data out.
//
// The formats, from the linkers' sources:
// - lld (lld/ELF/Relocations.cpp reportUndefinedSymbol; lld/ELF/Symbols.cpp reportDuplicate;
//   lld/ELF/InputSection.cpp getSrcMsg / getObjMsg, lld/ELF/InputFiles.cpp createFileLineMsg;
//   lld/Common/ErrorHandler.cpp reportDiagnostic, logName from argv[0]'s name without .exe):
//     ld: error: undefined symbol: NAME            (or `undefined hidden symbol: NAME`, ...)
//     >>> referenced by FILE:LINE (PATH:LINE)      (`FILE:LINE` when FILE is PATH; the STT_FILE
//     >>>               OBJ:(FUNC)                  name alone without debug info; no source line
//                                                   at all, then `>>> referenced by OBJ:(FUNC)`)
//     >>> referenced N more times                  (after the first 3 references)
//     ld: error: duplicate symbol: NAME
//     >>> defined at FILE:LINE (PATH:LINE)         (each of the two, the second line indented by
//     >>>            OBJ:(SYMBOL)                   12 spaces; `>>> defined in FILE` without sections)
//     ld: error: too many errors emitted, stopping now (use --error-limit=0 to see all errors)
// - GNU ld (binutils ld/ldmain.c undefined_symbol, multiple_definition; ld/ldmisc.c vfinfo %C/%H;
//   2.40 uses %C, newer ones %H, which adds `:(SECTION+0xOFF)` after the line):
//     ld: OBJ: in function `FUNC':
//     FILE:LINE: undefined reference to `NAME'     (FILE:(SECTION+0xOFF) without a line)
//     FILE:LINE: multiple definition of `NAME'; OBJ:FILE:LINE: first defined here
//     ld: OBJ:FILE:(SECTION+0xOFF): undefined ...  (no function known: one line)
// - modpost (scripts/mod/modpost.c check_exports, modpost_log's `ERROR: ` / `WARNING: ` and
//   `modpost: ` prefixes, the same in 6.1 and later):
//     ERROR: modpost: "NAME" [fs/fuse/fuse.ko] undefined!
// lld: `PROG: error: ` (lld/Common/ErrorHandler.cpp), PROG `ld` for FreeBSD's default ${LD} and
// `ld.lld` for a toolchain that names it so (Makefile.inc1 XLD); the visibility word before `symbol:` is
// internal, hidden or protected (Relocations.cpp reportUndefinedSymbol's visibility()).
const LLD_UNDEFINED = /^\S+: error: undefined (?:(?:internal|hidden|protected) )?symbol: (.+)$/;
const LLD_DUPLICATE = /^\S+: error: duplicate symbol: (.+)$/;
const LLD_REFERENCED = /^>>> referenced by (.+)$/;
const LLD_DEFINED = /^>>> defined (?:at|in) (.+)$/;
/** The second line of a reference or definition: `>>>` and spaces, then the object's place. */
const LLD_CONTINUED = /^>>> {2,}(\S.*)$/;
const GNU_IN_FUNCTION = /^\S+: (.+): in function `(.+)':$/;
const GNU_UNDEFINED = /^(.*?): undefined reference to `(.+)'$/;
const GNU_MULTIPLE = /^(.*?): multiple definition of `(.+?)'(?:; (.+): first defined here)?$/;
const MODPOST_UNDEFINED = /^ERROR: modpost: "(.+)" \[(.+)\] undefined!$/;
/**
 * The tree's link errors in `output`, each once, in order; `relative` maps a source file as printed
 * to the tree-relative name reported (as for compiler errors). Warnings are not errors and are left
 * out; so is lld's "too many errors emitted", which names no symbol.
 */
function parseLinkErrors(output, relative) {
    const lines = output.split('\n').map((line) => line.replace(/\r$/, ''));
    const errors = [];
    const seen = new Set();
    const add = (error) => {
        const key = `${error.kind}\0${error.symbol}\0${error.file ?? ''}\0${error.line ?? ''}\0${error.message}`;
        if (seen.has(key))
            return;
        seen.add(key);
        errors.push(error);
    };
    const located = (place) => place.at ?? {};
    let inFunction;
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        const undefinedSymbol = LLD_UNDEFINED.exec(line);
        const duplicate = undefinedSymbol ? null : LLD_DUPLICATE.exec(line);
        if (undefinedSymbol || duplicate) {
            // The `>>>` lines that follow belong to this error.
            const places = [];
            while (i + 1 < lines.length && lines[i + 1].startsWith('>>> ')) {
                const next = lines[++i];
                const start = (undefinedSymbol ? LLD_REFERENCED : LLD_DEFINED).exec(next);
                const continued = LLD_CONTINUED.exec(next);
                if (start)
                    places.push(lldPlace(start[1], relative));
                else if (continued && places.length)
                    places.at(-1).object = continued[1];
            }
            const symbol = (undefinedSymbol ?? duplicate)[1];
            if (undefinedSymbol) {
                if (!places.length)
                    add({ kind: 'undefined', symbol, message: `undefined symbol ${symbol}` });
                for (const place of places)
                    add({
                        kind: 'undefined',
                        symbol,
                        ...located(place),
                        message: `undefined symbol ${symbol}, referenced by ${place.object ?? place.text}`,
                    });
            }
            else {
                const message = `duplicate symbol ${symbol}, defined in ${places.map((p) => p.object ?? p.text).join(' and in ')}`;
                const withLine = places.filter((p) => p.at !== undefined);
                if (!withLine.length)
                    add({ kind: 'duplicate', symbol, message });
                for (const place of withLine)
                    add({ kind: 'duplicate', symbol, ...located(place), message });
            }
            continue;
        }
        const fn = GNU_IN_FUNCTION.exec(line);
        if (fn) {
            inFunction = { object: fn[1], func: fn[2] };
            continue;
        }
        const reference = GNU_UNDEFINED.exec(line);
        const multiple = reference ? null : GNU_MULTIPLE.exec(line);
        if (reference || multiple) {
            const place = gnuPlace((reference ?? multiple)[1], relative);
            const symbol = (reference ?? multiple)[2];
            const where = inFunction ? `${inFunction.func} (${inFunction.object})` : place.text;
            // A warning is not an error: ld/ldmain.c prints `%P: %C: warning: undefined reference ...`
            // (%H for newer ones), so the place before the reference ends in `: warning`.
            if (!/: warning$/.test((reference ?? multiple)[1]))
                add(reference
                    ? {
                        kind: 'undefined',
                        symbol,
                        ...located(place),
                        message: `undefined reference to ${symbol} in ${where}`,
                    }
                    : {
                        kind: 'duplicate',
                        symbol,
                        ...located(place),
                        message: `multiple definition of ${symbol} in ${where}${multiple[3] ? `, first defined at ${multiple[3]}` : ''}`,
                    });
            inFunction = undefined;
            continue;
        }
        const modpost = MODPOST_UNDEFINED.exec(line);
        if (modpost)
            add({
                kind: 'undefined',
                symbol: modpost[1],
                message: `undefined symbol ${modpost[1]} in ${relative(modpost[2])} (modpost: no kernel or module exports it)`,
            });
        inFunction = undefined;
    }
    return errors;
}
/**
 * lld's getSrcMsg: `FILE:LINE (PATH:LINE)`, `PATH:LINE`, or the object's source name alone; or,
 * without source information, getObjMsg's `OBJ:(FUNC)` directly after `referenced by`.
 */
function lldPlace(text, relative) {
    const full = /^\S+:\d+ \((.+):(\d+)\)$/.exec(text) ?? /^([^\s:()]+):(\d+)$/.exec(text);
    if (full)
        return { at: { file: relative(full[1]), line: Number(full[2]) }, text };
    return { text };
}
/**
 * GNU ld's %C/%H place before `: undefined reference`: `[PROG: ][OBJ:]FILE:LINE[:(SEC+0xOFF)]`, or
 * `[PROG: ]OBJ[:FILE]:(SEC+0xOFF)` without a line. Only FILE:LINE is a source place.
 */
function gnuPlace(text, relative) {
    const place = text.replace(/^\S+: (?=\S)/, '');
    const bare = place.replace(/:?\([^()]*\)$/, '');
    const withLine = /^(?:.*?\.o:)?(.+?):(\d+)$/.exec(bare);
    if (withLine)
        return { at: { file: relative(withLine[1]), line: Number(withLine[2]) }, text: place };
    return { text: place };
}
//# sourceMappingURL=link-errors.js.map

/***/ }),

/***/ 4052:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Fl: () => (/* binding */ baseName),
/* harmony export */   Gt: () => (/* binding */ callersOf),
/* harmony export */   IK: () => (/* binding */ recordLine),
/* harmony export */   Ow: () => (/* binding */ cleanLine),
/* harmony export */   RI: () => (/* binding */ toInt),
/* harmony export */   aS: () => (/* binding */ parseSymbol),
/* harmony export */   ev: () => (/* binding */ isNamed),
/* harmony export */   rY: () => (/* binding */ UNNAMED),
/* harmony export */   uz: () => (/* binding */ splitLines)
/* harmony export */ });
/* unused harmony exports stripLogPrefix, stripPrintkPrefix */
// Helpers shared by the stack parsers: line cleaning (console and log prefixes), symbol+offset tokens.
/**
 * Split console text into clean lines: CR handling, ANSI colour codes and log prefixes removed. The
 * parsers of one text all ask for its lines: the last text's lines are kept, so a chunk of a big log
 * is split and cleaned once, not once per parser.
 */
function splitLines(text) {
    if (text !== lastText) {
        const raw = text.split('\n');
        lastLines = dropWallHeaders(stripLineTags(raw.map(cleanLine)));
        const callers = raw.length === lastLines.length ? printkCallers(text, raw) : undefined;
        if (callers)
            CALLERS.set(lastLines, callers);
        lastText = text;
    }
    return lastLines;
}
/**
 * The printk caller id of each line of splitLines()' result (CONFIG_PRINTK_CALLER, kernel/printk/printk.c
 * print_caller(): `T<pid>` of a task, `C<cpu>` of an interrupt context), or undefined when the text has
 * none. Two contexts printing at once interleave their lines; the id tells whose a line is.
 */
function callersOf(lines) {
    return CALLERS.get(lines);
}
const CALLERS = new WeakMap();
/** The caller id printk prints right after its time: `[   34.404245][ T3083] `. */
const PRINTK_CALLER = /\[\s*\d+\.\d+\]\[\s*([TC]\d+)\]/;
function printkCallers(text, raw) {
    if (!text.includes(']['))
        return undefined;
    let any = false;
    const callers = raw.map((l) => {
        const m = l.includes('][') ? PRINTK_CALLER.exec(l) : null;
        if (m)
            any = true;
        return m?.[1];
    });
    return any ? callers : undefined;
}
let lastText;
let lastLines = [];
/**
 * One raw console line as a person would read it: the terminal's view of `\r` overwrites,
 * without ANSI escape sequences or other control bytes, without the log prefixes below.
 */
function cleanLine(raw) {
    let line = raw;
    // One test for the common case of a line with no control byte at all.
    if (CONTROL.test(line)) {
        if (line.includes('\r'))
            line = cleanCarriageReturns(line);
        if (line.includes('\x1b'))
            line = line.replace(ANSI, '');
        line = line.replace(CONTROL_ALL, '');
    }
    // A log quoted through a web page or an HTML mail archive keeps its markup escapes
    // (`[&lt;ffffffffa00f58e6&gt;] ? dbuf_rele+0x4b/0x52 [zfs]`): no kernel line holds an entity itself.
    if (line.includes('&'))
        line = line.replace(HTML_ENTITY, (e) => HTML_ENTITIES[e] ?? e);
    const out = stripLogPrefix(line);
    // rsyslog escapes a control character as `#` and three octal digits: a message the kernel began
    // with a newline (lockdep's "\nbut task is already holding lock:") arrives as `#012but task ...`.
    return out.startsWith('#012') ? out.replace(/^(?:#012)+/, '') : out;
}
const HTML_ENTITY = /&(?:lt|gt|amp|quot|apos|#39|nbsp);/g;
const HTML_ENTITIES = {
    '&lt;': '<',
    '&gt;': '>',
    '&amp;': '&',
    '&quot;': '"',
    '&apos;': "'",
    '&#39;': "'",
    '&nbsp;': ' ',
};
/**
 * ECMA-48 control sequences: CSI `ESC [`, parameter bytes 0x30-0x3F (digits, `;`, and the private `<=>?`:
 * OVMF's terminal sets its mode with `ESC [=3h`), intermediates, a final byte; and the other escapes
 * (ECMA-35): `ESC`, intermediates 0x20-0x2F, one final byte 0x30-0x7E (`ESC c` reset, `ESC 7` save
 * cursor, `ESC ( B` of `tput sgr0`); and operating system commands, OSC `ESC ]` up to BEL or ST
 * (`ESC \\`), with which shells and terminals set a window title (`ESC ]0;root@freebsd: ~ BEL`).
 */
const ANSI = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[ -/]*[0-~])/g;
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f]/;
const CONTROL_ALL = /[\x00-\x08\x0b-\x1f\x7f]/g;
/**
 * A line with `\r` in the middle was overwritten on a terminal (ddb's `--More--` pager prints
 * `--More--\r` and then blanks it). Keep what the terminal would show last: the last non-blank
 * segment. A trailing `\r` (CRLF) is just dropped.
 */
function cleanCarriageReturns(line) {
    const parts = line.split('\r').filter((p) => p.trim() !== '');
    return parts.length === 0 ? '' : parts[parts.length - 1];
}
/**
 * Prefixes that loggers put before a kernel line, as data. Each is tried at the start of the line,
 * repeatedly (journalctl's prefix may precede a printk time, `<N>` a timestamp):
 * - printk `<N>` log level (kernel/printk/printk.c, /dev/kmsg readers and `dmesg -r`);
 * - printk time `[   12.345678]` (CONFIG_PRINTK_TIME, print_time()) and caller `[  T123]`/`[    C0]`
 *   (CONFIG_PRINTK_CALLER, print_caller());
 * - util-linux dmesg: `-T` `[Tue Dec  1 12:00:00 2026]`, `-H` `[Dec 1 12:00]` and `[  +0.000012]`,
 *   `-d` `[   12.345678 <    0.000012>]`,
 *   `-x` `kern  :err   : `;
 * - syslog / journalctl short: `Dec  1 12:00:00 host kernel: `, short-iso `2026-12-01T12:00:00+0000 host kernel: `,
 *   short-monotonic `[ 12.345678] host kernel: ` (the bracket first, then this); a syslog without host;
 * - runit's svlogd/socklog `2015-10-03T12:10:17.00878 kern.warn: `;
 * - a CI job log's own time stamps (GitHub Actions, Jenkins) and `dmesg --time-format iso`;
 * - what carried the log: a mail's quote marks, indentation (a markdown block, a quote indented in a
 *   mail, LAVA's console), a CI line tag before a stamp (Jenkins `[branch] `, pdsh `host: `; more in
 *   stripLineTags()), syslogd's broadcast ` kernel:`, raw /dev/kmsg records, a pager's gutter;
 * - FreeBSD's message buffer with kern.msgbuf_show_timestamp=1: "[%jd] " (uptime seconds, no
 *   fraction) before every line, also an empty one (sys/kern/subr_msgbuf.c msgbuf_addstr()); `dmesg`
 *   and a crash dump's "Unread portion of the kernel message buffer" show it. Newer copies print
 *   "[%jd.%06d] " (microseconds) for any other non-zero value, which the printk time pattern strips;
 *   a priority's "<%d>" comes before either. Only the message buffer has them, never the console.
 */
// Up to three digits: `dmesg -r` prints facility and level in one number (`<12>` for a record user
// space wrote to /dev/kmsg, util-linux dmesg.c LOG_RAW_FAC_PRI()).
const LOGLEVEL = /^<\d{1,3}>/;
const BRACKETED = [
    /^\[\s*\d+\.\d+\](?:\[\s*[TC]\d+\])?\s?/,
    /^\[\s*[TC]\d+\]\s?/,
    /^\[(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4}\]\s?/,
    /^\[[A-Z][a-z]{2} ?\d{1,2} \d\d:\d\d\]\s?/,
    /^\[\s*\+\d+\.\d+\]\s?/,
    // `dmesg -d` with the printk time: "[%5ld.%06ld <%12.06f>] " (util-linux dmesg.c print_record()).
    /^\[\s*\d+\.\d+ <\s*\d+\.\d+>\]\s?/,
    // Not a Linux OOM task table row, "[%7d] %5d %5d %8lu ..." (mm/oom_kill.c dump_task()): a 7-digit pid
    // fills the brackets, and numbers follow.
    /^\[\d+\](?: (?!\s*\d+\s+\d+\s+\d+\s)|$)/,
];
const DMESG_X = /^(?:kern|user|daemon|syslog)\s*:(?:emerg|alert|crit|err|warn|notice|info|debug)\s*: /;
const SYSLOG = [
    // The host is whatever token the logger was given (`src@linuxserver` seen): anything but a blank.
    // busybox syslogd puts facility.priority after it ("%s %.64s %s %s\n", sysklogd/syslogd.c
    // timestamp_and_log()): `Dec  1 12:00:00 buildroot kern.warn kernel: `.
    /^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d(?:\.\d+)? (?:\S+ )?(?:[a-z]+\.[a-z]+ )?kernel: (?:\[\s*\d+\.\d+\]\s?)?/,
    /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)? \S+ kernel: /,
    /^[\w.-]+ kernel: /,
];
// runit svlogd / socklog: `2015-10-03T12:10:17.00878 kern.warn: `
const SOCKLOG = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)? kern\.\w+: /;
// A CI runner's own time stamp on each line of a job log (GitHub Actions `2026-12-01T12:00:00.1234567Z `)
// and util-linux `dmesg --time-format iso` (`2026-12-01T12:00:00,123456+00:00 `).
const ISO_STAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d) /;
// Jenkins' timestamper: `[2026-12-01T12:00:00.123Z] `
const BRACKETED_ISO = /^\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?\]\s?/;
/**
 * A mail's quote marks (`> `, `>> `, `> > `): a kernel log quoted in a reply on a mailing list.
 * No kernel line the readers use starts with `>` (lockdep's chain lines start `-> #`).
 */
const QUOTE = /^(?:> ?)+/;
/**
 * Indentation before a quote mark, a printk or message buffer time, a log level or a caller id: a quote
 * indented inside a mail or a FAQ (`    > Fatal
 * trap 12: ...`), a CI runner (LAVA) indenting the console it relays (`    [  244.878944][   T74] ...`).
 * A kernel line's own leading blanks come before a frame or text, never before `>` or a printk time.
 * (The tab and the blank are tried first: most indented lines are frames, with no prefix after.)
 */
const INDENT_BEFORE_PREFIX = /^[ \t]+(?=>|\[\s*\d+(?:\.\d+)?\]|<\d{1,3}>|\[\s*[TC]\d+\])/;
/**
 * What one of the prefixes above starts with: a printk or msgbuf stamp, a log level, a `dmesg -T`/`-H`
 * date, a `dmesg -x` facility, an ISO or syslog date. A CI tag before one of them is a tag, not text.
 */
const STAMP_AHEAD = /^(?:\[\s*[+\d]|<\d{1,3}>|\[[A-Z][a-z]{2} |\d{4}-\d\d-\d\d[T ]\d|(?:kern|user|daemon|syslog)\s*:|[A-Z][a-z]{2} [ \d]\d \d\d:)/;
/**
 * Line tags of the tools that run one command on many branches or hosts, before each line of its output:
 * a Jenkins pipeline's parallel branch `[branch] ` (a name that starts with a letter: the kernel's own
 * bracketed starts are stamps, `[<addr>]` frames, or start with a blank, as `[ thread pid`, `[ cut
 * here ]` and the OOM task table's `[  pid  ]` do), and pdsh(1)'s `host: ` (`host:` alone on an empty
 * line). A kernel line may start the same way (`[drm] `, `rcu: `), so one line alone is taken for a
 * tag only when a stamp follows (`node1: [ 12.345678] ...`); splitLines() also strips a tag that nearby
 * lines share (stripLineTags). A host is a host name (letters, digits, `-`, `.`; RFC 1123), never a word
 * with `_`: the FreeBSD kernel's own subsystem prefixes, which repeat on consecutive lines
 * (sys/vm/vm_fault.c "vm_fault: pager read error", sys/vm/swap_pager.c "swap_pager: indefinite wait
 * buffer", sys/kern/link_elf_obj.c "link_elf_obj: symbol %s undefined"), keep their word.
 */
const LINE_TAG = /^(?:\[([A-Za-z][\w.:@/+-]*(?: [\w.:@/+-]+)*)\] |([A-Za-z0-9][A-Za-z0-9.-]{0,62}):(?: |$))/;
/**
 * Words the kernels start their own lines with (`BUG: KASAN: ...` twice for an inlined header,
 * `rcu: INFO: ...`, x86's `IP: [<...>]`, FreeBSD's `panic: `), never taken for a host: any all-capitals
 * word, and these.
 */
const KERNEL_WORD = /^(?:[A-Z0-9_]+|rcu|watchdog|sysrq|traps|hung_task|panic|kernel|Kernel|Code|Workqueue|Stack|Oops)$/;
/** The line's CI tag (`[branch] ` or `host: `) and its length, or undefined. */
function lineTag(line) {
    // Most lines are ruled out before the pattern: a host tag is one word ending in `:`, a branch tag a
    // bracket closed before a blank.
    if (line.charCodeAt(0) === 91 /* [ */) {
        if (!line.includes('] '))
            return undefined;
    }
    else {
        const colon = line.indexOf(':');
        const blank = line.indexOf(' ');
        if (colon < 1 || colon > 63 || (blank !== -1 && blank < colon))
            return undefined;
    }
    const m = LINE_TAG.exec(line);
    if (!m)
        return undefined;
    if (m[1] !== undefined)
        return { tag: `[${m[1]}]`, length: m[0].length };
    const host = m[2];
    return KERNEL_WORD.test(host) ? undefined : { tag: `${host}:`, length: m[0].length };
}
/** Can a stamp (STAMP_AHEAD) start with this character: `[`, `<`, a digit, a capital, `k u d s`? */
function mayStartStamp(c) {
    return (c === 91 ||
        c === 60 ||
        (c >= 48 && c <= 57) ||
        (c >= 65 && c <= 90) ||
        c === 107 ||
        c === 117 ||
        c === 100 ||
        c === 115);
}
/** A tag's length when a stamp follows it on the line (stripped in any text), else 0. */
function stampedTagLength(line) {
    const tag = lineTag(line);
    return tag && STAMP_AHEAD.test(line.slice(tag.length)) ? tag.length : 0;
}
/**
 * syslogd's broadcast of an emergency message to the logged-in terminals (rsyslog omusrmsg, sysklogd
 * wallmsg()): "Message from syslogd@HOST at DATE ..." then " " and the message with its tag, no blank
 * after the colon (` kernel:[  622.405154] Internal error: ...`), each message under its own header.
 */
const WALL_KERNEL = /^ ?kernel: ?(?=\[\s*\d+\.\d+\])/;
const WALL_HEADER = /^\s*Message from syslogd@\S+ at .*\.\.\.\s*$/;
/**
 * A /dev/kmsg record as read raw (`cat /dev/kmsg`, Documentation/ABI/testing/dev-kmsg): "level,sequence,
 * timestamp,flags[,more];" then the message (`4,5005,12915307506,-; ? __pfx_watchdog_timer_fn+0x10/0x10`).
 */
const KMSG_RECORD = /^\d{1,3},\d+,\d+,[^;,\s]*(?:,[^;]*)?;/;
/** A pager's line-number gutter (bat, `less -N` with a box-drawing rule): `7344   │ `. */
const PAGER_GUTTER = /^\s*\d+\s+│ ?/;
/** The prefix at the start of the line, tried by its first character (most lines have none). */
function prefixLength(line, syslog) {
    const c = line.charCodeAt(0);
    if (c === 60 /* < */)
        return LOGLEVEL.exec(line)?.[0].length ?? 0;
    if (c === 62 /* > */)
        return QUOTE.exec(line)?.[0].length ?? 0;
    if (c === 32 || c === 9) {
        const indent = INDENT_BEFORE_PREFIX.exec(line);
        if (indent)
            return indent[0].length;
        // Indentation before any other prefix (a markdown code block's `    May 17 18:48:11 host kernel: `):
        // a kernel line's own indentation is followed by its text, which no prefix matches. An indented
        // frame (` schedule+0x27/0xf0`, `? ` ones) holds no colon: no prefix to look for.
        if (line.includes(':') || line.includes('>') || line.includes(';')) {
            const text = line.trimStart();
            if (text.length < line.length && prefixLength(text, syslog) > 0)
                return line.length - text.length;
        }
    }
    if ((c === 32 || c === 107) /* ' ', k */ && line.includes('kernel:[')) {
        const wall = WALL_KERNEL.exec(line);
        if (wall)
            return wall[0].length;
    }
    if (c === 91 /* [ */) {
        const iso = line.charCodeAt(1) === 50 /* 2 */ ? BRACKETED_ISO.exec(line) : null;
        if (iso)
            return iso[0].length;
        for (const re of BRACKETED) {
            const m = re.exec(line);
            if (m)
                return m[0].length;
        }
        return stampedTagLength(line);
    }
    const colon = line.indexOf(': ');
    if (colon > 0 && colon < 64 && mayStartStamp(line.charCodeAt(colon + 2))) {
        const n = stampedTagLength(line);
        if (n > 0)
            return n;
    }
    if (syslog && line.includes('kernel: ')) {
        for (const re of SYSLOG) {
            const m = re.exec(line);
            if (m)
                return m[0].length;
        }
    }
    if (c >= 48 && c <= 57) {
        if (line.includes(';')) {
            const kmsg = KMSG_RECORD.exec(line);
            if (kmsg)
                return kmsg[0].length;
        }
        if (line.includes('│')) {
            const gutter = PAGER_GUTTER.exec(line);
            if (gutter)
                return gutter[0].length;
        }
        // A line with ` kern.` that is not socklog's may still carry a CI stamp before a FreeBSD message
        // that names a sysctl (`kern.ipc.maxpipekva exceeded; see tuning(7)`, sys/kern/sys_pipe.c).
        const m = (line.includes(' kern.') ? SOCKLOG.exec(line) : null) ?? ISO_STAMP.exec(line);
        return m?.[0].length ?? 0;
    }
    if ((c === 107 || c === 117 || c === 100 || c === 115) && line.includes(':'))
        return DMESG_X.exec(line)?.[0].length ?? 0;
    return 0;
}
/**
 * One raw line as a test for a record's start sees it: cleaned as cleanLine() does, without a CI line
 * tag (`[branch] `, `host: `) even when no stamp follows it, without indentation (a markdown code block
 * indents the whole text). For a reader that sees one line alone and must not miss where a record
 * starts (the chunk cutter, src/report/analyze.ts); a kernel line that loses a leading word or its
 * indentation there loses nothing a record start is made of.
 */
function recordLine(raw) {
    const line = cleanLine(raw);
    const tag = lineTag(line);
    return (tag ? cleanLine(line.slice(tag.length)) : line).trimStart();
}
/** Remove log prefixes (printk time and caller, syslog, journalctl, dmesg) from the start of a line. */
function stripLogPrefix(line) {
    let out = line;
    // A line without `kernel: ` anywhere has no syslog prefix in any round.
    const syslog = line.includes('kernel: ');
    // As many rounds as there are prefixes: `dmesg -x` with two --time-format options and caller ids
    // prints four before the text, and a CI runner's stamp makes five. Each round removes at least one
    // character, so the loop ends.
    for (;;) {
        const n = prefixLength(out, syslog);
        if (n === 0)
            return out;
        out = out.slice(n);
    }
}
/** Kept for the callers that strip prefixes of their own lines (the same rules). */
const stripPrintkPrefix = (/* unused pure expression or super */ null && (stripLogPrefix));
/**
 * A symbol as printed by the kernels: `name`, `name+0xoff`, Linux `%pB` `name+0xoff/0xsize`.
 * FreeBSD `%#lx` prints a zero offset as `0` (no `0x`: printf's `#` flag adds nothing to 0), and
 * stack(9) names an unresolved pc `??` (sys/kern/subr_stack.c), so `??+0` is a frame.
 */
const SYMBOL = /^([^\s+/]+)(?:\+(0x[0-9a-fA-F]+|0)(?:\/(0x[0-9a-fA-F]+))?)?$/;
/** The name given to a frame whose pc has no symbol (FreeBSD prints `??`, Linux a bare address). */
const UNNAMED = '??';
/** Parse `name+0xoff[/0xsize]` into a frame; undefined when the token does not look like one. */
function parseSymbol(token) {
    const m = SYMBOL.exec(token);
    if (!m)
        return undefined;
    const name = m[1];
    // A bare address is not a function name (Linux prints one for text without a symbol).
    if (/^(?:0x)?(?=[0-9a-fA-F]*\d)[0-9a-fA-F]{8,16}$/.test(name) && m[2] === undefined)
        return { fn: UNNAMED, address: name };
    const frame = { fn: name };
    if (m[2] !== undefined)
        frame.offset = m[2];
    if (m[3] !== undefined)
        frame.size = m[3];
    return frame;
}
/** Does the frame name a function (not `??`, not an address)? */
function isNamed(fn) {
    return fn !== UNNAMED && fn !== '' && !/^0x[0-9a-fA-F]+$/.test(fn);
}
/**
 * The function name without compiler suffixes (`.isra.0`, `.constprop.0`, `.part.0`, `.cold`,
 * `.llvm.123`): the same function for signatures and catalogue matching.
 */
function baseName(fn) {
    const dot = fn.indexOf('.', 1);
    return dot > 0 ? fn.slice(0, dot) : fn;
}
/** Parse an integer field; undefined when absent or not a number. */
function toInt(s) {
    if (s === undefined)
        return undefined;
    const n = Number.parseInt(s, 10);
    return Number.isFinite(n) ? n : undefined;
}
/** How many lines around a line are looked at for the same tag. */
const TAG_WINDOW = 3;
/**
 * The CI line tags (LINE_TAG) stripped where at least one other line within TAG_WINDOW lines has the
 * same tag: a kernel subsystem that prints two lines in a row (`[drm] `, `fuse: `) loses a word no
 * reader looks at. Several hosts interleave; each host's lines are near each other. Clean lines in
 * and out: what follows a tag may carry prefixes of its own.
 */
function stripLineTags(lines) {
    // The tagged lines by index; most texts have none, and then nothing more is allocated.
    let tags;
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        const c = line.charCodeAt(0);
        // A tag starts with `[` and a letter, or with a letter or digit: most lines are ruled out here.
        if (!(c === 91 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)))
            continue;
        const t = lineTag(line);
        if (!t)
            continue;
        tags ??= new Map();
        tags.set(i, t);
    }
    if (!tags)
        return lines;
    const found = tags;
    return lines.map((line, i) => {
        const t = found.get(i);
        if (t === undefined)
            return line;
        let same = 0;
        for (let j = Math.max(0, i - TAG_WINDOW); j <= i + TAG_WINDOW; j++)
            if (found.get(j)?.tag === t.tag)
                same++;
        return same >= 2 ? cleanLine(line.slice(t.length)) : line;
    });
}
/**
 * The clean lines without syslogd's broadcast headers (WALL_HEADER) and the blank line before each:
 * the broadcast messages of one report read as the report's consecutive lines.
 */
function dropWallHeaders(lines) {
    if (!lines.some((l) => l.includes('Message from syslogd@') && WALL_HEADER.test(l)))
        return lines;
    const out = [];
    for (const line of lines) {
        if (!WALL_HEADER.test(line)) {
            out.push(line);
            continue;
        }
        while (out.length > 0 && out[out.length - 1].trim() === '')
            out.pop();
    }
    return out;
}
//# sourceMappingURL=common.js.map

/***/ }),

/***/ 8281:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ik: () => (/* binding */ OLD_ARM64_FRAME_REGISTERS),
/* harmony export */   J: () => (/* binding */ DDB_SEPARATOR),
/* harmony export */   h_: () => (/* binding */ TRACING_ALL),
/* harmony export */   nx: () => (/* binding */ freebsdDdbParser),
/* harmony export */   sk: () => (/* binding */ TRACING_ONE),
/* harmony export */   tK: () => (/* binding */ parseDdbFrameLine)
/* harmony export */ });
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4052);
// FreeBSD ddb(4) `bt` and `bt all` output (also reached from the host's backstop: NMI, then `bt all`).
//
// Formats, from freebsd-src:
// - sys/ddb/db_command.c db_stack_trace(): "Tracing pid %d tid %ld td %p\n" before `bt [tid]`,
//   db_stack_trace_all(): "\nTracing command %s pid %d tid %ld td %p\n" before each thread of
//   `bt all` (%s is p_comm, which may hold spaces).
// - sys/amd64/amd64/db_trace.c db_print_stack_entry(): "%s() at " name (or "??"), then
//   db_printsym(pc, DB_STGY_PROC), then "/frame 0x%lx" when the frame is known.
//   db_nextframe() prints "--- trap %#r, rip = ..., rsp = ..., rbp = ... ---",
//   "--- syscall (%d, %s, %s), rip = ..." or "--- interrupt, rip = ..." between kernel and the
//   trapped context; sys/arm64/arm64/db_trace.c db_stack_trace_cmd() prints "%s() at " then
//   db_printsym() (no "/frame"), and "--- exception, esr %#lx", "--- interrupt", "--- system error,
//   esr %#lx", "--- unhandled exception, esr %#lx", "--- invalid trapframe %p" as separators.
// - sys/i386/i386/db_trace.c db_print_stack_entry(): "%s(" name, the arguments ("%r" each, "%s=" before
//   each when the symbol table names them, "," between, ",..." when their number is unknown), ") at ",
//   db_printsym(), and "/frame 0x%r" when the frame is known (older copies print no "/frame"), so
//   `vm_fault1(c033bd0c,c38a5000,1,0,c325adc0) at vm_fault1+0x122`; its db_nextframe() separators are
//   "--- trap %#r", "--- syscall", "--- interrupt", then ", eip = %#r, esp = %#r, ebp = %#r ---".
// - sys/ddb/db_command.c _db_stack_trace_all() (`alltrace`): "\nTracing command %s pid %d tid %ld
//   td %p (CPU %d)\n" for a thread in TDS_RUNNING, the same without " (CPU %d)" for the others.
// - sys/ddb/db_sym.c db_printsym(): "name" then "+%+#lr" offset (only when non-zero), then
//   " [file:line]" when line info exists; "%#lr" (a bare address) when there is no symbol;
//   with options DDB_NUMSYM the name is preceded by "0x... = ".

// Also chunk cut points (chunk-cut.ts): a thread's trace stays in one chunk with its header.
const TRACING_ALL = /^Tracing command (.*) pid (\d+) tid (\d+) td (0x[0-9a-fA-F]+)(?: \(CPU (\d+)\))?\s*$/;
const TRACING_ONE = /^Tracing pid (-?\d+) tid (\d+) td (0x[0-9a-fA-F]+)\s*$/;
const FRAME_LINE = /^(\S+?)\([^()]*\) at (?:(0x[0-9a-fA-F]+) = )?([^\s+/[]+)(?:\+(0x[0-9a-fA-F]+|0))?(?: \[([^\]:]+):(\d+)\])?(?:\/frame (0x[0-9a-fA-F]+))?\s*$/;
/** `--- trap 0xc, rip = ...`, `--- syscall (...)`, `--- interrupt, ...` separators. */
const DDB_SEPARATOR = /^--- (?:trap|syscall|interrupt|exception|system error|unhandled exception|invalid trapframe)\b/;
/**
 * The register lines old arm64 ddb printed under each frame, then a blank line (sys/arm64/arm64/db_trace.c
 * db_stack_trace_cmd() before the trapframe rework: "\t pc = 0x%016lx  lr = 0x%016lx\n", "\t sp = 0x%016lx
 * fp = 0x%016lx\n", "\n"): part of the frame above, not the end of the trace.
 */
const OLD_ARM64_FRAME_REGISTERS = /^(?:pc|sp) = 0x[0-9a-fA-F]+\s/;
/** Parse one trimmed `func() at func+0xoff/frame 0x...` line; undefined when the line is not a frame. */
function parseDdbFrameLine(line) {
    const m = FRAME_LINE.exec(line);
    if (!m)
        return undefined;
    const sym = m[3];
    // The frame's function is the name before `()` (db_print_stack_entry's `name`, `??` (UNNAMED)
    // when the pc has no symbol, and then db_printsym() prints the bare address after `at`); on amd64
    // the symbol after `at` is the same function, older arm64 ddb printed the return address's symbol
    // there (`db_trace_self() at db_trace_self_wrapper+0x30`), another function's name. arm64's
    // db_stack_trace_cmd() (sys/arm64/arm64/db_trace.c) names a pc without a symbol `(null)`.
    const caller = m[1];
    const frame = { fn: caller === '(null)' ? _common_js__WEBPACK_IMPORTED_MODULE_0__/* .UNNAMED */ .rY : caller };
    if (/^0x[0-9a-fA-F]+$/.test(sym))
        frame.address = sym;
    if (m[2] !== undefined)
        frame.address = m[2];
    // Old arm64's `name() at other+0x30`: the offset and line are the return address's, in `other`.
    if (sym !== caller && frame.fn !== _common_js__WEBPACK_IMPORTED_MODULE_0__/* .UNNAMED */ .rY)
        return frame;
    if (m[4] !== undefined)
        frame.offset = m[4];
    if (m[5] !== undefined)
        frame.file = m[5];
    if (m[6] !== undefined)
        frame.line = Number(m[6]);
    return frame;
}
function stripPagerNoise(line) {
    // db_pager() prints "--More--" and waits for a key; a captured console keeps it in the text.
    return line.replace(/--More--\s*/g, '');
}
/** The thread a `Tracing ...` line starts, or undefined for any other line. */
function tracingLine(line) {
    const all = TRACING_ALL.exec(line);
    if (all) {
        const t = {
            pid: (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .toInt */ .RI)(all[2]),
            tid: (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .toInt */ .RI)(all[3]),
            comm: all[1],
            frames: [],
            format: 'freebsd-ddb',
        };
        // A thread on a CPU (TDS_RUNNING) is running, not asleep.
        if (all[5] !== undefined)
            t.state = 'R';
        return t;
    }
    const one = TRACING_ONE.exec(line);
    return one
        ? { pid: (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .toInt */ .RI)(one[1]), tid: (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .toInt */ .RI)(one[2]), comm: '', frames: [], format: 'freebsd-ddb' }
        : undefined;
}
const freebsdDdbParser = {
    format: 'freebsd-ddb',
    matches(text) {
        return text.includes('Tracing ');
    },
    parse(text) {
        const threads = [];
        let current;
        for (const raw of (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .splitLines */ .uz)(text)) {
            const line = stripPagerNoise(raw).trim();
            const started = tracingLine(line);
            if (started) {
                current = started;
                threads.push(current);
                continue;
            }
            if (!current)
                continue;
            if (line === '' || DDB_SEPARATOR.test(line) || OLD_ARM64_FRAME_REGISTERS.test(line))
                continue;
            const frame = parseDdbFrameLine(line);
            if (frame) {
                current.frames.push(frame);
                continue;
            }
            // Anything else (a db> prompt with a new command, console noise) ends this thread.
            current = undefined;
        }
        return threads;
    },
};
//# sourceMappingURL=freebsd-ddb.js.map

/***/ }),

/***/ 2600:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   IF: () => (/* binding */ PANIC),
/* harmony export */   bV: () => (/* binding */ FATAL_TRAP),
/* harmony export */   g$: () => (/* binding */ freebsdPanicParser),
/* harmony export */   m0: () => (/* binding */ extractFreebsdPanic)
/* harmony export */ });
/* unused harmony export extractFreebsdPanicLines */
/* harmony import */ var _crash_title_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7902);
/* harmony import */ var _frame_classes_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(926);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4052);
/* harmony import */ var _freebsd_ddb_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(8281);
// FreeBSD kernel panics on the console, with the backtrace of the panicking thread and a
// syzkaller-style title (`Fatal trap 12: page fault while in kernel mode in atrtc_settime`,
// `panic: sx lock still held in solisten_proto`).
//
// Format, from freebsd-src:
// - sys/kern/kern_shutdown.c vpanic(): "panic: %s\n" (the message), then "cpuid = %d\n",
//   "time = %jd\n", then kdb_backtrace() when KDB_TRACE is configured. The console is shared, so
//   the line may start with whatever was on it (`login: panic: ...`).
// - sys/kern/subr_kdb.c kdb_backtrace(): "KDB: stack backtrace:\n", then either the debugger
//   backend's trace (ddb: db_trace_self(), frames "func() at func+0xoff/frame 0x...", see
//   freebsd-ddb.ts) or, in kernels with options STACK but no DDB (release kernels),
//   stack_print_ddb() from sys/kern/subr_stack.c: "#%d %p at %s+%#lx\n" (`??+0` without a symbol).
// - The trace ends at "--- syscall (...) ---" (user context) or simply stops; "--- trap ...",
//   "--- interrupt ..." (amd64 db_trace.c db_nextframe) and arm64's "--- exception, esr %#lx",
//   "--- interrupt" (arm64/arm64/db_trace.c db_stack_trace_cmd) separate the panic machinery from
//   the trapped kernel code, and the trace goes on after them.
// - A trap first prints "Fatal trap %d: %s while in %s mode" (sys/amd64/amd64/trap.c trap_fatal(),
//   i386 the same) and, among its fields, "current process\t\t= %d (%s)" (14.x: the pid and the
//   thread's name); main's trap_diag() prints "current thread\t\t= %d/%d (%s/%s)" (pid/tid,
//   p_comm/td_name) and a register dump instead, and no "trap number" line (freebsd/freebsd-src
//   sys/amd64/amd64/trap.c at 00b96a777845); with a debugger, "KDB: enter: panic" and
//   "[ thread pid %d tid %ld ]" follow the trace.
// - With debug.debugger_on_trap set, trap_fatal() (sys/amd64/amd64/trap.c, sys/i386/i386/trap.c)
//   calls kdb_trap() right after "current process" and before "trap number" and panic(): ddb's
//   db_trap() (sys/ddb/db_main.c) prints "[ thread pid %d tid %ld ]" and "Stopped at\t" with
//   db_print_loc_and_inst() (the pc as "func+0xoff", ":\t", the instruction), and no "panic: "
//   line is printed at all: the trap report alone is the crash, its pc where it happened. Without a
//   debugger trap_fatal() always goes on to panic(), so a trap report whose panic line never made it
//   to the log (the console died, the quote was cut) is the crash all the same.




/** `panic: ` at the start of the line or after other console output (`login: panic: ...`). */
// Also chunk cut points (chunk-cut.ts).
const PANIC = /(?:^|[^\w.-])panic: (.*)$/;
/** i386 trap_fatal() also names "vm86" mode (sys/i386/i386/trap.c: PSL_VM in the trapped eflags). */
const FATAL_TRAP = /Fatal trap (\d+): (.*?) while in (kernel|user|vm86) mode/;
const STACK_FRAME = /^#(\d+) (0x[0-9a-fA-F]+) at (\S+)\s*$/;
const CURRENT_PROCESS = /^current process\s*=\s*(\d+) \((.*)\)\s*$/;
/** trap_diag() on main: "current thread\t\t= %d/%d (%s/%s)", pid/tid and p_comm/td_name. */
const CURRENT_THREAD = /^current thread\s*=\s*(\d+)\/(\d+) \((.*\/.*)\)\s*$/;
// sys/ddb/db_main.c db_trap() calls db_print_thread() (sys/ddb/db_thread.c): "[ thread pid %d tid %ld ]";
// the 2012 copy (commit 039ea811636f) printed "[thread pid"; current copies and 14.x captures have the blank.
const KDB_THREAD = /^\[ thread pid (-?\d+) tid (\d+) \]\s*$/;
const CPUID = /^cpuid = (\d+)/;
/**
 * The ddb command that prints a thread's stack, typed at the prompt after a trap stopped in the debugger:
 * `trace` and its aliases `t`, `where`, `bt` (sys/ddb/db_command.c db_cmds, each db_stack_trace), or a
 * prefix that names one of them alone (db_cmd_search()/db_cmd_match() take a unique prefix: `tr`, `wh`),
 * then its arguments: none (or a `,count`) trace kdb_thread, the trapped one; a number is a tid or pid,
 * another thread (db_stack_trace(): kdb_thr_lookup(), kdb_thr_from_pid()).
 */
const DDB_TRACE_COMMAND = /^db> +(?:bt|t|tr|tra|trac|trace|wh|whe|wher|where)(?=[\s/,]|$)(.*)$/;
/** A trace command's arguments that still trace the current thread: nothing, a count, old ddb's `/u`. */
const DDB_OWN_THREAD_ARGS = /^\s*(?:\/\w+\s*)?(?:,\s*\w+\s*)?$/;
/** db_stack_trace()'s header: "Tracing pid %d tid %ld td %p" (sys/ddb/db_command.c). */
const DDB_TRACING_ONE = /^Tracing pid (-?\d+) tid (\d+) td /;
/** How far below `Stopped at` the trace command may be (other commands, `show registers`, come first). */
const DDB_COMMAND_LINES = 60;
/** db_trap(): "Stopped at\t" then the pc's symbol and ":\t" (tabs may have become blanks). */
const STOPPED_AT = /^Stopped at\s+([^\s:]+):/;
/** How far the trap report's lines reach past its `Fatal trap` line. */
const TRAP_REPORT_LINES = 40;
/** The trap's separator in a trace: the frame after it is where the trap happened. */
const TRAP_SEPARATOR = /^--- (?:trap|exception|interrupt|system error|unhandled exception)\b/;
/**
 * The trap report's line naming the trapped thread, either form: sets pid, comm and (main's form)
 * tid and, when it differs from the process name, the thread name. Any other line changes nothing.
 */
function readCurrentThread(line, thread) {
    const cp = CURRENT_PROCESS.exec(line);
    if (cp) {
        thread.pid = (0,_common_js__WEBPACK_IMPORTED_MODULE_2__/* .toInt */ .RI)(cp[1]);
        thread.comm = cp[2];
        return;
    }
    const ct = CURRENT_THREAD.exec(line);
    if (!ct)
        return;
    thread.pid = (0,_common_js__WEBPACK_IMPORTED_MODULE_2__/* .toInt */ .RI)(ct[1]);
    thread.tid = (0,_common_js__WEBPACK_IMPORTED_MODULE_2__/* .toInt */ .RI)(ct[2]);
    // "%s/%s", p_comm then td_name, and a name may hold a slash itself: split in the middle when the
    // two halves are the same name (a thread named as its process), else at the first slash.
    const names = ct[3];
    const half = (names.length - 1) / 2;
    const same = names[half] === '/' && names.slice(0, half) === names.slice(half + 1);
    const cut = same ? half : names.indexOf('/');
    const comm = names.slice(0, cut);
    const tdname = names.slice(cut + 1);
    thread.comm = comm;
    if (tdname !== '' && tdname !== comm)
        thread.tdname = tdname;
}
/** Parse one `#N 0x... at func+0xoff` line (stack_print_ddb). */
function parseStackPrintLine(line) {
    const m = STACK_FRAME.exec(line);
    if (!m)
        return undefined;
    const frame = (0,_common_js__WEBPACK_IMPORTED_MODULE_2__/* .parseSymbol */ .aS)(m[3]);
    if (!frame)
        return undefined;
    frame.address = m[2];
    return frame;
}
/** The first panic in the text: its message, title and the panicking thread's stack. */
function extractFreebsdPanic(text) {
    return extractFreebsdPanicLines((0,_common_js__WEBPACK_IMPORTED_MODULE_2__/* .splitLines */ .uz)(text));
}
function extractFreebsdPanicLines(all) {
    let found;
    for (let i = 0; i < all.length; i++) {
        const l = all[i];
        if (!l.includes('panic: '))
            continue;
        const m = PANIC.exec(l.trim());
        // Linux prints "Kernel panic - not syncing:", never "panic: "; a FreeBSD line is ours.
        if (m) {
            found = { at: i, message: m[1].trim() };
            break;
        }
    }
    if (!found)
        return extractFatalTrap(all);
    const { at, message } = found;
    const lines = all.slice(Math.max(0, at - 40), at + 400).map((l) => l.trim());
    const rel = at - Math.max(0, at - 40);
    const thread = { comm: '', frames: [], format: 'freebsd-panic' };
    const panic = { os: 'freebsd', message, threads: [thread] };
    // The trap report just above the panic line names the process and the kind of crash. Two CPUs that
    // trap at once print two reports; the panicking CPU's is the one (see pickTrapReport).
    const reports = trapReports(lines.slice(0, rel));
    const panicCpu = cpuAfter(lines, rel + 1);
    const report = pickTrapReport(reports, panicCpu);
    const trap = report?.kind;
    if (report)
        for (const line of report.lines)
            readCurrentThread(line, thread);
    if (panicCpu === undefined && report?.cpu !== undefined)
        panic.cpu = report.cpu;
    let inTrace = false;
    let done = false;
    let afterTrap;
    let sawTrap = false;
    for (let i = rel + 1; i < lines.length; i++) {
        const line = lines[i];
        const cpu = CPUID.exec(line);
        if (cpu && panic.cpu === undefined)
            panic.cpu = Number(cpu[1]);
        const kdbThread = KDB_THREAD.exec(line);
        if (kdbThread) {
            thread.pid = (0,_common_js__WEBPACK_IMPORTED_MODULE_2__/* .toInt */ .RI)(kdbThread[1]);
            thread.tid = (0,_common_js__WEBPACK_IMPORTED_MODULE_2__/* .toInt */ .RI)(kdbThread[2]);
            break;
        }
        if (line.startsWith('KDB: stack backtrace')) {
            inTrace = true;
            continue;
        }
        if (!inTrace || done)
            continue;
        const frame = (0,_freebsd_ddb_js__WEBPACK_IMPORTED_MODULE_3__/* .parseDdbFrameLine */ .tK)(line) ?? parseStackPrintLine(line);
        if (frame) {
            thread.frames.push(frame);
            if (sawTrap && afterTrap === undefined)
                afterTrap = frame;
            continue;
        }
        // Older arm64 ddb printed `pc = ... lr = ...` and `sp = ... fp = ...` and a blank line under each frame.
        if (line === '' || _freebsd_ddb_js__WEBPACK_IMPORTED_MODULE_3__/* .OLD_ARM64_FRAME_REGISTERS */ .Ik.test(line))
            continue;
        // After `--- syscall` (user context) and amd64's `--- trap 0, rip = 0` (a kernel thread's start)
        // no frame follows, so only a real trap's separator sets the frame after it.
        if (_freebsd_ddb_js__WEBPACK_IMPORTED_MODULE_3__/* .DDB_SEPARATOR */ .J.test(line)) {
            if (TRAP_SEPARATOR.test(line))
                sawTrap = true;
            continue;
        }
        if (thread.frames.length > 0)
            done = true;
    }
    const kind = trap ?? `panic: ${(0,_crash_title_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeMessage */ .H)(message)}`;
    // Only machinery in the trace (a trace cut short, a panic inside the kernel's own checks): the
    // kind alone, never the backtrace's own first frame (db_trace_self_wrapper, kdb_backtrace).
    const fn = (0,_crash_title_js__WEBPACK_IMPORTED_MODULE_0__/* .crashFunction */ .MF)([afterTrap, ...belowFaultHandling(thread.frames)], _frame_classes_js__WEBPACK_IMPORTED_MODULE_1__/* .isFreebsdCrashMachinery */ .Hh, 'none');
    panic.title = (0,_crash_title_js__WEBPACK_IMPORTED_MODULE_0__/* .crashTitle */ .cC)(kind, fn);
    return panic;
}
/**
 * The frames that may name a panic: all of them, unless the panic was raised right in a fault's
 * handling (the panic machinery, then only fault entry and VM fault frames, FREEBSD_FAULT_ENTRY_FRAMES):
 * then the faulting code's, below that handling, and none when the trace was cut before them. A panic
 * raised by other code that runs under a fault (a pager called from vm_fault()) is that code's. The
 * handling ends at the first trap entry (calltrap, handle_el1h_sync): a fault taken inside vm_fault()
 * itself while it resolved an earlier fault (trap_fatal <- trap_pfault <- trap <- calltrap <- vm_fault
 * <- vm_fault_trap <- ... <- calltrap <- copyout) is vm_fault()'s, not the earlier fault's code.
 */
function belowFaultHandling(frames) {
    let i = 0;
    while (i < frames.length &&
        (0,_frame_classes_js__WEBPACK_IMPORTED_MODULE_1__/* .isFreebsdCrashMachinery */ .Hh)(frames[i].fn) &&
        !(0,_frame_classes_js__WEBPACK_IMPORTED_MODULE_1__/* .isFreebsdFaultHandling */ .l8)(frames[i].fn))
        i++;
    let j = i;
    let entered = false;
    for (; j < frames.length && (0,_frame_classes_js__WEBPACK_IMPORTED_MODULE_1__/* .isFreebsdFaultHandling */ .l8)(frames[j].fn); j++) {
        if ((0,_frame_classes_js__WEBPACK_IMPORTED_MODULE_1__/* .isFreebsdFaultEntry */ .CO)(frames[j].fn))
            entered = true;
        if ((0,_frame_classes_js__WEBPACK_IMPORTED_MODULE_1__/* .isFreebsdTrapEntry */ .$H)(frames[j].fn)) {
            j++;
            break;
        }
    }
    return entered ? frames.slice(j) : frames;
}
/**
 * The trap reports in the (trimmed) lines, each running to the next `Fatal trap` line. trap_fatal()
 * (sys/amd64/amd64/trap.c, sys/i386/i386/trap.c) prints "\n\nFatal trap %d: %s while in %s mode\n", then
 * "cpuid = %d; " and "apic id = %02x\n" (SMP), the fault fields and "current process\t\t= %d (%s)".
 */
function trapReports(lines) {
    const out = [];
    for (const line of lines) {
        const ft = line.includes('Fatal trap ') ? FATAL_TRAP.exec(line) : null;
        if (ft) {
            out.push({ kind: `Fatal trap ${ft[1]}: ${ft[2]} while in ${ft[3]} mode`, lines: [] });
            continue;
        }
        const current = out[out.length - 1];
        if (!current)
            continue;
        current.lines.push(line);
        const cpu = current.cpu === undefined ? CPUID.exec(line) : null;
        if (cpu)
            current.cpu = Number(cpu[1]);
    }
    return out;
}
/**
 * The report of the CPU that panicked when it is known (vpanic()'s "cpuid = %d" after the panic line,
 * sys/kern/kern_shutdown.c), else the first: the other CPU's panic() finds the panic already under way
 * and stops, so its report comes from a CPU that did not print the panic. None when every report names
 * another CPU: the panicking CPU did not trap (a KASSERT on CPU 0 while CPU 1 printed a trap report and
 * was stopped by vpanic()'s stop_cpus_hard() before its own panic), so no report is this panic's.
 */
function pickTrapReport(reports, panicCpu) {
    if (panicCpu !== undefined) {
        const own = reports.find((r) => r.cpu === panicCpu);
        if (own)
            return own;
        if (reports.length > 0 && reports.every((r) => r.cpu !== undefined))
            return undefined;
    }
    return reports[0];
}
/** vpanic()'s "cpuid = %d" within a few lines from `from`, or undefined. */
function cpuAfter(lines, from) {
    for (let i = from; i < Math.min(lines.length, from + 4); i++) {
        const cpu = CPUID.exec(lines[i]);
        if (cpu)
            return Number(cpu[1]);
    }
    return undefined;
}
/**
 * The frames of the trapped thread's trace that a ddb command prints after a trap stopped in the
 * debugger (`db> bt`), from the line after `from`; empty when no trace command follows soon. A trace of
 * another thread (`bt 100234`, whose header names another tid) is not the trapped thread's.
 */
function ddbTraceAfter(all, from, tid) {
    for (let i = from; i < Math.min(all.length, from + DDB_COMMAND_LINES); i++) {
        const line = all[i].trim();
        if (/^(?:Fatal trap |panic: )/.test(line))
            return [];
        const command = DDB_TRACE_COMMAND.exec(line);
        if (!command)
            continue;
        const ownByArgs = DDB_OWN_THREAD_ARGS.test(command[1]);
        const frames = [];
        let own = ownByArgs;
        let j = i + 1;
        for (; j < all.length; j++) {
            const l = all[j].trim();
            const header = frames.length === 0 ? DDB_TRACING_ONE.exec(l) : null;
            if (header) {
                // The header names the thread traced: the trapped one when its tid is known, else trust the args.
                if (tid !== undefined)
                    own = Number(header[2]) === tid;
                continue;
            }
            const frame = (0,_freebsd_ddb_js__WEBPACK_IMPORTED_MODULE_3__/* .parseDdbFrameLine */ .tK)(l);
            if (frame) {
                frames.push(frame);
                continue;
            }
            if (_freebsd_ddb_js__WEBPACK_IMPORTED_MODULE_3__/* .DDB_SEPARATOR */ .J.test(l) || _freebsd_ddb_js__WEBPACK_IMPORTED_MODULE_3__/* .OLD_ARM64_FRAME_REGISTERS */ .Ik.test(l))
                continue;
            break;
        }
        if (own && frames.length > 0)
            return frames;
        i = j - 1;
    }
    return [];
}
/**
 * The fatal trap report when no `panic: ` line follows it: trap_fatal() entered the debugger (its
 * `[ thread ... ]` and `Stopped at` lines name the thread and the pc) or the log ends before its panic.
 * Of two CPUs' reports the one that reached `Stopped at`: kdb_trap() (sys/kern/subr_kdb.c) stops the
 * other CPUs with stop_cpus_hard() before ddb runs, so the other report never gets that far; else the
 * first (a report farther on is a later crash). Undefined when the text holds no trap report.
 */
function extractFatalTrap(all) {
    let first;
    for (let i = 0; i < all.length; i++) {
        const l = all[i];
        if (!l.includes('Fatal trap '))
            continue;
        if (first && i - first.at > TRAP_REPORT_LINES)
            break;
        const ft = FATAL_TRAP.exec(l);
        if (!ft)
            continue;
        const message = `Fatal trap ${ft[1]}: ${ft[2]} while in ${ft[3]} mode`;
        const thread = { comm: '', frames: [], format: 'freebsd-panic' };
        const panic = { os: 'freebsd', message, threads: [thread] };
        let inDebugger = false;
        for (let j = i + 1; j < Math.min(all.length, i + TRAP_REPORT_LINES); j++) {
            const line = all[j].trim();
            // Another CPU's report: this one's lines ended (two CPUs that trap at once).
            if (line.includes('Fatal trap ') && FATAL_TRAP.test(line))
                break;
            const cpu = CPUID.exec(line);
            if (cpu && panic.cpu === undefined)
                panic.cpu = Number(cpu[1]);
            readCurrentThread(line, thread);
            const kdbThread = KDB_THREAD.exec(line);
            if (kdbThread) {
                thread.pid = (0,_common_js__WEBPACK_IMPORTED_MODULE_2__/* .toInt */ .RI)(kdbThread[1]);
                thread.tid = (0,_common_js__WEBPACK_IMPORTED_MODULE_2__/* .toInt */ .RI)(kdbThread[2]);
            }
            const stopped = STOPPED_AT.exec(line);
            if (stopped) {
                inDebugger = true;
                const pc = (0,_common_js__WEBPACK_IMPORTED_MODULE_2__/* .parseSymbol */ .aS)(stopped[1]);
                if (pc)
                    thread.frames.push(pc);
                // The trace typed at the prompt starts at the trapped pc: the whole stack of the trapped thread.
                const trace = ddbTraceAfter(all, j + 1, thread.tid);
                if (trace.length > 0)
                    thread.frames = trace;
                break;
            }
        }
        panic.title = (0,_crash_title_js__WEBPACK_IMPORTED_MODULE_0__/* .crashTitle */ .cC)(message, (0,_crash_title_js__WEBPACK_IMPORTED_MODULE_0__/* .crashFunction */ .MF)(thread.frames, _frame_classes_js__WEBPACK_IMPORTED_MODULE_1__/* .isFreebsdCrashMachinery */ .Hh));
        if (inDebugger)
            return panic;
        first ??= { panic, at: i };
    }
    return first?.panic;
}
const freebsdPanicParser = {
    format: 'freebsd-panic',
    matches(text) {
        return text.includes('panic: ') || text.includes('Fatal trap ');
    },
    parse(text) {
        return extractFreebsdPanic(text)?.threads.filter((t) => t.frames.length > 0) ?? [];
    },
};
//# sourceMappingURL=freebsd-panic.js.map

/***/ }),

/***/ 7069:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   El: () => (/* binding */ HEADER),
/* harmony export */   j$: () => (/* binding */ freebsdProcstatParser)
/* harmony export */ });
/* unused harmony exports psCpuTime, parsePsThreads, parsePsAxl */
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4052);
// FreeBSD `procstat -kk` (kernel stacks of threads), with `ps -axlww` to add state and wait channel.
//
// Format, from freebsd-src usr.bin/procstat/procstat_kstack.c, procstat_kstack():
//   header  xo_emit("{T:/%5s %6s %-19s %-19s %-29s}\n", "PID", "TID", "COMM", "TDNAME", "KSTACK")
//   a line  "%5d " pid, "%6d " tid, "%-19s " ki_comm, "%-19s " thread name (or "-"), then the
//           stack as "%-29s": `<running>`, `<swapped>`, `<unknown>`, or the frames that
//           kstack_cleanup() reduced from stack(9)'s "#N 0x... at func+0xoff" lines to
//           space-separated `func+0xoff` (with -kk) or `func` (with -k).
// Older releases printed COMM and TDNAME as %-16s (the 2012 copy in freebsd/freebsd-src, commit
// 039ea811636f, printf("%-16s ")); both widths are handled. The header is printed with the same
// widths as the lines, so its columns add nothing to the widths and only say that the text is
// procstat's. COMM and TDNAME are at most 19 characters (MAXCOMLEN) but may hold spaces, so the
// fixed columns decide, and a whitespace split is only the fallback for text whose padding was
// mangled (mail, bug reports). kstack_cleanup() puts one space between frames.
//
// `ps -axlww` (bin/ps/ps.c lfmt "uid,pid,ppid,cpu,pri,nice,vsz,rss,mwchan,state,tt,time,command")
// prints `UID PID PPID C PRI NI VSZ RSS MWCHAN STAT TT TIME COMMAND`; when the same text holds
// it, each procstat thread of a single-threaded process gets its process's STAT (first letter, e.g.
// `D`) and MWCHAN. Every thread gets a progress counter from the watchdog's
// `ps -axH -o pid,lwp,nvcsw,nivcsw,time` (bin/ps/keyword.c: `PID`, `LWP` the thread id procstat
// prints as TID, `NVCSW` and `NIVCSW` the thread's voluntary and involuntary context switches, `-`
// when ps cannot read them, `TIME` its CPU time; with -H, sys/kern/kern_proc.c fill_kinfo_thread
// fills each line from the thread itself: rufetchtd, td_rux.rux_runtime): TIME in hundredths of a
// second plus both switch counts. Without that block, a single-threaded process's TIME from
// `ps -axlww` alone. procstat has no such counter: a thread on a CPU in both samples prints
// `<running>` twice (no frames to differ), one preempted in user mode the same return-to-user
// frames, and one waiting on a slow server the same sleep in both, though it sleeps and wakes (a
// voluntary switch, sys/kern/kern_synch.c mi_switch) for every request in between.

// Also a chunk cut point (chunk-cut.ts).
const HEADER = /^\s*PID\s+TID\s+COMM\s+TDNAME\s+KSTACK\s*$/;
const LINE_START = /^(\s*)(\d+)\s+(\d+) /;
/** A line after procstat's own: a watchdog marker, or ps -axlww's or ps -axH's header. */
const BLOCK_END = /^@@|^\s*UID\s+PID\s+PPID\s|^\s*PID\s+LWP\s/;
/** The KSTACK of a thread procstat has no frames for (procstat_kstack() by kkst_state). */
const NO_FRAMES = new Set(['<running>', '<swapped>', '<unknown>']);
/**
 * A frame token: `func+0xoff` (-kk) or `func` (-k). stack(9) names a pc without a symbol `??` with
 * offset 0, printed by "%#lx" as `0` (sys/kern/subr_stack.c stack_sbuf_print_flags, stack_symbol()),
 * so `??+0` is a frame of its own, and any function at offset zero prints `func+0`.
 */
const FRAME_TOKEN = /^(?:[A-Za-z_$.][\w$.]*|\?\?)(?:\+(?:0x[0-9a-fA-F]+|0))?$/;
const FRAME_WITH_OFFSET = /^(?:[A-Za-z_$.][\w$.]*|\?\?)\+(?:0x[0-9a-fA-F]+|0)$/;
const freebsdProcstatParser = {
    format: 'freebsd-procstat',
    matches(text) {
        // Any text with a `PID TID ...` line may hold one; parse() decides (one anchored test a line,
        // cheaper than looking for one in the whole text first).
        return /\d\s+\d/.test(text);
    },
    parse(text) {
        const threads = [];
        let underHeader = false;
        let last;
        for (const line of (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .splitLines */ .uz)(text)) {
            if (HEADER.test(line)) {
                underHeader = true;
                continue;
            }
            // procstat's block ends at the watchdog's next marker or at ps's header: below it, a line of
            // numbers and bare words (a kernel printf spliced into a ps row) is no `-k` stack.
            if (BLOCK_END.test(line))
                underHeader = false;
            const thread = parseLine(line, underHeader);
            if (thread) {
                threads.push(thread);
                last = thread;
                continue;
            }
            // A long KSTACK wrapped by a mail client or a bug tracker: a line of nothing but
            // `func+0xoff` tokens right after a thread's line goes on with that thread's stack.
            const more = last && last.frames.length > 0 ? continuation(line) : undefined;
            if (more)
                last?.frames.push(...more);
            else
                last = undefined;
        }
        return addPsInfo(threads, readPsAxl(text), readPsThreads(text));
    },
};
/** The frames of a line made only of `func+0xoff` tokens (at least one); undefined for any other line. */
function continuation(line) {
    const tokens = line.trim().split(/\s+/);
    // An empty line splits into one empty token, which is no frame.
    return tokens.every((t) => FRAME_WITH_OFFSET.test(t)) ? framesOf(tokens) : undefined;
}
/** Frames of tokens already checked against FRAME_TOKEN (parseSymbol reads every such token). */
function framesOf(tokens) {
    return tokens.map((t) => (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .parseSymbol */ .aS)(t)).filter((f) => f !== undefined);
}
function parseLine(line, underHeader) {
    const start = LINE_START.exec(line);
    if (!start)
        return undefined;
    const pid = (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .toInt */ .RI)(start[2]);
    const tid = (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .toInt */ .RI)(start[3]);
    const rest = line.slice(start[0].length);
    const fields = byWidth(rest) ?? bySplit(rest);
    if (!fields)
        return undefined;
    const stack = fields.stack.trim();
    const thread = { pid, tid, comm: fields.comm, frames: [], format: 'freebsd-procstat' };
    // Both readings give a TDNAME of at least one character; procstat prints `-` for none.
    if (fields.tdname !== '-')
        thread.tdname = fields.tdname;
    if (NO_FRAMES.has(stack)) {
        if (stack === '<running>')
            thread.state = 'R';
        return thread;
    }
    // The stack is trimmed, so it splits into no empty token unless it is empty itself.
    const tokens = stack.split(/\s+/);
    // A procstat stack is frames only; anything else (a ps line, a shell prompt) is not ours.
    if (!tokens.every((t) => FRAME_TOKEN.test(t)))
        return undefined;
    if (!tokens.some((t) => FRAME_WITH_OFFSET.test(t)) && !underHeader)
        return undefined;
    thread.frames = framesOf(tokens);
    return thread;
}
/**
 * Fixed widths after the TID: %-19s (current) or %-16s (older procstat). A line of the other width
 * fails the blank-then-stack test at 2w+1: the innermost frame procstat prints (mi_switch or
 * sched_switch, or `<running>`) has no blank in its first six characters. COMM is never empty
 * (ki_comm), so the first character is a name's and not padding.
 */
function byWidth(rest) {
    for (const w of [19, 16]) {
        if (rest[w] !== ' ' || rest[2 * w + 1] !== ' ' || !/\S/.test(rest.charAt(2 * w + 2)))
            continue;
        return {
            comm: rest.slice(0, w).trimEnd(),
            tdname: rest.slice(w + 1, 2 * w + 1).trimEnd(),
            stack: rest.slice(2 * w + 2),
        };
    }
    return undefined;
}
/** Whitespace split: COMM and TDNAME without spaces, for text whose padding was collapsed. */
function bySplit(rest) {
    const m = /^\s*(\S+)\s+(\S+)\s+(.*)$/.exec(rest);
    if (!m)
        return undefined;
    return { comm: m[1], tdname: m[2], stack: m[3] };
}
/**
 * ps's TIME: bin/ps/print.c cputime() -> printtime(): ki_runtime (microseconds, the process's
 * threads together) rounded to hundredths, `"%ld:%02ld%c%02ld"` (minutes, seconds, the locale's
 * decimal point, hundredths), e.g. `0:00.31` or `123:04.56`.
 */
const PS_TIME = /^(\d+):([0-5]\d)[^\d:](\d{2})$/;
/** A TIME field in hundredths of a second, or undefined when it is not of ps's form. */
function psCpuTime(field) {
    const m = PS_TIME.exec(field);
    return m ? (Number(m[1]) * 60 + Number(m[2])) * 100 + Number(m[3]) : undefined;
}
const THREADS_HEADER = /^\s*PID\s+LWP\s+NVCSW\s+NIVCSW\s+TIME\s*$/;
const THREADS_ROW = /^\s*(\d+)\s+(\d+)\s+(\d+|-)\s+(\d+|-)\s+(\S+)\s*$/;
/** The watchdog's marker before the block (docs/guest-protocol.md): the capture has one even if its header broke. */
const THREADS_BEGIN = /^@@fg:[a-z0-9]+:capture:ps-threads:begin@@\s*$/;
/** What ends the block: the watchdog's next marker, or another program's header. */
const THREADS_END = /^@@|^\s*PID\s+TID\s+COMM\s|^\s*UID\s+PID\s+PPID\s/;
/**
 * A line a thread: its TIME in hundredths plus both switch counts. `-` in NVCSW and NIVCSW is
 * rvar() finding no rusage (bin/ps/print.c: `!k->ki_valid`, a process swapped out on 13.x/14.x,
 * bin/ps/ps.c saveuser; always valid on 15.x), and printtime() then prints `0:00.00` whatever the
 * thread ran: such a row has no counter, never a smaller one.
 */
function rowCounter(m) {
    const time = psCpuTime(m[5]);
    if (m[3] === '-' || m[4] === '-' || time === undefined)
        return undefined;
    return time + Number(m[3]) + Number(m[4]);
}
function readPsThreads(text) {
    const counters = new Map();
    let seen = false;
    let inBlock = false;
    for (const line of (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .splitLines */ .uz)(text)) {
        if (THREADS_HEADER.test(line) || THREADS_BEGIN.test(line)) {
            seen = inBlock = true;
            continue;
        }
        if (!inBlock)
            continue;
        if (THREADS_END.test(line)) {
            inBlock = false;
            continue;
        }
        // Anything else inside the block is the console's: a kernel printf between (or across) ps's
        // lines. It loses at most the row it broke; the rows after it still count.
        const m = THREADS_ROW.exec(line);
        const counter = m ? rowCounter(m) : undefined;
        if (m && counter !== undefined)
            counters.set(`${m[1]}/${m[2]}`, counter);
    }
    return { seen, counters };
}
/**
 * `ps -axH -o pid,lwp,nvcsw,nivcsw,time`: each thread's progress counter, keyed `PID/TID`: its CPU
 * time in hundredths of a second plus its voluntary and involuntary context switches (a row whose
 * rusage ps could not read has none).
 */
function parsePsThreads(text) {
    return readPsThreads(text).counters;
}
const PS_HEADER = /^\s*UID\s+PID\s+PPID\s+C\s+PRI\s+NI\s+VSZ\s+RSS\s+MWCHAN\s+STAT\s+TT\s+TIME\s+COMMAND\s*$/;
const PS_NUMBERS = /^\s*\d+\s+(\d+)\s+(\d+)\s+-?\d+\s+-?\d+\s+-?\d+\s+\d+\s+\d+\s+$/;
const PS_TAIL = /^(\S+)\s+(\S+)\s+(\S+)\s+(.*)$/;
/**
 * One `ps -axlww` line by the header's columns. bin/ps prints MWCHAN and STAT left-justified at
 * widths computed over all rows (bin/ps/ps.c, print.c `mwchan`: the wait message or `*` and the
 * lock name, which may hold spaces), so the header's column starts are the fields' starts.
 */
function psByColumns(line, mwchan, stat) {
    // The numbers must end in blanks just before MWCHAN (PS_NUMBERS) and STAT must start a field
    // (PS_TAIL), so only the blank in front of STAT is left to check here.
    if (line[stat - 1] !== ' ')
        return undefined;
    const nums = PS_NUMBERS.exec(line.slice(0, mwchan));
    const tail = PS_TAIL.exec(line.slice(stat));
    if (!nums || !tail)
        return undefined;
    const wchan = line.slice(mwchan, stat).trim();
    const proc = {
        pid: Number(nums[1]),
        ppid: Number(nums[2]),
        state: tail[1],
        command: tail[4],
    };
    if (wchan !== '' && wchan !== '-')
        proc.wchan = wchan;
    return withTime(proc, tail[3]);
}
function withTime(proc, time) {
    const cpuTime = psCpuTime(time);
    return cpuTime === undefined ? { proc } : { proc, cpuTime };
}
/** Parse `ps -axlww` output (FreeBSD bin/ps lfmt); empty when the text has none. */
function parsePsAxl(text) {
    return readPsAxl(text).map((row) => row.proc);
}
function readPsAxl(text) {
    const out = [];
    let inPs = false;
    let cols;
    for (const line of (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .splitLines */ .uz)(text)) {
        if (PS_HEADER.test(line)) {
            inPs = true;
            cols = { mwchan: line.indexOf('MWCHAN'), stat: line.indexOf('STAT') };
            continue;
        }
        if (!inPs)
            continue;
        const byCols = cols ? psByColumns(line, cols.mwchan, cols.stat) : undefined;
        if (byCols) {
            out.push(byCols);
            continue;
        }
        // UID PID PPID C PRI NI VSZ RSS MWCHAN STAT TT TIME COMMAND...
        const m = /^\s*\d+\s+(\d+)\s+(\d+)\s+-?\d+\s+-?\d+\s+-?\d+\s+\d+\s+\d+\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(.*)$/.exec(line);
        if (!m) {
            inPs = false;
            continue;
        }
        const proc = {
            pid: Number(m[1]),
            ppid: Number(m[2]),
            state: m[4],
            command: m[7],
        };
        if (m[3] !== '-')
            proc.wchan = m[3];
        out.push(withTime(proc, m[6]));
    }
    return out;
}
function addPsInfo(threads, rows, progress) {
    // Every procstat thread has a pid; keyed by `number | undefined` only to satisfy the model's type.
    const byPid = new Map(rows.map((r) => [r.proc.pid, r]));
    const perPid = new Map();
    for (const t of threads)
        perPid.set(t.pid, (perPid.get(t.pid) ?? 0) + 1);
    for (const t of threads) {
        // A thread asleep for good neither runs nor switches, so its counter stays; one that runs adds
        // to its TIME, one that sleeps and wakes adds switches.
        const counter = progress.counters.get(`${t.pid}/${t.tid}`);
        if (t.cpuTicks === undefined && counter !== undefined)
            t.cpuTicks = counter;
        const row = byPid.get(t.pid);
        // ps -axl without -H shows one line a process: its state, wait channel and CPU time say
        // nothing about which of several threads is asleep where or ran, so only a single-threaded
        // process takes them.
        if (!row || perPid.get(row.proc.pid) !== 1)
            continue;
        const p = row.proc;
        // STAT's first letter is the state (D, I, L, R, S, T, W, Z); the rest are flags.
        if (t.state === undefined)
            t.state = p.state.charAt(0);
        // procstat prints no wait channel, so ps's is the only one.
        if (p.wchan !== undefined)
            t.wchan = p.wchan;
        // An older capture without the per-thread block: the process's TIME alone. Never in a capture
        // that has the block but lost this thread's row (a kernel message across it): TIME alone is a
        // smaller number than TIME plus switches, and the two samples would seem to differ.
        if (!progress.seen && t.cpuTicks === undefined && row.cpuTime !== undefined)
            t.cpuTicks = row.cpuTime;
    }
    return threads;
}
//# sourceMappingURL=freebsd-procstat.js.map

/***/ }),

/***/ 2484:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   aw: () => (/* binding */ isFrameLine),
/* harmony export */   fu: () => (/* binding */ CALL_TRACE),
/* harmony export */   i5: () => (/* binding */ readCallTrace)
/* harmony export */ });
/* unused harmony export parseTraceLine */
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4052);
// The `Call Trace:` block that every Linux stack dump shares (hung task, sysrq-t, panic, oops),
// in the forms of every era and architecture.
//
// Formats, from torvalds/linux:
// - x86 arch/x86/kernel/dumpstack.c show_trace_log_lvl(): "%sCall Trace:\n", then for each stack
//   the unwinder visits a " <TASK>" / " <IRQ>" / " <NMI>" / " <SOFTIRQ>" line and its closing
//   " </...>" (older kernels: " <EOI>", " <<EOE>>", " <#DF>").
// - printk_stack_address(): "%s %s%pBb\n": one space, "? " when the frame is unreliable (found by
//   scanning, not by unwinding), then %pBb (lib/vsprintf.c): "func+0xoff/0xsize", plus " [module]"
//   (or " [module buildid]"). Before 4.x (print_trace_address/printk_address) the frame was
//   " [<ffffffff81234567>] ? func+0x12/0x34 [module]", the address first.
// - arm64 arch/arm64/kernel/stacktrace.c dump_backtrace(): "%sCall trace:\n" (lower case), frames
//   " func+0xoff/0xsize" and, since 6.13, a " (P)"/" (L)"/" (T)"... suffix telling where the pc came from.
// - A pc without a symbol prints as a bare address (%pB of unknown text): not a function name.
// - 32-bit ARM arch/arm/kernel/traps.c dump_backtrace_entry(): "[<%08lx>] (%ps) from [<%08lx>] (%pS)\n"
//   before 5.x, "%ps from %pS\n" since; the frame is the first function, frames follow the task line
//   directly or a "Backtrace: " line.
// - Symbolized reports (scripts/decode_stacktrace.sh, syzbot): "func+0xoff/0xsize file.c:123" and
//   inlined callers as "func file.c:123 [inline]".
// - Pre-4.x x86 printed a context mark and the first frame on one line: " <IRQ>  [<ffffffff...>] func+...".
// - show_regs_if_on_stack()/show_iret_regs(): a user or interrupted context prints "RIP: ...",
//   "Code: ...", "RSP: ...", "RAX: ..." register lines inside the block.
// Lines carry log prefixes (printk time, syslog...): splitLines() removed them already.

const CALL_TRACE = /^\s*(?:Call Trace|Call trace|Backtrace):?\s*$/;
/** Does the line hold a frame (so a trace starts here even without a `Call Trace:` header)? */
function isFrameLine(line) {
    return parseTraceLine(line) !== undefined;
}
const CONTEXT_MARK = /^<{1,2}\/?(?:TASK|IRQ|NMI|SOFTIRQ|EOI|EOE|UNK|#[A-Z]+|DF)>{1,2}$/;
const REGISTER_LINE = /^(?:RIP|EIP|RSP|ESP|RAX|EAX|RBX|EBX|RCX|ECX|RDX|EDX|RSI|ESI|RDI|EDI|RBP|EBP|R\d\d?|Code|FS|GS|CS|DS|ES|SS|CR\d|DR\d|PKRU|ORIG_RAX|EFLAGS)\b/;
/** `[<addr>] ? sym [mod]`, `? sym [mod buildid]`, `sym (P)`, `sym file.c:12`, `0xaddr`; the line is already trimmed. */
const FRAME = /^(?:\[<([0-9a-fA-F]+)>\]\s*)?(\? )?(?:\[<[0-9a-fA-F]+>\]\s*)?(\S+?)(?: \[([^\]\s]+)(?: [0-9a-f]+)?\])?(?: \S+\.\w+:\d+(?::\d+)?)?(?: \[inline\])?(?: \([A-Z]\))?$/;
/** `func file.c:123 [inline]`: a function the compiler inlined into the frame below. */
const INLINE_FRAME = /^(?:\? )?([A-Za-z_][\w.]*) \S+\.\w+:\d+(?::\d+)? \[inline\]$/;
/** 32-bit ARM: `[<c0123456>] (func [mod]) from [<...>] (caller+0x1/0x2 [mod])` and `func from caller+0x1/0x2`. */
const ARM_FRAME = /^(?:\[<([0-9a-fA-F]+)>\] )?\(?([A-Za-z_][\w.]*)(?: \[([^\]\s]+)\])?\)? from (?:\[<[0-9a-fA-F]+>\] )?\(?[A-Za-z_$][\w.]*\+0x[0-9a-fA-F]+\/0x[0-9a-fA-F]+(?: \[[^\]]+\])?\)?$/;
/**
 * A context mark printed on the frame's own line by old kernels: print_trace_stack() "%s <%s> " before the
 * frame, with the ids "IRQ", "EOI", an exception stack's ("NMI", "#DF", "#DB", "#MC"), "<EOE>" (so
 * `<<EOE>>`; 2.6.2x printed " <EOE>") and "UNK" for a stack dump_trace() could not place.
 */
const LEADING_MARK = /^<(?:IRQ|EOI|NMI|SOFTIRQ|UNK|<EOE>|EOE|#[A-Z]+)>\s+/;
/** x86 "RIP: %04x:%pS", arm64 "pc : %pS" (a register line's own symbol). */
const TRACE_PC = /^(?:RIP: (?:[0-9a-f]{4}:)?|pc : )([A-Za-z_][\w.]*\+0x[0-9a-fA-F]+(?:\/0x[0-9a-fA-F]+)?)/;
/** Parse one frame line of a Call Trace; `unreliable` for `? ` frames. */
function parseTraceLine(line) {
    let text = line.trim();
    if (text.charCodeAt(0) === 60 /* < */)
        text = text.replace(LEADING_MARK, '');
    const inline = INLINE_FRAME.exec(text);
    if (inline)
        return { frame: { fn: inline[1] }, unreliable: text.startsWith('? ') };
    if (text.includes(' from ')) {
        const arm = ARM_FRAME.exec(text);
        if (arm) {
            const frame = { fn: arm[2] };
            if (arm[1] !== undefined)
                frame.address = arm[1];
            if (arm[3] !== undefined)
                frame.module = arm[3];
            return { frame, unreliable: false };
        }
    }
    const m = FRAME.exec(text);
    if (!m)
        return undefined;
    const token = m[3];
    if (/^(?:0x)?(?=[0-9a-fA-F]*\d)[0-9a-fA-F]{8,16}$/.test(token)) {
        // A pc without a symbol: a frame, but no name.
        const frame = { fn: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .UNNAMED */ .rY, address: token };
        return { frame, unreliable: m[2] !== undefined };
    }
    const frame = (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .parseSymbol */ .aS)(token);
    // A frame always prints an offset and size (`func+0x1/0x2`); other text is not a frame.
    if (!frame || frame.offset === undefined || frame.size === undefined)
        return undefined;
    if (m[1] !== undefined && !/^0+$/.test(m[1]))
        frame.address = m[1];
    if (m[4] !== undefined)
        frame.module = m[4];
    return { frame, unreliable: m[2] !== undefined };
}
/**
 * 32-bit ARM's saved registers under a frame, arch/arm/kernel/traps.c dump_backtrace_stm(): " r%d:%08x"
 * each (`r6:80000193 r5:8053b980 r4:b6062640`); and the exception stack both ARM ports dump in the middle
 * of a trace: "Exception stack(0x%08lx to 0x%08lx)" then dump_mem()'s "%04lx: " and words.
 */
const ARM_TRACE_NOISE = /^(?:r\d{1,2} ?:[0-9a-f]{8}(?:\s|$)|Exception stack\(0x[0-9a-f]+ to 0x[0-9a-f]+\)|[0-9a-f]{4}:(?: +(?:[0-9a-f]{8}|[0-9a-f]{16}))+\s*$)/;
/** Lines a dump prints inside a trace block that are neither frames nor its end. */
function isNoise(line) {
    return line === ''
        ? false
        : CONTEXT_MARK.test(line) ||
            REGISTER_LINE.test(line) ||
            line.startsWith('---[ now ') ||
            ARM_TRACE_NOISE.test(line);
}
/**
 * Read the Call Trace block whose header is at `lines[start]` (clean lines). Stops at the first
 * line that is none of: a frame, a context mark, a register line; `</TASK>` ends it.
 */
function readCallTrace(lines, start) {
    const frames = [];
    const pcs = [];
    // Another context's lines in the middle of the block (two CPUs printing at once) are skipped when
    // printk's caller ids tell them apart.
    const callers = (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .callersOf */ .Gt)(lines);
    const own = callers?.[start];
    let i = start + 1;
    for (; i < lines.length; i++) {
        if (own !== undefined && callers?.[i] !== undefined && callers[i] !== own)
            continue;
        const line = lines[i].trim();
        if (line === '</TASK>') {
            i++;
            break;
        }
        if (isNoise(line)) {
            const pc = TRACE_PC.exec(line);
            const frame = pc ? (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .parseSymbol */ .aS)(pc[1]) : undefined;
            if (frame)
                pcs.push({ before: frames.length, frame });
            continue;
        }
        const parsed = parseTraceLine(line);
        if (!parsed)
            break;
        if (!parsed.unreliable)
            frames.push(parsed.frame);
    }
    return { frames, end: i, pcs };
}
//# sourceMappingURL=linux-call-trace.js.map

/***/ }),

/***/ 412:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Bz: () => (/* binding */ linuxHungTaskParser),
/* harmony export */   Rk: () => (/* binding */ HUNG),
/* harmony export */   er: () => (/* binding */ taskLine),
/* harmony export */   wH: () => (/* binding */ parseHungTaskLines),
/* harmony export */   wn: () => (/* binding */ TASK),
/* harmony export */   yj: () => (/* binding */ OLD_TASK)
/* harmony export */ });
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4052);
/* harmony import */ var _linux_call_trace_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2484);
// Linux hung-task reports and sysrq task dumps (sysrq-t "Show State", sysrq-w "Show Blocked State"),
// in the forms of every kernel era.
//
// Format, from torvalds/linux:
// - kernel/hung_task.c check_hung_task(): pr_err("INFO: task %s:%d blocked for more than %ld
//   seconds.\n", comm, pid, secs); since the commit "hung_task: explicitly report I/O wait state in
//   log output" "blocked%s for more than" with " in I/O wait" for a task waiting for I/O; then the
//   taint/release line, the "echo 0 > ..." hint, then sched_show_task(t).
// - kernel/sched/core.c sched_show_task(), since 5.9 (commit 0f03d6805bfc): "task:%-15.15s state:%c"
//   then " stack:%-5lu pid:%-5d tgid:%-5d ppid:%-6d flags:0x%08lx\n" (tgid since 6.7, fields are
//   read by name). Before 5.9: "%-15.15s %c" comm and state letter, then the free stack as "%5lu"
//   (glued to the letter when wide: `D23520`), " %5d %6d 0x%08lx\n" pid, ppid, flags; kernels
//   before 4.x also printed the saved pc (`D ffff8800a1b2c3d4     0  1234      1 0x00000000`).
// - then show_stack(): the Call Trace block (linux-call-trace.ts).
// - drivers/tty/sysrq.c: "sysrq: Show State" / "sysrq: Show Blocked State" before the dumps.
// Only the hung-task detector's tasks are format `linux-hung-task`; other task dumps are
// `linux-sysrq`. Unreliable (`? `) frames are skipped.


const HUNG = /^INFO: task (.+):(\d+) blocked(?: in I\/O wait)? for more than (\d+) seconds\.\s*$/;
const TASK = /^task:(.+?)\s+state:(\S)(.*)$/;
// RHEL 6 kernels print one more number (the thread group) before the flags.
// A running task prints " running  " (32-bit) or "  running task    " (64-bit) where the others print
// their saved pc (kernel/sched/core.c sched_show_task() before 4.14); 4.x's TASK_STATE_TO_CHAR_STR
// "RSDTtXZxKWPNn" adds `x` (dead) and `n` (new) to the letters. Also a chunk's cut point
// (chunk-cut.ts): a task line and its trace stay in one chunk.
const OLD_TASK = /^(\S.{0,14}?)\s+([RSDTtXxZPIKWNn])(?:\s+[0-9a-f]{8,16}|\s+running(?: task)?)?\s*(\d+)\s+(\d+)\s+(\d+)(?:\s+\d+)?\s+0x[0-9a-f]+\s*$/;
/** How far a Call Trace may be from its task line (old kernels printed raw stack words between). */
const MAX_GAP = 40;
const linuxHungTaskParser = {
    format: 'linux-hung-task',
    matches(text) {
        return /INFO: task |task:|Call Trace|Call trace|Backtrace:/.test(text);
    },
    parse(text) {
        return parseHungTaskLines((0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .splitLines */ .uz)(text));
    },
};
/** Every task dump in the clean lines. */
function parseHungTaskLines(lines) {
    const threads = [];
    let hung;
    let task;
    let taskLine = 0;
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i].trim();
        const h = line.startsWith('INFO: task ') ? HUNG.exec(line) : null;
        if (h) {
            hung = { comm: h[1], pid: Number(h[2]) };
            task = undefined;
            continue;
        }
        const next = taskOf(line, hung);
        if (next) {
            task = next;
            taskLine = i;
            if (next.format === 'linux-hung-task')
                hung = undefined;
            continue;
        }
        if (task && i - taskLine > MAX_GAP)
            task = undefined;
        // 32-bit ARM prints the frames right after the task line (or a `Workqueue:` line), no header.
        const headerless = task !== undefined && !_linux_call_trace_js__WEBPACK_IMPORTED_MODULE_1__/* .CALL_TRACE */ .fu.test(line) && line.includes(' from ') && (0,_linux_call_trace_js__WEBPACK_IMPORTED_MODULE_1__/* .isFrameLine */ .aw)(line);
        if (task && (_linux_call_trace_js__WEBPACK_IMPORTED_MODULE_1__/* .CALL_TRACE */ .fu.test(line) || headerless)) {
            const trace = (0,_linux_call_trace_js__WEBPACK_IMPORTED_MODULE_1__/* .readCallTrace */ .i5)(lines, headerless ? i - 1 : i);
            task.frames = trace.frames;
            threads.push(task);
            task = undefined;
            i = trace.end - 1;
        }
    }
    return threads;
}
/** The task a sched_show_task() line names (either era's form), or undefined for any other line. */
function taskLine(line) {
    return taskOf(line, undefined);
}
function taskOf(line, hung) {
    const t = line.startsWith('task:') ? TASK.exec(line) : null;
    if (t) {
        const fields = t[3];
        const pid = (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .toInt */ .RI)(/\bpid:\s*(\d+)/.exec(fields)?.[1]);
        const tgid = (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .toInt */ .RI)(/\btgid:\s*(\d+)/.exec(fields)?.[1]);
        return makeTask(t[1].trimEnd(), t[2], pid, tgid, hung);
    }
    const o = line.includes(' 0x') ? OLD_TASK.exec(line) : null;
    if (o)
        return makeTask(o[1].trimEnd(), o[2], (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .toInt */ .RI)(o[4]), undefined, hung);
    return undefined;
}
function makeTask(comm, state, pid, tgid, hung) {
    const isHung = hung !== undefined && pid === hung.pid;
    const task = { comm, state, frames: [], format: isHung ? 'linux-hung-task' : 'linux-sysrq' };
    if (pid !== undefined) {
        task.pid = tgid ?? pid;
        task.tid = pid;
    }
    // sched_show_task prints at most 15 characters of comm; the INFO line has all of it.
    if (isHung && hung)
        task.comm = hung.comm;
    return task;
}
//# sourceMappingURL=linux-hung-task.js.map

/***/ }),

/***/ 6565:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ parseWatchdogLinuxSample),
/* harmony export */   w: () => (/* binding */ linuxProcStackParser)
/* harmony export */ });
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4052);
/* harmony import */ var _linux_call_trace_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2484);
// Linux `/proc/PID/stack` (and `/proc/PID/task/TID/stack`), plain or framed by the guest watchdog.
//
// Format, from torvalds/linux fs/proc/base.c proc_pid_stack(): one line a frame,
// seq_printf(m, "[<0>] %pB\n", ...): the address is hidden as 0 since 4.16 (older kernels print it),
// %pB (lib/vsprintf.c) is "func+0xoff/0xsize" plus " [module]" for module text. The trace is
// saved with stack_trace_save_tsk(), which skips the scheduler's own frames.
//
// The guest watchdog (docs/guest-protocol.md, "Capture, Linux") prints before each task's lines:
//   @@fg:NONCE:task:PID:TID:STATE:PROGRESS:WCHAN:COMM@@
// STATE is the letter of /proc/PID/task/TID/stat, PROGRESS utime+stime plus finished read/write calls (Thread.cpuTicks), WCHAN /proc/.../wchan
// (`0` when not sleeping), COMM last because it may hold `:`. Samples are framed by
// `@@fg:NONCE:sample:N:begin@@` ... `@@fg:NONCE:sample:N:end@@`.


const STACK_LINE = /^\[<([0-9a-fA-Fx]+)>\] (\? )?(\S+)(?: \[([^\]\s]+)(?: [0-9a-f]+)?\])?\s*$/;
const TASK_MARKER = /^@@fg:([a-z0-9]+):task:(\d+):(\d+):([^:]*):(\d*):([^:]*):(.*)@@\s*$/;
const SAMPLE_BEGIN = /^@@fg:[a-z0-9]+:sample:(\d+):begin@@\s*$/;
const SAMPLE_END = /^@@fg:[a-z0-9]+:sample:(\d+):end@@\s*$/;
const PROC_PATH = /\/proc\/(\d+)(?:\/task\/(\d+))?\/stack\b/;
const LOCKDEP_CHAIN_ENTRY = /^-> #\d+ .*:$/;
/** A frame line as the kernel's log has it: printk's "[%5lu.%06lu]" (and caller id) right before `[<`. */
const PRINTK_STAMPED_FRAME = /\[\s*\d+\.\d+\](?:\[\s*[TC]\d+\])?\s+\[</;
/**
 * Lines inside a `Call Trace:` block that are no frame: register lines, `Code:`, the stack marks
 * (`<IRQ>`, `</TASK>`; 3.x print_trace_stack() printed " <%s> " of `<EOE>` and `#DB`, so `<<EOE>>`, `<#DB>`).
 */
const TRACE_BODY = /^(?:RIP|RSP|RAX|RDX|RBP|R\d\d|Code|<{1,2}\/?#?\w+>)/;
/**
 * Older kernels ended a saved trace with ULONG_MAX, and proc_pid_stack() printed it like a frame:
 * `[<ffffffffffffffff>] 0xffffffffffffffff` (`[<0>] 0xffffffffffffffff` once addresses were
 * hidden). It marks the end of the stack; it is no frame.
 */
const END_MARKER = /^0x(?:ffffffff){1,2}$/i;
/** One trimmed line as a /proc stack frame, or undefined. */
function parseStackLine(line) {
    const m = STACK_LINE.exec(line);
    if (!m || END_MARKER.test(m[3]))
        return undefined;
    const frame = (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .parseSymbol */ .aS)(m[3]);
    if (!frame)
        return undefined;
    if (!/^0+$/.test(m[1]))
        frame.address = m[1];
    if (m[4] !== undefined)
        frame.module = m[4];
    return frame;
}
/**
 * Parse framed watchdog captures (or plain stack files) into threads. `sample` tags every thread
 * when the text is one sample; otherwise the sample markers in the text decide.
 */
function parseAll(text, sample) {
    const threads = [];
    let current;
    let currentSample = sample;
    let pendingPath;
    /** The current thread came from a watchdog task marker. */
    let framed = false;
    /**
     * Inside a console `Call Trace:` block: before 4.x its frames look like /proc/PID/stack lines
     * (`[<ffffffff81234567>] func+0x12/0x34`), but they belong to the task dump (linux-hung-task.ts).
     */
    let inCallTrace = false;
    /**
     * The previous line ended in ` at:` (`Preemption disabled at:`, kernel/sched/core.c
     * __schedule_bug() and __might_resched(), then print_ip_sym()'s `[<addr>] func+0x../0x..`) or
     * was a lockdep chain entry (`-> #1 (lock){...}:`, kernel/locking/lockdep.c
     * print_circular_bug_entry(), then the lock's trace, `[<addr>] func` before 4.x): those frames
     * belong to the message, they are no /proc stack.
     */
    let afterAt = false;
    const lines = (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .splitLines */ .uz)(text);
    // The raw lines, when they line up with the clean ones, to see the printk time a frame carried.
    const raws = text.split('\n');
    const aligned = raws.length === lines.length;
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i].trim();
        const c = line.charCodeAt(0);
        // Neither a marker (`@@fg:`), a frame (`[<`), a header naming a /proc path, nor a Call Trace
        // header: it only ends what came before.
        if (c !== 64 && c !== 91 && c !== 67 && !line.includes('/proc/')) {
            if (framed)
                continue;
            if (inCallTrace && !TRACE_BODY.test(line))
                inCallTrace = false;
            pendingPath = undefined;
            current = undefined;
            afterAt = line.endsWith(' at:') || LOCKDEP_CHAIN_ENTRY.test(line);
            continue;
        }
        // A watchdog marker is the guest's own output: whatever kernel report came before is over.
        if (c === 64) {
            inCallTrace = false;
            afterAt = false;
        }
        const begin = SAMPLE_BEGIN.exec(line);
        if (begin) {
            currentSample = sample ?? Number(begin[1]);
            current = undefined;
            framed = false;
            continue;
        }
        if (SAMPLE_END.test(line)) {
            currentSample = sample;
            current = undefined;
            framed = false;
            continue;
        }
        const task = TASK_MARKER.exec(line);
        if (task) {
            current = {
                pid: (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .toInt */ .RI)(task[2]),
                tid: (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .toInt */ .RI)(task[3]),
                comm: task[7],
                frames: [],
                format: 'linux-proc-stack',
            };
            if (task[4] !== '')
                current.state = task[4];
            const ticks = (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .toInt */ .RI)(task[5]);
            if (ticks !== undefined)
                current.cpuTicks = ticks;
            if (task[6] !== '' && task[6] !== '0')
                current.wchan = task[6];
            if (currentSample !== undefined)
                current.sample = currentSample;
            threads.push(current);
            framed = true;
            continue;
        }
        if (line.startsWith('@@fg:')) {
            // Any other marker (test end, command end) closes the capture.
            current = undefined;
            framed = false;
            continue;
        }
        if (!framed && _linux_call_trace_js__WEBPACK_IMPORTED_MODULE_1__/* .CALL_TRACE */ .fu.test(line)) {
            inCallTrace = true;
            current = undefined;
            continue;
        }
        const frame = parseStackLine(line);
        // A run of frames under such a line is skipped to its end; any other line ends the run. A frame
        // the kernel's log printed (a printk time right before it) is a report's trace, whose header
        // lies above the text (a quote cut mid-trace), never a /proc stack file.
        if (frame && (inCallTrace || (afterAt && !current)))
            continue;
        if (frame && !framed && !current && aligned && PRINTK_STAMPED_FRAME.test(raws[i])) {
            inCallTrace = true;
            continue;
        }
        afterAt = false;
        if (inCallTrace && !TRACE_BODY.test(line))
            inCallTrace = false;
        if (frame) {
            if (!current) {
                current = { comm: '', frames: [], format: 'linux-proc-stack' };
                if (pendingPath?.pid !== undefined)
                    current.pid = pendingPath.pid;
                if (pendingPath?.tid !== undefined)
                    current.tid = pendingPath.tid;
                if (currentSample !== undefined)
                    current.sample = currentSample;
                threads.push(current);
            }
            current.frames.push(frame);
            continue;
        }
        // A framed task runs to the next marker: kernel messages may interleave on the console.
        if (framed)
            continue;
        // A line naming the file (`==> /proc/123/stack <==`, `/proc/123/task/124/stack:`) starts a
        // new plain thread; any other line ends the current plain one.
        const path = PROC_PATH.exec(line);
        pendingPath = path ? { pid: (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .toInt */ .RI)(path[1]), tid: (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .toInt */ .RI)(path[2] ?? path[1]) } : undefined;
        current = undefined;
    }
    return threads;
}
/** One watchdog sample (the text between its begin and end markers, or a whole capture). */
function parseWatchdogLinuxSample(text, sample) {
    return parseAll(text, sample);
}
const linuxProcStackParser = {
    format: 'linux-proc-stack',
    matches(text) {
        return text.includes('[<') || text.includes('@@fg:');
    },
    parse(text) {
        return parseAll(text);
    },
};
//# sourceMappingURL=linux-proc-stack.js.map

/***/ }),

/***/ 2592:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ REPORT_HINT),
/* harmony export */   Y: () => (/* binding */ LINUX_REPORT_KINDS)
/* harmony export */ });
/* harmony import */ var _crash_title_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7902);
// What starts a Linux crash report and how it is titled, as a table (syzkaller pkg/report linux.go
// `linuxOopses` carries the same facts). The first line of a console log that matches a kind starts
// the report; the kind's `title` gives the part before ` in FUNC`. Format strings, torvalds/linux:
// - mm/kasan/report.c print_error_description(): "BUG: KASAN: %s in %pS", then "%s of size %zu at addr";
// - mm/kmsan/report.c, kernel/kcsan/report.c: "BUG: KMSAN: %s in %pS", "BUG: KCSAN: %s in %pS / %pS";
// - arch/x86/mm/fault.c show_fault_oops(): "BUG: kernel NULL pointer dereference, address: %px",
//   "BUG: unable to handle page fault for address: %px" (older: "BUG: unable to handle kernel paging request at");
// - arch/x86/kernel/traps.c: "general protection fault, probably for non-canonical address 0x%lx",
//   die("general protection fault"), "divide error", "invalid opcode", "stack segment";
//   6.x prefixes die()'s string with "Oops: ";
// - kernel/watchdog.c: "BUG: soft lockup - CPU#%d stuck for %us! [%s:%d]" (pr_emerg, "watchdog: " pr_fmt);
// - kernel/rcu/tree_stall.h: "INFO: %s self-detected stall on CPU" / "INFO: %s detected stalls on CPUs/tasks:"
//   (pr_fmt "rcu: " since 5.x);
// - kernel/panic.c __warn(): "WARNING: CPU: %d PID: %d at %pS\n" (file:line then func before 4.x:
//   "WARNING: at %s:%d %pS()"); lib/ubsan.c ubsan_prologue(): "UBSAN: %s in %s:%d:%d";
// - lib/bug.c report_bug(): "kernel BUG at %s:%u!"; kernel/locking/lockdep.c: "WARNING: possible circular
//   locking dependency detected" ... "is trying to acquire lock:" ... "at: %pS";
// - arch/arm64/mm/fault.c die_kernel_fault(): "Unable to handle kernel %s at virtual address %016lx";
// - kernel/panic.c panic(): "Kernel panic - not syncing: %s".

function access(following) {
    for (const l of following.slice(0, 12)) {
        const m = /\b(Read|Write) (?:of size|at addr)/.exec(l);
        if (m)
            return ` ${m[1]}`;
    }
    return '';
}
const LINUX_REPORT_KINDS = [
    {
        start: /\bBUG: KASAN: double-free(?: or invalid-free)? in ([\w.]+)/,
        title: () => 'KASAN: invalid-free',
        headerFunc: 1,
        func: 'stack',
    },
    {
        start: /\bBUG: KASAN: ([a-z-]+) in ([\w.]+)/,
        title: (m, f) => `KASAN: ${m[1]}${access(f)}`,
        headerFunc: 2,
        func: 'stack',
    },
    {
        start: /\bBUG: KMSAN: ([a-z-]+) in ([\w.]+)/,
        title: (m) => `KMSAN: ${m[1]}`,
        headerFunc: 2,
        func: 'stack',
    },
    {
        start: /\bBUG: KCSAN: ([a-z-]+) in ([\w.]+)/,
        title: (m) => `KCSAN: ${m[1]}`,
        headerFunc: 2,
        func: 'stack',
    },
    // mm/kfence/report.c kfence_report_error(): "BUG: KFENCE: %s %s in %pS" (the kind, read/write), and
    // kinds of two words with no access: "memory corruption in %pS", "invalid free in %pS".
    {
        start: /\bBUG: KFENCE: ([a-z-]+(?: [a-z]+)*?)(?: (read|write))? in ([\w.]+)/,
        title: (m) => `KFENCE: ${m[1]}${m[2] ? ` ${m[2] === 'read' ? 'Read' : 'Write'}` : ''}`,
        headerFunc: 3,
        func: 'stack',
    },
    {
        start: /\bBUG: (?:unable to handle kernel paging request|unable to handle page fault for address|Unable to handle kernel data access)/,
        title: () => 'BUG: unable to handle kernel paging request',
        func: 'stack',
    },
    {
        start: /\bBUG: (?:unable to handle kernel NULL pointer dereference|kernel NULL pointer dereference|Kernel NULL pointer dereference)/,
        title: () => 'BUG: unable to handle kernel NULL pointer dereference',
        func: 'stack',
    },
    { start: /\bBUG: soft lockup\b/, title: () => 'BUG: soft lockup', func: 'stall' },
    // kernel/watchdog_perf.c / watchdog_buddy.c: "Watchdog detected hard LOCKUP on cpu %d"
    { start: /\bWatchdog detected hard LOCKUP on cpu\b/, title: () => 'BUG: hard lockup', func: 'stall' },
    {
        start: /\bBUG: (Bad page state|Bad page map|Bad rss-counter state|workqueue lockup)\b/,
        title: (m) => `BUG: ${m[1]}`,
        func: 'none',
    },
    // Any other "BUG: MESSAGE", up to where its variable part starts: kernel/sched/core.c "BUG: sleeping
    // function called from invalid context at %s:%d", "BUG: scheduling while atomic: %s/%d/0x%08x";
    // kernel/locking/spinlock_debug.c "BUG: spinlock %s on CPU#%d, %s/%d"; lib/smp_processor_id.c "BUG: using
    // %s%s() in preemptible [%08x] code: %s/%d"; arch/x86/kernel/traps.c "BUG: %s stack guard page was hit at".
    {
        start: /^(?:[\w-]+: )?BUG: (.+?)(?= at | on CPU|[:,!]|$)/,
        title: (m) => `BUG: ${(0,_crash_title_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeMessage */ .H)(m[1])}`,
        func: 'stack',
    },
    { start: /^(?:Oops: )?general protection fault\b/, title: () => 'general protection fault', func: 'stack' },
    {
        start: /^(?:Oops: )?(divide error|invalid opcode|stack segment)\b/,
        title: (m) => (m[1] === 'stack segment' ? 'stack segment fault' : m[1]),
        func: 'stack',
    },
    // traps.c's pr_fmt "traps: " (5.x+) comes before its pr_emerg("PANIC: double fault, error_code: 0x%lx").
    { start: /^(?:traps: )?PANIC: double fault\b/, title: () => 'PANIC: double fault', func: 'stack' },
    { start: /^kernel BUG at \S+/, title: () => 'kernel BUG', func: 'stack' },
    {
        start: /^(?:\[ )?(?:WARNING|INFO): (possible circular locking dependency|possible recursive locking|possible irq lock inversion dependency|SOFTIRQ-safe -> SOFTIRQ-unsafe lock order|inconsistent lock state)/,
        title: (m) => (m[1] === 'inconsistent lock state' ? 'inconsistent lock state' : 'possible deadlock'),
        func: 'lock',
    },
    {
        start: /^WARNING: (?:CPU: \d+ PID: \d+ )?(?:at )?\S+?:\d+ (?:at )?([A-Za-z_][\w.]*)(?:\+0x|\(\))/,
        title: () => 'WARNING',
        headerFunc: 1,
        func: 'stack',
    },
    { start: /^WARNING: (?:CPU: \d+ PID: \d+ )?at /, title: () => 'WARNING', func: 'stack' },
    {
        start: /^WARNING: (held lock freed|bad unlock balance detected|lock held when returning to user space|suspicious RCU usage)!?/,
        title: (m) => `WARNING: ${m[1]}`,
        func: 'stack',
    },
    {
        start: /^WARNING: (\S.*?)\s*$/,
        title: (m) => `WARNING: ${(0,_crash_title_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeMessage */ .H)(m[1])}`,
        func: 'stack',
    },
    {
        start: /^(?:rcu: )?INFO: rcu_(?:preempt|sched|bh|tasks) (?:self-)?detected(?: expedited)? stall/,
        title: () => 'INFO: rcu detected stall',
        func: 'stall',
    },
    {
        start: /^UBSAN: (Undefined behaviour|[\w-]+) in /,
        title: (m) => `UBSAN: ${m[1] === 'Undefined behaviour' ? 'undefined-behaviour' : m[1]}`,
        func: 'stack',
    },
    {
        start: /^Unable to handle kernel (paging request|NULL pointer dereference|execute from non-executable memory|read from unreadable memory|write to read-only memory|access to user memory outside uaccess routines)\b/,
        // The same bug kinds as x86's "BUG: unable to handle ..." (syzkaller titles both alike).
        title: (m) => m[1] === 'paging request' || m[1] === 'NULL pointer dereference'
            ? `BUG: unable to handle kernel ${m[1]}`
            : `unable to handle kernel ${m[1]}`,
        func: 'stack',
    },
    // arch/arm64/kernel/traps.c and arch/arm/kernel/traps.c die() -> __die(): "Internal error: %s: %x [#%d]"
    // (`Oops`, `Oops - BUG`, `Oops - Undefined instruction`, `synchronous external abort`...), which follows
    // "Unable to handle kernel ..." for a bad access and stands alone for the rest; syzkaller titles all of
    // them "Internal error in FUNC".
    { start: /^Internal error: ([^:]+): /, title: () => 'Internal error', func: 'stack' },
    {
        start: /^Kernel panic - not syncing: (.*?)\s*$/,
        title: (m) => `panic: ${(0,_crash_title_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeMessage */ .H)(m[1])}`,
        func: 'none',
        panic: true,
    },
];
/** Any line that might start a report (cheap test before the table). */
const REPORT_HINT = /BUG|WARNING: |INFO: rcu|INFO: (?:possible|inconsistent|SOFTIRQ)|protection fault|Kernel panic - not syncing|divide error|invalid opcode|stack segment|double fault|UBSAN: |Unable to handle kernel|hard LOCKUP|Internal error: /;
//# sourceMappingURL=linux-report-kinds.js.map

/***/ }),

/***/ 2428:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Pr: () => (/* binding */ hangTitle),
/* harmony export */   UV: () => (/* binding */ blockedThreads),
/* harmony export */   c$: () => (/* binding */ pickHungThread),
/* harmony export */   c0: () => (/* binding */ panicSignature),
/* harmony export */   lT: () => (/* binding */ isBlocked),
/* harmony export */   yK: () => (/* binding */ signatureOf)
/* harmony export */ });
/* unused harmony export hangFrames */
/* harmony import */ var _frame_classes_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(926);
/* harmony import */ var _parsers_common_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4052);
/* harmony import */ var _crash_title_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(7902);
// Naming a hang (or a panic) with a stable title, in the spirit of syzkaller's report titles:
// skip the sleep and lock machinery, take the first remaining frame as where the thread waits,
// and the first FUSE (else file-system/VM) frame below it as where that wait came from.
// Offsets, addresses and numbers are never part of a title, so the same bug gets the same title
// on every build.




/** The thread's function names; frames without a symbol (`??`, bare addresses) name nothing. */
function names(t) {
    return t.frames.filter((f) => (0,_parsers_common_js__WEBPACK_IMPORTED_MODULE_1__/* .isNamed */ .ev)(f.fn)).map((f) => (0,_parsers_common_js__WEBPACK_IMPORTED_MODULE_1__/* .baseName */ .Fl)(f.fn));
}
function sleepKind(fns) {
    if (fns.some(_frame_classes_js__WEBPACK_IMPORTED_MODULE_0__/* .isInterruptibleSleep */ .XS))
        return 'interruptible';
    if (fns.some(_frame_classes_js__WEBPACK_IMPORTED_MODULE_0__/* .isUninterruptibleSleep */ .Mt))
        return 'uninterruptible';
    return 'unknown';
}
/**
 * Is this thread stuck in the kernel in a way that can make a test hang?
 * - `D` (uninterruptible) state: yes. Running, zombie, stopped or idle (`R Z X T t`): no.
 * - waiting for a FUSE answer (fticket_wait_answer / request_wait_answer): yes, even though
 *   that sleep is interruptible.
 * - the FUSE daemon reading /dev/fuse: never (that is its idle state); a panicking thread: never.
 * - no state printed (procstat, ddb): FreeBSD sleep-queue frames decide: `sleepq_wait` (no
 *   PCATCH) in file-system/VM code is blocked, `sleepq_wait_sig`/`sleepq_catch_signals` is not.
 *   A Linux /proc/PID/stack (no scheduler frames) counts when it is in FUSE code.
 */
function isBlocked(t) {
    if (t.frames.length === 0)
        return false;
    // A panicking thread is not asleep: the panic is its own verdict.
    if (t.format === 'freebsd-panic' || t.format === 'linux-panic')
        return false;
    const fns = names(t);
    if (fns.some(_frame_classes_js__WEBPACK_IMPORTED_MODULE_0__/* .isFuseDaemonRead */ .IL))
        return false;
    const state = t.state?.charAt(0);
    if (state === 'D')
        return true;
    if (state !== undefined && 'RZXTt'.includes(state))
        return false;
    if (fns.some(_frame_classes_js__WEBPACK_IMPORTED_MODULE_0__/* .isFuseRequestWait */ .Uj))
        return true;
    if (state === 'S' || state === 'I')
        return false;
    const kind = sleepKind(fns);
    if (kind === 'interruptible')
        return false;
    if (kind === 'uninterruptible')
        return fns.some(_frame_classes_js__WEBPACK_IMPORTED_MODULE_0__/* .isFsVm */ .Hk);
    return fns.some(_frame_classes_js__WEBPACK_IMPORTED_MODULE_0__/* .isFuse */ .k5);
}
/** Uninterruptible for sure: `D`, or a FreeBSD sleep without PCATCH. */
function isUninterruptible(t) {
    if (t.state !== undefined)
        return t.state.charAt(0) === 'D';
    return sleepKind(names(t)) === 'uninterruptible';
}
function blockedThreads(threads) {
    return threads.filter(isBlocked);
}
function inFocus(t, focus) {
    if (!focus)
        return false;
    if (t.pid !== undefined && focus.pids?.includes(t.pid))
        return true;
    return focus.comms?.includes(t.comm) ?? false;
}
/**
 * "The" hung thread: among the blocked ones, prefer the test's own threads, then
 * uninterruptible sleepers, then threads in FUSE code, then file-system/VM code; the first
 * captured wins a tie.
 */
function pickHungThread(threads, focus) {
    let best;
    let bestScore = -1;
    for (const t of threads) {
        if (!isBlocked(t))
            continue;
        const fns = names(t);
        const score = (inFocus(t, focus) ? 8 : 0) +
            (isUninterruptible(t) ? 4 : 0) +
            (fns.some(_frame_classes_js__WEBPACK_IMPORTED_MODULE_0__/* .isFuse */ .k5) ? 2 : 0) +
            (fns.some(_frame_classes_js__WEBPACK_IMPORTED_MODULE_0__/* .isFsVm */ .Hk) ? 1 : 0);
        if (score > bestScore) {
            best = t;
            bestScore = score;
        }
    }
    return best;
}
/** Where a thread waits, and where that wait was called from. */
function hangFrames(t) {
    const fns = names(t);
    if (fns.length === 0)
        return undefined;
    let at = fns.findIndex((fn) => !(0,_frame_classes_js__WEBPACK_IMPORTED_MODULE_0__/* .isSleepOrLock */ .qz)(fn));
    if (at < 0)
        return { where: fns[0] };
    // A static `_name` helper called by its `name` wrapper (FreeBSD `_vm_page_busy_sleep` under
    // `vm_page_busy_sleep`) is named after the wrapper: the title stays the same whether or not
    // the compiler inlined the helper.
    while (at + 1 < fns.length && fns[at].replace(/^_+/, '') === fns[at + 1])
        at++;
    const where = fns[at];
    const below = fns.slice(at + 1).filter((fn) => !(0,_frame_classes_js__WEBPACK_IMPORTED_MODULE_0__/* .isSleepOrLock */ .qz)(fn));
    let from = below.find((fn) => (0,_frame_classes_js__WEBPACK_IMPORTED_MODULE_0__/* .isFuse */ .k5)(fn) && !(0,_frame_classes_js__WEBPACK_IMPORTED_MODULE_0__/* .isFuseIpc */ .A8)(fn) && !(0,_frame_classes_js__WEBPACK_IMPORTED_MODULE_0__/* .isFuseDaemonRead */ .IL)(fn));
    if (from === undefined && !(0,_frame_classes_js__WEBPACK_IMPORTED_MODULE_0__/* .isFuse */ .k5)(where)) {
        // Waiting in a generic wait (a page bit, a completion): the caller that matters is the first
        // frame below that is not waiting machinery itself (syzkaller linuxHangTaskFrameExtractor);
        // the lock-and-sync anchors (rtnl_lock, synchronize_rcu) name whole families of hangs.
        const anchor = below.find(isHangAnchor);
        if (isGenericWait(where))
            from = anchor ?? below.find((fn) => !isGenericWait(fn) && family(fn) !== family(where));
        else
            from = below.find((fn) => (0,_frame_classes_js__WEBPACK_IMPORTED_MODULE_0__/* .isFsVm */ .Hk)(fn) && family(fn) !== family(where));
    }
    return from === undefined ? { where } : { where, from };
}
/** Generic waiting functions (substrings, as syzkaller's hang skip list): never the caller that matters. */
const GENERIC_WAIT = [
    'sched',
    '_lock',
    '_slowlock',
    'down',
    'completion',
    'kthread',
    'wait',
    'synchronize',
    'context_switch',
    '__switch_to',
    'cancel_delayed_work',
    // kernel/workqueue.c: waiting for a work item or a whole queue to finish, as a completion is.
    'flush_work',
    'flush_delayed_work',
    'cancel_work_sync',
    'drain_workqueue',
];
function isGenericWait(fn) {
    return GENERIC_WAIT.some((s) => fn.includes(s));
}
/** Functions a whole family of hangs waits behind (the global RTNL, an RCU grace period). */
function isHangAnchor(fn) {
    return fn === 'rtnl_lock' || /^synchronize_(?:rcu|srcu|net|sched)/.test(fn);
}
/** `vm_page_busy_sleep` -> `vm`, `VOP_WRITE_APV` -> `VOP`: one subsystem's naming prefix. */
function family(fn) {
    const m = /^_*([A-Za-z0-9]+)_/.exec(fn);
    return m ? m[1] : fn;
}
/** `hang in WHERE from FROM` for one thread. */
function hangTitle(t) {
    const hf = hangFrames(t);
    if (!hf)
        return undefined;
    return hf.from === undefined ? `hang in ${hf.where}` : `hang in ${hf.where} from ${hf.from}`;
}
/** The signature of a hang from the captured threads; undefined when no thread is blocked. */
function signatureOf(threads, focus) {
    const t = pickHungThread(threads, focus);
    return t ? hangTitle(t) : undefined;
}
/**
 * A crash's title: the parser's syzkaller-style title (kind and function) when it made one, else
 * `panic: <message>`, normalized.
 */
function panicSignature(panic) {
    return panic.title ?? `panic: ${(0,_crash_title_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeMessage */ .H)(panic.message)}`;
}
//# sourceMappingURL=signature.js.map

/***/ }),

/***/ 5612:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Ll: () => (/* binding */ extractPanic),
  Hf: () => (/* binding */ parseStacks),
  GK: () => (/* binding */ threadKey)
});

// UNUSED EXPORTS: PARSERS

// EXTERNAL MODULE: ./.build/src/report/parsers/freebsd-ddb.js
var freebsd_ddb = __nccwpck_require__(8281);
// EXTERNAL MODULE: ./.build/src/report/parsers/freebsd-panic.js
var freebsd_panic = __nccwpck_require__(2600);
// EXTERNAL MODULE: ./.build/src/report/parsers/freebsd-procstat.js
var freebsd_procstat = __nccwpck_require__(7069);
// EXTERNAL MODULE: ./.build/src/report/parsers/linux-hung-task.js
var linux_hung_task = __nccwpck_require__(412);
// EXTERNAL MODULE: ./.build/src/report/crash-title.js
var crash_title = __nccwpck_require__(7902);
// EXTERNAL MODULE: ./.build/src/report/frame-classes.js
var frame_classes = __nccwpck_require__(926);
// EXTERNAL MODULE: ./.build/src/report/signature.js
var signature = __nccwpck_require__(2428);
// EXTERNAL MODULE: ./.build/src/report/parsers/common.js
var common = __nccwpck_require__(4052);
// EXTERNAL MODULE: ./.build/src/report/parsers/linux-call-trace.js
var linux_call_trace = __nccwpck_require__(2484);
// EXTERNAL MODULE: ./.build/src/report/parsers/linux-report-kinds.js
var linux_report_kinds = __nccwpck_require__(2592);
;// CONCATENATED MODULE: ./.build/src/report/parsers/linux-panic.js
// Linux crash reports on the console: oopses, KASAN/UBSAN/KMSAN reports, WARNINGs, soft lockups, RCU
// stalls, and kernel panics, each with the crashing task's stack and a syzkaller-style title
// (`general protection fault in udp_close`). The first report in the text is the one that counts
// (a `Kernel panic - not syncing: Fatal exception` after an oops is that oops's consequence), as in
// syzkaller pkg/report. What starts a report is a table: linux-report-kinds.ts.
//
// Around the header, from torvalds/linux:
// - lib/dump_stack.c dump_stack_print_info(): "CPU: %d UID: %u PID: %d Comm: %.20s %s%s %s %.*s"
//   (UID since 6.10; before 4.x "Pid: %d, comm: %.20s"), then "Hardware name: ...", then the Call Trace
//   block (linux-call-trace.ts);
// - arch/x86/kernel/process_64.c __show_regs() / dumpstack.c show_ip(): "RIP: %04x:%pS" (before 4.x
//   "RIP: [<%016lx>] %pS" or "IP: [<...>] %pS"); i386 "EIP: %pS" (before 4.x "EIP is at %pS"); arm64
//   __show_regs(): "pc : %pS"; riscv arch/riscv/kernel/process.c show_regs(): "epc : %pS" (5.10 printed
//   "epc: " REG_FMT, a bare address);
//   arch/powerpc/kernel/process.c show_regs(): "NIP [%016lx] %pS".
// - kernel/panic.c panic(): "Kernel panic - not syncing: %s", its own dump_stack() unless an oops printed
//   one, and "---[ end Kernel panic - not syncing: %s ]---".
// - kernel/hung_task.c: with hung_task_panic, panic("hung_task: blocked tasks") follows the hung task's
//   report; the hung task names the bug, not the panic.







const CPU_LINE = /^CPU: (\d+) (?:UID: \d+ )?PID: (\d+) Comm: (.*?) (?:Not tainted|Tainted:)/;
const OLD_PID_LINE = /^Pid: (?<pid>\d+), comm: (?<comm>\S+)/;
/** arm and arm64 __die() before 5.x: "Process %.*s (pid: %d, stack limit = 0x%p)" (arch/arm/kernel/traps.c, arch/arm64/kernel/traps.c). */
const PROCESS_LINE = /^Process (?<comm>.+?) \(pid: (?<pid>\d+), stack limit = /;
const PC_LINE = /^(?:RIP|EIP is at|EIP|NIP|IP|pc|PC is at|epc)\s?:? ?(?:[0-9a-f]{4}:)?(?:\[<?[0-9a-f]+>?\]\s*)?(?:\[<[0-9a-f]+>\]\s*)?([A-Za-z_][\w.]*\+0x[0-9a-fA-F]+(?:\/0x[0-9a-fA-F]+)?)/;
const LOCK_AT = / at: (?:\[<[0-9a-f]+>\]\s*)?([A-Za-z_][\w.]*)\+0x/;
const TRYING = /is trying to acquire|just changed the state of lock|takes:|is trying to release/;
const END_TRACE = /^---\[ end trace/;
const PANIC_LINE = /^Kernel panic - not syncing: (.*?)\s*$/;
/** How many lines a report's parts (pc, trace) may be from its header. */
const REPORT_SPAN = 300;
/** The first report start in the lines: where and which kind. */
function findStart(lines) {
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i].trim();
        if (!linux_report_kinds/* REPORT_HINT */.R.test(line))
            continue;
        for (const kind of linux_report_kinds/* LINUX_REPORT_KINDS */.Y) {
            const m = kind.start.exec(line);
            if (m)
                return ownHeader(lines, i, kind, m);
        }
    }
    return undefined;
}
/**
 * A symbolized header (scripts/decode_stacktrace.sh, syzbot) is printed once per function inlined
 * at its pc, innermost first, each but the last ending in `[inline]`: the last one is the header
 * the kernel printed, naming the function the pc is really in.
 */
function ownHeader(lines, at, kind, m) {
    let i = at;
    let match = m;
    while (lines[i].trimEnd().endsWith(' [inline]') && i + 1 < lines.length) {
        const next = kind.start.exec(lines[i + 1].trim());
        if (!next)
            break;
        i++;
        match = next;
    }
    return { at: i, kind, m: match };
}
/** The crashing task's CPU line, pc and first Call Trace after the header. */
function readParts(lines, at, wantLock) {
    const parts = { frames: [], tracePcs: [], comm: '' };
    let sawTrying = false;
    let traced = false;
    const end = Math.min(lines.length, at + REPORT_SPAN);
    for (let i = Math.max(0, at - 3); i < end; i++) {
        const line = lines[i].trim();
        if (i > at && END_TRACE.test(line))
            break;
        const cpu = CPU_LINE.exec(line);
        if (cpu && parts.cpu === undefined && !traced) {
            parts.cpu = Number(cpu[1]);
            parts.pid = (0,common/* toInt */.RI)(cpu[2]);
            parts.comm = cpu[3];
            continue;
        }
        const old = (OLD_PID_LINE.exec(line) ?? PROCESS_LINE.exec(line))?.groups;
        if (old && parts.pid === undefined) {
            parts.pid = (0,common/* toInt */.RI)(old.pid);
            parts.comm = old.comm;
            continue;
        }
        // An RCU stall names the stalled CPU's task in "Task dump for CPU %d:" and a sched_show_task() line
        // (kernel/rcu/tree_stall.h rcu_dump_cpu_stacks() -> dump_cpu_task(), kernel/sched/core.c).
        if (parts.pid === undefined &&
            i > at &&
            /^Task dump for CPU \d+:/.test(lines[i - 1].trim())) {
            const task = (0,linux_hung_task/* taskLine */.er)(line);
            if (task?.pid !== undefined) {
                parts.pid = task.pid;
                parts.comm = task.comm;
                continue;
            }
        }
        if (i < at)
            continue;
        if (wantLock && parts.lockFn === undefined) {
            if (TRYING.test(line))
                sawTrying = true;
            const lock = sawTrying ? LOCK_AT.exec(line) : null;
            if (lock)
                parts.lockFn = lock[1];
        }
        const pc = !traced && parts.pc === undefined ? PC_LINE.exec(line) : null;
        if (pc) {
            const frame = (0,common/* parseSymbol */.aS)(pc[1]);
            if (frame)
                parts.pc = frame;
            continue;
        }
        if (!traced && linux_call_trace/* CALL_TRACE */.fu.test(line)) {
            const trace = (0,linux_call_trace/* readCallTrace */.i5)(lines, i);
            parts.frames = trace.frames;
            parts.tracePcs = trace.pcs;
            traced = true;
            i = trace.end - 1;
            if (!wantLock || parts.lockFn !== undefined)
                break;
        }
    }
    // KMSAN and some KASAN reports print the frames right under the header, without `Call Trace:`.
    if (!traced && at + 1 < lines.length && (0,linux_call_trace/* isFrameLine */.aw)(lines[at + 1])) {
        const trace = (0,linux_call_trace/* readCallTrace */.i5)(lines, at);
        parts.frames = trace.frames;
        parts.tracePcs = trace.pcs;
    }
    return parts;
}
/**
 * A stall is detected from the timer interrupt: the frames of the interrupted code (after the last
 * interrupt-entry frame) say where the CPU was looping; the pc, when printed, is the innermost one.
 */
function interrupted(parts) {
    let last = -1;
    parts.frames.forEach((f, i) => {
        if ((0,frame_classes/* isTimerInterruptEntry */.$E)(f.fn))
            last = i;
    });
    // The interrupted context's registers, printed inside the trace after the interrupt's entry, hold its pc.
    const pc = parts.tracePcs.find((p) => p.before > last)?.frame;
    return [parts.pc, pc, ...parts.frames.slice(last + 1)];
}
/** The first crash report in the clean lines. */
function extractLinuxReport(lines) {
    const start = findStart(lines);
    if (!start)
        return undefined;
    const { at, kind, m } = start;
    const header = lines[at].trim();
    // The message is what panic() printed when the report ended in one (`Fatal exception`), else the header.
    let message = kind.panic ? m[1] : header;
    if (!kind.panic) {
        for (let i = at + 1; i < lines.length && i < at + 3 * REPORT_SPAN; i++) {
            const p = PANIC_LINE.exec(lines[i].trim());
            if (p) {
                message = p[1];
                break;
            }
        }
    }
    const panic = { os: 'linux', message, threads: [] };
    if (kind.panic && /^hung_task: blocked tasks/.test(message)) {
        // The hung task's report came first; it is the bug.
        const hung = (0,signature/* pickHungThread */.c$)((0,linux_hung_task/* parseHungTaskLines */.wH)(lines.slice(Math.max(0, at - 2000), at)));
        const title = hung ? (0,signature/* hangTitle */.Pr)(hung) : undefined;
        if (hung)
            panic.threads.push(hung);
        if (title !== undefined)
            panic.title = title;
        return panic;
    }
    let parts = readParts(lines, at, kind.func === 'lock');
    if (kind.panic && parts.frames.length === 0 && parts.pid === undefined) {
        // After an oops (an unknown kind of one) panic() prints no stack of its own: the oops's dump is the task's.
        // A panic that printed its own task line is that task's, even when the capture ended before its trace.
        for (let i = at - 1; i >= 0 && i > at - REPORT_SPAN; i--) {
            if (CPU_LINE.test(lines[i].trim())) {
                parts = readParts(lines, i, false);
                break;
            }
        }
    }
    const frames = parts.pc && parts.pc.fn !== parts.frames[0]?.fn ? [parts.pc, ...parts.frames] : [...parts.frames];
    const thread = { comm: parts.comm, frames, format: 'linux-panic' };
    if (parts.pid !== undefined) {
        thread.pid = parts.pid;
        thread.tid = parts.pid;
    }
    if (frames.length > 0 || parts.pid !== undefined)
        panic.threads.push(thread);
    if (parts.cpu !== undefined)
        panic.cpu = parts.cpu;
    const headerFn = kind.headerFunc === undefined ? undefined : m[kind.headerFunc];
    let fn;
    if (kind.func === 'stack')
        fn = (0,crash_title/* crashFunction */.MF)([headerFn, ...frames], frame_classes/* isLinuxCrashMachinery */.CW);
    // Only the detector's own frames (the trace was cut before the interrupt): the stall's function is unknown.
    // The pc a stall report prints (the watchdog's show_regs() of the interrupted context, an NMI
    // backtrace's "pc : ") is the innermost frame of the interrupted code.
    else if (kind.func === 'stall')
        fn = (0,crash_title/* crashFunction */.MF)(interrupted(parts), frame_classes/* isStallDetector */.lL, 'none');
    else if (kind.func === 'lock')
        fn = parts.lockFn ?? (0,crash_title/* crashFunction */.MF)(frames, frame_classes/* isLinuxCrashMachinery */.CW);
    panic.title = (0,crash_title/* crashTitle */.cC)(kind.title(m, lines.slice(at + 1, at + 13).map((l) => l.trim())), fn);
    return panic;
}
/** The first panic or crash report in the text: its message, title and the crashing task's stack. */
function extractLinuxPanic(text) {
    return extractLinuxReport((0,common/* splitLines */.uz)(text));
}
const linuxPanicParser = {
    format: 'linux-panic',
    matches(text) {
        return linux_report_kinds/* REPORT_HINT */.R.test(text);
    },
    parse(text) {
        return (extractLinuxPanic(text)?.threads.filter((t) => t.frames.length > 0 && t.format === 'linux-panic') ?? []);
    },
};
//# sourceMappingURL=linux-panic.js.map
// EXTERNAL MODULE: ./.build/src/report/parsers/linux-proc-stack.js
var linux_proc_stack = __nccwpck_require__(6565);
;// CONCATENATED MODULE: ./.build/src/report/stacks.js
// Every stack parser behind one call: text in (a capture, a serial log), threads out.






/** One parser a capture format; adding a format is adding a file and a line here. */
const PARSERS = [
    freebsd_procstat/* freebsdProcstatParser */.j$,
    freebsd_ddb/* freebsdDdbParser */.nx,
    freebsd_panic/* freebsdPanicParser */.g$,
    linux_proc_stack/* linuxProcStackParser */.w,
    linux_hung_task/* linuxHungTaskParser */.Bz,
    linuxPanicParser,
];
/** What makes two parsed threads the same thread with the same stack (for de-duplication). */
function threadKey(t) {
    return JSON.stringify([t.pid, t.tid, t.sample, t.frames.map((f) => [f.fn, f.offset])]);
}
/**
 * Every thread any parser finds in the text, in parser order, without duplicates (the same
 * thread and stack printed twice, e.g. a panic's trace repeated by `bt`); `skip` leaves formats out.
 */
function parseStacks(text, skip) {
    const seen = new Set();
    const out = [];
    for (const parser of PARSERS) {
        if (skip?.includes(parser.format) || !parser.matches(text))
            continue;
        for (const thread of parser.parse(text)) {
            const key = threadKey(thread);
            if (seen.has(key))
                continue;
            seen.add(key);
            out.push(thread);
        }
    }
    return out;
}
/**
 * The first kernel panic in the text, FreeBSD or Linux. A `panic: ` line with neither FreeBSD's
 * `cpuid = N` nor a backtrace after it (a Go program's panic in a Linux log) gives way to a Linux report.
 */
function extractPanic(text) {
    const freebsd = (0,freebsd_panic/* extractFreebsdPanic */.m0)(text);
    if (freebsd && (freebsd.cpu !== undefined || freebsd.threads.some((t) => t.frames.length > 0)))
        return freebsd;
    return extractLinuxPanic(text) ?? freebsd;
}
//# sourceMappingURL=stacks.js.map

/***/ }),

/***/ 5638:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Br: () => (/* binding */ renderSummary),
/* harmony export */   a3: () => (/* binding */ formatDuration)
/* harmony export */ });
/* unused harmony exports cell, inline, code, groupStacks */
/* harmony import */ var _parsers_common_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4052);
/* harmony import */ var _signature_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2428);
// The job summary: one markdown page a person reads first. Deterministic (only what the report
// holds, no clock), bounded (a few blocked threads in full, the rest counted and pointed at the
// stacks file), readable with hundreds of threads.


const VERDICT_BADGE = {
    pass: '✅',
    fail: '❌',
    hang: '⏳',
    panic: '💥',
    error: '⚠️',
};
const STATUS_BADGE = {
    pass: '✅',
    fail: '❌',
    hang: '⏳',
    panic: '💥',
    error: '⚠️',
    skipped: '⏭️',
};
/** `1.234 s`, `2 min 03 s`, `850 ms`. */
/** Lines of the user's server's output in the summary; report.json and fuse-server.log have more. */
const MAX_SERVER_LOG_LINES = 20;
function formatDuration(ms) {
    if (!Number.isFinite(ms) || ms < 0)
        return '?';
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(1)} s`;
    const totalS = Math.round(ms / 1000);
    const min = Math.floor(totalS / 60);
    const s = totalS % 60;
    return `${min} min ${String(s).padStart(2, '0')} s`;
}
/** Text safe inside a table cell: no pipes, no newlines, no HTML. */
function cell(text) {
    return inline(text).replace(/\|/g, '\\|');
}
/** Text safe on one markdown line. */
function inline(text) {
    return text
        .replace(/[\r\n]+/g, ' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .trim();
}
/** Inline code that survives backticks in the text. */
function code(text) {
    const t = text.replace(/[\r\n]+/g, ' ');
    const runs = t.match(/`+/g) ?? [];
    const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
    const pad = t.startsWith('`') || t.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${t}${pad}${fence}`;
}
/** Link errors listed under the build; the rest are in report.json. */
const MAX_LINK_ERRORS = 10;
/** A fenced block that survives fences in the text. */
function codeBlock(text) {
    const runs = text.match(/`{3,}/g) ?? [];
    const fence = '`'.repeat(Math.max(3, ...runs.map((r) => r.length + 1)));
    return `${fence}text\n${text.replace(/\n+$/, '')}\n${fence}`;
}
function threadLabel(t) {
    const parts = [];
    if (t.pid !== undefined)
        parts.push(`pid ${t.pid}`);
    if (t.tid !== undefined && t.tid !== t.pid)
        parts.push(`tid ${t.tid}`);
    parts.push(code(t.comm === '' ? '?' : t.comm));
    if (t.tdname !== undefined)
        parts.push(`(${code(t.tdname)})`);
    const extra = [];
    if (t.state !== undefined)
        extra.push(`state ${code(t.state)}`);
    if (t.wchan !== undefined)
        extra.push(`wchan ${code(t.wchan)}`);
    // FreeBSD's counter is ps's TIME in hundredths of a second plus the context switches
    // (report/parsers/freebsd-procstat.ts).
    if (t.cpuTicks !== undefined)
        extra.push(t.format === 'freebsd-procstat'
            ? `progress ${t.cpuTicks} (CPU 1/100 s + context switches)`
            : `${t.cpuTicks} CPU ticks`);
    extra.push(t.format);
    return `${parts.join(' ')} — ${extra.join(', ')}`;
}
function frameLines(t, maxFrames) {
    const lines = t.frames.slice(0, maxFrames).map((f) => {
        let s = f.fn;
        if (f.offset !== undefined)
            s += `+${f.offset}`;
        if (f.size !== undefined)
            s += `/${f.size}`;
        if (f.module !== undefined)
            s += ` [${f.module}]`;
        if (f.file !== undefined)
            s += ` (${f.file}${f.line !== undefined ? `:${f.line}` : ''})`;
        return s;
    });
    if (t.frames.length > maxFrames)
        lines.push(`... ${t.frames.length - maxFrames} more frames`);
    return lines.join('\n');
}
/** Identity of a stack: its frames, whatever thread or process is in it. */
function stackKey(t) {
    return t.frames.map((f) => (0,_parsers_common_js__WEBPACK_IMPORTED_MODULE_0__/* .baseName */ .Fl)(f.fn)).join(' ');
}
function groupStacks(threads) {
    const groups = new Map();
    for (const t of threads) {
        const key = stackKey(t);
        let g = groups.get(key);
        if (!g) {
            g = { thread: t, threads: [], count: 0, samples: [], ids: new Set() };
            groups.set(key, g);
        }
        const id = t.pid === undefined && t.tid === undefined ? `#${g.threads.length}` : `${t.pid ?? ''}/${t.tid ?? ''}`;
        if (!g.ids.has(id)) {
            g.ids.add(id);
            g.threads.push(t);
            g.count++;
        }
        if (t.sample !== undefined && !g.samples.includes(t.sample))
            g.samples.push(t.sample);
    }
    return [...groups.values()].map(({ ids: _ids, ...g }) => g);
}
/** `pid 2000, 2001, 2002 and 197 more`. */
function pidList(threads, max = 8) {
    const pids = [...new Set(threads.map((t) => t.pid).filter((p) => p !== undefined))];
    if (pids.length === 0)
        return '';
    const shown = pids.slice(0, max).join(', ');
    return `pid ${shown}${pids.length > max ? ` and ${pids.length - max} more` : ''}`;
}
function details(summary, body) {
    return ['<details>', `<summary>${summary}</summary>`, '', ...body, '', '</details>'];
}
function testRow(t) {
    return `| ${cell(t.name)} | ${STATUS_BADGE[t.status]} ${t.status} | ${formatDuration(t.durationMs)} | ${t.iteration} |`;
}
function testsSection(report, maxTests) {
    const out = ['### Tests', ''];
    if (report.tests.length === 0) {
        out.push('No test ran.');
        return out;
    }
    const header = ['| Test | Status | Duration | Iteration |', '| --- | --- | --- | --- |'];
    const quiet = (t) => t.status === 'pass' || t.status === 'skipped';
    const loud = report.tests.filter((t) => !quiet(t));
    const passed = report.tests.filter(quiet);
    // What went wrong stays open; the passing and skipped tests fold away so a long list never hides it.
    if (loud.length > 0) {
        out.push(...header, ...loud.slice(0, maxTests).map(testRow));
        if (loud.length > maxTests)
            out.push('', `_${loud.length - maxTests} more tests not listed; see the JUnit XML._`);
    }
    if (passed.length > 0) {
        const counts = new Map();
        for (const t of passed)
            counts.set(t.status, (counts.get(t.status) ?? 0) + 1);
        const label = [...counts.entries()].map(([st, n]) => `${n} ${st === 'pass' ? 'passed' : st}`).join(', ');
        const rows = passed.slice(0, maxTests).map(testRow);
        if (passed.length > maxTests)
            rows.push('', `_${passed.length - maxTests} more not listed; see the JUnit XML._`);
        if (loud.length === 0)
            out.push(`All ${report.tests.length} test(s): ${label}.`, '');
        out.push(...(loud.length > 0 ? [''] : []), ...details(label, [...header, ...rows]));
    }
    const messages = loud.filter((t) => t.message);
    for (const t of messages.slice(0, 10)) {
        out.push('', `**${inline(t.name)}** (iteration ${t.iteration}): ${inline(t.message ?? '')}`);
    }
    return out;
}
function stacksSection(report, opts) {
    const blocked = (0,_signature_js__WEBPACK_IMPORTED_MODULE_1__/* .blockedThreads */ .UV)(report.threads);
    if (report.verdict !== 'hang' && blocked.length === 0)
        return [];
    const out = ['### Blocked threads', ''];
    if (blocked.length === 0) {
        out.push(report.threads.length === 0
            ? 'No kernel stacks were captured.'
            : `None of the ${report.threads.length} captured threads is blocked in the kernel; all stacks are in ${fileRef(opts)}.`);
        return out;
    }
    const hung = (0,_signature_js__WEBPACK_IMPORTED_MODULE_1__/* .pickHungThread */ .c$)(blocked);
    const groups = groupStacks(hung ? [hung, ...blocked.filter((t) => t !== hung)] : blocked);
    const threadCount = groups.reduce((n, g) => n + g.count, 0);
    const distinct = groups.length === 1 ? 'one stack' : `${groups.length} distinct stacks`;
    out.push(`${threadCount} blocked thread${threadCount === 1 ? '' : 's'} of ${report.threads.length} captured, in ${distinct}.`);
    const shown = groups.slice(0, opts.maxThreads);
    const [first, ...others] = shown.map((g) => stackBlock(g, opts.maxFrames));
    // The hung thread's stack stays open; the others fold away.
    out.push('', ...first);
    if (others.length > 0)
        out.push('', ...details(`${others.length} more distinct stack${others.length === 1 ? '' : 's'}`, others.flatMap((b) => ['', ...b])));
    if (groups.length > shown.length) {
        const n = groups.length - shown.length;
        out.push('', `_${n} more distinct stack${n === 1 ? '' : 's'} in ${fileRef(opts)}._`);
    }
    return out;
}
function stackBlock(g, maxFrames) {
    const title = (0,_signature_js__WEBPACK_IMPORTED_MODULE_1__/* .hangTitle */ .Pr)(g.thread);
    const seen = g.samples.length > 1 ? ` (same stack in samples ${g.samples.join(' and ')})` : '';
    const pids = pidList(g.threads);
    const shared = g.count > 1 ? `<br>**${g.count} threads share this stack**${pids ? ` (${pids})` : ''}` : '';
    return [
        `**${threadLabel(g.thread)}**${seen}${title ? `<br>${code(title)}` : ''}${shared}`,
        '',
        codeBlock(frameLines(g.thread, maxFrames)),
    ];
}
function fileRef(opts) {
    return opts.url ? `[${opts.file}](${opts.url})` : code(opts.file);
}
function panicSection(report) {
    if (!report.panicText)
        return [];
    const lines = report.panicText.split('\n');
    const max = 60;
    const text = lines.length > max
        ? [...lines.slice(0, max), `... ${lines.length - max} more lines in the serial log`].join('\n')
        : report.panicText;
    return ['### Panic', '', codeBlock(text)];
}
/**
 * The user's own server (--fuse-server): what ran, what the mount table said, and the end of what it
 * printed, so a server that did not mount, or went away, says why in the summary itself.
 */
function fuseServerSection(report) {
    const server = report.fuseServer;
    if (!server)
        return [];
    const out = ['### FUSE server', '', 'Command line:', '', codeBlock(server.command), ''];
    out.push(server.mountTable
        ? `Mount table: ${code(server.mountTable)}`
        : 'Mount table: no line for the mount point when the mount ended');
    const log = server.logTail.split('\n').slice(-MAX_SERVER_LOG_LINES).join('\n');
    out.push('', log.trim() ? `Its output (the end of ${code('fuse-server.log')}):` : 'It printed nothing.');
    if (log.trim())
        out.push('', codeBlock(log));
    return out;
}
function phasesSection(report) {
    if (report.phases.length === 0)
        return [];
    const out = ['### Phases', '', '| Phase | Duration | Outcome | Note |', '| --- | --- | --- | --- |'];
    for (const p of report.phases) {
        out.push(`| ${cell(p.phase)} | ${formatDuration(p.durationMs)} | ${p.outcome === 'ok' ? 'ok' : `**${p.outcome}**`} | ${cell(p.note ?? '')} |`);
    }
    return out;
}
function environmentSection(report) {
    const out = ['### Environment', ''];
    out.push(`- **Guest:** ${report.guest}`);
    if (report.accelerator) {
        out.push(`- **Accelerator:** ${report.accelerator}${report.acceleratorNote ? ` (${inline(report.acceleratorNote)})` : ''}`);
    }
    if (report.image) {
        const img = report.image;
        const parts = [inline(img.description)];
        if (img.url)
            parts.push(`<${img.url}>`);
        if (img.sha512)
            parts.push(`SHA-512 ${code(img.sha512.slice(0, 16))}…`);
        if (img.why)
            parts.push(`(${inline(img.why)})`);
        out.push(`- **Image:** ${parts.join(' ')}`);
    }
    if (report.build) {
        const b = report.build;
        out.push(`- **Build:** ${code(b.mode)} ${b.ok ? 'ok' : '**failed**'} (${inline(b.why)})`);
        // Link errors may name no file, so the annotations alone would not place them: list them here.
        const links = b.ok ? [] : (b.linkErrors ?? []);
        for (const e of links.slice(0, MAX_LINK_ERRORS)) {
            const at = e.file !== undefined && e.line !== undefined ? ` (${code(`${e.file}:${e.line}`)})` : '';
            out.push(`  - link error: ${inline(e.message)}${at}`);
        }
        if (links.length > MAX_LINK_ERRORS)
            out.push(`  - ... ${links.length - MAX_LINK_ERRORS} more in report.json`);
        if (!b.ok && b.tail)
            out.push('', codeBlock(b.tail.split('\n').slice(-30).join('\n')), '');
    }
    if (report.proof) {
        out.push(`- **Code under test ran:** ${report.proof.ok ? '✅ proven' : '❌ not proven'}`);
        for (const d of report.proof.details)
            out.push(`  - ${inline(d)}`);
    }
    out.push(`- **Boot attempts:** ${report.bootAttempts}`);
    if (report.stoppedAtIteration !== undefined)
        out.push(`- **Stopped at iteration:** ${report.stoppedAtIteration}`);
    if (report.startedAt || report.finishedAt)
        out.push(`- **Run:** ${inline(report.startedAt)} → ${inline(report.finishedAt)}`);
    return out;
}
/** The evidence by file name, linked to the artifact when there is one (runner paths mean nothing to a reader). */
function filesSection(report, artifact) {
    const names = Object.values(report.files)
        .filter((v) => typeof v === 'string' && v !== '')
        .map((v) => v.split(/[\\/]/).pop());
    if (names.length === 0)
        return [];
    const where = artifact?.url
        ? `in the artifact [${inline(artifact.name)}](${artifact.url})`
        : artifact
            ? `in the artifact ${code(artifact.name)}`
            : 'in the output folder';
    return ['### Evidence', '', `${names.map(code).join(', ')} ${where}.`];
}
/** Which run this is: guest, version, artifact, so two runs in one job can be told apart. */
function runLabel(report, options) {
    const freebsd = options.version ? `FreeBSD ${options.version}` : (report.image?.description ?? 'FreeBSD');
    const parts = [report.guest === 'freebsd' ? inline(freebsd) : 'Linux test guest'];
    if (options.artifact)
        parts.push(options.artifact.url
            ? `[${inline(options.artifact.name)}](${options.artifact.url})`
            : code(options.artifact.name));
    return parts.join(' · ');
}
/** The job summary markdown for a report. */
function renderSummary(report, options = {}) {
    const file = options.stacksFile ??
        (report.files.stacks ? report.files.stacks.split(/[\\/]/).pop() : undefined) ??
        'stacks.txt';
    const stackOpts = {
        maxThreads: options.maxThreads ?? 8,
        maxFrames: options.maxFrames ?? 40,
        file,
        ...(options.stacksUrl !== undefined ? { url: options.stacksUrl } : {}),
    };
    const out = [];
    out.push(`## ${VERDICT_BADGE[report.verdict]} fusefs-gate: ${report.verdict.toUpperCase()} · ${runLabel(report, options)}`, '');
    out.push(`**Verdict:** ${code(report.verdict)} — ${inline(report.reason)}`);
    if (report.verdict === 'error')
        out.push('', '_Infrastructure error: the gate could not decide. This is not a result about the tree under test._');
    if (report.verdict === 'error' && options.errorAllowed)
        out.push('', '**Warning:** this undecided run was let through by `allow-error: true`; the job did not fail, and nothing was checked.');
    if (report.signature)
        out.push('', `**Signature:** ${code(report.signature)}`);
    if (report.knownBug) {
        out.push('', `**Known bug:** [${inline(report.knownBug.title)}](${report.knownBug.url}) (${code(report.knownBug.id)})`);
    }
    const sections = [
        options.afterVerdict ?? [],
        testsSection(report, options.maxTests ?? 50),
        stacksSection(report, stackOpts),
        panicSection(report),
        fuseServerSection(report),
        phasesSection(report),
        environmentSection(report),
        filesSection(report, options.artifact),
    ];
    for (const s of sections)
        if (s.length > 0)
            out.push('', ...s);
    return `${out.join('\n')}\n`;
}
//# sourceMappingURL=summary.js.map

/***/ }),

/***/ 2602:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ installSignalHandlers)
/* harmony export */ });
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1402);
/* harmony import */ var _vm_registry_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6394);
// SIGINT/SIGTERM (a cancelled job, Ctrl-C): abort the run so it stops QEMU and writes what evidence
// it has; a second signal ends every QEMU at once and exits.


function installSignalHandlers() {
    const controller = new AbortController();
    const handler = (name) => {
        if (controller.signal.aborted) {
            void (0,_vm_registry_js__WEBPACK_IMPORTED_MODULE_1__/* .stopAllVms */ .iF)().finally(() => process.exit(name === 'SIGINT' ? _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.sigint : _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.sigterm));
            return;
        }
        controller.abort(name);
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
    return {
        signal: controller.signal,
        dispose: () => {
            process.off('SIGINT', handler);
            process.off('SIGTERM', handler);
        },
    };
}
//# sourceMappingURL=signals.js.map

/***/ }),

/***/ 3262:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   MD: () => (/* binding */ processStartTicks),
/* harmony export */   PQ: () => (/* binding */ endRecordedQemus),
/* harmony export */   Zx: () => (/* binding */ writePidfile)
/* harmony export */ });
/* unused harmony exports readPidfile, processCmdline, cmdlineMatches, killRecorded, PIDFILE_NAME, recordPidfile */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
// A record of a started QEMU, so a later process (the action's post step, a new run with the same
// output folder after this one was killed) can end it. A pid alone is not enough: pids are
// recycled, and other QEMUs may run on the same machine. killRecorded kills only a process whose
// start time (field 22 of /proc/PID/stat, proc(5)) is the recorded one and whose command line
// (/proc/PID/cmdline, NUL-separated argv) contains `qemu-system` AND the recorded hint (the run's
// unique serial socket path).



async function writePidfile(file, record) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(file, `${JSON.stringify(record)}\n`, { mode: 0o644 });
}
/** The record, or undefined when the file does not exist. A malformed file is an error. */
async function readPidfile(file) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(file, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        throw new Error(`pidfile ${file} is not JSON: ${JSON.stringify(text.slice(0, 100))}`);
    }
    const record = value;
    if (!Number.isInteger(record.pid) ||
        (record.pid ?? 0) <= 1 ||
        typeof record.startedAt !== 'string' ||
        typeof record.cmdlineHint !== 'string' ||
        !record.cmdlineHint) {
        throw new Error(`pidfile ${file} does not hold {pid, startedAt, cmdlineHint}: ${text.slice(0, 200)}`);
    }
    if (record.startTicks !== undefined && !Number.isInteger(record.startTicks)) {
        throw new Error(`pidfile ${file} has a startTicks that is not an integer: ${text.slice(0, 200)}`);
    }
    return record;
}
/**
 * A process's start time in clock ticks since boot: field 22 of /proc/PID/stat (proc(5)). The
 * comm field (2) is in parentheses and may hold spaces, so fields are counted after the last ')'.
 */
function processStartTicks(pid) {
    let stat;
    try {
        stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(`/proc/${pid}/stat`, 'utf8');
    }
    catch {
        return undefined;
    }
    // After ') ' come fields 3 (state), 4, ...; field 22 is the 20th of them.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    return Number.isInteger(ticks) ? ticks : undefined;
}
/** The argv of a live process, or undefined when it does not exist (or is a zombie with none). */
async function processCmdline(pid) {
    try {
        const raw = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(`/proc/${pid}/cmdline`);
        if (raw.length === 0)
            return undefined;
        return raw.toString('utf8').replace(/\0$/, '').split('\0');
    }
    catch {
        return undefined;
    }
}
/** True when /proc/PID/cmdline is that of the recorded QEMU. */
function cmdlineMatches(argv, record) {
    return (argv[0] ?? '').includes('qemu-system') && argv.join(' ').includes(record.cmdlineHint);
}
/** True when the live process `pid` is the recorded one: same start time (when recorded) and command line. */
function isRecordedProcess(argv, record) {
    if (record.startTicks !== undefined && processStartTicks(record.pid) !== record.startTicks)
        return false;
    return cmdlineMatches(argv, record);
}
/**
 * Ends the QEMU recorded in `file`: SIGTERM, then SIGKILL after graceMs; waits (bounded) until
 * the process is gone; removes the pidfile. A pid whose command line does not match is left alone.
 */
async function killRecorded(file, options = {}) {
    const graceMs = options.graceMs ?? 5_000;
    const record = await readPidfile(file);
    if (!record)
        return { killed: false, note: `no pidfile at ${file}` };
    const argv = await processCmdline(record.pid);
    if (!argv) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(file, { force: true });
        return { killed: false, pid: record.pid, note: `pid ${record.pid} is not running (already exited)` };
    }
    if (!isRecordedProcess(argv, record)) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(file, { force: true });
        return {
            killed: false,
            pid: record.pid,
            note: `pid ${record.pid} is now another program (${argv[0] ?? '?'}); not killed`,
        };
    }
    for (const [signal, waitMs] of [
        ['SIGTERM', graceMs],
        ['SIGKILL', 5_000],
    ]) {
        try {
            process.kill(record.pid, signal);
        }
        catch (error) {
            if (error.code === 'ESRCH')
                break;
            throw error;
        }
        if (await gone(record.pid, record, waitMs)) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(file, { force: true });
            return { killed: true, pid: record.pid, note: `QEMU pid ${record.pid} ended with ${signal}` };
        }
    }
    if (await gone(record.pid, record, 0)) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(file, { force: true });
        return { killed: true, pid: record.pid, note: `QEMU pid ${record.pid} exited` };
    }
    return {
        killed: false,
        pid: record.pid,
        unresolved: true,
        note: `QEMU pid ${record.pid} did not exit within ${graceMs + 5_000} ms of SIGTERM and SIGKILL`,
    };
}
/** Polls until the recorded process no longer runs (its cmdline is gone or differs), within waitMs. */
async function gone(pid, record, waitMs) {
    const deadline = Date.now() + waitMs;
    for (;;) {
        const argv = await processCmdline(pid);
        if (!argv || !isRecordedProcess(argv, record))
            return true;
        if (Date.now() >= deadline)
            return false;
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}
/** The pidfile's name inside a work folder. */
const PIDFILE_NAME = 'qemu.pid.json';
/** Pidfiles the gate writes into a work folder: qemu.pid.json, qemu1.pid.json, qemu2.pid.json ... */
const PIDFILE_PATTERN = /^qemu\d*\.pid\.json$/;
/**
 * Ends every QEMU recorded by pidfiles in `dir` (an earlier run's work folder), before that folder
 * and its records are deleted. Returns one note per pidfile; never throws (a malformed pidfile is
 * a note, and its QEMU, unknown, is left alone).
 */
async function endRecordedQemus(dir, options = {}) {
    let names;
    try {
        names = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(dir)).filter((name) => PIDFILE_PATTERN.test(name)).sort();
    }
    catch {
        return [];
    }
    const results = [];
    for (const name of names) {
        const file = node_path__WEBPACK_IMPORTED_MODULE_2__.join(dir, name);
        results.push(await killRecorded(file, options).catch((error) => ({
            killed: false,
            unresolved: true,
            note: error.message,
        })));
    }
    return results;
}
/**
 * Synchronous variant for the main step's state hand-off: writes DIR/qemu.pid.json and returns its
 * path. Given only a pid, the hint is taken from the running process's own command line (its serial
 * chardev argument, else its whole argv), which must be a qemu-system program.
 */
function recordPidfile(dir, pidOrRecord) {
    let record;
    if (typeof pidOrRecord === 'number') {
        let argv;
        try {
            argv = readFileSync(`/proc/${pidOrRecord}/cmdline`).toString('utf8').replace(/\0$/, '').split('\0');
        }
        catch {
            throw new Error(`cannot record pid ${pidOrRecord}: it is not running`);
        }
        if (!(argv[0] ?? '').includes('qemu-system'))
            throw new Error(`cannot record pid ${pidOrRecord}: it is ${argv[0] ?? 'unknown'}, not QEMU`);
        const hint = argv.find((arg) => arg.includes('id=con0,path=')) ?? argv.join(' ');
        const startTicks = processStartTicks(pidOrRecord);
        record = {
            pid: pidOrRecord,
            startedAt: new Date().toISOString(),
            cmdlineHint: hint,
            ...(startTicks !== undefined ? { startTicks } : {}),
        };
    }
    else {
        record = pidOrRecord;
    }
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, PIDFILE_NAME);
    writeFileSync(file, `${JSON.stringify(record)}\n`, { mode: 0o644 });
    return file;
}
//# sourceMappingURL=pidfile.js.map

/***/ }),

/***/ 9620:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Bb: () => (/* binding */ runBounded),
/* harmony export */   Fp: () => (/* binding */ spawnTiedToParent),
/* harmony export */   fM: () => (/* binding */ lastLine),
/* harmony export */   vX: () => (/* binding */ TailBuffer),
/* harmony export */   zE: () => (/* binding */ waitForExit)
/* harmony export */ });
/* unused harmony exports findExecutable, tiedToParentArgv */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1421);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
// Small helpers for child processes: always argv arrays (never a shell), always a bounded wait.



/** Keeps the last `limit` bytes of a stream (QEMU's stderr), decoded on demand. */
class TailBuffer {
    limit;
    chunks = [];
    size = 0;
    constructor(limit = 16 * 1024) {
        this.limit = limit;
    }
    push(chunk) {
        this.chunks.push(chunk);
        this.size += chunk.length;
        while (this.size - (this.chunks[0]?.length ?? 0) >= this.limit && this.chunks.length > 1) {
            this.size -= this.chunks.shift().length;
        }
    }
    text() {
        const all = Buffer.concat(this.chunks);
        return all.subarray(Math.max(0, all.length - this.limit)).toString('utf8');
    }
}
/** The last non-empty line of a text (QEMU puts its reason for failing there). */
function lastLine(text) {
    const lines = text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean);
    return lines.at(-1) ?? '';
}
/** Resolves when the child has exited (and been reaped by Node), or with undefined after `ms`. */
function waitForExit(child, ms) {
    if (child.exitCode !== null || child.signalCode !== null) {
        return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
    }
    return new Promise((resolve) => {
        const timer = setTimeout(() => {
            child.off('exit', onExit);
            resolve(undefined);
        }, ms);
        const onExit = (code, signal) => {
            clearTimeout(timer);
            resolve({ code, signal });
        };
        child.once('exit', onExit);
    });
}
/**
 * Runs a program to completion within `timeoutMs`; on timeout it is killed (SIGKILL) and reaped.
 * Never rejects: the caller decides what a failure means.
 */
function runBounded(binary, args, options) {
    return new Promise((resolve) => {
        const stdout = new TailBuffer(64 * 1024);
        const stderr = new TailBuffer(64 * 1024);
        let timedOut = false;
        let spawnError;
        let child;
        try {
            child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
        }
        catch (error) {
            resolve({
                code: null,
                signal: null,
                stdout: '',
                stderr: '',
                timedOut: false,
                spawnError: error,
            });
            return;
        }
        child.stdout.on('data', (chunk) => stdout.push(chunk));
        child.stderr.on('data', (chunk) => stderr.push(chunk));
        child.on('error', (error) => {
            spawnError = error;
        });
        const timer = setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
        }, options.timeoutMs);
        // 'close' comes after 'exit' and after the pipes have drained; also after a spawn 'error'.
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            resolve({
                code,
                signal,
                stdout: stdout.text(),
                stderr: stderr.text(),
                timedOut,
                ...(spawnError ? { spawnError } : {}),
            });
        });
    });
}
/** The absolute path of `binary` as exec would find it on PATH (or as given, when it has a slash). */
function findExecutable(binary, envPath = process.env.PATH ?? '') {
    const candidates = binary.includes('/')
        ? [binary]
        : envPath
            .split(':')
            .filter(Boolean)
            .map((dir) => node_path__WEBPACK_IMPORTED_MODULE_2__.join(dir, binary));
    for (const candidate of candidates) {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.accessSync)(candidate, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.X_OK);
            return node_path__WEBPACK_IMPORTED_MODULE_2__.resolve(candidate);
        }
        catch {
            // not here
        }
    }
    return undefined;
}
/**
 * The argv that starts `binary args...` so that the kernel SIGKILLs it when this process dies, even
 * by SIGKILL: util-linux's `setpriv --pdeathsig KILL` sets PR_SET_PDEATHSIG (prctl(2)) and execs
 * the program; the setting survives execve (it is only cleared for set-user-ID programs, which
 * QEMU is not). prctl(2): the signal comes when the parent *thread* that forked the child exits;
 * Node forks from its main thread (libuv's uv_spawn runs on the loop thread), which lives as long
 * as the process. setpriv is in util-linux, an Essential package on Debian and Ubuntu (Ubuntu's
 * setpriv(1) manual page names util-linux as its package), so GitHub's runners have it. Without
 * setpriv, or when `binary` cannot be found (so that spawning it reports its own ENOENT), the
 * program is started as it is; the pidfile (pidfile.ts) is then what ends an orphan. One window
 * stays: a parent killed between fork and setpriv's prctl leaves the child untied.
 */
function tiedToParentArgv(binary, args, options = { setpriv: findExecutable('setpriv') }) {
    const { setpriv } = options;
    if (!setpriv || !findExecutable(binary))
        return { file: binary, args: [...args], tied: false };
    return { file: setpriv, args: ['--pdeathsig', 'KILL', '--', binary, ...args], tied: true };
}
/** spawn() through tiedToParentArgv: the child cannot outlive this process. */
function spawnTiedToParent(binary, args, options) {
    const { file, args: argv, tied } = tiedToParentArgv(binary, args);
    return { child: (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(file, argv, options), tied };
}
//# sourceMappingURL=process.js.map

/***/ }),

/***/ 6394:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   en: () => (/* binding */ unregisterVm),
/* harmony export */   iF: () => (/* binding */ stopAllVms),
/* harmony export */   lY: () => (/* binding */ registerVm)
/* harmony export */ });
/* unused harmony exports runningVmPids, stopAll */
// Every QEMU this process started and that has not exited yet, so the gate's signal handlers and
// teardown can end them all. Only our own children are here: nothing is ever found by name.
const live = new Set();
let exitHookInstalled = false;
function registerVm(vm) {
    live.add(vm);
    installExitHook();
}
function unregisterVm(vm) {
    live.delete(vm);
}
/** The pids of every QEMU started by this process that has not exited yet. */
function runningVmPids() {
    return [...live].map((vm) => vm.pid);
}
/**
 * Stops every QEMU started by this process (QMP quit, SIGTERM, SIGKILL; each bounded). Rejects
 * with an AggregateError naming those that would not die; never waits forever.
 */
async function stopAll(options = {}) {
    const results = await Promise.allSettled([...live].map((vm) => vm.stop(options)));
    const failed = results.filter((result) => result.status === 'rejected');
    if (failed.length > 0) {
        throw new AggregateError(failed.map((result) => result.reason), `could not stop ${failed.length} QEMU process(es)`);
    }
}
/** The name the signal handlers use. */
const stopAllVms = stopAll;
/**
 * Last resort when Node exits with QEMUs still running (an uncaught error, process.exit): an
 * 'exit' handler cannot wait, so SIGKILL them; the kernel reparents them and init reaps them.
 */
function installExitHook() {
    if (exitHookInstalled)
        return;
    exitHookInstalled = true;
    process.once('exit', () => {
        for (const vm of live) {
            try {
                process.kill(vm.pid, 'SIGKILL');
            }
            catch {
                // already gone
            }
        }
    });
}
//# sourceMappingURL=registry.js.map

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  i: () => (/* binding */ main)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./.build/src/constants.js
var constants = __nccwpck_require__(1402);
// EXTERNAL MODULE: ./.build/src/package-root.js
var package_root = __nccwpck_require__(7956);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __nccwpck_require__(8815);
;// CONCATENATED MODULE: ./.build/src/cli/action-inputs.js
// The CLI's flags are the action's inputs, read from action.yml itself so the two never drift: every
// input is `--NAME`, described and defaulted as in action.yml.





/** What the CLI does differently from the action, and says so in its help. */
const CLI_DEFAULTS = {
    // The CLI never runs sudo apt-get on a laptop unless asked to.
    [constants/* Input */.pd.InstallQemu]: 'false',
    [constants/* Input */.pd.OutputDir]: './fusefs-gate-out',
    [constants/* Input */.pd.MatrixLeg]: '',
};
function readActionInputs(text = (0,external_node_fs_.readFileSync)(external_node_path_.join((0,package_root/* packageRoot */.Z)(), 'action.yml'), 'utf8')) {
    const action = (0,dist/* parse */.qg)(text);
    const known = new Set(Object.values(constants/* Input */.pd));
    return Object.entries(action.inputs ?? {})
        .filter(([name]) => known.has(name))
        .map(([name, spec]) => {
        const value = spec.default === undefined ? '' : String(spec.default);
        return {
            name: name,
            description: String(spec.description ?? '').trim(),
            default: value,
            boolean: value === 'true' || value === 'false',
        };
    });
}
/** The default the CLI applies, for its help: action.yml's, unless the CLI differs. */
function cliDefault(spec) {
    const own = CLI_DEFAULTS[spec.name];
    if (own !== undefined)
        return own;
    // `${{ ... }}` defaults are evaluated by GitHub's runner; the CLI has none.
    return spec.default.includes('${{') ? '' : spec.default;
}
//# sourceMappingURL=action-inputs.js.map
;// CONCATENATED MODULE: ./.build/src/cli/help.js
// `fusefs-gate --help`, `fusefs-gate run --help`, `--version`: generated from action.yml and package.json.





const EXIT_LINE = 'exit status: 0 pass, 1 fail, 2 hang, 3 panic, 64 bad usage or input, 125 undecided (git bisect run skips it), 130/143 cancelled';
function version() {
    const manifest = JSON.parse((0,external_node_fs_.readFileSync)(external_node_path_.join((0,package_root/* packageRoot */.Z)(), 'package.json'), 'utf8'));
    return `fusefs-gate ${manifest.version}`;
}
function mainUsage() {
    return [
        'usage: fusefs-gate run [--NAME VALUE]...   run the gate once; the exit status is the verdict',
        '       fusefs-gate bisect --source-tree DIR --good REF --bad REF [run flags]   first commit that fails like --bad',
        '       fusefs-gate stacks FILE             parse kernel stacks from a saved log or procstat -kk output; print JSON',
        '       fusefs-gate --help | --version',
        '',
        `'fusefs-gate run --help' lists every flag with its default.`,
        EXIT_LINE,
    ].join('\n');
}
const WIDTH = 100;
const FLAG_COLUMN = 28;
function runHelp(inputs) {
    const out = [
        'usage: fusefs-gate run [--NAME VALUE]...',
        '',
        'Boots the guest, runs the selected tests under the watchdog and exits with the verdict.',
        'Every input of the GitHub Action (action.yml) is a flag of the same name:',
        '',
    ];
    for (const spec of inputs) {
        const value = spec.boolean ? '[true|false]' : 'VALUE';
        const dflt = cliDefault(spec);
        out.push(...help_option(`--${spec.name} ${value}`, `${spec.description} (default: ${dflt === '' ? 'empty' : dflt})`));
    }
    out.push('', 'CLI only:');
    out.push(...help_option(`--${constants/* CliFlag */.v2.Out} DIR`, 'Same as --output-dir.'));
    out.push(...help_option(`--${constants/* CliFlag */.v2.Verbose}`, 'Show the guest console live (it is always saved to serial.log); the default on a terminal is one line per phase.'));
    out.push(...help_option(`--${constants/* CliFlag */.v2.Quiet}`, 'Neither the guest console nor log headings; notes and the verdict only.'));
    out.push(...help_option(`-h, --${constants/* CliFlag */.v2.Help}`, 'This help.'));
    out.push(...help_option(`--${constants/* CliFlag */.v2.Version}`, 'Print the version.'));
    out.push('', EXIT_LINE);
    return out.join('\n');
}
function help_option(flag, text) {
    const lines = wrap(text, WIDTH - FLAG_COLUMN);
    const first = flag.length < FLAG_COLUMN - 2
        ? `  ${flag.padEnd(FLAG_COLUMN - 2)}${lines[0]}`
        : `  ${flag}\n${' '.repeat(FLAG_COLUMN)}${lines[0]}`;
    return [first, ...lines.slice(1).map((line) => `${' '.repeat(FLAG_COLUMN)}${line}`)];
}
function wrap(text, width) {
    const lines = [];
    let line = '';
    for (const word of text.split(/\s+/).filter(Boolean)) {
        if (line && line.length + 1 + word.length > width) {
            lines.push(line);
            line = word;
        }
        else
            line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
    return lines;
}
//# sourceMappingURL=help.js.map
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __nccwpck_require__(1421);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(7975);
// EXTERNAL MODULE: ./.build/src/bisect/engine.js
var engine = __nccwpck_require__(4398);
// EXTERNAL MODULE: ./.build/src/bisect/git.js
var git = __nccwpck_require__(6362);
// EXTERNAL MODULE: ./.build/src/bisect/range.js
var range = __nccwpck_require__(4351);
// EXTERNAL MODULE: ./.build/src/bisect/run-bisection.js + 2 modules
var run_bisection = __nccwpck_require__(8990);
;// CONCATENATED MODULE: ./.build/src/bisect/after-run.js





/** Kept back from job-timeout for the last step's teardown, the artifact upload and the summary. */
const PUBLISH_MARGIN_MS = 120_000;
/** The tree whose history is bisected: the Linux FUSE tree on guest linux, else source-tree. */
function bisectedTree(config) {
    return config.linuxFuseTree ?? config.sourceTree;
}
/**
 * What to tell a user whose ref git does not know. actions/checkout fetches one commit unless told
 * otherwise (its action.yml: fetch-depth, "Number of commits to fetch. 0 indicates all history for
 * all branches and tags", default 1).
 */
function checkoutHint(problem, shallow) {
    if (shallow)
        return 'source-tree is a shallow clone (git rev-parse --is-shallow-repository: true), and actions/checkout fetches one commit unless told otherwise: give it fetch-depth: 0 so the history is there';
    if (problem === 'unknown')
        return 'fetch it first (actions/checkout with fetch-depth: 0 fetches every branch and tag)';
    return undefined;
}
/** Before anything boots: the range bisect-good..HEAD, or a BadInputError naming the input. */
async function planHeadBisection(config, spell = (input) => input) {
    if (config.bisectGood === undefined)
        return undefined;
    const tree = spell(constants/* Input */.pd.SourceTree);
    return (0,range/* resolveRange */.S)({
        tree: bisectedTree(config),
        goodRef: config.bisectGood,
        badRef: 'HEAD',
        names: { tree, good: spell(constants/* Input */.pd.BisectGood), bad: tree },
        badLabel: { short: `HEAD of ${tree}`, full: `HEAD of ${tree}` },
        hint: checkoutHint,
    });
}
/** What is left of job-timeout for a bisection, `elapsedMs` after the main step started. */
function bisectionBudgetMs(jobTimeoutSec, elapsedMs) {
    return jobTimeoutSec * 1000 - elapsedMs - PUBLISH_MARGIN_MS;
}
/** Why a finished run is not bisected, or undefined when it is. */
function whyNoBisection(report, budgetMs) {
    if (!constants/* BISECT_VERDICTS */.I.includes(report.verdict))
        return `the verdict is ${report.verdict}; a bisection runs on ${constants/* BISECT_VERDICTS */.I.join(' or ')}`;
    if (budgetMs <= 0)
        return `no time left: job-timeout leaves less than the ${PUBLISH_MARGIN_MS / 1000} s kept for publishing`;
    return undefined;
}
/** Bisects after the gate's run of HEAD when the verdict asks for it and there is time. */
async function bisectAfterRun(report, config, range, context) {
    const budgetMs = bisectionBudgetMs(config.jobTimeoutSec, context.elapsedMs);
    const why = whyNoBisection(report, budgetMs);
    if (why)
        return { kind: 'not-run', why };
    // HEAD was just tested: that run is the bad end, unless the working copy is not HEAD.
    const reuse = !(await (0,git/* workingCopyDiffers */.iH)(range.repo));
    const totalMs = Date.parse(report.finishedAt) - Date.parse(report.startedAt);
    context.io.note(`fusefs-gate bisect: ${report.verdict} at HEAD; bisecting ${range.commits.length} commit(s) after ${range.good.slice(0, 12)} within ${Math.round(budgetMs / 1000)} s`);
    return (0,run_bisection/* runBisection */.IO)({
        ...range,
        config,
        maxBuilds: config.bisectMaxBuilds ?? (0,engine/* defaultMaxBuilds */.n)(range.commits.length),
        ...(config.bisectMaxBuilds !== undefined ? { hardMaxBuilds: config.bisectMaxBuilds } : {}),
        budgetMs,
    }, {
        io: context.io,
        signal: context.signal,
        capStepsToBudget: true,
        ...(context.onStep ? { onStep: context.onStep } : {}),
        ...(reuse
            ? { knownBadEnd: { report, outDir: config.outDir, totalMs: Number.isFinite(totalMs) ? totalMs : 0 } }
            : {}),
    });
}
//# sourceMappingURL=after-run.js.map
// EXTERNAL MODULE: ./.build/src/action/host-deps.js
var host_deps = __nccwpck_require__(8585);
// EXTERNAL MODULE: ./.build/src/config/errors.js
var errors = __nccwpck_require__(5259);
// EXTERNAL MODULE: ./.build/src/config/parse.js + 2 modules
var parse = __nccwpck_require__(76);
// EXTERNAL MODULE: ./.build/src/gate/run.js + 5 modules
var run = __nccwpck_require__(8695);
// EXTERNAL MODULE: ./.build/src/gate/verdict.js
var verdict = __nccwpck_require__(8782);
// EXTERNAL MODULE: ./.build/src/signals.js
var src_signals = __nccwpck_require__(2602);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: ./.build/src/action/workflow-log.js
// Guest output is untrusted: a line the guest prints must never act as a workflow command. GitHub's
// runner ignores commands between `::stop-commands::TOKEN` and `::TOKEN::` (GitHub's documentation,
// "Workflow commands: Stopping and starting workflow commands"), so guest text is echoed inside such a
// span with a random token, and the span is closed before any command the gate itself issues.

class WorkflowLog {
    write;
    newToken;
    token;
    constructor(write, newToken = () => (0,external_node_crypto_.randomBytes)(16).toString('hex')) {
        this.write = write;
        this.newToken = newToken;
    }
    /** Text that may hold guest output, one or more lines, echoed verbatim with commands stopped. */
    text(text) {
        if (this.token === undefined) {
            this.token = this.newToken();
            this.write(`::stop-commands::${this.token}\n`);
        }
        this.write(text.endsWith('\n') ? text : `${text}\n`);
    }
    /** Resumes command processing; call before every command the gate issues. */
    resume() {
        if (this.token === undefined)
            return;
        this.write(`::${this.token}::\n`);
        this.token = undefined;
    }
    /** Runs `issue` (something that writes a workflow command) with commands enabled. */
    command(issue) {
        this.resume();
        return issue();
    }
}
/** A workflow command line, escaped the way the toolkit escapes them (@actions/core command.ts). */
function commandLine(name, message, properties = {}) {
    const props = Object.entries(properties)
        .filter(([, v]) => v !== undefined && v !== '')
        .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
        .join(',');
    return `::${name}${props ? ` ${props}` : ''}::${escapeData(message)}\n`;
}
function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
//# sourceMappingURL=workflow-log.js.map
// EXTERNAL MODULE: ./.build/src/report/summary.js
var summary = __nccwpck_require__(5638);
;// CONCATENATED MODULE: ./.build/src/cli/progress.js
// What the CLI prints while a run goes on, on stderr (stdout holds only the verdict lines):
// - on a terminal: one line per phase with its elapsed time; the guest console stays in serial.log
//   (--verbose shows it live);
// - in a pipe or a file: phase headings and the guest console as it arrives, for logs;
// - under GITHUB_ACTIONS: log groups, warnings as annotations, guest lines inside stop-commands spans.


function cliProgress(options) {
    if (options.github)
        return githubProgress(options);
    const { write, quiet } = options;
    const compact = options.terminal && !options.verbose;
    // On a terminal a phase's line is written when it starts and finished when it ends.
    let open;
    const closeOpen = () => {
        if (open !== undefined)
            write('\n');
        open = undefined;
    };
    const line = (text) => {
        closeOpen();
        write(`${text}\n`);
    };
    const io = {
        note: (message) => line(message),
        warn: (message) => line(`warning: ${message}`),
        consoleLine: (text) => {
            if (!quiet && !compact)
                line(`  | ${text}`);
        },
        group: async (name, work) => {
            if (!quiet && !compact)
                line(`== ${name}`);
            return work();
        },
        signal: options.signal,
        phaseStarted: (phase) => {
            if (!compact || quiet)
                return line(`fusefs-gate: ${phase}...`);
            closeOpen();
            open = phase;
            write(`fusefs-gate: ${phase}...`);
        },
        phaseEnded: (timing) => {
            const outcome = `${timing.outcome === 'ok' ? 'ok' : timing.outcome} (${(0,summary/* formatDuration */.a3)(timing.durationMs)})`;
            if (open === timing.phase) {
                write(` ${outcome}\n`);
                open = undefined;
            }
            else if (!quiet)
                line(`fusefs-gate: ${timing.phase} ${outcome}`);
        },
    };
    return { io, finish: closeOpen };
}
function githubProgress(options) {
    const { write, quiet } = options;
    const log = new WorkflowLog(write);
    const io = {
        note: (message) => log.text(message),
        warn: (message) => log.command(() => write(commandLine('warning', message))),
        consoleLine: (text) => {
            if (!quiet)
                log.text(text);
        },
        group: async (name, work) => {
            log.command(() => write(commandLine('group', name)));
            try {
                return await work();
            }
            finally {
                log.command(() => write(commandLine('endgroup', '')));
            }
        },
        signal: options.signal,
        phaseStarted: (phase) => log.text(`fusefs-gate: ${phase}...`),
        phaseEnded: (timing) => log.text(`fusefs-gate: ${timing.phase} ${timing.outcome === 'ok' ? 'done' : timing.outcome} in ${(0,summary/* formatDuration */.a3)(timing.durationMs)}`),
    };
    return { io, finish: () => log.resume() };
}
//# sourceMappingURL=progress.js.map
;// CONCATENATED MODULE: ./.build/src/cli/run-command.js
// `fusefs-gate run`: flags (the action's inputs, read from action.yml) -> GateConfig -> runGate -> exit status.














const FLAG_ALIASES = { [constants/* CliFlag */.v2.Out]: constants/* Input */.pd.OutputDir };
async function runCommand(args, out) {
    // job-timeout counts from here, as in the action: a bisection gets what the run leaves of it.
    const started = Date.now();
    const inputs = readActionInputs();
    if (args.includes(`--${constants/* CliFlag */.v2.Help}`) || args.includes('-h'))
        return out.print(runHelp(inputs));
    if (args.includes(`--${constants/* CliFlag */.v2.Version}`))
        return out.print(version());
    const options = {
        [constants/* CliFlag */.v2.Quiet]: { type: 'boolean' },
        [constants/* CliFlag */.v2.Verbose]: { type: 'boolean' },
    };
    for (const input of Object.values(constants/* Input */.pd))
        options[input] = { type: 'string' };
    for (const alias of Object.keys(FLAG_ALIASES))
        options[alias] = { type: 'string' };
    let values;
    try {
        ({ values } = (0,external_node_util_.parseArgs)({
            args: withBareBooleans(args, inputs),
            options,
            strict: true,
            allowPositionals: false,
        }));
    }
    catch (error) {
        return out.usageError(error.message);
    }
    const raw = {};
    for (const [flag, value] of Object.entries(values)) {
        if (typeof value !== 'string')
            continue;
        raw[FLAG_ALIASES[flag] ?? flag] = value;
    }
    for (const spec of inputs)
        if (raw[spec.name] === undefined && cliDefault(spec) !== '')
            raw[spec.name] = cliDefault(spec);
    let config;
    let range;
    try {
        config = (0,parse/* parseConfig */.o4)(raw, { cwd: process.cwd(), env: process.env, spell: (input) => `--${input}` });
        range = await planHeadBisection(config, (input) => `--${input}`);
    }
    catch (error) {
        if (error instanceof errors/* BadInputError */.Y)
            return out.usageError(error.message, false);
        throw error;
    }
    const signals = (0,src_signals/* installSignalHandlers */.X)();
    const progress = cliProgress({
        write: (text) => process.stderr.write(text),
        terminal: process.stderr.isTTY === true,
        github: process.env.GITHUB_ACTIONS === 'true',
        verbose: values[constants/* CliFlag */.v2.Verbose] === true,
        quiet: values[constants/* CliFlag */.v2.Quiet] === true,
        signal: signals.signal,
    });
    try {
        const missing = (0,host_deps/* missingQemu */.Lq)();
        if (missing.length && config.installQemu) {
            const outcome = await (0,host_deps/* installQemu */.uU)(missing, {
                run: inheritRunner,
                isRoot: process.getuid?.() === 0,
                log: progress.io.note,
            });
            progress.io.note(`fusefs-gate: ${outcome.message}`);
        }
        else if (missing.length) {
            progress.io.warn(`${(0,host_deps/* installHint */.J8)(missing)} (or pass --install-qemu to install them with sudo apt-get)`);
        }
        const report = await (0,run/* runGate */.R)(config, progress.io);
        if ((0,verdict/* errorLetThrough */.rM)(report))
            progress.io.warn('an undecided run was let through (--allow-error): exit 0, but nothing was checked');
        progress.finish();
        process.stdout.write(`verdict: ${report.verdict} (exit ${report.exitCode}): ${report.reason}\n`);
        if (report.signature)
            process.stdout.write(`signature: ${report.signature}${report.knownBug ? ` [${report.knownBug.title}]` : ''}\n`);
        // report.json is missing only when the output folder could not be written (the reason on the verdict line says why).
        process.stdout.write(report.files.report
            ? `report: ${report.files.report}\n`
            : 'report: none written (the verdict line says why)\n');
        if (range && !signals.signal.aborted) {
            // The exit status stays the verdict of the commit under test; the bisection only adds lines.
            const bisection = await bisectAfterRun(report, config, range, {
                io: progress.io,
                signal: signals.signal,
                elapsedMs: Date.now() - started,
                onStep: (number, record) => process.stdout.write(`${(0,run_bisection/* describeStep */.Ey)(number, record)}\n`),
            });
            if (bisection.kind === 'not-run')
                process.stdout.write(`bisect: not run: ${bisection.why}\n`);
            else if (bisection.kind === 'found')
                process.stdout.write(`first bad commit: ${bisection.firstBad.sha} ${bisection.firstBad.subject}\n`);
            else if (bisection.kind !== 'failed')
                process.stdout.write(`bisect: undecided: ${bisection.undecided}\n`);
            if (bisection.kind !== 'not-run' && bisection.kind !== 'failed')
                process.stdout.write(`bisect report: ${bisection.reportFile}\n`);
        }
        return report.exitCode;
    }
    finally {
        progress.finish();
        signals.dispose();
    }
}
/** `--allow-error` alone means `--allow-error true` for the true/false inputs. */
function withBareBooleans(args, inputs) {
    const booleans = new Set(inputs.filter((spec) => spec.boolean).map((spec) => `--${spec.name}`));
    return args.flatMap((arg, i) => booleans.has(arg) && (args[i + 1] === undefined || args[i + 1].startsWith('-')) ? [arg, 'true'] : [arg]);
}
/** apt's output goes straight to the user's stderr. */
const inheritRunner = (command, args, env) => new Promise((resolve) => {
    const child = (0,external_node_child_process_.spawn)(command, args, { stdio: ['ignore', 2, 2], env: { ...process.env, ...env } });
    child.on('error', () => resolve(127));
    child.on('close', (code) => resolve(code ?? 128));
});
//# sourceMappingURL=run-command.js.map
// EXTERNAL MODULE: ./.build/src/report/catalogue.js + 1 modules
var catalogue = __nccwpck_require__(7862);
// EXTERNAL MODULE: ./.build/src/report/parsers/common.js
var common = __nccwpck_require__(4052);
// EXTERNAL MODULE: ./.build/src/report/parsers/freebsd-ddb.js
var freebsd_ddb = __nccwpck_require__(8281);
// EXTERNAL MODULE: ./.build/src/report/parsers/freebsd-panic.js
var freebsd_panic = __nccwpck_require__(2600);
// EXTERNAL MODULE: ./.build/src/report/parsers/freebsd-procstat.js
var freebsd_procstat = __nccwpck_require__(7069);
// EXTERNAL MODULE: ./.build/src/report/parsers/linux-hung-task.js
var linux_hung_task = __nccwpck_require__(412);
// EXTERNAL MODULE: ./.build/src/report/parsers/linux-report-kinds.js
var linux_report_kinds = __nccwpck_require__(2592);
;// CONCATENATED MODULE: ./.build/src/report/chunk-cut.js
// Where a chunk of a big log is cut (StackAnalyzer, analyze.ts, parses a log a bounded chunk at a
// time): just before a record, so that no report, task dump or capture is split between two chunks.
// The record starts, with the sources of what the kernels print:
// - Linux kernel/hung_task.c check_hung_task(): "INFO: task %s:%d blocked for more than %ld seconds.";
//   kernel/sched/core.c sched_show_task(): "task:%-15.15s state:%c" (5.9+), "%-15.15s %c" ... "0x%08lx"
//   before (the old task line, read by linux-hung-task.ts);
// - every Linux report kind the panic reader knows (LINUX_REPORT_KINDS), and the lines printed above
//   one: include/asm-generic/bug.h CUT_HERE "------------[ cut here ]------------" (before a WARNING),
//   arch/arm/mm/fault.c "8<--- cut here ---" (before arm's "Unable to handle kernel ..."), the banner
//   of '=' that mm/kasan/report.c and kernel/locking/lockdep.c print first;
// - drivers/tty/sysrq.c: "sysrq: " (pr_fmt, 5.x) or "SysRq : " (older) before "Show State",
//   "Show Blocked State", "Show backtrace of all active CPUs";
// - FreeBSD sys/ddb/db_command.c: "Tracing command %s pid %d tid %ld td %p" (db_stack_trace_all),
//   "Tracing pid %d tid %ld td %p" (db_stack_trace); sys/amd64/amd64/trap.c trap_fatal():
//   "\n\nFatal trap %d: %s while in %s mode"; usr.bin/procstat/procstat_kstack.c: the header
//   "%5s %6s %-19s %-19s %-29s" of "PID", "TID", "COMM", "TDNAME", "KSTACK";
// - the gate's own frames (guest/watchdog.sh): "@@fg:NONCE:sample:N:begin@@", "@@fg:NONCE:capture:NAME:begin@@";
// - a panic line (FreeBSD sys/kern/kern_shutdown.c vpanic() "panic: %s", Linux kernel/panic.c
//   "Kernel panic - not syncing: %s"), unless the report it ends was printed just before it.






/** The longest stretch without a newline that is parsed as one chunk. */
const MAX_LINE_CHARS = 16 * 1024 * 1024;
/** How far back from a buffer's end a cut point is looked for, in lines. */
const CUT_SEARCH_LINES = 2000;
/** How far above a panic line the report it ends may start. */
const PANIC_REPORT_LINES = 80;
/** How far above a record start another may be and begin the same report (two CPUs interleave theirs). */
const REPORT_HEADER_LINES = 12;
/** How much of a line is looked at: every record start is near a line's beginning. */
const HEAD_CHARS = 300;
/**
 * The lines the parsers read as the start of a record (a header, a task line), and the Linux
 * report kinds (LINUX_REPORT_KINDS, `BUG: `, `WARNING: `, `general protection fault` among them):
 * the same patterns, so that a record a parser reads is a cut point.
 */
const PARSED_STARTS = [
    linux_hung_task/* HUNG */.Rk,
    linux_hung_task/* TASK */.wn,
    linux_hung_task/* OLD_TASK */.yj,
    freebsd_ddb/* TRACING_ALL */.h_,
    freebsd_ddb/* TRACING_ONE */.sk,
    freebsd_panic/* FATAL_TRAP */.bV,
    freebsd_procstat/* HEADER */.El,
];
/** The other record starts: the lines printed above a report, a sysrq dump's, the gate's frames. */
const RECORD_START = /^(?:------------\[ cut here \]|8<--- cut here ---|@@fg:[a-z0-9]+:\S+:begin@@|sysrq: Show|SysRq : Show|=====+$)/;
const LINUX_PANICS = linux_report_kinds/* LINUX_REPORT_KINDS */.Y.filter((kind) => kind.panic).map((kind) => kind.start);
const LINUX_REPORTS = linux_report_kinds/* LINUX_REPORT_KINDS */.Y.filter((kind) => !kind.panic).map((kind) => kind.start);
/** Words one of the record starts above holds, looked for in the raw line before cleaning it. */
const RECORD_HINT = new RegExp(`INFO: task|task:|Tracing |Fatal trap|cut here|@@fg:|PID|Show|====| 0x|panic|${linux_report_kinds/* REPORT_HINT */.R.source}`);
/**
 * A line of a stack trace: Linux `[<addr>]` (old kernels, /proc/PID/stack) or ` ? ` (an unreliable
 * frame), FreeBSD `#N 0x...` (sys/kern/subr_stack.c, ddb), or any `fn+0x..` (procstat -kk, 4.x+ Linux).
 */
const FRAME_LINE = /^\s*(?:\[<[0-9a-f]+>\]|#\d+ 0x[0-9a-f]|\?\s)|\+0x[0-9a-f]/;
const MARKER = /^@@fg:([a-z0-9]+):(.+):(begin|end)@@/;
/**
 * Where to cut a full buffer: before the gate's own framed capture its end falls in, else before the
 * last record start near its end, else after the last blank line, else after the last newline, but
 * never inside a run of frame lines (a trace with no header to cut before, like /proc/PID/stack) nor
 * inside a framed capture; a buffer with no newline but at its start is cut where it is, at most
 * MAX_LINE_CHARS in. Never 0: the chunk before the cut holds at least one line.
 */
function cutPoint(buffer) {
    const last = buffer.lastIndexOf('\n');
    if (last <= 0)
        return Math.min(buffer.length, MAX_LINE_CHARS);
    const frame = openFrame(buffer, last, -1);
    if (frame > 0)
        return frame;
    const cut = lastRecord(buffer, last);
    // A record inside a closed frame (a ps capture after its procstat capture): before the frame,
    // and before the captures printed right above the cut.
    const around = openFrame(buffer, cut - 1, cut);
    return around > 0 ? around : cut;
}
/** Before the last record start above the newline at `last`, else the fallbacks of cutPoint. */
function lastRecord(buffer, last) {
    let blank;
    let panicAt;
    let panicLines = 0;
    for (const [start, end] of linesUp(buffer, last, CUT_SEARCH_LINES)) {
        // The buffer's first line is no cut point: the chunk before it would be empty.
        if (start === 0)
            break;
        const line = lineAt(buffer, start, end);
        if (startsPanic(line))
            panicAt ??= start;
        else if (startsRecord(line)) {
            const cut = firstOfReport(buffer, start);
            if (cut > 0)
                return cut;
        }
        if (panicAt !== undefined && ++panicLines > PANIC_REPORT_LINES)
            return panicAt;
        if (blank === undefined && isBlank(buffer, start, end))
            blank = end + 1;
    }
    return panicAt ?? blank ?? outsideTrace(buffer, last + 1);
}
/** The lines that end at or above the newline at `end`, last first, at most `max`: [start, end) each. */
function* linesUp(buffer, end, max) {
    for (let n = 0; n < max; n++) {
        const start = end > 0 ? buffer.lastIndexOf('\n', end - 1) + 1 : 0;
        yield [start, end];
        if (start === 0)
            return;
        end = start - 1;
    }
}
/** The cleaned head of the line from `start` to `end` when it may start a record, else ''. */
function lineAt(buffer, start, end) {
    const raw = buffer.slice(start, Math.min(end, start + HEAD_CHARS));
    return RECORD_HINT.test(raw) ? (0,common/* recordLine */.IK)(raw) : '';
}
function isBlank(buffer, start, end) {
    return (0,common/* recordLine */.IK)(buffer.slice(start, Math.min(end, start + HEAD_CHARS))).trim() === '';
}
function startsRecord(line) {
    return (RECORD_START.test(line) ||
        PARSED_STARTS.some((start) => start.test(line)) ||
        LINUX_REPORTS.some((start) => start.test(line)));
}
function startsPanic(line) {
    return freebsd_panic/* PANIC */.IF.test(line) || LINUX_PANICS.some((start) => start.test(line));
}
/**
 * A record start can be the second line of one report: the hung-task report's `task:` line under
 * its `INFO: task ... blocked` header (kernel/hung_task.c prints the taint line and the hint between
 * them), x86's `invalid opcode` under `kernel BUG at` (BUG() traps, lib/bug.c then die()), arm's
 * `Internal error` under `Unable to handle kernel ...`. The start of the first of a chain of starts
 * at most REPORT_HEADER_LINES apart (0 when that is the buffer's start: no cut there).
 */
function firstOfReport(buffer, start) {
    let first = start;
    let gap = 0;
    for (const [prev, end] of linesUp(buffer, start - 1, CUT_SEARCH_LINES)) {
        if (++gap > REPORT_HEADER_LINES)
            break;
        if (startsRecord(lineAt(buffer, prev, end))) {
            first = prev;
            gap = 0;
        }
    }
    return first;
}
/**
 * The gate's watchdog frames each sample and each capture in it (`@@fg:NONCE:NAME:begin@@` ...
 * `:end@@`, guest/watchdog.sh) and reads a sample whole: a procstat capture and the ps capture after
 * it belong together. Where the text up to the newline at `last` ends inside a frame, the start of
 * the outermost open one (and of the captures printed right before it), else `open`, the start of
 * the text after it (-1 for none). Frames of one name never nest (the watchdog prints each begin ...
 * end in turn).
 */
function openFrame(buffer, last, open) {
    const closed = new Set();
    for (const [start, end] of linesUp(buffer, last, CUT_SEARCH_LINES)) {
        const raw = buffer.slice(start, end);
        const marker = raw.includes('@@fg:') ? MARKER.exec((0,common/* cleanLine */.Ow)(raw)) : null;
        if (!marker)
            continue;
        const name = `${marker[1]}:${marker[2]}`;
        // A capture that ends right above the open frame's begin is not closed: it is kept with it.
        if (marker[3] === 'end') {
            if (end + 1 !== open)
                closed.add(name);
        }
        else if (closed.has(name))
            closed.delete(name);
        else
            open = start;
    }
    return open;
}
/**
 * `cut` moved back before the run of frame lines that ends there, and the line above it (the trace's
 * header); where the run reaches past the search bound, or the buffer's start, `cut` as it is.
 */
function outsideTrace(buffer, cut) {
    let top = cut;
    for (const [start, end] of linesUp(buffer, cut - 1, CUT_SEARCH_LINES)) {
        if (!FRAME_LINE.test((0,common/* cleanLine */.Ow)(buffer.slice(start, Math.min(end, start + HEAD_CHARS))))) {
            // Not a frame: the header of the run when there is a run below it, and not the buffer's start.
            return top === cut || start === 0 ? cut : start;
        }
        top = start;
    }
    return cut;
}
//# sourceMappingURL=chunk-cut.js.map
// EXTERNAL MODULE: ./.build/src/report/signature.js
var report_signature = __nccwpck_require__(2428);
// EXTERNAL MODULE: ./.build/src/report/stacks.js + 1 modules
var stacks = __nccwpck_require__(5612);
;// CONCATENATED MODULE: ./.build/src/report/analyze.js
// `fusefs-gate stacks FILE`: everything the report layer can say about a capture or a serial log,
// also for logs far bigger than memory: text is pushed in pieces and parsed a bounded chunk at a time.




/** How much text is parsed at once (1 MiB measured fastest and smallest, bench/RESULTS.md). */
const CHUNK_CHARS = 1024 * 1024;
const PANIC_FORMATS = ['linux-panic', 'freebsd-panic'];
/** At most this many threads are kept (and, past that, this many more blocked ones). */
const MAX_THREADS = 5000;
/**
 * Analyses text pushed in pieces; the same result as one call on the whole text when it fits one chunk.
 * It holds less than two chunks of text at a time (bufferedChars); `end` is called once.
 */
class StackAnalyzer {
    buffer = '';
    threads = [];
    seen = new Set();
    omitted = 0;
    blockedBeyond = 0;
    panic;
    pieces = [];
    pending = 0;
    push(text) {
        this.pieces.push(text);
        this.pending += text.length;
        if (this.pending < CHUNK_CHARS)
            return;
        this.buffer += this.pieces.join('');
        this.pieces = [];
        this.pending = 0;
        while (this.buffer.length >= CHUNK_CHARS) {
            const cut = cutPoint(this.buffer);
            this.parse(this.buffer.slice(0, cut));
            // The rest holds the parsed chunk alive only until the next cut; kept threads are copies.
            this.buffer = this.buffer.slice(cut);
        }
    }
    /** The text pushed and not parsed yet. */
    get bufferedChars() {
        return this.buffer.length + this.pending;
    }
    end(focus) {
        this.parse(this.buffer + this.pieces.join(''));
        const threads = this.threads;
        const blocked = (0,report_signature/* blockedThreads */.UV)(threads);
        const result = { threads, blocked };
        const signature = this.panic ? (0,report_signature/* panicSignature */.c0)(this.panic) : (0,report_signature/* signatureOf */.yK)(threads, focus);
        if (signature !== undefined)
            result.signature = signature;
        const knownBug = (0,catalogue/* matchKnownBug */.Pv)(threads);
        if (knownBug)
            result.knownBug = knownBug;
        if (this.panic)
            result.panic = this.panic;
        if (this.omitted > 0)
            result.threadsOmitted = this.omitted;
        return result;
    }
    parse(text) {
        // The panic parsers give the threads of a text's first report; past the log's first report,
        // later chunks' "first reports" are not the log's, whatever the chunk size.
        const reported = this.panic !== undefined;
        for (const thread of (0,stacks/* parseStacks */.Hf)(text, reported ? PANIC_FORMATS : undefined))
            this.keep(thread);
        // The first report in the log is the one that counts (syzkaller: the first oops). A copy, as below.
        if (!reported)
            this.panic = structuredClone((0,stacks/* extractPanic */.Ll)(text));
    }
    keep(thread) {
        const key = (0,stacks/* threadKey */.GK)(thread);
        if (this.seen.has(key))
            return;
        const room = this.threads.length < MAX_THREADS || ((0,report_signature/* isBlocked */.lT)(thread) && this.blockedBeyond < MAX_THREADS);
        if (!room) {
            this.omitted++;
            return;
        }
        if (this.threads.length >= MAX_THREADS)
            this.blockedBeyond++;
        this.seen.add(key);
        // A deep copy: parsed names are slices of the chunk's lines and would keep every chunk alive.
        this.threads.push(structuredClone(thread));
    }
}
function analyzeStacks(text, focus) {
    const analyzer = new StackAnalyzer();
    analyzer.push(text);
    return analyzer.end(focus);
}
//# sourceMappingURL=analyze.js.map
;// CONCATENATED MODULE: ./.build/src/cli.js
// The CLI entry: flags -> GateConfig -> runGate -> exit status. `fusefs-gate run ...` on a laptop does
// exactly what the action does. Help, usage errors and progress go to stderr; stdout holds the verdict.





async function main(argv) {
    const [command, ...rest] = argv;
    if (command === '--version')
        return print(version());
    if (command === '--help' || command === '-h' || command === 'help')
        return print(mainUsage());
    if (command === undefined)
        return usageError('no command given');
    if (command === 'stacks')
        return stacksCommand(rest);
    if (command === 'bisect')
        return (await __nccwpck_require__.e(/* import() */ 223).then(__nccwpck_require__.bind(__nccwpck_require__, 7223))).bisectCommand(rest);
    if (command !== 'run')
        return usageError(`unknown command ${JSON.stringify(command)}`);
    return runCommand(rest, { print, usageError });
}
function stacksCommand(args) {
    if (args.length !== 1)
        return usageError('stacks takes exactly one FILE');
    // Streamed in 1 MiB reads: a log of any size is parsed in bounded memory (src/report/analyze.ts).
    const analyzer = new StackAnalyzer();
    try {
        const fd = (0,external_node_fs_.openSync)(args[0], 'r');
        try {
            const buffer = Buffer.alloc(1024 * 1024);
            for (let n = (0,external_node_fs_.readSync)(fd, buffer); n > 0; n = (0,external_node_fs_.readSync)(fd, buffer))
                analyzer.push(buffer.toString('latin1', 0, n));
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
    }
    catch (error) {
        return usageError(`cannot read ${JSON.stringify(args[0])}: ${error.code ?? error}`);
    }
    process.stdout.write(`${JSON.stringify(analyzer.end(), null, 2)}\n`);
    return constants/* EXIT */.dc.pass;
}
function print(text) {
    process.stdout.write(`${text}\n`);
    return constants/* EXIT */.dc.pass;
}
function usageError(message, showUsage = true) {
    process.stderr.write(`fusefs-gate: ${message}\n${showUsage ? `${mainUsage()}\n` : ''}`);
    return constants/* EXIT */.dc.usage;
}
main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
}, (error) => {
    process.stderr.write(`fusefs-gate: internal error: ${error?.stack ?? error}\n`);
    process.exitCode = constants/* EXIT */.dc.error;
});
//# sourceMappingURL=cli.js.map
var __webpack_exports__main = __webpack_exports__.i;
export { __webpack_exports__main as main };

//# sourceMappingURL=index.js.map