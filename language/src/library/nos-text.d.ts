// The built-in catalogues are bundled as text (esbuild's text loader, and a vitest plugin for the tests).
declare module '*.nos' {
    const text: string;
    export default text;
}
