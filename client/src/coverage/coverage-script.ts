/**
 * The coverage view's script (plain JavaScript, inlined with the page's nonce). It posts
 * clicks on `data-reveal` buttons to the extension, replaces #root when the extension sends
 * an update, and remembers the "Show only gaps" choice in the webview's state.
 */
export const COVERAGE_SCRIPT = `
(function () {
    const vscode = acquireVsCodeApi();
    const root = document.getElementById('root');

    function applyFilter() {
        const gapsOnly = Boolean((vscode.getState() || {}).gapsOnly);
        document.body.classList.toggle('gaps-only', gapsOnly);
        const box = document.getElementById('gaps-only');
        if (box) {
            box.checked = gapsOnly;
        }
    }

    document.addEventListener('click', function (event) {
        if (event.target instanceof Element && event.target.closest('[data-export]')) {
            event.preventDefault();
            vscode.postMessage({ type: 'export' });
            return;
        }
        const target = event.target instanceof Element ? event.target.closest('[data-reveal]') : null;
        if (target) {
            event.preventDefault();
            vscode.postMessage({ type: 'reveal', target: target.getAttribute('data-reveal'), name: target.getAttribute('data-name') });
        }
    });

    document.addEventListener('change', function (event) {
        if (event.target instanceof HTMLInputElement && event.target.id === 'gaps-only') {
            vscode.setState(Object.assign({}, vscode.getState(), { gapsOnly: event.target.checked }));
            applyFilter();
        }
    });

    window.addEventListener('message', function (event) {
        const message = event.data;
        if (message && message.type === 'update' && typeof message.html === 'string') {
            root.innerHTML = message.html;
            applyFilter();
        }
    });

    applyFilter();
    vscode.postMessage({ type: 'ready' });
}());
`;
