// Sift's own lint rules for oxlint (loaded through `jsPlugins` in .oxlintrc.json). They close the
// gaps that tests/unit/security/lint.test.ts found in the built-in rules: oxlint's
// `no-implied-eval` needs type information and reports nothing here, and `no-restricted-properties`
// cannot see a property named in a string. Issue 11, promises 1 and 2.

const HTML_PROPERTIES = new Set(['innerHTML', 'outerHTML', 'srcdoc']);

const isStringCode = (node) =>
  !!node &&
  ((node.type === 'Literal' && typeof node.value === 'string') ||
    node.type === 'TemplateLiteral' ||
    (node.type === 'BinaryExpression' && node.operator === '+' && (isStringCode(node.left) || isStringCode(node.right))));

const calleeName = (callee) =>
  callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' ? callee.property.name : null;

const stringValue = (node) => (node && node.type === 'Literal' && typeof node.value === 'string' ? node.value : null);

/** setTimeout("code"), setInterval(`code`), execScript("code"): code from a string is eval. */
const noStringCode = {
  meta: { type: 'problem', docs: { description: 'Code from strings is eval: pass a function.' } },
  create(context) {
    return {
      CallExpression(node) {
        const name = calleeName(node.callee);
        if ((name === 'setTimeout' || name === 'setInterval' || name === 'execScript') && isStringCode(node.arguments[0])) {
          context.report({ node, message: `${name} with a string runs it as code (eval): pass a function.` });
        }
      },
    };
  },
};

/** setAttribute('onclick', …), setAttribute('srcdoc', …), Reflect.set(el, 'innerHTML', …). */
const noHtmlByName = {
  meta: { type: 'problem', docs: { description: 'Page text must never become HTML or an event handler.' } },
  create(context) {
    return {
      CallExpression(node) {
        const name = calleeName(node.callee);
        if (name === 'setAttribute' || name === 'setAttributeNS') {
          const attr = stringValue(node.arguments[name === 'setAttribute' ? 0 : 1]);
          if (attr !== null && (/^on/i.test(attr) || attr.toLowerCase() === 'srcdoc')) {
            context.report({ node, message: `setting "${attr}" turns text into code or HTML: use addEventListener or DOM nodes.` });
          }
        }
        if (name === 'set' || name === 'defineProperty') {
          const prop = stringValue(node.arguments[1]);
          if (prop !== null && HTML_PROPERTIES.has(prop)) context.report({ node, message: `${prop} set by name turns text into HTML: build nodes with JSX or textContent.` });
        }
      },
    };
  },
};

export default {
  meta: { name: 'sift' },
  rules: { 'no-string-code': noStringCode, 'no-html-by-name': noHtmlByName },
};
