// Throughput of @2toad/profanity (default word list, profanity.exists) on the engine benchmark's texts, measured
// like the JMH run next to it: warm-up iterations, then timed iterations of one pass over all texts each.
// Usage: node bench.mjs TEXTS [warmupIterations seconds measurementIterations seconds]
//   TEXTS: a .jsonl file or a directory of them; every row's "text" field is one comment, files in name order.
// Prints one line per iteration and a last line "profanity.exists MB/s: <mean> (min <min>, max <max>)".
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import profanityPackage from '@2toad/profanity';

const { profanity } = profanityPackage;
const [source, warmups = '3', warmupSeconds = '2', iterations = '5', iterationSeconds = '2'] = process.argv.slice(2);
if (!source) {
    console.error('usage: node bench.mjs TEXTS [warmupIterations seconds measurementIterations seconds]');
    process.exit(2);
}

function textsOf(path) {
    const files = statSync(path).isDirectory()
        ? readdirSync(path).filter((name) => name.endsWith('.jsonl')).sort().map((name) => join(path, name))
        : [path];
    return files.flatMap((file) => readFileSync(file, 'utf8').split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line).text));
}

const texts = textsOf(source);
const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text, 'utf8'), 0);
let flagged = 0;

function pass() {
    let found = 0;
    for (const text of texts) {
        if (profanity.exists(text)) {
            found++;
        }
    }
    flagged = found; // used, so the calls cannot be optimised away
}

function iteration(seconds) {
    const start = process.hrtime.bigint();
    const until = start + BigInt(Math.round(seconds * 1e9));
    let passes = 0;
    let now = start;
    do {
        pass();
        passes++;
        now = process.hrtime.bigint();
    } while (now < until);
    return (passes * bytes) / 1e6 / (Number(now - start) / 1e9);
}

console.log(`texts: ${texts.length} comments, ${(bytes / 1e6).toFixed(2)} MB UTF-8; node ${process.version}`);
for (let i = 0; i < Number(warmups); i++) {
    console.log(`warm-up ${i + 1}: ${iteration(Number(warmupSeconds)).toFixed(1)} MB/s`);
}
const results = [];
for (let i = 0; i < Number(iterations); i++) {
    results.push(iteration(Number(iterationSeconds)));
    console.log(`iteration ${i + 1}: ${results[i].toFixed(1)} MB/s`);
}
const mean = results.reduce((sum, value) => sum + value, 0) / results.length;
console.log(`flagged: ${flagged} of ${texts.length}`);
console.log(`profanity.exists MB/s: ${mean.toFixed(1)} (min ${Math.min(...results).toFixed(1)}, `
    + `max ${Math.max(...results).toFixed(1)})`);
