// Package badflag has no imports: the run of an analyzer configured
// with an invalid auth key fails on it with a clear error.
package badflag

func f() {}
