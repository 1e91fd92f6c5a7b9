"""One module per commendation form; each rule version is a function named by the date it starts."""
