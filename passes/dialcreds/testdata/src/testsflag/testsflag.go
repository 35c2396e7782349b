// Package testsflag is checked with -dialcreds.tests.
package testsflag
