// Fixture: prettier --check must refuse this file (quotes, spacing and width are off on purpose).
export const unformatted = { a:1,   b : "double quotes", list: [ 'one','two','three','four','five','six','seven','eight','nine','ten','eleven','twelve' ] }
