import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { bmp } from '../../lib/text/bmp-classes';
import { bmpLiteralsToSources } from './bmp-sources';

describe('bmpLiteralsToSources', () => {
  it('passes the source and flags as strings, whatever the literal holds', () => {
    expect(bmpLiteralsToSources('const A = bmp(/[\\p{L}\\/]+/u);')).toBe('const A = bmp("[\\\\p{L}\\\\/]+", "u");');
    // A "/" inside a class does not end the literal; an escaped "]" does not end the class.
    expect(bmpLiteralsToSources('x = bmp(/[/\\]]\\p{Lu}/giu).exec(s)')).toBe('x = bmp("[/\\\\]]\\\\p{Lu}", "giu").exec(s)');
    expect(bmpLiteralsToSources('f(bmp(/a/u), bmp(/"b"/u))')).toBe('f(bmp("a", "u"), bmp("\\"b\\"", "u"))');
  });

  it('leaves alone what is not a call with one literal on one line', () => {
    for (const code of ['xbmp(/a/u)', 'o.bmp(/a/u)', 'bmp(/a/u, 2)', '// bmp(/…\n/u)', 'bmp(re)', 'bmp(/[a/u)']) {
      expect(bmpLiteralsToSources(code)).toBe(code);
    }
  });

  it('gives bmp the same expression as the literal, for every call in lib/', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) walk(file);
        else if (/\.tsx?$/.test(name) && !name.endsWith('.test.ts')) files.push(file);
      }
    };
    walk(path.resolve(__dirname, '../../lib'));
    let calls = 0;
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      const out = bmpLiteralsToSources(code);
      // No call of code is left as a literal (comments may still show one).
      for (const line of out.split('\n')) if (line.includes('bmp(/')) expect(line.trim(), file).toMatch(/^(?:\*|\/\/)|`bmp\(\//);
      // Written back as literals, the strings give the file as it was.
      const back = out.replace(/(?<![\w$.])bmp\(("(?:[^"\\]|\\.)*"), ("[a-z]*")\)/g, (_, source: string, flags: string) => {
        const [src, f] = [JSON.parse(source) as string, JSON.parse(flags) as string];
        // A string the build passes is an expression bmp can make.
        expect(() => bmp(src, f), file).not.toThrow();
        calls++;
        return `bmp(/${src}/${f})`;
      });
      expect(back, file).toBe(code);
    }
    expect(calls).toBeGreaterThan(70);
  });
});
