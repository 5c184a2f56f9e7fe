// One rule for every CSV Plaza writes, on the server (csv-stringify's `cast`) and in the browser
// (PrimeVue's DataTable export): a text cell a spreadsheet would run as a formula starts with a quote
// instead (OWASP, "CSV injection"). Names and descriptions are typed by users. Numbers stay numbers,
// negative ones included. The characters are those csv-stringify's `escape_formulas` defuses.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/

/** The text as a spreadsheet will show it and never evaluate it. */
export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}
