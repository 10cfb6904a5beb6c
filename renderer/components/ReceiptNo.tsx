// A receipt number (`64400-01-20261203-0009`) in a narrow column: it may break once, after the
// branch and counter, never inside a part, so that it reads as two whole pieces, not three
// broken ones (Riwayat at 1024×768).

const PARTS = /^(\d+-\d+-)(\d{8}-\d+)$/;

export function ReceiptNo({ value }: { value: string }) {
  const m = PARTS.exec(value);
  if (!m) return <span style={{ whiteSpace: 'nowrap' }}>{value}</span>;
  return (
    <span className="receipt-no">
      <span>{m[1]}</span><wbr /><span>{m[2]}</span>
    </span>
  );
}
