// Stands in for @uwdata/flechette in the app bundle: Arquero's Apache Arrow import/export is never used here,
// and leaving it out keeps the single-file page inside its size budget. Any call fails loudly.
function unavailable(): never {
  throw new Error('Apache Arrow support is not bundled in Tech Targets.');
}
export const columnFromArray = unavailable;
export const columnFromValues = unavailable;
export const tableFromColumns = unavailable;
export const tableToIPC = unavailable;
export const tableFromIPC = unavailable;
