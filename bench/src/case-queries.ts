// The case-list requests the benchmark cycles through: what case managers and the secretariat do all day.
export function caseListQueries(niks: string[], caseNumbers: string[]): string[] {
  const qs = [
    '',
    'page=2',
    'page=10',
    'type=tppo',
    'type=pmi_deportee&risk=high',
    'stage=in_services',
    'from=2025-01-01&to=2025-12-31',
    'from=2026-01-01&to=2026-11-30&type=potential_tppo',
    'originDistrict=53.10.06',
    'exploitationType=sexual_exploitation',
    'destinationCountry=MY&page=3',
    'overdue=true',
    'sort=case_number',
    'risk=low&stage=monitoring&page=2',
  ];
  for (let i = 0; i < 5; i++) qs.push(`q=${niks[(i * 7919) % niks.length]}`);
  for (let i = 0; i < 3; i++)
    qs.push(`q=${encodeURIComponent(caseNumbers[(i * 104729) % caseNumbers.length]!)}`);
  return qs;
}

/** The kind of a case-list request, for latency by kind (the app audits searches, not lists). */
export function caseListKind(url: string): string {
  const q = new URL(url).searchParams;
  if (q.has('q')) return /^\d{16}$/.test(q.get('q')!) ? 'search by NIK' : 'search by case number';
  return [...q.keys()].length === 0 ? 'plain list' : 'filtered list';
}
