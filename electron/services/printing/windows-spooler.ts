import type { PrinterCondition } from './dle-eot';

// Windows: the spooler's RAW datatype, the path Microsoft documents for sending printer
// language bytes past the driver (KB 322091: OpenPrinter, StartDocPrinter with "RAW",
// WritePrinter). PowerShell compiles that small P/Invoke class on the fly, so no native
// module has to ship for it. Listing uses WMI's Win32_Printer. Not testable on Linux CI:
// the parsers are tested over captured answers, the script by hand on a Windows counter.

export const RAW_PRINT_PS = String.raw`
$ErrorActionPreference = 'Stop'
Add-Type -TypeDefinition @"
using System;
using System.Runtime.InteropServices;
public static class LoketRaw {
  [StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)]
  public class DOCINFO { public string pDocName; public string pOutputFile; public string pDataType; }
  [DllImport("winspool.drv", SetLastError = true, CharSet = CharSet.Unicode)] static extern bool OpenPrinter(string n, out IntPtr h, IntPtr d);
  [DllImport("winspool.drv", SetLastError = true)] static extern bool ClosePrinter(IntPtr h);
  [DllImport("winspool.drv", SetLastError = true, CharSet = CharSet.Unicode)] static extern int StartDocPrinter(IntPtr h, int level, DOCINFO di);
  [DllImport("winspool.drv", SetLastError = true)] static extern bool EndDocPrinter(IntPtr h);
  [DllImport("winspool.drv", SetLastError = true)] static extern bool StartPagePrinter(IntPtr h);
  [DllImport("winspool.drv", SetLastError = true)] static extern bool EndPagePrinter(IntPtr h);
  [DllImport("winspool.drv", SetLastError = true)] static extern bool WritePrinter(IntPtr h, byte[] b, int n, out int w);
  public static void Send(string name, byte[] bytes) {
    IntPtr h;
    if (!OpenPrinter(name, out h, IntPtr.Zero)) throw new System.ComponentModel.Win32Exception(Marshal.GetLastWin32Error());
    try {
      if (StartDocPrinter(h, 1, new DOCINFO { pDocName = "Loket", pDataType = "RAW" }) == 0) throw new System.ComponentModel.Win32Exception(Marshal.GetLastWin32Error());
      StartPagePrinter(h);
      int written;
      bool ok = WritePrinter(h, bytes, bytes.Length, out written);
      EndPagePrinter(h);
      EndDocPrinter(h);
      if (!ok || written != bytes.Length) throw new System.ComponentModel.Win32Exception(Marshal.GetLastWin32Error());
    } finally { ClosePrinter(h); }
  }
}
"@
[LoketRaw]::Send($env:LOKET_PRINTER, [System.IO.File]::ReadAllBytes($env:LOKET_RAW_FILE))
`;

export const WINDOWS_PRINTERS_PS = "Get-CimInstance -ClassName Win32_Printer | Select-Object Name,Default,DriverName,PortName,WorkOffline,DetectedErrorState | ConvertTo-Json -Compress";

export interface WindowsPrinter { name: string; description: string; isDefault: boolean; workOffline: boolean; errorState: number }

/** Reads WINDOWS_PRINTERS_PS's JSON (one object when there is one printer, an array otherwise). */
export function parseWindowsPrinters(json: string): WindowsPrinter[] {
  let data: unknown;
  try {
    data = JSON.parse(json.trim() || '[]');
  } catch {
    return [];
  }
  const rows = (Array.isArray(data) ? data : [data]) as Record<string, unknown>[];
  return rows.filter((r) => r && typeof r.Name === 'string').map((r) => ({
    name: r.Name as string,
    description: [r.DriverName, r.PortName].filter((x) => typeof x === 'string' && x).join(' · '),
    isDefault: r.Default === true,
    workOffline: r.WorkOffline === true,
    errorState: typeof r.DetectedErrorState === 'number' ? r.DetectedErrorState : 0,
  }));
}

/** Win32_Printer.DetectedErrorState: 4 no paper, 7 door open, 9 offline. */
export function windowsCondition(p: WindowsPrinter | undefined): PrinterCondition {
  if (!p || p.workOffline || p.errorState === 9) return 'offline';
  if (p.errorState === 4) return 'paperOut';
  if (p.errorState === 7) return 'coverOpen';
  return 'ready';
}
