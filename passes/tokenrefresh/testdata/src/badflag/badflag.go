// Package badflag has no imports: the run of an analyzer configured
// with an invalid fetcher fails on it with a clear error.
package badflag

func f() {}
