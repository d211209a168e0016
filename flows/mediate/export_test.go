package mediate

// WithoutPhrase exposes withoutPhrase to the external tests.
var WithoutPhrase = withoutPhrase
