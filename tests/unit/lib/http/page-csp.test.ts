import { describe, expect, it } from 'vitest';
import {
	inlineSources,
	keepUsedHashes,
	metaPolicy,
	replaceHashes,
	withMetaPolicy,
} from '~/lib/http/page-csp';

describe('inlineSources', () => {
	it('finds inline styles and scripts, and leaves out external scripts and JSON data blocks', () => {
		const html = [
			'<style>body{margin:0}</style>',
			'<script type="module">run()</script>',
			'<script src="/_astro/island.js"></script>',
			'<script type="application/ld+json">{"@type":"Article"}</script>',
			'<STYLE media="print">a{color:#000}</STYLE>',
		].join('');
		expect(inlineSources(html)).toEqual({
			scripts: ['run()'],
			styles: ['body{margin:0}', 'a{color:#000}'],
		});
	});

	it('keeps a block’s text exactly, whitespace included, since its hash covers every byte', () => {
		expect(inlineSources('<style>\n  a { }\n</style>').styles).toEqual(['\n  a { }\n']);
	});
});

describe('keepUsedHashes', () => {
	const policy =
		"default-src 'self';script-src 'self' 'sha256-aaa=' 'sha256-bbb=';style-src 'self' 'sha256-ccc=' 'sha384-ddd';frame-ancestors 'none'";

	it('drops the hashes the page does not use and keeps every other source and directive', () => {
		expect(keepUsedHashes(policy, new Set(["'sha256-bbb='", "'sha256-ccc='"]))).toBe(
			"default-src 'self'; script-src 'self' 'sha256-bbb='; style-src 'self' 'sha256-ccc='; frame-ancestors 'none'",
		);
	});

	it('leaves a directive its keywords when none of its hashes is used', () => {
		expect(keepUsedHashes("style-src 'self' 'sha256-ccc='", new Set())).toBe("style-src 'self'");
	});

	it('does not mistake a host or nonce for a hash', () => {
		expect(keepUsedHashes("script-src https://sha256.example 'nonce-abc'", new Set())).toBe(
			"script-src https://sha256.example 'nonce-abc'",
		);
	});
});

describe('the CSP <meta>', () => {
	const html =
		'<head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="style-src \'self\'"></head>';

	it('reads its policy, or null when a page has none', () => {
		expect(metaPolicy(html)).toBe("style-src 'self'");
		expect(metaPolicy('<head></head>')).toBeNull();
	});

	it('replaces its policy and nothing else', () => {
		expect(withMetaPolicy(html, "style-src 'none'")).toBe(html.replace("'self'", "'none'"));
		expect(withMetaPolicy('<p>no policy</p>', 'x')).toBe('<p>no policy</p>');
	});
});

describe('replaceHashes', () => {
	it('swaps a hash of a rewritten block for the new one, wherever it is listed, and nothing else', () => {
		const policy = "script-src 'self' 'sha256-aaa='; style-src 'self' 'sha256-aaa=' 'sha256-ccc='";
		expect(replaceHashes(policy, new Map([["'sha256-aaa='", "'sha256-new='"]]))).toBe(
			"script-src 'self' 'sha256-new='; style-src 'self' 'sha256-new=' 'sha256-ccc='",
		);
	});

	it('never adds a hash the policy did not already allow in its old form', () => {
		const policy = "style-src 'self'";
		expect(replaceHashes(policy, new Map([["'sha256-aaa='", "'sha256-new='"]]))).toBe(policy);
	});
});
