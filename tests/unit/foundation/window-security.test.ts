import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { isAppUrl } from '../../../electron/window-options';
import { RENDERER_CSP } from '../../../shared/csp';

describe('the Electron window is locked down', () => {
  /** The literal webPreferences of `new BrowserWindow({...})` in main.ts, read with the TypeScript parser. */
  function webPreferencesInMain(): Record<string, string> {
    const file = ts.createSourceFile('main.ts', readFileSync('electron/main.ts', 'utf8'), ts.ScriptTarget.Latest, true);
    const found: Record<string, string> = {};
    const visit = (node: ts.Node): void => {
      if (ts.isNewExpression(node) && node.expression.getText() === 'BrowserWindow') {
        const arg = node.arguments?.[0];
        if (arg && ts.isObjectLiteralExpression(arg)) {
          for (const p of arg.properties) {
            if (ts.isPropertyAssignment(p) && p.name.getText() === 'webPreferences' && ts.isObjectLiteralExpression(p.initializer)) {
              for (const q of p.initializer.properties) if (ts.isPropertyAssignment(q)) found[q.name.getText()] = q.initializer.getText();
            }
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
    return found;
  }

  it('has context isolation, sandbox, web security, and no Node in the renderer', () => {
    const wp = webPreferencesInMain();
    expect(wp.contextIsolation).toBe('true');
    expect(wp.sandbox).toBe('true');
    expect(wp.nodeIntegration).toBe('false');
    expect(wp.nodeIntegrationInSubFrames).toBe('false');
    expect(wp.webSecurity).toBe('true');
    expect(wp.allowRunningInsecureContent).toBe('false');
    expect(wp.webviewTag).toBe('false');
    expect(wp.disableBlinkFeatures).toBe("'Auxclick'");
  });

  it('navigates only to its own page', () => {
    const app = 'file:///opt/Loket/resources/app.asar/dist/renderer/index.html';
    expect(isAppUrl(app, app)).toBe(true);
    expect(isAppUrl('https://example.com/', app)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', app)).toBe(false);
    expect(isAppUrl('not a url', app)).toBe(false);
  });

  it('main.ts denies new windows, navigation, permissions and webviews', () => {
    const main = readFileSync('electron/main.ts', 'utf8');
    expect(main).toContain("setWindowOpenHandler(() => ({ action: 'deny' }))");
    expect(main).toMatch(/will-navigate[\s\S]*preventDefault/);
    expect(main).toMatch(/setPermissionRequestHandler\(.*done\(false\)\)/);
    expect(main).toContain('will-attach-webview');
    expect(readFileSync('electron/ipc-transport.ts', 'utf8')).toMatch(/senderFrame/);
  });

  it('the CSP allows nothing remote, no inline script and no eval', () => {
    expect(RENDERER_CSP).toContain("default-src 'none'");
    expect(RENDERER_CSP).toContain("script-src 'self'");
    expect(RENDERER_CSP).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});
