"""One module per emulation title; each rule version is a function named by the date it starts."""
