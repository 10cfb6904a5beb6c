// The printing service lives in ./service (wired once in services.ts); this path is kept so
// modules written against the first draft keep compiling.
export { createPrintingService, type PrintingService, type PrinterLight } from './service';
