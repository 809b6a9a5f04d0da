// City colours: Okabe–Ito, distinguishable with the common colour-vision deficiencies; text never uses them.
const CITY_COLOURS: Record<string, string> = {
  wuhu: '#0072B2',
  huangshi: '#D55E00',
  changzhou: '#009E73',
  tongxiang: '#CC79A7',
  huaibei: '#E69F00',
};

export function cityColour(city: string): string {
  return CITY_COLOURS[city] ?? '#56B4E9';
}
